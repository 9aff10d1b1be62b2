"""The ``marsad_actors`` step: names, roles and coreference → ``doc._.entities``.

Order inside the step: lexicon matches (``doc._.matches``) → name mentions (NER spans from
``doc.spans["ner"]`` merged with lexicon names, less fathers' names and institutions named
after people, then the repeats of those names that the NER missed) → role context from
title chains → standalone institutions, agents and descriptions → coreference clusters, less
formulae and currencies → office-holders of descriptions on the publication day →
:class:`Entity` records, each placed in a country with its source (``entities.placing``) and
given an English name. The article's :class:`~marsad.entities.placing.Setting` stays in
``doc.user_data["setting"]`` for the speakers the quotes step describes.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from marsad.pipeline.extensions import folded_of, text_of

from marsad.dates import month_names
from marsad.entities.coref import Cluster, cluster
from marsad.entities.dynasties import dynasty_country
from marsad.entities.english import transliterate
from marsad.entities.offices import Offices
from marsad.entities.placing import SOURCES, Placed, Setting, marks_of, regional, squad
from marsad.entities.mentions import NameMention, classify, drop_not_persons, drop_unsupported_weak, merge
from marsad.entities.repeats import repeats
from marsad.entities.theatre import coalition_theatre
from marsad.entities.roles import Chains, apply_context, standalone
from marsad.entities.words import word_file
from marsad.lexicon.actors import TRANSNATIONAL, Actor, When
from marsad.lexicon.loader import Lexicon
from marsad.lexicon.places import placed_matches, quoted_outlet
from marsad.lexicon.titles import Title
from marsad.model import Entity, Span
from marsad.text.normalize import normalize


@Language.factory("marsad_actors", assigns=["doc._.entities", "doc._.matches"],
                  default_config={"lexicon_dirs": []})
def make_actors(nlp: Language, name: str, lexicon_dirs: list[str]):
    return ActorsComponent(Lexicon.load(lexicon_dirs))


class ActorsComponent:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.matcher = lexicon.matcher()
        self.offices = Offices(lexicon.people)

    def _newspaper(self, name: str) -> Optional[Actor]:
        """The newspaper the lexicon calls «صحيفة <name>», if any."""
        return next((e for e in self.matcher.lookup("صحيفة " + name) if isinstance(e, Actor)), None)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        day = published_day(doc)
        found = self.matcher.find(text, folded_of(doc))
        matches = placed_matches(text, found)
        # a place name that is also a common word, out of a place context («درعا تذكاريا»
        # a shield), is no name even where the NER tagged it
        common = {(m.start, m.end) for m in found} - {(m.start, m.end) for m in matches}
        doc._.matches = matches
        lexical = [m for m in (classify(x, day) for x in matches) if m is not None]
        for m in found:
            if (m.start, m.end) in common and quoted_outlet(text, m) and (paper := self._newspaper(m.text)):
                common.discard((m.start, m.end))  # «لـ«الرياض»»: the newspaper Al Riyadh
                lexical.append(NameMention(m.start, m.end, m.text, "ORG", "lexicon", actor=paper))
        lexical.sort(key=lambda m: m.start)
        ner = [(s.start_char, s.end_char, text[s.start_char:s.end_char], s.label_)
               for s in doc.spans.get("ner", []) if (s.start_char, s.end_char) not in common]
        # a month's name inside a date is the month («أبريل (نيسان) الماضي»: not Nissan); other
        # names there stay («فريق «8 آذار»», «مدينة ليل اليوم»)
        dated = [(d.start, d.end) for d in getattr(doc._, "dates", None) or () if d.start is not None]
        if dated:
            lexical = [m for m in lexical if not _a_month(m.start, m.end, text, dated)]
            ner = [n for n in ner if not _a_month(n[0], n[1], text, dated)]
        mentions = drop_not_persons(text, drop_unsupported_weak(merge(ner, lexical, self.matcher.lookup)),
                                    _institution_nouns())
        mentions += repeats(text, mentions, folded_of(doc))
        mentions.sort(key=lambda m: m.start)
        doc.user_data["names"] = [(m.start, m.end, m.label) for m in mentions]
        chains = Chains(text, matches)
        phrases = apply_context(text, mentions, chains)
        taken = [(m.start, m.end) for m in mentions if m.label == "PER"] + \
                [(p.start, p.end) for p in phrases]
        phrases += standalone(text, chains, taken)
        setting = self._setting(doc, text, matches, mentions, day)
        doc.user_data["setting"] = setting
        clusters = [c for c in cluster(mentions + phrases) if not not_an_actor(c)]
        clusters = resolve_offices(clusters, self.offices, setting, day)
        clusters = coalition_theatre(clusters, {m.country for m in setting.marks if m.country}, self.matcher.lookup)
        doc._.entities = [locate(to_entity(c, f"e{i}", day, setting, text, self.matcher.lookup), c, self.lexicon)
                          for i, c in enumerate(clusters, 1)]
        return doc

    def _setting(self, doc: Doc, text: str, matches, mentions, when) -> Setting:
        article = doc._.article
        outlet = self.lexicon.outlets.find(getattr(article, "outlet", None), getattr(article, "url", None))
        people = [(m.start, m.end) for m in mentions if m.label == "PER"]
        title_matches = [m for m in matches if any(isinstance(e, Title) and e.kind != "honorific" for e in m.entries)]
        titles = [m.clitic_start for m in title_matches]
        conjuncts = [m.clitic_start for m in title_matches if m.clitic_start != m.start and text[m.clitic_start] == "و"]
        outlet_country = outlet.country if outlet else None
        return Setting(text, marks_of(matches, when, text), doc.user_data.get("body_start", 0),
                       outlet_country, people, titles, when, self.offices,
                       doc.user_data.get("sentences") or (), regional(matches), conjuncts,
                       squad(matches, when, outlet_country, text))


def published_day(doc: Doc) -> Optional[When]:
    """The article's publication day; its year when only that is readable; else None."""
    published = getattr(doc._.article, "published", None) or ""
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return int(published[:4]) if published[:4].isdigit() else None


