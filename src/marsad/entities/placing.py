"""Country from the article: what places an actor the lexicon and its titles do not.

Every lexicon item standing for exactly one country is a *mark*: a country named
(«اليمن»), a nationality adjective («البحريني»), a place («تعز»), an organisation
(«حزب المؤتمر الشعبي العام»), a known person. An actor is placed by the marks tied to it,
strongest evidence first (:data:`SOURCES`):

- ``affiliation``: a mark in the description around one of its mentions, up to the clause
  boundary («عضو المجلس المصري للشؤون الخارجية اللواء محمود منير حامد», «حمود المخلافي، قائد
  المقاومة الشعبية في تعز»); a place there («مصدر من الرقة») gives ``place``;
- ``story``: the country the article is about, chosen among its marks by weights learnt
  from annotated speakers (:mod:`marsad.entities.story`);
- ``outlet``: the outlet's home country (``outlets.tsv``) when that choice falls on it and
  the article never names it (a local story).

Stronger sources (``lexicon``, ``title``, ``adjective``) are set before this step, by the
lexicon and the title chains (:mod:`marsad.entities.roles`).
"""
from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from marsad.entities.mentions import patronymic, posted_at
from marsad.entities.story import Mark, Story
from marsad.lexicon.actors import TRANSNATIONAL, Actor, CountryName, When, first_name
from marsad.lexicon.matcher import Match
from marsad.lexicon.places import Place

if TYPE_CHECKING:
    from marsad.entities.offices import Offices

# Where a country came from, strongest first (``Entity.country_source``).
SOURCES = ("lexicon", "title", "adjective", "affiliation", "place", "story", "outlet")
# Punctuation that ends a description; brackets do not («الأمين العام لمنظمة ... (أوبك) البدري»).
BOUNDARY = re.compile(r"[.،,:؛;!?؟\"«»“”\n]")
WINDOW = 90  # characters a description reaches from its name
THAT = frozenset("أن إن ان بأن بان وأن وإن أنه إنه انه بأنه أنها إنها بأنها أنهم إنهم".split())  # «أن»: the reported clause starts
ORIGIN = frozenset("من في بـ".split())  # «مصدر من الرقة», «مسؤول في تعز»
QUOTES = "\"'«»“”"
# Bodies named back by their kind («باسم الحزب», «في الحركة»): the organisation categories
# (organizations.tsv) each word can stand for.
BODIES = {"الحزب": {"party"}, "الحركة": {"movement", "armed", "party"}, "الجماعة": {"armed", "movement"},
          "التنظيم": {"armed"}, "الجبهة": {"armed", "party"}, "الائتلاف": {"party", "movement"},
          "التحالف": {"armed", "party"}, "الميليشيا": {"armed"}, "المليشيا": {"armed"},
          "الشركة": {"business"}, "الصحيفة": {"media"}, "القناة": {"media"}, "الوكالة": {"media"},
          "المنظمة": {"igo", "ngo"}, "الجامعة": {"igo", "education"}}
WORD = re.compile(r"\S+")
# People of this sector (people.tsv: athletes, coaches) mark no country: a Saudi club's
# Uruguayan coach does not make its story Uruguayan, nor its Saudi players Uruguayans.
CIVILIAN = "CVL"
# Words of patronage before a country: the actor is its client, not its national.
PATRONS = re.compile(r"(?:الموال|المدعوم|المقرب)\w*\s+(?:من\s+|ل\S*\s*)?\S*$")
PATRON_REACH = 30  # characters before a mark the patronage words are looked for
CLIENT = re.compile(r"\s+(?:ال)?(?:موال|مدعوم|مقرب)")  # the same words right after an actor
SQUAD = 2  # known athletes and clubs of the outlet's country that make a story about its team


@dataclass(frozen=True)
class Placed:
    country: str
    source: str


def regional(matches: Iterable[Match]) -> list[tuple[int, int]]:
    """Spans of regional adjectives («غربي», «أوروبية», «عربية»): an actor described by one
    («دبلوماسي غربي», «مصادر عربية») belongs to no single country."""
    return [(m.start, m.end) for m in matches
            if any(isinstance(e, CountryName) and e.kind == "adj" and not e.codes for e in m.entries)]


