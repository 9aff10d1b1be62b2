"""What repeated names (:mod:`marsad.entities.repeats`) add to a tagger's own predictions.

    marsad eval ner ../shared/data/anercorp/test.conll --system tagger --predictions /tmp/p.conll
    python benchmarks/ner_repeats.py /tmp/p.conll [--window 20]

Reads a ``--predictions`` file (token, gold, predicted per line; a blank line between
sentences), joins ``--window`` sentences into one text at a time (as the pipeline's
``marsad eval ner`` groups them), takes the predicted names as NER mentions, adds the repeats
``repeats`` finds, and prints exact-match P / R / F1 before and after (docs/ner.md,
"Repeated names": test 0.7510 -> 0.7621 with the shipped tagger).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from marsad.entities.mentions import NameMention
from marsad.entities.repeats import repeats
from marsad.eval.ner import bio_labels, chunks, score

Sentence = list[tuple[str, str, str]]  # (token, gold, predicted)


def read_predictions(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            current.append((parts[0], parts[1], parts[2]))
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def with_repeats(block: list[Sentence]) -> list[list[str]]:
    """The predicted labels of ``block`` after repeats are added, sentence by sentence."""
    offsets, pos = [], 0
    for sentence in block:
        spans = []
        for token, _, _ in sentence:
            spans.append((pos, pos + len(token)))
            pos += len(token) + 1
        offsets.append(spans)
    text = "\n".join(" ".join(t for t, _, _ in s) for s in block)
    mentions = []
    for sentence, spans in zip(block, offsets):
        for first, end, label in chunks([p for _, _, p in sentence]):
            start, stop = spans[first][0], spans[end - 1][1]
            mentions.append(NameMention(start, stop, text[start:stop], label, "ner"))
    names = sorted((m.start, m.end, m.label) for m in mentions + repeats(text, mentions))
    return [bio_labels(spans, names) for spans in offsets]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("predictions", type=Path, help="a `marsad eval ner --predictions` file")
    ap.add_argument("--window", type=int, default=20, help="sentences analysed together")
    args = ap.parse_args()
    sentences = read_predictions(args.predictions)
    gold = [[g for _, g, _ in s] for s in sentences]
    before = [[p for _, _, p in s] for s in sentences]
    after = [labels for i in range(0, len(sentences), args.window)
             for labels in with_repeats(sentences[i:i + args.window])]
    for name, predicted in (("before", before), ("after", after)):
        o = score(gold, predicted)["overall"]
        print(f"{name:<7} P {o['precision']:.4f}  R {o['recall']:.4f}  F1 {o['f1']:.4f}")


if __name__ == "__main__":
    main()