def to_entity(c: Cluster, entity_id: str, when: Optional[When], setting: Optional[Setting] = None,
              text: str = "", lookup: Callable[[str], tuple] = lambda name: ()) -> Entity:
    """The marsad/1 entity of a cluster: lexicon knowledge first, then the context; ``text``
    (the article's) and ``lookup`` (the lexicon's names) restore a name's «ال» that «لل» elided."""
    known = c.lexical
    name_en = country = sector = role = None
    gender = None
    source = None
    transnational = False
    if known is not None and known.actor is not None:
        term = known.actor.term_at(when)
        name_en, country, sector, role = known.actor.name_en, term.country, term.sector, term.role
        gender = known.actor.gender
        transnational = country == TRANSNATIONAL
        country = None if transnational else country
    elif known is not None and known.country_name is not None:
        country_name = known.country_name
        name_en, country = country_name.name_en, country_name.code
        sector = "GOV" if country else None  # a region («أوروبا») is no government
    elif known is not None and known.place is not None:
        gazetteer = known.place
        name_en, country = gazetteer.name_en, gazetteer.country
        if gazetteer.metonym:
            sector = "GOV" if gazetteer.metonym == "country" else gazetteer.metonym
    if country:
        source = "lexicon" if known.origin != "phrase" else known.country_source
    elif c.label in ("PER", "ORG") and (known is None or known.actor is not None and not transnational):
        placed = place(c, setting)  # places stay with the gazetteer
        if placed is not None:
            country, source = placed.country, placed.source
    sector = sector or c.attribute("sector")
    role = role or c.attribute("role")
    gender = gender or c.attribute("gender")
    names = sorted(c.names, key=lambda m: (-(m.end - m.start), m.start))
    mentions = sorted({(m.start, m.end): m for m in c.mentions}.values(), key=lambda m: m.start)
    if name_en is None:
        name_en = english_name(names[0].text, role if all(m.origin == "phrase" for m in c.names) else None)
    return Entity(id=entity_id, label=c.label, name=written_name(names[0], text, lookup), name_en=name_en, country=country,
                  country_source=source, sector=sector, role=role, gender=gender,
                  mentions=[Span(m.start, m.end, m.text) for m in mentions])


