"""Turn an analysed ``Doc`` into its marsad/1 :class:`~marsad.model.Record`."""
from __future__ import annotations

from spacy.tokens import Doc

from marsad.model import Record


def to_record(doc: Doc) -> Record:
    """The record of ``doc``: the article's metadata plus what the components found.

    What a component did not produce (not built yet, or failed) is an empty list.
    """
    record = Record.from_article(doc._.article)
    record.entities = list(doc._.entities or [])
    record.quotes = list(doc._.quotes or [])
    record.events = list(doc._.events or [])
    record.dates = list(doc._.dates or [])
    record.places = list(doc._.places or [])
    record.errors.extend(doc._.errors or [])
    return record
