"""Full-pipeline throughput: read → extract → write JSON Lines, on SaudiNewsNet articles.

    python benchmarks/throughput.py [--n 1000] [--jobs 1 2] [--profile] [--spread]

Writes the articles to a temporary JSONL file, then for each --jobs value runs
`marsad extract` in a fresh process (so cold start and peak RSS are those of a real run)
and reports articles/s, tokens/s, wall time, peak RSS (the largest of the main process and
its workers) and cold start (import + pipeline load). With --profile, also times each
pipeline step in this process over the same articles.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import as_jsonl, saudinewsnet  # noqa: E402

MARSAD = [sys.executable, "-m", "marsad.cli.main"]


def cold_start() -> float:
    """Seconds to import marsad and build the default pipeline, in a fresh process."""
    code = ("import time; t = time.perf_counter(); from marsad.pipeline.build import load; "
            "load(); print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout)


def run_extract(src: Path, jobs: int, engine: str = "local") -> tuple[float, float, int]:
    """(seconds, peak RSS in MB of any one process, records written) of one extract run.
    (With Dask the workers are grandchildren: their RSS is not in the figure.)"""
    out = src.with_suffix(f".{engine}{jobs}.jsonl")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(MARSAD + ["extract", str(src), "-o", str(out), "-q", "--jobs", str(jobs),
                             "--engine", engine], check=True)
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    with open(out, encoding="utf-8") as fh:
        records = sum(1 for _ in fh)
    return seconds, peak, records


def profile_steps(articles: list[dict]) -> list[tuple[str, float]]:
    """Milliseconds per article spent in tokenising and in each step."""
    from marsad.model import Article
    from marsad.pipeline.build import keep, load, make_doc, run
    from marsad.pipeline.record import to_record

    nlp = keep(load())  # as the engines build it
    items = [Article(text=a["content"], title=a.get("title"), published=(a.get("date_extracted") or "")[:10] or None)
             for a in articles if a.get("content")]
    for item in items[:20]:
        run(nlp, item)  # warm caches
    totals: dict[str, float] = {"tokenizer": 0.0}
    for item in items:
        t = time.perf_counter()
        doc = make_doc(nlp, item)
        totals["tokenizer"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        json.dumps(to_record(doc).to_dict(), ensure_ascii=False)
        totals["record + JSON"] = totals.get("record + JSON", 0.0) + time.perf_counter() - t
    return [(name, seconds / len(items) * 1000) for name, seconds in totals.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to run")
    parser.add_argument("--profile", action="store_true", help="also time each pipeline step")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="local processes, or a local Dask cluster with --jobs workers")
    parser.add_argument("--spread", action="store_true",
                        help="articles at even steps over the whole corpus, not the first ones")
    args = parser.parse_args()

    articles = saudinewsnet(args.n, spread=args.spread)
    tokens = sum(len(a["content"].split()) for a in articles)
    print(f"{len(articles)} SaudiNewsNet articles ({'spread over the corpus' if args.spread else 'the first'}), "
          f"{tokens} whitespace tokens, "
          f"{os.cpu_count()} CPUs")
    print(f"cold start (import + load): {cold_start():.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        src = as_jsonl(articles, Path(tmp) / "input.jsonl")
        print(f"engine {args.engine}")
        print(f"{'jobs':>4} {'seconds':>8} {'articles/s':>10} {'tokens/s':>9} {'peak RSS MB':>11} {'records':>7}")
        outputs = []
        for jobs in args.jobs:
            seconds, peak, records = run_extract(src, jobs, args.engine)
            outputs.append(src.with_suffix(f".{args.engine}{jobs}.jsonl").read_bytes())
            print(f"{jobs:4d} {seconds:8.2f} {len(articles) / seconds:10.1f} {tokens / seconds:9.0f} "
                  f"{peak:11.0f} {records:7d}")
        print(f"records identical across runs: {all(o == outputs[0] for o in outputs)}")
    if args.profile:
        print("\nms per article by step (one process):")
        rows = profile_steps(articles)
        total = sum(ms for _, ms in rows)
        for name, ms in rows:
            print(f"  {name:18} {ms:7.2f} ms  {ms / total:6.1%}")
        print(f"  {'total':18} {total:7.2f} ms  → {1000 / total:.0f} articles/s")


if __name__ == "__main__":
    main()
