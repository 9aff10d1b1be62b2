"""Speed of the NER tagger on real news: SaudiNewsNet articles, whitespace-split.

    python benchmarks/ner_speed.py [--articles 2000] [--model crf|neural|DIR] [--corpus ../shared/corpus/saudinewsnet]

Reports model load time, resident memory added by the loaded model, and words/s and
articles/s for tagging (one process, one thread). Sentences are cut at . ! ? ؟ and line
breaks, as a pipeline would before calling ``NerTagger.tag``; each article's sentences go to
``tag_many`` together (the neural tagger runs them as one batch).
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from marsad.training.ner.clusters import iter_articles

ROOT = Path(__file__).resolve().parents[1]
_SENT_END = re.compile(r"(?<=[.!?\u061f])\s+|\n+")


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux /proc; psutil if present)."""
    try:
        import psutil
        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    return float("nan")


def load_articles(corpus: Path, n: int) -> list[list[list[str]]]:
    """The first ``n`` articles as lists of sentences of whitespace tokens."""
    out = []
    for text in iter_articles(corpus):
        sents = [s.split() for s in _SENT_END.split(text)]
        out.append([s for s in sents if s])
        if len(out) >= n:
            break
    return out


def load(model: str):
    """The tagger named by ``--model``: a shipped kind, or a folder (neural if it has tokens.onnx)."""
    if model in ("crf", "neural", "default"):
        from marsad.ner import load_tagger
        return load_tagger(model)
    if (Path(model) / "tokens.onnx").exists():
        from marsad.ner.neural import NeuralTagger
        return NeuralTagger.load(model)
    from marsad.ner.tagger import NerTagger
    return NerTagger.load(model)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--model", default="crf",
                    help="'crf' or 'neural' (the shipped models), or a model folder of either kind")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "saudinewsnet")
    ap.add_argument("--repeat", type=int, default=1, help="tag the articles this many times (warm cache)")
    args = ap.parse_args(argv)

    articles = load_articles(args.corpus, args.articles)
    n_words = sum(len(s) for a in articles for s in a)

    rss0 = rss_mb()
    t0 = time.perf_counter()
    tagger = load(args.model)
    load_s = time.perf_counter() - t0
    rss_model = rss_mb() - rss0

    rows = []
    for run in range(args.repeat):
        t0 = time.perf_counter()
        n_ents = 0
        for art in articles:
            for labels in tagger.tag_many(art):
                n_ents += sum(lab.startswith("B-") for lab in labels)
        secs = time.perf_counter() - t0
        rows.append((run + 1, secs, n_words / secs, len(articles) / secs, n_ents))

    print(f"model      {tagger.model_dir}")
    print(f"articles   {len(articles)}   words {n_words}   words/article {n_words / len(articles):.0f}")
    print(f"load       {load_s:.2f} s   model RSS +{rss_model:.0f} MB   total RSS {rss_mb():.0f} MB")
    print(f"{'run':>4}{'seconds':>10}{'words/s':>10}{'articles/s':>12}{'entities':>10}")
    for run, secs, wps, aps, ents in rows:
        print(f"{run:>4}{secs:>10.2f}{wps:>10.0f}{aps:>12.1f}{ents:>10}")


if __name__ == "__main__":
    main()
