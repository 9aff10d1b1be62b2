"""marsad.readers.feeds: RSS and Atom entries as articles."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from marsad.readers.feeds import read_feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>تشرين</title><link>http://tishreen.news.sy</link>
<item><title>قمة بوتين – كيم</title><link>http://tishreen.news.sy/a/1</link>
<guid>tishreen-1</guid><pubDate>Wed, 13 Sep 2023 23:30:00 +0300</pubDate>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>قال الرئيس الروسي فلاديمير بوتين إن بلاده ستساعد.</p><p>وأضاف: «نحن معاً».</p>]]></content:encoded></item>
<item><title>بلا تاريخ</title><link>http://tishreen.news.sy/a/2</link><pubDate>الأربعاء الماضي</pubDate>
<description>&lt;p&gt;نص &lt;b&gt;الملخص&lt;/b&gt;&lt;/p&gt;</description></item>
<item><title>فارغ</title></item>
</channel></rss>"""  # Putin–Kim summit / no date / empty

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title><id>urn:feed</id><updated>2023-09-13T10:00:00Z</updated>
<entry><title>خبر</title><id>urn:e1</id><link href="http://x/e1"/><updated>2023-09-12T22:00:00-05:00</updated>
<summary type="html">&lt;p&gt;ملخص فقط&lt;/p&gt;</summary></entry></feed>"""


def _read(tmp_path: Path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return list(read_feed(path)), path


def test_readers_feeds_rss_entries(tmp_path: Path) -> None:
    (full, summary, empty), path = _read(tmp_path, "tishreen.rss", RSS)
    assert (full.id, full.title, full.url, full.outlet, full.published) == (
        "tishreen-1", "قمة بوتين – كيم", "http://tishreen.news.sy/a/1", "تشرين", "2023-09-13")  # local date, not UTC
    assert full.text == "قال الرئيس الروسي فلاديمير بوتين إن بلاده ستساعد.\nوأضاف: «نحن معاً»."
    assert "summary_only" not in full.meta and full.source == f"{path}#1"
    assert summary.text == "نص الملخص" and summary.meta["summary_only"] is True
    assert summary.published is None and "الأربعاء الماضي" in summary.meta["date_note"]
    assert empty.errors[0].code == "empty_text" and empty.title == "فارغ"


def test_readers_feeds_atom_summary_only(tmp_path: Path) -> None:
    (entry,), _ = _read(tmp_path, "agency.atom", ATOM)
    assert (entry.id, entry.url, entry.published, entry.text) == ("urn:e1", "http://x/e1", "2023-09-12", "ملخص فقط")
    assert entry.meta["summary_only"] is True


@pytest.mark.parametrize(
    "content, codes",
    [
        ("<rss><channel><item><title>x</title><description>نص مقطوع", None),  # truncated: bozo, still read
        ("this is not a feed", ["feed_invalid"]),
        ("", []),
    ],
    ids=["truncated", "not-a-feed", "empty"],
)
def test_readers_feeds_malformed(tmp_path: Path, content: str, codes) -> None:
    articles, _ = _read(tmp_path, "bad.rss", content)
    if codes is None:
        assert all("feed_warning" in a.meta for a in articles) and articles
    else:
        assert [a.errors[0].code for a in articles] == codes


@pytest.mark.parametrize("written, iso", [
    ("الأربعاء 13 أيلول 2023", "2023-09-13"),  # Levantine month name
    ("١٣ سبتمبر ٢٠٢٣ - 10:30", "2023-09-13"),  # Arabic-Indic digits
    ("28 ذو الحجة 1444 هـ", "2023-07-16"),  # Hijri (tabular calendar, ±1 day)
])
def test_readers_feeds_arabic_dates(tmp_path, written, iso):
    feed = tmp_path / "ar.rss"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>تشرين</title>
<item><title>خبر</title><link>http://x/1</link><pubDate>{written}</pubDate>
<description>قال الرئيس إن المحادثات مستمرة.</description></item></channel></rss>""", encoding="utf-8")
    (entry,) = read_feed(feed)
    assert abs(dt.date.fromisoformat(entry.published) - dt.date.fromisoformat(iso)) <= dt.timedelta(days=1)
