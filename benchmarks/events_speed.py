"""What the events step adds to the pipeline's time per article, on SaudiNewsNet articles.

    python benchmarks/events_speed.py [--n 1000] [--warm 200] [--steps marsad_sentences,...] [--lexicon DIR]

Runs the pipeline (default: all of ``marsad.pipeline.build.STEPS``) with and without
``marsad_events`` over the same articles, on one core, and reports ms/article for both, the
time of the events step alone and its share of the whole. The target is ≤ 20 %. ``--lexicon``
adds users' lexicon folders (e.g. PETRARCH dictionaries, docs/lexicons.md) to every step.
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
    parser.add_argument("--warm", type=int, default=200,
                        help="articles run first, not timed (default 200): per-word memos fill up")
    parser.add_argument("--steps", help="comma-separated steps before the events step "
                                        "(default: the pipeline's STEPS)")
    parser.add_argument("--lexicon", action="append", default=[], metavar="DIR",
                        help="a users' lexicon folder (repeatable)")
    args = parser.parse_args()

    import marsad.events  # noqa: F401  (registers marsad_events)
    from marsad.model import Article
    from marsad.pipeline.build import STEPS, keep, load, make_doc

    steps = args.steps.split(",") if args.steps else [s for s in STEPS if s != "marsad_events"]
    nlp = load(steps=steps, lexicon_dirs=args.lexicon)
    nlp.add_pipe("marsad_events", config={"lexicon_dirs": args.lexicon})
    keep(nlp)  # as every command and worker runs it: the model out of the collector's passes
    articles = [Article(text=a["content"], title=a.get("title"), published=a["date_extracted"][:10])
                for a in saudinewsnet(args.n + args.warm)]
    warm, articles = articles[:args.warm], articles[args.warm:]
    for article in warm:  # lexicons, automata and per-word memos are built once per process
        _run(nlp, make_doc, article)
    per_step: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name, _ in nlp.pipeline}}
    start = time.perf_counter()
    for article in articles:
        for name, seconds in _run(nlp, make_doc, article):
            per_step[name] += seconds
    total = time.perf_counter() - start
    events = per_step.pop("marsad_events")
    before = total - events
    n = len(articles)
    print(f"{n} SaudiNewsNet articles; steps: {', '.join(steps)} + marsad_events")
    for name, seconds in per_step.items():
        print(f"  {name:18} {1000 * seconds / n:8.2f} ms/article")
    print(f"  {'marsad_events':18} {1000 * events / n:8.2f} ms/article")
    print(f"pipeline without events: {1000 * before / n:.2f} ms/article (tokeniser included)")
    print(f"events step adds {100 * events / before:.1f} % to the time per article")


def _run(nlp, make_doc, article):
    """(step, seconds) for one article; the tokeniser counts as a step of its own."""
    t0 = time.perf_counter()
    doc = make_doc(nlp, article)
    out = [("tokenizer", time.perf_counter() - t0)]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        out.append((name, time.perf_counter() - t0))
    return out


if __name__ == "__main__":
    main()