def _a_month(start: int, end: int, text: str, dates: list[tuple[int, int]]) -> bool:
    """Is ``text[start:end]`` a month's name inside one of the ``dates`` spans?"""
    return normalize(text[start:end]) in month_names() and any(a <= start and end <= b for a, b in dates)


def written_name(m: NameMention, text: str, lookup: Callable[[str], tuple] = lambda name: ()) -> str:
    """The name of a mention with the «ال» that «لل» elided: after «لل» (ل + ال) the mention
    starts at the second «ل» («للمملكة العربية السعودية» → «لمملكة …»); the name is «المملكة
    …» when the article writes that form too, or the lexicon knows it and not the short one
    (not «للندن» → «الندن»). The mention's span is untouched."""
    t = m.text
    if t.startswith("ل") and not t.startswith("ال") and m.start >= 1 and text[m.start - 1] == "ل":
        full = "ا" + t
        if full in text or lookup(full) and not lookup(t):
            return full
    return t


def locate(e: Entity, c: Cluster, lexicon: Lexicon) -> Entity:
    """A place entity (LOC, FAC) with what the gazetteer knows of where it is: the
    coordinates of its place (a country's centroid for a country) and, for a place spanning
    countries («الشرق الأوسط», «البحر الأحمر»), its region code (``regions.tsv``)."""
    known = c.lexical
    if e.label == "LOC" and known is None and not e.country:
        return _spelt_otherwise(e, c, lexicon)
    if e.label not in ("LOC", "FAC") or known is None or known.actor is not None:
        return e
    place = known.place
    if e.country and (place is None or place.country != e.country):
        place = lexicon.place_of_country(e.country)  # a country named: its centroid
    if place is not None:
        e.region = None if e.country else place.region
        e.lat, e.lon = place.lat, place.lon
    return e


def _spelt_otherwise(e: Entity, c: Cluster, lexicon: Lexicon) -> Entity:
    """A place the NER found and the lexicon does not know by that spelling, known by its
    consonants («مينابوليس» Minneapolis, «ريودي جانيرو»; :meth:`Lexicon.place_by_skeleton`)."""
    for m in sorted(c.names, key=lambda m: m.start - m.end):
        place = lexicon.place_by_skeleton(m.text)
        if place is not None and place.label == "LOC":
            e.country, e.region, e.name_en = place.country, place.region, place.name_en
            e.lat, e.lon = place.lat, place.lon
            e.country_source = "lexicon" if place.country else None
            return e
    return e


@lru_cache(maxsize=1)
def _not_actor_words() -> frozenset[str]:
    """Normalised words of ``data/not_actors.txt``: God in formulae, currencies."""
    return frozenset(normalize(w) for w in word_file("not_actors.txt"))


@lru_cache(maxsize=1)
def _institution_nouns() -> frozenset[str]:
    """Normalised nouns of ``data/named_after.txt`` («جامعة», «مركز», «مستشفى»...)."""
    return frozenset(normalize(w) for w in word_file("named_after.txt"))


def not_an_actor(c: Cluster) -> bool:
    """A cluster the lexicon does not know whose names are only formulae or currencies
    («الله» in «الحمد لله», «رحمه الله», «دولار»): never an actor."""
    if c.lexical is not None:
        return False
    words = [w for m in c.names for w in normalize(m.text).replace("\u0640", "").split()]
    return bool(words) and all(w in _not_actor_words() for w in words)


