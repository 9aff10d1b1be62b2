"""Zip archives (``.zip``): each member read by the reader of its format.

A member ``day.json`` of ``2015-07-21.zip`` is read as JSON (SaudiNewsNet's layout: one
JSON array of article objects per member); its articles' sources read
``2015-07-21.zip!day.json:LINE``. Members that are not articles (README, LICENSE, ``.md``,
unknown formats) are skipped and reported through ``note``; a member that cannot be read
becomes an error record, and reading goes on with the next member.

An archive cut short has lost its directory (at its end): its members are then read in
file order from their own headers (:mod:`marsad.readers.zipscan`), and the member it ends
in gives its articles before the cut and a ``truncated`` error record.
"""
from __future__ import annotations

import io
import sys
import zipfile
from typing import BinaryIO, Callable, Iterator, Optional

from marsad.model import Article
from marsad.readers.errors import error_article
from marsad.readers.formats import format_of, not_article
from marsad.readers.html import read_html
from marsad.readers.jsonl import read_json, read_jsonl
from marsad.readers.source import PathLike
from marsad.readers.text import read_text
from marsad.readers.zipscan import scan_members

MEMBER_READERS: dict[str, Callable[..., Iterator[Article]]] = {
    "json": read_json, "jsonl": read_jsonl, "html": read_html, "txt": read_text,
}
Note = Callable[[str], None]


def read_zip(
    path: PathLike,
    *,
    stream: Optional[BinaryIO] = None,
    format: Optional[str] = None,
    note: Optional[Note] = None,
    max_bytes: Optional[int] = None,
) -> Iterator[Article]:
    """Yield the articles of every article member of the zip archive ``path`` (or
    ``stream``), members in name order. ``format`` forces the members' format;
    ``max_bytes`` goes to the members' readers (the largest member, JSON line or object
    read whole)."""
    name = str(path)
    note = note or _stderr
    limits = {"max_bytes": max_bytes} if max_bytes else {}
    try:
        archive = zipfile.ZipFile(stream if stream is not None else path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        if _starts_with_member(path, stream):
            yield from _read_cut(path, stream, format, note, limits)
        else:
            yield error_article("zip_invalid", f"{name}: not a readable zip archive ({exc})", name)
        return
    with archive:
        members = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
        for info in members:
            yield from _member(archive, info, name, format, note, limits)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, format: Optional[str],
            note: Note, limits: dict) -> Iterator[Article]:
    source = f"{name}!{info.filename}"
    fmt = _member_format(info.filename, format, source, note)
    if fmt is None:
        return
    if info.flag_bits & 0x1:
        yield error_article("zip_invalid", f"{source}: the member is encrypted", source)
        return
    try:
        with archive.open(info) as fh:
            yield from MEMBER_READERS[fmt](source, stream=fh, **limits)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:  # CRC, zlib, truncation
        yield error_article("zip_invalid", f"{source}: the member cannot be read ({exc})", source)


def _member_format(filename: str, format: Optional[str], source: str, note: Note) -> Optional[str]:
    """The format a member is read in, or None when it is not read (told to ``note``
    unless it is hidden or macOS metadata)."""
    base = filename.rsplit("/", 1)[-1]
    if not base or base.startswith(".") or filename.startswith("__MACOSX/"):
        return None
    reason = not_article(base)
    fmt = format or format_of(base)
    if reason is None and base.lower().endswith(".gz"):
        reason = "compressed members are not read inside archives"
    if reason is None and fmt not in MEMBER_READERS:
        reason = "not a format read inside archives (json, jsonl, html, txt)"
    if reason:
        note(f"{source}: skipped ({reason})")
        return None
    return fmt


def _starts_with_member(path: PathLike, stream: Optional[BinaryIO]) -> bool:
    """Whether the input starts with a member's header, or with the start of one (a zip
    whose end is missing)."""
    try:
        if stream is not None:
            stream.seek(0)
            head = stream.read(4)
        else:
            with open(path, "rb") as fh:
                head = fh.read(4)
    except OSError:
        return False
    return bool(head) and b"PK\x03\x04".startswith(head)


def _read_cut(path: PathLike, stream: Optional[BinaryIO], format: Optional[str],
              note: Note, limits: dict) -> Iterator[Article]:
    """The articles of a zip archive without its directory, member after member, then the
    error record of where it ends."""
    name = str(path)
    fh = stream if stream is not None else open(path, "rb")
    try:
        fh.seek(0)
        reported: set[str] = set()  # members whose reader already said they are cut
        for member in scan_members(fh):
            source = f"{name}!{member.name}" if not member.name.startswith("#") else f"{name}{member.name}"
            if member.problem is not None:
                if member.name not in reported:
                    yield error_article(member.problem.code, f"{name}: {member.problem.message}",
                                        source)
                return
            fmt = _member_format(member.name, format, source, note)
            if fmt is None or member.stream is None:
                continue
            for article in MEMBER_READERS[fmt](source, stream=io.BufferedReader(member.stream),
                                               **limits):
                if any(e.code in ("truncated", "zip_invalid") for e in article.errors):
                    reported.add(member.name)
                yield article
    finally:
        if stream is None:
            fh.close()


def _stderr(message: str) -> None:
    print(f"marsad: {message}", file=sys.stderr)
