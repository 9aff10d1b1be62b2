"""Story pages and API over the dev store: the seed's story shows the summit and the
reactions by country; an article page links its story."""
from __future__ import annotations


def test_web_stories_api_listing(client):
    r = client.get("/api/stories", params={"limit": 50})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] >= 1 and {"id", "title", "first", "last", "articles", "outlets", "events",
                                    "quotes"} <= set(body["items"][0])
    lasts = [s["last"] or "" for s in body["items"]]
    assert lasts == sorted(lasts, reverse=True)  # newest first
    assert client.get("/api/stories", params={"since": "2015-13-01"}).status_code == 422
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_web_stories_api_seed_reactions_by_country(client):
    r = client.get("/api/stories/seed-000")
    assert r.status_code == 200
    story = r.json()
    assert "قمة بوتين" in story["title"] and story["articles"][0]["id"] == "seed-000"
    countries = [g["country"] for g in story["reactions"]]
    assert {"USA", "JPN", "RUS", "PRK"} <= set(countries)
    usa = next(g for g in story["reactions"] if g["country"] == "USA")
    assert any("التعاون العسكري" in s["text"] for a in usa["actors"] for s in a["statements"])
    assert any(e["type"] == "CONSULT" and e["articles"] == 1 for e in story["events"])
    assert client.get("/api/stories/nope").status_code == 404


def test_web_stories_pages(client):
    r = client.get("/stories")
    assert r.status_code == 200 and 'href="/stories/seed-000"' in r.text
    page = client.get("/stories/seed-000")
    assert page.status_code == 200
    assert "ردود الفعل حسب البلد" in page.text and "قمة بوتين" in page.text
    assert "تراقب بقلق الزيارة" in page.text  # Tokyo's reaction
    assert page.text.index("اليابان") > page.text.index("ردود الفعل")
    assert client.get("/stories/nope").status_code == 404
    article = client.get("/articles/seed-000")
    assert 'href="/stories/seed-000"' in article.text
