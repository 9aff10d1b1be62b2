"""Export a store's tables as CSV, JSON Lines or Parquet.

Events come in the usual event-data shape (one row per event: date, source actor, type,
mode, target actor, place, evidence); ``articles`` as JSON Lines are the marsad/1 records
exactly as stored.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from typing import IO, Iterator

from marsad.errors import MarsadError

TABLES = ("events", "quotes", "entities", "articles", "stories", "story_events")
FORMATS = ("csv", "jsonl", "parquet")

QUERIES = {
    "events": """SELECT article_id, event_index, date, date_precision, date_start, date_end,
        source_name, source_name_en, source_country,
        source_sector, type, mode, target_name, target_name_en, target_country, target_sector,
        place_name AS place, place_country, lat, lon, outlet, url, evidence,
        story, story_articles, story_outlets
        FROM events_story_view ORDER BY date_start, article_id, event_index""",
    "quotes": """SELECT article_id, quote_index, published, outlet, kind, speaker_name,
        speaker_name_en, speaker_country, speaker_sector, speaker_text, cue, content, url
        FROM quotes_view ORDER BY published, article_id, quote_index""",
    "entities": """SELECT e.article_id, e.entity_id, e.label, e.name, e.name_en, e.country,
        e.sector, e.role, e.actor_key,
        (SELECT COUNT(*) FROM mentions m WHERE m.article_id = e.article_id
           AND m.entity_id = e.entity_id) AS mentions
        FROM entities e ORDER BY e.article_id, e.entity_id""",
    "articles": """SELECT a.id, a.published, a.outlet, a.url, a.title, a.author, a.text, a.n_errors,
        (SELECT COUNT(*) FROM entities x WHERE x.article_id = a.id) AS entities,
        (SELECT COUNT(*) FROM quotes x WHERE x.article_id = a.id) AS quotes,
        (SELECT COUNT(*) FROM events x WHERE x.article_id = a.id) AS events
        FROM articles a ORDER BY a.published, a.id""",
    "stories": """SELECT s.id, s.title, s.first, s.last, s.articles, s.outlets, s.events, s.quotes,
        (SELECT json_group_array(m.article_id) FROM (SELECT x.article_id FROM story_members x
           JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id
           ORDER BY COALESCE(a.published, '~'), a.id) m) AS article_ids
        FROM stories s ORDER BY s.first, s.id""",
    "story_events": """SELECT story_id, source, source_name, source_country, type, target,
        target_name, target_country, articles, outlets, first_date, first_article, evidence
        FROM story_events ORDER BY first_date, story_id, source, type, target""",
}
_FLOAT = {"lat", "lon"}
_INT = {"event_index", "quote_index", "n_errors", "entities", "quotes", "events", "mentions",
        "articles", "outlets", "story_articles", "story_outlets"}


class ExportError(MarsadError):
    """A table or format that cannot be exported."""


def rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple]]:
    """Column names and rows of an export table."""
    if table not in QUERIES:
        raise ExportError(f"no table {table!r} to export (choose from {', '.join(TABLES)})")
    cur = conn.execute(QUERIES[table])
    return [d[0] for d in cur.description], iter(cur)


def export(conn: sqlite3.Connection, table: str, fmt: str, out) -> int:
    """Write ``table`` to ``out`` (a text stream for csv/jsonl, a path or binary stream for
    parquet) and return the number of rows."""
    if fmt == "jsonl" and table == "articles":
        return _records_jsonl(conn, out)
    columns, data = rows(conn, table)
    if fmt == "csv":
        return _csv(columns, data, out)
    if fmt == "jsonl":
        return _jsonl(columns, data, out)
    if fmt == "parquet":
        return _parquet(columns, data, out)
    raise ExportError(f"no export format {fmt!r} (choose from {', '.join(FORMATS)})")


# A cell a spreadsheet would run as a formula (OWASP, "CSV Injection"): text beginning with
# one of these characters gets a single quote before it, which shows it as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A value as a CSV cell: None empty, text that starts like a formula neutralised."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv(columns: list[str], data, out: IO[str]) -> int:
    out.write("\ufeff")  # a UTF-8 BOM: without it Excel reads the Arabic as Windows-1252
    writer = csv.writer(out)
    writer.writerow(columns)
    n = 0
    for n, row in enumerate(data, 1):
        writer.writerow([csv_cell(v) for v in row])
    return n


def _jsonl(columns: list[str], data, out: IO[str]) -> int:
    n = 0
    for n, row in enumerate(data, 1):
        out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    return n


def _records_jsonl(conn: sqlite3.Connection, out: IO[str]) -> int:
    n = 0
    for n, (raw,) in enumerate(conn.execute("SELECT record_json FROM articles ORDER BY published, id"), 1):
        out.write(raw + "\n")
    return n


def _parquet(columns: list[str], data, out, batch: int = 10_000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet export needs pyarrow: pip install 'marsad[parquet]'") from None
    schema = pa.schema([(c, pa.float64() if c in _FLOAT else pa.int64() if c in _INT else pa.string())
                        for c in columns])
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[tuple] = []
        for row in data:
            chunk.append(row)
            if len(chunk) >= batch:
                writer.write_table(_table(pa, schema, columns, chunk))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(_table(pa, schema, columns, chunk))
            n += len(chunk)
    return n


def _table(pa, schema, columns: list[str], chunk: list[tuple]):
    arrays = {c: [r[i] for r in chunk] for i, c in enumerate(columns)}
    return pa.Table.from_pydict(arrays, schema=schema)