def marks_of(matches: Iterable[Match], when: Optional[When], text: str = "") -> list[Mark]:
    """The country marks among lexicon matches, in text order. Weak names and homographs
    («صور» Tyre / pictures) are left out: they place nothing on their own."""
    out = []
    for m in matches:
        if patronymic(text, m.start):
            continue  # «سلطان بن سلمان»: the father's name places no one
        mark = _mark(m, when, text[m.end:m.end + 6], text[max(0, m.clitic_start - 12):m.clitic_start])
        if mark is not None:
            out.append(Mark(m.start, m.end, *mark))
    return sorted(out, key=lambda m: m.start)


def _mark(m: Match, when: Optional[When], text_after: str, text_before: str) -> Optional[tuple]:
    for e in m.entries:
        if isinstance(e, CountryName):
            if e.code and e.kind in ("name", "adj") and "homograph" not in e.flags \
                    and not (e.kind == "adj" and first_name(m.text, text_after, text_before)):
                return e.code, e.kind
        elif isinstance(e, Place):
            if e.country and not e.flags & {"weak", "homograph"}:
                return e.country, "place"
        elif isinstance(e, Actor) and e.label and not e.is_weak(m.key) and e.category != "media":
            # outlets and agencies report from elsewhere («لوكالة فرانس برس», «نقلت رويترز»)
            term = e.term_at(when)
            if e.kind == "person" and term.sector == CIVILIAN:
                return None  # a club's Uruguayan coach or Saudi striker: no mark of the story's country
            country = term.country
            if country and country != TRANSNATIONAL:
                return (country, "org", e.category) if e.kind == "org" else (country, "person")
    return None


def squad(matches: Iterable[Match], when: Optional[When], outlet_country: Optional[str],
          text: str = "") -> Optional[str]:
    """The outlet's country when the article is about its own team: of the distinct athletes,
    coaches (people of sector CVL) and clubs the lexicon knows in it, at least :data:`SQUAD`
    are the outlet's, more than of any other country, and one of them is a person («ياسر
    القحطاني» and «سالم الدوسري» in a Saudi paper; clubs alone are not enough: «النادي
    الأهلي» is also Cairo's). Then the players the lexicon does not know are the team's, not
    of the country of its training camp («معسكر الفريق في النمسا») nor of its foreign coach."""
    if outlet_country is None:
        return None
    known: dict[str, str] = {}
    athletes = set()
    for m in matches:
        if patronymic(text, m.start):
            continue
        actor = next((e for e in m.entries if isinstance(e, Actor) and e.label), None)
        if actor is None or actor.is_weak(m.key) or actor.key in known:
            continue
        term = actor.term_at(when)
        if (term.sector == CIVILIAN and actor.kind == "person" or actor.category == "club") \
                and term.country and term.country != TRANSNATIONAL:
            known[actor.key] = term.country
            if actor.kind == "person" and term.country == outlet_country:
                athletes.add(actor.key)
    counts = Counter(known.values())
    ours = counts.pop(outlet_country, 0)
    return outlet_country if athletes and ours >= SQUAD and ours > max(counts.values(), default=0) else None


def _definite(word: str) -> str:
    """The word as «ال» + noun without its proclitics: «وللحزب» → «الحزب», «بالحركة» → «الحركة»."""
    if word[:1] in ("و", "ف") and len(word) > 4:
        word = word[1:]
    if word.startswith("لل"):
        return "ال" + word[2:]
    if word[:1] in ("ب", "ل", "ك") and word[1:3] == "ال":
        return word[1:]
    return word


