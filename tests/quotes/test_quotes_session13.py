"""Session 13 (#17, attribution on unseen news): families read off a hand-judged sample of
200 quotes from unannotated SaudiNewsNet articles (every 37th from offset 3)."""
from __future__ import annotations

from marsad.quotes.finder import find_quotes


def _span(text, name):
    a = text.index(name)
    return a, a + len(name)


def test_a_heading_run_into_the_sentence_is_no_subject_when_a_person_follows_the_verb():
    text = ("ويحتاج مسؤولو البنك التخطيط للكمية المطلوبة. توزيع صعب قال بوريس راجز، رئيس دليل الخزانة "
            "في البنك المركزي في كرواتيا: «كان الشيء الأكثر تحديا هو إقامة التوزيع الفعال».")
    a, b = _span(text, "بوريس راجز")
    quotes = find_quotes(text, names=[(a, b)], persons=[(a, b, "m")])
    assert [q.speaker.text.split("،")[0] for q in quotes] == ["بوريس راجز"]


def test_a_subject_before_the_verb_stays_when_no_person_follows():
    text = "مصادر مطلعة قالت إن الاجتماع سيعقد غدا في الرياض."
    assert [q.speaker.text for q in find_quotes(text)] == ["مصادر مطلعة"]


def test_the_source_of_a_leading_according_to_is_not_the_verbs_subject():
    text = ("وفي موسكو نقلت الوكالة عن الوزير قوله إنه لا نية لخفض الإنتاج. وبحسب «رويترز» ذكر نوفاك أنه "
            "لا يرى أي خروج عن المعهود في أسواق النفط.")
    a, b = _span(text, "نوفاك")
    quotes = find_quotes(text, names=[(a, b)], persons=[(a, b, "m")])
    assert [q.speaker.text for q in quotes if q.cue.text == "ذكر"] == ["نوفاك"]
