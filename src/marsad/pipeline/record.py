"""Turn an analysed ``Doc`` into its marsad/1 :class:`~marsad.model.Record`.

The Doc holds the title, a blank line, then the body (see ``build.make_doc``). Here every
span is mapped back: spans in the body index ``record.text``; spans in the title index
``record.title`` and carry ``field="title"``. Quotes and events are taken from the body only
(a headline repeats the body, and gold annotations cover the body).
"""
from __future__ import annotations

import dataclasses
from typing import Optional, TypeVar

from spacy.tokens import Doc

from marsad.model import DateRef, Entity, Event, Place, Quote, Record, Span, Speaker

T = TypeVar("T")


class Offsets:
    """Maps Doc offsets to (field, offset) for one article."""

    def __init__(self, body_start: int):
        self.body_start = body_start

    def in_body(self, start: Optional[int]) -> bool:
        return start is None or start >= self.body_start

    def span(self, span: Optional[Span]) -> Optional[Span]:
        if span is None:
            return None
        # Spans are built directly: dataclasses.replace costs ten times more, on every mention.
        if span.start >= self.body_start:
            return Span(span.start - self.body_start, span.end - self.body_start, span.text, span.field)
        return Span(span.start, span.end, span.text, "title")

    def shift(self, item: T) -> T:
        """An item with ``start``/``end`` fields, shifted to the body (unchanged if absent)."""
        if getattr(item, "start", None) is None or item.start < self.body_start:
            return item
        return dataclasses.replace(item, start=item.start - self.body_start,
                                   end=item.end - self.body_start)


def to_record(doc: Doc) -> Record:
    """The record of ``doc``: the article's metadata plus what the components found.

    What a component did not produce (not built yet, or failed) is an empty list.
    """
    off = Offsets(doc.user_data.get("body_start", 0))
    record = Record.from_article(doc._.article)
    record.entities = [_entity(e, off) for e in doc._.entities or []]
    record.quotes = [_quote(q, off) for q in doc._.quotes or [] if off.in_body(q.content.start)]
    record.events = [_event(e, off) for e in doc._.events or [] if off.in_body(e.evidence.start)]
    record.dates = [_date(d, off) for d in doc._.dates or []]
    record.places = [off.shift(p) for p in doc._.places or [] if off.in_body(p.start)]
    record.errors.extend(doc._.errors or [])
    return record


def _entity(e: Entity, off: Offsets) -> Entity:
    return dataclasses.replace(e, mentions=[off.span(m) for m in e.mentions])


def _date(d: DateRef, off: Offsets) -> DateRef:
    if d.start >= off.body_start:
        return off.shift(d)
    return dataclasses.replace(d, field="title")


def _quote(q: Quote, off: Offsets) -> Quote:
    speaker = q.speaker
    if speaker is not None and speaker.start is not None:
        if speaker.start >= off.body_start:
            speaker = Speaker(speaker.entity, speaker.text, speaker.start - off.body_start,
                              speaker.end - off.body_start)
        else:
            speaker = Speaker(speaker.entity, speaker.text)  # named in the title only
    return dataclasses.replace(q, content=off.span(q.content), cue=off.span(q.cue), speaker=speaker)


def _event(e: Event, off: Offsets) -> Event:
    place = e.place
    if isinstance(place, Place) and place.start is not None and place.start < off.body_start:
        place = dataclasses.replace(place, start=None, end=None)
    return dataclasses.replace(
        e, evidence=off.span(e.evidence), trigger=off.span(e.trigger), place=off.shift(place) if place else None,
        evidence_all=[off.span(s) for s in e.evidence_all if off.in_body(s.start)])