class Setting:
    """The countries of one article, for placing its actors."""

    def __init__(self, text: str, marks: list[Mark], body_start: int, outlet_country: Optional[str],
                 people: list[tuple[int, int]], titles: Iterable[int] = (),
                 when: Optional[When] = None, offices: Optional["Offices"] = None,
                 sentences: Sequence[tuple[int, int]] = (), regions: Sequence[tuple[int, int]] = (),
                 conjuncts: Iterable[int] = (), squad: Optional[str] = None):
        self.text = text
        self.squad = squad  # the outlet's country in a story about its own team (:func:`squad`)
        self.conjuncts = frozenset(conjuncts)  # titles opened by «و»: «قطان، وسفير مصر» is someone else
        self.regions = regions  # regional adjectives («غربي»): the actor they describe has no country
        self.when = when  # the publication day: who holds an office
        self.offices = offices
        title_starts = frozenset(titles)
        ends = {b: a for a, b in people if a not in title_starts}
        # «عبدالله التركي», «محمد المصري»: a nationality adjective ending a person's name (one
        # not opened by a title: «الرئيس التركي») is a family name, not a nationality, nor a
        # mark of the story's country
        marks = [m for m in marks if not (m.kind == "adj" and m.end in ends and ends[m.end] < m.start
                                          and text[m.end - 1] == "ي")]  # singular: «لاعبين كوبيين» stays
        # «تركي الحربي»: an adjective right before a person's name may be its first name
        firsts = {a for a, _ in people}
        marks = [m for m in marks if not (m.kind == "adj" and m.end + 1 in firsts
                                          and first_name(text[m.start:m.end], text[m.end:m.end + 6], named=True))]
        self.marks = marks  # in text order
        self.starts = [m.start for m in marks]
        self.people = people  # spans of person names: a description stops at another person
        self.titles = title_starts  # where titles (not honorifics) start: «لوف مدرب ألمانيا»
        self.story = Story(text, marks, body_start, outlet_country, sentences)

    def describe(self, start: int, end: int, organisation: bool = False) -> Optional[Placed]:
        """The country of the description around the mention ``[start, end)``: the nearest
        mark before it in its clause, or after it behind a comma («X، مدير ...») or right
        after «من/في» («مصدر من الرقة»); for an ``organisation``, first a nationality
        adjective right after its name («نادي أودينيزي الإيطالي», «صحيفة "الغارديان"
        البريطانية»)."""
        if organisation and (adjective := self._adjective_after(end)) is not None:
            return Placed(adjective.country, "adjective")
        before = self._back_limit(start)
        after = self._forward_limit(end)
        best: Optional[tuple[tuple[bool, int], Mark]] = None
        for mark in self.marks[bisect_left(self.starts, before):bisect_right(self.starts, after)]:
            if PATRONS.search(self.text, max(0, mark.start - PATRON_REACH), mark.start):
                continue  # «المتمردين الموالين لروسيا»: backed by Russia, not Russian
            if posted_at(self.text, mark.start):
                continue  # «سفير خادم الحرمين الشريفين لدى الأردن الدكتور …»: posted there, not of it
            if mark.kind == "person" and start < mark.start and mark.end <= end:
                continue  # «محمد بن مبارك بن عبدالله الدوسري»: his lineage, not his allegiance
            where_only = False  # a place before the name says where the actor is, not what:
            if start <= mark.start and mark.end <= end:  # «مصدر بحريني», «الجالية البحرينية»
                distance = -1
            elif before <= mark.start and mark.end <= start:
                distance = start - mark.end
                where_only = mark.kind == "place"  # «في جدة أمس الرئيس قاديروف رئيس الشيشان»
            elif end <= mark.start and mark.end <= after:
                distance = mark.start - end
            else:
                continue
            rank = (where_only, distance)
            if best is None or rank < best[0]:
                best = (rank, mark)
        if best is None:
            return self._named_back(before, start)
        (_, distance), mark = best
        if mark.kind == "place":
            return Placed(mark.country, "place")
        return Placed(mark.country, "adjective" if distance < 0 and mark.kind == "adj" else "affiliation")

    def _adjective_after(self, end: int) -> Optional[Mark]:
        """A nationality adjective standing right after ``end`` (past spaces and the name's
        closing quotation marks), not patronage («الموالي لروسيا» is no adjective mark)."""
        pos = end
        while pos < len(self.text) and self.text[pos] in QUOTES + " ":
            pos += 1
        i = bisect_left(self.starts, pos)
        if i < len(self.marks) and self.marks[i].start == pos and self.marks[i].kind == "adj":
            return self.marks[i]
        return None

    def _named_back(self, before: int, start: int) -> Optional[Placed]:
        """«المتحدث باسم الحزب عبده الجندي»: a body named back by its kind in the description
        is the last such organisation the article named; its country places the actor."""
        for word in WORD.finditer(self.text, before, start):
            kinds = BODIES.get(_definite(word.group()))
            if not kinds:
                continue
            for mark in reversed(self.marks[:bisect_left(self.starts, before)]):
                if mark.kind == "org" and mark.category in kinds:
                    return Placed(mark.country, "affiliation")
        return None

    def armed_country(self) -> Optional[str]:
        """The one country of the armed groups the article names (organisations of category
        ``armed``: «الحوثيين» YEM, «حزب العمال الكردستاني» TUR), None when none or several:
        a bare «المتمردين» or «الميليشيات» of the story is that group, not the outlet's state
        fighting it."""
        countries = {m.country for m in self.marks if m.kind == "org" and m.category == "armed"}
        if len(countries) != 1:
            return None
        country = next(iter(countries))  # and the article names that country itself: «المقاومة
        named = any(m.country == country and m.kind != "org" for m in self.marks)  # الشعبية» in Egypt's history is no Yemeni's
        return country if named else None

    def client(self, end: int) -> bool:
        """Do words of patronage follow a mention ending at ``end`` («المسلحين الموالين لها»,
        «الميليشيات المدعومة من إيران»)? Then it is a client of some state, not the armed
        group the story names."""
        return CLIENT.match(self.text, end) is not None

    def multinational(self, start: int, end: int) -> bool:
        """Does a regional adjective stand in the phrase ``[start, end)``?"""
        return any(start <= a and b <= end for a, b in self.regions)

    def fallback(self, spans: Sequence[tuple[int, int]], person: bool = False) -> Optional[Placed]:
        """The country of the story (:mod:`marsad.entities.story`) for an actor mentioned at
        ``spans``; source ``outlet`` when it is the outlet's and the article never names it.
        A ``person`` in a story about the outlet's own team is of the team's country."""
        if person and self.squad is not None:
            return Placed(self.squad, "story")
        chosen = self.story.choose(spans)
        if chosen is None:
            return None
        country, marked = chosen
        return Placed(country, "story" if marked else "outlet")

    def _back_limit(self, start: int) -> int:
        inner = start
        while inner > 0 and self.text[inner - 1] in QUOTES + " ":
            inner -= 1  # «المحلل السياسي اليمني " هاني مسهور"»: the name's own quotation marks
        limit = max(0, start - WINDOW)
        for m in BOUNDARY.finditer(self.text, limit, inner):
            limit = m.end()
        for a, b in self.people:
            if limit <= b <= start:
                limit = b
        for word in reversed(list(WORD.finditer(self.text, limit, start))):
            if word.group() in THAT:
                return word.end()  # after «أن»: a new clause
        return limit

    def _noun_after(self, pos: int) -> bool:
        """Does a noun phrase follow ``pos`` (an apposition: a title or «ال» noun), not a
        clause («، أشاد فيه ...»)?"""
        word = WORD.search(self.text, pos)
        if word is None or word.start() in self.conjuncts:
            return False
        return word.start() in self.titles or word.group().startswith("ال")

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
        elif first[:1] in ("،", ",") and self._noun_after(end + gap + 1) or end + gap in self.titles:
            stop = BOUNDARY.search(rest, gap + 1)
            limit = end + (stop.start() if stop else len(rest))
        else:
            return end
        stop = BOUNDARY.search(self.text, end + gap + 1, limit)
        limit = stop.start() if stop else limit
        for word in WORD.finditer(self.text, end, limit):
            if word.group() in THAT:  # «رئيس نادي الخليج أنه متفائل»: the clause said begins
                limit = word.start()
                break
        for a, _ in self.people:
            if end < a < limit:
                limit = a
        return limit
