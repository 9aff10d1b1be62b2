"""The pages: right to left, escaped, highlighted, no remote assets, read-only."""
from __future__ import annotations

import http.client
import re

import pytest

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)


def test_web_pages_home(client):
    r = client.get("/")
    assert r.status_code == 200
    assert '<html lang="ar" dir="rtl">' in r.text
    assert "seed-000" in r.text and 'name="q"' in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_web_pages_article(client):
    html = client.get("/articles/seed-000").text
    assert "قمة بوتين" in html  # the title
    assert re.search(r'<a class="ent ent-PER[^"]*" href="/actors/vladimir%20putin"', html)
    assert 'class="quote' in html and 'class="evidence' in html
    assert 'class="speaker" href="/actors/' in html
    assert "<th>الدليل</th>" in html  # the events table


def test_web_pages_article_highlights_query(client):
    html = client.get("/articles/seed-000", params={"q": "الامبريالية"}).text
    assert re.search(r'class="[^"]*\bhit\b[^"]*"[^>]*>الإمبريالية<', html)


@pytest.mark.parametrize("url", ["/search", "/articles/seed-000", "/"])
def test_web_pages_script_in_query_is_escaped(client, url):
    attack = '<script>alert("x")</script>'
    html = client.get(url, params={"q": attack}).text
    assert "<script>" not in html
    if url != "/":
        assert "&lt;script&gt;" in html


def test_web_pages_search(client):
    html = client.get("/search", params={"q": "تحذر"}).text
    assert "/articles/seed-000?q=" in html and "<mark>تحذّر</mark>" in html
    html = client.get("/search", params={"q": "روسيا", "since": "", "type": ""}).text
    assert "seed-000" in html


@pytest.mark.parametrize("url", ["/actors/vladimir%20putin", "/actors/RUS", "/events",
                                 "/events?type=CONSULT&country=PRK", "/network",
                                 "/network?by=actor", "/docs"])
def test_web_pages_render(client, url):
    r = client.get(url)
    assert r.status_code == 200 and 'dir="rtl"' in r.text
    assert not EXTERNAL.search(r.text), "a page must not load anything from elsewhere"


def test_web_pages_actor_and_events_content(client):
    html = client.get("/actors/vladimir%20putin").text
    assert "Vladimir Putin" in html and "<blockquote>" in html
    events = client.get("/events", params={"country": "RUS"}).text
    assert '<rect class="bar"' in events
    network = client.get("/network").text
    assert '<svg id="network"' in network and 'class="edge"' in network


def test_web_pages_docs_are_local(client):
    html = client.get("/docs").text
    assert "/api/articles" in html and "/api/events" in html and "maxLength" in html
    assert "cdn" not in html.lower() and "swagger" not in html.lower()
    assert client.get("/openapi.json").json()["paths"]["/api/articles"]
    assert client.get("/redoc").status_code == 404


@pytest.mark.parametrize("url", ["/articles/no-such-id", "/actors/nobody", "/nothing-here"])
def test_web_pages_404(client, url):
    r = client.get(url)
    assert r.status_code == 404 and 'dir="rtl"' in r.text


def test_web_pages_bad_filters_are_clean_errors(client):
    r = client.get("/events", params={"since": "<b>x</b>"})
    assert r.status_code == 422 and "<b>" not in r.text
    assert client.get("/search", params={"q": "x" * 201}).status_code == 422


@pytest.mark.parametrize("raw", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                 "/static/%2e%2e%2f%2e%2e%2fstore%2fdb.py", "/static//etc/passwd",
                                 "/static/../../../../etc/passwd"])
def test_web_pages_static_no_traversal(server, raw):
    # http.client sends the path as written (httpx and browsers would normalise "..").
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", raw)
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    conn.close()
    assert response.status in (400, 404)
    assert "create_app" not in body and "root:" not in body


def test_web_pages_article_marks_guessed_countries(tmp_path):
    # a local story: the official's country is the outlet's guess, the ministry's is the
    # lexicon's; the page says so
    from fastapi.testclient import TestClient

    from marsad.model import Article
    from marsad.pipeline.build import extract
    from marsad.store import ingest_records, open_store
    from marsad.web.app import create_app

    record = extract(Article(text="قال محمد الصالح إن المهرجان يبدأ غدا في الرياض.", id="local-1",
                             published="2015-07-21", outlet="okaz"))
    path = tmp_path / "one.db"
    conn = open_store(path)
    ingest_records(conn, [record.to_dict()])
    conn.close()
    html = TestClient(create_app(path), base_url="http://localhost").get("/articles/local-1").text
    assert re.search(r'<a class="code guess" href="/actors/SAU"\s+title="[^"]*تخمين', html)
    assert "· من المعجم" in html  # Riyadh: the gazetteer's
