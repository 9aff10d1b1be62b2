"""Actor and place candidates for the event coder.

:func:`actor_mentions` is the one place the coder gets its actors from. Today it builds them
from lexicon matches: a title or institution with its nationality («الخارجية الروسية» → RUS
GOV), a person («بوتين» → RUS GOV), an organisation, a country name, a capital or seat of
power («واشنطن», «الكرملين») and a bare nationality adjective («التحذيرات الأميركية» → USA).
When the pipeline has run entity recognition (``doc._.entities``) it reads those instead.
Whether a place name acts («واشنطن حذرت») or only locates («في موسكو») is decided later,
from the words around it (:mod:`marsad.events.arguments`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Any, Optional

from marsad.lexicon.actors import Actor as LexActor, CountryName, When
from marsad.lexicon.loader import Lexicon
from marsad.lexicon.places import Place as LexPlace
from marsad.lexicon.places import placed_matches
from marsad.lexicon.titles import Title
from marsad.model import Place
from marsad.entities import theatre
from marsad.events.words import Word, proclitic_readings, scan, skip_letters, word_before
from marsad.text.normalize import normalize
from marsad.text.tokenize import normalize_word

_JOIN_GAP = re.compile(r"^[\s،,]*$")  # only spaces or commas between parts of one name
_ADJ_GAP = re.compile(r"^\s+(?:ال\S+\s+){1,2}$")  # «القوات [الخاصة] العراقية»
_WORD_BEFORE = re.compile(r"(\S+) $")
# «نائب خادم الحرمين الشريفين», «مستشار الرئيس الأمريكي»: another person of the same state
# «عبدالله الثاني», «محمد السادس»: a regnal number is no surname («النائب الثاني»)
ORDINALS = frozenset(normalize_word(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split())
DEPUTIES = frozenset(normalize_word(w) for w in ("نائب", "مستشار", "مساعد"))


@dataclass(frozen=True)
class Mention:
    """A phrase naming an actor or a place. ``start``/``end``: the phrase without its
    proclitics, which run from ``clitic_start``. ``country`` is None when unknown."""

    start: int
    end: int
    clitic_start: int
    text: str
    country: Optional[str]
    sector: Optional[str]
    kind: str  # person, org, institution, title, country, adj, capital, place, region
    entity: Optional[str] = None
    place: Optional[Place] = None  # what the phrase names, when it is a place
    can_act: bool = True  # False for a place that never stands for an actor («مقاطعة آمور»)
    clitic: str = ""  # proclitics before the name («ل» in «لروسيا»)
    codes: tuple[str, ...] = ()  # the candidates of an ambiguous nationality («الكورية»)
    weak_place: bool = False  # it names a weak gazetteer place (a compiled town: «فرح»)
    agent: bool = False  # an agent of no country of its own («الشرطة», «المسلحون»): the story places it


class Taken:
    """Character spans already taken (e.g. by lexicon mentions), asked whether a new span
    overlaps one of them in O(log n) (an article has hundreds of mentions)."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans starting before ``end``
        return i > 0 and self.reach[i - 1] > start


@dataclass
class _Part:
    start: int
    end: int
    clitic_start: int
    clitic: str
    record: Any


def actor_mentions(doc, lex: Lexicon, year: Optional[When] = None) -> list[Mention]:
    """Actor and place mentions of ``doc`` (a spaCy Doc), in text order: from the
    entities when the pipeline recognised them, else from lexicon matches."""
    entities = getattr(doc._, "entities", None) if hasattr(doc, "_") else None
    if entities:
        return mentions_from_entities(doc.text, entities)
    return mentions_from_lexicon(doc.text, lex, year)


def confirmed_places(mentions: list[Mention], entities) -> list[Mention]:
    """Mentions (linked to ``entities``) less those of weak gazetteer names that no place
    entity confirms: «فرح» is the Afghan town only where the NER read a place there (it is
    "joy" elsewhere, «الدور» "the role" and not Ad Dawr), and the word stays free for the
    coder. Without entities nothing confirms them: none is kept."""
    places = {e.id for e in entities or () if e.label in ("LOC", "FAC")}
    return [m for m in mentions if not (m.weak_place and m.entity not in places)]


