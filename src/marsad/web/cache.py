"""A response cache for the read-only server.

The store does not change under the server (it is opened read-only; `marsad ingest` writes
from another process), so the answer to a GET depends only on its URL and on the state of
the database file. Successful GET responses are kept, up to ``size`` of them, and served
again while the database files (the SQLite file and its WAL) keep their size and
modification time; any write by an ingest empties the cache.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from typing import Any, Callable

MAX_BODY = 512 * 1024  # larger responses are not kept


class ResponseCache:
    """ASGI middleware caching successful GET responses, keyed by path and query string."""

    def __init__(self, app: Callable, db_path: str, size: int = 1024):
        self.app = app
        self.files = [db_path, db_path + "-wal"]
        self.size = size
        self.entries: OrderedDict[bytes, tuple[dict, list[dict]]] = OrderedDict()
        self.stamp: tuple = ()

    def _db_stamp(self) -> tuple:
        stamp = []
        for path in self.files:
            try:
                st = os.stat(path)
                stamp.append((st.st_size, st.st_mtime_ns))
            except FileNotFoundError:
                stamp.append(None)
        return tuple(stamp)

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return await self.app(scope, receive, send)
        stamp = self._db_stamp()
        if stamp != self.stamp:
            self.entries.clear()
            self.stamp = stamp
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            start, bodies = hit
            await send(start)
            for message in bodies:
                await send(message)
            return
        messages: list[dict[str, Any]] = []

        async def keep(message: dict) -> None:
            messages.append(message)
            await send(message)

        await self.app(scope, receive, keep)
        if messages and messages[0].get("status") == 200 and _complete(messages):
            self.entries[key] = (messages[0], messages[1:])
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)


def _complete(messages: list[dict]) -> bool:
    """One start message and body messages ending the response, small enough to keep."""
    bodies = messages[1:]
    size = sum(len(m.get("body", b"")) for m in bodies)
    return (messages[0]["type"] == "http.response.start" and bool(bodies)
            and not bodies[-1].get("more_body", False) and size <= MAX_BODY)
