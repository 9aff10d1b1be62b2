"""Web archives (``.warc``, ``.warc.gz``) via warcio, streamed record by record.

Each ``response`` record holding an HTML page becomes an article through the HTML reader;
other records (requests, metadata, images, scripts) are not articles and are skipped.
Sources are ``file#OFFSET`` (the record's byte offset in the file).

An archive cut short (a copy interrupted, a crawl killed) is said so: the record the file
ends in — its headers incomplete, or fewer bytes than its ``Content-Length`` — is a
``truncated`` error record at its offset, after the records before it.
"""
from __future__ import annotations

import re
import zlib
from typing import BinaryIO, Iterator, Optional

from marsad.model import Article
from marsad.readers.dates import iso_date
from marsad.readers.errors import error_article
from marsad.readers.html import html_article
from marsad.readers.source import MAX_INPUT_MB, PathLike, open_binary, too_large

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HEAD = 512  # first bytes kept: whether a broken input started as a WARC


def read_warc(path: PathLike, *, stream: Optional[BinaryIO] = None,
              max_bytes: Optional[int] = None) -> Iterator[Article]:
    """Yield one article per HTML response of the WARC file ``path`` (or ``stream``). A
    response larger than ``max_bytes`` (default :data:`~marsad.readers.source.MAX_INPUT_MB`)
    is a ``too_large`` error record (the rest of it is skipped, not read into memory)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    limit = max_bytes or MAX_INPUT_MB << 20
    # warcio decompresses .warc.gz itself, member by member: the file is opened raw
    fh = stream if stream is not None else open_binary(path, decompress=False)
    seen = _Seen(fh)
    records = ArchiveIterator(seen)
    read = 0  # records read whole
    try:
        for n, record in enumerate(records):
            if n == 0 and not _archive_start(record):
                yield error_article("warc_invalid", f"{name}: not a WARC file (no WARC header)", name)
                return
            content_type = _html_type(record)
            payload, failure = b"", None
            if content_type is not None:
                try:
                    payload = record.content_stream().read(limit + 1)
                except Exception as exc:  # a damaged record (bad chunking, bad compression)
                    failure = exc
            # the offset is known once the record is read (warcio reads to its end)
            offset = records.get_record_offset()
            source = f"{name}#{offset}"
            cut = _cut_short(record)
            if cut:
                yield error_article("truncated", f"{name}: the archive is cut short at byte "
                                    f"{offset}: its record there {cut}; {_before(read)}", source,
                                    url=record.rec_headers.get_header("WARC-Target-URI"))
                return
            read += 1
            if content_type is not None and len(payload) > limit:
                yield error_article("too_large", too_large(source, limit), source,
                                    url=record.rec_headers.get_header("WARC-Target-URI"))
            elif content_type is not None:
                yield _record_article(record, payload, failure, source, content_type)
        # warcio ends quietly on a record whose headers are cut: bytes left after the last
        # whole record are one
        end, size = getattr(records, "offset", 0), seen.tell()
        if size > end:
            yield error_article("truncated", f"{name}: the archive is cut short at byte {end}: "
                                f"the {size - end} byte{'s' * (size - end != 1)} after it are not a whole record; "
                                f"{_before(read)}",
                                f"{name}#{end}")
    except ArchiveLoadFailed as exc:
        yield _stopped(name, records, seen, read, str(exc))
    except Exception as exc:  # noqa: BLE001 - a cut gzip member, headers warcio trips on...
        yield _stopped(name, records, seen, read, repr(exc))
    finally:
        if stream is None:
            fh.close()


def _stopped(name: str, records, seen: "_Seen", read: int, why: str) -> Article:
    """The error record of a WARC that cannot be read on after ``read`` records: cut short
    when the failing record runs to the end of the input (and the input starts as a WARC)."""
    offset = getattr(records, "offset", 0)
    if seen.at_end() and (read or _warc_start(seen.head)):
        return error_article("truncated", f"{name}: the archive is cut short at byte {offset}: "
                             f"its last record is incomplete ({why}); {_before(read)}",
                             f"{name}#{offset}")
    if not read:
        return error_article("warc_invalid", f"{name}: not a readable WARC ({why})", name)
    return error_article("warc_invalid", f"{name}#{offset}: reading stopped at byte {offset}, "
                         f"the archive is damaged there: {why}; {_before(read)}",
                         f"{name}#{offset}")


def _warc_start(head: bytes) -> bool:
    """Whether ``head`` (the first bytes of an input, gzipped or not) is the start of a WARC
    record, however short."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error:
            return False
    return bool(head) and (head.startswith(b"WARC/") or b"WARC/".startswith(head[:5]))


class _Seen:
    """The input stream as warcio reads it, with its first bytes and its position kept."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh, self.head, self._pos, self._ended = fh, b"", 0, False

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size)
        if len(self.head) < _HEAD:
            self.head += data[: _HEAD - len(self.head)]
        self._pos += len(data)
        self._ended = self._ended or (not data and size != 0)
        return data

    def tell(self) -> int:
        return self._pos

    def at_end(self) -> bool:
        """Whether the input has been read to its end (reading one more byte if needed)."""
        return self._ended or not self.read(1)


def _before(read: int) -> str:
    if not read:
        return "no record comes before it"
    return "the record before it was read" if read == 1 else f"the {read} records before it were read"


def _cut_short(record) -> Optional[str]:
    """How the (read) ``record`` is cut short — the file ended inside it — or None.

    warcio reads what there is: a record whose headers end early has no length, one whose
    block ends early leaves its length reader unfinished."""
    declared = record.rec_headers.get_header("Content-Length" if record.format == "warc" else "length")
    if not (declared or "").strip().isdigit():
        return "has incomplete headers (no Content-Length)"
    length = int(declared)
    stream = record.raw_stream
    while stream is not None and not isinstance(getattr(stream, "limit", None), int):
        stream = getattr(stream, "stream", None)
    missing = stream.limit if stream is not None else 0
    if missing > 0:
        return f"ends {missing} of its {length} bytes early"
    return None


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
    if not article.text:  # an error record (a page cut to its first part still has a text)
        return article
    article.meta["warc_date"] = warc_date
    if article.published:
        article.meta["published_from"] = "page"
    else:
        article.published = iso_date(warc_date)
        article.meta["published_from"] = "warc-date"
    return article

