"""What the endpoints of :mod:`marsad.web.api` and :mod:`marsad.web.pages` depend on: the
store's read-only connection. Kept apart from :mod:`marsad.web.app`, which imports them."""
from __future__ import annotations

import sqlite3

from fastapi import Request

from marsad.store.db import open_store


def connection(request: Request) -> sqlite3.Connection:
    """The read-only connection of the calling thread, opened once and reused (each
    statement reads a fresh snapshot of the store).

    Quick endpoints are ``async`` and run on the event loop's thread; endpoints with heavy
    aggregates are plain functions, which FastAPI runs in its thread pool, so they never
    hold up the others (SQLite works outside the GIL)."""
    local = request.app.state.local
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = open_store(request.app.state.db_path, readonly=True)
    return conn
