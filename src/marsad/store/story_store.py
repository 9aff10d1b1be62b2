"""Stories in the store: each article ingested is given its signature and its story in the
same transaction as its rows (:func:`assign_stories`), and the stories it touched are
summarised again (:func:`refresh_stories`: the ``stories`` row and the merged
``story_events``).

The :class:`~marsad.store.stories.StoryIndex` of a connection lives as long as the
connection. It holds only the days an ingest needs: the signatures published within the
window of the new articles' days are loaded from ``signatures`` the first time; when
another process has stored articles meanwhile, the index is made anew before the batch. :func:`rebuild` assigns
every stored article again, from its text (an upgraded store, or a change of settings).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Iterable, Optional

import numpy as np

from marsad.store.shingles import from_bytes, sketch, to_bytes
from marsad.store.stories import StoryIndex, day_number

MAX_HELD = 20_000  # articles an ingest keeps in memory before it forgets days it does not need
REBUILD_KEEP = 1  # rebuild: forget articles this many windows behind the one being assigned
_LOAD = """SELECT s.article_id, s.day, s.shingles, s.minhash, m.story_id, t.first
FROM signatures s JOIN story_members m ON m.article_id = s.article_id
LEFT JOIN stories t ON t.id = m.story_id"""


def article_text(record: dict) -> str:
    """What is compared: the text, or the title for an article without one."""
    return record.get("text") or record.get("title") or ""


def iso_day(published: Optional[str]) -> Optional[str]:
    """``published`` as a day ``YYYY-MM-DD``, or None when it is no date."""
    number = day_number(published)
    return dt.date.fromordinal(number).isoformat() if number else None


def sketch_records(records: Iterable[dict]) -> dict[str, tuple[np.ndarray, int]]:
    """The signature and shingle count of each record's text, by article id (computed
    before the write lock is taken)."""
    return {r["id"]: sketch(article_text(r)) for r in records}


def index_for(conn: sqlite3.Connection) -> StoryIndex:
    """The connection's story index (made empty the first time)."""
    index = getattr(conn, "story_index", None)
    if index is None:
        index = StoryIndex()
        index.days, index.undated = set(), False
        index.seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM signatures").fetchone()[0]
        conn.story_index = index
    return index


def drop_index(conn: sqlite3.Connection) -> None:
    """Forget the connection's story index (after a write failed: it may hold what was
    rolled back)."""
    if getattr(conn, "story_index", None) is not None:
        conn.story_index = None


def forget(conn: sqlite3.Connection, article_id: str) -> Optional[str]:
    """Before an article is deleted: take it out of the index; return its story's id."""
    row = conn.execute("SELECT story_id FROM story_members WHERE article_id = ?",
                       (article_id,)).fetchone()
    index = getattr(conn, "story_index", None)
    if index is not None:
        index.remove(article_id)
    return row[0] if row else None


def assign_stories(conn: sqlite3.Connection, records: list[dict],
                   sketches: Optional[dict] = None, touched: Optional[set] = None) -> set[str]:
    """Give each new record (stored in this transaction) its signature and story, and
    summarise the stories touched (``touched``: more ids to refresh, e.g. of replaced
    articles). Returns the ids of the stories refreshed."""
    index = _fresh_index(conn)
    sketches = sketches if sketches is not None else sketch_records(records)
    _load_days(conn, index, {day_number(r.get("published")) for r in records})
    touched = set(touched or ())
    for record in records:
        aid = record["id"]
        sig, n = sketches[aid]
        day = iso_day(record.get("published"))
        assigned = index.add(aid, record.get("published"), sig, n)
        for old, new in assigned.renamed.items():
            rename(conn, old, new)
            touched.discard(old)
        conn.execute("INSERT OR REPLACE INTO signatures(article_id, day, shingles, minhash)"
                     " VALUES (?, ?, ?, ?)", (aid, day, n, to_bytes(sig)))
        conn.execute("INSERT OR REPLACE INTO story_members VALUES (?, ?, ?, ?, ?)",
                     (aid, assigned.story_id, assigned.link, assigned.linked_to,
                      assigned.similarity))
        touched.add(assigned.story_id)
    index.seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM signatures").fetchone()[0]
    return refresh_stories(conn, touched)


def _fresh_index(conn: sqlite3.Connection) -> StoryIndex:
    """The connection's index, made anew when another process stored articles since it
    last looked (they may have merged or renamed stories it holds)."""
    index = index_for(conn)
    latest = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM signatures").fetchone()[0]
    if latest != index.seq:
        drop_index(conn)
        index = index_for(conn)
    return index


