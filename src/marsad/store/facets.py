"""Facets (as Datasette shows them): beside a list of articles or events, how many of them
fall under each outlet, event type, country, actor and day, the largest first. Each count
is one SQL ``GROUP BY`` over the matching rows, cut to the top ``top`` values.

A facet that takes longer than its time budget is given up, not waited for: it comes back
with ``timed_out`` set and no values (SQLite's progress handler interrupts the query), so
a page with facets never waits long on a very broad result set.
"""
from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from marsad.store.queries import Filters, where_sql, article_set

TOP = 10
BUDGET_MS = 150  # the time budget (ms) of a list's facets
STEPS = 20_000  # SQLite steps between two looks at the clock


@dataclass
class Facet:
    """One facet: ``values`` are ``(value, count)``, the largest count first. ``param``
    is the filter that narrows a list to one value (``outlet``, ``type``, ...)."""

    name: str
    param: str
    values: list[tuple[str, int]] = field(default_factory=list)
    timed_out: bool = False

    def to_dict(self) -> dict:
        return {"name": self.name, "param": self.param, "timed_out": self.timed_out,
                "values": [{"value": v, "count": n} for v, n in self.values]}


def _rows(conn: sqlite3.Connection, sql: str, params: list, budget_ms: float) -> Optional[list]:
    """The rows of ``sql``, or None when it runs past ``budget_ms`` (interrupted)."""
    deadline = time.perf_counter() + budget_ms / 1000
    conn.set_progress_handler(lambda: time.perf_counter() > deadline, STEPS)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _facet(conn, name: str, param: str, sql: str, params: list, top: int, budget_ms: float) -> Facet:
    rows = _rows(conn, sql + " ORDER BY n DESC, v LIMIT ?", params + [top], budget_ms)
    if rows is None:
        return Facet(name, param, [], True)
    return Facet(name, param, [(r[0], r[1]) for r in rows if r[0] is not None])


def article_facets(conn, query: str = "", filters: Optional[Filters] = None, top: int = TOP,
                   budget_ms: float = BUDGET_MS) -> list[Facet]:
    """Facets of the articles matching ``query`` and ``filters`` (as
    :func:`marsad.store.queries.search_articles` finds them): articles by outlet, by event
    type and country (of the actors and places they name) and actor (people and
    organisations), and by publication day. The matching articles are found once; the
    facets share ``budget_ms``, and those not counted by then come back timed out."""
    found = article_set(query, filters)
    if found is None:
        return []
    source, where, params = found
    deadline = time.perf_counter() + budget_ms / 1000

    def left() -> float:
        return (deadline - time.perf_counter()) * 1000

    if not where:  # all articles: indexes and the actors table answer
        ids, inside = None, ""
        outlets = _rows(conn, "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL"
                        " GROUP BY outlet", [], left())
        days = _rows(conn, "SELECT published, COUNT(*) FROM articles WHERE published IS NOT NULL"
                     " GROUP BY published", [], left())
    else:
        ids = _rows(conn, f"SELECT a.id, a.outlet, a.published FROM {source}{where_sql(where)}", params, left())
        if ids is None:
            return [Facet(name, param, [], True) for name, param in _ARTICLE_FACETS]
        outlets = Counter(r[1] for r in ids if r[1] is not None).items()
        days = Counter(r[2] for r in ids if r[2] is not None).items()
        inside = " AND article_id IN (SELECT value FROM json_each(?))"
    id_params = [] if ids is None else [json.dumps([r[0] for r in ids], ensure_ascii=False)]

    def facet(name: str, sql: str) -> Facet:
        return _facet(conn, name, name, sql, list(id_params), top, left())

    out = [_top("outlet", outlets, top),
           facet("type", "SELECT type AS v, COUNT(DISTINCT article_id) AS n FROM events"
                 f" WHERE type IS NOT NULL{inside} GROUP BY v"),
           facet("country", "SELECT country AS v, COUNT(DISTINCT article_id) AS n FROM entities"
                 f" WHERE country IS NOT NULL{inside} GROUP BY v"),
           # over all articles, the actors table has the counts already
           facet("actor", f"SELECT actor_key AS v, COUNT(DISTINCT article_id) AS n FROM entities"
                 f" WHERE label IN ('PER', 'ORG'){inside} GROUP BY v" if inside else
                 "SELECT actor_key AS v, articles AS n FROM actors WHERE label IN ('PER', 'ORG')"),
           _top("day", days, top)]
    return out


_ARTICLE_FACETS = (("outlet", "outlet"), ("type", "type"), ("country", "country"), ("actor", "actor"),
                   ("day", "day"))


def _top(name: str, counts, top: int) -> Facet:
    """A facet of ``(value, n)`` pairs counted already (None: timed out)."""
    if counts is None:
        return Facet(name, name, [], True)
    return Facet(name, name, sorted(((v, n) for v, n in counts), key=lambda vn: (-vn[1], vn[0]))[:top])


def event_facets(conn, filters: Optional[Filters] = None, top: int = TOP,
                 budget_ms: float = BUDGET_MS) -> list[Facet]:
    """Facets of the events matching ``filters`` (as :func:`marsad.store.queries.list_events`
    finds them): by type, country (source or target), actor (source or target), day (of
    the events dated to the day) and outlet. The matching events are read once (a store
    holds far fewer events than articles) and counted here; past ``budget_ms`` every facet
    is given up."""
    where, params = (filters or Filters()).for_events()
    rows = _rows(conn, "SELECT type, source_country, target_country, source_actor, target_actor,"
                 f" date_start, date_precision, outlet FROM events_view{where_sql(where)}", params,
                 budget_ms)
    names = [("type", "type"), ("country", "country"), ("actor", "actor"), ("day", "day"),
             ("outlet", "outlet")]
    if rows is None:
        return [Facet(name, param, [], True) for name, param in names]
    counts: dict[str, Counter] = {name: Counter() for name, _ in names}
    for r in rows:
        counts["type"][r[0]] += 1
        counts["country"].update({r[1], r[2]})  # an event counts once for each country
        counts["actor"].update({r[3], r[4]})
        if r[6] == "day":
            counts["day"][r[5]] += 1
        counts["outlet"][r[7]] += 1
    out = []
    for name, param in names:
        c = counts[name]
        c.pop(None, None)
        out.append(Facet(name, param, sorted(c.items(), key=lambda vn: (-vn[1], vn[0]))[:top]))
    return out


def top_places(conn, query: str = "", filters: Optional[Filters] = None, top: int = TOP,
               budget_ms: float = BUDGET_MS) -> Facet:
    """The places most named in the matching articles (articles naming each, by the place's
    name as resolved: its English name, else as written)."""
    found = article_set(query, filters)
    if found is None:
        return Facet("place", "q")
    source, where, params = found
    inside = f" AND article_id IN (SELECT a.id FROM {source}{where_sql(where)})" if where else ""
    return _facet(conn, "place", "q", "SELECT MIN(name) AS v, COUNT(DISTINCT article_id) AS n,"
                  " COALESCE(name_en, name) AS k, MAX(country) AS c FROM places WHERE name IS NOT NULL"
                  f"{inside} GROUP BY k", params, top, budget_ms)
