"""Web archives (``.warc``, ``.warc.gz``) via warcio, streamed record by record.

Each ``response`` record holding an HTML page becomes an article through the HTML reader;
other records (requests, metadata, images, scripts) are not articles and are skipped.
Sources are ``file#OFFSET`` (the record's byte offset in the file).
"""
from __future__ import annotations

import re
from typing import BinaryIO, Iterator, Optional

from marsad.model import Article
from marsad.readers.dates import iso_date
from marsad.readers.errors import error_article
from marsad.readers.html import html_article
from marsad.readers.source import PathLike, open_binary

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def read_warc(path: PathLike, *, stream: Optional[BinaryIO] = None) -> Iterator[Article]:
    """Yield one article per HTML response of the WARC file ``path`` (or ``stream``)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    # warcio decompresses .warc.gz itself, member by member: the file is opened raw
    fh = stream if stream is not None else open_binary(path, decompress=False)
    records = ArchiveIterator(fh)
    try:
        for n, record in enumerate(records):
            if n == 0 and not _archive_start(record):
                yield error_article("warc_invalid", f"{name}: not a WARC file (no WARC header)", name)
                return
            content_type = _html_type(record)
            if content_type is None:
                continue
            try:
                payload, failure = record.content_stream().read(), None
            except Exception as exc:  # a damaged record (bad chunking, bad compression)
                payload, failure = b"", exc
            # the offset is known once the record is read (warcio reads to its end)
            source = f"{name}#{records.get_record_offset()}"
            yield _record_article(record, payload, failure, source, content_type)
    except ArchiveLoadFailed as exc:
        yield error_article("warc_invalid", f"{name}: not a readable WARC ({exc})", name)
    except (OSError, EOFError, ValueError) as exc:  # truncated gzip member, bad headers...
        yield error_article("warc_invalid", f"{name}: WARC reading stopped ({exc!r})", name)
    finally:
        if stream is None:
            fh.close()


def _archive_start(record) -> bool:
    """warcio reads any line of five words as an ARC header; a real ARC file starts with a
    ``filedesc://`` record, a WARC file with a WARC header."""
    if record.format == "warc":
        return True
    return (record.rec_headers.get_header("uri") or "").startswith("filedesc:")


def _html_type(record) -> Optional[str]:
    """The Content-Type of an HTML response record, None for any other record."""
    if record.rec_type != "response" or not record.http_headers:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type if content_type.split(";")[0].strip().lower() in _HTML_TYPES else None


def _record_article(record, payload: bytes, failure: Optional[Exception], source: str, content_type: str) -> Article:
    url = record.rec_headers.get_header("WARC-Target-URI")
    warc_date = record.rec_headers.get_header("WARC-Date")
    if failure is not None:
        return error_article("warc_invalid", f"{source}: record could not be read ({failure!r})", source, url=url)
    charset = _CHARSET.search(content_type)
    article = html_article(payload, source, url=url, charset=charset.group(1) if charset else None)
    if article.errors:
        return article
    article.meta["warc_date"] = warc_date
    if article.published:
        article.meta["published_from"] = "page"
    else:
        article.published = iso_date(warc_date)
        article.meta["published_from"] = "warc-date"
    return article

