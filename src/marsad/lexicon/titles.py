"""Titles, role nouns, institutions and anonymous-source phrases (``titles.tsv``).

A title may take a complement that names whose role it is: a country («وزير الخارجية
الروسي», «رئيس كوريا الديمقراطية») or an organisation («المتحدث باسم الخارجية»).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.lexicon.actors import SECTORS
from marsad.lexicon.matcher import name_key
from marsad.lexicon.tsv import layered

KINDS = frozenset({"title", "institution", "source", "honorific"})
COMPLEMENTS = frozenset({"country", "org", "either", "none"})


@dataclass(frozen=True)
class Title:
    """One Arabic form: ``kind`` is 'title' (a person's role: «وزير الخارجية»),
    'institution' (a body standing as an actor: «الخارجية», «الجيش»), 'source' (an
    anonymous source: «مصدر أمني») or 'honorific' («الشيخ», no role of its own)."""

    name: str
    role_en: str
    sector: str | None
    gender: str | None
    complement: str
    kind: str
    flags: frozenset[str] = frozenset()

    @property
    def label(self) -> str | None:
        return "ORG" if self.kind == "institution" else None


def load_titles(extra_dirs: Sequence[Path] = ()) -> tuple[Title, ...]:
    """``titles.tsv`` (shipped, then each extra dir), one form per row, keyed by form."""
    rows = layered("titles.tsv", extra_dirs, ("ar", "role_en", "sector", "gender", "complement", "kind"),
                   lambda r: name_key(r.require("ar")))
    out = []
    for (row,) in rows.values():
        sector, gender = row.get("sector") or None, row.get("gender") or None
        complement, kind = row.get("complement") or "none", row.require("kind")
        if sector is not None and sector not in SECTORS:
            raise row.error(f"unknown sector {sector!r}")
        if gender not in ("m", "f", None):
            raise row.error(f"gender must be m or f, not {gender!r}")
        if complement not in COMPLEMENTS or kind not in KINDS:
            raise row.error(f"complement {complement!r} or kind {kind!r} not allowed")
        out.append(Title(row.require("ar"), row.require("role_en"), sector, gender, complement,
                         kind, row.flags()))
    return tuple(out)
