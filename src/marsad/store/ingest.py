"""Ingest: articles (run through the pipeline) or marsad/1 records into a store.

Idempotent and resumable: an article already stored — same id, or same content hash — is
skipped (or replaced with ``update=True``), never stored twice. Articles are analysed
outside any transaction and written a batch at a time, each batch in one transaction, so a
process killed in the middle of a batch leaves the batches before it and nothing of the
interrupted one; running the same command again stores the rest.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Optional

from marsad.periods import iso_bounds, precision_of
from marsad.model import Article, Record
from marsad.store import story_store
from marsad.store.keys import actor_key
from marsad.store.db import store_errors, transaction
from marsad.store.schema import ADD_ACTORS, REFRESH_ACTORS
from marsad.store.search import index_fields
from marsad.text.normalize import normalize

BATCH_SIZE = 100
# Errors of a passing fault, not of the article: a record stored with one of them is
# analysed again by the next ingest of the same input, without --update.
RETRY_CODES = ("worker_died", "time_limit")


@dataclass
class IngestStats:
    """What an ingest did: articles added, replaced, skipped as already stored, and how many
    of those written carry ``errors``."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    with_errors: int = 0

    rejected: int = 0

    def __str__(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.skipped} already stored, "
                f"{self.with_errors} with errors" + (f", {self.rejected} rejected (not stored)"
                                                     if self.rejected else ""))


def id_problem(article_id: str) -> Optional[str]:
    """Why an article id cannot be stored (no address of the web app or API could reach
    it: ``/articles/{id}``), or None."""
    if "/" in article_id:
        return "contains '/'"
    if article_id.strip() in ("", ".", ".."):
        return "is empty, '.' or '..'"
    return None


@lru_cache(maxsize=256)
def content_hash(article_id: Optional[str], title: Optional[str], text: Optional[str]) -> str:
    """SHA-256 over title and text; an article without text is told apart by its id. Kept
    for the last articles: storing one asks for its hash up to four times."""
    basis = (title or "") + "\n\x00" + (text or "") if text else "\x00no-text\x00" + str(article_id)
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


# --- reading what is stored -------------------------------------------------------------

def stored_ids(conn: sqlite3.Connection, article_id: str, chash: str) -> list[str]:
    """Ids of stored articles with this id or this content hash."""
    rows = conn.execute("SELECT id FROM articles WHERE id = ? OR content_hash = ?",
                        (article_id, chash)).fetchall()
    return [r[0] for r in rows]


def retryable(conn: sqlite3.Connection, ids: list[str]) -> bool:
    """Whether every stored article of ``ids`` carries an error of :data:`RETRY_CODES`."""
    marks = ",".join("?" * len(RETRY_CODES))
    return bool(ids) and all(
        conn.execute(f"SELECT 1 FROM errors WHERE article_id = ? AND code IN ({marks}) LIMIT 1",
                     (i, *RETRY_CODES)).fetchone() for i in ids)


# --- ingest -----------------------------------------------------------------------------

def ingest_articles(conn: sqlite3.Connection, articles: Iterable[Article], nlp=None,
                    update: bool = False, batch_size: int = BATCH_SIZE,
                    on_write: Optional[Callable[[IngestStats], None]] = None,
                    analyse: Optional[Callable[[Iterable[Article]], Iterable[Record]]] = None,
                    on_reject: Optional[Callable[[str], None]] = None) -> IngestStats:
    """Analyse the articles not yet stored (all of them with ``update``) and store their
    records, ``batch_size`` per transaction. ``analyse`` turns articles into records in
    order (an engine of :mod:`marsad.engines`; default: ``nlp`` in this process).
    ``on_write`` is called after each batch. An article whose id cannot be stored
    (:func:`id_problem`) is not analysed: it is counted as ``rejected`` and ``on_reject``
    is called with a line naming its input and the reason. A store that cannot be read or written (locked
    too long, a full disk, a damaged file) raises :class:`~marsad.store.db.StoreError`."""
    from marsad.pipeline.build import default_nlp, process

    stats = IngestStats()
    new = _new_only(conn, articles, update, stats,
                    key=lambda a: (a.id, content_hash(a.id, a.title, a.text)),
                    where=lambda a: a.source, on_reject=on_reject)
    records = analyse(new) if analyse else process(new, nlp or default_nlp())
    batch: list[dict] = []
    with store_errors(conn):
        for record in records:
            batch.append(record.to_dict())
            if len(batch) >= batch_size:
                write_batch(conn, batch, update, stats)
                batch = []
                if on_write:
                    on_write(stats)
        if batch:
            write_batch(conn, batch, update, stats)
            if on_write:
                on_write(stats)
    return stats


