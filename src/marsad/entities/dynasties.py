"""Ruling families: the country a person's name carries.

A person the lexicon does not know, whose name holds a ruling family's name («عبدالعزيز آل
سعود», «حمدان بن محمد آل مكتوم») or ends with the founder after two links of «بن/بنت»
(«فيصل بن خالد بن عبدالعزيز»: a grandson of King Abdulaziz), is of that family's country
unless a title or adjective of their own says otherwise. Family names other families share
(«آل ثاني», «آل سعيد») count only in a name with a link of «بن/بنت». The families are data:
``data/dynasties.tsv``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional

from marsad.text.normalize import normalize

LINKS = frozenset({"بن", "ابن", "بنت"})  # son/daughter of


@lru_cache(maxsize=1)
def _families() -> dict[str, dict[tuple[str, ...], str]]:
    """Kind (family, house, grandfather) → normalised words of each name → its country."""
    found: dict[str, dict[tuple[str, ...], str]] = {"family": {}, "house": {}, "grandfather": {}}
    text = (resources.files("marsad.entities") / "data" / "dynasties.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for kind, ar, country, *_ in rows[1:]:  # the first row is the header
        if kind not in found:
            raise ValueError(f"dynasties.tsv: unknown kind {kind!r} for {ar!r}")
        found[kind][tuple(normalize(ar).split())] = country
    return found


def dynasty_country(name: str) -> Optional[str]:
    """The country of the ruling family ``name`` (a person's name) carries, else None."""
    words = tuple(normalize(name).split())
    families = _families()
    linked = any(w in LINKS for w in words)
    for kind in ("family", "house"):
        if kind == "house" and not linked:
            continue
        for family, country in families[kind].items():
            n = len(family)
            if any(words[i:i + n] == family for i in range(len(words) - n + 1)):
                return country
    for founder, country in families["grandfather"].items():
        n = len(founder)
        if words[-n:] == founder and any(w in LINKS for w in words[:-n]):
            return country
    return None
