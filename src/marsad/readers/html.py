"""HTML pages (``.html``, ``.htm``): main text and metadata through trafilatura.

The extracted main text (paragraphs joined by newlines, navigation and footers dropped)
becomes the article text that offsets index; the page title, publication date (meta
``article:published_time``, JSON-LD ``datePublished``, ``<time>``...) and author come from
trafilatura's metadata extraction (htmldate for the date).
"""
from __future__ import annotations

import html as html_lib
import re
from typing import BinaryIO, Iterator, Optional, Union

from marsad.model import Article, ErrorInfo
from marsad.readers.dates import iso_date
from marsad.readers.encoding import decode, looks_binary
from marsad.readers.errors import DecodeError, error_article
from marsad.readers.source import HEAD, PathLike, read_bytes

# The most HTML (characters) a page's main text is taken from: trafilatura's time and memory
# grow faster than the page (8 MB: 3 s and 220 MB; 20 MB: 9 s, 500 MB; 90 MB: 285 s, 2.3 GB),
# and the text of 8 MB of HTML is already far past --max-chars.
MAX_PAGE_CHARS = 8_000_000
# htmldate's extensive search guesses from any date-like string in the body ("12 مارس 2019"
# became 2019-01-01); only dates marked up as such are trusted.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# On short pages trafilatura falls back to the whole body, menus and footers included; these
# never hold article text, so they go before extraction.
_BOILERPLATE = ["//nav", "//footer", "//*[@role='navigation']", "//*[@role='contentinfo']"]
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BLOCKS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre", "section", "article", "figcaption", "hr")


def read_html(path: PathLike, *, stream: Optional[BinaryIO] = None, url: Optional[str] = None,
              max_bytes: Optional[int] = None) -> Iterator[Article]:
    """Yield the one article of the HTML page ``path`` (or ``stream``, named ``path``), at
    most ``max_bytes`` long (see :func:`~marsad.readers.source.read_bytes`)."""
    name = str(path)
    try:
        data = read_bytes(path, stream, max_bytes)
    except DecodeError as exc:
        yield error_article(exc.code, str(exc), name, url=url)
        return
    yield html_article(data, name, url=url)


def html_article(
    data: Union[bytes, str],
    source: str,
    *,
    url: Optional[str] = None,
    id: Optional[str] = None,
    charset: Optional[str] = None,
) -> Article:
    """The article of one HTML page; ``charset`` is a declared encoding (e.g. from HTTP).

    Never raises on bad markup: a page without main text is an error record ``no_main_text``.
    """
    if isinstance(data, bytes) and looks_binary(data[:HEAD]):  # NULs decode as UTF-8
        return error_article("binary", f"{source}: not text (NUL bytes)", source, id=id, url=url)
    try:
        page = data if isinstance(data, str) else page_text(data, charset, source)
    except DecodeError as exc:
        return error_article(exc.code, exc.message, source, id=id, url=url)
    if not page.strip():
        return error_article("empty_text", f"{source}: empty page", source, id=id, url=url)
    notes = []
    if len(page) > MAX_PAGE_CHARS:
        notes.append(ErrorInfo("text_truncated", f"{source}: the page has {len(page)} characters "
                               f"of HTML; its text was taken from the first {MAX_PAGE_CHARS}",
                               source))
        page = page[:MAX_PAGE_CHARS]
    try:
        doc = _extract(page, url)
    except Exception as exc:  # trafilatura/lxml on hostile markup; one page must not stop a batch
        return error_article("read_failed", f"{source}: HTML extraction failed ({exc!r})", source, id=id, url=url)
    text = _body(doc.text or "", doc.title) if doc else ""
    if not text.strip():
        message = f"{source}: no main text found in the page"
        return error_article("no_main_text", message, source, id=id, url=url, title=doc.title if doc else None)
    meta = {k: v for k, v in (("hostname", doc.hostname), ("description", doc.description)) if v}
    return Article(
        text=text,
        id=id,
        title=doc.title or None,
        published=iso_date(doc.date),
        url=url or doc.url or None,
        outlet=_outlet(doc.sitename, doc.title),
        author=doc.author or None,
        source=source,
        meta=meta,
        errors=notes,
    )


def page_text(data: bytes, charset: Optional[str], name: str) -> str:
    """An HTML page's bytes as text: strict UTF-8 when it decodes (declared charsets are
    often wrong), else the declared charset, else detection (Windows-1256 pages...)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = charset or _declared_charset(data)
    if declared:
        try:
            return data.decode(declared, errors="replace")
        except LookupError:
            pass
    return decode(data, name=name).text


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one line per block, spaces
    collapsed, scripts and styles dropped."""
    if "<" not in fragment:
        return _tidy(html_lib.unescape(fragment))
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(html_lib.unescape(re.sub(r"<[^>]*>", "\n", fragment)))
    for node in root.xpath("//script|//style"):
        node.drop_tree()
    for node in root.iter(*_BLOCKS):
        node.tail = "\n" + (node.tail or "")
        node.text = "\n" + (node.text or "")
    return _tidy(root.text_content())


def _extract(page: str, url: Optional[str]):
    import trafilatura  # imported late: it loads lxml, htmldate, justext and friends

    return trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
        prune_xpath=_BOILERPLATE,
    )


def _body(text: str, title: Optional[str]) -> str:
    """The extracted text without the page heading when it repeats the title."""
    if title:
        first, newline, rest = text.partition("\n")
        if newline and first.strip() == title.strip():
            return rest
    return text


def _outlet(sitename: Optional[str], title: Optional[str]) -> Optional[str]:
    # trafilatura guesses a site name from a title split at " – " or " | "; a part of the
    # title itself is not an outlet.
    if not sitename or (title and sitename in title):
        return None
    return sitename


def _declared_charset(data: bytes) -> Optional[str]:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
