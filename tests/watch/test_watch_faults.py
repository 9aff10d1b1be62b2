"""Feeds that are down, slow, malformed or not feeds; pages that fail; robots.txt. A feed's
problem is reported and recorded and the other feeds go on; a page that fails becomes an
error record (nothing lost), tried again later when the failure may pass."""
from __future__ import annotations

from feedsite import build_site, page_html


def _feed(conn, url):
    return dict(conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone())


def test_broken_feeds_are_reported_and_the_others_go_on(site, snn_articles, make_watcher):
    good = build_site(site, snn_articles, feeds=1, per_feed=2)
    site.set("/truncated.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti',
             ctype="application/rss+xml")
    site.set("/page.xml", "<html><body><p>صفحة عادية</p></body></html>")
    site.set("/down.xml", "oops", status=500, ctype="text/plain")
    site.set("/slow.xml", "<rss/>", delay=1.5, ctype="application/rss+xml")
    site.set("/binary.xml", b"\x00\x01\x02\xff" * 50, ctype="application/octet-stream")
    bad = {p: site.base + p for p in ("/truncated.xml", "/page.xml", "/down.xml", "/slow.xml",
                                       "/missing.xml", "/binary.xml")}
    refused = "http://127.0.0.1:9/feed.xml"  # nothing listens on port 9
    watcher, conn, messages = make_watcher(list(bad.values()) + [refused] + good, timeout=0.5)
    stats = watcher.poll()
    assert stats.added == 2 and stats.feeds["ok"] == 1
    expected = {"/truncated.xml": ("invalid", "not an RSS or Atom feed"),
                "/page.xml": ("invalid", "not an RSS or Atom feed (text/html"),
                "/down.xml": ("error", "HTTP 500"),
                "/slow.xml": ("error", "timed out"),
                "/missing.xml": ("error", "HTTP 404"),
                "/binary.xml": ("invalid", "not an RSS or Atom feed")}
    for path, (status, error) in expected.items():
        row = _feed(conn, bad[path])
        assert row["status"] == status and error in row["error"], (path, row)
        assert any(m.startswith(bad[path]) and error in m for m in messages), (path, messages)
    refused_row = _feed(conn, refused)
    assert refused_row["status"] == "error" and "cannot connect" in refused_row["error"], refused_row
    assert _feed(conn, good[0])["status"] == "ok"


def test_a_malformed_feed_with_items_is_read_with_a_warning(site, snn_articles, make_watcher):
    site.set("/a.html", page_html(snn_articles[0]))
    xml = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title>'
           f"<link>{site.base}/a.html</link><guid>a</guid></item><item><title>b &nbsp broken")
    site.set("/feed.xml", xml, ctype="application/rss+xml")
    watcher, conn, messages = make_watcher([site.base + "/feed.xml"])
    stats = watcher.poll()
    # the broken last item has a title but no link and no text: an error record, not lost
    assert (stats.added, stats.failed) == (2, 1)
    assert conn.execute("SELECT code FROM errors").fetchone()[0] == "empty_text"
    row = _feed(conn, site.base + "/feed.xml")
    assert row["status"] == "ok" and row["error"].startswith("malformed, read anyway")


def test_pages_that_fail_become_error_records(site, snn_articles, make_watcher):
    base = site.base
    site.set("/ok.html", page_html(snn_articles[0]))
    site.set("/pdf", b"%PDF-1.4 ...", ctype="application/pdf")
    site.set("/empty.html", "<html><body><nav>قائمة</nav></body></html>")
    items = [{"title": "غائبة", "link": f"{base}/gone.html", "guid": "1"},
             {"title": "ملف", "link": f"{base}/pdf", "guid": "2"},
             {"title": "فارغة", "link": f"{base}/empty.html", "guid": "3"},
             {"title": "سليمة", "link": f"{base}/ok.html", "guid": "4"}]
    site.feed("/feed.xml", "صحيفة", items)
    watcher, conn, messages = make_watcher([base + "/feed.xml"])
    stats = watcher.poll()
    assert (stats.new, stats.added, stats.failed) == (4, 4, 3)
    codes = {r["url"]: (r["code"], r["title"], r["message"]) for r in conn.execute(
        "SELECT a.url, a.title, e.code, e.message FROM articles a JOIN errors e ON e.article_id = a.id")}
    assert codes[f"{base}/gone.html"][:2] == ("fetch_failed", "غائبة") and "HTTP 404" in codes[f"{base}/gone.html"][2]
    assert codes[f"{base}/pdf"][0] == "not_html"
    assert codes[f"{base}/empty.html"][0] == "no_main_text"
    assert f"{base}/ok.html" not in codes
    assert _feed(conn, base + "/feed.xml")["failed"] == 3
    # a 404 is not tried again
    watcher.poll()
    assert len(site.requests_to("/gone.html")) == 1


