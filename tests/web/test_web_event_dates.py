"""Pages and API over events dated by a day, a week, a month or a year (issue #20: a week
sorted as text broke the timeline with a 500 and showed as «W29-2015»), and date filters
that are no real day (a 422, not an empty 200)."""
from __future__ import annotations

import re

import pytest
from dated_records import NEWEST_FIRST, dated_records

from marsad.store import ingest_records, open_store
from marsad.web import charts


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    path = tmp_path_factory.mktemp("dated") / "dated.db"
    conn = open_store(path)
    ingest_records(conn, dated_records())
    conn.close()
    with TestClient(create_app(path, cache_size=0), base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("url", ["/events", "/events?since=2015-07-21", "/events?type=COOPERATE",
                                 "/events?since=2015-07-13&until=2015-07-19", "/events?until=2015-07-01",
                                 "/network?since=2015-07-21", "/actors/SAU", "/articles/d-week",
                                 "/search?since=2015-07-21"])
def test_web_event_dates_pages_render(dated, url):
    r = dated.get(url)
    assert r.status_code == 200, r.text[:300]
    assert "W29" not in r.text  # a week reads «الأسبوع 29 من 2015», never «W29-2015»


def test_web_event_dates_week_reads_in_arabic(dated):
    html = dated.get("/events").text
    assert re.search(r'<td class="nowrap" title="2015-07-13 – 2015-07-19">الأسبوع 29 من 2015</td>', html)
    assert ">يوليو 2015</td>" in html and ">2015</td>" in html and ">2015-10-15</td>" in html
    assert "الأسبوع 29 من 2015" in dated.get("/articles/d-week").text


def test_web_event_dates_timeline_covers_the_real_range(dated):
    html = dated.get("/events").text
    ticks = re.findall(r'class="tick" text-anchor="(?:start|end)">([^<]+)<', html)
    assert ticks == ["2015-07-21", "2015-10-15"]  # the days drawn, oldest to newest
    assert "لا يظهر في الرسم 3" in html  # the week, the month and the year are counted apart


def test_web_event_dates_api_newest_first(dated):
    items = dated.get("/api/events").json()["items"]
    assert [i["article_id"] for i in items] == NEWEST_FIRST
    week = next(i for i in items if i["article_id"] == "d-week")
    assert (week["date"], week["date_precision"], week["date_start"], week["date_end"]) == (
        "2015-W29", "week", "2015-07-13", "2015-07-19")
    since = dated.get("/api/events", params={"since": "2015-07-21"}).json()
    assert [i["article_id"] for i in since["items"]] == ["d-day-oct", "d-none", "d-day-jul"]
    assert dated.get("/api/network", params={"since": "2015-07-21"}).status_code == 200


@pytest.mark.parametrize("url", ["/api/articles", "/api/events", "/api/quotes", "/api/network"])
@pytest.mark.parametrize("bad", ["2015-13-01", "2015-99-99", "2015-02-30"])
def test_web_event_dates_api_bad_day_is_422(dated, url, bad):
    for name in ("since", "until"):
        r = dated.get(url, params={name: bad})
        assert r.status_code == 422 and "not a date" in r.json()["detail"]


@pytest.mark.parametrize("url", ["/events", "/search", "/network"])
def test_web_event_dates_page_bad_day_is_422(dated, url):
    r = dated.get(url, params={"since": "2015-99-99"})
    assert r.status_code == 422 and 'dir="rtl"' in r.text and "not a date" in r.text


@pytest.mark.parametrize("value, label", [
    ("2015-07-21", "2015-07-21"), ("2015-W29", "الأسبوع 29 من 2015"), ("2015-W01", "الأسبوع 1 من 2015"),
    ("2015-07", "يوليو 2015"), ("2015", "2015"), (None, ""), ("قريبا", "قريبا"),
])
def test_web_event_dates_label(value, label):
    assert charts.date_label(value) == label


def test_web_event_dates_timeline_units():
    # a daily chart draws days; a week, month or year is counted apart
    chart = charts.timeline([("2015-07-13", "week", 2), ("2015-07-21", "day", 1), ("2015-07-23", "day", 4)])
    assert (chart["first"], chart["last"], chart["unit"], chart["undrawn"]) == ("2015-07-21", "2015-07-23", "day", 2)
    assert [b["n"] for b in chart["bars"]] == [1, 0, 4]
    # beyond 180 days a monthly chart: weeks and months drawn at their first day, a year not
    chart = charts.timeline([("2015-01-01", "year", 5), ("2015-03-08", "day", 1),
                             ("2015-07-13", "week", 2), ("2015-10-15", "day", 1)])
    assert (chart["first"], chart["last"], chart["unit"], chart["undrawn"]) == ("2015-03", "2015-10", "month", 5)
    assert sum(b["n"] for b in chart["bars"]) == 4
    # only periods on a short range: nothing drawn, no division by zero
    assert charts.timeline([("2015-07-13", "week", 2)]) == {
        "bars": [], "width": 800, "height": 140, "max": 0, "undrawn": 2}
    assert charts.timeline([])["bars"] == []
