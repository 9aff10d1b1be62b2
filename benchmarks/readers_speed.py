"""How fast the JSON readers turn SaudiNewsNet articles into Article records.

Usage: .venv/bin/python benchmarks/readers_speed.py [--n 1000] [--corpus ../shared/corpus/saudinewsnet]

Takes the first N articles of the SaudiNewsNet zips (one JSON array per day), writes them
to a temporary JSON Lines file and a temporary JSON array file, reads each through
marsad.readers (best of --repeat runs) and prints articles/s and MB/s.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from marsad.readers import read

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "saudinewsnet"


def load_articles(corpus: Path, n: int) -> list[dict]:
    """The first ``n`` articles of the zips in ``corpus``, in file order."""
    articles: list[dict] = []
    for archive in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                articles.extend(json.loads(zf.read(member)))
                if len(articles) >= n:
                    return articles[:n]
    return articles


def time_read(path: Path, fmt: str, repeat: int) -> tuple[float, int, int]:
    """(best seconds, articles read, error records) for reading ``path`` as ``fmt``."""
    best, count, errors = float("inf"), 0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        records = list(read([str(path)], format=fmt))
        best = min(best, time.perf_counter() - start)
        count, errors = len(records), sum(1 for r in records if r.errors)
    return best, count, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to read (default 1000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of SaudiNewsNet zips")
    parser.add_argument("--repeat", type=int, default=3, help="runs per format; the best is kept")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not found", file=sys.stderr)
        return 1
    articles = load_articles(args.corpus, args.n)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        jsonl_path, json_path = Path(tmp) / "saudinewsnet.jsonl", Path(tmp) / "saudinewsnet.json"
        with open(jsonl_path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
        json_path.write_text(json.dumps(articles, ensure_ascii=False, indent=4), encoding="utf-8")
        for fmt, path in (("jsonl", jsonl_path), ("json", json_path)):
            seconds, count, errors = time_read(path, fmt, args.repeat)
            megabytes = path.stat().st_size / 1e6
            rows.append((fmt, count, errors, megabytes, seconds, count / seconds, megabytes / seconds))
    print(f"{'format':<7}{'articles':>9}{'errors':>8}{'MB':>8}{'seconds':>9}{'articles/s':>12}{'MB/s':>8}")
    for fmt, count, errors, mb, seconds, rate, mbps in rows:
        print(f"{fmt:<7}{count:>9}{errors:>8}{mb:>8.1f}{seconds:>9.3f}{rate:>12,.0f}{mbps:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
