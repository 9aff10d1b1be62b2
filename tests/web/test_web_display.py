"""Display defects of issue #20: the entity list glued names to their English («إيرانIran»)
and let the bidi algorithm flip «×3»; «&quot;» in crawled titles was shown literally."""
from __future__ import annotations

import html as html_lib
import re

import pytest


def _entities(page: str) -> str:
    return page[page.index('<ul class="entities">'):page.index("</ul>", page.index('<ul class="entities">'))]


def test_web_display_entity_name_and_english_are_apart(client):
    items = _entities(client.get("/articles/seed-000").text)
    assert '<bdi class="en" dir="ltr">Vladimir Putin</bdi>' in items
    assert not re.search(r'[^\s>]<bdi class="en"', items)  # a space before every English name
    assert re.search(r'</a> <bdi class="en"', items)


def test_web_display_mention_counts_are_isolated_left_to_right(client):
    items = _entities(client.get("/articles/seed-000").text)
    counts = re.findall(r'<bdi class="times" dir="ltr">×(\d+)</bdi>', items)
    assert counts and len(counts) == items.count("<li>")
    assert "<small>×" not in client.get("/actors/vladimir%20putin").text


@pytest.fixture(scope="module")
def quoted_title_client(tmp_path_factory):
    from fastapi.testclient import TestClient
    from store_fixtures_web import record_with_title

    from marsad.store import ingest_records, open_store
    from marsad.web.app import create_app

    path = tmp_path_factory.mktemp("quot") / "q.db"
    conn = open_store(path)
    ingest_records(conn, [record_with_title("quot-1", "وزير: &quot;لا تراجع&quot; &amp; <b>")])
    conn.close()
    with TestClient(create_app(path), base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("url", ["/articles/quot-1", "/", "/search?q=وزير"])
def test_web_display_entities_in_titles_shown_as_characters(quoted_title_client, url):
    page = quoted_title_client.get(url).text
    assert "&amp;quot;" not in page and "&amp;amp;" not in page
    assert "&#34;لا تراجع&#34;" in page or "&quot;لا تراجع&quot;" in page
    assert "<b>" not in page.split("<main>")[1]  # still escaped: unescaping never opens markup
    assert html_lib.unescape("&quot;لا تراجع&quot;") in html_lib.unescape(page)
