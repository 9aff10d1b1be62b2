"""Does one huge stored article hold up the web server? Latency of the page of a 20 MB
article, and of small requests made at the same time, against a local uvicorn.

    .venv/bin/python benchmarks/web_bounds.py            # --mb 20 --seconds 8 --clients 8

Builds a temporary store holding 200 small articles and one article of about MB megabytes
(one mention every sentence, so highlighting has work to do), starts `marsad serve` on it
(response cache off), then measures twice for SECONDS each: small requests alone (CLIENTS
at a time: article pages and API calls), and the same while the big article's page is
asked for again and again. Prints the latencies as a Markdown table (docs/web.md).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "قال لافروف: إن موسكو تدعم بيونغ يانغ. وجاءت الزيارة لروسيا بعد أسابيع. "  # Lavrov said...


def record(article_id: str, text: str) -> dict:
    """A marsad/1 record: a mention of «لافروف» and of «موسكو» in every sentence, a quote and
    an event in the first."""
    n = len(SENTENCE)
    starts = range(0, len(text) - n + 1, n)
    lavrov, moscow = SENTENCE.index("لافروف"), SENTENCE.index("موسكو")
    content = SENTENCE.index("موسكو تدعم بيونغ يانغ")
    return {
        "schema": "marsad/1", "id": article_id, "url": None, "outlet": "bench", "published": "2023-09-14",
        "title": "لافروف: موسكو تدعم بيونغ يانغ", "author": None, "text": text,
        "entities": [
            {"id": "e1", "label": "PER", "name": "لافروف", "name_en": "Sergei Lavrov", "country": "RUS",
             "mentions": [{"start": s + lavrov, "end": s + lavrov + 6, "text": "لافروف"} for s in starts]},
            {"id": "e2", "label": "LOC", "name": "موسكو", "name_en": "Moscow", "country": "RUS",
             "mentions": [{"start": s + moscow, "end": s + moscow + 5, "text": "موسكو"} for s in starts]},
        ],
        "quotes": [{"kind": "direct", "speaker": {"entity": "e1", "text": "لافروف", "start": lavrov, "end": lavrov + 6},
                    "cue": {"text": "قال", "start": 0, "end": 3},
                    "content": {"text": "موسكو تدعم بيونغ يانغ", "start": content, "end": content + 21}}],
        "events": [{"type": "SUPPORT", "source": {"entity": "e2", "country": "RUS"},
                    "target": {"country": "PRK"}, "date": "2023-09-14",
                    "evidence": {"text": "موسكو تدعم بيونغ يانغ", "start": content, "end": content + 21}}],
        "dates": [], "places": [], "errors": [], "meta": {},
    }


def build_store(path: Path, mb: int) -> float:
    """The store; returns the seconds the big article took to ingest."""
    from marsad.store import ingest_records, open_store

    conn = open_store(path)
    ingest_records(conn, [record(f"small-{i}", SENTENCE * 20 + str(i)) for i in range(200)])
    big = SENTENCE * ((mb << 20) // len(SENTENCE.encode()))
    started = time.perf_counter()
    ingest_records(conn, [record("big", big)])
    conn.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def small_load(client, stop: float, latencies: list[float], worker: int) -> None:
    i = worker
    while time.perf_counter() < stop:
        url = f"/articles/small-{i % 200}" if i % 2 else f"/api/articles/small-{i % 200}"
        started = time.perf_counter()
        response = await client.get(url)
        latencies.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        i += 7


async def big_load(client, stop: float, latencies: list[float], part: str) -> None:
    while time.perf_counter() < stop:
        started = time.perf_counter()
        response = await client.get("/articles/big" + part)
        latencies.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code


async def phase(base: str, seconds: float, clients: int, big: bool, part: str = "") -> tuple[list, list]:
    import httpx

    small: list[float] = []
    large: list[float] = []
    limits = httpx.Limits(max_connections=clients + 2)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        stop = time.perf_counter() + seconds
        tasks = [small_load(client, stop, small, w) for w in range(clients)]
        if big:
            tasks.append(big_load(client, stop, large, part))
        await asyncio.gather(*tasks)
    return small, large


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000 if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=8)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        ingest_seconds = build_store(db, options.mb)
        port = free_port()
        marsad = str(Path(sys.executable).with_name("marsad"))
        server = subprocess.Popen([marsad, "serve", "--db", str(db), "--port", str(port),
                                   "--cache-size", "0"])
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(base)
            print(f"store: 200 small articles + one of {options.mb} MB "
                  f"(ingested in {ingest_seconds:.1f} s); {options.clients} clients, "
                  f"{options.seconds:g} s per row\n")
            print("| load | small requests | small p50 (ms) | small p99 (ms) | small max (ms) "
                  "| big page requests | big page latency (ms): median / max |")
            print("|---|---|---|---|---|---|---|")
            for name, big, part in (("small requests only", False, ""),
                                    ("with /articles/big (part 1)", True, ""),
                                    ("with /articles/big?part=50", True, "?part=50")):
                small, large = asyncio.run(phase(base, options.seconds, options.clients, big, part))
                big_cell = f"{pct(large, 0.5):.0f} / {max(large) * 1000:.0f}" if large else "—"
                print(f"| {name} | {len(small)} | {pct(small, 0.5):.1f} | {pct(small, 0.99):.1f} "
                      f"| {max(small) * 1000:.0f} | {len(large) or '—'} | {big_cell} |")
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait(base: str) -> None:
    import httpx

    for _ in range(200):
        try:
            if httpx.get(base + "/api/events?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not start")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
