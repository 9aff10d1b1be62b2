"""Speakers and cues read off a fresh unannotated slice (session 13, third round, issue #17): an outlet
in brackets before the speaker («كشف لـ(عكاظ) عميد ...»)."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract
from marsad.quotes.finder import find_quotes


def _speakers(text, **kw):
    return {q.cue.text: (q.speaker.text if q.speaker else None) for q in find_quotes(text, **kw)}


def test_an_outlet_in_brackets_before_the_speaker_is_an_addressee():
    text = "كشف لـ(عكاظ) عميد القبول والتسجيل بجامعة طيبة الدكتور خالد آل مسعود، أنه تم قبول ألف طالب."
    assert _speakers(text)["كشف"] == "عميد القبول والتسجيل بجامعة طيبة الدكتور خالد آل مسعود"
    text = "أكد لـ(عكاظ) الشيخ صالح لنجف رئيس تحالف قبائل مأرب، أن الحوثيين تلقوا ضربات نوعية."
    assert _speakers(text)["أكد"] == "الشيخ صالح لنجف رئيس تحالف قبائل مأرب"
    # and after the speaker it stays out of the phrase
    assert _speakers("وقال الشيخ صالح لنجف لـ(عكاظ)، إن الحوثيين تلقوا ضربات.")["قال"] == "الشيخ صالح لنجف"


def test_a_demonstrative_after_a_verb_of_describing_is_its_object():
    text = ("وقال اللواء منصور التركي إن الوضع خطير. كما وصف هذا النوع من الحروب بـ«الخطير» كون أن "
            "تجنيدها يتم بسرعة. وأضاف: «مثل هذه العملية يصعب تتبعها»، مشيرًا إلى أن بعض الدول تدعم الجماعات.")
    found = find_quotes(text)
    assert {q.cue.text: q.speaker.text for q in found} == {
        "قال": "اللواء منصور التركي", "وصف": "اللواء منصور التركي",
        "أضاف": "اللواء منصور التركي", "مشيرًا": "اللواء منصور التركي"}
    assert next(q for q in found if q.cue.text == "وصف").content.text.startswith("هذا النوع من الحروب")


def test_an_age_in_brackets_ends_the_speaker_phrase():
    assert _speakers("وقالت المريضة (50 عاماً)، التي لم تكشف عن هويتها، إنها شكت في الأمر.")["قالت"] == "المريضة"


def test_a_year_or_a_count_in_the_speaker_phrase_is_no_clause():
    text = "وأعلن مفاوضو الدول الـ12 حول اتفاقية التجارة في ختام اجتماعهم أنهم لم يتوصلوا إلى اتفاق نهائي."
    found = extract(Article(text=text, id="t"))
    assert [q.content.text for q in found.quotes] == ["لم يتوصلوا إلى اتفاق نهائي"]
    # a number that is no date still marks a clause, not a speaker
    text = "وطالب نحو 500 متظاهر امام ديوان المحافظة الحكومتين بالايفاء بالوعود."
    assert extract(Article(text=text, id="t")).quotes == []


def test_the_name_anne_is_no_that():
    found = find_quotes("من جانبه أعرب آن دنكان، وزير التعليم، خلال مقابلة عن اعتقاده بأن أمام المشروع فرصة.")
    assert [(q.speaker.text, q.content.text) for q in found] == [("آن دنكان، وزير التعليم", "أمام المشروع فرصة")]


def test_a_news_lead_verb_names_the_speaker_of_a_participle():
    text = "عزت أمانة المنطقة الشرقية كثرة التحويلات إلى المشروعات التطويرية، مؤكدة أهمية هذه المشروعات لفك الازدحامات."
    assert _speakers(text)["مؤكدة"] == "أمانة المنطقة الشرقية"
    # a participle of the other gender is not the lead's («متهماً»: the accused, not police words)
    text = "ضبطت شرطة دبي شخصاً آسيويا، متهماً بالتعاون مع أربعة آخرين بالاعتداء على امرأة."
    assert _speakers(text)["متهماً"] is None


def test_wafqan_with_la_fused_to_a_title_or_body_cites_it():
    text = ("تمكن مركز شرطة أبانات من ضبط جان. ووفقاً للناطق الإعلامي بشرطة منطقة القصيم الرائد بدر السحيباني "
            "فإن الجاني قام بتسديد عدة طعنات. وأشار إلى أن إجراءات البحث ساهمت في تحديد هوية الجاني.")
    found = {q.cue.text: (q.speaker.text, q.content.text) for q in find_quotes(text)}
    speaker = "للناطق الإعلامي بشرطة منطقة القصيم الرائد بدر السحيباني"
    assert found["ووفقاً"] == (speaker, "الجاني قام بتسديد عدة طعنات")
    assert found["أشار"][0] == speaker
    assert _speakers("وقتل 5 أشخاص وفقا لوزارة الصحة.")["وفقا"] == "لوزارة الصحة"


def test_a_title_and_an_untagged_name_after_a_body_keep_the_person():
    text = ("من جانبها أوضحت رئيسة برنامج موهبة الصيفي بجامعة الملك فيصل الدكتورة عواطف الظفر، أن البرنامج "
            "استهدف الطالبات المشاركات.")
    speaker = extract(Article(text=text, id="t")).quotes[0].speaker
    assert speaker.text.endswith("الدكتورة عواطف الظفر")
