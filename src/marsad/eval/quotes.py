"""Run the quote finder on a gold file and score it: ``python -m marsad.eval.quotes
[GOLD.jsonl] [--detail] [--id ID]``.

The system speaker name is the finder's ``speaker.text`` (no entity linking here), so the
numbers are what the quote finder alone achieves.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Iterable, Optional

from marsad.eval.gold import format_report, score
from marsad.eval.run import read_gold
from marsad.quotes.finder import find_quotes

DEFAULT_GOLD = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "dev.jsonl"


def system_records(gold: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """marsad/1-shaped dicts holding only what the quote finder produces."""
    return [{"id": g["id"], "text": g["text"], "entities": [], "events": [],
             "quotes": [q.to_dict() for q in find_quotes(g["text"])]} for g in gold]


def measure(gold: list[dict[str, Any]], ids: Optional[set[str]] = None) -> dict[str, Any]:
    """Score the finder on ``gold`` (optionally only the articles in ``ids``)."""
    if ids:
        gold = [g for g in gold if g["id"] in ids]
    return score(gold, system_records(gold))


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--detail", action="store_true", help="list misses, false alarms, wrong speakers")
    ap.add_argument("--id", action="append", help="only this article (repeatable)")
    args = ap.parse_args(argv)
    gold = read_gold(Path(args.gold))
    report = measure(gold, set(args.id) if args.id else None)
    print(format_report(report, detail=args.detail))


if __name__ == "__main__":
    main()
