"""Peak memory and time of `marsad extract` and `marsad ingest` on one very long article.

    .venv/bin/python benchmarks/big_article.py --mb 60

Writes an Arabic article of about MB megabytes as a .txt file and as one JSON line, then
runs each command in a fresh process and reads its peak resident memory (os.wait4). The
article is cut to --max-chars (200,000 characters by default) before analysis and storage
(docs/architecture.md, "Limits"), so the peak is the reading of the file, not its analysis.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# "The minister said the meeting held in Moscow was fruitful and discussed cooperation
# between the two countries in energy, trade and security"
WORDS = ("قال الوزير إن الاجتماع الذي عقد في موسكو كان مثمرا وناقش التعاون بين البلدين في "
         "مجالات الطاقة والتجارة والأمن").split()
MARSAD = str(Path(sys.executable).with_name("marsad"))


def article(mb: int) -> str:
    rng = random.Random(1)
    parts, size = [], 0
    while size < mb << 20:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))) + ".\n"
        parts.append(line)
        size += len(line.encode())
    return "".join(parts)


def measure(args: list[str]) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one marsad command in its own process."""
    started = time.perf_counter()
    proc = subprocess.Popen([MARSAD, *args, "-q"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"marsad {' '.join(args)} failed ({proc.returncode})")
    return time.perf_counter() - started, usage.ru_maxrss // 1024  # KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=60, help="size of the article (MB)")
    options = parser.parse_args()
    text = article(options.mb)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "big.txt").write_text("مقال طويل\n" + text, encoding="utf-8")  # "a long article"
        (folder / "big.jsonl").write_text(json.dumps({"id": "big", "text": text}, ensure_ascii=False)
                                          + "\n", encoding="utf-8")
        size = (folder / "big.txt").stat().st_size / 2**20
        print(f"article: {len(text):,} characters, {size:.0f} MB of UTF-8\n")
        print("| command | input | seconds | peak RSS (MB) |")
        print("|---|---|---|---|")
        for name in ("big.txt", "big.jsonl"):
            src = str(folder / name)
            runs = {"extract": ["extract", src, "-o", str(folder / "out.jsonl")],
                    "ingest": ["ingest", src, "--db", str(folder / f"{name}.db")]}
            for command, args in runs.items():
                seconds, peak = measure(args)
                print(f"| {command} | .{name.split('.')[-1]} | {seconds:.1f} | {peak} |")


if __name__ == "__main__":
    main()
