"""The web app shows what watch is doing: /feeds (feeds, last poll, status, counts; the
newest watched articles first) and /api/feeds."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from feedsite import build_site  # noqa: E402

from marsad.store import open_store  # noqa: E402
from marsad.web.app import create_app  # noqa: E402


def test_feeds_page_and_api(site, snn_articles, make_watcher, tmp_path):
    feeds = build_site(site, snn_articles, feeds=2, per_feed=2)
    site.set("/gone.html", "x", status=404, ctype="text/plain")
    site.feed("/broken.xml", "معطوبة", [{"title": "مفقودة", "link": site.base + "/gone.html", "guid": "g"}])
    down = site.base + "/down.xml"
    watcher, conn, _ = make_watcher(feeds + [site.base + "/broken.xml", down], db=tmp_path / "w.db")
    watcher.poll()
    build_site(site, snn_articles[10:], feeds=1, per_feed=1, prefix="/later")
    site.feed("/feed/0.xml", "موقع 0", [{"title": "أحدث", "link": site.base + "/later/news/0/0.html", "guid": "new"}])
    watcher.poll()
    client = TestClient(create_app(tmp_path / "w.db", cache_size=0, hosts=None))

    data = client.get("/api/feeds").json()
    by_url = {f["url"]: f for f in data["feeds"]}
    assert by_url[down]["status"] == "error" and by_url[down]["error"] == "HTTP 404"
    assert data["feeds"][0]["url"] == down  # problems first
    assert by_url[feeds[0]]["stored"] == 3 and by_url[feeds[0]]["polls"] == 2
    assert by_url[site.base + "/broken.xml"]["failed"] == 1
    newest = data["newest"]
    assert newest["total"] == 6 and len(newest["items"]) == 6
    later = " ".join(snn_articles[10]["title"].split())  # the page's title, spaces collapsed
    assert newest["items"][0]["title"] == later  # the last one stored comes first
    assert [i["n_errors"] for i in newest["items"]].count(1) == 1
    assert client.get("/api/feeds?limit=2&offset=1").json()["newest"]["items"] == newest["items"][1:3]
    assert client.get("/api/feeds?limit=0").status_code == 422

    page = client.get("/feeds")
    assert page.status_code == 200
    html = page.text
    assert 'href="/feeds" aria-current="page"' in html
    assert down in html and "HTTP 404" in html and "موقع 0" in html
    assert html.index(later) < html.index(" ".join(snn_articles[0]["title"].split()))
    assert "تعذّر جلبها" in html  # the error record is marked


def test_feeds_page_of_a_store_never_watched(tmp_path):
    conn = open_store(tmp_path / "plain.db")
    for table in ("feeds", "feed_items", "alerts_fired"):  # as a store made before watch existed
        conn.execute(f"DROP TABLE {table}")
    conn.close()
    client = TestClient(create_app(tmp_path / "plain.db", cache_size=0, hosts=None))
    assert client.get("/api/feeds").json() == {"feeds": [], "newest": {"total": 0, "limit": 20, "offset": 0, "items": []}}
    assert "لم يُتابَع أي خلاصة بعد" in client.get("/feeds").text
