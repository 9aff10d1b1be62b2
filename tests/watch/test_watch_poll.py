"""marsad watch against a local site: each item stored once, the page's main text only,
conditional GET, changed feeds, and a User-Agent that names marsad."""
from __future__ import annotations

import time

from feedsite import NAV_WORDS, build_site, page_html


def _articles(conn):
    return {r["id"]: dict(r) for r in conn.execute("SELECT id, url, title, text, outlet, published,"
                                                   " n_errors FROM articles")}


def test_a_poll_stores_every_item_once_with_the_pages_main_text(site, snn_articles, make_watcher):
    feeds = build_site(site, snn_articles, feeds=2, per_feed=3)
    watcher, conn, messages = make_watcher(feeds)
    stats = watcher.poll()
    assert (stats.new, stats.added, stats.failed, stats.duplicates) == (6, 6, 0, 0), messages
    stored = _articles(conn)
    assert len(stored) == 6
    by_title = {a["title"]: a for a in stored.values()}
    for source in snn_articles[:6]:
        article = by_title[source["title"]]
        # the page's text, with neither its menu nor its footer; the first paragraph intact
        first = next(p for p in source["content"].splitlines() if p.strip()).strip()
        assert article["text"].startswith(first[:60])
        assert not any(word in article["text"] for word in NAV_WORDS)
        assert article["published"] == "2015-07-21" and article["outlet"].startswith("موقع")
        assert article["n_errors"] == 0
    # each item marked as seen, with its article
    assert conn.execute("SELECT COUNT(*) FROM feed_items WHERE status = 'stored'").fetchone()[0] == 6
    rows = {r["url"]: r for r in conn.execute("SELECT * FROM feeds")}
    assert all(r["status"] == "ok" and r["entries"] == 3 and r["stored"] == 3 and r["etag"] for r in rows.values())


def test_an_idle_poll_uses_conditional_get_and_stores_nothing(site, snn_articles, make_watcher):
    feeds = build_site(site, snn_articles, feeds=2, per_feed=2)
    watcher, conn, _ = make_watcher(feeds)
    watcher.poll()
    pages_before = sum(1 for m, p, h in site.log if p.startswith("/news/"))
    stats = watcher.poll()
    assert stats.feeds == {"not_modified": 2} and stats.new == 0 and stats.added == 0
    second = site.requests_to("/feed/0.xml")[-1]
    assert second.get("if-none-match") and second.get("if-modified-since")
    assert sum(1 for m, p, h in site.log if p.startswith("/news/")) == pages_before  # no page fetched again
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 4
    assert conn.execute("SELECT polls FROM feeds WHERE url = ?", (feeds[0],)).fetchone()[0] == 2


def test_requests_name_marsad_and_read_robots_txt_first(site, snn_articles, make_watcher):
    feeds = build_site(site, snn_articles, feeds=1, per_feed=1)
    watcher, _, _ = make_watcher(feeds)
    watcher.poll()
    assert site.log[0][1] == "/robots.txt"
    assert all(h["user-agent"].startswith("marsad/") for _, _, h in site.log)


def test_a_changed_feed_brings_only_its_new_items(site, snn_articles, make_watcher):
    base = site.base
    items = [{"title": a["title"], "link": f"{base}/n/{i}.html", "guid": f"g{i}"}
             for i, a in enumerate(snn_articles[:5])]
    for i, a in enumerate(snn_articles[:5]):
        site.set(f"/n/{i}.html", page_html(a))
    site.feed("/feed.xml", "صحيفة", items[:3])
    watcher, conn, _ = make_watcher([base + "/feed.xml"])
    assert watcher.poll().added == 3
    # the feed changes: the oldest item drops out, two new ones arrive, one item gets a new
    # GUID for the same link (the same article), one new link carries an article already stored
    items[1]["guid"] = "g1-renamed"
    site.set("/n/dup.html", page_html(snn_articles[0]))
    changed = items[1:5] + [{"title": "نسخة", "link": f"{base}/n/dup.html", "guid": "g-dup"}]
    site.feed("/feed.xml", "صحيفة", changed)
    stats = watcher.poll()
    assert stats.feeds == {"ok": 1}
    assert (stats.new, stats.added, stats.duplicates) == (3, 2, 1)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5
    dup = conn.execute("SELECT status, article_id FROM feed_items WHERE item_key LIKE '%g-dup'").fetchone()
    first_id = conn.execute("SELECT id FROM articles WHERE url = ?", (f"{base}/n/0.html",)).fetchone()[0]
    assert dup["status"] == "duplicate" and dup["article_id"] == first_id
    assert sum(1 for m, p, h in site.log if p == "/n/1.html") == 1  # the renamed GUID: not fetched again
    assert watcher.poll().new == 0  # nothing changed since: a 304


