"""The attributes marsad keeps on a spaCy ``Doc``; registered once, idempotently.

Every default is ``None`` (a shared mutable default would leak between documents); a
component assigns a fresh list, and the record builder reads ``None`` as "nothing found".
"""
from __future__ import annotations

from spacy.tokens import Doc

from marsad.text.normalize import normalize_with_map

DOC_ATTRS = (
    "article",  # marsad.model.Article: metadata travelling with the text
    "matches",  # list[marsad.lexicon.matcher.Match]: lexicon names and titles found
    "entities",  # list[marsad.model.Entity]
    "quotes",  # list[marsad.model.Quote]
    "events",  # list[marsad.model.Event]
    "dates",  # list[marsad.model.DateRef]
    "places",  # list[marsad.model.Place]
    "errors",  # list[marsad.model.ErrorInfo]: failures of components on this doc
)


def register() -> None:
    """Register every marsad ``Doc`` extension (safe to call more than once)."""
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def folded_of(doc: Doc) -> tuple[str, list[int]]:
    """The Doc's text folded for matching, with the map back to it
    (:func:`marsad.text.normalize.normalize_with_map`), worked out once for the steps that
    match on it (dates, lexicon names)."""
    folded = doc.user_data.get("folded")
    if folded is None:
        folded = doc.user_data["folded"] = normalize_with_map(text_of(doc))
    return folded


def text_of(doc: Doc) -> str:
    """The Doc's text. spaCy rebuilds ``doc.text`` from the tokens on every access; marsad
    keeps the string it tokenised in ``doc.user_data["text"]``."""
    text = doc.user_data.get("text")
    return text if text is not None else doc.text
