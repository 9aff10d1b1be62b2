"""Named-entity recognition: the trained tagger over the article's words.

The tagger sees words as ANERcorp has them (proclitics attached, punctuation apart): one
unit per proclitic tokens + host token. An entity's span starts at the host, so «لروسيا»
tagged LOC gives the span «روسيا». Spans go to ``doc.spans["ner"]``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from marsad.entities.words import name_leading_verbs, not_name_edges, strip_marks
from marsad.lexicon.actors import first_name
from marsad.lexicon.matcher import name_key
from marsad.ner import load_tagger
from marsad.pipeline.extensions import text_of
from marsad.text.normalize import has_surrogate, utf8_safe

PROCLITICS = "وفبلك"  # and, so, with/in, to/for, like


def token_table(doc: Doc) -> list[tuple[int, int, bool, bool, bool]]:
    """Per token: (offset, length, followed by whitespace, is whitespace, is alphabetic),
    read once per Doc (Token objects are costly to make again and again)."""
    return [(t.idx, len(t), bool(t.whitespace_), t.is_space, t.is_alpha) for t in doc]


def word_units(text: str, table, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(host_token, last_token, text)`` for each tagger unit among tokens [start, end):
    proclitic tokens glued to their host, whitespace skipped. ``table``: :func:`token_table`."""
    units: list[tuple[int, int, str]] = []
    first: Optional[int] = None
    for i in range(start, end):
        idx, length, space_after, is_space, _ = table[i]
        if is_space:
            continue
        if first is None:
            first = i
        if length == 1 and not space_after and text[idx] in PROCLITICS \
                and i + 1 < len(table) and table[i + 1][4]:
            continue  # a one-letter proclitic the tokeniser split off its word
        units.append((i, i, text[table[first][0]:idx + length]))
        first = None
    return units


@Language.factory("marsad_ner", assigns=["doc.spans"], default_config={"tagger": "default"})
def make_ner(nlp: Language, name: str, tagger: str):
    return NerComponent(tagger)


class NerComponent:
    """Tag the words of every sentence (one batch per article) and store the entity spans
    in ``doc.spans["ner"]``. ``tagger``: "default", "neural" or "crf" (see marsad.ner)."""

    def __init__(self, tagger: str = "default"):
        self.tagger = load_tagger(tagger)

    def __call__(self, doc: Doc) -> Doc:
        text, table = text_of(doc), token_table(doc)
        sentences = [units for sent in doc.sents  # token ranges set by marsad_sentences
                     if (units := word_units(text, table, sent.start, sent.end))]
        safe = utf8_safe if has_surrogate(text) else str  # one check per text, not per word
        labels = self.tagger.tag_many([[safe(u[2]) for u in units] for units in sentences])
        doc.spans["ner"] = [span for units, tags in zip(sentences, labels)
                            for span in _decode(doc, units, tags)]
        return doc


@lru_cache(maxsize=1)
def _nationalities() -> frozenset[str]:
    """Name keys of the lexicon's nationality adjectives («الكولومبي», «التشيكية»), which
    stand before a person's name as context, not as part of it (homographs left out:
    «الغاني» is also the name Ghani)."""
    from marsad.lexicon.actors import load_countries

    return frozenset(name_key(c.name) for c in load_countries()
                     if c.kind == "adj" and "homograph" not in c.flags)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without function words («على», «في», ...) at either edge."""
    edges = not_name_edges()
    while start < end and (doc[start].is_punct or strip_marks(doc[start].text) in edges):
        start += 1
    while end > start and (doc[end - 1].is_punct or strip_marks(doc[end - 1].text) in edges):
        end -= 1
    return start, end


def _decode(doc: Doc, units, labels) -> list[Span]:
    """BIO labels over units → spans from the first unit's host to the last unit's end."""
    spans: list[Span] = []
    current: Optional[list] = None  # [start_token, end_token, label]
    for (host, last, _), tag in zip(units, labels):
        kind, _, label = tag.partition("-")
        if kind == "I" and current and current[2] == label:
            current[1] = last + 1
            continue
        if current:
            spans.append(current)
            current = None
        if kind in ("B", "I"):
            current = [host, last + 1, label]
    if current:
        spans.append(current)
    out = []
    verbs, adjectives = name_leading_verbs(), _nationalities()
    for start, end, label in spans:
        if end - start == 1 and strip_marks(doc[start].text) in verbs:
            continue  # «وقد دان الرئيس»: the verb alone taken for a name
        while end - start > 1 and (strip_marks(doc[start].text) in verbs or
                                   label == "PER" and name_key(doc[start].text) in adjectives
                                   and not first_name(doc[start].text, doc[start + 1:end].text,
                                                      doc[max(0, start - 2):start].text)):
            start += 1  # «سئل بوتين» → «بوتين», «الكولومبي خوان مونتويا» → «خوان مونتويا»
            while start < end and doc[start].is_space:
                start += 1
        trimmed = _trim(doc, start, end)
        if trimmed != (start, end) and trimmed[1] - trimmed[0] < 2:
            continue  # «على حسن»: one word left of a name built on a function word
        if trimmed[0] < trimmed[1]:
            out.append(Span(doc, trimmed[0], trimmed[1], label=label))
    return out
