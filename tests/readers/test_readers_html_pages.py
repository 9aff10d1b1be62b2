"""marsad.readers.html: main text, title, date and author through trafilatura."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.model import content_id
from marsad.readers.html import fragment_text, html_article, read_html

SHORT = "قال وزير الخارجية إن الاجتماع كان مثمرا وإن البلدين سيتعاونان."  # the foreign minister said...


def test_readers_html_seed_page(tmp_path: Path, seed_html: str, seed_parts) -> None:
    title, body = seed_parts
    path = tmp_path / "seed.html"
    path.write_text(seed_html, encoding="utf-8")
    (article,) = read_html(path)
    assert not article.errors
    assert article.title == title and article.published == "2023-09-13"
    assert article.text == body.strip()  # the heading repeating the title is not body text
    for noise in ("الصفحة الأولى", "سياسة", "جميع الحقوق محفوظة"):  # menu and footer
        assert noise not in article.text
    assert article.id == content_id(article.text, article.title) and article.source == str(path)


@pytest.mark.parametrize(
    "head, published, author",
    [
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2023-09-12T08:00:00Z",'
         ' "author": {"@type": "Person", "name": "سارة محمد"}}</script>', "2023-09-12", "سارة محمد"),
        ('<meta name="author" content="أحمد علي">', None, "أحمد علي"),
    ],
    ids=["json-ld", "meta-author"],
)
def test_readers_html_metadata(seed_parts, make_seed_page, head: str, published, author) -> None:
    article = html_article(make_seed_page(*seed_parts, head=head), "page.html")
    assert (article.published, article.author) == (published, author)


def test_readers_html_time_element() -> None:
    page = f'<html><body><time datetime="2021-03-04T10:00">٤ مارس</time><p>{SHORT}</p></body></html>'
    assert html_article(page, "t.html").published == "2021-03-04"


def test_readers_html_windows_1256_page(seed_parts, make_seed_page) -> None:
    page = make_seed_page(*seed_parts).replace('charset="utf-8"', 'charset="windows-1256"')
    article = html_article(page.encode("cp1256", errors="replace"), "legacy.html")
    assert article.title == seed_parts[0] and article.text.startswith("تشرين – وكالات:")


@pytest.mark.parametrize(
    "page, code",
    [
        ("<html><body><div><p>" + SHORT + " <b>غير مغلق", None),  # unclosed tags
        ("<<<>>><p", "no_main_text"),
        ("<html><body><nav><a href='/'>الرئيسية</a></nav><footer>حقوق</footer></body></html>", "no_main_text"),
        ("", "empty_text"),
        (b"\x00\x01\x02\xff" * 100, "binary"),
    ],
    ids=["unclosed", "garbage", "only-boilerplate", "empty", "binary"],
)
def test_readers_html_broken_pages(page, code) -> None:
    article = html_article(page, "broken.html")
    assert (article.errors[0].code if article.errors else None) == code
    if code:
        assert article.text == "" and "broken.html" in article.errors[0].message
    else:
        assert article.text == SHORT + " غير مغلق"


def test_readers_html_short_page_keeps_only_text() -> None:
    page = f"<html><body><nav>الرئيسية | أخبار</nav><p>{SHORT}</p><footer>حقوق</footer></body></html>"
    assert html_article(page, "short.html").text == SHORT


@pytest.mark.parametrize(
    "fragment, text",
    [
        ("<p>أ <b>ب</b></p><p>ج<br>د</p><script>x()</script>", "أ ب\nج\nد"),
        ("نص &amp; عادي", "نص & عادي"),
        ("<p>غير مغلق", "غير مغلق"),
    ],
)
def test_readers_html_fragment_text(fragment: str, text: str) -> None:
    assert fragment_text(fragment) == text
