"""Country from the article: what places an actor the lexicon and its titles do not.

Every lexicon item standing for exactly one country is a *mark*: a country named
(«اليمن»), a nationality adjective («البحريني»), a place («تعز»), an organisation
(«حزب المؤتمر الشعبي العام»), a known person. An actor is placed by the marks tied to it,
strongest evidence first (:data:`SOURCES`):

- ``affiliation``: a mark in the description around one of its mentions, up to the clause
  boundary («عضو المجلس المصري للشؤون الخارجية اللواء محمود منير حامد», «حمود المخلافي، قائد
  المقاومة الشعبية في تعز»); a place there («مصدر من الرقة») gives ``place``;
- ``story``: the dateline («عدن - ...») or the country the article is about, when one
  country clearly leads its marks;
- ``outlet``: the outlet's home country (``outlets.tsv``), for a local story that names no
  country at all.

Stronger sources (``lexicon``, ``title``, ``adjective``) are set before this step, by the
lexicon and the title chains (:mod:`marsad.entities.roles`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

from marsad.lexicon.actors import Actor, CountryName, When
from marsad.lexicon.matcher import Match
from marsad.lexicon.places import Place

if TYPE_CHECKING:
    from marsad.entities.offices import Offices

# Where a country came from, strongest first (``Entity.country_source``).
SOURCES = ("lexicon", "title", "adjective", "affiliation", "place", "story", "outlet")
# Punctuation that ends a description; brackets do not («الأمين العام لمنظمة ... (أوبك) البدري»).
BOUNDARY = re.compile(r"[.،,:؛;!?؟\"«»“”\n]")
WINDOW = 90  # characters a description reaches from its name
THAT = frozenset("أن إن ان بأن بان وأن وإن".split())  # «أن»: the reported clause starts
ORIGIN = frozenset("من في بـ".split())  # «مصدر من الرقة», «مسؤول في تعز»
DATELINE = re.compile(r"\s*[-–—:(]")  # «عدن - ...», «الرياض: ...», «لندن (رويترز)»
STORY_LEAD = 1.5  # the story's country must have this many times the marks of the next one
STORY_MIN = 2


@dataclass(frozen=True)
class Mark:
    """A lexicon item in the text that stands for one country."""

    start: int
    end: int
    country: str
    kind: str  # name, adj, place, org, person


@dataclass(frozen=True)
class Placed:
    country: str
    source: str


def marks_of(matches: Iterable[Match], when: Optional[When]) -> list[Mark]:
    """The country marks among lexicon matches, in text order. Weak names and homographs
    («صور» Tyre / pictures) are left out: they place nothing on their own."""
    out = []
    for m in matches:
        mark = _mark(m, when)
        if mark is not None:
            out.append(Mark(m.start, m.end, *mark))
    return out


def _mark(m: Match, when: Optional[When]) -> Optional[tuple[str, str]]:
    for e in m.entries:
        if isinstance(e, CountryName):
            if e.code and e.kind in ("name", "adj") and "homograph" not in e.flags:
                return e.code, e.kind
        elif isinstance(e, Place):
            if e.country and not e.flags & {"weak", "homograph"}:
                return e.country, "place"
        elif isinstance(e, Actor) and e.label and not e.is_weak(m.key):
            country = e.term_at(when).country
            if country and country != "-":
                return country, "org" if e.kind == "org" else "person"
    return None


class Setting:
    """The countries of one article, for placing its actors."""

    def __init__(self, text: str, marks: list[Mark], body_start: int, outlet_country: Optional[str],
                 people: list[tuple[int, int]], titles: Iterable[int] = (),
                 when: Optional[When] = None, offices: Optional["Offices"] = None):
        self.text = text
        self.when = when  # the publication day: who holds an office
        self.offices = offices
        self.marks = marks
        self.people = people  # spans of person names: a description stops at another person
        self.titles = frozenset(titles)  # where titles start: «لوف مدرب ألمانيا» describes Löw
        self.outlet_country = outlet_country
        self.story = _story(text, marks, body_start)

    def describe(self, start: int, end: int) -> Optional[Placed]:
        """The country of the description around the mention ``[start, end)``: the nearest
        mark before it in its clause, or after it behind a comma («X، مدير ...») or right
        after «من/في» («مصدر من الرقة»)."""
        before = self._back_limit(start)
        after = self._forward_limit(end)
        best: Optional[tuple[int, Mark]] = None
        for mark in self.marks:
            if start <= mark.start and mark.end <= end:  # «مصدر بحريني», «الجالية البحرينية»
                distance = -1
            elif before <= mark.start and mark.end <= start:
                distance = start - mark.end
            elif end <= mark.start and mark.end <= after:
                distance = mark.start - end
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, mark)
        if best is None:
            return None
        distance, mark = best
        if mark.kind == "place":
            return Placed(mark.country, "place")
        return Placed(mark.country, "adjective" if distance < 0 and mark.kind == "adj" else "affiliation")

    def fallback(self) -> Optional[Placed]:
        """The story's country, else the outlet's."""
        if self.story is not None:
            return self.story
        return Placed(self.outlet_country, "outlet") if self.outlet_country else None

    def _back_limit(self, start: int) -> int:
        limit = max(0, start - WINDOW)
        for m in BOUNDARY.finditer(self.text, limit, start):
            limit = m.end()
        for a, b in self.people:
            if limit <= b <= start:
                limit = b
        words = self.text[limit:start].split()
        for i in range(len(words) - 1, -1, -1):
            if words[i] in THAT:
                return start - len(" ".join(words[i + 1:]))  # after «أن»: a new clause
        return limit

    def _forward_limit(self, end: int) -> int:
        """Where a description after a name ends: behind a comma or a title («بيسكوف، الناطق
        ...», «يواكيم لوف مدرب ألمانيا») at the clause boundary; after «من/في» («مصدر من
        الرقة») four words on; otherwise there is none."""
        rest = self.text[end:end + WINDOW]
        gap = len(rest) - len(rest.lstrip(" "))
        first = rest[gap:].split(" ", 1)[0]
        if first in ORIGIN:
            words = rest[gap:].split(" ")[:4]
            limit = end + gap + len(" ".join(words))
        elif first[:1] in ("،", ",") or end + gap in self.titles:
            stop = BOUNDARY.search(rest, gap + 1)
            limit = end + (stop.start() if stop else len(rest))
        else:
            return end
        stop = BOUNDARY.search(self.text, end + gap + 1, limit)
        limit = stop.start() if stop else limit
        for a, _ in self.people:
            if end < a < limit:
                limit = a
        return limit


def _story(text: str, marks: list[Mark], body_start: int) -> Optional[Placed]:
    """The dateline's country, else the country that clearly leads the article's marks
    (title marks count twice)."""
    body = [m for m in marks if m.start >= body_start]
    head = text[body_start:body_start + 40]
    for m in body:
        if m.start - body_start > 25:
            break
        if m.kind in ("place", "name") and not head[:m.start - body_start].strip(" \n-–—") \
                and DATELINE.match(text, m.end):
            return Placed(m.country, "story")
    counts: Counter = Counter()
    for m in marks:
        if m.country != "IGO":
            counts[m.country] += 1 if m.start >= body_start else 2
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < STORY_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < STORY_LEAD * ranked[1][1]:
        return None
    return Placed(ranked[0][0], "story")
