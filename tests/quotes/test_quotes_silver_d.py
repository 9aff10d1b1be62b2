"""Categories left by the silver sets (issue #17, session 14 third pass); the sentences are
written here in the corpus's style."""
from __future__ import annotations

from marsad.quotes.finder import find_quotes
from tests.quotes.finder_helpers import one, quotes_of


def test_bare_first_person_speech_after_said():
    text = "وقال المدير في كلمته التي ألقاها أمس خلال الحفل نحن نعمل من أجل خدمة المواطن في كل مكان."
    q = one(text, "نعمل")
    assert q.content.text.startswith("نحن نعمل من أجل خدمة المواطن")
    assert q.speaker.text == "المدير"
    assert q.kind == "direct"


def test_a_pronoun_in_a_name_or_after_another_verb_opens_no_speech():
    for text in ("وقالت الرئيسة رئيسة مؤسسة انا ليند للحوار على هامش الاجتماع كلاما كثيرا.",
                 "الطالبة سارة قالت وصلت انا ووالدي الى المدينة بعد رحلة طويلة جدا."):
        assert not any(q.content.text.startswith(("انا", "نحن")) for q in find_quotes(text)), quotes_of(text)


def test_a_subject_between_an_imperfect_cue_and_its_clause():
    text = "وينفق الاتحاد الملايين على تطوير تكنولوجيات أمنية تقول جماعات الحقوق المدنية إنها تعرض الخصوصية للخطر."
    q = one(text, "الخصوصية")
    assert q.content.text == "تعرض الخصوصية للخطر"
    assert q.speaker.text == "جماعات الحقوق المدنية"


def test_a_colon_after_an_imperfect_cue_is_not_a_subject():
    text = "وتتعارض هذه النتائج مع مفاهيم خاطئة تقول: إن الكوارث تسببت في وفيات كثيرة."
    assert not any(q.speaker and "مفاهيم" in q.speaker.text for q in find_quotes(text)), quotes_of(text)


def test_considered_as_reports_its_object():
    text = ('واعتبرت وزارة الخارجية الفلسطينية اليوم استمرار الاستيطان بمثابة "إعلان حرب" على الفلسطينيين، '
            "وأدانت الوزارة في بيان لها مصادقة اللجنة على الخطة الجديدة.")
    q = one(text, "الاستيطان")
    assert q.content.text == 'استمرار الاستيطان بمثابة "إعلان حرب" على الفلسطينيين'
    assert q.speaker.text == "وزارة الخارجية الفلسطينية"


def test_considered_that_keeps_its_clause():
    text = "واعتبر الوزير أن القرار بمثابة خطوة مهمة نحو الحل الشامل للأزمة."
    assert one(text, "القرار").content.text == "القرار بمثابة خطوة مهمة نحو الحل الشامل للأزمة"


def test_an_announced_casualty_is_reported():
    text = "وأعلنت قيادة العمليات المشتركة في وقت سابق تحرير معظم مناطق الكرمة المجاورة للفلوجة."
    q = one(text, "الكرمة")
    assert q.content.text == "تحرير معظم مناطق الكرمة المجاورة للفلوجة"
    assert q.speaker.text == "قيادة العمليات المشتركة"


def test_an_announced_job_is_no_quote():
    text = "وأعلنت كلية الهندسة وظيفة معيد في قسم الهندسة المدنية للعام المقبل."
    assert not find_quotes(text), quotes_of(text)


def test_bare_speech_right_after_the_cue():
    text = "وحث المدير الموظفين على الجد، وقال نحن نحمل أمانة تتطلب منا العمل الدؤوب والإخلاص."
    assert one(text, "أمانة").content.text.startswith("نحن نحمل أمانة")