def test_a_slow_page_is_an_error_record_then_replaced_when_it_answers(site, snn_articles, make_watcher):
    site.set("/slow.html", page_html(snn_articles[1]), delay=1.0)
    site.feed("/feed.xml", "صحيفة", [{"title": "بطيئة", "link": site.base + "/slow.html", "guid": "s"}])
    watcher, conn, messages = make_watcher([site.base + "/feed.xml"], timeout=0.3, retries=1)
    stats = watcher.poll()
    assert stats.failed == 1 and len(site.requests_to("/slow.html")) == 2  # tried twice
    (row,) = conn.execute("SELECT a.id, e.code, e.message FROM articles a JOIN errors e ON e.article_id = a.id")
    assert row["code"] == "fetch_failed" and "timed out" in row["message"]
    assert any("timed out" in m for m in messages)
    item = conn.execute("SELECT status, error, attempts FROM feed_items").fetchone()
    assert item["status"] == "failed" and item["error"].startswith("retry:")
    # the feed has not changed (a 304), but the failed item is tried again; now it answers
    site.set("/slow.html", page_html(snn_articles[1]))
    stats = watcher.poll()
    assert stats.feeds == {"not_modified": 1} and stats.added == 1 and stats.failed == 0
    (stored,) = conn.execute("SELECT id, title, n_errors FROM articles").fetchall()
    assert stored["id"] == row["id"] and stored["n_errors"] == 0 and stored["title"] == snn_articles[1]["title"]
    assert conn.execute("SELECT status FROM feed_items").fetchone()[0] == "stored"
    assert conn.execute("SELECT failed, stored FROM feeds").fetchone()[:] == (0, 1)


def test_a_passing_failure_is_tried_a_few_times_only(site, snn_articles, make_watcher):
    site.set("/flaky.html", "busy", status=503, ctype="text/plain")
    site.feed("/feed.xml", "صحيفة", [{"title": "ت", "link": site.base + "/flaky.html", "guid": "f"}])
    watcher, conn, _ = make_watcher([site.base + "/feed.xml"])
    for _ in range(5):
        watcher.poll()
    assert len(site.requests_to("/flaky.html")) == 3  # MAX_ATTEMPTS
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1  # one error record


def test_robots_txt_is_respected(site, snn_articles, make_watcher):
    base = site.base
    # the group of another robot does not apply to marsad; the «*» group does
    site.set("/robots.txt", "User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n",
             ctype="text/plain")
    site.set("/news/a.html", page_html(snn_articles[0]))
    site.set("/private/b.html", page_html(snn_articles[1]))
    site.feed("/feed.xml", "صحيفة", [{"title": "أ", "link": f"{base}/news/a.html", "guid": "a"},
                                     {"title": "ب", "link": f"{base}/private/b.html", "guid": "b"}])
    site.feed("/private/feed.xml", "خاصة", [{"title": "د", "link": f"{base}/news/a.html", "guid": "d"}])
    watcher, conn, messages = make_watcher([base + "/feed.xml", base + "/private/feed.xml"])
    stats = watcher.poll()
    assert stats.added == 2 and stats.failed == 1
    assert site.requests_to("/news/a.html")
    assert not site.requests_to("/private/b.html") and not site.requests_to("/private/feed.xml")
    codes = dict(conn.execute("SELECT a.url, e.code FROM articles a JOIN errors e ON e.article_id = a.id").fetchall())
    assert codes == {f"{base}/private/b.html": "robots_disallowed"}
    row = _feed(conn, base + "/private/feed.xml")
    assert row["status"] == "disallowed" and "robots.txt" in row["error"]
    assert len(site.requests_to("/robots.txt")) == 1  # read once, then kept


def test_a_robots_txt_naming_marsad_applies(site, snn_articles, make_watcher):
    site.set("/robots.txt", "User-agent: marsad\nDisallow: /\n", ctype="text/plain")
    feeds = build_site(site, snn_articles, feeds=1, per_feed=1)
    watcher, conn, _ = make_watcher(feeds)
    assert watcher.poll().feeds == {"disallowed": 1}
    assert [p for _, p, _ in site.log] == ["/robots.txt"]


def test_a_per_host_delay_spaces_requests(site, snn_articles, make_watcher):
    import time

    feeds = build_site(site, snn_articles, feeds=1, per_feed=3)
    watcher, _, _ = make_watcher(feeds, delay=0.2)
    started = time.monotonic()
    watcher.poll()
    # robots.txt, the feed and three pages: five requests, at least 0.2 s apart
    assert len(site.log) == 5 and time.monotonic() - started >= 0.8


def test_an_unexpected_failure_on_one_feed_leaves_the_others(site, snn_articles, make_watcher, monkeypatch):
    import marsad.watch.loop as loop

    feeds = build_site(site, snn_articles, feeds=2, per_feed=1)
    real = loop.read_feed

    def flaky(fetcher, url, *args):
        if url == feeds[0]:
            raise ValueError("a parser bug")
        return real(fetcher, url, *args)

    monkeypatch.setattr(loop, "read_feed", flaky)
    watcher, conn, messages = make_watcher(feeds)
    stats = watcher.poll()
    assert stats.feeds == {"error": 1, "ok": 1} and stats.added == 1
    row = _feed(conn, feeds[0])
    assert row["status"] == "error" and "ValueError: a parser bug" in row["error"]
    assert any("a parser bug" in m for m in messages)


def test_slow_feeds_are_read_at_once(site, make_watcher):
    import time

    for f in range(8):
        site.feed(f"/slow/{f}.xml", f"بطيئة {f}", [], delay=0.5)
    watcher, _, _ = make_watcher([f"{site.base}/slow/{f}.xml" for f in range(8)])
    started = time.monotonic()
    stats = watcher.poll()
    assert stats.feeds == {"ok": 8}
    assert time.monotonic() - started < 2.5  # one after another: 4 s
