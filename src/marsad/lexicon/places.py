"""Gazetteer: countries (CLDR names + ``centroids.tsv``), the places of ``places.tsv``
(capitals, cities, regions, facilities, seas; curated, with coordinates) and the towns of
``towns.tsv`` (compiled by ``tools/build_towns.py`` from open data; flagged ``weak``), with
an NER label.

A place may stand for an actor (metonymy): «واشنطن حذرت» is the United States,
«الكرملين» the Russian government, «البنتاغون» the US military. ``metonym`` is then
'country' or a sector code.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from marsad.lexicon.actors import SECTORS, CountryName
from marsad.lexicon.tsv import layered

KINDS = frozenset({"country", "capital", "city", "region", "facility", "water"})


@dataclass(frozen=True)
class Place:
    """A named place. ``lat``/``lon`` are degrees (2 decimals) or None when unknown."""

    key: str
    names: tuple[str, ...]
    name_en: str
    country: str | None
    kind: str
    label: str
    lat: float | None
    lon: float | None
    metonym: str | None = None
    flags: frozenset[str] = frozenset()
    population: int | None = None
    region: str | None = None  # a place spanning countries: its code in regions.tsv


    @property
    def coords(self) -> tuple[float, float] | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)


def _coords(row, lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise row.error("give both lat and lon, or neither")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise row.error(f"coordinates out of range: {lat}, {lon}")


COLUMNS = ("names", "name_en", "country", "kind", "label", "lat", "lon")


def _key(row) -> str:
    return f"{row.require('name_en')}|{row.get('country')}"


@dataclass(frozen=True)
class Region:
    """A region spanning countries (``regions.tsv``): marsad's code, and the UN M49 code
    where the region is one of M49's."""

    code: str
    name_en: str
    kind: str
    m49: str | None = None


def load_regions(extra_dirs: Sequence[Path] = ()) -> dict[str, Region]:
    """``regions.tsv``: code -> :class:`Region`."""
    rows = layered("regions.tsv", extra_dirs, ("code", "name_en", "kind"), lambda r: r.require("code"))
    out = {}
    for code, (row,) in rows.items():
        m49 = row.get("m49") or None
        if m49 is not None and not (len(m49) == 3 and m49.isdigit()):
            raise row.error(f"m49 must be three digits, not {m49!r}")
        out[code] = Region(code, row.require("name_en"), row.require("kind"), m49)
    return out


def load_places(extra_dirs: Sequence[Path] = (), towns: bool = True) -> tuple[Place, ...]:
    """``places.tsv`` (shipped, then each extra dir), keyed by English name and country,
    then (with ``towns``) the rows of ``towns.tsv`` whose key is not among them: a curated
    place comes before a compiled town of the same name. A place's ``region`` must be a
    code of ``regions.tsv``."""
    regions = load_regions(extra_dirs)
    rows = layered("places.tsv", extra_dirs, COLUMNS, _key)
    if towns:
        compiled = layered("towns.tsv", extra_dirs, COLUMNS, _key)
        rows = {**rows, **{k: v for k, v in compiled.items() if k not in rows}}
    out = []
    for key, (row,) in rows.items():
        kind, label, metonym = row.require("kind"), row.require("label"), row.get("metonym") or None
        lat, lon = row.number("lat"), row.number("lon")
        _coords(row, lat, lon)
        if kind not in KINDS or label not in ("LOC", "FAC"):
            raise row.error(f"kind {kind!r} or label {label!r} not allowed")
        if metonym not in (None, "country") and metonym not in SECTORS:
            raise row.error(f"metonym must be 'country' or a sector, not {metonym!r}")
        population = row.number("population")
        region = row.get("region") or None
        if region is not None and region not in regions:
            raise row.error(f"region {region!r} is not a code of regions.tsv")
        out.append(Place(key, row.values("names"), row.require("name_en"), row.get("country") or None,
                         kind, label, lat, lon, metonym, row.flags(), int(population) if population else None,
                         region))
    return tuple(out)


def load_centroids(extra_dirs: Sequence[Path] = ()) -> dict[str, tuple[float, float]]:
    """``centroids.tsv``: alpha-3 -> (lat, lon) of a country's rough centre."""
    rows = layered("centroids.tsv", extra_dirs, ("code", "lat", "lon"), lambda r: r.require("code"))
    out = {}
    for code, (row,) in rows.items():
        lat, lon = row.number("lat"), row.number("lon")
        _coords(row, lat, lon)
        if lat is not None:
            out[code] = (lat, lon)
    return out


