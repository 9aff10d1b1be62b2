"""Run the pipeline with the events step on a gold file and score the events:
``python -m marsad.eval.events [GOLD.jsonl] [--detail] [--id ID] [--show]``.

Scoring is :func:`marsad.eval.gold.score` (GUIDELINES.md: a system (source, type, target)
triple matches a gold event when the codes are equal and the type is ``type`` or in
``also``; optional gold events are neither missed nor false).
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Iterable, Optional

from marsad.eval.gold import score
from marsad.eval.run import read_gold
from marsad.model import Article

DEFAULT_GOLD = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "dev.jsonl"


def pipeline(steps: Optional[Iterable[str]] = None, actors: str = "lexicon"):
    """The marsad pipeline (``steps``, default all) followed by the events step, whose
    actors come from ``actors`` ("auto", "lexicon" or "entities")."""
    from marsad.pipeline.build import STEPS, load

    nlp = load(steps=[s for s in (steps or STEPS) if s != "marsad_events"])
    nlp.add_pipe("marsad_events", config={"actors": actors})
    return nlp


def system_records(gold: Iterable[dict[str, Any]], nlp=None) -> list[dict[str, Any]]:
    """marsad/1 dicts for the gold articles' texts."""
    from marsad.pipeline.build import run

    nlp = nlp or pipeline()
    out = []
    for g in gold:
        article = Article(text=g["text"], id=g["id"], title=g.get("title"), published=g.get("published"))
        out.append(run(nlp, article).to_dict())
    return out


def measure(gold: list[dict[str, Any]], ids: Optional[set[str]] = None, nlp=None) -> dict[str, Any]:
    """Score the events of the pipeline on ``gold`` (optionally only the ``ids``)."""
    if ids:
        gold = [g for g in gold if g["id"] in ids]
    records = system_records(gold, nlp)
    report = score(gold, records)
    report["records"] = records
    return report


def format_events(report: dict[str, Any], detail: bool = False) -> str:
    e = report["events"]
    lines = [f"events: P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  "
             f"(matched {e['matched']}, system {e['system']}, gold {e['gold']})"]
    if detail:
        for a in report["articles"]:
            ev = a["events"]
            if not ev["misses"] and not ev["false"]:
                continue
            lines.append(f"-- {a['id']}: matched {ev['matched']}/{ev['gold']}, system {ev['system']}")
            lines += [f"   MISS  {g['source']} {g['type']} {g['target']}  «{g['evidence'][:70]}»" for g in ev["misses"]]
            lines += [f"   FALSE {s} {t} {o}" for s, t, o in ev["false"]]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--detail", action="store_true", help="list misses and false events")
    ap.add_argument("--id", action="append", help="only this article (repeatable)")
    ap.add_argument("--show", action="store_true", help="print every system event")
    ap.add_argument("--actors", default="lexicon", choices=("auto", "lexicon", "entities"),
                    help="where the events step takes its actors from")
    ap.add_argument("--steps", help="comma-separated pipeline steps before the events step")
    args = ap.parse_args(argv)
    nlp = pipeline(args.steps.split(",") if args.steps else None, args.actors)
    report = measure(read_gold(args.gold), set(args.id) if args.id else None, nlp)
    print(format_events(report, args.detail))
    if args.show:
        for r in report["records"]:
            for ev in r["events"]:
                tgt = (ev["target"] or {}).get("country") or ""
                print(f"{r['id']}\t{ev['source']['country']} {ev['type']} {tgt}\t{ev['mode'] or ''}\t"
                      f"«{ev['evidence']['text'][:90]}»")


if __name__ == "__main__":
    main()
