"""Speaker phrases that run past a comma into the next clause («قال معارضون سوريون، فيما
جاء ...»): the phrase is reported up to the comma, after the speaker filter judged it whole;
a name or a title after the comma stays in apposition."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract
from marsad.quotes.finder import find_quotes


def _said(text, **kw):
    """(speaker phrase, the part reported) of each quote the finder alone reads."""
    out = []
    for q in find_quotes(text, **kw):
        sp = q.speaker
        out.append((sp.text, text[sp.start:sp.said] if sp.said is not None else sp.text))
    return out


def test_a_clause_after_the_comma_is_cut_off():
    text = ("وأوضح التقرير أن الهجوم جاء «استكمالا لخطة النصرة»، كما قال معارضون سوريون، فيما جاء "
            "التأكيد على لسان الجبهة بأنه موجه مباشرة إلى حلفاء واشنطن.")
    said = dict(_said(text))
    assert said["معارضون سوريون، فيما"] == "معارضون سوريون"


def test_a_verb_or_a_demonstrative_after_the_comma_opens_a_clause():
    text = ("وأعرب مسؤول رفيع في وزارة الخارجية، يتعقب هذا الموضوع، عن خشيته من أن تجد إسرائيل صعوبة "
            "في صد هذا القرار.")
    assert _said(text)[0][1] == "مسؤول رفيع في وزارة الخارجية"


def test_a_particle_after_the_comma_opens_a_clause():
    text = ("وكانت جبهة النصرة خطفت ثمانية عناصر من الفرقة نهاية الشهر الماضي، حسبما أفاد المرصد، إلّا أنّ "
            "وزارة الدفاع الاميركية نفت الأمر.")
    assert [s for _, s in _said(text)] == ["المرصد"]


def test_a_title_or_a_name_after_the_comma_stays():
    text = ("لم يستبعد المبعوث الخاص للرئيس الروسي لشؤون الشرق الأوسط، ونائب وزير الخارجية ميخائيل "
            "بغدانوف، أن تكون الجولة القادمة من المشاورات في موسكو. وقالت وزيرة الإعلام اليمنية، نادية "
            "السقاف، إن الحكومة ستعود إلى عدن.")
    a = text.index("ميخائيل")
    said = _said(text, names=[(a, a + len("ميخائيل بغدانوف"))], persons=[(a, a + len("ميخائيل بغدانوف"), "m")])
    assert said[0][1].endswith("ونائب وزير الخارجية ميخائيل بغدانوف")
    assert said[1][1] == "وزيرة الإعلام اليمنية، نادية السقاف"  # a name the tagger did not tag


def test_the_pipeline_reports_the_speaker_up_to_the_comma(nlp):
    text = ("قال مسؤولو صحة في مدينة نيويورك، أول من أمس السبت، إن تفشيا فتاكا لداء المحاربين القدماء "
            "أودى بحياة سبعة أشخاص.")
    record = extract(Article(text=text, published="2015-08-03", outlet="aawsat"), nlp)
    speakers = [q.speaker.text for q in record.quotes]
    assert speakers == ["مسؤولو صحة في مدينة نيويورك"]
    sp = record.quotes[0].speaker
    assert text[sp.start:sp.end] == sp.text


def test_a_source_at_the_clause_start_ends_at_its_comma_before_a_plain_clause():
    text = ("وبدأت الفيضانات منتصف الشهر الماضي بعد هطول الأمطار الغزيرة، وحسب الهيئة، تم تسجيل ما يصل "
            "إلى 77 حالة وفاة في إقليم خيبر بختونخوا.")
    q = next(q for q in find_quotes(text) if q.cue.text == "وحسب")
    assert q.speaker.text == "الهيئة"
    assert q.content.text.startswith("تم تسجيل ما يصل إلى 77 حالة وفاة")


def test_a_connector_after_the_sources_comma_keeps_the_clause_before():
    text = ("وكانت جبهة النصرة خطفت ثمانية عناصر من الفرقة نهاية الشهر الماضي، حسبما أفاد المرصد، إلّا أنّ "
            "وزارة الدفاع الاميركية نفت الأمر.")
    q = next(q for q in find_quotes(text) if q.cue.text == "حسبما")
    assert q.content.text.startswith("وكانت جبهة النصرة خطفت")
