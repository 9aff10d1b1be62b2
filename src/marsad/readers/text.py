"""Plain text (``.txt``): one article per file, the first line as title when it looks like one."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator, Optional

from marsad.model import Article
from marsad.readers.encoding import decode
from marsad.readers.errors import DecodeError, error_article
from marsad.readers.source import PathLike, read_bytes

MAX_TITLE = 200
# A line ending like a sentence is body text, not a title ("?" and "…" too, besides . ؟ ! :).
SENTENCE_END = (".", "؟", "!", ":", "?", "…")


def read_text(
    path: PathLike,
    *,
    title_line: Optional[bool] = None,
    encoding: Optional[str] = None,
    stream: Optional[BinaryIO] = None,
    max_bytes: Optional[int] = None,
) -> Iterator[Article]:
    """Yield the one article of the text file ``path`` (or of ``stream``, named ``path``).

    ``title_line``: True takes the first line as title, False never does, None decides by
    :func:`split_title`'s rule. ``encoding`` forces a codec instead of detecting it.
    ``max_bytes``: the largest file read (see :func:`~marsad.readers.source.read_bytes`).
    """
    name = str(path)
    try:
        data = read_bytes(path, stream, max_bytes)
    except DecodeError as exc:
        yield error_article(exc.code, str(exc), name, id=_stem(name))
        return
    yield text_article(data, name, _stem(name), title_line=title_line, encoding=encoding)


def text_article(
    data: bytes, name: str, id: Optional[str] = None, *, title_line: Optional[bool] = None, encoding: Optional[str] = None
) -> Article:
    """The article of one text file's bytes (an error record if they are not text)."""
    try:
        decoded = decode(data, encoding=encoding, name=name)
    except DecodeError as exc:
        return error_article(exc.code, exc.message, name, id=id)
    title, text = split_title(decoded.text, title_line)
    meta: dict = {}
    if decoded.encoding != "utf-8":
        meta["encoding"] = decoded.encoding
    if decoded.notes:
        meta["encoding_notes"] = list(decoded.notes)
    if not text.strip():
        return error_article("empty_text", f"{name}: no text", name, id=id, title=title, meta=meta)
    return Article(text=text, id=id, title=title, source=name, meta=meta)


def split_title(content: str, title_line: Optional[bool] = None) -> tuple[Optional[str], str]:
    """(title, text) of a text file's content; ``text`` is exactly what follows the title's
    newline (nothing stripped or normalised, so offsets index it).

    Auto rule (``title_line=None``): the first line is the title when more text follows it,
    it is at most 200 characters and it does not end in sentence punctuation.
    """
    first, newline, rest = content.partition("\n")
    title = first.strip()
    if title_line is False or not newline or not title:
        return None, content
    if title_line is None and (not rest.strip() or len(title) > MAX_TITLE or title.endswith(SENTENCE_END)):
        return None, content
    return title, rest


def _stem(name: str) -> Optional[str]:
    if name in ("-", "stdin"):
        return None
    return Path(name[:-3] if name.endswith(".gz") else name).stem
