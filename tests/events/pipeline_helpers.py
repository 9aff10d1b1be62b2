"""Helpers for the event tests that run the whole pipeline on sentences of our own."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import run


def coded(nlp, text, published):
    """(source, type, target) of every event the pipeline codes in ``text``."""
    record = run(nlp, Article(text=text, title="", published=published))
    return {(e.source.country, e.type, e.target.country if e.target else "") for e in record.events}
