"""Latency of the analyst's desk pages (issue #20) on a large store: p50, p95 and max per
page, requests one at a time to `marsad serve` on 127.0.0.1 with the response cache off
(every request does its whole work), target p95 <= 300 ms.

    marsad ingest ../shared/corpus/saudinewsnet/ --db snn.db --jobs 2     # the full corpus
    .venv/bin/python benchmarks/desk_latency.py --db snn.db [--repeat 10] [--cache-size 0]

Each URL below is asked ``--repeat`` times after one warm-up request (which is reported
apart: the first request after a start or an ingest also reads the pages of the file into
the OS cache and fills the places summary). On a machine shared with other work, wall-clock
times include waiting for a core: ``--cpu`` also serves the app in this process and
reports the CPU time each request takes (all threads of the process), which other
processes do not inflate.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from urllib.parse import quote

# (page, path): several variants of each page; facets, charts and downloads included.
URLS = [
    ("search", "/search?q=" + quote("الحوثي")),
    ("search", "/search?q=" + quote("السعودية")),
    ("search", "/search?q=" + quote("وزير الخارجية")),
    ("search", "/search"),
    ("search", "/search?country=YEM"),
    ("search", "/search?q=" + quote("الملك سلمان") + "&outlet=sabq"),
    ("search", "/search?q=" + quote("داعش") + "&type=ASSAULT"),
    ("events", "/events"),
    ("events", "/events?type=ASSAULT"),
    ("events", "/events?country=YEM"),
    ("events", "/events?actor=houthis"),
    ("events", "/events?outlet=aawsat&since=2015-07-21&until=2015-07-31"),
    ("actors", "/actors"),
    ("actors", "/actors?sort=quotes"),
    ("actors", "/actors?country=SAU&sector=GOV&sort=events"),
    ("actors", "/actors?q=" + quote("الجبير")),
    ("quotes", "/quotes"),
    ("quotes", "/quotes?q=" + quote("الحوار")),
    ("quotes", "/quotes?speaker=" + quote("الجبير")),
    ("quotes", "/quotes?country=YEM"),
    ("outlets", "/outlets"),
    ("places", "/places"),
    ("places", "/places?q=" + quote("عدن")),
    ("places", "/places?country=YEM&sort=mentions"),
    ("attention", "/attention?q=" + quote("الحوثي") + "&q=" + quote("داعش") + "&q=" + quote("إيران")),
    ("attention", "/attention?q=" + quote("السعودية")),
    ("map", "/map"),
    ("map", "/map?what=places"),
    ("map", "/map?type=ASSAULT"),
    ("downloads", "/events?format=csv"),
    ("downloads", "/search?q=" + quote("الحوثي") + "&format=json"),
    ("downloads", "/quotes?country=SAU&format=csv"),
]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def serve(db: str, cache_size: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli.main", "serve", "--db", db, "--host",
                             "127.0.0.1", "--port", str(port), "--cache-size", str(cache_size)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/static/marsad.svg", timeout=1).close()
            return proc, base
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"marsad serve did not start: {proc.stderr.read()!r}")
            time.sleep(0.2)


def get(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        status = r.status
    return (time.perf_counter() - started) * 1000, status


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--cache-size", type=int, default=0, help="the server's response cache (0: off)")
    ap.add_argument("--cpu", action="store_true", help="also the CPU time per request, in this process")
    args = ap.parse_args()
    import sqlite3
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    sizes = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
             for t in ("articles", "entities", "quotes", "events", "places")}
    conn.close()
    print("store:", ", ".join(f"{n:,} {t}" for t, n in sizes.items()))
    proc, base = serve(args.db, args.cache_size)
    by_page: dict[str, list[float]] = defaultdict(list)
    by_url: dict[str, list[float]] = defaultdict(list)
    first: dict[str, float] = {}
    try:
        for page, path in URLS:
            first[path], status = get(base + path)
            assert status == 200, (path, status)
        for _ in range(args.repeat):
            for page, path in URLS:
                ms, status = get(base + path)
                by_page[page].append(ms)
                by_url[path].append(ms)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print_table("", by_page)
    if args.cpu:
        cpu_times(args.db, args.repeat, args.cache_size)
    print("\nslowest URLs (p95 ms; first request ms):")
    for path, values in sorted(by_url.items(), key=lambda kv: -percentile(kv[1], 95))[:8]:
        print(f"  {percentile(values, 95):7.1f}  {first[path]:7.1f}  {urllib.parse.unquote(path)}")


def cpu_times(db: str, repeat: int, cache_size: int) -> None:
    """CPU time of each request served in this process (Starlette's test client)."""
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    client = TestClient(create_app(db, cache_size=cache_size), base_url="http://localhost")
    for _, path in URLS:
        client.get(path)
    by_page: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeat):
        for page, path in URLS:
            started = time.process_time()
            assert client.get(path).status_code == 200, path
            by_page[page].append((time.process_time() - started) * 1000)
    print_table("CPU time per request, in this process:", by_page)


def print_table(title: str, by_page: dict[str, list[float]]) -> None:
    """p50, p95 and max milliseconds per page, then over all requests."""
    if title:
        print("\n" + title, end="")
    print(f"\n{'page':10} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    every = [ms for values in by_page.values() for ms in values]
    for page, values in [*by_page.items(), ("all", every)]:
        print(f"{page:10} {len(values):5} {statistics.median(values):8.1f} {percentile(values, 95):8.1f}"
              f" {max(values):8.1f}")


if __name__ == "__main__":
    main()
