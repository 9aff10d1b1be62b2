"""The feeds file, and reading one feed: a conditional GET, then feedparser.

A feed that is down, slow, malformed beyond reading or not a feed at all gives a
:class:`FeedRead` with a ``status`` other than ``ok``/``not_modified`` and an ``error``
that says why; the caller reports it and goes on with the other feeds.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from marsad.errors import InputError
from marsad.watch.fetch import Fetcher


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs of a feeds file: one per line; blank lines and ``#`` comments (whole
    lines, or after the URL) ignored; a URL given twice is kept once. A line that is not an
    http(s) URL raises :class:`InputError` naming the file, the line and the reason."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the feeds file ({getattr(exc, 'strerror', None) or exc})") from None
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        url = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
            raise InputError(f"{path}:{number}: not an http(s) feed URL: {url[:100]!r}")
        if url not in urls:
            urls.append(url)
    if not urls:
        raise InputError(f"{path}: no feed URL in the file (one http(s) URL a line, # for comments)")
    return urls


@dataclass
class Entry:
    """One item of a feed: its key (see :func:`item_key`), link, and feedparser's entry."""

    key: str
    link: Optional[str]
    raw: Any
    position: int  # 1-based, in the feed as read
    updated: Optional[str] = None  # when the feed says the item last changed (see :func:`updated_of`)


@dataclass
class FeedRead:
    """What reading a feed gave: ``status`` ok, not_modified, error, invalid or disallowed."""

    url: str
    status: str
    http_status: Optional[int] = None
    error: Optional[str] = None  # why it was not read, or a warning (malformed, read anyway)
    title: Optional[str] = None
    entries: list[Entry] = field(default_factory=list)
    validators: tuple[Optional[str], Optional[str]] = (None, None)  # ETag, Last-Modified


def read_feed(fetcher: Fetcher, url: str, etag: Optional[str] = None,
              last_modified: Optional[str] = None) -> FeedRead:
    """GET the feed (conditional on ``etag`` / ``last_modified``) and parse its entries."""
    import feedparser  # imported late, as the readers do

    allowed, why = fetcher.allowed(url)
    if not allowed:  # robots.txt says no, or could not be read (then the site is down)
        status = "error" if why.startswith("retry: ") else "disallowed"
        return FeedRead(url, status, error=why.removeprefix("retry: "))
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    got = fetcher.get(url, headers)
    validators = (got.headers.get("etag"), got.headers.get("last-modified"))
    if got.status == 304:
        return FeedRead(url, "not_modified", 304, validators=(etag, last_modified))
    if got.error:
        return FeedRead(url, "error", got.status, error=got.error)
    if got.status != 200:
        return FeedRead(url, "error", got.status, error=f"HTTP {got.status}")
    parsed = feedparser.parse(got.content, response_headers={
        "content-type": got.headers.get("content-type", "application/xml"),
        "content-location": got.url})
    warning = _bozo(parsed)
    if not parsed.entries and (warning or not parsed.get("version")):
        what = got.headers.get("content-type", "unknown type").split(";")[0]
        return FeedRead(url, "invalid", 200, error=f"not an RSS or Atom feed ({what}"
                        + (f"; {warning})" if warning else ")"))
    entries = [Entry(item_key(url, e), e.get("link") or None, e, n, updated_of(e))
               for n, e in enumerate(parsed.entries, 1)]
    return FeedRead(url, "ok", 200, error=f"malformed, read anyway: {warning}" if warning else None,
                    title=parsed.get("feed", {}).get("title") or None, entries=entries,
                    validators=validators)


def updated_of(entry: Any) -> Optional[str]:
    """When the feed says the item last changed: Atom's ``<updated>``, RSS's
    ``dcterms:modified``, as UTC ``YYYY-MM-DDTHH:MM:SSZ`` (the value as written when it
    cannot be read as a time). None when the feed gives only a publication date: feedparser
    would hand that back as ``updated``, but it tells nothing of a correction."""
    if "updated" not in entry:  # the real key, not feedparser's fallback to ``published``
        return None
    parsed = entry.get("updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return str(entry["updated"]).strip() or None


def item_key(feed_url: str, entry: Any) -> str:
    """What identifies a feed item across polls and restarts: its GUID when it is global
    (a URL, a ``tag:`` or ``urn:`` URI), a GUID local to the feed prefixed with the feed's
    URL, else its link, else a hash of its title and summary."""
    guid = (entry.get("id") or "").strip()
    if guid:
        if "://" in guid or guid.startswith(("tag:", "urn:")):
            return guid
        return f"{feed_url}#{guid}"
    link = (entry.get("link") or "").strip()
    if link:
        return link
    basis = (entry.get("title") or "") + "\x00" + (entry.get("summary") or "")
    return f"{feed_url}#sha-" + hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _bozo(parsed: Any) -> Optional[str]:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc else "malformed feed"