def country_places(countries: Iterable[CountryName],
                   centroids: dict[str, tuple[float, float]]) -> dict[str, Place]:
    """One place per country code, named by all its unambiguous 'name' forms (not
    adjectives, not context-dependent forms such as «المملكة»)."""
    names: dict[str, list[str]] = {}
    english: dict[str, str] = {}
    for c in countries:
        if c.kind == "name" and c.code and not c.flags & {"context", "ambiguous"}:
            names.setdefault(c.code, []).append(c.name)
            if c.source == "cldr" or c.code not in english:
                english[c.code] = c.name_en
    out = {}
    for code, forms in names.items():
        lat, lon = centroids.get(code, (None, None))
        out[code] = Place(f"{english[code]}|{code}", tuple(forms), english[code], code, "country",
                          "LOC", lat, lon, "country")
    return out


# Words after which a name stands for a place: prepositions of place, nouns of settlement
# and administration, directions. «في درعا» is Daraa; «درعا تذكاريا» is a shield.
LOCATIVE = frozenset(
    "في إلى الى من عن قرب بقرب حول داخل خارج نحو تجاه باتجاه عبر أنحاء ضواحي ريف أهالي سكان مدينة "
    "بمدينة لمدينة ومدينة محافظة بمحافظة لمحافظة ومحافظة منطقة بمنطقة لمنطقة ومنطقة بلدة ريف بريف وريف "
    "ببلدة قرية بقرية مركز بمركز مديرية بمديرية ولاية بولاية إقليم بإقليم أمير أمانة شمال "
    "جنوب شرق غرب شمالي جنوبي شرقي غربي وسط".split())
# A proclitic «ب»/«ل» does not place a common word: «بحجة أن» is "on the pretext that",
# «بالوجه» "with the face"; only a locative word before it does.
# Names that are the first word of an idiom: «مسقط رأس» birthplace, not Muscat.
# «سوسة النخيل»: the palm weevil, not Sousse; «ينبع من»: springs from, not Yanbu. The next
# word may carry a suffix («مسقط رأسه», his birthplace).
IDIOMS = {"مسقط": ("رأس", "راس"), "سوسة": ("النخيل",), "ينبع": ("من",)}
# Names that close an idiom with the word before them: «صلاة المغرب», «أذان المغرب», «بعد
# المغرب» are the sunset prayer, not Morocco (about one «المغرب» in eight in SaudiNewsNet).
CLOSING_IDIOMS = {"المغرب": frozenset("صلاة صلاتي وصلاة أذان وأذان اذان بعد وبعد قبل وقبل قبيل عقب وقت موعد حتى".split())}
# Country names that are also a common adjective (flag ``common`` in countries.tsv: «مالي»
# is "financial" in «مبلغ مالي», «دعم مالي», more often than Mali in this press) are the
# country only behind a locative word (LOCATIVE), a proclitic «ب»/«ل» («لمالي الشقيقة»), a
# head of state or land, or beside a place.
COUNTRY_HEADS = frozenset(p + head for head in (
    "حكومة دولة شعب سلطات رئيس رئاسة جمهورية مملكة جيش سفير سفارة عاصمة بلاد أراضي حدود ملك"
).split() for p in ("", "و", "ل", "ب"))
# Heads that name what follows as a district or a street: a compiled town (flag ``weak``)
# behind one, of a country the article never names, is a district of the article's city
# that shares its name («بحي الفيصلية» in Najran is no Jordanian town); «حي التواهي» in a
# story about Aden stays the Aden district.
LOCAL_HEADS = frozenset(p + head for head in ("حي", "شارع") for p in ("", "و", "ف", "ب", "ل", "وب", "فب"))


def in_place_context(text: str, start: int, clitic: str = "") -> bool:
    """Does the name at ``text[start:]`` (after its proclitics ``clitic``) stand behind a
    locative word («في درعا», «محافظة درعا», «شمال درعا»)? A name later in a list («في عدن
    ودرعا») or behind a proclitic alone («بدرعا») is not seen as placed."""
    before = text[max(0, start - len(clitic) - 30):start - len(clitic)].split()
    return bool(before) and before[-1] in LOCATIVE


