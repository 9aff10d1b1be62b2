"""The pages in a real headless Chromium (Debian's ``chromium``, driven by Playwright), against
``marsad serve`` on a free loopback port. Screenshots go to out/screenshots/ (gitignored).

Skips when Chromium or Playwright is missing on a developer machine; under CI (``CI`` set)
their absence fails.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def _require(ok: bool, what: str) -> None:
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing: CI must install it (see docs/store.md)")
        pytest.skip(f"{what} not available")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    _require(sync_playwright is not None, "playwright (pip install playwright)")
    _require(os.path.exists(CHROMIUM), "chromium (apt-get install chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    # Nothing may leave the machine: any request to another host fails the test.
    outside: list[str] = []
    context.route("**/*", lambda route: (route.continue_() if route.request.url.startswith("http://127.0.0.1")
                                         else (outside.append(route.request.url), route.abort())))
    p = context.new_page()
    yield p
    context.close()
    assert not outside, f"requests outside loopback: {outside}"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_web_browser_article_highlights_and_rtl(page, server):
    page.goto(server + "/articles/seed-000?q=بوتين")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('#text')).direction") == "rtl"
    assert page.locator("#text a.ent-PER").count() > 0
    assert page.locator("#text .quote").count() > 0
    assert page.locator("#text .evidence").count() > 0
    assert page.locator("#text .hit").first.inner_text() == "بوتين"
    # Arabic text runs right to left: the title's right edge sits at the right of the page.
    box = page.locator("h1").bounding_box()
    assert box["x"] + box["width"] > 1280 / 2
    _shot(page, "article-desktop")


def test_web_browser_quote_speaker_links_to_actor(page, server):
    page.goto(server + "/articles/seed-000")
    speaker = page.locator("ul.quotes a.speaker").first
    name = speaker.inner_text()
    speaker.click()
    page.wait_for_load_state()
    assert "/actors/" in page.url
    assert page.locator("h1").inner_text() == name
    assert page.locator("ul.quotes li blockquote").count() > 0
    _shot(page, "actor-desktop")


def test_web_browser_network_svg_renders(page, server):
    page.goto(server + "/network")
    svg = page.locator("svg#network")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 200 and box["height"] > 200
    assert page.locator("svg#network .node").count() >= 3
    assert page.locator("svg#network line.edge").count() >= 2
    _shot(page, "network-desktop")


def test_web_browser_search_and_events(page, server):
    page.goto(server + "/")
    page.fill("form.big-search input[name=q]", "الامبريالية")
    page.press("form.big-search input[name=q]", "Enter")
    page.wait_for_load_state()
    assert page.locator("li.hit a.title").first.get_attribute("href").startswith("/articles/seed-000")
    assert page.locator("li.hit mark").count() > 0
    _shot(page, "search-desktop")
    page.goto(server + "/events?country=RUS")
    assert page.locator("figure.timeline rect.bar").count() > 0
    _shot(page, "events-desktop")


def test_web_browser_phone_layout(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="ar")
    p = context.new_page()
    try:
        for path, name in (("/articles/seed-000", "article-phone"), ("/", "home-phone"),
                           ("/network", "network-phone")):
            p.goto(server + path)
            # Nothing wider than the screen: no sideways scrolling of the page itself.
            assert p.evaluate("document.documentElement.scrollWidth") <= 390 + 1, path
            assert p.evaluate("getComputedStyle(document.body).direction") == "rtl"
            _shot(p, name)
    finally:
        context.close()


def test_web_browser_entity_counts_read_left_to_right(page, server):
    # issue #20: «إيرانIran» glued, «×3» shown as «3×» in the right-to-left list
    page.goto(server + "/articles/seed-000")
    item = page.locator("ul.entities li", has=page.locator("bdi.en")).first
    assert " " + item.locator("bdi.en").inner_text() in item.inner_text()
    # «×» drawn left of the number, as in «×3», after an Arabic name as after a code
    assert page.locator("ul.entities .times").count() > 1 and _flipped_counts(page, "ul.entities") == []
    page.goto(server + "/actors/vladimir%20putin")  # «seen with»: Arabic names, then «×N»
    assert page.locator("ul.seen .times").count() > 1 and _flipped_counts(page, "ul.seen") == []


def _flipped_counts(page, where: str) -> list[str]:
    """The list items of ``where`` whose «×N» is drawn with «×» right of the number."""
    return page.evaluate("""(where) => [...document.querySelectorAll(where + ' .times')].filter(el => {
        const t = el.firstChild;
        const left = (a, b) => { const r = document.createRange(); r.setStart(t, a); r.setEnd(t, b);
                                 return r.getBoundingClientRect().left; };
        return left(0, 1) > left(1, t.length);
    }).map(el => el.closest('li').innerText)""", where)


def test_web_browser_actor_index_leads_to_actor(page, server):
    page.goto(server + "/actors?sort=quotes")
    assert page.locator("table.actors tbody tr").count() > 1
    first = page.locator("table.actors a.actor").first
    name = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert "/actors/" in page.url and page.locator("h1").inner_text() == name
    _shot(page, "actor-from-index")


# The analyst's desk pages (issue #20): right to left, no console error, nothing fetched
# from outside (the page fixture fails on any request off loopback), the drawing visible.
DESK_PAGES = [("/search?q=بوتين", "aside.facets"), ("/events", "aside.facets"),
              ("/quotes", "ul.quotes"), ("/outlets", "table.outlets"), ("/places", "table.places"),
              ("/attention?q=بوتين&q=كيم", "figure.attention svg"), ("/map", "svg#map"),
              ("/actors?sort=events", "table.actors")]


@pytest.mark.parametrize("path,drawn", DESK_PAGES)
def test_web_browser_desk_pages(page, server, path, drawn):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(server + path)
    assert response.status == 200
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    box = page.locator(drawn).first.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20, drawn
    assert not errors, errors
    _shot(page, "desk-" + path.strip("/").split("?")[0])


def test_web_browser_facet_click_narrows(page, server):
    page.goto(server + "/search?q=بوتين")
    total = int(page.locator("p.count").first.inner_text().split()[0])
    link = page.locator("section.facet-outlet a").first
    n = int(link.locator("xpath=..").locator(".n").inner_text())
    link.click()
    page.wait_for_load_state()
    assert "outlet=" in page.url and "q=" in page.url
    assert int(page.locator("p.count").first.inner_text().split()[0]) == n <= total


def test_web_browser_map_country_leads_to_its_events(page, server):
    page.goto(server + "/map")
    assert page.locator("svg#map path.land").count() > 150
    shaded = page.locator("svg#map a path.land").first
    shaded.click(force=True)
    page.wait_for_load_state()
    assert "/events?country=" in page.url
    assert page.locator("table.events tbody tr").count() >= 1


def test_web_browser_desk_phone_layout(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="ar")
    p = context.new_page()
    try:
        for path in ("/search?q=بوتين", "/map", "/attention?q=بوتين", "/places"):
            p.goto(server + path)
            assert p.evaluate("document.documentElement.scrollWidth") <= 390 + 1, path
    finally:
        context.close()