def link_to_entities(mentions: list[Mention], entities) -> list[Mention]:
    """Give each lexicon mention the id of the entity (``doc._.entities``) it names: the
    entity with the largest overlapping mention in the body (title mentions aside)."""
    spans = sorted(((m.start, m.end, e.id) for e in entities or [] for m in e.mentions
                    if m.field != "title"), key=lambda x: x[:2])
    if not spans:
        return mentions
    starts = [a for a, _, _ in spans]
    links = []
    for m in mentions:
        best, overlap = None, 0
        for a, b, eid in spans[max(0, bisect_right(starts, m.start) - 8):bisect_right(starts, m.end)]:
            size = min(b, m.end) - max(a, m.start)
            if size > overlap:
                best, overlap = (a, b, eid), size
        links.append(best if best and m.entity is None else None)
    # one entity mention over two names of different countries («وزارة الدفاع الصينية الولايات
    # المتحدة» read as one name) names neither
    countries: dict[tuple, set] = {}
    for m, link in zip(mentions, links):
        if link is not None and m.country:
            countries.setdefault(link, set()).add(m.country)
    known = {e.id: e for e in entities if getattr(e, "country_source", None) == "lexicon" and e.country}
    people = {e.id: e for e in entities if getattr(e, "label", None) == "PER"}
    out = []
    for m, link in zip(mentions, links):
        if link is None or len(countries.get(link, ())) > 1:
            out.append(m)
            continue
        a, b, eid = link
        if m.kind == "person" and eid in people and a <= m.start and m.end <= b and b - a > m.end - m.start:
            # a lexicon person inside a longer name is part of that name, not that person
            # («بن علي» in «حمد بن علي العطية»: a Qatari officer, not Tunisia's president)
            out.append(_with_entity(m, eid, people[eid], always=True))
        else:
            out.append(_with_entity(m, eid, known.get(eid)))
    return out


def _with_entity(m: Mention, entity: str, known=None, always: bool = False) -> Mention:
    """``replace(m, entity=entity)`` without the dataclass machinery (one per mention). An
    entity the lexicon knows under another name gives its own country and sector («حزب
    العمال» after «حزب العمال الكردستاني»: the PKK, not British Labour); with ``always``,
    ``known`` gives them even when it has none."""
    new = object.__new__(Mention)
    new.__dict__.update(m.__dict__, entity=entity)
    if known is not None and (always or m.country and known.country != m.country):
        new.__dict__.update(country=known.country, sector=known.sector)
    return new


def _placed(entity, sources: frozenset[str]) -> bool:
    source = getattr(entity, "country_source", None)
    return bool(entity.country) and (source in sources or entity.label == "ORG" and source in STORY_SOURCES)


# Where an organisation the article does not place itself acts: the country of its story
# («نفذت الشرطة حملة توقيفات», «المتظاهرون»). A person is not placed so (a visitor).
STORY_SOURCES = frozenset({"story"})


def placed_beyond(text: str, mentions: list[Mention], entities, sources) -> list[Mention]:
    """Mentions of persons and organisations the lexicon does not name but the article
    places (``country_source`` in ``sources``), where no lexicon mention stands."""
    chosen = [e for e in entities or () if e.label in ("PER", "ORG") and _placed(e, sources)]
    taken = Taken((m.clitic_start, m.end) for m in mentions)
    return [m for m in mentions_from_entities(text, chosen) if not taken.overlaps(m.clitic_start, m.end)]


