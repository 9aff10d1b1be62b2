"""Accusations stated in the words said (events/said.py): a political speaker's statement that
opens with another actor and judges its conduct. Sentences of our own, in the style of the
SaudiNewsNet press."""
import pytest

from marsad.eval.events import pipeline
from marsad.model import Article
from marsad.pipeline.build import run


@pytest.fixture(scope="module")
def nlp():
    return pipeline()


def accusations(nlp, text):
    record = run(nlp, Article(text=text, title="", published="2015-07-27"))
    return {(e.source.country, e.target.country if e.target else "") for e in record.events if e.type == "ACCUSE"}


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
