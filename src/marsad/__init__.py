"""marsad (مرصد): Arabic news to sourced, structured data.

``marsad.load()`` builds the spaCy pipeline; ``marsad.extract(article)`` turns one
:class:`marsad.model.Article` into a marsad/1 :class:`marsad.model.Record`.
"""
from marsad.model import SCHEMA, Article, Record

__version__ = "0.1.0"
__all__ = ["SCHEMA", "Article", "Record", "__version__", "load", "extract"]


def load(**kwargs):
    """Build the marsad pipeline (a spaCy ``Language``). See :func:`marsad.pipeline.build.load`."""
    from marsad.pipeline.build import load as _load

    return _load(**kwargs)


def extract(article, nlp=None):
    """Run the pipeline on one article and return its marsad/1 record."""
    from marsad.pipeline.build import extract as _extract

    return _extract(article, nlp=nlp)
