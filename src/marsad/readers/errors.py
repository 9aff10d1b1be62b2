"""What readers raise and how an unreadable item becomes an error record.

Only an input that cannot be opened at all raises (:class:`ReaderError`); anything inside
an input that cannot be read becomes an :class:`~marsad.model.Article` with empty text and
one :class:`~marsad.model.ErrorInfo`, so a batch never stops on one bad item.
"""
from __future__ import annotations

import hashlib
from typing import Any, Optional

from marsad.errors import InputError
from marsad.model import Article, ErrorInfo

# Error codes a reader may put on a record (documented in docs/readers.md).
CODES = {
    "binary": "the bytes are not text (NUL bytes or too few printable characters)",
    "too_large": "a file or JSON line larger than the maximum input size (--max-input-size)",
    "encoding_unknown": "no encoding gives plausible text",
    "empty_text": "the item has no text (empty file, empty field, blank entry)",
    "json_invalid": "a line or array item is not valid JSON",
    "truncated": "the input is cut short: it ends inside an item (a WARC record, a JSON value "
                 "or array, a gzip stream, a zip member or directory)",
    "not_object": "a JSON item is not an object",
    "no_text": "a JSON object has no text/content/body field",
    "text_not_string": "a JSON object's text/content/body field is not a string (e.g. a number)",
    "no_main_text": "no main text could be extracted from an HTML page",
    "text_truncated": "an HTML page too large to extract whole: its text is taken from its "
                      "first part (the record keeps the text found, and this note)",
    "feed_invalid": "the input is not a readable RSS/Atom feed",
    "warc_invalid": "a WARC record could not be read",
    "zip_invalid": "a zip archive, or one of its members, could not be read",
    "read_failed": "an unexpected failure while reading one item, or damaged gzip data",
    "unsupported_format": "the format of the input could not be recognised",
}


class ReaderError(InputError):
    """An input cannot be opened at all (missing path, unknown format, bad option)."""


class DecodeError(Exception):
    """Bytes could not be turned into text; ``code`` is one of :data:`CODES`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def error_id(source: str) -> str:
    """A stable id for an error record that has no id of its own (one per position)."""
    return "err-" + hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def error_article(code: str, message: str, source: str, **fields: Any) -> Article:
    """An :class:`Article` with empty text standing for an item that could not be read.

    ``fields`` are whatever is still known about the item (id, title, url, meta...).
    """
    fields.setdefault("id", None)
    if fields["id"] is None:
        fields["id"] = error_id(source)
    return Article(text="", source=source, errors=[ErrorInfo(code=code, message=message, source=source)], **fields)


def first_error(article: Article) -> Optional[str]:
    """The code of the first error on ``article``, or None (a convenience for tests and CLI)."""
    return article.errors[0].code if article.errors else None