def ingest_records(conn: sqlite3.Connection, records: Iterable[dict], update: bool = False,
                   batch_size: int = BATCH_SIZE,
                   on_reject: Optional[Callable[[str], None]] = None) -> IngestStats:
    """Store marsad/1 record dicts as they are (no analysis); a record whose id cannot be
    stored is rejected as in :func:`ingest_articles`."""
    stats = IngestStats()
    pending: list[dict] = []
    with store_errors(conn):
        for record in _new_only(conn, records, update, stats, key=_record_key,
                                where=lambda r: r.get("source"), on_reject=on_reject):
            pending.append(record)
            if len(pending) >= batch_size:
                write_batch(conn, pending, update, stats)
                pending = []
        if pending:
            write_batch(conn, pending, update, stats)
    return stats


def _record_key(record: dict) -> tuple[str, str]:
    return record["id"], content_hash(record["id"], record.get("title"), record.get("text"))


def _new_only(conn, items, update: bool, stats: IngestStats, key, where=None,
              on_reject=None) -> Iterator[Any]:
    """The items worth analysing: not stored yet (or all with ``update``), each id and
    content once per run, and an id that can be stored."""
    seen: set[str] = set()
    for item in items:
        article_id, chash = key(item)
        problem = id_problem(article_id)
        if problem:
            stats.rejected += 1
            if on_reject:
                source = (where(item) if where else None) or "input"
                on_reject(f"{source}: article id {article_id!r} {problem}: no address could "
                          f"reach it; not stored (give it another id)")
            continue
        if article_id in seen or chash in seen:
            stats.skipped += 1
            continue
        seen.update((article_id, chash))
        found = stored_ids(conn, article_id, chash)
        if found and not update and not retryable(conn, found):
            stats.skipped += 1
            continue
        yield item


def write_batch(conn: sqlite3.Connection, records: Iterable[dict], update: bool,
                stats: IngestStats) -> None:
    """Store ``records`` in one transaction. Each is checked again inside the transaction,
    so two processes ingesting the same input never store an article twice. A stored
    article whose record has a passing fault (:data:`RETRY_CODES`) is replaced. Each
    article written joins its story (:mod:`marsad.store.story_store`)."""
    records = list(records)  # analyse before the write lock is taken
    sketches = story_store.sketch_records(records)
    try:
        with transaction(conn):
            touched: set[str] = set()  # actor keys whose summary row must be rebuilt
            replaced = False  # whether an article of the batch replaced a stored one
            stories: set[str] = set()  # stories that lost a replaced article
            written: list[dict] = []
            for record in records:
                article_id, chash = _record_key(record)
                found = stored_ids(conn, article_id, chash)
                if found and not update and not retryable(conn, found):
                    stats.skipped += 1
                    continue
                for old in found:
                    stories.add(story_store.forget(conn, old))
                    touched |= delete_article(conn, old)
                    replaced = True
                touched |= insert_record(conn, record, chash)
                written.append(record)
                stats.updated += bool(found)
                stats.added += not found
                stats.with_errors += bool(record.get("errors"))
            if replaced:
                refresh_actors(conn, touched)
            else:
                add_actors(conn, [r["id"] for r in written])
            story_store.assign_stories(conn, written, sketches, stories - {None})
    except BaseException:
        story_store.drop_index(conn)  # it may hold what was rolled back
        raise


def refresh_actors(conn: sqlite3.Connection, keys: set[str]) -> None:
    """Rebuild the ``actors`` rows of ``keys`` from ``entities`` (inside a transaction)."""
    if keys:
        param = (json.dumps(sorted(keys), ensure_ascii=False),)
        for statement in REFRESH_ACTORS.strip().split(";\n"):
            conn.execute(statement, param)


def add_actors(conn: sqlite3.Connection, article_ids: list[str]) -> None:
    """Count the articles ``article_ids``, just inserted, in the ``actors`` rows of the
    actors they name (inside a transaction): the rows :func:`refresh_actors` would give, at
    the cost of these articles' rows rather than of every row of each actor they name."""
    if article_ids:
        param = (json.dumps(article_ids, ensure_ascii=False),)
        for statement in ADD_ACTORS.strip().split(";\n"):
            conn.execute(statement, param)


