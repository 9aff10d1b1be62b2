"""Categories found on a silver set of unseen corpus articles (issue #17, session 14); the
sentences are written here in the corpus's style."""
from __future__ import annotations

import pytest

from marsad.quotes.finder import find_quotes
from tests.quotes.finder_helpers import one, quotes_of


def test_quotes_silver_colon_ending_a_paragraph_introduces_the_quotation_below():
    text = ("وقال الوزير خالد العلي في محادثته للصحيفة:\n"
            "«لقد كان أستاذنا متميزاً في التحليل الدقيق. وهو رجل كبير».\n"
            "وتابع الحفل برنامجه.")
    q = one(text, "أستاذنا")
    assert q.content.text == "لقد كان أستاذنا متميزاً في التحليل الدقيق. وهو رجل كبير"
    assert q.speaker.text == "الوزير خالد العلي" and q.kind == "direct"


def test_quotes_silver_colon_ending_a_paragraph_before_a_list_is_no_quote():
    text = "وتضمنت الفعاليات ما يلي:\nعروض شعبية وألعاب نارية ومسابقات للأطفال."
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    ("وأعرب وزير الخارجية عن قلقه البالغ إزاء التصعيد العسكري في المنطقة.",
     "قلقه البالغ إزاء التصعيد العسكري في المنطقة", "وزير الخارجية"),
    ("وأعرب الاتحاد عن إدانته لهذه الجريمة الإرهابية البشعة.",
     "إدانته لهذه الجريمة الإرهابية البشعة", "الاتحاد"),
])
def test_quotes_silver_expressed_stance(text, content, speaker):
    q = one(text, content.split()[0])
    assert (q.content.text, q.speaker.text) == (content, speaker)


def test_quotes_silver_expressed_thanks_is_no_statement():
    assert quotes_of("وأعرب الوزير عن امتنانه للجانب الروسي على حسن الترحيب.") == []


def test_quotes_silver_appeal_and_praise_with_their_object():
    q = one("وناشد الرئيس اليمني المجتمع الدولي بالضغط على الميليشيات لوقف القصف.", "الضغط")
    assert q.speaker.text == "الرئيس اليمني" and q.cue.text == "ناشد"  # the speaker ends at the addressee
    q = one("وثمن الأمير الجهود التي بذلتها الأجهزة الأمنية خلال موسم العمرة.", "الجهود")
    assert q.content.text.startswith("الجهود التي بذلتها") and q.speaker.text == "الأمير"


def test_quotes_silver_announced_stance_noun_only():
    q = one("وأعلن الرئيس الفرنسي استعداد بلاده للتعاون مع إيران في مكافحة الإرهاب.", "استعداد")
    assert q.content.text.startswith("استعداد بلاده")
    assert quotes_of("وأعلنت الجامعة أسماء المقبولين في برامجها للعام الجديد.") == []


def test_quotes_silver_reported_content_ends_before_kama_and_a_new_cue():
    text = ("وأعرب الاتحاد عن إدانته لهذه الجريمة الإرهابية البشعة كما دعا أحرار العالم إلى "
            "إدانة هذه الممارسات الاجرامية.")
    assert one(text, "إدانته").content.text == "إدانته لهذه الجريمة الإرهابية البشعة"


def test_quotes_silver_closing_credit_gives_the_lead_its_speaker():
    text = ("تستأنف جوازات المنطقة استقبال المراجعين اعتبارا من اليوم الاثنين في الفترة الصباحية .\n"
            "أوضح ذلك الناطق الإعلامي بالجوازات الرائد حماد المطيري.")
    q = one(text, "تستأنف")
    assert q.content.text == "تستأنف جوازات المنطقة استقبال المراجعين اعتبارا من اليوم الاثنين في الفترة الصباحية"
    assert "حماد المطيري" in q.speaker.text


def test_quotes_silver_closing_credit_names_a_speakerless_quote():
    text = ("وقد أكد أن الدوريات ستقف سداً منيعاً لمن يحاول المساس بأمن هذا البلد.\n"
            "صرح بذلك الناطق الإعلامي بحرس الحدود العقيد علي الشهري.")
    assert "علي الشهري" in one(text, "الدوريات").speaker.text


def test_quotes_silver_thus_said_after_a_quotation():
    text = ("“لا يوجد ضرائب في دولتنا كما هو الحال في الدول الأوربية”، هكذا يغرد أحد "
            "مناصري التنظيم على موقع تويتر.")
    q = one(text, "ضرائب")
    assert q.content.text == "لا يوجد ضرائب في دولتنا كما هو الحال في الدول الأوربية"
    assert q.speaker.text.startswith("أحد مناصري التنظيم")


def test_quotes_silver_a_title_keeps_its_place_out_of_a_demand():
    text = ("وطالب العميد بالجيش العراقي السابق، أحمد البيلاوي باستخدام السلاح الثقيل "
            "لتحرير مدن المحافظة.")
    assert not any(q.content.text.startswith("بالجيش") for q in find_quotes(text))


def test_quotes_silver_what_the_speaker_blames():
    text = "وعزا رئيس المجلس سعد العلي التحسن في الأرباح إلى تواصل تحسن البيئة التشغيلية في البلاد."
    a = text.index("سعد العلي")
    found = find_quotes(text, names=[(a, a + 9)], persons=[(a, a + 9, "m")])
    assert [(q.content.text[:20], q.speaker.text) for q in found] == [("التحسن في الأرباح إل", "رئيس المجلس سعد العلي")]
