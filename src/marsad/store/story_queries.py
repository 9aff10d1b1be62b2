"""Reading stories: the listing (newest first), one story with its articles, merged events,
reactions by country, actors and places, and the story of an article. Shared by
``marsad stories``, ``marsad export --table stories``, the web pages and the API."""
from __future__ import annotations

import json
import sqlite3
from typing import Iterator, Optional

from marsad.periods import bounds
from marsad.store.queries import MAX_PAGE, Page, check_date
from marsad.store.story_events import reactions

TOP = 10  # actors and places named in a story's summary


def _range(since: Optional[str], until: Optional[str]) -> tuple[str, list]:
    """Stories whose days overlap [since, until] (a week, month or year: its days)."""
    check_date(since, "since")
    check_date(until, "until")
    where, params = [], []
    if since:
        where.append("s.last >= ?")
        params.append(bounds(since)[0].isoformat())
    if until:
        where.append("s.first <= ?")
        params.append(bounds(until)[1].isoformat())
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_stories(conn: sqlite3.Connection, since: Optional[str] = None,
                 until: Optional[str] = None, limit: int = 20, offset: int = 0,
                 min_articles: int = 1) -> Page:
    """Stories, newest first (by their last day), with their counts."""
    limit, offset = max(1, min(int(limit), MAX_PAGE)), max(0, int(offset))
    where, params = _range(since, until)
    if min_articles > 1:
        where += (" AND" if where else " WHERE") + " s.articles >= ?"
        params.append(int(min_articles))
    total = conn.execute(f"SELECT COUNT(*) FROM stories s{where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT s.* FROM stories s{where} ORDER BY s.last DESC, s.first DESC,"
                        f" s.id LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
    return Page(total, [dict(r) for r in rows], limit, offset)


def story_of(conn: sqlite3.Connection, article_id: str) -> Optional[dict]:
    """The summary row of an article's story, with how the article joined it."""
    row = conn.execute("SELECT s.*, m.link, m.linked_to, m.similarity FROM story_members m"
                       " JOIN stories s ON s.id = m.story_id WHERE m.article_id = ?",
                       (article_id,)).fetchone()
    return dict(row) if row else None


def get_story(conn: sqlite3.Connection, story_id: str) -> Optional[dict]:
    """One story: its summary, ``articles`` (each with id, title, outlet, published and how
    it joined), ``outlets``, ``events`` merged per (source, type, target), ``reactions``
    by country, and its most named ``actors`` and ``places``."""
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    story = dict(row)
    story["counts"] = {k: story.pop(k) for k in ("articles", "outlets", "events", "quotes")}
    story["articles"] = [dict(r) for r in conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url, m.link, m.linked_to, m.similarity"
        " FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?"
        " ORDER BY COALESCE(a.published, '~'), a.id", (story_id,))]
    story["outlets"] = sorted({a["outlet"] for a in story["articles"] if a["outlet"]})
    story["events"] = story_events(conn, story_id)
    story["reactions"] = reactions(conn, story_id, story["events"])
    story["actors"] = [dict(r) for r in conn.execute(
        "SELECT e.actor_key AS actor, MAX(e.name) AS name, MAX(e.name_en) AS name_en,"
        " MAX(e.country) AS country, COUNT(DISTINCT e.article_id) AS articles"
        " FROM story_members m JOIN entities e ON e.article_id = m.article_id"
        " WHERE m.story_id = ? AND e.label IN ('PER', 'ORG') GROUP BY e.actor_key"
        " ORDER BY articles DESC, COUNT(*) DESC, e.actor_key LIMIT ?", (story_id, TOP))]
    story["places"] = [dict(r) for r in conn.execute(
        "SELECT p.name, MAX(p.name_en) AS name_en, MAX(p.country) AS country,"
        " MAX(p.lat) AS lat, MAX(p.lon) AS lon, COUNT(DISTINCT p.article_id) AS articles"
        " FROM story_members m JOIN places p ON p.article_id = m.article_id"
        " WHERE m.story_id = ? GROUP BY p.name ORDER BY articles DESC, COUNT(*) DESC, p.name"
        " LIMIT ?", (story_id, TOP))]
    return story


def story_events(conn: sqlite3.Connection, story_id: str) -> list[dict]:
    """The merged events of a story as stored, in order of first report."""
    rows = conn.execute("SELECT * FROM story_events WHERE story_id = ?"
                        " ORDER BY first_date, first_article, rowid", (story_id,))
    out = []
    for r in rows:
        event = dict(r)
        event.pop("story_id")
        event["evidence"] = json.loads(event["evidence"])
        out.append(event)
    return out


def iter_stories(conn: sqlite3.Connection, since: Optional[str] = None,
                 until: Optional[str] = None) -> Iterator[dict]:
    """Every story in the range, oldest first, as ``marsad stories`` prints it: ``id``,
    ``title``, ``articles`` (the stored article ids), ``outlets``, ``first``, ``last``,
    ``events``, ``reactions``, ``actors``, ``places``."""
    where, params = _range(since, until)
    ids = [r[0] for r in conn.execute(f"SELECT s.id FROM stories s{where}"
                                      f" ORDER BY s.first, s.id", params)]
    for story_id in ids:
        story = get_story(conn, story_id)
        if story is None:  # gone meanwhile
            continue
        yield {"id": story["id"], "title": story["title"],
               "articles": [a["id"] for a in story["articles"]], "outlets": story["outlets"],
               "first": story["first"], "last": story["last"], "events": story["events"],
               "reactions": story["reactions"], "actors": story["actors"],
               "places": story["places"]}
