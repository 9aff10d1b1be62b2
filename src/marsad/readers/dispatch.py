"""One entry point for every input: files, directories and stdin, in any known format.

The format comes from ``format=`` when given, else from the file extension, else (stdin
and unknown extensions) from the first bytes (:func:`sniff`).
"""
from __future__ import annotations

import io
import os
import sys
import zlib
from typing import Any, Callable, Iterable, Iterator, Optional

from marsad.model import Article
from marsad.readers.archive import Note, read_zip
from marsad.readers.errors import ReaderError, error_article
from marsad.readers.feeds import looks_like_feed, read_feed
from marsad.readers.formats import format_of, not_article
from marsad.readers.html import read_html
from marsad.readers.jsonl import read_json, read_jsonl
from marsad.readers.source import MAX_INPUT_MB, open_binary, prefixed, too_large
from marsad.readers.text import read_text
from marsad.readers.warc import read_warc

FORMATS = ("txt", "jsonl", "json", "html", "rss", "warc", "zip")
READERS: dict[str, Callable[..., Iterator[Article]]] = {
    "txt": read_text,
    "jsonl": read_jsonl,
    "json": read_json,
    "html": read_html,
    "rss": read_feed,
    "warc": read_warc,
    "zip": read_zip,
}
# Reader options, by format. max_bytes: the largest file (or JSON line or object, or WARC
# response) read whole (marsad.readers.source.MAX_INPUT_MB by default).
OPTIONS = {"txt": ("title_line", "encoding", "max_bytes"), "html": ("max_bytes",),
           "rss": ("max_bytes",), "jsonl": ("max_bytes",), "json": ("max_bytes",),
           "warc": ("max_bytes",), "zip": ("max_bytes",)}
_HEAD = 65536


def read(
    inputs: Iterable[str], format: Optional[str] = None, *, note: Optional[Note] = None, **options: Any
) -> Iterator[Article]:
    """Articles from ``inputs`` (paths, directories, ``-`` for stdin), in order.

    ``format`` forces one of :data:`FORMATS` (inside zip archives: the members' format);
    ``options`` go to the readers that take them (``title_line``, ``encoding`` for text
    files; ``max_bytes``, the largest file, JSON line or JSON object read, for text, HTML,
    feeds, JSON Lines and JSON: past it an input is a ``too_large`` error record). ``note``
    receives one line per file skipped as not news (README, LICENSE...; default: printed on
    stderr). Raises :class:`ReaderError` at once for a missing input, an unknown format or
    an unknown option; unreadable items inside inputs become error records instead.
    """
    inputs = [str(i) for i in inputs]
    if format is not None and format not in FORMATS:
        raise ReaderError(f"unknown format {format!r} (known: {', '.join(FORMATS)})")
    known = {name for names in OPTIONS.values() for name in names}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ReaderError(f"unknown reader option(s): {', '.join(unknown)}")
    for item in inputs:
        if item != "-" and not os.path.exists(item):
            raise ReaderError(f"{item}: no such file or directory")
    return _read_all(inputs, format, options, note or _stderr)


def sniff(head: bytes) -> Optional[str]:
    """The format the first bytes of an input suggest, or None."""
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return None
        return "warc" if inner.startswith(b"WARC/") else None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"<"):
        return "rss" if looks_like_feed(start) else "html"
    return "txt" if start else None


