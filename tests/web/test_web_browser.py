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
