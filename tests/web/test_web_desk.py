"""The analyst's desk (issue #20): facets beside search and events, downloads of every list,
Arabic labels, the quotes, outlets, places, attention and map pages."""
from __future__ import annotations

import csv
import html as htmllib
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from marsad.store import desk, facets
from marsad.store.db import open_store
from marsad.store.queries import Filters, list_events, search_articles
from marsad.web import labels, maps


@pytest.fixture(scope="module")
def conn(web_db):
    c = open_store(web_db, readonly=True)
    yield c
    c.close()


def _facet_links(text: str, name: str) -> list[str]:
    box = re.search(rf'<section class="facet facet-{name}">(.*?)</section>', text, re.S)
    assert box, f"no {name} facet"
    return [htmllib.unescape(h) for h in re.findall(r'<a href="([^"]+)"', box.group(1))]


def test_web_desk_search_facets_narrow_to_their_count(client, conn):
    r = client.get("/search", params={"q": "بوتين"})
    assert r.status_code == 200
    for name in ("outlet", "type", "country", "actor", "day"):
        assert f"facet-{name}" in r.text
    found = {f.name: f for f in facets.article_facets(conn, "بوتين")}
    assert found["country"].values and found["day"].values and found["outlet"].values
    # each link narrows the list to as many articles as the facet counted
    for name in ("outlet", "type", "country", "day"):
        value, n = found[name].values[0]
        link = _facet_links(r.text, name)[0]
        params = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
        assert params["q"] == "بوتين"
        page = search_articles(conn, params.pop("q"), Filters(
            params.get("actor"), params.get("type"), params.get("since"), params.get("until"),
            params.get("outlet"), params.get("country")))
        assert page.total == n, (name, value, link)
        assert client.get(link).status_code == 200


def test_web_desk_event_facets_count_what_the_filter_keeps(client, conn):
    r = client.get("/events")
    assert r.status_code == 200 and "facet-type" in r.text
    by_name = {f.name: f for f in facets.event_facets(conn)}
    for name, param in (("type", "type"), ("country", "country"), ("outlet", "outlet")):
        value, n = by_name[name].values[0]
        assert list_events(conn, Filters(**{param: value})).total == n, name
    day, n = by_name["day"].values[0]
    assert list_events(conn, Filters(since=day, until=day)).total == n
    value, n = by_name["actor"].values[0]
    assert n >= 1 and client.get("/events", params={"actor": value}).status_code == 200
    assert _facet_links(r.text, "type")[0].startswith("/events?type=")


def test_web_desk_facet_gives_up_past_its_budget(conn, monkeypatch):
    monkeypatch.setattr(facets, "STEPS", 1)  # look at the clock at every step
    out = facets.article_facets(conn, "", Filters(country="RUS"), budget_ms=0)
    assert out and all(f.timed_out and not f.values for f in out)
    assert all(f.timed_out for f in facets.event_facets(conn, budget_ms=0))
    monkeypatch.undo()
    assert not any(f.timed_out for f in facets.article_facets(conn, "", Filters(country="RUS")))


@pytest.mark.parametrize("path", ["/search?q=بوتين", "/events", "/actors", "/quotes", "/outlets",
                                  "/places", "/attention?q=بوتين&q=كيم", "/map", "/map?what=places",
                                  "/network", "/actors/vladimir%20putin"])
def test_web_desk_downloads_csv_and_json(client, path):
    page = client.get(path)
    assert page.status_code == 200 and "format=csv" in page.text  # the page offers them
    sep = "&" if "?" in path else "?"
    data = client.get(path + sep + "format=json")
    assert data.status_code == 200 and data.headers["content-type"].startswith("application/json")
    items = data.json()["items"]
    assert items, path
    table = client.get(path + sep + "format=csv")
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    assert "attachment" in table.headers["content-disposition"]
    text = table.content.decode("utf-8")
    assert text.startswith("\ufeff")  # a BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == len(items) and list(rows[0]) == list(items[0])