def walk(directory: str, format: Optional[str] = None, note: Optional[Note] = None) -> Iterator[str]:
    """Files under ``directory`` with a known extension (of ``format`` when given; zip
    archives always, ``format`` then applying to their members), in sorted order, hidden
    files and folders skipped, ``.xml`` only when it is a feed. Files that are not news
    (README, LICENSE, ``.md``...) are skipped and told to ``note``."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            fmt = format_of(name)
            if name.startswith("."):
                continue
            reason = not_article(name)
            if reason:
                (note or _stderr)(f"{path}: skipped ({reason})")
                continue
            if fmt is None or (format and fmt not in (format, "zip")):
                continue
            if name.lower().endswith(".xml") and not _is_feed(path):
                continue
            yield path


def expand_inputs(inputs: Iterable[str], format: Optional[str] = None,
                  note: Optional[Note] = None) -> list[str]:
    """The input files named by ``inputs`` (folders walked as :func:`read` walks them).
    Raises :class:`ReaderError` for stdin or a missing path: shards need files."""
    files: list[str] = []
    for item in inputs:
        if item == "-":
            raise ReaderError("stdin cannot be split into shards: give files or folders")
        if os.path.isdir(item):
            files.extend(walk(item, format, note))
        elif os.path.exists(item):
            files.append(item)
        else:
            raise ReaderError(f"{item}: no such file or directory")
    return files


def _read_all(inputs: list[str], format: Optional[str], options: dict, note: Note) -> Iterator[Article]:
    for item in inputs:
        if item == "-":
            yield from _read_stdin(format, options, note)
        elif os.path.isdir(item):
            for path in walk(item, format, note):
                yield from _read_file(path, format_of(path), options, note, format)
        else:
            fmt = format if format and format_of(item) != "zip" else _detect(item)
            yield from _read_file(item, fmt, options, note, format)


def _read_file(path: str, fmt: Optional[str], options: dict, note: Note,
               forced: Optional[str] = None) -> Iterator[Article]:
    if fmt is None:
        yield error_article("unsupported_format", f"{path}: format not recognised (use --format)", path)
        return
    if fmt == "zip":
        members = forced if forced != "zip" else None
        yield from _guarded(read_zip(path, format=members, note=note,
                                     max_bytes=options.get("max_bytes")), path)
        return
    yield from _guarded(READERS[fmt](path, **_options_for(fmt, options)), path)


def _read_stdin(format: Optional[str], options: dict, note: Note) -> Iterator[Article]:
    stdin = sys.stdin.buffer
    head = stdin.read(_HEAD)
    fmt = format or sniff(head)
    if fmt is None:
        if head:
            yield error_article("unsupported_format", "stdin: format not recognised (use --format)", "stdin")
        return
    if fmt == "zip" or sniff(head) == "zip":  # a zip's directory is at its end: needs seeking
        limit = options.get("max_bytes") or MAX_INPUT_MB << 20
        data = head + stdin.read(limit + 1 - len(head))
        if len(data) > limit:  # an endless pipe ends here
            yield error_article("too_large", too_large("stdin", limit), "stdin")
            return
        yield from _guarded(read_zip("stdin", stream=io.BytesIO(data), note=note,
                                     format=None if fmt == "zip" else fmt,
                                     max_bytes=options.get("max_bytes")), "stdin")
        return
    stream = prefixed(head, stdin)
    yield from _guarded(READERS[fmt]("stdin", stream=stream, **_options_for(fmt, options)), "stdin")


def _stderr(message: str) -> None:
    print(f"marsad: {message}", file=sys.stderr)


def _guarded(articles: Iterator[Article], name: str) -> Iterator[Article]:
    """``articles`` until a reader fails unexpectedly: then one error record, and on."""
    try:
        yield from articles
    except ReaderError:
        raise
    except Exception as exc:  # a reader bug or an odd input must not stop the batch
        yield error_article("read_failed", f"{name}: reading stopped ({exc!r})", name)


def _options_for(fmt: str, options: dict) -> dict:
    return {k: v for k, v in options.items() if k in OPTIONS.get(fmt, ())}


def _detect(path: str) -> Optional[str]:
    fmt = format_of(path)
    if fmt == "rss" and path.lower().endswith(".xml"):
        return "rss" if _is_feed(path) else None
    return fmt or sniff(_head(path))


def _head(path: str) -> bytes:
    """The first bytes of ``path`` (decompressed, for a ``.gz`` other than ``.warc.gz``;
    a file cut short gives what there is: its reader then says it is cut)."""
    try:
        with open_binary(path, decompress=not path.lower().endswith(".warc.gz")) as fh:
            return fh.read(_HEAD)
    except OSError as exc:
        raise ReaderError(f"{path}: cannot be read ({exc})") from exc


def _is_feed(path: str) -> bool:
    return looks_like_feed(_head(path))
