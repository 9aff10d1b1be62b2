"""Server-side drawings: the events timeline and the actor network, as coordinates that a
template turns into SVG. No JavaScript, no remote assets."""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from functools import lru_cache
from typing import Optional

from marsad.periods import bounds, precision_of


@lru_cache(maxsize=512)
def country_label(code: Optional[str]) -> Optional[str]:
    """The Arabic name of an ISO alpha-3 code (CLDR through Babel), «منظمة دولية» for IGO,
    the code itself when unknown."""
    if not code:
        return None
    if code == "IGO":
        return "منظمة دولية"  # international organisation
    try:
        import pycountry
        from babel import Locale

        country = pycountry.countries.get(alpha_3=code)
        return Locale("ar").territories.get(country.alpha_2, code) if country else code
    except Exception:  # noqa: BLE001 - a display name is never worth an error page
        return code


AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر")


def date_label(value: Optional[str]) -> str:
    """How an event's date reads on a page: a day as written («2015-07-21»), a week
    «الأسبوع 29 من 2015» (not «2015-W29», which a right-to-left line shows as «W29-2015»),
    a month «يوليو 2015», a year «2015»; anything else as it is."""
    precision = precision_of(value)
    if precision is None or precision == "day":
        return value or ""
    year = value[:4]
    if precision == "week":
        return f"الأسبوع {int(value[6:8])} من {year}"  # week N of YEAR
    if precision == "month":
        return f"{AR_MONTHS[int(value[5:7]) - 1]} {year}"
    return year


def date_span(value: Optional[str]) -> str:
    """The days a week, month or year covers («2015-07-13 – 2015-07-19»); '' for a day."""
    if precision_of(value) in (None, "day"):
        return ""
    first, last = bounds(value)
    return f"{first.isoformat()} – {last.isoformat()}"


def timeline(counts: list[tuple[str, Optional[str], int]], width: int = 800, height: int = 140) -> dict:
    """Bars for ``[(first day YYYY-MM-DD, precision, n), ...]``: one per day over at most 180
    days, else one per month. An event is drawn at its first day when its date is no longer
    than a bar (a day on a daily chart; a day, week or month on a monthly one); the others
    are counted in ``undrawn``. Returns ``{"bars": [{x, y, w, h, label, n}], "width",
    "height", "max", "first", "last", "unit", "undrawn"}``."""
    items = []
    for day, precision, n in counts:
        try:
            items.append((dt.date.fromisoformat(str(day)[:10]), precision or "day", n))
        except ValueError:
            continue
    total = sum(n for _, _, n in items)
    # A year says nothing of the month: the range and the unit come from finer dates.
    finer = [day for day, precision, _ in items if precision != "year"]
    by_month = bool(finer) and (max(finer) - min(finer)).days > 180
    drawn = [(day, n) for day, precision, n in items if precision in _DRAWN[by_month]]
    empty = {"bars": [], "width": width, "height": height, "max": 0, "undrawn": total}
    if not drawn:
        return empty
    first, last = min(d for d, _ in drawn), max(d for d, _ in drawn)
    bins: Counter = Counter()
    for day, n in drawn:
        bins[day.replace(day=1) if by_month else day] += n
    keys = _all_keys(first, last, by_month)
    top = max(bins.values())
    slot = width / len(keys)
    plot = height - 20  # room for the axis labels
    bars = []
    for i, key in enumerate(keys):
        n = bins.get(key, 0)
        h = plot * n / top if n else 0
        bars.append({"x": round(i * slot, 2), "w": round(max(slot * 0.8, 1), 2),
                     "y": round(plot - h, 2), "h": round(h, 2), "n": n,
                     "label": key.isoformat()[:7] if by_month else key.isoformat()})
    return {"bars": bars, "width": width, "height": height, "max": top, "plot": plot,
            "first": bars[0]["label"], "last": bars[-1]["label"],
            "unit": "month" if by_month else "day", "undrawn": total - sum(bins.values())}


# Precisions drawn on a daily chart (False) and on a monthly one (True).
_DRAWN = {False: frozenset({"day"}), True: frozenset({"day", "week", "month"})}


