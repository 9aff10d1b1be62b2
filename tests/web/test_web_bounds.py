"""The work of one page is bounded: a long article is shown a part at a time (?part=N), and
only that part is read, searched and highlighted, off the event loop (a plain function run
in the thread pool), so one huge stored article never stalls the other requests."""
from __future__ import annotations

import inspect
import re

import pytest

from marsad.store import ingest_records, open_store

pytest.importorskip("fastapi")
pytestmark = pytest.mark.faults

SENTENCE = "قال لافروف: إن موسكو تدعم بيونغ يانغ. "  # "Lavrov said: Moscow supports Pyongyang."


def _record(article_id: str, text: str) -> dict:
    n = len(SENTENCE)
    at = SENTENCE.index("لافروف")
    mentions = [{"start": s + at, "end": s + at + 6, "text": "لافروف"} for s in range(0, len(text) - n + 1, n)]
    content = SENTENCE.index("موسكو تدعم بيونغ يانغ")
    return {"schema": "marsad/1", "id": article_id, "title": "لافروف", "text": text,
            "entities": [{"id": "e1", "label": "PER", "name": "لافروف", "name_en": "Sergei Lavrov",
                          "country": "RUS", "mentions": mentions}],
            "quotes": [{"kind": "direct", "speaker": {"entity": "e1", "text": "لافروف"},
                        "cue": {"text": "قال", "start": 0, "end": 3},
                        "content": {"text": "موسكو تدعم بيونغ يانغ", "start": content,
                                    "end": content + 21}}],
            "events": [], "dates": [], "places": [], "errors": [], "meta": {}}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from marsad.web import pages
    from marsad.web.app import create_app

    path = tmp_path_factory.mktemp("bounds") / "long.db"
    conn = open_store(path)
    long_text = SENTENCE * (int(2.5 * pages.PART_CHARS) // len(SENTENCE))  # three parts
    ingest_records(conn, [_record("long", long_text), _record("short", SENTENCE * 3)])
    conn.close()
    return TestClient(create_app(path, cache_size=0), base_url="http://localhost"), long_text


def _shown(html: str) -> str:
    """The text of the page's article body, tags removed."""
    body = re.search(r'<div class="text" id="text">(.*?)</div>', html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", body)


def test_web_bounds_page_runs_in_the_thread_pool():
    from marsad.web import api, pages

    assert not inspect.iscoroutinefunction(pages.article)
    assert not inspect.iscoroutinefunction(api.article)


def test_web_bounds_long_article_in_parts(client):
    import html

    from marsad.web.pages import PART_CHARS

    http, text = client
    parts = -(-len(text) // PART_CHARS)
    assert parts == 3
    shown = []
    for part in range(1, parts + 1):
        page = http.get(f"/articles/long?part={part}")
        assert page.status_code == 200
        assert f"الجزء {part} من {parts}" in page.text  # "part N of M"
        assert ('rel="next"' in page.text) == (part < parts)
        assert ('rel="prev"' in page.text) == (part > 1)
        shown.append(html.unescape(_shown(page.text)))
    assert "".join(shown) == text  # every character, once, in order
    assert http.get("/articles/long?part=4").status_code == 404
    assert http.get("/articles/long?part=0").status_code == 422


def test_web_bounds_part_highlights_its_own_mentions(client):
    from marsad.web.pages import PART_CHARS

    http, text = client
    page = http.get("/articles/long?part=2").text
    marked = re.findall(r'<a class="ent ent-PER"[^>]*>([^<]*)</a>', page)
    start, end = PART_CHARS, 2 * PART_CHARS
    n, at = len(SENTENCE), SENTENCE.index("لافروف")
    inside = [s + at for s in range(0, len(text) - n + 1, n) if s + at < end and s + at + 6 > start]
    assert len(marked) == len(inside)
    assert all(m and m in "لافروف" for m in marked)  # whole, or cut at the part's edges
    assert "×" + str(len(range(0, len(text) - n + 1, n))) in page  # mentions of the whole text
    hits = http.get("/articles/long?part=2&q=موسكو").text
    assert hits.count('class="hit"') >= PART_CHARS // n - 1 and "q=%D9%85" in hits  # q kept in links


def test_web_bounds_short_article_has_no_parts(client):
    http, _ = client
    page = http.get("/articles/short").text
    assert "rel=\"next\"" not in page and "الجزء" not in page
    assert page.count('<a class="ent ent-PER"') == 3
