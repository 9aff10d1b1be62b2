"""Events dated by a day, a week, a month or a year: stored with their precision and days,
ordered and filtered by time, not as text; date filters that are no real date are refused;
a store of schema version 1 is upgraded when opened for writing."""
from __future__ import annotations

import pytest
from dated_records import EVENTS, NEWEST_FIRST, dated_records
from store_fixtures import AS_VERSION_2

from marsad.store import StoreError, ingest_records, open_store
from marsad.store.queries import Filters, FilterError, event_timeline, list_events, list_quotes, search_articles
from marsad.store.schema import SCHEMA_VERSION


@pytest.fixture()
def conn(tmp_path):
    c = open_store(tmp_path / "dated.db")
    ingest_records(c, dated_records())
    return c


def _ids(page) -> list[str]:
    return [row["article_id"] for row in page.items]


def test_store_event_dates_columns(conn):
    rows = {r["article_id"]: tuple(r)[1:] for r in conn.execute(
        "SELECT article_id, date, day, date_precision, date_start, date_end FROM events")}
    assert rows["d-week"] == ("2015-W29", "2015-W29", "week", "2015-07-13", "2015-07-19")
    assert rows["d-month"] == ("2015-07", "2015-07", "month", "2015-07-01", "2015-07-31")
    assert rows["d-year"] == ("2015", "2015", "year", "2015-01-01", "2015-12-31")
    assert rows["d-none"] == (None, "2015-08-01", "day", "2015-08-01", "2015-08-01")  # published


def test_store_event_dates_newest_first_by_time_not_text(conn):
    assert _ids(list_events(conn)) == NEWEST_FIRST
    view = conn.execute("SELECT date, date_precision, date_start, date_end FROM events_view"
                        " WHERE article_id = 'd-week'").fetchone()
    assert tuple(view) == ("2015-W29", "week", "2015-07-13", "2015-07-19")


@pytest.mark.parametrize("since, until, expected", [
    ("2015-07-21", None, ["d-day-oct", "d-none", "d-day-jul"]),      # the week ended on the 19th
    ("2015-07-13", "2015-07-19", ["d-week"]),                         # all of week 29
    ("2015-07-14", "2015-07-19", []),                                 # a part of it: not known to be in
    ("2015-07-01", "2015-07-31", ["d-day-jul", "d-week", "d-month"]),
    (None, "2015-07-31", ["d-day-jul", "d-week", "d-month"]),
    ("2015-07", "2015-07", ["d-day-jul", "d-week", "d-month"]),     # a month: its first and last day
    ("2015", None, NEWEST_FIRST),
])
def test_store_event_dates_filter_by_days(conn, since, until, expected):
    page = list_events(conn, Filters(since=since, until=until))
    assert _ids(page) == expected and page.total == len(expected)


def test_store_event_dates_type_filter_and_timeline(conn):
    assert _ids(list_events(conn, Filters(type="COOPERATE"))) == ["d-day-jul", "d-week"]
    assert event_timeline(conn) == [("2015-01-01", "year", 1), ("2015-07-01", "month", 1),
                                     ("2015-07-13", "week", 1), ("2015-07-21", "day", 1),
                                     ("2015-08-01", "day", 1), ("2015-10-15", "day", 1)]


@pytest.mark.parametrize("bad", ["2015-13-01", "2015-99-99", "2015-02-30", "yesterday", "2015-W54"])
def test_store_event_dates_bad_filter_is_a_named_error(conn, bad):
    with pytest.raises(FilterError, match="not a date"):
        Filters(since=bad)
    with pytest.raises(FilterError):
        Filters(until=bad)
    with pytest.raises(FilterError):
        list_quotes(conn, since=bad)


def test_store_event_dates_article_filter_takes_periods(conn):
    assert search_articles(conn, "", Filters(since="2015-08", until="2015-08")).total == 3


# --- a store written by marsad before version 2 -------------------------------------------
V1_VIEW = """CREATE VIEW events_view AS
SELECT e.article_id, e.event_index, e.day AS date,
       src.name AS source_name, src.name_en AS source_name_en, src.actor_key AS source_actor,
       e.source_country, e.source_sector, e.type, e.mode,
       tgt.name AS target_name, tgt.name_en AS target_name_en, tgt.actor_key AS target_actor,
       e.target_country, e.target_sector, e.place_name, e.place_country, e.lat, e.lon,
       a.published, a.outlet, a.url, a.title, e.evidence_text AS evidence
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN entities src ON src.article_id = e.article_id AND src.entity_id = e.source_entity
LEFT JOIN entities tgt ON tgt.article_id = e.article_id AND tgt.entity_id = e.target_entity"""


def _as_version_1(path) -> None:
    """Turn the store at ``path`` into what marsad wrote with schema version 1."""
    c = open_store(path)
    for statement in AS_VERSION_2 + ("DROP VIEW events_story_view", "DROP VIEW events_view",
                                     "DROP INDEX events_start",
                      "ALTER TABLE events DROP COLUMN date_precision",
                      "ALTER TABLE events DROP COLUMN date_start", "ALTER TABLE events DROP COLUMN date_end",
                      "CREATE INDEX events_day ON events(day, article_id, event_index)", V1_VIEW,
                      "UPDATE meta SET value = '1' WHERE key = 'schema_version'"):
        c.execute(statement)
    c.close()


def test_store_event_dates_version_1_is_upgraded_when_opened_for_writing(tmp_path):
    path = tmp_path / "old.db"
    ingest_records(open_store(path), dated_records()[:3])
    _as_version_1(path)
    with pytest.raises(StoreError, match="older marsad.*marsad ingest"):
        open_store(path, readonly=True)
    c = open_store(path)  # upgrades
    assert c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION == "7"
    assert _ids(list_events(c)) == ["d-day-oct", "d-week", "d-month"]
    ingest_records(c, dated_records()[3:])
    assert _ids(list_events(c)) == NEWEST_FIRST
    names = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "events_start" in names and "events_day" not in names
    c.close()
    ro = open_store(path, readonly=True)
    assert _ids(list_events(ro, Filters(since="2015-07-13", until="2015-07-19"))) == ["d-week"]


def test_store_event_dates_records_without_precision_are_stored_as_read(conn):
    import json

    raw = json.loads(conn.execute("SELECT record_json FROM articles WHERE id = 'd-week'").fetchone()[0])
    assert "date_precision" not in raw["events"][0]  # the record is kept exactly as given
    assert len(EVENTS) == conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