def mentions_from_entities(text: str, entities) -> list[Mention]:
    """Mentions from recognised entities (``marsad.model.Entity``): country and sector
    come with the entity; a LOC/FAC entity may act only when it has a sector."""
    out = []
    for e in entities:
        kind = {"PER": "person", "ORG": "org", "LOC": "capital", "FAC": "place"}.get(e.label, "org")
        for m in e.mentions:
            if m.field == "title":
                continue
            cstart = m.start
            while cstart > 0 and text[cstart - 1] in "وفبلك" and (cstart - 1 == 0 or text[cstart - 2].isspace()
                                                                   or text[cstart - 2] in "وفبلك"):
                cstart -= 1
            place = Place(m.text, e.country, kind="city", start=m.start, end=m.end) if e.label in ("LOC", "FAC") else None
            out.append(Mention(m.start, m.end, cstart, m.text, e.country, e.sector, kind, e.id, place,
                               can_act=e.label not in ("LOC", "FAC") or bool(e.sector),
                               clitic=text[cstart:m.start]))
    return sorted(out, key=lambda m: m.start)


def mentions_from_lexicon(text: str, lex: Lexicon, year: Optional[When] = None,
                          matches: Optional[list] = None, words: Optional[list[Word]] = None) -> list[Mention]:
    """Mentions built from lexicon matches (``matches`` when the pipeline already has
    them, else found here): parts of one name (title + nationality + person) are joined
    into one mention. ``words`` are the text's words, when already scanned."""
    if matches is None:
        matches = placed_matches(text, lex.matcher().find(text))
    parts = [_Part(m.start, m.end, m.clitic_start, m.clitic, _entry_at(m.entries, year)) for m in matches]
    parts = [p for p in parts if not _not_political(p.record)]
    groups: list[list[_Part]] = []
    for part in parts:
        if groups and _joins(groups[-1], part, text):
            groups[-1].append(part)
        else:
            groups.append([part])
    mentions = [_mention(g, text, lex, year) for g in groups]
    mentions = [m for m in mentions if m is not None]
    words = words if words is not None else scan(text)
    extra = _surnames(text, mentions, groups, words)
    mentions = _heads(text, sorted(mentions + extra, key=lambda m: m.start), words)
    return _disambiguate(_deputies(text, _coalition(lex, _short_names(mentions))))




