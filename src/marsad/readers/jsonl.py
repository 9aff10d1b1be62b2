"""JSON Lines (``.jsonl``) and JSON (``.json``: one array of objects, or objects one after
another), streamed: a 2 GB file is never held in memory.

Each object becomes an article (:func:`record_article`); a line or item that cannot be one
becomes an error record whose source is ``file:LINE``.
"""
from __future__ import annotations

import codecs
import io
import json
from typing import Any, BinaryIO, Iterator, Optional

from marsad.model import Article
from marsad.readers.dates import iso_date
from marsad.readers.errors import DecodeError, error_article
from marsad.readers.source import (MAX_INPUT_MB, PathLike, cut_short, open_binary, prefixed,
                                   too_large)

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date", "date_extracted", "published_at")
OUTLET_FIELDS = ("outlet", "source")
_DECODER = json.JSONDecoder(strict=False)  # strict=False: raw control characters survive
_CHUNK = 1 << 20
_END = object()  # the end of a JSON input, from _values
_TOO_LARGE = "larger than the maximum input size ({:g} MB); raise it with --max-input-size MB"


def read_jsonl(path: PathLike, *, stream: Optional[BinaryIO] = None,
               max_bytes: Optional[int] = None) -> Iterator[Article]:
    """Yield one article per non-blank line of the JSON Lines file ``path`` (or ``stream``).
    A line longer than ``max_bytes`` (default :data:`~marsad.readers.source.MAX_INPUT_MB`)
    is a ``too_large`` error record, and reading stops there. A compressed file cut short
    (:func:`~marsad.readers.source.cut_short`) ends in a ``truncated`` error record: the
    line it cuts, or the line after the last whole one."""
    name = str(path)
    limit = max_bytes or MAX_INPUT_MB << 20
    fh = stream if stream is not None else open_binary(path)
    lineno = 0
    try:
        for lineno, line, note in _lines(fh, limit):
            source = f"{name}:{lineno}"
            if line is None:
                yield error_article("too_large", f"{too_large(source, limit)}; reading {name} "
                                    f"stopped", source)
                return
            failure = None if line.endswith("\n") else cut_short(fh)  # the last line
            if failure:
                yield _truncated(source, failure, lineno - 1)
                return
            if line.strip():
                yield _line_article(line, source, note, last=not line.endswith("\n"))
        failure = cut_short(fh)
        if failure:
            yield _truncated(f"{name}:{lineno + 1}", failure, lineno)
    finally:
        if stream is None:
            fh.close()


def read_json(path: PathLike, *, stream: Optional[BinaryIO] = None,
              max_bytes: Optional[int] = None) -> Iterator[Article]:
    """Yield one article per object of a ``.json`` file holding an array of objects (or
    objects one after another), parsed incrementally. An object longer than ``max_bytes``
    characters is a ``too_large`` error record, and reading stops there; a file that ends
    inside a value or before its array is closed (cut short) ends in a ``truncated`` one."""
    name = str(path)
    limit = max_bytes or MAX_INPUT_MB << 20
    fh = stream if stream is not None else open_binary(path)
    try:
        # over a wrapper of its own, so that closing the text layer never closes stdin
        text = io.TextIOWrapper(prefixed(b"", fh), encoding="utf-8-sig", errors="replace", newline="")
        read = 0
        for lineno, value, failure in _values(text, limit):
            source = f"{name}:{lineno}"
            if value is _END:
                failure = cut_short(fh)  # values one after another, cut between two
                if failure:
                    yield _truncated(source, failure, read, "value")
                return
            if failure is None:
                read += 1
                yield record_article(value, source)
                continue
            code, why = failure
            failure = cut_short(fh)
            if failure is None and code == "truncated":
                failure = DecodeError(code, f"cut short: {why}")
            if failure:
                yield _truncated(source, failure, read, "value")
            else:
                yield error_article(code, f"{source}: {why}", source)
            return
    finally:
        if stream is None:
            fh.close()


def _truncated(source: str, failure: DecodeError, before: int, item: str = "line") -> Article:
    """The error record of an input cut short (or damaged) at ``source``, ``before`` items
    read."""
    read = (f"no {item} before it" if not before else f"the {item} before it was read" if before == 1
            else f"the {before} {item}s before it were read")
    return error_article(failure.code, f"{source}: {failure.message}; {read}", source)


