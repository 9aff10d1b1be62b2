"""From the tagger's labels to name spans: function words and introducing verbs at the edges."""
from __future__ import annotations

import pytest

from marsad.entities.recognize import _decode, token_table, word_units
from marsad.pipeline.build import load


@pytest.fixture(scope="module")
def nlp():
    return load(steps=("marsad_sentences",))


def _spans(nlp, text, labels):
    doc = nlp(text)
    units = word_units(text, token_table(doc), 0, len(doc))
    assert len(units) == len(labels), [u[2] for u in units]
    return [(s.text, s.label_) for s in _decode(doc, units, labels)]


def test_recognize_verb_taken_into_a_name_is_cut(nlp):
    # «وعندما سئل بوتين»: the seed article's sentence, tagged as one person by some models
    assert _spans(nlp, "وعندما سئل بوتين عما", ["O", "B-PER", "I-PER", "O"]) == [("بوتين", "PER")]
    assert _spans(nlp, "وقال زيد الخالدي إن", ["B-PER", "I-PER", "I-PER", "O"]) == [("زيد الخالدي", "PER")]


def test_recognize_lone_verb_is_not_cut_to_nothing(nlp):
    assert _spans(nlp, "قال", ["B-PER"]) == [("قال", "PER")]


def test_recognize_function_word_before_one_word_drops_the_span(nlp):
    # «على حسن الترحيب» ("on the good welcome"): «على حسن» is no name (after a verb, by
    # contrast, the rest is kept)
    assert _spans(nlp, "على حسن الترحيب", ["B-PER", "I-PER", "O"]) == []