def _coalition(lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """A bare «التحالف», «طيران التحالف» in a story set in Iraq or Syria is the US-led
    coalition, not the Saudi-led one the lexicon reads (:mod:`marsad.entities.theatre`)."""
    coalitions = [m for m in mentions if m.kind == "org" and m.country == "SAU" and "تحالف" in normalize(m.text)
                  and theatre.bare(m.text)]
    if not coalitions or not theatre.elsewhere({m.country for m in mentions if m.country}):
        return mentions
    actor = theatre.us_led(lex.matcher().lookup)
    if actor is None:
        return mentions
    term = actor.term_at(None)
    chosen = {id(m) for m in coalitions}
    return [replace(m, country=term.country, sector=term.sector) if id(m) in chosen else m for m in mentions]


def _short_names(mentions: list[Mention]) -> list[Mention]:
    """A body named by one word of a longer name the article used before («التحالف» after
    «قوات التحالف الدولي»: the lexicon's own reading of the bare word, the Saudi-led
    coalition, is not the one meant), or by the first words of it («حزب العمال» after «حزب
    العمال الكردستاني»: the PKK, not the British Labour Party), is that body, when every
    earlier name holding the words names the same country."""
    seen: list[tuple[list[str], Mention]] = []
    out = []
    for m in mentions:
        words = normalize(m.text).split()
        if m.kind == "org":
            if len(words) == 1:
                earlier = [e for ws, e in seen if words[0] in ws]
            else:
                earlier = [e for ws, e in seen if len(ws) > len(words) and ws[:len(words)] == words]
            countries = {e.country for e in earlier}
            if len(countries) == 1 and m.country not in countries:
                e = earlier[-1]
                m = replace(m, country=e.country, sector=e.sector, entity=e.entity)
            elif m.country and len(words) > 1:
                seen.append((words, m))
        out.append(m)
    return out


def _heads(text: str, mentions: list[Mention], words: list[Word]) -> list[Mention]:
    """Later mentions of a body by its head noun alone («المقاومة» after «المقاومة
    الشعبية», «المنظمة» after «منظمة التعاون الإسلامي»): the bare definite head, standing
    alone (no definite word after it), is the body named last before it with that head."""
    heads: dict[str, list[Mention]] = {}
    for m in mentions:
        parts = m.text.split()
        if m.kind in ("org", "institution") and m.country and len(parts) > 1 and not m.clitic:
            head = normalize_word(parts[0])
            head = head if head.startswith("ال") else "ال" + head
            if len(head) >= 5:
                heads.setdefault(head, []).append(m)
    if not heads:
        return mentions
    starts = [m.start for m in mentions]
    by_start = {m.start: i for i, m in enumerate(mentions)}
    out = list(mentions)
    added = []
    ends = tuple(h[2:] for h in heads)  # a reading ends as the word does («للمنظمة» → «المنظمة»)
    for n, w in enumerate(words):
        if w.kind != "word" or len(w.key) < 5 or not w.key.endswith(ends):
            continue
        for rest, pre in proclitic_readings(w.key):
            named = heads.get(rest)
            if not named:
                continue
            body = next((m for m in reversed(named) if m.end <= w.start), None)
            nxt = words[n + 1] if n + 1 < len(words) else None
            if body is None or nxt is not None and nxt.kind == "word" and nxt.key.startswith("ال"):
                break  # «الحركة الإسلامية»: another body
            start = skip_letters(text, w.start, len(pre))
            i = bisect_right(starts, w.end - 1) - 1
            if i >= 0 and mentions[i].end > w.start:  # the word is already a mention
                old = mentions[i]
                if old.country or normalize_word(old.text) != rest:
                    break
                out[by_start[old.start]] = replace(old, country=body.country, sector=body.sector,
                                                   entity=body.entity, kind=body.kind)
            else:
                added.append(Mention(start, w.end, w.start, text[start:w.end], body.country, body.sector,
                                     body.kind, body.entity, clitic=text[w.start:start]))
            break
    return sorted(out + added, key=lambda m: m.start) if added else out


def _deputies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A deputy or adviser named by whom they serve («نائب خادم الحرمين الشريفين»,
    «لمستشار الرئيس الأمريكي») is an official of that person's state, not that person:
    the mention takes the word in, keeps the country and sector, and names no entity."""
    out: list[Mention] = []
    for m in mentions:
        w = None if m.clitic or m.kind not in ("person", "title") or not m.country \
            else _WORD_BEFORE.search(text, max(0, m.start - 16), m.start)
        if w is not None and (not out or out[-1].end <= w.start()):
            pre = next((p for r, p in proclitic_readings(normalize_word(w.group(1))) if r in DEPUTIES), None)
            if pre is not None:
                start = skip_letters(text, w.start(), len(pre))
                m = Mention(start, m.end, w.start(), text[start:m.end], m.country, m.sector, "title",
                            None, clitic=text[w.start():start])
        out.append(m)
    return out


NOT_POLITICAL = frozenset({"club", "sport"})  # a transfer deal between clubs is no AGREE between states


def _not_political(record: Any) -> bool:
    return isinstance(record, LexActor) and record.category in NOT_POLITICAL


def _surnames(text: str, mentions: list[Mention], groups: list[list[_Part]], words: list[Word]) -> list[Mention]:
    """Later mentions of a person by surname alone («كارتر» after «آشتون كارتر»): the last
    word of a full name the article has used stands for that person."""
    aliases: dict[str, Mention] = {}
    for m, g in zip(mentions, groups):
        person = next((p for p in g if isinstance(p.record, LexActor) and p.record.kind == "person"), None)
        if person is None:
            continue
        parts = text[person.start:person.end].split()
        last = normalize_word(parts[-1]) if parts else ""
        if len(parts) > 1 and len(last) >= 4 and last not in ORDINALS:  # not «علي» (= «على» on)
            aliases.setdefault(last, m)
    if not aliases:
        return []
    taken = Taken((m.clitic_start, m.end) for m in mentions)
    # a reading of a word ends as the word does, but «لل» + noun reads «ال» + noun
    ends = tuple(aliases) + tuple(a[1:] for a in aliases if a.startswith("ال"))
    out = []
    for w in words:
        if w.kind != "word" or len(w.key) < 4 or not w.key.endswith(ends):
            continue
        for rest, pre in proclitic_readings(w.key):
            m = aliases.get(rest)
            if m is None or w.start < m.end or taken.overlaps(w.start, w.end):
                continue  # an alias stands for a name used before it
            start = skip_letters(text, w.start, len(pre))
            out.append(Mention(start, w.end, w.start, text[start:w.end], m.country, m.sector, "person",
                               m.entity, clitic=text[w.start:start]))
            break
    return out


def _entry_at(entries: tuple, year: Optional[When]) -> Any:
    """The record a name stands for in ``year``: «خادم الحرمين الشريفين» is King Abdullah
    until 2015, King Salman from 2015."""
    if year is not None and len(entries) > 1:
        for r in reversed(entries):
            if isinstance(r, LexActor) and r.in_office(year):
                return r
    return entries[0]


def _is_title(record: Any) -> bool:
    return isinstance(record, Title)


def _joins(group: list[_Part], part: _Part, text: str) -> bool:
    """Does ``part`` continue the name in ``group``? Only after a title or institution,
    with nothing but spaces or commas between (or one or two adjectives before a
    nationality), and only when the part has no proclitic of its own — but for a country
    named with «ب» right after a title, as the Gulf press names an official's state
    («وزير الداخلية بمملكة البحرين», «بدولة الكويت»)."""
    if part.clitic:
        return part.clitic == "ب" and _of_country(group, part, text)
    if any(p.record is part.record for p in group) and _JOIN_GAP.match(text[group[-1].end:part.clitic_start]):
        return True  # «خادم الحرمين الشريفين الملك سلمان»: one person named twice
    if not any(_is_title(p.record) for p in group):
        return False
    if any(isinstance(p.record, LexActor) for p in group):
        return False  # the name is complete once it reaches a person or organisation
    if isinstance(part.record, (CountryName, LexPlace)) and any(
            isinstance(p.record, (CountryName, LexPlace)) for p in group):
        return False  # a title takes one nationality: «الحكومة العراقية المطالب الأمريكية»
    gap = text[group[-1].end:part.clitic_start]
    if _JOIN_GAP.match(gap):
        return not (_is_title(part.record) and part.record.kind == "institution"
                    and _is_title(group[-1].record) and group[-1].record.kind == "institution")
    rec = part.record
    return bool(_ADJ_GAP.match(gap)) and isinstance(rec, CountryName) and rec.kind == "adj"


def _of_country(group: list[_Part], part: _Part, text: str) -> bool:
    """«وزير الداخلية بمملكة البحرين»: a country's name behind «ب» right after a title (of
    no country yet) is the title's state."""
    rec = part.record
    return isinstance(rec, CountryName) and rec.kind == "name" and _is_title(group[-1].record) \
        and not any(isinstance(p.record, (CountryName, LexPlace, LexActor)) for p in group) \
        and text[group[-1].end:part.clitic_start] == " "


