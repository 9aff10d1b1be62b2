"""What ``marsad watch`` keeps in the store (docs/watch.md): the feeds it polls, every feed
item it has handled and the alerts it has fired.

An item is stored through the same path as ``marsad ingest`` (:func:`store_articles` calls
:func:`~marsad.store.ingest.ingest_articles`, a feed's new articles in one transaction),
then marked as seen (:func:`mark_item`) in another. A process killed between the two finds
the item unseen when it starts again, fetches it again and finds the article stored (same
id), so it marks it and stores nothing twice.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Callable, Iterable, Optional

from marsad.model import Article
from marsad.store.db import store_errors, transaction
from marsad.store.ingest import (content_hash, delete_article, ingest_articles, refresh_actors,
                                 stored_ids)
from marsad.store.schema import WATCH_TABLES

# The error codes of a page watch could not fetch (on the article's record, docs/watch.md).
FETCH_CODES = ("fetch_failed", "robots_disallowed", "not_html")


def now() -> str:
    """The time now, UTC, ISO 8601 to the second."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def ensure_tables(conn: sqlite3.Connection) -> None:
    """Create watch's tables in a store made before they existed, and the columns added
    since (a writable connection)."""
    with store_errors(conn), transaction(conn):
        for statement in WATCH_TABLES.split(";"):  # DDL without a ';' inside a statement
            if statement.strip():
                conn.execute(statement)
        columns = {r[1] for r in conn.execute("PRAGMA table_info(feed_items)")}
        if "updated" not in columns:  # stores watched before corrections were read
            conn.execute("ALTER TABLE feed_items ADD COLUMN updated TEXT")


