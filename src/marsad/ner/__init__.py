"""Named-entity taggers: the CRF (:mod:`marsad.ner.tagger`) and the neural BiLSTM-CRF
(:mod:`marsad.ner.neural`). Both expose ``tag(words)`` and ``tag_many(sentences)``."""
from __future__ import annotations

TAGGER_KINDS = ("default", "crf", "neural")
DEFAULT_KIND = "neural"  # the best shipped model on ANERcorp (docs/ner.md)


class UnknownTaggerError(ValueError):
    """``load_tagger`` was asked for a kind it does not know."""


def load_tagger(kind: str = "default"):
    """The shipped tagger of ``kind``: "crf", "neural", or "default" (the best shipped one).
    Loaded once and cached; imports happen here, not at package import."""
    if kind == "default":
        kind = DEFAULT_KIND
    if kind == "crf":
        from marsad.ner.tagger import NerTagger
        return NerTagger.load()
    if kind == "neural":
        from marsad.ner.neural import NeuralTagger
        return NeuralTagger.load()
    raise UnknownTaggerError(f"unknown NER tagger {kind!r}; expected one of {', '.join(TAGGER_KINDS)}")