def delete_article(conn: sqlite3.Connection, article_id: str) -> set[str]:
    """Remove an article, its rows in every table (ON DELETE CASCADE) and its index entry;
    return the actor keys it named."""
    keys = {r[0] for r in conn.execute("SELECT actor_key FROM entities WHERE article_id = ?",
                                         (article_id,))}
    row = conn.execute("SELECT search_rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row and row[0] is not None:
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    return keys


def insert_record(conn: sqlite3.Connection, record: dict, chash: Optional[str] = None) -> set[str]:
    """Insert one marsad/1 record into every table (inside the caller's transaction); return
    the actor keys of its entities (:func:`refresh_actors` summarises them)."""
    aid = record["id"]
    chash = chash or _record_key(record)[1]
    fts = conn.execute("INSERT INTO articles_fts(title, body, extra) VALUES (?, ?, ?)",
                       index_fields(record.get("title"), record.get("text") or ""))
    conn.execute(
        "INSERT INTO articles(id, content_hash, url, outlet, title, published, author, text,"
        " record_json, n_errors, search_rowid, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (aid, chash, _v(record.get("url")), _v(record.get("outlet")), _v(record.get("title")),
         _v(record.get("published")), _v(record.get("author")), record.get("text") or "",
         json.dumps(record, ensure_ascii=False), len(record.get("errors") or []), fts.lastrowid,
         dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    children = child_rows(record)
    for table, rows in children.items():
        if rows:
            marks = ",".join("?" * len(rows[0]))
            conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", rows)
    return {row[-1] for row in children["entities"]}


def child_rows(record: dict) -> dict[str, list[tuple]]:
    """The rows of every child table for one record, in the tables' column order."""
    aid = record["id"]
    rows: dict[str, list[tuple]] = {t: [] for t in
                                    ("entities", "mentions", "quotes", "events", "dates",
                                     "places", "errors")}
    for ent in _dicts(record.get("entities")):
        name, name_en = _v(ent.get("name")), _v(ent.get("name_en"))
        role, country = _v(ent.get("role")), _v(ent.get("country"))
        rows["entities"].append((aid, _v(ent.get("id")), _v(ent.get("label")), name, name_en,
                                 country, _v(ent.get("sector")), role, normalize(name or ""),
                                 actor_key(name, name_en, role, country)))
        for m in _dicts(ent.get("mentions")):
            rows["mentions"].append((aid, _v(ent.get("id")), _i(m.get("start")), _i(m.get("end")),
                                     _v(m.get("text")) or "", _v(m.get("field"))))
    for i, q in enumerate(_dicts(record.get("quotes"))):
        sp, cue, content = _d(q.get("speaker")), _d(q.get("cue")), _d(q.get("content"))
        rows["quotes"].append((aid, i, _v(q.get("kind")), _v(sp.get("entity")), _v(sp.get("text")),
                               _i(sp.get("start")), _i(sp.get("end")), _v(cue.get("text")),
                               _i(cue.get("start")), _i(cue.get("end")), _v(content.get("text")),
                               _i(content.get("start")), _i(content.get("end")), _v(content.get("field"))))
    # An event's actor without a country or sector takes its entity's (so both are indexed).
    known = {e[1]: (e[5], e[6]) for e in rows["entities"]}
    for i, ev in enumerate(_dicts(record.get("events"))):
        src, tgt, place, evid = (_d(ev.get(k)) for k in ("source", "target", "place", "evidence"))
        s_country, s_sector = known.get(_v(src.get("entity")), (None, None))
        t_country, t_sector = known.get(_v(tgt.get("entity")), (None, None))
        day = _v(ev.get("date")) or _v(record.get("published"))
        rows["events"].append((aid, i, _v(ev.get("type")), _v(ev.get("mode")),
                               _v(src.get("entity")), _v(src.get("country")) or s_country,
                               _v(src.get("sector")) or s_sector,
                               _v(tgt.get("entity")), _v(tgt.get("country")) or t_country,
                               _v(tgt.get("sector")) or t_sector,
                               _v(place.get("name")), _v(place.get("country")),
                               _num(place.get("lat")), _num(place.get("lon")), _v(ev.get("date")),
                               day, _v(evid.get("text")), _i(evid.get("start")), _i(evid.get("end")),
                               *_date_columns(day)))
    for i, d in enumerate(_dicts(record.get("dates"))):
        rows["dates"].append((aid, i, _v(d.get("text")), _i(d.get("start")), _i(d.get("end")),
                              _v(d.get("value")), _v(d.get("precision")),
                              None if d.get("relative") is None else int(bool(d.get("relative"))),
                              _v(d.get("calendar"))))
    for i, p in enumerate(_dicts(record.get("places"))):
        rows["places"].append((aid, i, _v(p.get("name")), _v(p.get("name_en")),
                               _v(p.get("country")), _num(p.get("lat")), _num(p.get("lon")),
                               _v(p.get("kind")), _i(p.get("start")), _i(p.get("end"))))
    for i, e in enumerate(_dicts(record.get("errors"))):
        rows["errors"].append((aid, i, _v(e.get("code")), _v(e.get("message")),
                               _v(e.get("source"))))
    return rows


def _date_columns(day) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """``date_precision``, ``date_start``, ``date_end`` of an event's day, computed from the
    value itself (records written before events carried them have only ``date``): a week
    ``2015-W29`` is 2015-07-13 … 2015-07-19."""
    if not isinstance(day, str):
        return None, None, None
    return (precision_of(day), *iso_bounds(day))


def _dicts(items) -> list[dict]:
    return [x for x in (items or []) if isinstance(x, dict)]


def _d(value) -> dict:
    return value if isinstance(value, dict) else {}


def _v(value):
    """A column value: scalars as they are, anything else as JSON text."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    return json.dumps(value, ensure_ascii=False)


def _num(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _i(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None