def has_watch_tables(conn: sqlite3.Connection) -> bool:
    """Whether the store has watch's tables (a store never watched may not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feeds'"
                        ).fetchone() is not None


# --- items ------------------------------------------------------------------------------

def seen_item(conn: sqlite3.Connection, key: str, link: Optional[str]) -> Optional[sqlite3.Row]:
    """The row of an item already handled: same key, or (from any feed) the same link."""
    row = conn.execute("SELECT * FROM feed_items WHERE item_key = ?", (key,)).fetchone()
    if row is None and link:
        row = conn.execute("SELECT * FROM feed_items WHERE link = ? LIMIT 1", (link,)).fetchone()
    return row


def store_article(conn: sqlite3.Connection, article: Article,
                  analyse: Callable[[Iterable[Article]], Iterable]) -> tuple[str, str]:
    """Analyse and store one article as ``marsad ingest`` does, in its own transaction.

    Returns ``(outcome, article_id)``: ``added``; ``replaced`` (an error record of a page
    that could not be fetched, now read); ``stored`` (this id was stored already: a run
    killed before it marked the item); ``duplicate`` (the same title and text are stored
    under another id, which is returned)."""
    chash = content_hash(article.id, article.title, article.text)
    with store_errors(conn):
        found = stored_ids(conn, article.id, chash)
    update = False
    if article.id in found and not article.errors and is_fetch_error(conn, article.id):
        others = [i for i in found if i != article.id]
        if others:  # the page now read holds an article stored from elsewhere
            with store_errors(conn), transaction(conn):
                refresh_actors(conn, delete_article(conn, article.id))
            return "duplicate", others[0]
        update = True
    stats = ingest_articles(conn, [article], update=update, batch_size=1, analyse=analyse)
    if stats.added:
        return "added", article.id
    if stats.updated:
        return "replaced", article.id
    with store_errors(conn):
        found = stored_ids(conn, article.id, chash)
    if article.id in found:
        return "stored", article.id
    if found:
        return "duplicate", found[0]
    raise RuntimeError(f"{article.url or article.id}: the article was neither stored nor found")


def store_articles(conn: sqlite3.Connection, articles: list[Article],
                   analyse: Callable[[Iterable[Article]], Iterable]) -> list[tuple[str, str]]:
    """:func:`store_article` for several articles, written in one ingest transaction (the
    ``actors`` summary is rebuilt once for them, not once per article: for an actor named
    in most articles that rebuild grows with the store). Returns one ``(outcome,
    article_id)`` per article, in order."""
    with store_errors(conn):
        before = [stored_ids(conn, a.id, content_hash(a.id, a.title, a.text)) for a in articles]
    alone = {i for i, (a, found) in enumerate(zip(articles, before))
             if a.id in found and not a.errors and is_fetch_error(conn, a.id)}
    together = [a for i, a in enumerate(articles) if i not in alone]
    if together:
        ingest_articles(conn, together, batch_size=len(together), analyse=analyse)
    out = []
    for i, (article, found_before) in enumerate(zip(articles, before)):
        if i in alone:  # an error record to replace: its own transaction
            out.append(store_article(conn, article, analyse))
            continue
        with store_errors(conn):
            found = stored_ids(conn, article.id, content_hash(article.id, article.title, article.text))
        if article.id in found:
            out.append(("stored" if article.id in found_before else "added", article.id))
        elif found:
            out.append(("duplicate", found[0]))
        else:
            raise RuntimeError(f"{article.url or article.id}: the article was neither stored nor found")
    return out


def is_fetch_error(conn: sqlite3.Connection, article_id: str) -> bool:
    """Whether the stored article is the error record of a page watch could not fetch."""
    marks = ",".join("?" * len(FETCH_CODES))
    return conn.execute(f"SELECT 1 FROM errors WHERE article_id = ? AND code IN ({marks}) LIMIT 1",
                        (article_id, *FETCH_CODES)).fetchone() is not None


def mark_item(conn: sqlite3.Connection, key: str, feed_url: str, link: Optional[str],
              article_id: Optional[str], status: str, error: Optional[str] = None,
              updated: Optional[str] = None) -> None:
    """Record what became of an item (``stored``, ``duplicate`` or ``failed``), counting an
    attempt; the feed's ``stored``/``failed`` counts follow. ``updated``: the feed's change
    date of the item as read (:func:`marsad.watch.feeds.updated_of`)."""
    stamp = now()
    with store_errors(conn), transaction(conn):
        old = conn.execute("SELECT status FROM feed_items WHERE item_key = ?", (key,)).fetchone()
        conn.execute(
            "INSERT INTO feed_items(item_key, feed_url, link, article_id, status, error, attempts,"
            " first_seen, last_tried, updated) VALUES (?,?,?,?,?,?,1,?,?,?)"
            " ON CONFLICT(item_key) DO UPDATE SET article_id = excluded.article_id,"
            " status = excluded.status, error = excluded.error, attempts = attempts + 1,"
            " last_tried = excluded.last_tried, updated = COALESCE(excluded.updated, updated)",
            (key, feed_url, link, article_id, status, error, stamp, stamp, updated))
        if old is None and status in ("stored", "failed"):
            conn.execute("INSERT OR IGNORE INTO feeds(url) VALUES (?)", (feed_url,))
            conn.execute("UPDATE feeds SET stored = stored + 1 WHERE url = ?", (feed_url,))
        failed = (status == "failed") - (old is not None and old["status"] == "failed")
        if failed:
            conn.execute("UPDATE feeds SET failed = failed + ? WHERE url = ?", (failed, feed_url))


def note_updated(conn: sqlite3.Connection, key: str, updated: str) -> None:
    """Record the feed's change date of an item already handled (no new attempt)."""
    with store_errors(conn), transaction(conn):
        conn.execute("UPDATE feed_items SET updated = ? WHERE item_key = ?", (updated, key))


def correct_article(conn: sqlite3.Connection, article: Article,
                    analyse: Callable[[Iterable[Article]], Iterable]) -> str:
    """Store the page of an item the feed says has changed in place of its stored article
    (same id; analysed again, rows, index and story replaced in one transaction, as
    ``ingest --update`` does). Returns ``corrected``; ``unchanged`` when the title and text
    are those stored; ``kept`` when the stored version stays: the page could not be read
    now, or its new text is stored as another article."""
    if article.errors:
        return "kept"
    chash = content_hash(article.id, article.title, article.text)
    with store_errors(conn):
        found = stored_ids(conn, article.id, chash)
        stored = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
    if stored is not None and stored[0] == chash:
        return "unchanged"
    if any(i != article.id for i in found):
        return "kept"
    stats = ingest_articles(conn, [article], update=True, batch_size=1, analyse=analyse)
    return "corrected" if stats.updated or stats.added else "unchanged"


def items_to_retry(conn: sqlite3.Connection, feed_url: str, max_attempts: int) -> list[sqlite3.Row]:
    """The items of a feed whose page failed for a passing reason (``error`` starting with
    ``retry:``) fewer than ``max_attempts`` times."""
    return conn.execute("SELECT * FROM feed_items WHERE feed_url = ? AND status = 'failed'"
                        " AND error LIKE 'retry:%' AND attempts < ? ORDER BY rowid",
                        (feed_url, max_attempts)).fetchall()


# --- feeds ------------------------------------------------------------------------------