def test_web_desk_csv_neutralises_formulas(client):
    text = client.get("/quotes?format=csv").content.decode("utf-8")
    for row in csv.reader(io.StringIO(text[1:])):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_web_desk_download_is_what_the_page_shows(client):
    shown = re.findall(r'<li class="hit">\s*<a class="title" href="/articles/([^"?]+)',
                       client.get("/search", params={"q": "روسيا"}).text)
    items = client.get("/search", params={"q": "روسيا", "format": "json"}).json()["items"]
    assert shown and [i["id"] for i in items] == shown


def test_web_desk_bad_format_and_parameters_are_422(client):
    for path in ("/events?format=xml", "/map?what=seas", "/places?sort=size", "/quotes?country=ru",
                 "/attention?q=a&q=b&q=c&q=d&q=e&q=f", "/search?country=Russia"):
        r = client.get(path)
        assert r.status_code == 422, path
        assert "dir=\"rtl\"" in r.text


def test_web_desk_arabic_labels_with_english_titles(client):
    assert labels.arabic("type", "CONSULT") == "تشاور" and labels.english("type", "CONSULT") == "CONSULT"
    assert labels.english("mode", "air") == "air: air strike"
    assert labels.arabic("mode", "visit") == "زيارة" and labels.arabic("kind", "direct") == "مباشر"
    assert labels.arabic("type", "NEWTYPE") == "NEWTYPE"  # unknown: as it is
    from marsad.model import EVENT_TYPES
    assert all(("type", t) in labels.table() for t in EVENT_TYPES)
    page = client.get("/events").text
    assert re.search(r'<span class="type" title="[A-Z]+(: [a-z ]+)?">[\u0600-\u06ff ]+</span>', page)
    quotes = client.get("/quotes").text
    assert re.search(r'<span class="kind" title="(direct|indirect|mixed)">(مباشر|غير مباشر|مختلط)</span>', quotes)


def test_web_desk_quotes_page_searches_what_was_said(client, conn):
    r = client.get("/quotes")
    assert r.status_code == 200 and "<blockquote>" in r.text
    api = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    speaker = next(x for x in api if x["speaker_name"] and x["speaker_country"])
    word = max(speaker["content"].split(), key=len)
    found = client.get("/quotes", params={"q": word, "format": "json"}).json()
    assert any(x["content"] == speaker["content"] for x in found["items"])
    by_country = client.get("/quotes", params={"country": speaker["speaker_country"], "format": "json"}).json()
    assert by_country["total"] >= 1
    assert all(x["speaker_country"] == speaker["speaker_country"] for x in by_country["items"])
    by_name = client.get("/quotes", params={"speaker": speaker["speaker_name"], "format": "json"}).json()
    assert by_name["total"] >= 1 and speaker["speaker_name"] in {x["speaker_name"] for x in by_name["items"]}


def test_web_desk_outlets_and_places(client, conn):
    outlets = desk.list_outlets(conn)
    assert sum(o["articles"] for o in outlets) == conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    r = client.get("/outlets")
    assert r.status_code == 200 and "/search?outlet=" in r.text
    places = desk.list_places(conn)
    assert places.total and places.items[0]["articles"] >= places.items[-1]["articles"]
    first = places.items[0]
    r = client.get("/places", params={"q": first["name"]})
    assert r.status_code == 200 and htmllib.escape(first["name"], quote=False) in r.text
    only = desk.list_places(conn, country=first["country"], sort="mentions")
    assert only.total and all(p["country"] == first["country"] for p in only.items)


def test_web_desk_attention_is_a_share_of_each_day(client, conn):
    counts = desk.attention(conn, "بوتين")
    assert counts and all(0 <= n <= of for n, of in counts.values()) and any(n for n, _ in counts.values())
    r = client.get("/attention", params=[("q", "بوتين"), ("q", "كيم")])
    assert r.status_code == 200 and r.text.count('<polyline class="series') == 2
    assert "الأكثر ذكرًا" in r.text  # top actors and places of the first query
    rows = client.get("/attention", params=[("q", "بوتين"), ("format", "json")]).json()["items"]
    assert {(x["day"], x["articles"], x["of"]) for x in rows} == {(d, n, of) for d, (n, of) in counts.items()}
    assert client.get("/attention").status_code == 200  # no query yet: a form


