"""A local news site for watch's tests and benchmark: a threaded http.server on 127.0.0.1
serving generated Arabic RSS feeds and article pages (built from corpus articles read in
place from ../shared, never copied), with ETag/Last-Modified and 304s, robots.txt, and
whatever faults a test sets: a status, a delay, a body that is not a feed."""
from __future__ import annotations

import email.utils
import hashlib
import html
import json
import socket
import threading
import time
import zipfile
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional

NAV = '<nav><ul><li><a href="/">واجهة موقع الاختبار</a></li><li><a href="/politics">أقسام موقع الاختبار</a></li></ul></nav>'
FOOTER = "<footer><p>حقوق موقع الاختبار محفوظة</p></footer>"
NAV_WORDS = ("موقع الاختبار",)


def corpus_articles(snn_dir: Path, limit: int) -> list[dict]:
    """The first ``limit`` SaudiNewsNet articles with a non-blank content and title, unique
    by content."""
    out, seen = [], set()
    for path in sorted(Path(snn_dir).glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for a in json.loads(z.read(name)):
                    text, title = (a.get("content") or "").strip(), (a.get("title") or "").strip()
                    if len(text) < 200 or not title or text in seen:
                        continue
                    seen.add(text)
                    out.append(a)
                    if len(out) >= limit:
                        return out
    return out


def page_html(article: dict, published: str = "2015-07-21") -> str:
    """A news page around one article: navigation, a heading, paragraphs, a footer."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["content"].splitlines() if p.strip())
    title = html.escape(article["title"])
    return (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{published}T10:00:00+03:00">'
            f"</head><body>{NAV}<article><h1>{title}</h1>{paragraphs}</article>{FOOTER}</body></html>")


def rss(title: str, items: list[dict]) -> str:
    """RSS 2.0 with ``items`` (guid, link, title, summary; ``updated``, when given, as
    ``dcterms:modified``)."""
    body = "".join(
        f"<item><title>{html.escape(i['title'])}</title><link>{html.escape(i['link'])}</link>"
        f"<guid isPermaLink=\"false\">{html.escape(i['guid'])}</guid>"
        f"<pubDate>Tue, 21 Jul 2015 10:00:00 +0300</pubDate>"
        + (f"<dcterms:modified>{i['updated']}</dcterms:modified>" if i.get("updated") else "")
        + f"<description>{html.escape(i.get('summary', ''))}</description></item>" for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:dcterms="http://purl.org/dc/terms/"><channel>'
            f"<title>{html.escape(title)}</title><link>http://example/</link>{body}</channel></rss>")


@dataclass
class Route:
    body: bytes
    status: int = 200
    ctype: str = "text/html; charset=utf-8"
    delay: float = 0.0
    etag: Optional[str] = None
    last_modified: Optional[str] = None


class Site:
    """The routes the server answers (path → :class:`Route`; anything else is a 404) and
    the log of requests (method, path, headers)."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, str, dict]] = []
        self.posted: list[bytes] = []
        self.lock = threading.Lock()
        self.server: Optional[ThreadingHTTPServer] = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def set(self, path: str, body, status: int = 200, ctype: str = "text/html; charset=utf-8",
            delay: float = 0.0, validators: bool = True) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"' if validators else None
        modified = email.utils.formatdate(time.time(), usegmt=True) if validators else None
        with self.lock:
            self.routes[path] = Route(data, status, ctype, delay, etag, modified)

    def feed(self, path: str, title: str, items: list[dict], **kw) -> None:
        self.set(path, rss(title, items), ctype="application/rss+xml; charset=utf-8", **kw)

    def requests_to(self, path: str) -> list[dict]:
        with self.lock:
            return [h for m, p, h in self.log if p == path]

    def start(self) -> "Site":
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def setup(self):
                super().setup()
                # headers and body go out in two writes: without this, Nagle's algorithm and
                # the client's delayed ACK hold each response ~40 ms (no real server does)
                self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self):
                with site.lock:
                    site.log.append(("GET", self.path, {k.lower(): v for k, v in self.headers.items()}))
                    route = site.routes.get(self.path)
                if route is None:
                    return self._send(404, b"not found", "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    return self._send(304, b"", None, route)
                self._send(route.status, route.body, route.ctype, route)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                with site.lock:
                    site.log.append(("POST", self.path, {k.lower(): v for k, v in self.headers.items()}))
                    site.posted.append(data)
                    route = site.routes.get(self.path)
                self._send(route.status if route else 204, b"", None)

            def _send(self, status, body, ctype, route=None):
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    if route and route.etag:
                        self.send_header("ETag", route.etag)
                        self.send_header("Last-Modified", route.last_modified)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if body:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a client killed mid-request
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def build_site(site: Site, articles: list[dict], feeds: int, per_feed: int, prefix: str = "") -> list[str]:
    """``feeds`` feeds of ``per_feed`` items each over ``articles`` (one page each); return
    the feed URLs."""
    urls = []
    for f in range(feeds):
        items = []
        for i in range(per_feed):
            a = articles[(f * per_feed + i) % len(articles)]
            path = f"{prefix}/news/{f}/{i}.html"
            site.set(path, page_html(a))
            items.append({"title": a["title"], "link": site.base + path, "guid": f"{prefix}f{f}-{i}",
                          "summary": a["content"][:200]})
        site.feed(f"{prefix}/feed/{f}.xml", f"موقع {f}", items)
        urls.append(f"{site.base}{prefix}/feed/{f}.xml")
    return urls
