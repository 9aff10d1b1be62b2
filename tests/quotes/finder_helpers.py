"""Helpers for the quote-finder tests written on sentences in the corpus's style."""
from __future__ import annotations

from marsad.quotes.finder import find_quotes


def quotes_of(text):
    """(content, speaker, cue) of every quote found in ``text``."""
    return [(q.content.text, q.speaker.text if q.speaker else None, q.cue.text) for q in find_quotes(text)]


def one(text, needle):
    """The one quote whose content holds ``needle`` (the test fails, listing all, otherwise)."""
    hits = [q for q in find_quotes(text) if needle in q.content.text]
    assert len(hits) == 1, quotes_of(text)
    return hits[0]


def cue_speaker_content(text, person=None):
    """(cue, speaker, content) of every quote found in ``text``; ``person``: a name in it the
    tagger would find, given to the finder as a man's name."""
    persons = []
    if person:
        k = text.find(person)
        persons = [(k, k + len(person), "m")]
    return [(q.cue.text, q.speaker.text if q.speaker else None, q.content.text)
            for q in find_quotes(text, persons=persons)]
