"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml`` that looks like a feed) via feedparser.

One article per entry. The text is the entry's full content (``content:encoded``, Atom
``content``) as plain text, else its summary, flagged ``meta["summary_only"]``. A feed
that parses with complaints (feedparser's ``bozo``) is read all the same, the complaint
noted in each entry's meta.
"""
from __future__ import annotations

import re
import time
from typing import Any, BinaryIO, Iterator, Optional

from marsad.model import Article
from marsad.readers.dates import iso_date
from marsad.readers.encoding import looks_binary
from marsad.readers.errors import DecodeError, error_article
from marsad.readers.html import fragment_text
from marsad.readers.source import HEAD, PathLike, read_bytes

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of an XML document open an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.search(head[:4096]))


def read_feed(path: PathLike, *, stream: Optional[BinaryIO] = None,
              max_bytes: Optional[int] = None) -> Iterator[Article]:
    """Yield one article per entry of the feed ``path`` (or ``stream``, named ``path``), at
    most ``max_bytes`` long (see :func:`~marsad.readers.source.read_bytes`); entry sources
    are ``path#N`` (N counted from 1)."""
    import feedparser  # imported late: only feeds need it

    name = str(path)
    try:
        data = read_bytes(path, stream, max_bytes)
    except DecodeError as exc:
        yield error_article(exc.code, str(exc), name)
        return
    if looks_binary(data[:HEAD]):
        yield error_article("binary", f"{name}: not text (NUL bytes)", name)
        return
    parsed = feedparser.parse(data)  # bytes: never taken for a URL
    warning = _bozo(parsed)
    if not parsed.entries:
        if warning:
            yield error_article("feed_invalid", f"{name}: not a readable feed ({warning})", name)
        return
    feed = parsed.get("feed", {})
    for n, entry in enumerate(parsed.entries, 1):
        source = f"{name}#{n}"
        try:
            yield entry_article(entry, source, outlet=feed.get("title") or None, warning=warning)
        except Exception as exc:  # a malformed entry must not lose the others
            yield error_article("read_failed", f"{source}: entry could not be read ({exc!r})", source)


def entry_article(entry: Any, source: str, outlet: Optional[str] = None, warning: Optional[str] = None) -> Article:
    """The article of one feedparser entry."""
    meta: dict[str, Any] = {}
    if warning:
        meta["feed_warning"] = warning
    text = _content_text(entry)
    if not text:
        text = fragment_text(entry.get("summary") or "")
        if text:
            meta["summary_only"] = True
    published, date_note = _entry_date(entry)
    if date_note:
        meta["date_note"] = date_note
    fields = {
        "id": entry.get("id") or entry.get("link") or None,
        "title": fragment_text(entry.get("title") or "") or None,
        "url": entry.get("link") or None,
        "author": entry.get("author") or None,
        "outlet": outlet,
        "published": published,
        "meta": meta,
    }
    if not text.strip():
        return error_article("empty_text", f"{source}: the entry has neither content nor summary", source, **fields)
    return Article(text=text, source=source, **fields)


def _content_text(entry: Any) -> str:
    """Plain text of the entry's full content, the HTML part preferred."""
    contents = entry.get("content") or []
    contents = sorted(contents, key=lambda c: "html" not in (c.get("type") or ""))
    for content in contents:
        text = fragment_text(content.get("value") or "")
        if text:
            return text
    return ""


def _entry_date(entry: Any) -> tuple[Optional[str], Optional[str]]:
    """(ISO date, note): the date as written (its own time zone) when it parses, else
    feedparser's UTC reading; an unreadable date gives None and a note."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        written = iso_date(raw) if not re.fullmatch(r"\s*\d+\s*", raw) else None
        parsed = entry.get(f"{key}_parsed")
        if written:
            return written, None
        if isinstance(parsed, time.struct_time):
            return iso_date(parsed), None
        return None, f"unreadable {key} date: {raw[:80]!r}"
    return None, None


def _bozo(parsed: Any) -> Optional[str]:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc else "malformed feed"