def placed_matches(text: str, matches: Iterable) -> list:
    """Lexicon matches without those of places that are also common words (flag
    ``common``: «درعا» Daraa / a shield) standing outside a place context, without place
    names opening an idiom (:data:`IDIOMS`), without names flagged ``article`` behind the
    preposition «ل», which then reads as the article («للحج»: for the Hajj), and without
    names flagged ``noprep`` behind a preposition («كريمة»: a daughter, not Raymah)."""
    matches = list(matches)
    strong = sorted((m.clitic_start, m.end) for m in matches if _strong_place(m))
    out = []
    for m in matches:
        if m.text in IDIOMS and _opens_idiom(text[m.end:m.end + 20].split()[:1], IDIOMS[m.text]):
            continue
        if m.clitic.endswith("ل") and all(isinstance(e, Place) and "article" in e.flags for e in m.entries):
            continue  # «للحج»: «ل» + «الحج» (for the Hajj), not «ل» + Lahij
        if m.clitic[-1:] in "بلك" and m.clitic and all(isinstance(e, Place) and "noprep" in e.flags for e in m.entries):
            continue  # «كريمة» a daughter, not «ك» + Raymah
        if m.text in CLOSING_IDIOMS and _word_before(text, m.clitic_start) in CLOSING_IDIOMS[m.text]:
            continue
        if quoted_outlet(text, m):
            continue  # «قال لـ«الرياض»»: the newspaper, not the city
        if _as_adjective(text, m):
            continue  # «الحد الأقصى»: the maximum, not al-Aqsa
        if any(isinstance(e, CountryName) and "common" in e.flags for e in m.entries) \
                and m.clitic[-1:] not in ("ب", "ل") and not in_place_context(text, m.start, m.clitic) \
                and _word_before(text, m.clitic_start) not in COUNTRY_HEADS and not _opens_clause(text, m.clitic_start) \
                and not _beside_a_place(text, m, strong):
            continue  # «مبلغ مالي»: financial, not Mali
        common = [e for e in m.entries if isinstance(e, Place) and "common" in e.flags]
        if common and len(common) == len(m.entries) and m.text.split()[0] not in LOCATIVE \
                and not in_place_context(text, m.start, m.clitic) \
                and not _beside_a_place(text, m, strong):  # «محافظة حجة» is placed in itself
            continue
        out.append(m)
    return in_article_countries(_without_foreign_districts(text, out))


def _without_foreign_districts(text: str, matches: list) -> list:
    """``matches`` without compiled towns behind «حي/شارع» (:data:`LOCAL_HEADS`) whose
    countries the article does not name: a local district, not a town abroad."""
    local = [i for i, m in enumerate(matches)
             if m.entries and all(isinstance(e, Place) and "weak" in e.flags for e in m.entries)
             and _after_local_head(text, m.start, m.clitic)]
    if not local:
        return matches
    named = {_country_of(m) for m in matches} - {None}
    drop = {i for i in local if not {e.country for e in matches[i].entries} & named}
    return [m for i, m in enumerate(matches) if i not in drop]


# What may stand between two places of a list or a road: «الدمام والخبر», «الدمام-الخبر»,
# «الخبر - الدمام», «بالخبر والقطيف», «الأحساء، والخبر».
_LIST_GAP = re.compile(r"[\s\-–،,]*(?:و)?\Z")


def _strong_place(m) -> bool:
    """A match that is a place or country on its own (no common, weak or homograph flag)."""
    return bool(m.entries) and all(
        isinstance(e, CountryName) or isinstance(e, Place) and not e.flags & {"common", "weak", "homograph"}
        for e in m.entries)


def _beside_a_place(text: str, m, strong: list[tuple[int, int]]) -> bool:
    """Does match ``m`` (a common-word place) stand in a list or a road name with a place
    that is one on its own, with nothing but «و», a dash, a comma or spaces between: «الدمام
    والخبر», «طريق الدمام-الخبر», «الخبر - الدمام», «بالخبر والقطيف»? («رابط الخبر», «الخبر
    السار» are not.) ``strong``: sorted (clitic_start, end) spans of such places."""
    if m.text.startswith("و"):
        return False  # «الرياض وجدة»: «و» + Jeddah, not Oujda
    i = bisect_left(strong, (m.clitic_start, m.clitic_start))
    if i > 0:  # a place before it: «الدمام والخبر», «الدمام-الخبر»
        b = strong[i - 1][1]
        if b <= m.clitic_start <= b + 4 and m.clitic in ("", "و") and _LIST_GAP.match(text, b, m.clitic_start):
            return True
    while i < len(strong) and strong[i][0] < m.end:
        i += 1
    if i < len(strong):  # a place after it: «الخبر - الدمام», «بالخبر والقطيف»
        a = strong[i][0]
        gap = text[m.end:a]
        return len(gap) <= 4 and (_DASH.fullmatch(gap) is not None
                                  or _SPACE.fullmatch(gap) is not None and text[a:a + 1] == "و")
    return False


