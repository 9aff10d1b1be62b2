"""Corrections: a stored item whose feed entry says it changed (a later ``updated``) is
fetched again and replaces its article when its title or text changed; nothing else is
fetched again."""
from __future__ import annotations

import feedparser

from feedsite import page_html

from marsad.watch.feeds import updated_of


def _publish(site, articles, updated: dict[int, str], title: str = "صحيفة") -> str:
    """One feed of the articles' items; item i carries ``updated[i]`` when given."""
    items = [{"title": a["title"], "link": f"{site.base}/n/{i}.html", "guid": f"g-{i}",
              **({"updated": updated[i]} if i in updated else {})} for i, a in enumerate(articles)]
    site.feed("/feed.xml", title, items)
    return f"{site.base}/feed.xml"


def _pages(site) -> int:
    return sum(1 for _, p, _ in site.log if p.startswith("/n/"))


def test_a_changed_item_replaces_its_article_and_only_it_is_fetched_again(site, snn_articles, make_watcher):
    articles = snn_articles[:3]
    for i, a in enumerate(articles):
        site.set(f"/n/{i}.html", page_html(a))
    feed = _publish(site, articles, {0: "2015-07-21T10:00:00Z", 1: "2015-07-21T10:00:00Z"})
    watcher, conn, messages = make_watcher([feed])
    assert watcher.poll().added == 3, messages
    (aid, old_text), = conn.execute("SELECT id, text FROM articles WHERE url LIKE '%/n/0.html'")
    fetched = _pages(site)
    # the outlet corrects item 0: its page and its entry's change date; item 1 gets a later
    # date with its page unchanged; item 2 (no date) is left alone
    corrected = articles[0] | {"content": "تصحيح: " + articles[0]["content"]}
    site.set("/n/0.html", page_html(corrected))
    feed = _publish(site, articles, {0: "2015-07-22T08:30:00Z", 1: "2015-07-22T09:00:00Z"})
    stats = watcher.poll()
    assert (stats.new, stats.added, stats.corrected) == (0, 0, 1), messages
    assert _pages(site) == fetched + 2  # items 0 and 1, not 2
    (text,), = conn.execute("SELECT text FROM articles WHERE id = ?", (aid,))
    assert text.startswith("تصحيح: ") and text != old_text
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
    # the index finds the corrected text, its rows are the new record's
    assert conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'تصحيح'").fetchone()[0] == 1
    assert {r[0] for r in conn.execute("SELECT updated FROM feed_items")} == {
        "2015-07-22T08:30:00Z", "2015-07-22T09:00:00Z", None}
    # the feed read again (its title changed, so no 304) with the same dates: nothing fetched
    _publish(site, articles, {0: "2015-07-22T08:30:00Z", 1: "2015-07-22T09:00:00Z"}, title="صحيفة اليوم")
    fetched = _pages(site)
    stats = watcher.poll()
    assert stats.feeds == {"ok": 1} and stats.corrected == 0
    assert _pages(site) == fetched


def test_a_correction_whose_page_fails_keeps_the_stored_version(site, snn_articles, make_watcher):
    articles = snn_articles[:1]
    site.set("/n/0.html", page_html(articles[0]))
    feed = _publish(site, articles, {0: "2015-07-21T10:00:00Z"})
    watcher, conn, _ = make_watcher([feed])
    watcher.poll()
    (text,), = conn.execute("SELECT text FROM articles")
    site.set("/n/0.html", "gone", status=404)
    _publish(site, articles, {0: "2015-07-22T10:00:00Z"})
    assert watcher.poll().corrected == 0
    assert [tuple(r) for r in conn.execute("SELECT text, n_errors FROM articles")] == [(text, 0)]
    # not recorded as seen at that date: the next change of the feed tries it again
    assert conn.execute("SELECT updated FROM feed_items").fetchone()[0] == "2015-07-21T10:00:00Z"


def test_the_change_date_is_atom_updated_or_dcterms_modified_never_the_publication_date():
    atom = feedparser.parse(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
                            b'<entry><title>a</title><id>urn:1</id><link href="http://x/1"/>'
                            b'<published>2015-07-21T10:00:00Z</published>'
                            b'<updated>2015-07-22T13:00:00+03:00</updated></entry></feed>')
    assert updated_of(atom.entries[0]) == "2015-07-22T10:00:00Z"
    rss = feedparser.parse(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
                           b'<title>a</title><link>http://x/1</link>'
                           b'<pubDate>Tue, 21 Jul 2015 10:00:00 +0300</pubDate></item></channel></rss>')
    assert updated_of(rss.entries[0]) is None