def feed_row(conn: sqlite3.Connection, url: str) -> Optional[sqlite3.Row]:
    return conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()


def record_poll(conn: sqlite3.Connection, url: str, *, status: str, error: Optional[str] = None,
                http_status: Optional[int] = None, title: Optional[str] = None,
                entries: Optional[int] = None, new_items: int = 0,
                validators: Optional[tuple[Optional[str], Optional[str]]] = None) -> None:
    """Write the outcome of one poll of a feed. ``validators`` (ETag, Last-Modified) are
    saved only when given: after every item of the feed was handled, so that a run killed
    before that reads the whole feed again instead of getting a 304 and missing items."""
    stamp = now()
    read = status in ("ok", "not_modified")
    with store_errors(conn), transaction(conn):
        conn.execute("INSERT OR IGNORE INTO feeds(url) VALUES (?)", (url,))
        conn.execute(
            "UPDATE feeds SET last_poll = ?, status = ?, error = ?, http_status = ?,"
            " polls = polls + 1, new_items = ?, last_ok = CASE WHEN ? THEN ? ELSE last_ok END,"
            " title = COALESCE(?, title), entries = COALESCE(?, entries) WHERE url = ?",
            (stamp, status, error, http_status, new_items, read, stamp, title, entries, url))
        if validators is not None:
            conn.execute("UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?",
                         (*validators, url))


# --- alerts -----------------------------------------------------------------------------

def alert_state(conn: sqlite3.Connection, rule: str, article_id: str) -> Optional[str]:
    row = conn.execute("SELECT state FROM alerts_fired WHERE rule = ? AND article_id = ?",
                       (rule, article_id)).fetchone()
    return row[0] if row else None


def set_alert(conn: sqlite3.Connection, rule: str, article_id: str, state: str,
              detail: Optional[str] = None) -> None:
    """Record an alert as ``pending`` (about to be delivered), ``sent`` or ``failed``."""
    with store_errors(conn), transaction(conn):
        conn.execute(
            "INSERT INTO alerts_fired(rule, article_id, fired_at, state, detail, attempts)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(rule, article_id) DO UPDATE SET"
            " state = excluded.state, detail = excluded.detail,"
            " attempts = attempts + excluded.attempts",
            (rule, article_id, now(), state, detail, int(state != "pending")))


def unsent_alerts(conn: sqlite3.Connection, max_attempts: int) -> list[sqlite3.Row]:
    """Alerts recorded but not delivered (a run killed while delivering, a URL that did not
    answer), fewer than ``max_attempts`` times tried."""
    return conn.execute("SELECT rule, article_id FROM alerts_fired WHERE state != 'sent'"
                        " AND attempts < ? ORDER BY rowid", (max_attempts,)).fetchall()


def record_of(conn: sqlite3.Connection, article_id: str) -> Optional[str]:
    """The stored marsad/1 record (JSON text) of an article."""
    row = conn.execute("SELECT record_json FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


# --- reading (web pages, API) -----------------------------------------------------------

def list_feeds(conn: sqlite3.Connection) -> list[dict]:
    """Every feed watch has polled, those with a problem first, then by URL."""
    if not has_watch_tables(conn):
        return []
    rows = conn.execute("SELECT url, title, last_poll, last_ok, status, error, http_status, polls,"
                        " entries, new_items, stored, failed FROM feeds"
                        " ORDER BY status IN ('ok', 'not_modified'), url").fetchall()
    return [dict(r) for r in rows]


def newest_items(conn: sqlite3.Connection, limit: int = 50, offset: int = 0) -> list[dict]:
    """The articles watch stored, newest first: when first stored, the feed, the article's
    title, outlet, date, and whether it is an error record."""
    if not has_watch_tables(conn):
        return []
    rows = conn.execute(
        "SELECT i.first_seen, i.feed_url, i.link, i.status, a.id, a.title, a.outlet, a.published,"
        " a.n_errors FROM feed_items i JOIN articles a ON a.id = i.article_id"
        " WHERE i.status != 'duplicate' ORDER BY i.first_seen DESC, i.rowid DESC LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()
    return [dict(r) for r in rows]


def count_items(conn: sqlite3.Connection) -> int:
    """How many articles watch stored (what :func:`newest_items` pages through)."""
    if not has_watch_tables(conn):
        return 0
    return conn.execute("SELECT COUNT(*) FROM feed_items WHERE status != 'duplicate'"
                        " AND article_id IN (SELECT id FROM articles)").fetchone()[0]
