"""The ``marsad_events`` pipeline step: PLOVER events and resolved places on the Doc.

Reads the sentence starts (``marsad_sentences``), ``doc._.dates`` (``marsad_dates``) and,
when present, ``doc._.entities`` and ``doc._.quotes``; sets ``doc._.events`` and
``doc._.places``. Its actors come from the lexicons unless configured to read entities.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from marsad.events.actors import mentions_from_entities
from marsad.events.coder import Coded, EventCoder
from marsad.pipeline.extensions import text_of

ACTOR_SOURCES = ("auto", "lexicon", "entities")


class EventsComponent:
    """``Doc -> Doc``: :meth:`match` codes the events, :meth:`set_annotations` stores them."""

    def __init__(self, lexicon_dirs: Optional[list[str]] = None, actors: str = "lexicon"):
        if actors not in ACTOR_SOURCES:
            raise ValueError(f"marsad_events: actors must be one of {ACTOR_SOURCES}, not {actors!r}")
        self.coder = EventCoder(lexicon_dirs or ())
        self.actors = actors

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> Coded:
        article = doc._.article
        sentences = _sentences(doc)
        entities = doc._.entities
        mentions = None
        if self.actors == "entities" or (self.actors == "auto" and entities):
            mentions = mentions_from_entities(text_of(doc), entities or [])
        return self.coder(text_of(doc), published=article.published if article else None,
                          sentences=sentences, dates=doc._.dates, mentions=mentions,
                          quotes=doc._.quotes, body_start=doc.user_data.get("body_start", 0),
                          matches=_matches(doc), entities=entities)

    @staticmethod
    def set_annotations(doc: Doc, coded: Coded) -> None:
        doc._.events = coded.events
        doc._.places = coded.places


def _sentences(doc: Doc) -> Optional[list[tuple[int, int]]]:
    """Character spans of the Doc's sentences (kept by ``marsad_sentences``), else read
    from the sentence-start array; None when no step set them."""
    sentences = doc.user_data.get("sentences")
    if sentences is not None or not len(doc):
        return sentences
    starts = doc.to_array("SENT_START")
    if not (starts == 1).any():
        return None
    idx = doc.to_array("IDX")
    first = [int(idx[i]) for i in (starts == 1).nonzero()[0]]
    if first[0] != 0:
        first.insert(0, 0)
    return list(zip(first, first[1:] + [len(text_of(doc))]))


def _matches(doc: Doc):
    """The lexicon matches the actors step left on the Doc, if any."""
    return doc._.matches if Doc.has_extension("matches") else None


@Language.factory(
    "marsad_events",
    assigns=["doc._.events", "doc._.places"],
    requires=["token.is_sent_start"],
    default_config={"lexicon_dirs": [], "actors": "lexicon"},
)
def make_events(nlp: Language, name: str, lexicon_dirs: list[str], actors: str) -> EventsComponent:
    """Build the events step; ``lexicon_dirs`` are users' folders of lexicon files (both
    the actor lexicons and ``triggers.tsv``/``markers.tsv``); ``actors`` chooses where actor
    candidates come from ("lexicon", the default for now; "entities": ``doc._.entities``;
    "auto": entities when the Doc has them, else lexicons)."""
    return EventsComponent(lexicon_dirs, actors)
