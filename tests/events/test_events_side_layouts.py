"""Sides the argument reader finds in layouts read off the corpus scan of silent triggers
(session 16, events24), in sentences of our own."""
from __future__ import annotations

import pytest

from tests.events.pipeline_helpers import coded


@pytest.mark.parametrize("text", [
    # a light verb, its subject, then the noun: past an earlier trigger of the clause
    "وعلى هامش الاجتماع، سيجري وزير الخارجية الأمريكي محادثات مع نظيره الروسي.",
    "وعلى هامش القمة، أجرى الرئيس الأمريكي أمس محادثات مع الرئيس الروسي.",
])
def test_a_light_verb_with_its_subject_before_the_noun_gives_the_source(nlp, text):
    events = coded(nlp, text, "2015-08-02")
    assert ("USA", "CONSULT", "RUS") in events and ("RUS", "CONSULT", "USA") in events


def test_talks_between_a_state_and_its_opposition_are_coded_at_home(nlp):
    text = "وبدأت في أديس أبابا المحادثات بين حكومة جنوب السودان والمعارضة المسلحة."
    assert ("SSD", "CONSULT", "SSD") in coded(nlp, text, "2015-08-08")


def test_an_indefinite_adjective_does_not_hide_whose_positions_were_struck(nlp):
    text = "وشنت طائرات التحالف العربي غارات على مواقع عسكرية للحوثيين."
    assert ("SAU", "ASSAULT", "YEM") in coded(nlp, text, "2015-07-21")


@pytest.mark.parametrize("text", [
    "وقال الوزير إن بلاده تسعى إلى السيطرة على الأسعار في عدن.",
    "وأعلنت الشرطة المصرية أنها ستعقد اجتماعا مع الشرطة الأردنية الأسبوع المقبل.",
])
def test_no_side_is_invented(nlp, text):
    assert not {e for e in coded(nlp, text, "2015-07-21") if e[1] == "ASSAULT"}


def test_a_relative_clause_set_off_by_a_comma_has_its_antecedent_as_subject(nlp):
    text = "وقالت وزيرة الخارجية الإيطالية، التي استقبلت نظيرها المصري، إن المحادثات مثمرة."
    events = coded(nlp, text, "2015-07-31")
    assert ("ITA", "CONSULT", "EGY") in events
