"""News outlets and their home countries (``outlets.tsv``).

The weakest evidence of an actor's country: a local official of a local story that names
no country is of the outlet's country (``country_source`` "outlet").
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from marsad.lexicon.tsv import layered


@dataclass(frozen=True)
class Outlet:
    key: str
    name_en: str
    country: str
    domains: tuple[str, ...]


def load_outlets(extra_dirs: Sequence[Path] = ()) -> tuple[Outlet, ...]:
    """``outlets.tsv`` (shipped, then each extra dir), keyed by ``outlet`` (lower case)."""
    rows = layered("outlets.tsv", extra_dirs, ("outlet", "name_en", "country"),
                   lambda r: r.require("outlet").lower())
    out = []
    for key, (row,) in rows.items():
        country = row.require("country")
        if not (len(country) == 3 and country.isupper()):
            raise row.error(f"country must be an alpha-3 code, not {country!r}")
        out.append(Outlet(key, row.require("name_en"), country,
                          tuple(d.lower() for d in row.values("domains"))))
    return tuple(out)


class Outlets:
    """Look-up of an article's outlet by its ``outlet`` field or its URL's host."""

    def __init__(self, outlets: Sequence[Outlet]):
        self.by_key = {o.key: o for o in outlets}
        self.by_domain = {d: o for o in outlets for d in o.domains}

    def find(self, outlet: Optional[str], url: Optional[str] = None) -> Optional[Outlet]:
        found = self.by_key.get((outlet or "").strip().lower())
        if found is None and url:
            try:
                host = (urlsplit(url).hostname or "").lower()
            except ValueError:
                return None
            parts = host.split(".")
            for i in range(len(parts) - 1):
                found = self.by_domain.get(".".join(parts[i:]))
                if found is not None:
                    break
        return found
