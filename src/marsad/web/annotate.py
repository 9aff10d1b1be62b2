"""An article's text cut into segments for display: each segment carries the annotations
that cover it (entity mentions, quotes, cues, event evidence, search hits), so the template
can render flat, escaped ``<span>``/``<a>`` elements without building HTML by hand."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import quote

LABELS = ("PER", "ORG", "LOC", "FAC", "MISC")


def actor_url(key: Optional[str]) -> Optional[str]:
    """The page of an actor key or country code, or None."""
    return "/actors/" + quote(key, safe="") if key else None


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    href: Optional[str] = None
    tip: Optional[str] = None

    @property
    def css(self) -> str:
        return " ".join(self.classes)


@dataclass
class _Mark:
    start: int
    end: int
    css: str
    href: Optional[str] = None
    tip: Optional[str] = None


def _valid(span, length: int) -> bool:
    return (isinstance(span, dict) and span.get("field") in (None, "text")
            and isinstance(span.get("start"), int) and isinstance(span.get("end"), int)
            and 0 <= span["start"] < span["end"] <= length)


def marks_of(record: dict, hits: list[tuple[int, int]] = ()) -> list[_Mark]:
    """Every displayable annotation of the record's body text."""
    text = record.get("text") or ""
    n = len(text)
    marks = _quote_event_marks(record, n)
    for ent in record.get("entities") or []:
        ent = ent if isinstance(ent, dict) else {}
        for m in ent.get("mentions") or []:
            if _valid(m, n):
                marks.append(_entity_mark(ent, m["start"], m["end"]))
    for a, b in hits:
        if 0 <= a < b <= n:
            marks.append(_Mark(a, b, "hit"))
    return marks


def _entity_mark(ent: dict, start: int, end: int) -> _Mark:
    label = ent.get("label") if ent.get("label") in LABELS else "MISC"
    tip = " · ".join(str(x) for x in (ent.get("name_en"), ent.get("country"),
                                       ent.get("sector"), ent.get("role")) if x)
    return _Mark(start, end, f"ent ent-{label}", actor_url(ent.get("actor_key")), tip or None)


def part_marks(record: dict, mentions: list[tuple[str, int, int]], start: int, end: int,
               hits: list[tuple[int, int]] = ()) -> list[_Mark]:
    """The annotations of the part ``start``–``end`` of a long article, in offsets of the
    part (cut at its edges): its quotes and events from ``record`` (whose entities carry no
    mentions, see :func:`marsad.store.parts.article_outline`), the entity ``mentions``
    ``(entity_id, start, end)`` found in the part, and ``hits`` (already in the part's
    offsets)."""
    size = end - start
    marks = []
    for m in _quote_event_marks(record, None):
        if m.start < end and m.end > start:
            m.start, m.end = max(m.start, start) - start, min(m.end, end) - start
            marks.append(m)
    entities = {e.get("id"): e for e in record.get("entities") or [] if isinstance(e, dict)}
    for entity_id, a, b in mentions:
        if a < b and a < end and b > start:
            marks.append(_entity_mark(entities.get(entity_id, {}), max(a, start) - start,
                                      min(b, end) - start))
    marks.extend(_Mark(a, b, "hit") for a, b in hits if 0 <= a < b <= size)
    return marks


def _quote_event_marks(record: dict, n: Optional[int]) -> list[_Mark]:
    """The marks of the record's event evidence, quotes and cues (any valid offsets when
    ``n``, the text's length, is None)."""
    n = n if n is not None else 1 << 62
    marks: list[_Mark] = []
    for ev in record.get("events") or []:
        ev = ev if isinstance(ev, dict) else {}
        if _valid(ev.get("evidence"), n):
            marks.append(_Mark(ev["evidence"]["start"], ev["evidence"]["end"], "evidence",
                               tip=str(ev.get("type") or "")))
    for q in record.get("quotes") or []:
        q = q if isinstance(q, dict) else {}
        if _valid(q.get("content"), n):
            marks.append(_Mark(q["content"]["start"], q["content"]["end"], "quote",
                               tip=str(q.get("kind") or "")))
        if _valid(q.get("cue"), n):
            marks.append(_Mark(q["cue"]["start"], q["cue"]["end"], "cue"))
    return marks


def segments(text: str, marks: list[_Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; each piece lists the marks covering it."""
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    by_start = sorted(marks, key=lambda m: m.start)
    out: list[Segment] = []
    active: list[_Mark] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(by_start) and by_start[i].start <= a:
            active.append(by_start[i])
            i += 1
        active = [m for m in active if m.end > a]
        seg = Segment(text[a:b])
        for m in active:
            seg.classes.extend(m.css.split())
            seg.href = seg.href or m.href
            seg.tip = seg.tip or m.tip
        out.append(seg)
    return out


def article_segments(record: dict, hits: list[tuple[int, int]] = ()) -> list[Segment]:
    """The record's body text as annotated segments (see :func:`segments`)."""
    return segments(record.get("text") or "", marks_of(record, hits))
