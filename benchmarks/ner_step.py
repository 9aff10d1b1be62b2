"""CPU time of the pipeline's NER step (``marsad_ner``) on the watch benchmark's articles.

    PYTHONPATH=src python benchmarks/ner_step.py [--n 1000]

The first ``--n`` SaudiNewsNet articles (title and text) are tokenised and split into
sentences first; then the NER step runs over them once, cold (a new process: the tagger's
token-vector cache starts empty, as in a first watch poll), timed with ``process_time``.
Prints the step's CPU seconds and, within it, the tagger's (``tag_many``) and its two
onnxruntime graphs'. The machine is shared: compare two versions of the code run
alternately, several times each (``PYTHONPATH=<old checkout>/src``), best against best.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import saudinewsnet  # noqa: E402


class _Timed:
    """Stands in for an onnxruntime session, adding the CPU time of its runs to ``spent``."""

    def __init__(self, session, spent: dict, name: str):
        self._session, self._spent, self._name = session, spent, name

    def run(self, *args):
        t = time.process_time()
        out = self._session.run(*args)
        self._spent[self._name] += time.process_time() - t
        return out

    def __getattr__(self, attr):
        return getattr(self._session, attr)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles")
    args = ap.parse_args(argv)

    from marsad.model import Article
    from marsad.pipeline.build import keep, load, make_doc

    nlp = keep(load(steps=("marsad_sentences", "marsad_ner")))
    sentences, ner = nlp.get_pipe("marsad_sentences"), nlp.get_pipe("marsad_ner")
    docs = [sentences(make_doc(nlp, Article(text=a["content"], title=a.get("title"))))
            for a in saudinewsnet(args.n)]
    tagger = ner.tagger
    spent = {"tag_many": 0.0, "tokens.onnx": 0.0, "sequence.onnx": 0.0}
    if hasattr(tagger, "_sequence"):  # the neural tagger: time its graphs too
        tagger._tokens = _Timed(tagger._tokens, spent, "tokens.onnx")
        tagger._sequence = _Timed(tagger._sequence, spent, "sequence.onnx")
    tag_many = tagger.tag_many

    def timed_tag_many(sents):
        t = time.process_time()
        out = tag_many(sents)
        spent["tag_many"] += time.process_time() - t
        return out

    tagger.tag_many = timed_tag_many
    t0 = time.process_time()
    for doc in docs:
        ner(doc)
    total = time.process_time() - t0
    print(f"marsad_ner: {total:.3f} s CPU for {len(docs)} articles ({1000 * total / len(docs):.2f} ms each); "
          + ", ".join(f"{k} {v:.3f} s" for k, v in spent.items()))


if __name__ == "__main__":
    main()
