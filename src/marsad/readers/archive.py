"""Zip archives (``.zip``): each member read by the reader of its format.

A member ``day.json`` of ``2015-07-21.zip`` is read as JSON (SaudiNewsNet's layout: one
JSON array of article objects per member); its articles' sources read
``2015-07-21.zip!day.json:LINE``. Members that are not articles (README, LICENSE, ``.md``,
unknown formats) are skipped and reported through ``note``; a member that cannot be read
becomes an error record, and reading goes on with the next member.
"""
from __future__ import annotations

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
) -> Iterator[Article]:
    """Yield the articles of every article member of the zip archive ``path`` (or
    ``stream``), members in name order. ``format`` forces the members' format."""
    name = str(path)
    note = note or _stderr
    try:
        archive = zipfile.ZipFile(stream if stream is not None else path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield error_article("zip_invalid", f"{name}: not a readable zip archive ({exc})", name)
        return
    with archive:
        members = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
        for info in members:
            yield from _member(archive, info, name, format, note)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, format: Optional[str],
            note: Note) -> Iterator[Article]:
    source = f"{name}!{info.filename}"
    base = info.filename.rsplit("/", 1)[-1]
    if base.startswith(".") or info.filename.startswith("__MACOSX/"):
        return
    reason = not_article(base)
    fmt = format or format_of(base)
    if reason is None and base.lower().endswith(".gz"):
        reason = "compressed members are not read inside archives"
    if reason is None and fmt not in MEMBER_READERS:
        reason = "not a format read inside archives (json, jsonl, html, txt)"
    if reason:
        note(f"{source}: skipped ({reason})")
        return
    if info.flag_bits & 0x1:
        yield error_article("zip_invalid", f"{source}: the member is encrypted", source)
        return
    try:
        with archive.open(info) as fh:
            yield from MEMBER_READERS[fmt](source, stream=fh)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:  # CRC, zlib, truncation
        yield error_article("zip_invalid", f"{source}: the member cannot be read ({exc})", source)


def _stderr(message: str) -> None:
    print(f"marsad: {message}", file=sys.stderr)
