"""«وأوضح معاليه»: an honorific with a pronoun as a quote's subject refers back."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract


def _speakers(nlp, text):
    record = extract(Article(text=text, published="2015-07-21", outlet="okaz"), nlp)
    entities = {e.id: e for e in record.entities}
    return [entities[q.speaker.entity].name if q.speaker.entity else q.speaker.text for q in record.quotes]


def test_refer_back_to_the_person_introduced_with_the_honorific(nlp):
    text = ("التقى معالي وزير الخارجية الأستاذ عادل بن أحمد الجبير اليوم في موسكو وزير خارجية روسيا "
            "سيرجي لافروف. وأوضح معاليه أن المحادثات كانت إيجابية.")
    assert _speakers(nlp, text)[-1] == "عادل بن أحمد الجبير"


def test_refer_back_by_title(nlp):
    text = ("ووقف الأمير مشعل بن ماجد على التجهيزات والترتيبات. وقال سموه إن المهرجانات وسيلة مهمة "
            "للتثقيف.")
    assert _speakers(nlp, text)[-1] == "مشعل بن ماجد"


def test_refer_back_not_across_a_preposition(nlp):
    # «سمو رئيس الهيئة ... لخادم الحرمين الشريفين الملك سلمان»: the honorific is the head's,
    # not the king's
    text = ("ورفع سمو رئيس الهيئة التهنئة لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز. "
            "وقال سموه إن المشروع مهم.")
    assert "سلمان بن عبدالعزيز" not in _speakers(nlp, text)[-1]


def test_refer_back_to_a_name_opening_with_the_title(nlp):
    # the tagger's mention «الأمير محمد بن نايف» holds its title; «صاحب السمو» before it
    text = ("رأس نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز الجلسة "
            "التي عقدها مجلس الوزراء اليوم في جدة. وقال سموه إن التفجير الإرهابي كشف حقد المجرمين.")
    assert "محمد بن نايف" in _speakers(nlp, text)[-1]


def test_refer_back_when_the_tagger_ran_the_honorific_into_a_name(nlp):
    # «معاليه باسمه» tagged as one person; «وزير» without its article introduces «معاليه» too
    text = ("شجب وزير العدل رئيس المجلس الأعلى للقضاء الدكتور وليد بن محمد الصمعاني العمل الإرهابي الآثم. "
            "وأدان معاليه باسمه وباسم جميع منسوبي المجلس هذا العمل الإجرامي. وأكد أن القضاء الشرعي في "
            "المملكة سيقف بقوة في وجه كل مفسد.")
    assert _speakers(nlp, text)[-1] == "وليد بن محمد الصمعاني"
