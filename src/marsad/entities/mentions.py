"""Name mentions: the trained NER's spans and the lexicon's names, merged.

A lexicon name that the NER also found keeps the lexicon's knowledge (who, which country);
where the two disagree on boundaries the lexicon's span wins (it knows «قاعدة فوستوشني
الفضائية» is one facility); NER spans the lexicon does not know are kept as they are.
Weak lexicon names — also common words, such as «الأسد» (the lion / al-Assad) — count only
when the NER tagged them too or the same actor is named in full elsewhere in the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Optional

from marsad.lexicon.actors import Actor, CountryName, When, day_bounds
from marsad.lexicon.matcher import Match, name_key
from marsad.lexicon.places import Place
from marsad.lexicon.titles import Title
from marsad.text.normalize import normalize


SON_OF_WORDS = (" بن", " ابن", " بنت", "\nبن", "\u00a0بن")


@dataclass
class NameMention:
    """One mention of an entity, with what is known about it."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, FAC, MISC
    origin: str  # ner, lexicon, both, phrase
    actor: Optional[Actor] = None  # a lexicon person or organisation
    country_name: Optional[CountryName] = None  # a country named
    place: Optional[Place] = None  # a gazetteer place
    weak: bool = False
    # from the title/role context (roles.py) or from a descriptive phrase
    country: Optional[str] = None
    country_source: Optional[str] = None  # how the context placed it (entities.placing.SOURCES)
    sector: Optional[str] = None
    role: Optional[str] = None
    gender: Optional[str] = None
    titles: list[Title] = field(default_factory=list)
    descriptive: bool = False  # «الزعيم الكوري»: a description, not a name
    anonymous: bool = False  # «مصدر أمني»: an anonymous source, never one named person
    office: Optional[tuple[str, Optional[Actor]]] = None  # the office a description names (roles.Role)
    attached: Optional["NameMention"] = None  # the name a description stands beside

    @property
    def key(self) -> str:
        return name_key(self.text)


def classify(match: Match, when: Optional[When]) -> Optional[NameMention]:
    """A name mention for a lexicon match, or None when the match is context only (a title,
    a nationality adjective)."""
    entries = match.entries
    actors = [e for e in entries if isinstance(e, Actor) and e.label]
    if actors:
        actor = _pick_actor(actors, when)
        return NameMention(match.start, match.end, match.text, actor.label, "lexicon", actor=actor,
                           weak=actor.is_weak(match.key), gender=actor.gender)
    places = [e for e in entries if isinstance(e, Place)]
    countries = [e for e in entries if isinstance(e, CountryName) and e.kind == "name"]
    if countries and countries[0].code:
        return NameMention(match.start, match.end, match.text, "LOC", "lexicon",
                           country_name=countries[0], place=places[0] if places else None)
    if places:
        place = places[0]
        # a place that is also a common word («صور» Tyre / pictures, «الخبر» Khobar / the
        # news) counts only with support, like a weak actor name
        return NameMention(match.start, match.end, match.text, place.label, "lexicon", place=place,
                           weak=bool(place.flags & {"weak", "homograph"}))
    regions = [e for e in entries if isinstance(e, CountryName) and e.kind == "region"
               and "homograph" not in e.flags]  # «الغرب» is also "the west"
    if regions and not any(isinstance(e, CountryName) and e.kind == "adj" for e in entries):
        # «الشرق الأوسط», «أوروبا», «الاتحاد السوفيتي»: a place with no country of its own
        return NameMention(match.start, match.end, match.text, "LOC", "lexicon", country_name=regions[0])
    return None


def _pick_actor(actors: list[Actor], when: Optional[When]) -> Actor:
    """Among actors sharing a name, the one in office on ``when``: «خادم الحرمين الشريفين» is
    King Abdullah until 23 January 2015, King Salman from that day. With only a year, the one
    in office longest that year (Salman in 2015); with no date, the latest to take office;
    among people never dated, the first."""
    if len(actors) == 1:
        return actors[0]
    if when is None:
        return max(actors, key=lambda a: max((t.start for t in a.terms if t.start), default=date.min))
    first, last = day_bounds(when)
    in_office = [a for a in actors if a.in_office(when)]
    if not in_office:
        return actors[0]
    return max(in_office, key=lambda a: max(_overlap(t, first, last) for t in a.terms))