def test_web_desk_map_draws_shipped_outlines_with_counts(client, conn):
    world = maps.world()
    assert len(world["countries"]) > 150 and "SAU" in world["countries"]
    counts = desk.country_counts(conn)
    assert counts.get("RUS")
    r = client.get("/map")
    assert r.status_code == 200 and r.text.count("<path") > 150
    assert 'href="/events?country=RUS"' in r.text
    assert "http://" not in r.text.split("<main>")[1] and "https://" not in r.text.split("<main>")[1]
    # the count a country shows is the number of events the link lists
    assert list_events(conn, Filters(country="RUS")).total == counts["RUS"]


def test_web_desk_quotes_of_a_common_country_walk_the_newest_articles(conn, monkeypatch):
    from marsad.store import queries
    country = conn.execute("SELECT speaker_country FROM quotes_view WHERE speaker_country IS NOT NULL"
                           " GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    sorted_page = queries.list_quotes(conn, None, None, None, 5, 1, country=country)
    monkeypatch.setattr(queries, "WALK_FROM", 0)  # the other plan, for any number of quotes
    walked = queries.list_quotes(conn, None, None, None, 5, 1, country=country)
    assert walked.total == sorted_page.total >= 2
    assert walked.items == sorted_page.items


def test_web_desk_quotes_saying_matches_the_folded_text(conn):
    """What /quotes?q= finds is what ``fold(content) LIKE`` finds, in the same order."""
    from marsad.store import queries
    from marsad.store.search import fts_query, parse_query
    contents = [r[0] for r in conn.execute("SELECT content_text FROM quotes WHERE content_text IS NOT NULL")]
    words = sorted({w for c in contents[:20] for w in c.split() if len(w) > 4})[:25] + ["مسئول", '"في الوقت"']
    for q in words:
        terms = parse_query(q)
        if not terms:
            continue
        sql = ("SELECT article_id, quote_index FROM quotes_view WHERE article_id IN (SELECT a.id FROM"
               " articles_fts JOIN articles a ON a.search_rowid = articles_fts.rowid WHERE articles_fts"
               " MATCH ?)" + " AND fold(content) LIKE ? ESCAPE '\\'" * len(terms)
               + " ORDER BY published DESC, article_id DESC, quote_index")
        expected = [tuple(r) for r in conn.execute(sql, [fts_query(terms)] + [
            queries.like_pattern(" ".join(t.words)) for t in terms])]
        page = queries.list_quotes(conn, None, None, None, 200, 0, q=q)
        assert page.total == len(expected), q
        assert [(x["article_id"], x["quote_index"]) for x in page.items] == expected, q


def test_web_desk_json_downloads_carry_the_facets(client, conn):
    data = client.get("/search", params={"q": "بوتين", "format": "json"}).json()
    by_name = {f["name"]: f for f in data["facets"]}
    assert set(by_name) == {"outlet", "type", "country", "actor", "day"}
    expected = {f.name: f.to_dict() for f in facets.article_facets(conn, "بوتين")}
    assert by_name["country"] == expected["country"] and by_name["country"]["values"]
    events = client.get("/events", params={"format": "json"}).json()
    assert {f["name"] for f in events["facets"]} == {"type", "country", "actor", "day", "outlet"}


def test_web_desk_map_of_articles_counts_what_search_lists(client, conn):
    counts = desk.country_counts(conn, "places")
    assert counts
    for code, n in sorted(counts.items(), key=lambda cn: -cn[1])[:3]:
        assert search_articles(conn, "", Filters(country=code)).total == n, code
    assert 'href="/search?country=' in client.get("/map", params={"what": "places"}).text
