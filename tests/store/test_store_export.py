"""Export: events in the event-data shape, every table in csv, jsonl and parquet."""
from __future__ import annotations

import csv
import io
import json

import pytest
from store_fixtures import synthetic_record

from marsad.store import ingest_records, open_store
from marsad.store.export import TABLES, ExportError, export

EVENT_COLUMNS = ["article_id", "event_index", "date", "date_precision", "date_start", "date_end",
                 "source_name", "source_name_en",
                 "source_country", "source_sector", "type", "mode", "target_name",
                 "target_name_en", "target_country", "target_sector", "place", "place_country",
                 "lat", "lon", "outlet", "url", "evidence", "story", "story_articles",
                 "story_outlets"]


@pytest.fixture()
def conn(tmp_path):
    c = open_store(tmp_path / "s.db")
    ingest_records(c, [synthetic_record()])
    return c


def test_store_export_events_csv(conn):
    out = io.StringIO()
    assert export(conn, "events", "csv", out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue().removeprefix("\ufeff"))))
    assert list(rows[0]) == EVENT_COLUMNS
    assert rows[0]["source_country"] == "RUS" and rows[0]["type"] == "SUPPORT"
    assert rows[0]["target_country"] == "PRK" and rows[0]["lat"] == "55.75"
    assert rows[0]["place"] == "موسكو" and rows[0]["url"] == "https://example.org/a?x=1&y=<2>"


@pytest.mark.parametrize("table", TABLES)
def test_store_export_jsonl(conn, table):
    out = io.StringIO()
    assert export(conn, table, "jsonl", out) >= 1
    first = json.loads(out.getvalue().splitlines()[0])
    if table == "articles":
        assert first == synthetic_record()  # the marsad/1 record as stored
    elif table == "stories":
        assert first["id"] == "synth-1" and json.loads(first["article_ids"]) == ["synth-1"]
    elif table == "story_events":
        assert first["story_id"] == "synth-1" and first["articles"] == 1
    else:
        assert first["article_id"] == "synth-1"


@pytest.mark.parametrize("table", TABLES)
def test_store_export_parquet(conn, table, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / f"{table}.parquet"
    n = export(conn, table, "parquet", str(path))
    got = pq.read_table(path)
    assert got.num_rows == n >= 1
    if table == "events":
        assert got.column_names == EVENT_COLUMNS
        assert got.column("lat").to_pylist() == [55.75]


def test_store_export_empty_and_unknown(tmp_path):
    conn = open_store(tmp_path / "e.db")
    out = io.StringIO()
    assert export(conn, "events", "csv", out) == 0
    assert out.getvalue().startswith("\ufeffarticle_id,")
    with pytest.raises(ExportError):
        export(conn, "secrets", "csv", out)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_store_export_csv_neutralises_formulas(tmp_path, start):
    # OWASP CSV injection: a cell a spreadsheet would evaluate gets a leading single quote.
    conn = open_store(tmp_path / "f.db")
    record = synthetic_record()
    record.update(title=start + 'HYPERLINK("http://evil.example","x")', author="@SUM(A1)",
                  url="-1+2", outlet="okaz")
    ingest_records(conn, [record])
    out = io.StringIO()
    export(conn, "articles", "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert row["title"] == "'" + record["title"]
    assert row["author"] == "'@SUM(A1)" and row["url"] == "'-1+2"
    assert row["outlet"] == "okaz" and row["n_errors"] == "0"  # other cells as they are
    out = io.StringIO()
    export(conn, "articles", "jsonl", out)  # JSON Lines keeps the text as it is
    assert json.loads(out.getvalue().splitlines()[0])["title"] == record["title"]
