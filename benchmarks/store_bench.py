"""Store benchmark: ingest SaudiNewsNet articles, search latency, API latency under load.

    .venv/bin/python benchmarks/store_bench.py [--limit 5000] [--requests 2000] [--concurrency 50]

Reports: ingest time (pipeline + store) and store-only time, DB size; search latency (median,
p95; target <= 50 ms); API request latency under N concurrent clients on 127.0.0.1 (p50, p99;
target p99 <= 100 ms). Everything runs on loopback; the load test is bounded in requests and
time. Needs ../shared (SaudiNewsNet zips).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import as_jsonl, saudinewsnet  # noqa: E402

from marsad.readers import read  # noqa: E402
from marsad.store import ingest_articles, ingest_records, open_store  # noqa: E402
from marsad.store.queries import Filters, search_articles  # noqa: E402

QUERIES = ["السعودية", "الرياض", "وزير الخارجية", "الملك سلمان", "أمير منطقة", "الأمم المتحدة",
           "اليمن", "الحوثي", "مجلس الوزراء", "إيران", "تحذر", "الامبريالية", "روسيا", "أمريكا",
           '"ولي العهد"', "التعليم*", "داعش", "الهلال", "المملكة", "الصحة", "xyzzy", "<script>"]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench_ingest(limit: int, work: Path) -> tuple[Path, dict]:
    src = as_jsonl(saudinewsnet(limit), work / "snn.jsonl")
    db = work / "snn.db"
    conn = open_store(db)
    started = time.perf_counter()
    stats = ingest_articles(conn, read([str(src)]))
    pipeline_s = time.perf_counter() - started
    records = [json.loads(r) for (r,) in conn.execute("SELECT record_json FROM articles")]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    copy = open_store(work / "copy.db")
    started = time.perf_counter()
    ingest_records(copy, records)
    store_s = time.perf_counter() - started
    copy.close()
    again = open_store(db)
    started = time.perf_counter()
    rerun = ingest_articles(again, read([str(src)]))
    rerun_s = time.perf_counter() - started
    again.close()
    return db, {"articles": stats.added, "ingest_s": pipeline_s, "store_only_s": store_s,
                "rerun_s": rerun_s, "rerun_skipped": rerun.skipped,
                "db_mb": db.stat().st_size / 1e6}


def bench_search(db: Path, rounds: int = 5) -> dict:
    conn = open_store(db, readonly=True)
    times, hits = [], {}
    for _ in range(rounds):
        for q in QUERIES:
            started = time.perf_counter()
            page = search_articles(conn, q, limit=20)
            times.append((time.perf_counter() - started) * 1000)
            hits[q] = page.total
    started = time.perf_counter()
    search_articles(conn, "السعودية", Filters(since="2015-07-01", until="2015-08-31"), limit=20)
    filtered = (time.perf_counter() - started) * 1000
    conn.close()
    return {"n": len(times), "median_ms": statistics.median(times), "p95_ms": percentile(times, 95),
            "max_ms": max(times), "filtered_ms": filtered, "hits": hits}


def bench_api(db: Path, requests: int, concurrency: int, budget_s: float = 120,
              workers: int = 1, cache_size: int = 1024) -> dict:
    """``requests`` GETs from ``concurrency`` keep-alive connections to ``marsad serve`` on
    127.0.0.1, a third each: one article's record, listings (events, quotes, recent
    articles), searches. Latency percentiles per kind and overall."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli.main", "serve", "--db", str(db),
                               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                               "--cache-size", str(cache_size)])
    try:
        _wait(f"http://127.0.0.1:{port}")
        conn = open_store(db, readonly=True)
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 50")]
        conn.close()
        kinds = {"record": [f"/api/articles/{quote(i)}" for i in ids],
                 "listing": ["/api/events", "/api/quotes", "/api/articles?limit=50", "/api/actors"],
                 "search": [f"/api/articles?q={quote(q)}" for q in QUERIES[:12]]}
        paths = [(k, p) for i in range(max(map(len, kinds.values())))
                 for k, ps in kinds.items() for p in ps[i % len(ps):][:1]]
        results = asyncio.run(_load("127.0.0.1", port, paths, requests, concurrency, budget_s))
    finally:
        server.terminate()
        server.wait(timeout=10)
    out = {"requests": len(results), "concurrency": concurrency,
           "ok": sum(status == 200 for _, _, status in results)}
    for kind in ("all", *kinds):
        ms = [t for k, t, status in results if status == 200 and kind in ("all", k)]
        out[kind] = {"p50_ms": statistics.median(ms), "p99_ms": percentile(ms, 99), "n": len(ms)}
    return out


async def _load(host: str, port: int, paths: list[tuple[str, str]], total: int,
                concurrency: int, budget_s: float) -> list[tuple[str, float, int]]:
    """A minimal HTTP/1.1 keep-alive client (a heavier client would eat the CPU the server is
    measured on): ``[(kind, milliseconds, status), ...]``, stopping after ``budget_s``."""
    out: list[tuple[str, float, int]] = []
    numbers = iter(range(total))
    deadline = time.monotonic() + budget_s

    async def worker():
        reader, writer = await asyncio.open_connection(host, port)
        try:
            for i in numbers:
                if time.monotonic() > deadline:
                    return
                kind, path = paths[i % len(paths)]
                started = time.perf_counter()
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                await reader.readexactly(length)
                out.append((kind, (time.perf_counter() - started) * 1000, int(head.split(b" ", 2)[1])))
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return out


def _wait(base: str, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(base + "/static/marsad.svg", timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit("marsad serve did not start")
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="marsad serve --workers")
    parser.add_argument("--keep", metavar="FILE", help="Keep the store built here.")
    parser.add_argument("--db", metavar="FILE", help="Measure search and API on this existing store "
                                                     "(no ingest).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db = Path(args.db)
        else:
            db, ingest = bench_ingest(args.limit, Path(tmp))
            print(f"ingest: {ingest['articles']} articles in {ingest['ingest_s']:.1f} s "
                  f"({ingest['articles'] / ingest['ingest_s']:.0f}/s, pipeline + store); store only "
                  f"{ingest['store_only_s']:.1f} s ({ingest['articles'] / ingest['store_only_s']:.0f}/s); "
                  f"re-run {ingest['rerun_s']:.1f} s, {ingest['rerun_skipped']} skipped; "
                  f"DB {ingest['db_mb']:.1f} MB")
        search = bench_search(db)
        print(f"search: {search['n']} queries, median {search['median_ms']:.1f} ms, "
              f"p95 {search['p95_ms']:.1f} ms, max {search['max_ms']:.1f} ms; "
              f"with date filter {search['filtered_ms']:.1f} ms (target <= 50 ms)")
        for cache_size, label in ((0, "no response cache"), (1024, "response cache (default)")):
            api = bench_api(db, args.requests, args.concurrency, workers=args.workers,
                            cache_size=cache_size)
            parts = ", ".join(f"{k} p50 {api[k]['p50_ms']:.0f} / p99 {api[k]['p99_ms']:.0f} ms"
                              for k in ("all", "record", "listing", "search"))
            print(f"api, {label}: {api['ok']}/{api['requests']} OK at concurrency "
                  f"{api['concurrency']}, {args.workers} server process{'es' * (args.workers > 1)}: "
                  f"{parts} (target p99 <= 100 ms)")
        if args.keep and not args.db:
            shutil.copy(db, args.keep)


if __name__ == "__main__":
    main()