def record_article(obj: Any, source: str, meta: Optional[dict] = None) -> Article:
    """The article of one decoded JSON value (an error record if it cannot be one)."""
    if not isinstance(obj, dict):
        kind = type(obj).__name__ if obj is not None else "null"
        return error_article("not_object", f"{source}: a JSON {kind}, not an object", source)
    known = _known_fields(obj)
    meta = {**(meta or {}), **known.pop("meta")}
    text = known.pop("text")
    wrong = next((k for k in TEXT_FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)), None)
    if text is None and wrong:
        kind = {bool: "boolean", int: "number", float: "number", list: "array",
                dict: "object"}.get(type(obj[wrong]), type(obj[wrong]).__name__)
        message = f"{source}: the text field «{wrong}» is a JSON {kind}, not a string"
        return error_article("text_not_string", message, source, meta=meta, **known)
    if text is None:
        message = f"{source}: no text field (looked for {', '.join(TEXT_FIELDS)})"
        return error_article("no_text", message, source, meta=meta, **known)
    if not text.strip():
        return error_article("empty_text", f"{source}: the text is empty", source, meta=meta, **known)
    return Article(text=text, source=source, meta=meta, **known)  # no id: a content id


def _known_fields(obj: dict) -> dict[str, Any]:
    """The Article fields found in ``obj`` (aliases resolved), the rest under ``meta``."""

    def first(names: tuple[str, ...]) -> tuple[Optional[str], Any]:
        for key in names:
            if obj.get(key) not in (None, ""):
                return key, obj[key]
        return None, None

    text_key = next((k for k in TEXT_FIELDS if isinstance(obj.get(k), str)), None)
    date_key, date_value = first(DATE_FIELDS)
    outlet_key, outlet = first(OUTLET_FIELDS)
    meta: dict[str, Any] = {}
    published = iso_date(date_value)
    if date_value is not None and published is None:
        meta["published_raw"] = date_value
    elif date_key not in (None, "published"):
        meta["published_from"] = date_key  # e.g. SaudiNewsNet's extraction date
    fields = {
        "id": None if obj.get("id") is None else str(obj["id"]),
        "title": obj.get("title") if isinstance(obj.get("title"), str) else None,
        "url": obj.get("url") if isinstance(obj.get("url"), str) else None,
        "author": obj.get("author") if isinstance(obj.get("author"), str) else None,
        "outlet": outlet if isinstance(outlet, str) else None,
        "published": published,
        "text": obj[text_key] if text_key else None,
    }
    used = {"id", text_key, date_key}  # values of a wrong type stay in meta
    used.update(k for k in ("title", "url", "author") if fields[k] is not None)
    if fields["outlet"] is not None:
        used.add(outlet_key)
    if isinstance(obj.get("meta"), dict):
        used.add("meta")
        meta.update(obj["meta"])
    meta.update((k, v) for k, v in obj.items() if k not in used)
    fields["meta"] = meta
    return fields


