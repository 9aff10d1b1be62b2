"""The pipeline steps that do not belong to a later layer: sentences and dates.

Each is a spaCy component (``Doc -> Doc``) declaring what it sets.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from marsad.text.sentences import split_sentences


@Language.component("marsad_sentences", assigns=["token.is_sent_start"])
def sentences(doc: Doc) -> Doc:
    """Mark sentence starts from :func:`marsad.text.sentences.split_sentences`."""
    starts = {start for start, _ in split_sentences(doc.text)}
    first = True
    for token in doc:
        if first:
            token.is_sent_start = True
            first = False
            continue
        token.is_sent_start = token.idx in starts
    return doc
