"""The pipeline steps that do not belong to a later layer: sentences and dates.

Each is a spaCy component (``Doc -> Doc``) declaring what it sets.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from marsad.pipeline.extensions import folded_of, text_of

from marsad.text.sentences import split_sentences


@Language.component("marsad_sentences", assigns=["token.is_sent_start"])
def sentences(doc: Doc) -> Doc:
    """Mark sentence starts from :func:`marsad.text.sentences.split_sentences`; the
    sentences' character spans are kept in ``doc.user_data["sentences"]`` for later steps."""
    spans = split_sentences(text_of(doc))
    doc.user_data["sentences"] = spans
    if len(doc):
        starts = numpy.fromiter((start for start, _ in spans), dtype="uint64", count=len(spans))
        flags = numpy.where(numpy.isin(doc.to_array(IDX), starts), 1, -1)
        flags[0] = 1
        # spaCy reads -1 ("not a start") from its uint64 two's complement
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


@Language.component("marsad_dates", assigns=["doc._.dates"])
def dates(doc: Doc) -> Doc:
    """Date expressions resolved against the article's publication date."""
    from marsad.dates import InvalidPublishedDate, find_dates
    from marsad.model import ErrorInfo

    article = doc._.article
    published = article.published if article else None
    try:
        doc._.dates = find_dates(text_of(doc), published, folded_of(doc))
    except InvalidPublishedDate as exc:
        doc._.errors.append(ErrorInfo("published_invalid", f"{article.source or article.id}: {exc}; "
                                      "relative dates left unresolved", article.source))
        doc._.dates = find_dates(text_of(doc), None, folded_of(doc))
    return doc
