"""Accusations stated in the words said (events/said.py): a political speaker's statement that
opens with another actor and judges its conduct. Sentences of our own, in the style of the
SaudiNewsNet press."""
import pytest

from tests.events.pipeline_helpers import coded


def accusations(nlp, text):
    return {(source, target) for source, kind, target in coded(nlp, text, "2015-07-27") if kind == "ACCUSE"}


@pytest.mark.parametrize("text, pair", [
    # the Turkish foreign minister: the PKK never stopped its terrorist acts (a state on its insurgents)
    ("وقال وزير الخارجية التركي مولود تشاوش أوغلو إن حزب العمال الكردستاني لم يوقف يوما أعماله الإرهابية.",
     ("TUR", "TUR")),
    # the Yemeni president: the Houthi militias staged a coup on legitimacy
    ("وقال الرئيس اليمني عبدربه منصور هادي إن جماعة الحوثي انقلبت على الشرعية الدستورية.", ("YEM", "YEM")),
])
def test_said_statement_blaming_the_actor_it_opens_with(nlp, text, pair):
    assert pair in accusations(nlp, text)


@pytest.mark.parametrize("text", [
    # the terrorist attacks are in an adverbial: Turkey is their victim, not their doer
    "وقال حلف شمال الأطلسي إن تركيا طلبت هذا الاجتماع بعد الهجمات الإرهابية الأخيرة.",
    # what the actor fights is no accusation of it
    "وقال وزير الخارجية الأمريكي إن السعودية تحارب التنظيمات الإرهابية في المنطقة.",
    # praise, with aggression by others in the same words
    "وقال الرئيس المصري إن الملك سلمان تطوع للدفاع عن مصر أثناء العدوان الثلاثي.",
    # the actor suffers what is judged
    "وقال وزير الخارجية الكويتي إن دول مجلس التعاون باتت مستهدفة من منظمات هدفها زعزعة أمنها.",
    # the actor's stability is what others' interference harms
    "وقال وزير الخارجية القطري إن استقرار العراق يتطلب توافقا وطنيا بمنأى عن أي تدخلات خارجية.",
])
def test_said_statement_that_blames_someone_else(nlp, text):
    assert not accusations(nlp, text)
