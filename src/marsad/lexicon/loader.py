"""``Lexicon``: every lexicon of the package (plus users' folders) loaded once.

Users' folders hold files named like the shipped ones (``countries.tsv``, ``people.tsv``,
``organizations.tsv``, ``titles.tsv``, ``places.tsv``, ``regions.tsv``, ``centroids.tsv``, ``outlets.tsv``); their rows
replace or add to the shipped rows by key, and a row flagged ``off`` removes its key.
PETRARCH dictionaries there add actors (``*.petrarch.txt``) and agent nouns as titles
(``*.agents.txt``); see :mod:`marsad.lexicon.petrarch`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.lexicon.actors import Actor, CountryName, load_countries, load_organizations, load_people
from marsad.lexicon.matcher import Matcher, name_key
from marsad.lexicon.outlets import Outlets, load_outlets
from marsad.lexicon.petrarch import load_agents, load_petrarch
from marsad.lexicon.places import Place, country_places, load_centroids, load_places
from marsad.lexicon.titles import Title, load_titles
from marsad.lexicon.tsv import LexiconError

# What a matcher can be built over; see Lexicon.entries.
KINDS = ("countries", "organizations", "people", "titles", "places")


@dataclass(frozen=True)
class Lexicon:
    """All lexicons as typed, immutable records."""

    countries: tuple[CountryName, ...]
    organizations: tuple[Actor, ...]
    people: tuple[Actor, ...]
    titles: tuple[Title, ...]
    places: tuple[Place, ...]
    country_places: dict[str, Place]
    outlets: Outlets = field(default_factory=lambda: Outlets(()), repr=False, compare=False)
    _matchers: dict[tuple[str, ...], Matcher] = field(default_factory=dict, repr=False, compare=False)
    _spanning: dict[str, dict[str, Place | None]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, extra_dirs: Iterable[Path | str] = ()) -> Lexicon:
        """The shipped lexicons overlaid with ``extra_dirs`` in order (later wins); built
        once per distinct list of folders."""
        return _load(tuple(Path(d).resolve() for d in extra_dirs))

    def entries(self, kinds: Iterable[str] = KINDS) -> Iterator[tuple[str, Any]]:
        """(name, record) pairs of the given kinds, in the order of ``KINDS``."""
        wanted = set(kinds)
        unknown = wanted - set(KINDS)
        if unknown:
            raise LexiconError(f"unknown lexicon kinds {sorted(unknown)}; choose from {KINDS}")
        if "countries" in wanted:
            yield from ((c.name, c) for c in self.countries)
        for kind in ("organizations", "people", "places"):
            if kind in wanted:
                for record in getattr(self, kind):
                    yield from ((n, record) for n in record.names)
        if "titles" in wanted:
            yield from ((t.name, t) for t in self.titles)

    def matcher(self, kinds: Iterable[str] = KINDS) -> Matcher:
        """A matcher over the given kinds (built once per set of kinds)."""
        chosen = tuple(k for k in KINDS if k in set(kinds))
        if chosen not in self._matchers:
            self._matchers[chosen] = Matcher(self.entries(chosen))
        return self._matchers[chosen]

    def spanning_place(self, name: str) -> Place | None:
        """The gazetteer's place with no single country named ``name`` («الشرق الأوسط»)."""
        if "spanning" not in self._spanning:
            self._spanning["spanning"] = {name_key(n): p for p in reversed(self.places)
                                          if not p.country for n in p.names}
        return self._spanning["spanning"].get(name_key(name))

    def place_by_skeleton(self, name: str) -> Place | None:
        """The one place whose name has the consonants of ``name`` (long vowels, hamzas and
        spaces left out): «كمبردج» is «كامبريدج», «برستول» «بريستول». None when no place or
        places of different countries have them, or when they are fewer than five."""
        if "skeleton" not in self._spanning:
            index: dict[str, Place | None] = {}
            for p in self.places:
                for n in p.names:
                    key = skeleton(n)
                    if len(key) >= SKELETON_MIN:
                        other = index.get(key, p)
                        index[key] = p if other is not None and (other.country, other.region) == (p.country, p.region) else None
            self._spanning["skeleton"] = index
        return self._spanning["skeleton"].get(skeleton(name))

    def place_of_country(self, code: str) -> Place | None:
        """The country as a place (names, centroid), by alpha-3 code."""
        return self.country_places.get(code)


SKELETON_MIN = 5  # consonants a name must keep to be looked up by them
_VOWELS = str.maketrans("", "", "اويىءأإآؤئ ")


def skeleton(name: str) -> str:
    """A name's matching key without long vowels, hamzas and spaces: the part of a
    transliteration that does not vary between papers («ريودي جانيرو» = «ريو دي جانيرو»)."""
    return name_key(name).translate(_VOWELS)


PETRARCH_GLOB = "*.petrarch.txt"  # PETRARCH-format actor dictionaries in users' folders


def petrarch_actors(extra_dirs: tuple[Path, ...]) -> tuple[Actor, ...]:
    """The actors of every PETRARCH dictionary (``*.petrarch.txt``) in the users' folders;
    they are matched as persons, with the country and sector of their CAMEO codes."""
    actors: list[Actor] = []
    for folder in extra_dirs:
        for path in sorted(folder.glob(PETRARCH_GLOB)):
            actors.extend(replace(a, kind="person") for a in load_petrarch(path))
    return tuple(actors)


AGENTS_GLOB = "*.agents.txt"  # PETRARCH-format agent dictionaries in users' folders


def petrarch_agents(extra_dirs: tuple[Path, ...], titles: tuple[Title, ...]) -> tuple[Title, ...]:
    """The agent nouns of every PETRARCH agent dictionary (``*.agents.txt``) in the users'
    folders, as titles of their sector; a form ``titles`` already has is left to them."""
    taken = {name_key(t.name) for t in titles}
    out: list[Title] = []
    for folder in extra_dirs:
        for path in sorted(folder.glob(AGENTS_GLOB)):
            for t in load_agents(path):
                if name_key(t.name) not in taken:
                    taken.add(name_key(t.name))
                    out.append(t)
    return tuple(out)


@lru_cache(maxsize=8)
def _load(extra_dirs: tuple[Path, ...]) -> Lexicon:
    countries = load_countries(extra_dirs)
    titles = load_titles(extra_dirs)
    return Lexicon(
        countries=countries,
        organizations=load_organizations(extra_dirs),
        people=load_people(extra_dirs) + petrarch_actors(extra_dirs),
        titles=titles + petrarch_agents(extra_dirs, titles),
        places=load_places(extra_dirs),
        country_places=country_places(countries, load_centroids(extra_dirs)),
        outlets=Outlets(load_outlets(extra_dirs)),
    )
