"""The world map: country outlines shipped with the package (``data/world-110m.json``, built
by tools/build_world.py from Natural Earth 1:110m, public domain, via world-atlas, ISC),
shaded by a count per country, with dots for places; drawn by a template as inline SVG.
Nothing is fetched: no tiles, no script."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Optional

SHADES = 6  # classes q0 (none) ... q5 (most)


@lru_cache(maxsize=1)
def world() -> dict:
    """The outlines: ``{"width", "height", "north", "south", "countries": {code: path}}``."""
    raw = (resources.files("marsad.web") / "data" / "world-110m.json").read_text(encoding="utf-8")
    return json.loads(raw)


def project(lat: float, lon: float) -> tuple[float, float]:
    """A point on the map (equirectangular, as the outlines were drawn)."""
    w = world()
    scale = w["width"] / 360.0
    return round((lon + 180.0) * scale, 1), round((w["north"] - lat) * scale, 1)


def choropleth(counts: dict[str, int], points: Optional[list[dict]] = None, max_r: float = 12.0) -> dict:
    """What the map template draws: each country's path with its count and shade (counts on
    a log scale), and ``points`` (``{lat, lon, n, ...}``) as circles sized by ``n``.
    Countries counted but without an outline (too small at this scale) are listed in
    ``unshown``."""
    w = world()
    top = max(counts.values(), default=0)
    countries = []
    for code, path in w["countries"].items():
        n = counts.get(code, 0)
        countries.append({"code": code, "d": path, "n": n, "shade": _shade(n, top)})
    points = points or []
    most = max((p["n"] for p in points), default=1)
    dots = []
    for p in points:
        if p.get("lat") is None or p.get("lon") is None or not (w["south"] <= p["lat"] <= w["north"]):
            continue
        x, y = project(p["lat"], p["lon"])
        dots.append({**p, "x": x, "y": y, "r": round(1.5 + (max_r - 1.5) * math.sqrt(p["n"] / most), 1)})
    unshown = sorted(((c, n) for c, n in counts.items() if c not in w["countries"] and n),
                     key=lambda cn: -cn[1])
    return {"width": w["width"], "height": w["height"], "countries": countries, "dots": dots,
            "max": top, "unshown": unshown, "source": w["source"]}


def _shade(n: int, top: int) -> int:
    if n <= 0 or top <= 0:
        return 0
    return 1 + min(SHADES - 2, int((SHADES - 1) * math.log1p(n) / math.log1p(top + 1e-9)))