def _line_article(line: str, source: str, note: Optional[str], last: bool = False) -> Article:
    """The article of one JSON line; ``last``: the line ends the file without a newline,
    so a line that breaks off is the file cut short (``truncated``)."""
    line = line.rstrip("\r\n")  # so that error columns count within the line
    try:
        obj = _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(line.rstrip()) - 1 or "Unterminated" in exc.msg
        if cut and last:
            message = (f"{source}: the file is cut short inside this line (invalid JSON: "
                       f"{exc.msg} at column {exc.colno})")
            return error_article("truncated", message, source)
        hint = "; the line looks truncated" if cut else ""
        message = f"{source}: invalid JSON ({exc.msg} at column {exc.colno}{hint})"
        return error_article("json_invalid", message, source)
    except RecursionError:
        return error_article("json_invalid", f"{source}: invalid JSON (nested too deeply)", source)
    return record_article(obj, source, {"encoding_notes": [note]} if note else None)


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, Optional[str], Optional[str]]]:
    """(line number, line, note) of a binary stream: UTF-8 (BOM or not), or UTF-16 with a
    BOM; a line with invalid UTF-8 is decoded with replacement characters and a note. A
    line longer than ``limit`` is given as None (and nothing more is read of it)."""
    head = fh.read(4)
    stream = prefixed(head, fh)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = io.TextIOWrapper(stream, encoding="utf-16", newline="")
        for lineno, line in enumerate(iter(lambda: text.readline(limit // 2 + 1), ""), 1):
            if len(line) > limit // 2 and not line.endswith("\n"):
                yield lineno, None, None
                return
            yield lineno, line, None
        return
    for lineno, raw in enumerate(iter(lambda: stream.readline(limit + 1), b""), 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            yield lineno, None, None
            return
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        try:
            yield lineno, raw.decode("utf-8"), None
        except UnicodeDecodeError:
            yield lineno, raw.decode("utf-8", errors="replace"), "invalid UTF-8 bytes replaced"


# --- incremental JSON values -----------------------------------------------------------


class _Buffer:
    """Text read from a stream in chunks, with the line number of the current position."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.stream, self.text, self.pos, self.line, self.eof = stream, "", 0, 1, False

    def more(self, size: int = 0) -> bool:
        """Read at least ``size`` more characters; False at the end of the stream."""
        if self.eof:
            return False
        if self.pos > _CHUNK:  # drop what was consumed, keep memory flat
            self.text, self.pos = self.text[self.pos:], 0
        chunk = self.stream.read(max(size, _CHUNK))
        self.eof = not chunk
        self.text += chunk
        return bool(chunk)

    def advance(self, end: int) -> None:
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end

    def skip(self, chars: str) -> str:
        """Skip ``chars``; the next character, or "" at the end of the stream."""
        while True:
            end = self.pos
            while end < len(self.text) and self.text[end] in chars:
                end += 1
            self.advance(end)
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""


def _values(stream: io.TextIOBase, limit: int) -> Iterator[tuple[int, Any, Optional[tuple[str, str]]]]:
    """(line, value, None) for each value of an array or a sequence of JSON values, then
    (line, :data:`_END`, None) at the end of the input; or (line, None, (code, reason))
    once for a syntax error (``json_invalid``), a value longer than ``limit`` characters
    (``too_large``) or an input that ends inside a value or an array (``truncated``), after
    which the rest cannot be trusted."""
    buf = _Buffer(stream)
    first = buf.skip(" \t\r\n\ufeff")
    in_array = first == "["
    if in_array:
        buf.advance(buf.pos + 1)
    while True:
        nxt = buf.skip(" \t\r\n,") if in_array else buf.skip(" \t\r\n")
        if in_array and not nxt:
            yield buf.line, None, ("truncated", f"the input ends at line {buf.line} before "
                                   f"its array is closed")
            return
        if not nxt or (in_array and nxt == "]"):
            yield buf.line, _END, None
            return
        line = buf.line
        value, error = _decode_one(buf, limit)
        if error:
            code, why = error
            yield line, None, (code, f"{why}; the rest of the input (from line {line}) was not read")
            return
        yield line, value, None


def _decode_one(buf: _Buffer, limit: int) -> tuple[Any, Optional[tuple[str, str]]]:
    """Decode the value at ``buf.pos``, reading more while it is cut by the chunk end (up
    to ``limit`` characters); the value, or None and (code, reason)."""
    while True:
        try:
            value, end = _DECODER.raw_decode(buf.text, buf.pos)
        except json.JSONDecodeError as exc:
            cut = "Unterminated" in exc.msg or exc.pos >= len(buf.text) - 6
            if cut and len(buf.text) - buf.pos > limit:
                return None, ("too_large", _TOO_LARGE.format(limit / 2**20))
            if cut and buf.more(len(buf.text) - buf.pos):  # grow geometrically: linear time
                continue
            if cut and (exc.pos >= len(buf.text.rstrip()) - 5 or "Unterminated" in exc.msg):
                return None, ("truncated", f"the input ends inside this value ({exc.msg})")
            return None, ("json_invalid", f"invalid JSON ({exc.msg})")
        except RecursionError:
            return None, ("json_invalid", "invalid JSON (nested too deeply)")
        if end == len(buf.text) and buf.more():  # a number may continue in the next chunk
            continue
        if end - buf.pos > limit:
            return None, ("too_large", _TOO_LARGE.format(limit / 2**20))
        buf.advance(end)
        return value, None
