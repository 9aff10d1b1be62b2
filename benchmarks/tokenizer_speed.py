"""Tokeniser and sentence-splitter throughput on SaudiNewsNet articles.

    python benchmarks/tokenizer_speed.py [--n 1000]

Reports tokens/s and articles/s for marsad.text.tokenize, the spaCy Doc built from it, and
the sentence splitter, on one core.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import saudinewsnet  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    args = parser.parse_args()
    texts = [a["content"] for a in saudinewsnet(args.n)]
    chars = sum(map(len, texts))

    from marsad.pipeline.build import load
    from marsad.text.sentences import split_sentences
    from marsad.text.tokenize import tokenize

    nlp = load(steps=())
    rows = []
    for name, fn in (("tokenize()", tokenize), ("spaCy Doc (nlp.make_doc)", nlp.make_doc),
                     ("split_sentences()", split_sentences)):
        start = time.perf_counter()
        count = sum(len(fn(t)) for t in texts)
        seconds = time.perf_counter() - start
        rows.append((name, count, seconds))
    print(f"{len(texts)} SaudiNewsNet articles, {chars / 1e6:.2f} M characters")
    print(f"{'step':28} {'items':>9} {'seconds':>8} {'items/s':>10} {'articles/s':>10}")
    for name, count, seconds in rows:
        print(f"{name:28} {count:9d} {seconds:8.2f} {count / seconds:10.0f} {len(texts) / seconds:10.0f}")


if __name__ == "__main__":
    main()