def resolve_offices(clusters: list[Cluster], offices: Offices, setting: Setting,
                    when: Optional[When]) -> list[Cluster]:
    """Descriptions that name one office-holder («الرئيس الأمريكي», «ولي العهد» in a Saudi
    story) become that person on the article's day, and join the person's own cluster when
    the article also names them."""
    by_actor = {c.lexical.actor.key: c for c in clusters if c.lexical is not None and c.lexical.actor}
    out = []
    for c in clusters:
        described = [m for m in c.mentions if m.office is not None]
        if c.lexical is not None or c.label != "PER" or not described or len(described) < len(c.mentions):
            out.append(c)
            continue
        first = described[0]
        placed = Placed(first.country, first.country_source) if first.country else place(c, setting)
        title_role, organisation = first.office
        holder = offices.holder(title_role, placed.country if placed else None, when, organisation)
        if holder is None:
            out.append(c)
            continue
        first.actor, first.country, first.country_source = holder, placed.country, placed.source
        host = by_actor.get(holder.key)
        if host is not None:
            host.mentions.extend(c.mentions)
        else:
            by_actor[holder.key] = c
            out.append(c)
    return out


def place(c: Cluster, setting: Optional[Setting]) -> Optional[Placed]:
    """The country of a cluster the lexicon does not place: its titles and adjectives, a
    ruling family in a person's name, then the descriptions around its mentions, then (persons and organisations) the story and
    the outlet. The strongest source wins; within one, the first mention."""
    found = [Placed(m.country, m.country_source or "title") for m in c.names + c.mentions if m.country]
    if c.label == "PER":  # «فيصل بن خالد بن عبدالعزيز», «… آل مكتوم»: a ruling family's member
        found += [Placed(country, "affiliation") for m in c.names if (country := dynasty_country(m.text))]
    if not found and setting is not None and any(setting.multinational(m.start, m.end)
                                                 for m in c.mentions if m.origin == "phrase"):
        return None  # «دبلوماسي غربي»: a Western diplomat, of no one country
    if setting is not None:
        organisation = c.label == "ORG"
        found += [p for m in c.mentions if (p := setting.describe(m.start, m.end, organisation)) is not None]
    if c.label == "ORG" and not any(p.source in SOURCES[:3] for p in found) and international(c):
        return Placed("IGO", "adjective")  # «وكالة الطاقة الدولية», «مجلس الذهب العالمي»: of no one country
    if found:
        return min(found, key=lambda p: SOURCES.index(p.source))
    if setting is not None and c.attribute("sector") == "REB" and not any(setting.client(m.end) for m in c.mentions) \
            and (armed := setting.armed_country()) is not None:
        return Placed(armed, "story")  # «المتمردين», «الميليشيات» in a story naming the Houthis: theirs
    return setting.fallback([(m.start, m.end) for m in c.mentions], c.label == "PER") if setting is not None else None


# Heads of the names of international bodies, and the adjectives that make them so («وكالة
# الطاقة الدولية», «الاتحاد الدولي للصحفيين», «منظمة الشهب العالمية»), folded.
_BODY_HEADS = frozenset(normalize(w) for w in "وكالة منظمة اتحاد مجلس صندوق لجنة رابطة هيئة جمعية فيدرالية "
                        "الوكالة المنظمة الاتحاد المجلس الصندوق اللجنة الرابطة الهيئة الجمعية الفيدرالية".split())
_INTERNATIONAL = frozenset(normalize(w) for w in "الدولي الدولية العالمي العالمية".split())


def international(c: Cluster) -> bool:
    """Is an organisation named as an international body — a body's head noun followed within
    three words by «الدولي/العالمي» («وكالة الطاقة الدولية», «المجلس العالمي للشبيبة»; not
    «المنظمة للمهرجان الدولي», the organisers of a festival)?"""
    for m in c.names:
        words = normalize(m.text).split()
        if words and (words[0] in _BODY_HEADS or words[0][:1] == "و" and words[0][1:] in _BODY_HEADS) \
                and _INTERNATIONAL & set(words[1:4]) \
                and not (len(words) > 1 and words[1].startswith("لل")):
            return True
    return False


def english_name(name: str, description: Optional[str] = None) -> Optional[str]:
    """An English name for an actor the lexicon does not know: what a description says it
    is («الخارجية الروسية» → "foreign ministry"), else the name transliterated."""
    return description or transliterate(name) or None


def mentions_of(entities: Iterable[Entity]) -> list[tuple[int, int, Entity]]:
    """Every mention as ``(start, end, entity)``, in text order."""
    return sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[:2])