_DASH = re.compile(r"\s*[\-–]\s*")
_SPACE = re.compile(r"[\s،,]+")


def _opens_clause(text: str, start: int) -> bool:
    """Does ``text[start:]`` open the text, a sentence, a heading or a quotation (an
    adjective never does: «مالي تعلن حالة الطوارئ» is Mali)?"""
    before = text[max(0, start - 30):start].rstrip()
    return not before or before[-1] in ".!?؟:|«\"(\n-–"


QUOTES = {"«": "»", '"': '"', "“": "”", "(": ")"}


def quoted_outlet(text: str, m) -> bool:
    """Is match ``m`` a place flagged ``outlet`` that is the whole of a quotation («الرياض»,
    "الشرق الأوسط"): the newspaper of that name?"""
    opening = text[m.start - 1:m.start] if m.start > 0 else ""
    return opening in QUOTES and text[m.end:m.end + 1] == QUOTES[opening] \
        and any(isinstance(e, Place) and "outlet" in e.flags for e in m.entries)


def _as_adjective(text: str, m) -> bool:
    """A one-word name flagged ``adjective`` with no proclitic, right after a definite noun
    («الحد الأقصى», «حد المنفعة الأقصى», «حدها الأقصى»): an adjective on that noun, not
    the place («باحة الأقصى», «دخول الأقصى»: a construct, the mosque)."""
    if m.clitic or " " in m.text or not any(isinstance(e, Place) and "adjective" in e.flags for e in m.entries):
        return False
    word = re.sub(r"[^\w]", "", _word_before(text, m.start))
    return word.startswith(("ال", "وال", "فال", "بال")) or word.endswith(("ها", "هم", "ه"))


def _word_before(text: str, start: int) -> str:
    """The word before ``text[start:]`` (the last 30 characters), "" if none."""
    before = text[max(0, start - 30):start].split()
    return before[-1] if before else ""


def _after_local_head(text: str, start: int, clitic: str = "") -> bool:
    """Does the name at ``text[start:]``, with no proclitic of its own, stand right behind a
    district or street head (:data:`LOCAL_HEADS`: «حي», «بحي», «وشارع» ...)?"""
    before = text[max(0, start - 12):start].split()
    return not clitic and bool(before) and before[-1] in LOCAL_HEADS


def _opens_idiom(after: list[str], words: tuple[str, ...]) -> bool:
    """Is the word after a name (``after``: it, or nothing) one of ``words``, bare or with
    a pronoun suffix («رأسه», «رأسها»)? «من» takes none."""
    return bool(after) and any(after[0] == w or len(w) > 2 and after[0].startswith(w) and len(after[0]) - len(w) <= 2
                               for w in words)


def _country_of(m) -> Optional[str]:
    """The one country a match stands for (a country, a nationality, a strong place), else None."""
    codes = {e.code for e in m.entries if isinstance(e, CountryName) and e.code}
    codes |= {e.country for e in m.entries if isinstance(e, Place) and e.country and not e.flags & {"weak", "homograph"}}
    return codes.pop() if len(codes) == 1 else None


def in_article_countries(matches: list) -> list:
    """Matches of a name shared by places in different countries («الجوف»: the Saudi region,
    the Yemeni governorate) with the place of the country the article names most first;
    with none named, the order of the files (``places.tsv`` first). Countries are counted
    from names standing for exactly one (a country, a nationality, a place)."""
    ambiguous = [i for i, m in enumerate(matches)
                 if len({e.country for e in m.entries if isinstance(e, Place)}) > 1]
    if not ambiguous:
        return matches
    named = Counter(c for c in map(_country_of, matches) if c)
    out = list(matches)
    for i in ambiguous:
        m = out[i]
        order = sorted(range(len(m.entries)),
                       key=lambda j: -named[m.entries[j].country] if isinstance(m.entries[j], Place) else 0)
        out[i] = replace(m, entries=tuple(m.entries[j] for j in order))
    return out