def _mention(group: list[_Part], text: str, lex: Lexicon, year: Optional[When]) -> Optional[Mention]:
    first, last = group[0], group[-1]
    country = sector = None
    codes: tuple[str, ...] = ()
    kind, place, can_act, weak, agent = None, None, True, False, False
    for p in group:
        r = p.record
        if isinstance(r, LexActor):
            term = r.term_at(year)
            country = country or (term.country if term.country not in (None, "-") else None)
            sector = sector or term.sector
            kind = kind if kind in ("person",) else r.kind
        elif isinstance(r, CountryName):
            codes = codes or r.codes
            kind = kind or ("adj" if r.kind == "adj" else "country" if r.kind == "name" else "region")
            if r.kind == "name" and r.code and len(group) == 1:
                place = _country_place(lex, r.code, p, text)
        elif isinstance(r, LexPlace):
            place = _place(r, p, text)
            weak = "weak" in r.flags
            if r.metonym:
                codes = codes or ((r.country,) if r.country else ())
                sector = sector or ("GOV" if r.metonym == "country" else r.metonym)
                kind = kind or "capital"
            else:
                kind, can_act = kind or "place", len(group) > 1
        elif isinstance(r, Title):
            sector = sector or r.sector
            kind = kind or ("institution" if r.kind == "institution" else "title")
            agent = agent or "agent" in r.flags
    if country is None and len(codes) == 1:
        country = codes[0]
    if kind == "country":
        sector = sector or "GOV"
    return Mention(first.start, last.end, first.clitic_start, text[first.start:last.end], country,
                   sector, kind or "title", None, place, can_act, clitic=first.clitic,
                   codes=codes if country is None and len(codes) > 1 else (), weak_place=weak,
                   agent=agent and country is None and kind == "institution")


