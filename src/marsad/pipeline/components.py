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


@Language.component("marsad_dates", assigns=["doc._.dates"])
def dates(doc: Doc) -> Doc:
    """Date expressions resolved against the article's publication date."""
    from marsad.dates import InvalidPublishedDate, find_dates
    from marsad.model import ErrorInfo

    article = doc._.article
    published = article.published if article else None
    try:
        doc._.dates = find_dates(doc.text, published)
    except InvalidPublishedDate as exc:
        doc._.errors.append(ErrorInfo("published_invalid", f"{article.source or article.id}: {exc}; "
                                      "relative dates left unresolved", article.source))
        doc._.dates = find_dates(doc.text, None)
    return doc
