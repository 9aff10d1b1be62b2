"""Opening a marsad store: one SQLite file in WAL mode with foreign keys on."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Union

from marsad.errors import MarsadError
from marsad.store.schema import ALL, SCHEMA_VERSION

DEFAULT_DB = "marsad.db"


class StoreError(MarsadError):
    """A store that cannot be opened, or was written by an incompatible version."""


def open_store(path: Union[str, Path], readonly: bool = False) -> sqlite3.Connection:
    """A connection to the store at ``path``.

    Writable (the default): the file and its schema are created when missing. Read-only:
    opened with a ``mode=ro`` URI, so nothing can be written through it; the file must exist.
    Rows come back as :class:`sqlite3.Row`. Raises :class:`StoreError`.
    """
    path = Path(path)
    if readonly:
        if not path.is_file():
            raise StoreError(f"{path}: no such store (create it with `marsad ingest`)")
        conn = _connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        check_version(conn, path)
        return conn
    try:
        conn = _connect(str(path))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL keeps the file consistent on a crash
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    _create(conn, path)
    return conn


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(target, uri=uri, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: cannot open the store: {exc}") from None
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def _create(conn: sqlite3.Connection, path: Path) -> None:
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            check_version(conn, path)
            return
        with transaction(conn):
            for statement in _statements(ALL):
                conn.execute(statement)
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (SCHEMA_VERSION,))
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('record_schema', 'marsad/1')")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a marsad store, or it cannot be written: {exc}") from None


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
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a marsad store: {exc}") from None
    if row is None or row[0] != SCHEMA_VERSION:
        found = row[0] if row else "none"
        raise StoreError(f"{path}: store schema version {found}, this marsad reads version "
                         f"{SCHEMA_VERSION}")


class transaction:
    """``with transaction(conn):`` runs the block in one write transaction (BEGIN IMMEDIATE),
    committed at the end or rolled back on an exception."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind, exc, tb) -> None:
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")
