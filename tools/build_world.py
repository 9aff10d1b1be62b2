"""Build src/marsad/web/data/world-110m.json, the country outlines the /map page draws, from
world-atlas's ``countries-110m.json`` (Natural Earth 1:110m, public domain; world-atlas is
ISC-licensed, © Michael Bostock), installed from the npm registry:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_world.py package/countries-110m.json

The TopoJSON arcs are decoded, rings crossing the antimeridian unwrapped, projected (equirectangular, longitude −180…180 on x, latitude
84…−58 on y: Antarctica left out) and written as one SVG path per ISO 3166-1 alpha-3 code
(world-atlas gives numeric codes; pycountry turns them into alpha-3), coordinates rounded to
a tenth of a unit. The output is small (about 100 KB) and read once by marsad.web.maps.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

WIDTH, NORTH, SOUTH = 1000.0, 84.0, -58.0
SCALE = WIDTH / 360.0
HEIGHT = (NORTH - SOUTH) * SCALE
OUT = Path(__file__).resolve().parents[1] / "src" / "marsad" / "web" / "data" / "world-110m.json"
# Outlines with no numeric code in Natural Earth: named by hand (Kosovo has a user code).
BY_NAME = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}


def project(lon: float, lat: float) -> tuple[float, float]:
    return round((lon + 180.0) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(r: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring crossing the antimeridian (Russia's Chukotka, Fiji) drawn whole east of it:
    its western longitudes shifted by 360° (the part past the map's edge is cut off)."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in zip(r, r[1:])):
        return r
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in r]


def path(rings: list[list[tuple[float, float]]]) -> str:
    out = []
    for r in map(unwrap, rings):
        xy = []
        for lon, lat in r:
            p = project(lon, max(SOUTH, lat))
            if not xy or xy[-1] != p:
                xy.append(p)
        if len(xy) < 3:
            continue
        out.append("M" + "L".join(f"{x:g},{y:g}" for x, y in xy) + "Z")
    return "".join(out)


def code(geometry: dict) -> str | None:
    name = (geometry.get("properties") or {}).get("name")
    if name in BY_NAME:
        return BY_NAME[name]
    if name == "Antarctica" or not geometry.get("id"):
        return None
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_3 if country else None


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries: dict[str, str] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        alpha3 = code(g)
        if alpha3 is None or g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        d = path([ring(r, arcs) for poly in polygons for r in poly])
        countries[alpha3] = countries.get(alpha3, "") + d
    data = {"source": "Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2 (ISC)",
            "width": WIDTH, "height": round(HEIGHT, 1), "north": NORTH, "south": SOUTH,
            "countries": dict(sorted(countries.items()))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/countries-110m.json")