def _load_days(conn: sqlite3.Connection, index: StoryIndex, days: set) -> None:
    """Load the stored articles published within the window of ``days`` (and the undated
    ones once), unless loaded already. Past :data:`MAX_HELD` articles, the days that this
    batch does not need are forgotten first."""
    if None in days and not index.undated:
        for row in conn.execute(_LOAD + " WHERE s.day IS NULL"):
            _load_row(index, row)
        index.undated = True
    wanted = {d for day in days if day is not None
              for d in range(day - index.window, day + index.window + 1)}
    if len(index) > MAX_HELD:
        index.keep_days(wanted.__contains__)
        index.days &= wanted
    need = sorted(wanted - index.days)
    if need:
        isos = json.dumps([dt.date.fromordinal(d).isoformat() for d in need])
        for row in conn.execute(_LOAD + " WHERE s.day IN (SELECT value FROM json_each(?))", (isos,)):
            _load_row(index, row)
        index.days.update(need)


def _load_row(index: StoryIndex, row) -> None:
    article_id, day, n, raw, story_id, first = row
    index.load(article_id, day, from_bytes(raw), n, story_id, first)


def rename(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Move the members of story ``old`` to story ``new`` and drop ``old``'s summary."""
    conn.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (new, old))
    conn.execute("DELETE FROM stories WHERE id = ?", (old,))
    conn.execute("DELETE FROM story_events WHERE story_id = ?", (old,))


def refresh_stories(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Summarise the stories ``ids`` again from their members: a story left without
    members is dropped; one whose first article changed takes that article's id."""
    done: set[str] = set()
    for story_id in sorted(set(ids)):
        members = conn.execute(
            "SELECT a.id, a.published, a.outlet, a.title FROM story_members m"
            " JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?"
            " ORDER BY COALESCE(a.published, '~'), a.id", (story_id,)).fetchall()
        if not members:
            rename(conn, story_id, story_id)  # drops the summary
            continue
        first = members[0][0]
        if first != story_id:
            rename(conn, story_id, first)
            index = getattr(conn, "story_index", None)
            if index is not None:
                index.rename(story_id, first, (members[0][1] or "~", first))
            story_id = first
        _summarise(conn, story_id, members)
        done.add(story_id)
    return done


def _summarise(conn: sqlite3.Connection, story_id: str, members: list) -> None:
    from marsad.store.story_events import merged_events

    events = merged_events(conn, story_id)
    dates = [m[1] for m in members if m[1]]
    quotes = conn.execute("SELECT COUNT(*) FROM story_members m JOIN quotes q"
                          " ON q.article_id = m.article_id WHERE m.story_id = ?",
                          (story_id,)).fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (story_id, members[0][3], min(dates, default=None), max(dates, default=None),
                  len(members), len({m[2] for m in members if m[2]}), len(events), quotes))
    conn.execute("DELETE FROM story_events WHERE story_id = ?", (story_id,))
    conn.executemany("INSERT INTO story_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     [(story_id, e["source"], e["type"], e["target"], e["source_name"],
                       e["source_country"], e["target_name"], e["target_country"], e["articles"],
                       e["outlets"], e["first_date"], e["first_article"],
                       json.dumps(e["evidence"], ensure_ascii=False)) for e in events])


def rebuild(conn: sqlite3.Connection, on_progress=None) -> int:
    """Assign every stored article to a story again, from its text, in order of
    publication (inside the caller's transaction); return the number of stories."""
    for table in ("signatures", "story_members", "stories", "story_events"):
        conn.execute(f"DELETE FROM {table}")
    drop_index(conn)
    index = StoryIndex()
    renamed: dict[str, str] = {}
    rows = conn.execute("SELECT id, published, title, text FROM articles"
                        " ORDER BY COALESCE(published, '~'), id")
    sig_rows, member_rows = [], []
    for n_done, (aid, published, title, text) in enumerate(rows, 1):
        sig, n = sketch(text or title or "")
        assigned = index.add(aid, published, sig, n)
        sig_rows.append((aid, iso_day(published), n, to_bytes(sig)))
        member_rows.append([aid, assigned.story_id, assigned.link, assigned.linked_to,
                            assigned.similarity])
        for old, new in assigned.renamed.items():
            renamed[old] = new
        if n_done % 1000 == 0:
            day = day_number(published)
            if day is not None:  # in order of publication: what is far behind is done
                index.keep_days(lambda d: d >= day - REBUILD_KEEP * index.window)
            if on_progress:
                on_progress(n_done)
    for row in member_rows:  # stories merged or renamed after the article joined them
        while row[1] in renamed:
            row[1] = renamed[row[1]]
    conn.executemany("INSERT INTO signatures(article_id, day, shingles, minhash) VALUES (?,?,?,?)",
                     sig_rows)
    conn.executemany("INSERT INTO story_members VALUES (?, ?, ?, ?, ?)", member_rows)
    return len(refresh_stories(conn, {row[1] for row in member_rows}))
