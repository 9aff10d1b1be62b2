"""Actor records: country names and nationality adjectives, people, organisations.

Country names come from CLDR (Babel, Arabic) with ISO alpha-3 codes from pycountry, then
``countries.tsv`` adds variants and adjectives (and may re-flag a CLDR name). People and
organisations come from ``people.tsv`` and ``organizations.tsv``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from marsad.lexicon.matcher import name_key
from marsad.lexicon.tsv import DATA, Row, layered

# Sector codes accepted in the files (CAMEO/PLOVER style).
SECTORS = frozenset(
    "GOV MIL OPP REB PTY BUS MED NGO CVL IGO JUD LEG COP SPY REL EDU HLH LAB ELI REF INS SEP".split()
)
TRANSNATIONAL = "-"  # the country of a group that acts across borders
WEAK_MARK = "?"  # a name ending in '?' needs context (a title, an earlier full mention)
# An organisation's English name that is an acronym is also a name of it in Arabic text,
# which prints outlets and agencies in Latin letters («( CNN ) - -», «بحسب BBC»). Two letters
# («RT») are left out: too many other things are written so.
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,5}")


@dataclass(frozen=True)
class CountryName:
    """One Arabic form standing for a country (``kind`` 'name'), its people or adjective
    ('adj'), or a region with no single code ('region'). Ambiguous forms carry several
    ``codes`` (e.g. «الكورية»: PRK, KOR)."""

    name: str
    codes: tuple[str, ...]
    kind: str
    name_en: str
    flags: frozenset[str] = frozenset()
    source: str = "curated"

    @property
    def code(self) -> str | None:
        """The country code when the form is unambiguous, else None."""
        return self.codes[0] if len(self.codes) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.codes) > 1 or "ambiguous" in self.flags

    @property
    def label(self) -> str:
        return "MISC" if self.kind == "adj" else "LOC"


When = date | int  # a day, or a whole year


def day_bounds(when: When) -> tuple[date, date]:
    """The first and last day of ``when``: a year spans 1 January to 31 December."""
    if isinstance(when, date):
        return when, when
    return date(when, 1, 1), date(when, 12, 31)


SON_OF = ("بن ", "ابن ")  # «تركي بن سعود»: Turki, son of Saud
# Titles before a first name: «الأمير تركي الفيصل» is Prince Turki, not a Turkish prince.
NAME_TITLES = frozenset("الأمير الشيخ السيد الدكتور المهندس الأستاذ اللواء العميد الفريق العقيد".split())


def first_name(word: str, after: str, before: str = "", named: bool = False) -> bool:
    """Is a nationality word a man's first name here? An adjective without the article
    («تركي», «مصري») followed by «بن» (son of), after a title («الأمير تركي الفيصل»), or,
    when a person's name follows (``named``), before a family name in «ال» («المتحدث باسم
    الأمانة تركي الحربي»: an adjective after a definite noun would itself be definite)."""
    if word.startswith("ال"):
        return False
    words = before.split()
    return after.lstrip(" ").startswith(SON_OF) or bool(words) and words[-1] in NAME_TITLES \
        or named and word.endswith("ي") and after.lstrip(" ").startswith("ال")


@dataclass(frozen=True)
class Term:
    """A role held by an actor, optionally limited to the days ``start``..``end`` (both
    included). Years given as ints stand for 1 January (start) and 31 December (end), so a
    file may say ``2015`` or ``2015-01-23``."""

    role: str | None
    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None
    code: str | None = None  # the CAMEO code it came from (PETRARCH dictionaries)

    def __post_init__(self) -> None:
        if isinstance(self.start, int):
            object.__setattr__(self, "start", date(self.start, 1, 1))
        if isinstance(self.end, int):
            object.__setattr__(self, "end", date(self.end, 12, 31))

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, when: When) -> bool:
        """Whether the term overlaps ``when`` (a day, or any day of a year)."""
        first, last = day_bounds(when)
        return (self.start is None or self.start <= last) and (self.end is None or first <= self.end)


@dataclass(frozen=True)
class Actor:
    """A person (``kind`` 'person', label PER), an organisation ('org', label ORG) or a
    PETRARCH dictionary entry ('petrarch': person or group, no label)."""

    key: str
    kind: str
    name_en: str
    names: tuple[str, ...]
    terms: tuple[Term, ...]
    weak: frozenset[str] = frozenset()  # name keys that need context
    gender: str | None = None
    category: str | None = None  # organisations: igo, armed, party, media, ...
    flags: frozenset[str] = frozenset()

    @property
    def label(self) -> str | None:
        return {"person": "PER", "org": "ORG"}.get(self.kind)

    @property
    def latest(self) -> Term:
        return max(self.terms, key=lambda t: (t.end or date.max, t.start or date.min))

    @property
    def country(self) -> str | None:
        return self.latest.country

    @property
    def sector(self) -> str | None:
        return self.latest.sector

    @property
    def role(self) -> str | None:
        return self.latest.role

    def term_at(self, when: When | None) -> Term:
        """The term covering ``when`` (a day or a year; the latest term when none does or
        ``when`` is None)."""
        if when is not None:
            covering = [t for t in self.terms if t.covers(when)]
            if covering:
                return covering[-1]
        return self.latest

    def in_office(self, when: When | None) -> bool:
        """Whether a dated term covers ``when`` (an undated one says nothing)."""
        return when is not None and any(t.dated and t.covers(when) for t in self.terms)

    def is_weak(self, key: str) -> bool:
        return key in self.weak


# ---------------------------------------------------------------- countries

@lru_cache(maxsize=1)
def cldr_countries() -> tuple[tuple[str, str, str], ...]:
    """(Arabic name, alpha-3, English name) for every CLDR territory with an ISO code.
    A parenthesised part («ميانمار (بورما)») gives a second name unless it is a gloss."""
    import pycountry
    from babel import Locale

    arabic, english = Locale("ar").territories, Locale("en").territories
    out = []
    for alpha2, name in sorted(arabic.items()):
        country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 else None
        if country is None:
            continue
        base, _, inner = name.partition("(")
        names = [base.strip()]
        inner = inner.rstrip(")").strip()
        if inner and "منطقة" not in inner:  # "region": an administrative gloss, not a name
            names.append(inner)
        for n in names:
            out.append((n, country.alpha_3, english.get(alpha2, country.name)))
    return tuple(out)


def _country_forms(row: Row) -> list[tuple[str, str]]:
    """(form, kind) pairs of a countries.tsv row; 'adj' rows are inflected (see docs)."""
    form, kind = row.require("ar"), row.require("kind")
    if kind not in ("name", "adj", "region"):
        raise row.error(f"kind must be name, adj or region, not {kind!r}")
    if kind in ("name", "region"):
        return [(form, kind)]
    words = form.split()
    variants = [words]
    # A nisba adjective («روسي») takes -ة (feminine), -ين / -ون (sound plurals).
    if all(w.endswith("ي") for w in words) and "noinflect" not in row.flags():
        variants += [[w + suffix for w in words] for suffix in ("ة", "ين", "ون")]
    forms = [" ".join(v) for v in variants] + [" ".join("ال" + w for w in v) for v in variants]
    return [(f, kind) for f in forms]


def _country_key(row: Row) -> str:
    return name_key(row.require("ar"))


def load_countries(extra_dirs: Sequence[Path] = ()) -> tuple[CountryName, ...]:
    """CLDR names, then ``countries.tsv`` (shipped, then each extra dir), merged by form."""
    base: dict[str, list[Row]] = {}
    for name, code, en in cldr_countries():
        row = Row("cldr", 0, {"ar": name, "code": code, "kind": "name", "en": en})
        base.setdefault(name_key(name), [row])
    english = {c: e for _, c, e in cldr_countries()}
    shipped = str(DATA / "countries.tsv")
    rows = layered("countries.tsv", extra_dirs, ("ar", "code", "kind"), _country_key, base=base)
    # Inflected forms first, written forms last, so a row for «الكورية» beats the
    # feminine generated from «كوري».
    generated: dict[str, CountryName] = {}
    written: dict[str, CountryName] = {}
    for (row,) in rows.values():
        codes = row.values("code")
        en = row.get("en") or (english.get(codes[0], "") if len(codes) == 1 else "")
        for form, kind in _country_forms(row):
            source = "curated" if row.source == shipped else row.source
            rec = CountryName(form, codes, kind, en, row.flags(), source)
            target = written if form == row.get("ar") else generated
            target[name_key(form)] = rec
    out = {**generated, **written}
    for name, code, en in cldr_countries():
        rec = out.get(name_key(name))
        if rec is not None and rec.kind == "adj" and rec.codes == (code,):
            # «جيبوتي», «زيمبابوي»: the country's name is also its adjective's bare form; the
            # name wins there, the adjective keeps its other forms («الجيبوتي», «جيبوتية»)
            out[name_key(name)] = CountryName(name, (code,), "name", en, frozenset(), "cldr")
    return tuple(out.values())


# ---------------------------------------------------------------- people, organisations

def _names(row: Row) -> tuple[tuple[str, ...], frozenset[str]]:
    names, weak = [], set()
    for value in row.values("names"):
        if value.endswith(WEAK_MARK):
            value = value[:-1].strip()
            weak.add(name_key(value))
        names.append(value)
    return tuple(names), frozenset(weak)


def _sector(row: Row) -> str | None:
    sector = row.get("sector") or None
    if sector is not None and sector not in SECTORS:
        raise row.error(f"unknown sector {sector!r}")
    return sector


def _person(key: str, rows: list[Row]) -> Actor:
    names: list[str] = []
    weak: set[str] = set()
    terms = []
    for row in rows:
        row_names, row_weak = _names(row)
        names += [n for n in row_names if n not in names]
        weak |= row_weak
        terms.append(Term(row.get("role") or None, row.get("country") or None, _sector(row),
                          row.day("from"), row.day("to", last=True)))
    if not names:
        raise rows[0].error(f"person {key!r} has no names")
    gender = rows[0].get("gender") or None
    if gender not in ("m", "f", None):
        raise rows[0].error(f"gender must be m or f, not {gender!r}")
    flags = frozenset().union(*(r.flags() for r in rows))
    return Actor(key, "person", key, tuple(names), tuple(terms), frozenset(weak), gender, None, flags)


def load_people(extra_dirs: Sequence[Path] = ()) -> tuple[Actor, ...]:
    """``people.tsv``: one row per person and role; rows sharing ``name_en`` make one
    person (a later row may leave ``names`` empty)."""
    rows = layered("people.tsv", extra_dirs, ("names", "name_en", "country", "sector", "role"),
                   lambda r: r.require("name_en"), multi=True)
    return tuple(_person(key, group) for key, group in rows.items())


def load_organizations(extra_dirs: Sequence[Path] = ()) -> tuple[Actor, ...]:
    """``organizations.tsv``: one row per organisation, keyed by ``name_en``."""
    rows = layered("organizations.tsv", extra_dirs, ("names", "name_en", "country", "sector"),
                   lambda r: r.require("name_en"))
    out = []
    for key, (row,) in rows.items():
        names, weak = _names(row)
        if not names:
            raise row.error("no names")
        if ACRONYM.fullmatch(key) and key not in names:
            names += (key,)
        # «-»: a transnational group («داعش»), placed in no country; empty: not known
        country = TRANSNATIONAL if row.cells.get("country", "").strip() == TRANSNATIONAL else row.get("country") or None
        term = Term(None, country, _sector(row))
        out.append(Actor(key, "org", key, names, (term,), weak, None,
                         row.get("category") or None, row.flags()))
    return tuple(out)
