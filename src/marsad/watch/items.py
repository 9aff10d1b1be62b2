"""A feed item becomes an :class:`~marsad.model.Article`: its page fetched and read by
marsad's HTML reader (trafilatura: main text, title, date, author; navigation and footer
pruned), what the page lacks taken from the feed entry. A page that cannot be fetched or
read becomes an error record that keeps what the entry says (title, link, date)."""
from __future__ import annotations

import hashlib
from typing import Optional
from urllib.parse import urlsplit

from marsad.model import Article
from marsad.readers.errors import error_article
from marsad.readers.feeds import entry_article
from marsad.readers.html import html_article
from marsad.watch.feeds import Entry
from marsad.watch.fetch import Fetcher

HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def article_id(entry: Entry) -> str:
    """The stored id of an item: a hash of its link (else of its key). Ids carry no '/'
    (every article must be reachable at ``/articles/{id}``), and the same link read from
    two feeds is one article."""
    basis = entry.link or entry.key
    return "w-" + hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def item_article(fetcher: Fetcher, entry: Entry, feed_url: str, outlet: Optional[str]) -> Article:
    """The article of one feed item. Its ``errors`` say why when the page could not be
    fetched or read; an error whose message starts with ``retry:`` may pass (a timeout, a
    5xx) and the item is tried again at a later poll."""
    source = f"{feed_url}#{entry.position}"
    from_feed = entry_article(entry.raw, source, outlet=outlet)
    meta = {"feed": feed_url, "guid": entry.raw.get("id") or None}
    meta = {k: v for k, v in meta.items() if v}
    known = {"id": article_id(entry), "title": from_feed.title, "url": entry.link,
             "published": from_feed.published, "author": from_feed.author, "outlet": outlet}
    if not entry.link:  # nothing to fetch: the entry's own text is the article
        from_feed.id = known["id"]
        from_feed.meta.update(meta)
        return from_feed
    link = entry.link
    allowed, why = fetcher.allowed(link)
    if not allowed:
        code = "fetch_failed" if why.startswith("retry:") else "robots_disallowed"
        return error_article(code, f"{link}: {why}", link, meta=meta, **known)
    got = fetcher.get(link)
    if got.error or got.status != 200:
        reason = got.error or f"HTTP {got.status}"
        transient = got.transient
        return error_article("fetch_failed", f"{link}: {'retry: ' if transient else ''}{reason}",
                             link, meta=meta, **known)
    ctype = got.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        return error_article("not_html", f"{link}: not an HTML page ({ctype})", link, meta=meta, **known)
    article = html_article(got.content, link, url=link, id=known["id"], charset=got.charset)
    if got.url != link:
        meta["final_url"] = got.url
    article.meta.update(meta)
    host = urlsplit(link).netloc.lower()
    if outlet and article.outlet and article.outlet.lower() in (host, host.split(":")[0],
                                                               str(article.meta.get("hostname", "")).lower()):
        article.outlet = outlet  # a host name guessed as the site's name: the feed's title says more
    for name in ("title", "published", "author", "outlet"):
        if not getattr(article, name) and known[name]:
            setattr(article, name, known[name])
    return article


def failure_reason(article: Article) -> Optional[str]:
    """Why the article is an error record (its first error, without the link in front; it
    starts with ``retry:`` when the failure may pass), or None."""
    if not article.errors:
        return None
    message = article.errors[0].message
    link = article.url or ""
    text = message[len(link) + 2:] if link and message.startswith(link + ": ") else message
    return text
