"""The JSON API: records unchanged, search, listings, limits, 404s."""
from __future__ import annotations

import json
import sqlite3

import pytest


def test_web_api_article_is_the_stored_record(client, web_db):
    r = client.get("/api/articles/seed-000")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    stored = sqlite3.connect(web_db).execute(
        "SELECT record_json FROM articles WHERE id = 'seed-000'").fetchone()[0]
    assert r.text == stored
    record = r.json()
    assert record["schema"] == "marsad/1" and record["id"] == "seed-000"
    assert "actor_key" not in json.dumps(record)  # nothing added for display


def test_web_api_search(client):
    body = client.get("/api/articles", params={"q": "بوتين"}).json()
    assert "seed-000" in [i["id"] for i in body["items"]]
    item = next(i for i in body["items"] if i["id"] == "seed-000")
    snippet = item["snippet"]
    assert all(snippet["text"][a:b] == "بوتين" for a, b in snippet["highlights"])
    assert body["total"] >= 1 and body["limit"] == 20


def test_web_api_filters_and_listings(client):
    assert client.get("/api/articles", params={"actor": "PRK", "type": "CONSULT"}).json()["total"] >= 1
    events = client.get("/api/events", params={"country": "RUS", "limit": 5}).json()
    assert events["total"] >= 5 and len(events["items"]) == 5
    assert all("RUS" in (e["source_country"], e["target_country"]) for e in events["items"])
    quotes = client.get("/api/quotes", params={"actor": "vladimir putin"}).json()
    assert quotes["total"] >= 1 and quotes["items"][0]["speaker_name_en"] == "Vladimir Putin"
    actors = client.get("/api/actors", params={"q": "putin"}).json()
    assert actors["items"][0]["actor_key"] == "vladimir putin"
    putin = client.get("/api/actors/vladimir putin").json()
    assert putin["quotes"] and putin["name_en"] == "Vladimir Putin"
    edges = client.get("/api/network").json()["edges"]
    assert {"source": "PRK", "target": "RUS"}.items() <= next(
        e for e in edges if (e["source"], e["target"]) == ("PRK", "RUS")).items()


@pytest.mark.parametrize("url", ["/api/articles/no-such-id", "/api/actors/no such actor",
                                 "/api/actors/ZZZ"])
def test_web_api_unknown_is_404(client, url):
    r = client.get(url)
    assert r.status_code == 404 and "detail" in r.json()


@pytest.mark.parametrize("params", [{"q": "ب" * 201}, {"limit": 201}, {"limit": 0},
                                    {"offset": -1}, {"since": "yesterday"}, {"type": "<b>"}])
def test_web_api_limits(client, params):
    assert client.get("/api/articles", params=params).status_code == 422


def test_web_api_query_syntax_is_safe(client):
    for q in ['"', "NEAR(", "*", "' OR 1=1 --", "<script>alert(1)</script>"]:
        r = client.get("/api/articles", params={"q": q})
        assert r.status_code == 200, q


def test_web_api_unknown_parameter_is_an_error(client):
    # a filter the endpoint does not take would otherwise list everything
    r = client.get("/api/quotes", params={"speaker": "بوتين"})
    assert r.status_code == 400
    assert "speaker" in r.json()["detail"] and "actor" in r.json()["detail"]
    assert client.get("/api/quotes", params={"actor": "بوتين"}).status_code == 200
    assert client.get("/api/articles/seed-000", params={"pretty": "1"}).status_code == 400
