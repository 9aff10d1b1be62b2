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
    for ent in record.get("entities") or []:
        ent = ent if isinstance(ent, dict) else {}
        label = ent.get("label") if ent.get("label") in LABELS else "MISC"
        tip = " · ".join(str(x) for x in (ent.get("name_en"), ent.get("country"),
                                           ent.get("sector"), ent.get("role")) if x)
        for m in ent.get("mentions") or []:
            if _valid(m, n):
                marks.append(_Mark(m["start"], m["end"], f"ent ent-{label}",
                                   actor_url(ent.get("actor_key")), tip or None))
    for a, b in hits:
        if 0 <= a < b <= n:
            marks.append(_Mark(a, b, "hit"))
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