def test_the_same_link_in_two_feeds_is_one_article(site, snn_articles, make_watcher):
    site.set("/a.html", page_html(snn_articles[0]))
    item = {"title": "t", "link": site.base + "/a.html", "guid": "x"}
    site.feed("/one.xml", "واحد", [item])
    site.feed("/two.xml", "اثنان", [dict(item, guid="y")])
    watcher, conn, _ = make_watcher([site.base + "/one.xml", site.base + "/two.xml"])
    stats = watcher.poll()
    assert stats.added == 1 and stats.new == 1
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_two_links_to_the_same_article_in_one_poll_store_it_once(site, snn_articles, make_watcher):
    site.set("/a.html", page_html(snn_articles[0]))
    site.set("/a-copy.html", page_html(snn_articles[0]))
    site.feed("/feed.xml", "صحيفة", [{"title": "t", "link": site.base + "/a.html", "guid": "1"},
                                     {"title": "t", "link": site.base + "/a-copy.html", "guid": "2"}])
    watcher, conn, _ = make_watcher([site.base + "/feed.xml"])
    stats = watcher.poll()
    assert (stats.new, stats.added, stats.duplicates) == (2, 1, 1)
    (stored,) = conn.execute("SELECT id FROM articles").fetchall()
    rows = conn.execute("SELECT status, article_id FROM feed_items ORDER BY rowid").fetchall()
    assert {r["status"] for r in rows} == {"stored", "duplicate"}
    assert {r["article_id"] for r in rows} == {stored["id"]}


def test_the_next_feeds_pages_are_fetched_while_a_feed_is_analysed(site, snn_articles, make_watcher):
    for f in range(2):
        site.feed(f"/f{f}.xml", f"صحيفة {f}", [
            {"title": a["title"], "link": f"{site.base}/p{f}/{i}.html", "guid": f"{f}-{i}"}
            for i, a in enumerate(snn_articles[f * 3:f * 3 + 3])])
        for i, a in enumerate(snn_articles[f * 3:f * 3 + 3]):
            site.set(f"/p{f}/{i}.html", page_html(a))
    # the same link in both feeds: the first feed's, never fetched ahead for the second
    site.feed("/f1.xml", "صحيفة 1", [
        {"title": a["title"], "link": f"{site.base}/p1/{i}.html", "guid": f"1-{i}"}
        for i, a in enumerate(snn_articles[3:6])] + [
        {"title": snn_articles[0]["title"], "link": f"{site.base}/p0/0.html", "guid": "1-shared"}])
    site.feed("/f0.xml", "صحيفة 0", [  # read last: the second feed is read when the first's turn comes
        {"title": a["title"], "link": f"{site.base}/p0/{i}.html", "guid": f"0-{i}"}
        for i, a in enumerate(snn_articles[:3])], delay=0.3)
    watcher, conn, _ = make_watcher([site.base + "/f0.xml", site.base + "/f1.xml"])
    analyse, seen = watcher.analyse, []

    def slow(articles):  # while the first feed is analysed, the pool fetches the second's pages
        for record in analyse(articles):
            if record.url.startswith(site.base + "/p0/"):
                time.sleep(0.3)
                seen.append(sum(1 for _, p, _ in site.log if p.startswith("/p1/")))
            yield record

    watcher.analyse = slow
    stats = watcher.poll()
    assert seen[-1] == 3  # all three pages of the second feed, before its turn
    assert (stats.new, stats.added) == (6, 6)
    assert sorted(p for _, p, _ in site.log if p.startswith("/p")) == sorted(
        [f"/p0/{i}.html" for i in range(3)] + [f"/p1/{i}.html" for i in range(3)])  # each page once
    assert conn.execute("SELECT COUNT(*) FROM feed_items").fetchone()[0] == 6
