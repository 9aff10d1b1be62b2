"""Readers: inputs (text, JSON Lines/JSON, HTML, RSS/Atom, WARC, folders, stdin) to
:class:`~marsad.model.Article` records. See docs/readers.md."""
from marsad.readers.dispatch import FORMATS, read
from marsad.readers.errors import ReaderError

__all__ = ["FORMATS", "ReaderError", "read"]
