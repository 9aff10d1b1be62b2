"""Gazetteer: countries (CLDR names + ``centroids.tsv``) and the places of ``places.tsv``
(capitals, cities, regions, facilities), with coordinates and an NER label.

A place may stand for an actor (metonymy): «واشنطن حذرت» is the United States,
«الكرملين» the Russian government, «البنتاغون» the US military. ``metonym`` is then
'country' or a sector code.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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

    @property
    def coords(self) -> tuple[float, float] | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)


def _coords(row, lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise row.error("give both lat and lon, or neither")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise row.error(f"coordinates out of range: {lat}, {lon}")


def load_places(extra_dirs: Sequence[Path] = ()) -> tuple[Place, ...]:
    """``places.tsv`` (shipped, then each extra dir), keyed by English name and country."""
    rows = layered("places.tsv", extra_dirs, ("names", "name_en", "country", "kind", "label", "lat", "lon"),
                   lambda r: f"{r.require('name_en')}|{r.get('country')}")
    out = []
    for key, (row,) in rows.items():
        kind, label, metonym = row.require("kind"), row.require("label"), row.get("metonym") or None
        lat, lon = row.number("lat"), row.number("lon")
        _coords(row, lat, lon)
        if kind not in KINDS or label not in ("LOC", "FAC"):
            raise row.error(f"kind {kind!r} or label {label!r} not allowed")
        if metonym not in (None, "country") and metonym not in SECTORS:
            raise row.error(f"metonym must be 'country' or a sector, not {metonym!r}")
        out.append(Place(key, row.values("names"), row.require("name_en"), row.get("country") or None,
                         kind, label, lat, lon, metonym, row.flags()))
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
