"""The actor index (/actors was a redirect to a 404), paging of an actor's quotes, and
/api/quotes?q= (issue #20)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from marsad.web import pages


def _rows(html: str) -> list[str]:
    """Actor keys of the index table's rows, in order."""
    return re.findall(r'<td><a class="actor" href="/actors/([^"]+)"', html)


def test_web_actors_index_lists_actors_linking_to_their_pages(client):
    r = client.get("/actors")
    assert r.status_code == 200 and 'dir="rtl"' in r.text
    keys = _rows(r.text)
    assert "vladimir%20putin" in keys
    assert client.get("/actors/" + keys[0]).status_code == 200
    assert client.get("/actors/").status_code == 200  # the trailing slash is the index too
    assert 'href="/actors" aria-current="page"' in r.text  # in the top menu


@pytest.mark.parametrize("sort", ["articles", "mentions", "quotes", "events"])
def test_web_actors_index_sorts(client, sort):
    page = client.get("/api/actors", params={"sort": sort, "limit": 200}).json()
    values = [a[sort] for a in page["items"]]
    assert values == sorted(values, reverse=True) and any(values)
    html = client.get("/actors", params={"sort": sort}).text
    assert _rows(html)[:5] == [quote(a["actor_key"], safe="") for a in page["items"][:5]]


def test_web_actors_index_filters_and_pages(client, monkeypatch):
    rus = client.get("/api/actors", params={"country": "RUS", "sector": "GOV"}).json()
    assert rus["total"] and all(a["country"] == "RUS" and a["sector"] == "GOV" for a in rus["items"])
    html = client.get("/actors", params={"country": "RUS", "sector": "GOV"}).text
    assert len(_rows(html)) == rus["total"]
    monkeypatch.setattr(pages, "ACTOR_PAGE", 2)  # URLs not asked before: not in the response cache
    first = client.get("/actors", params={"sort": "articles", "offset": 0}).text
    assert len(_rows(first)) == 2 and 'href="/actors?q=&amp;country=&amp;sector=&amp;sort=articles&amp;offset=2"' in first
    second = client.get("/actors", params={"sort": "articles", "offset": 2}).text
    assert not set(_rows(first)) & set(_rows(second))
    assert client.get("/actors", params={"sort": "nonsense"}).status_code == 422
    assert client.get("/actors", params={"country": "<x>"}).status_code == 422


def test_web_actors_quotes_are_paged(client, monkeypatch):
    total = client.get("/api/actors/vladimir%20putin").json()["quotes_total"]
    assert total >= 2
    monkeypatch.setattr(pages, "ACTOR_QUOTES", 1)
    first = client.get("/actors/vladimir%20putin", params={"quotes_offset": 0}).text
    assert first.count("<blockquote>") == 1 and f"({total})" in first
    assert 'href="/actors/vladimir%20putin?quotes_offset=1"' in first
    second = client.get("/actors/vladimir%20putin", params={"quotes_offset": 1}).text
    quote = re.compile(r"<blockquote>(.*?)</blockquote>", re.S)
    assert quote.findall(first) != quote.findall(second)


def test_web_actors_api_quotes_q_filters(client):
    everything = client.get("/api/quotes", params={"limit": 200}).json()
    word = everything["items"][0]["content"].split()[1]
    found = client.get("/api/quotes", params={"q": word, "limit": 200}).json()
    assert 0 < found["total"] < everything["total"] or found["total"] == everything["total"] == 1
    assert all(word in q["content"] for q in found["items"])
    assert client.get("/api/quotes", params={"q": "كلمةلاتوجد"}).json()["total"] == 0