def _place(r: LexPlace, p: _Part, text: str) -> Place:
    return Place(text[p.start:p.end], r.country, r.lat, r.lon, r.name_en, r.kind, p.start, p.end, r.region)


def _country_place(lex: Lexicon, code: str, p: _Part, text: str) -> Place:
    c = lex.place_of_country(code)
    lat, lon, en = (c.lat, c.lon, c.name_en) if c else (None, None, None)
    return Place(text[p.start:p.end], code, lat, lon, en, "country", p.start, p.end)


def _disambiguate(mentions: list[Mention]) -> list[Mention]:
    """An ambiguous nationality («الكورية»: PRK or KOR) takes the code the article names
    unambiguously elsewhere; with none or both, it stays unknown."""
    named = Counter(m.country for m in mentions if m.country)
    out = []
    for m in mentions:
        if m.codes:
            options = [c for c in m.codes if named[c]]
            m = replace(m, codes=(), country=options[0] if len(options) == 1 else None)
        out.append(m)
    return out


def attributive(text: str, m: Mention) -> bool:
    """A country name with «ال» right after a definite noun is a nationality adjective: a
    definite noun takes no genitive («الحملات الإغاثة السعودية»: Saudi, not Saudi Arabia).
    Not a name of several words («وشكر الحساينة المملكة العربية السعودية»: the Kingdom,
    after a surname; no nationality is written «المملكة العربية السعودية»)."""
    if m.clitic or m.kind != "country" or not m.text.startswith("ال") or len(m.text.split()) > 1:
        return False
    return any(r.startswith("ال") for r, _ in proclitic_readings(word_before(text, m.start)))


def entity_places(entities, mentions: list[Mention]) -> list[Place]:
    """Places of the place entities (LOC, FAC) with coordinates where no lexicon mention
    stands (a name known by another spelling: «مينابوليس»), for the map."""
    taken = Taken((m.clitic_start, m.end) for m in mentions)
    out = []
    for e in entities or ():
        if e.label not in ("LOC", "FAC") or e.lat is None:
            continue
        for m in e.mentions:
            if m.field != "title" and not taken.overlaps(m.start, m.end):
                out.append(Place(m.text, e.country, e.lat, e.lon, e.name_en, None, m.start, m.end, e.region))
    return out


def places_of(text: str, mentions: list[Mention], lex: Optional[Lexicon] = None) -> list[Place]:
    """Every place named in the text (countries, cities, regions, facilities), in order;
    a country name used as an adjective is no place. With ``lex``, a region countries.tsv
    names («الشرق الأوسط») is placed by the gazetteer too (for the map; the coder does not
    see it as a place)."""
    out = []
    for m in mentions:
        if m.place is not None and not attributive(text, m):
            out.append(m.place)
        elif m.place is None and m.kind == "region" and lex is not None:
            c = lex.spanning_place(m.text)
            if c is not None:
                out.append(Place(m.text, None, c.lat, c.lon, c.name_en, c.kind, m.start, m.end, c.region))
    return out