def _overlap(term, first: date, last: date) -> int:
    if not term.dated:
        return 0
    return max(0, (min(term.end or last, last) - max(term.start or first, first)).days + 1)


def _same_entity(mention: NameMention, entries: Iterable[Any]) -> bool:
    """Whether ``entries`` (a lexicon lookup) hold what ``mention`` was linked to."""
    for e in entries:
        if e is mention.actor or e is mention.place:
            return True
        if mention.country_name is not None and isinstance(e, CountryName) and e.kind == "name" \
                and e.code == mention.country_name.code:
            return True
    return False


def merge(ner: Iterable[tuple[int, int, str, str]], lexical: list[NameMention],
          lookup: Callable[[str], Iterable[Any]] | None = None) -> list[NameMention]:
    """Merge NER spans ``(start, end, text, label)`` with lexicon mentions; returns
    non-overlapping mentions in text order.

    Lexicon mentions come first; an NER span overlapping one confirms it (a weak name then
    counts) and is otherwise dropped — except an NER span that strictly contains the one
    lexicon name it overlaps: it is the longer name («شكري مصطفى» around «شكري», «الجزيرة
    نت» around «الجزيرة», «جامعة القاهرة» around «القاهرة») and replaces it, keeping the
    lexicon's knowledge when it names the same kind of thing. An NER span over two lexicon
    names («محادثات بوتين كيم») is two names run together and gives way to them.

    With ``lookup`` (name -> lexicon entries), a lexicon name that is a head noun or title
    before a shorter name of the same entity («دولة الكويت», «إقليم دارفور», «الملك عبدالله
    الثاني», «حركة حماس») is cut to the name the NER found («الكويت»): the name proper, as
    ANERcorp marks it; the title stays in the text before it for the role reader."""
    shadowed: set[int] = set()
    extra: list[NameMention] = []
    for start, end, text, label in ner:
        over = [m for m in lexical if m.start < end and start < m.end]
        if not over:
            extra.append(NameMention(start, end, text, label, "ner"))
            continue
        if len(over) == 1 and _clitic_only(text[:over[0].start - start]) and over[0].end == end \
                and over[0].label == label and (over[0].place is not None or over[0].country_name is not None):
            # the NER took the proclitic into the place's name («وويلز», «وأبين»): the same
            # place, which the lexicon's span (without the proclitic) names
            over[0].origin, over[0].weak = "both", False
            continue
        if len(over) == 1 and start <= over[0].start and over[0].end <= end \
                and end - start > over[0].end - over[0].start:
            shadowed.update(id(m) for m in over)
            longer = NameMention(start, end, text, label, "ner")
            # A weak name inside a longer one is the common word it also is: «العربية» in
            # «اتحاد المجامع اللغوية العربية» is "Arabic", not the Al Arabiya channel.
            if over[0].label == label and not over[0].weak and not patronymic(text, over[0].start - start) \
                    and not nasab_inside(text, over[0].start - start, over[0].text):
                inner = over[0]
                longer.actor, longer.country_name, longer.place = inner.actor, inner.country_name, inner.place
                longer.gender = inner.gender
            extra.append(longer)
            continue
        m = over[0]
        if len(over) == 1 and m.weak and m.label != label:
            # the NER read the other sense of a weak name («رابط الخبر» the news item as ORG):
            # its span stands, without the lexicon's identity
            shadowed.add(id(m))
            extra.append(NameMention(start, end, text, label, "ner"))
            continue
        for m in over:
            m.origin, m.weak = "both", False
        m = over[0]
        if len(over) == 1 and label == "ORG" and m.place is not None and m.country_name is None \
                and not m.place.metonym and (m.start, m.end) == (start, end):
            # a city named for its club: «فاز برشلونة». Not countries or regions, nor seats of
            # power («بيونغ يانغ» for its government stays a place, like «واشنطن حذرت»).
            m.label = "ORG"
        if lookup is not None and len(over) == 1 and m.start < start and end == m.end \
                and _same_entity(m, lookup(text)):
            m.start, m.text = start, text
    chosen = [m for m in lexical if id(m) not in shadowed]
    for m in extra:
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _clitic_only(prefix: str) -> bool:
    """Is ``prefix`` (what an NER span has before a lexicon name) one or two proclitics
    («و», «وب», «لل» aside)?"""
    return 0 < len(prefix) <= 2 and all(c in "وفبلك" for c in prefix)