def _all_keys(first: dt.date, last: dt.date, by_month: bool) -> list[dt.date]:
    if not by_month:
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    keys, cur = [], first.replace(day=1)
    while cur <= last:
        keys.append(cur)
        cur = (cur.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return keys


def network(edges: list[dict], size: int = 640, max_nodes: int = 40,
            names: Optional[dict] = None) -> dict:
    """A circular layout of the actors in ``edges`` (``{source, target, weight, types}``):
    the busiest actors first, clockwise from the top. Returns ``{"nodes": [{id, label, x, y,
    r, degree}], "edges": [{x1, y1, x2, y2, width, weight, title}], "size"}``."""
    degree: Counter = Counter()
    for e in edges:
        degree[e["source"]] += e["weight"]
        degree[e["target"]] += e["weight"]
    keep = [k for k, _ in degree.most_common(max_nodes)]
    centre, radius = size / 2, size / 2 - 90
    top = max(degree.values(), default=1)
    nodes = {}
    for i, key in enumerate(keep):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(keep), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        r = round(6 + 14 * math.sqrt(degree[key] / top), 1)
        x, y = centre + radius * cos, centre + radius * sin
        # Labels outside the circle: to the right of right-hand nodes, left of left-hand
        # ones, above or below near the top and bottom (the SVG is drawn left to right).
        anchor = "middle" if abs(cos) < 0.3 else "start" if cos > 0 else "end"
        lx = x + (r + 6) * (1 if anchor == "start" else -1 if anchor == "end" else 0)
        ly = y + 4 if anchor != "middle" else y + (r + 14) * (1 if sin > 0 else -1) + (4 if sin > 0 else 0)
        nodes[key] = {"id": key, "label": (names or {}).get(key) or key, "x": round(x, 1),
                      "y": round(y, 1), "r": r, "degree": degree[key], "anchor": anchor,
                      "lx": round(lx, 1), "ly": round(ly, 1)}
    heaviest = max((e["weight"] for e in edges), default=1)
    lines = []
    for e in edges:
        a, b = nodes.get(e["source"]), nodes.get(e["target"])
        if not a or not b:
            continue
        x1, y1, x2, y2 = _trim(a, b)
        lines.append({"x1": x1, "y1": y1, "x2": x2, "y2": y2, "weight": e["weight"],
                      "width": round(1 + 5 * e["weight"] / heaviest, 1),
                      "title": f"{a['label']} → {b['label']}: {e['weight']} ({e.get('types') or ''})"})
    return {"nodes": list(nodes.values()), "edges": lines, "size": size}


def _trim(a: dict, b: dict) -> tuple[float, float, float, float]:
    """The segment between two node circles, so that arrow heads stay visible."""
    dx, dy = b["x"] - a["x"], b["y"] - a["y"]
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    return (round(a["x"] + ux * a["r"], 1), round(a["y"] + uy * a["r"], 1),
            round(b["x"] - ux * (b["r"] + 4), 1), round(b["y"] - uy * (b["r"] + 4), 1))


SERIES = 5  # queries drawn side by side on an attention chart (classes s0 ... s4)


def attention(series: list[tuple[str, dict[str, tuple[int, int]]]], width: int = 800,
              height: int = 220) -> dict:
    """Lines of the share of each day's articles matching each query: ``series`` is
    ``[(query, {day: (matching, articles of the day)}), ...]``. Returns ``{"lines": [{query,
    points: "x,y ...", dots: [{x, y, day, n, of, pct}], total, cls}], "days", "max_pct",
    "width", "height", "plot"}``; shares in percent, days left to right."""
    days = sorted({d for _, counts in series for d in counts})
    plot = height - 24
    if not days:
        return {"lines": [], "days": [], "max_pct": 0, "width": width, "height": height, "plot": plot}
    shares = [[(counts.get(d, (0, 0))[0] / counts[d][1] * 100) if counts.get(d, (0, 0))[1] else 0.0
               for d in days] for _, counts in series]
    top = max((v for row in shares for v in row), default=0) or 1.0
    step = width / max(len(days) - 1, 1)
    lines = []
    for i, ((query, counts), row) in enumerate(zip(series, shares)):
        dots = []
        for j, (day, pct) in enumerate(zip(days, row)):
            n, of = counts.get(day, (0, 0))
            x = round(j * step if len(days) > 1 else width / 2, 1)
            dots.append({"x": x, "y": round(plot - plot * pct / top, 1), "day": day, "n": n,
                         "of": of, "pct": round(pct, 2)})
        lines.append({"query": query, "points": " ".join(f"{d['x']},{d['y']}" for d in dots),
                      "dots": dots, "total": sum(n for n, _ in counts.values()), "cls": f"s{i % SERIES}"})
    return {"lines": lines, "days": days, "max_pct": round(top, 2), "width": width,
            "height": height, "plot": plot}
