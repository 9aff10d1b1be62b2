"""Opening a marsad store: one SQLite file in WAL mode with foreign keys on. A store of an
older schema version is upgraded in place when opened for writing."""
from __future__ import annotations

import json
import random
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, Union

from marsad.errors import MarsadError
from marsad.store.schema import (ALL, INDEXES, REFRESH_ACTORS, REINDEX_FROM, SCHEMA_VERSION,
                                 SUPERSEDED_INDEXES, UPGRADES, VIEWS)
from marsad.store.keys import actor_key
from marsad.store.search import index_fields, search_fold

DEFAULT_DB = "marsad.db"
BUSY_TIMEOUT = 10.0  # seconds SQLite itself waits for another writer's lock
LOCK_TIMEOUT = 60.0  # seconds a writer keeps retrying (with backoff) before giving up


class StoreError(MarsadError):
    """A store that cannot be opened, or was written by an incompatible version."""


class StoreConnection(sqlite3.Connection):
    """A connection that knows its store's file and how long to wait for a lock."""

    path: str = ""
    lock_timeout: float = LOCK_TIMEOUT


def open_store(path: Union[str, Path], readonly: bool = False,
               lock_timeout: float = LOCK_TIMEOUT) -> sqlite3.Connection:
    """A connection to the store at ``path``.

    Writable (the default): the file and its schema are created when missing, and a store
    of an older schema version is upgraded. Read-only: opened with a ``mode=ro`` URI, so
    nothing can be written through it; the file must exist and be of this version.
    Rows come back as :class:`sqlite3.Row`. A writer waits up to ``lock_timeout`` seconds
    for another process's write lock (see :class:`transaction`). Raises :class:`StoreError`.
    """
    path = Path(path)
    if readonly:
        if not path.is_file():
            raise StoreError(f"{path}: no such store (create it with `marsad ingest`)")
        conn = _connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        conn.path = str(path)
        check_version(conn, path)
        return conn
    try:
        conn = _connect(str(path))
        conn.path, conn.lock_timeout = str(path), lock_timeout
        conn.execute(f"PRAGMA busy_timeout = {int(min(BUSY_TIMEOUT, lock_timeout) * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL keeps the file consistent on a crash
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    _create(conn, path)
    return conn


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(target, uri=uri, check_same_thread=False, isolation_level=None,
                               factory=StoreConnection)
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: cannot open the store: {exc}") from None
    conn.row_factory = sqlite3.Row
    # fold(x): the search key of x, for matching text that is not in the full-text index
    conn.create_function("fold", 1, lambda text: search_fold(text) if text else "", deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    return conn


def _create(conn: sqlite3.Connection, path: Path) -> None:
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            found = _version(conn)
            if found != SCHEMA_VERSION and found in UPGRADES:
                _upgrade(conn)
            check_version(conn, path)
            _add_indexes(conn)
            return
        with transaction(conn):
            for statement in _statements(ALL):
                conn.execute(statement)
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (SCHEMA_VERSION,))
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('record_schema', 'marsad/1')")
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise StoreError(failure(conn, exc)) from None
        raise StoreError(f"{path}: not a marsad store, or it cannot be written: {exc}") from None


def _add_indexes(conn: sqlite3.Connection) -> None:
    """Indexes added to the schema since the store was made (all are IF NOT EXISTS), and
    those they supersede dropped."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [s for s in _statements(INDEXES) if s.split()[5] not in have]
    gone = [name for name in SUPERSEDED_INDEXES if name in have]
    if missing or gone:
        with transaction(conn):
            for statement in missing:
                conn.execute(statement)
            for name in gone:
                conn.execute(f"DROP INDEX IF EXISTS {name}")


def _statements(script: str) -> list[str]:
    """Split a script of DDL into statements (``executescript`` would commit on its own)."""
    out, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        buf.append(line)
        if sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf).strip())
            buf = []
    return [s for s in out if s]


def check_version(conn: sqlite3.Connection, path: Union[str, Path]) -> None:
    """Raise :class:`StoreError` unless the store was written with this schema version."""
    try:
        found = _version(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a marsad store: {exc}") from None
    if found in UPGRADES:
        raise StoreError(f"{path}: store schema version {found}, written by an older marsad; "
                         f"any command that writes to it upgrades it to version {SCHEMA_VERSION} "
                         f"(e.g. `marsad ingest --db {path} --records /dev/null`)")
    if found != SCHEMA_VERSION:
        raise StoreError(f"{path}: store schema version {found or 'none'}, this marsad reads "
                         f"version {SCHEMA_VERSION}")


def _version(conn: sqlite3.Connection) -> Optional[str]:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row[0] if row else None


def _upgrade(conn: sqlite3.Connection) -> None:
    """Bring a store of an older version to :data:`SCHEMA_VERSION`, in one transaction."""
    with transaction(conn):
        version = _version(conn)  # another process may have upgraded it meanwhile
        if version == SCHEMA_VERSION:
            return
        reindex = version in REINDEX_FROM
        stories = int(version) < 4
        rekey = int(version) < 5
        summarise = int(version) < 7  # versions 6 and 7 count each actor's values (actor_values)
        while version != SCHEMA_VERSION:
            for statement in _statements(UPGRADES[version]):
                conn.execute(statement)
            version = str(int(version) + 1)
        _fill_event_dates(conn)
        if reindex:
            _reindex(conn)
        if rekey:  # every store before version 5 (and so every one reindexed)
            _rekey_actors(conn)
        if summarise:
            _refresh_all_actors(conn)
        for statement in _statements(INDEXES + VIEWS):
            conn.execute(statement)
        if stories:  # version 4 groups the stored articles into stories
            from marsad.store.story_store import rebuild

            rebuild(conn)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,))


def _fill_event_dates(conn: sqlite3.Connection) -> None:
    """Set the precision and the first and last day of each event's ``day`` (version 2)."""
    from marsad.periods import iso_bounds, precision_of

    rows = conn.execute("SELECT rowid, day FROM events WHERE date_start IS NULL").fetchall()
    conn.executemany("UPDATE events SET date_precision = ?, date_start = ?, date_end = ? WHERE rowid = ?",
                     [(precision_of(day), *iso_bounds(day), rowid) for rowid, day in rows])


def _reindex(conn: sqlite3.Connection) -> None:
    """Compute every article's full-text index row again (version 3 folds hamza seats)."""
    rows = conn.execute("SELECT search_rowid, title, text FROM articles")
    update = conn.cursor()
    for rowid, title, text in rows:
        update.execute("UPDATE articles_fts SET title = ?, body = ?, extra = ? WHERE rowid = ?",
                       (*index_fields(title, text or ""), rowid))


def _rekey_actors(conn: sqlite3.Connection) -> None:
    """Compute every entity's actor key again (version 5 keys an actor named only by its
    role by its country too: :func:`marsad.store.keys.actor_key`)."""
    rows = conn.execute("SELECT rowid, name, name_en, role, country, actor_key FROM entities").fetchall()
    changed = [(key, r[0]) for r in rows if (key := actor_key(r[1], r[2], r[3], r[4])) != r[5]]
    conn.executemany("UPDATE entities SET actor_key = ? WHERE rowid = ?", changed)


def _refresh_all_actors(conn: sqlite3.Connection) -> None:
    """Summarise every actor again (version 3 counts mentions, quotes and events; version 5
    keys role-named actors by country; versions 6 and 7 count their values in ``actor_values``)."""
    keys = json.dumps([r[0] for r in conn.execute("SELECT DISTINCT actor_key FROM entities")],
                      ensure_ascii=False)
    conn.execute("DELETE FROM actors")
    conn.execute("DELETE FROM actor_values")
    for statement in REFRESH_ACTORS.strip().split(";\n"):
        conn.execute(statement, (keys,))


class transaction:
    """``with transaction(conn):`` runs the block in one write transaction (BEGIN IMMEDIATE),
    committed at the end or rolled back on an exception. While another process holds the
    write lock, BEGIN is tried again with a growing pause (SQLite waits ``busy_timeout``
    each time) until the connection's ``lock_timeout`` has passed; then :class:`StoreError`."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        patience = getattr(self.conn, "lock_timeout", LOCK_TIMEOUT)
        started, pause = time.monotonic(), 0.05
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return self.conn
            except sqlite3.OperationalError as exc:
                waited = time.monotonic() - started
                if not _busy(exc) or waited >= patience:
                    raise StoreError(failure(self.conn, exc, waited)) from None
            time.sleep(min(pause * (1 + random.random()), max(0.0, patience - waited)))
            pause = min(pause * 2, 2.0)

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            self.conn.execute("COMMIT")
            return
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite already rolled back (a full disk, an I/O error): keep the first error


def _busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def failure(conn: sqlite3.Connection, exc: sqlite3.Error, waited: float = 0.0) -> str:
    """One line naming the store and why SQLite failed on it."""
    path = getattr(conn, "path", "") or "the store"
    if _busy(exc):
        return (f"{path}: the store is locked by another process writing to it; gave up after "
                f"{waited:.0f} s (wait longer with --lock-timeout)")
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    reason = {sqlite3.SQLITE_FULL: "the disk is full",
              sqlite3.SQLITE_CORRUPT: "the store file is damaged",
              sqlite3.SQLITE_NOTADB: "not a SQLite database",
              sqlite3.SQLITE_IOERR: "a disk read or write failed",
              sqlite3.SQLITE_READONLY: "the store is read-only",
              sqlite3.SQLITE_CANTOPEN: "the store cannot be opened"}.get(code)
    return f"{path}: {reason} ({exc})" if reason else f"{path}: {exc}"


@contextmanager
def store_errors(conn: sqlite3.Connection) -> Iterator[None]:
    """Turn any SQLite error in the block into :class:`StoreError` (see :func:`failure`)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise StoreError(failure(conn, exc)) from None