def patronymic(text: str, start: int) -> bool:
    """Does the name at ``text[start:]`` stand after «بن/ابن/بنت» (son/daughter of)? Then
    it names the father: «سلطان بن سلمان بن عبدالعزيز» is King Salman's son, not the king."""
    return text[max(0, start - 5):start].rstrip(" \u00a0").endswith(SON_OF_WORDS)


POSTED_AT = "لدى"  # «سفير … لدى الأردن»: the country an envoy is posted to
STATE_WORDS = frozenset({"جمهورية", "الجمهورية", "مملكة", "المملكة", "دولة", "إمارة", "سلطنة"})
ENVOYS = re.compile(r"سفير|سفراء|سفارة|قنصل|مندوب|بعثة")  # titles whose «في X» is a posting
ENVOY_REACH = 60  # characters back from the place to the envoy's title, in one clause
CLAUSE_BREAK = re.compile(r"[،,.؛;:\n]")


def posted_at(text: str, start: int) -> bool:
    """Does the name or title at ``text[start:]`` stand after «لدى» («سفير خادم الحرمين
    الشريفين لدى الأردن الدكتور …», «لدى جمهورية مصر العربية»), or after «في» behind an
    envoy's title in the same clause («سفير خادم الحرمين الشريفين في المملكة المتحدة»)? The
    country an envoy is posted to is not his: it is no part of his role and does not place
    him."""
    words = text[max(0, start - 24):start].split()
    if words and words[-1] in STATE_WORDS:
        words.pop()
    if not words:
        return False
    if words[-1] == POSTED_AT:
        return True
    if words[-1] != "في":
        return False
    clause = CLAUSE_BREAK.split(text[max(0, start - ENVOY_REACH):start])[-1]
    return ENVOYS.search(clause) is not None


def nasab_inside(text: str, start: int, inner: str) -> bool:
    """Is the lexicon name ``inner`` at ``text[start:]`` a «بن X» alias («بن علي», «بن
    مبارك») after a given name in the longer name ``text`` («محمد بن مبارك بن عبدالله
    الدوسري»)? Then it is part of another man's lineage, not the man the alias names."""
    return start > 0 and inner.startswith(("بن ", "ابن ", "بنت ")) and bool(text[:start].strip())


TITLES_BETWEEN = frozenset(normalize(w) for w in "الملك الأمير الشيخ الإمام السلطان الرئيس خادم الحرمين الشريفين".split())


def named_after(text: str, start: int, nouns: frozenset[str]) -> bool:
    """Does the name at ``text[start:]`` name an institution after a person: «جامعة الملك
    سعود», «مركز الملك سلمان للإغاثة»? ``nouns``: normalised institution nouns
    (``data/named_after.txt``); titles may stand between the noun and the name."""
    words = normalize(text[max(0, start - 40):start]).split()
    while words and words[-1] in TITLES_BETWEEN:
        words.pop()
    if not words:
        return False
    last = words[-1]
    return last in nouns or last[:1] in "وفبلك" and last[1:] in nouns  # «لجامعة الملك سعود»


def drop_not_persons(text: str, mentions: list[NameMention], nouns: frozenset[str]) -> list[NameMention]:
    """Lexicon persons matched inside someone's chain of descent («سلطان بن سلمان») or inside
    an institution named after them («مركز الملك سلمان») are not mentions of them."""
    return [m for m in mentions if not (m.actor is not None and m.actor.kind == "person" and m.origin == "lexicon"
                                        and (patronymic(text, m.start) or named_after(text, m.start, nouns)))]


def drop_unsupported_weak(mentions: list[NameMention]) -> list[NameMention]:
    """Weak lexicon names count only when the NER agreed or the same actor is named by a
    strong name elsewhere in the article."""
    strong = {id(m.actor) for m in mentions if m.actor is not None and not m.weak}
    strong |= {id(m.place) for m in mentions if m.place is not None and not m.weak}
    return [m for m in mentions if not m.weak or id(m.actor or m.place) in strong]


def entries_of(match: Match, kind: type) -> list[Any]:
    return [e for e in match.entries if isinstance(e, kind)]
