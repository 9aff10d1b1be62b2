"""The marsad/1 record and the objects it is made of.

Every class is a plain dataclass with ``to_dict``/``from_dict``; :class:`Record` adds
``to_json``/``from_json``. Field names are the output contract (docs/schema.md,
``schema/marsad-1.schema.json``): add fields freely, never rename or remove one without a
schema version bump.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any, Optional

from marsad.periods import iso_bounds, precision_of

SCHEMA = "marsad/1"
# The 16 PLOVER event types an Event's ``type`` may take (docs/events.md).
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _drop_none(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None or k in keep}


def _values(obj) -> dict[str, Any]:
    """The fields of a dataclass of plain values, in order (``dataclasses.asdict`` without
    its deep copy, which the output's strings and numbers do not need)."""
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


@lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _known(cls, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


@dataclass
class Span:
    """Characters ``text[start:end]`` of the article (or of its title when ``field`` is
    ``"title"``)."""

    start: int
    end: int
    text: str
    field: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(_values(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Span":
        return cls(**_known(cls, data))


Mention = Span


@dataclass
class ErrorInfo:
    """Why an article, or part of one, could not be read or processed."""

    code: str
    message: str
    source: Optional[str] = None  # input name and position, e.g. "feed.jsonl:17"

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(_values(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ErrorInfo":
        return cls(**_known(cls, data))


@dataclass
class Article:
    """What a reader yields: the text exactly as read, plus what is known about it."""

    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    source: Optional[str] = None  # where it was read: path, path:line, warc record
    meta: dict[str, Any] = field(default_factory=dict)
    errors: list[ErrorInfo] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = content_id(self.text, self.title)


def content_id(text: str, title: Optional[str] = None) -> str:
    """A stable id from the content: the same text (and title) always gives the same id."""
    digest = hashlib.sha256(((title or "") + "\n\x00" + (text or "")).encode("utf-8", "surrogatepass"))
    return "sha-" + digest.hexdigest()[:16]


@dataclass
class Entity:
    id: str
    label: str  # PER, ORG, LOC, FAC, MISC
    name: str
    name_en: Optional[str] = None
    country: Optional[str] = None  # ISO 3166-1 alpha-3 or IGO
    sector: Optional[str] = None  # GOV, MIL, OPP, REB, PTY, BUS, MED, NGO, CVL, IGO, ...
    role: Optional[str] = None
    mentions: list[Span] = field(default_factory=list)
    # where the country came from: lexicon, title, adjective, affiliation, place, story, outlet
    country_source: Optional[str] = None
    gender: Optional[str] = None  # m, f: lets «أضاف/أضافت» choose between speakers
    # places (LOC, FAC): a region spanning countries (code of lexicon/data/regions.tsv:
    # «الشرق الأوسط» middle_east), and the gazetteer's coordinates; written only when known
    region: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None

    def to_dict(self) -> dict[str, Any]:
        d = _values(self)
        for key in ("region", "lat", "lon"):
            if d[key] is None:
                del d[key]
        d["mentions"] = [m.to_dict() for m in self.mentions]
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        d = _known(cls, data)
        d["mentions"] = [Span.from_dict(m) for m in data.get("mentions", [])]
        return cls(**d)


@dataclass
class Speaker:
    entity: Optional[str]  # id of the resolved Entity, None for an unresolved speaker
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return _values(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Speaker":
        return cls(**_known(cls, data))


@dataclass
class Quote:
    kind: str  # direct, indirect, mixed
    content: Span
    speaker: Optional[Speaker] = None
    cue: Optional[Span] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quote":
        return cls(
            kind=data["kind"],
            content=Span.from_dict(data["content"]),
            speaker=Speaker.from_dict(data["speaker"]) if data.get("speaker") else None,
            cue=Span.from_dict(data["cue"]) if data.get("cue") else None,
        )


@dataclass
class Place:
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    name_en: Optional[str] = None
    kind: Optional[str] = None  # country, city, region, facility
    start: Optional[int] = None
    end: Optional[int] = None
    region: Optional[str] = None  # a place spanning countries: its code (lexicon/data/regions.tsv)

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(_values(self), keep=("name", "country", "lat", "lon"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Place":
        return cls(**_known(cls, data))


@dataclass
class Actor:
    """One side of an event."""

    entity: Optional[str]
    country: Optional[str] = None
    sector: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return _values(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Actor":
        return cls(**_known(cls, data))


@dataclass
class Event:
    type: str  # one of the 16 PLOVER types
    evidence: Span
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    mode: Optional[str] = None
    place: Optional[Place] = None
    date: Optional[str] = None  # ISO: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY (as DateRef.value)
    trigger: Optional[Span] = None
    evidence_all: list[Span] = field(default_factory=list)  # every span stating this event

    # The precision and the days of ``date`` follow from its form (docs/schema.md): they are
    # written to the record for readers that sort or filter events by time, never read back.
    @property
    def date_precision(self) -> Optional[str]:
        """``day``, ``week``, ``month`` or ``year``: the unit of ``date``."""
        return precision_of(self.date)

    @property
    def date_range(self) -> tuple[Optional[str], Optional[str]]:
        """The first and last day ``date`` covers (``2015-W29`` → 2015-07-13, 2015-07-19)."""
        return iso_bounds(self.date)

    def to_dict(self) -> dict[str, Any]:
        start, end = self.date_range
        return {
            "type": self.type,
            "mode": self.mode,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "place": self.place.to_dict() if self.place else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_start": start,
            "date_end": end,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "evidence_all": [s.to_dict() for s in self.evidence_all],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        def opt(key, kind):
            return kind.from_dict(data[key]) if data.get(key) else None

        return cls(
            type=data["type"],
            evidence=Span.from_dict(data["evidence"]),
            source=opt("source", Actor),
            target=opt("target", Actor),
            mode=data.get("mode"),
            place=opt("place", Place),
            date=data.get("date"),
            trigger=opt("trigger", Span),
            evidence_all=[Span.from_dict(s) for s in data.get("evidence_all", [])],
        )


@dataclass
class DateRef:
    text: str
    start: int
    end: int
    value: Optional[str]  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-Www
    precision: Optional[str] = None  # day, week, month, year
    relative: bool = False
    calendar: Optional[str] = None  # gregorian, hijri
    field: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(_values(self), keep=("value",))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DateRef":
        return cls(**_known(cls, data))


@dataclass
class Record:
    """One article in marsad/1."""

    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    author: Optional[str] = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    errors: list[ErrorInfo] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    schema: str = SCHEMA

    @classmethod
    def from_article(cls, article: Article) -> "Record":
        """An empty record carrying the article's text, metadata and reading errors."""
        return cls(
            id=article.id, text=article.text, title=article.title, url=article.url,
            outlet=article.outlet, published=article.published, author=article.author,
            errors=list(article.errors), meta=dict(article.meta),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "id": self.id, "url": self.url, "outlet": self.outlet, "title": self.title,
            "published": self.published, "author": self.author,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "dates": [d.to_dict() for d in self.dates],
            "places": [p.to_dict() for p in self.places],
            "errors": [e.to_dict() for e in self.errors],
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        def many(key, kind):
            return [kind.from_dict(x) for x in data.get(key) or []]

        return cls(
            id=data["id"], text=data["text"], title=data.get("title"), url=data.get("url"),
            outlet=data.get("outlet"), published=data.get("published"), author=data.get("author"),
            entities=many("entities", Entity), quotes=many("quotes", Quote),
            events=many("events", Event), dates=many("dates", DateRef),
            places=many("places", Place), errors=many("errors", ErrorInfo),
            meta=data.get("meta") or {}, schema=data.get("schema", SCHEMA),
        )

    def to_json(self, indent: Optional[int] = None) -> str:
        """JSON text; lone surrogates in the text are kept as ``\\udXXX`` escapes."""
        out = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        # A lone surrogate cannot be written as UTF-8; as a JSON escape it survives a round-trip.
        return _SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), out)

    @classmethod
    def from_json(cls, text: str) -> "Record":
        return cls.from_dict(json.loads(text))
