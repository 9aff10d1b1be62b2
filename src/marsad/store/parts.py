"""A long article a part at a time, for the pages that show it: its length, its record
without the text, and one part of the text with the mentions inside it. What reads the
whole text or the whole record is done by SQLite (``length``, ``substr``, its JSON
functions), which runs without Python's lock, so a server answering other requests
meanwhile is not held up (docs/store.md, "Bounded work per request")."""
from __future__ import annotations

import json
import sqlite3
from typing import Optional

# The record of a long article without its text or its entities' mentions, put together by
# SQLite (which runs without Python's lock: other requests go on meanwhile) in one pass over
# the record's JSON; ``n_mentions`` counts an entity's mentions.
_PART_KEYS = ("schema", "quotes", "events", "dates", "places", "errors", "meta")
_OUTLINE = f"""
SELECT a.id, a.url, a.outlet, a.title, a.published, a.author,
       json_extract(a.record_json, {", ".join(f"'$.{k}'" for k in _PART_KEYS)}),
       (SELECT json_group_array(json_set(json_remove(e.value, '$.mentions'), '$.n_mentions',
                                         json_array_length(e.value, '$.mentions')))
        FROM json_each(a.record_json, '$.entities') e WHERE e.type = 'object'),
       length(a.text)
FROM articles a WHERE a.id = ?"""


def text_length(conn: sqlite3.Connection, article_id: str) -> Optional[int]:
    """The length of an article's text in characters (counted by SQLite: the text is not
    read into Python), or None when there is no such article."""
    row = conn.execute("SELECT length(text) FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def article_outline(conn: sqlite3.Connection, article_id: str) -> Optional[tuple[dict, int]]:
    """``(record, length)`` of a long article, for its pages: the record without its text,
    and with ``n_mentions`` instead of each entity's mentions (``actor_key`` added as in
    :func:`marsad.store.queries.get_article`); ``length`` that of its text. The work done in Python grows with
    the record's quotes, events and entities, not with its text. None when there is no
    such article."""
    row = conn.execute(_OUTLINE, (article_id,)).fetchone()
    if row is None:
        return None
    record = dict(zip(("id", "url", "outlet", "title", "published", "author"), row[:6]))
    record.update(zip(_PART_KEYS, json.loads(row[6])))
    record["entities"] = json.loads(row[7] or "[]")
    keys = dict(conn.execute("SELECT entity_id, actor_key FROM entities WHERE article_id = ?",
                             (article_id,)).fetchall())
    for ent in record["entities"]:
        ent["actor_key"] = keys.get(ent.get("id"))
    return record, row[8]


def text_part(conn: sqlite3.Connection, article_id: str, start: int,
              size: int) -> tuple[str, list[tuple[str, int, int]]]:
    """The characters ``start`` to ``start + size`` of an article's text, and the
    ``(entity_id, start, end)`` of the body mentions that overlap them (article offsets)."""
    row = conn.execute("SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                       (start + 1, size, article_id)).fetchone()
    mentions = conn.execute(
        'SELECT entity_id, start, "end" FROM mentions WHERE article_id = ? '
        "AND (field IS NULL OR field = 'text') "
        'AND start < ? AND "end" > ? ORDER BY start', (article_id, start + size, start)).fetchall()
    return (row[0] or "") if row else "", [tuple(m) for m in mentions]
