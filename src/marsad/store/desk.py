"""Reading a store for the analyst's desk: the outlets and places indexes, counts per
country for the map, and the attention a query gets day by day (Media Cloud's attention
chart: the share of the day's articles that match)."""
from __future__ import annotations

import os
from typing import Optional

from marsad.store.queries import (MAX_PAGE, FilterError, Filters, Page, like_pattern, where_sql,
                                  article_set, is_country_code)
from marsad.text.normalize import normalize

PLACE_SORTS = ("articles", "mentions")


def list_outlets(conn) -> list[dict]:
    """Every outlet with its number of articles, first and last day, quotes and events."""
    rows = conn.execute("SELECT outlet, COUNT(*) AS articles, MIN(published) AS first,"
                        " MAX(published) AS last FROM articles GROUP BY outlet"
                        " ORDER BY articles DESC, outlet").fetchall()
    quotes = dict(conn.execute("SELECT a.outlet, COUNT(*) FROM quotes q JOIN articles a"
                               " ON a.id = q.article_id GROUP BY a.outlet").fetchall())
    events = dict(conn.execute("SELECT a.outlet, COUNT(*) FROM events e JOIN articles a"
                               " ON a.id = e.article_id GROUP BY a.outlet").fetchall())
    return [{**dict(r), "quotes": quotes.get(r["outlet"], 0), "events": events.get(r["outlet"], 0)}
            for r in rows]


def list_places(conn, q: Optional[str] = None, country: Optional[str] = None, kind: Optional[str] = None,
                sort: str = "articles", limit: int = 50, offset: int = 0) -> Page:
    """Places named in the articles (the pipeline's resolved places), one row per place (its
    English name, else its name as written, and country) with the articles naming it and
    its mentions; ``q`` a part of its name (Arabic, folded, or English)."""
    if sort not in PLACE_SORTS:
        raise FilterError(f"sort: {sort!r} is not one of {', '.join(PLACE_SORTS)}")
    limit, offset = max(1, min(int(limit), MAX_PAGE)), max(0, int(offset))
    rows = place_summary(conn)
    if q and q.strip():
        folded, lower = " ".join(normalize(q).split()), q.strip().lower()
        rows = [r for r in rows if folded in r["folded"] or lower in (r["name_en"] or "").lower()]
    if country:
        rows = [r for r in rows if r["country"] == country]
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if sort != "articles":
        rows = sorted(rows, key=lambda r: (-r[sort], r["key"]))
    items = [{k: v for k, v in r.items() if k != "folded"} for r in rows[offset:offset + limit]]
    return Page(len(rows), items, limit, offset)


# Grouping every place mention takes a few hundred ms on a large store: the summary is kept
# per store file and computed again when the file changes (an ingest writes to it).
_SUMMARIES: dict[str, tuple[tuple, list[dict]]] = {}


def place_summary(conn) -> list[dict]:
    """Every place named, most articles first: ``{key, name, name_en, country, kind, lat,
    lon, articles, mentions, folded}`` (``folded``: the name's search key)."""
    path = getattr(conn, "path", "") or ""
    stamp = _stamp(path)
    kept = _SUMMARIES.get(path)
    if path and kept and kept[0] == stamp:
        return kept[1]
    rows = [dict(r) for r in conn.execute(
        "SELECT COALESCE(name_en, name) AS key, MIN(name) AS name, MAX(name_en) AS name_en,"
        " country, MAX(kind) AS kind, ROUND(AVG(lat), 3) AS lat, ROUND(AVG(lon), 3) AS lon,"
        " COUNT(DISTINCT article_id) AS articles, COUNT(*) AS mentions FROM places"
        " WHERE name IS NOT NULL GROUP BY key, country ORDER BY articles DESC, key")]
    for r in rows:
        r["folded"] = " ".join(normalize(r["name"] or "").split())
    if path:
        _SUMMARIES[path] = (stamp, rows)
    return rows


def _stamp(path: str) -> tuple:
    out = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            out.append((st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def place_kinds(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT kind FROM places WHERE kind IS NOT NULL"
                                       " ORDER BY kind")]


def country_counts(conn, what: str = "events", filters: Optional[Filters] = None) -> dict[str, int]:
    """``{country code: n}``: events with the country as source or target (``what="events"``,
    as the events list filters them), or articles naming an actor or place of the country
    (``"places"``, as the search filters ``country``)."""
    if what == "places":
        found = article_set("", filters)
        source, where, params = found if found else ("articles a", [], [])
        inside = f" AND article_id IN (SELECT a.id FROM {source}{where_sql(where)})" if where else ""
        sql = (f"SELECT country, COUNT(DISTINCT article_id) FROM entities WHERE country IS NOT NULL"
               f"{inside} GROUP BY country")
        return {c: n for c, n in conn.execute(sql, params) if is_country_code(c)}
    where, params = (filters or Filters()).for_events()
    view = "events_view" if filters and (filters.actor or filters.outlet) else "events"
    # an event counts once for each distinct country it involves
    sql = (f"SELECT country, COUNT(*) FROM (SELECT source_country AS country FROM {view}{where_sql(where)}"
           f" UNION ALL SELECT target_country FROM {view}{where_sql(where + ['target_country IS NOT source_country'])})"
           " WHERE country IS NOT NULL GROUP BY country")
    return {c: n for c, n in conn.execute(sql, params + params) if is_country_code(c)}


def event_points(conn, filters: Optional[Filters] = None, limit: int = 300) -> list[dict]:
    """Places of events that have coordinates: ``{name, country, lat, lon, n}``, the most
    frequent first."""
    where, params = (filters or Filters()).for_events()
    view = "events_view" if filters and (filters.actor or filters.outlet) else "events"
    rows = conn.execute(f"SELECT MIN(place_name) AS name, place_country AS country, ROUND(lat, 1) AS lat,"
                        f" ROUND(lon, 1) AS lon, COUNT(*) AS n FROM {view}"
                        f"{where_sql(where + ['lat IS NOT NULL', 'lon IS NOT NULL'])}"
                        " GROUP BY 3, 4 ORDER BY n DESC LIMIT ?", params + [limit]).fetchall()
    return [dict(r) for r in rows]


def day_counts(conn, filters: Optional[Filters] = None) -> dict[str, int]:
    """``{day: articles published that day}`` among the articles kept by ``filters``."""
    found = article_set("", filters)
    source, where, params = found if found else ("articles a", [], [])
    return dict(conn.execute(f"SELECT a.published, COUNT(*) FROM {source}"
                             f"{where_sql(where + ['a.published IS NOT NULL'])} GROUP BY a.published",
                             params).fetchall())


def attention(conn, query: str, filters: Optional[Filters] = None,
              days: Optional[dict[str, int]] = None) -> dict[str, tuple[int, int]]:
    """``{day: (articles matching, articles of the day)}`` for the days of the articles kept
    by ``filters`` (without the query): the share a query gets of each day's news. ``days``:
    :func:`day_counts` of the same filters, when already counted."""
    days = day_counts(conn, filters) if days is None else days
    found = article_set(query, filters)
    hits: dict[str, int] = {}
    if found is not None and query.strip():
        source, where, params = found
        hits = dict(conn.execute(f"SELECT a.published, COUNT(*) FROM {source}"
                                 f"{where_sql(where + ['a.published IS NOT NULL'])} GROUP BY a.published",
                                 params).fetchall())
    return {day: (hits.get(day, 0), n) for day, n in sorted(days.items())}
