"""Offices held by one person at a time: who a title names on the article's day.

«الرئيس الأمريكي» (the US president) is Barack Obama in 2015 and Joe Biden in 2023; «خادم
الحرمين الشريفين» is King Abdullah until 23 January 2015 and King Salman after. The holders
and their days come from ``people.tsv`` (one row per person and office, with ``from`` and
``to``); ``data/offices.tsv`` says which titles name such an office.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from marsad.lexicon.tsv import read_tsv
from marsad.lexicon.actors import Actor, When

SECRETARY_GENERAL = "secretary-general"


@lru_cache(maxsize=1)
def office_of_title() -> dict[str, str]:
    """``role_en`` of a title → the office of ``people.tsv`` it names."""
    path = resources.files("marsad.entities") / "data" / "offices.tsv"
    return {row.require("title_role"): row.require("office")
            for row in read_tsv(path, ("title_role", "office"))}


class Offices:
    """The people of the lexicon by (office, country)."""

    def __init__(self, people: Iterable[Actor]):
        self.holders: dict[tuple[str, str], list[Actor]] = {}
        for person in people:
            for term in person.terms:
                if term.role and term.country and term.dated:
                    key = (term.role.lower(), term.country)
                    if person not in self.holders.setdefault(key, []):
                        self.holders[key].append(person)

    def holder(self, title_role: Optional[str], country: Optional[str], when: Optional[When],
               organisation: Optional[Actor] = None) -> Optional[Actor]:
        """The one person holding the office that ``title_role`` names in ``country`` on
        ``when``; for a secretary-general, of ``organisation``. None when the title names no
        such office, the day is unknown, or not exactly one person held it that day."""
        if when is None or not title_role:
            return None
        if title_role == SECRETARY_GENERAL and organisation is not None:
            # people.tsv says "of the United Nations", "of the GCC", "of Hezbollah"
            name = organisation.name_en
            initials = "".join(w[0] for w in name.split() if w[:1].isupper())
            offices = [f"{SECRETARY_GENERAL} of {the}{n}".lower() for n in (name, initials) for the in ("", "the ")]
            country = organisation.term_at(when).country or "IGO"
        else:
            office = office_of_title().get(title_role)
            offices = [office] if office else []
        if not country:
            return None
        found = []
        for office in offices:
            for person in self.holders.get((office, country), ()):
                if any(t.role and t.role.lower() == office and t.country == country and t.covers(when)
                       for t in person.terms) and person not in found:
                    found.append(person)
        return found[0] if len(found) == 1 else None
