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


def test_recognize_lone_verb_is_no_name(nlp):
    # «وقد دان الرئيس الروسي»: the verb alone tagged as a person would hide the event
    assert _spans(nlp, "قال", ["B-PER"]) == []
    assert _spans(nlp, "وقد دان الرئيس", ["O", "B-PER", "O"]) == []


def test_recognize_function_word_before_one_word_drops_the_span(nlp):
    # «على حسن الترحيب» ("on the good welcome"): «على حسن» is no name (after a verb, by
    # contrast, the rest is kept)
    assert _spans(nlp, "على حسن الترحيب", ["B-PER", "I-PER", "O"]) == []


def test_recognize_nationality_adjective_is_cut_from_a_person(nlp):
    # ANERcorp and the role reader take «الكولومبي» as context before the name, not part of it
    assert _spans(nlp, "وحل الكولومبي خوان مونتويا ثانيا", ["O", "B-PER", "I-PER", "I-PER", "O"]) \
        == [("خوان مونتويا", "PER")]
    assert _spans(nlp, "فاز والبيروفي ماريو", ["O", "B-PER", "I-PER"]) == [("ماريو", "PER")]
    # an organisation keeps it («الاتحاد الروسي» is not cut), and so does a lone adjective
    assert _spans(nlp, "المنتخب الكولومبي", ["B-ORG", "I-ORG"]) == [("المنتخب الكولومبي", "ORG")]
    assert _spans(nlp, "قال الكولومبي", ["O", "B-PER"]) == [("الكولومبي", "PER")]


def test_recognize_nationality_before_a_person_gives_the_country():
    from marsad.model import Article
    from marsad.pipeline.build import run

    text = "وحل الكولومبي خوان بابلو مونتويا ثانيا ، وقال الغاني أشرف سعيد إنه حضر ."
    people = {e.name: e for e in run(load(), Article(text=text, id="t")).entities if e.label == "PER"}
    colombian = people["خوان بابلو مونتويا"]
    assert (colombian.country, colombian.country_source) == ("COL", "adjective")
    # «الغاني» is also the name Ghani: no country from it; only the story's weak guess
    ghani = people["أشرف سعيد"]
    assert ghani.country != "GHA" and ghani.country_source in (None, "story", "outlet")
