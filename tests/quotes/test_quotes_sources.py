"""Speakers on unseen news, session 11 (third part): what «بحسب/وفق» cites, ..."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract
from marsad.quotes.finder import find_quotes


def _quotes(nlp, text):
    record = extract(Article(text=text, published="2015-08-01", outlet="okaz"), nlp)
    entities = {e.id: e for e in record.entities}
    return [(q.cue.text if q.cue else "", entities[q.speaker.entity].name if q.speaker.entity else q.speaker.text,
             q.content.text) for q in record.quotes]


def test_according_to_a_rule_or_plan_is_no_quote(nlp):
    text = ("وتنفذ الشركات المشاريع وفق شروط ومواصفات معينة، وتتولى الوزارة الإشراف والرقابة عليها. "
            "ويتم التعامل مع المخالفين وفق ما نص عليه النظام الجديد. "
            "وارتفعت الأسعار بنسبة كبيرة وفقا لتقديرات أولية.")
    assert [q for q in _quotes(nlp, text) if q[0] in ("وفق", "وفقا")] == []


def test_according_to_a_source_is_a_quote(nlp):
    text = ("وقتل 27 شخصا على الأقل في حادث القطار، بحسب مصادر رسمية. "
            "وارتفع الدين العام بنسبة 5 في المائة، وفقا لبيانات صندوق النقد الدولي. "
            "وارتفعت درجات الحرارة إلى مستويات قياسية، وفقا للوكالة الدولية للطاقة. "
            "وقتلت قوات الأمن مسلحا دخل دار سينما، بحسب متحدث باسم الشرطة. "
            "وستفتح المحافظة شواطئها مجانا للمواطنين حسبما أعلن المسؤول المحلي.")
    speakers = [q[1] for q in _quotes(nlp, text)]
    assert len(speakers) == 5
    assert "صندوق النقد الدولي" in speakers[1]


def test_a_governor_is_a_title_that_reaches_his_name(nlp):
    # «محافظ» opens a title chain; the person behind «من» is who appointed him, not the speaker
    quotes = _quotes(nlp, "وهو ما أكده محافظ عدن المعين من الرئيس هادي، نايف البكري، مشيرا إلى أن "
                          "المدينة آمنة وأن الخدمات عادت إلى معظم الأحياء.")
    assert quotes and quotes[0][1] == "نايف البكري"


def test_an_undersecretary_is_a_person_not_his_ministry(nlp):
    record = extract(Article(text="وقال وكيل وزارة الخارجية الإيراني إن بلاده لن تتراجع عن الاتفاق النووي.",
                             published="2015-08-01"), nlp)
    entities = {e.id: e for e in record.entities}
    assert record.quotes and entities[record.quotes[0].speaker.entity].label == "PER"


def test_but_he_is_the_speaker_before_him(nlp):
    quotes = _quotes(nlp, "وقال الرئيس الأميركي باراك أوباما إن إيران قد تستخدم الأموال لتمويل الإرهاب، "
                          "لكنه اعتبر أن الاتفاق يظل أفضل من البديل، مشددا على أن بلاده قادرة على المحاسبة.")
    assert [q[1] for q in quotes] == ["باراك أوباما"] * 3


def test_but_it_does_not_say_is_no_quote(nlp):
    quotes = _quotes(nlp, "وقد دان الرئيس الروسي فلاديمير بوتين هذه المبادرة. وتقدمت موسكو بمشروع قرار لكنه لا "
                          "يشير إلى إنشاء محكمة بل يكتفي بطلب تسريع التحقيق.")
    assert all("محكمة" not in q[2] for q in quotes)


def test_a_reservation_expressed_is_no_speaker(nlp):
    quotes = _quotes(nlp, "وقال الوزير حجار إن الجامعة ستفتح أبوابها. الوزير حجار استعرض في الحوار برنامج "
                          "الوزارة، وأبدى تحفظه على بعض المقترحات، مضيفا أن الإصلاح يحتاج إلى وقت.")
    assert quotes and quotes[-1][1] == "حجار"


def test_an_aside_naming_the_outlet_leaves_the_words_to_the_speaker(nlp):
    quotes = _quotes(nlp, "وقال وزير الخارجية التركي مولود جاوش اوغلو، بحسب ما نقلت عنه وكالة الأناضول، إن "
                          "«الطائرات الأميركية بدأت الوصول» إلى تركيا.")
    assert [q[:2] for q in quotes] == [("قال", "مولود جاوش اوغلو")]


def test_the_outlet_told_is_no_source():
    found = find_quotes("وقتل عشرة أشخاص في انفجار سيارة مفخخة في بغداد، حسب ما أفادت وزارة الداخلية "
                        "العراقية وكالة فرانس برس.")
    assert found and found[0].speaker.text == "وزارة الداخلية العراقية"


def test_a_state_named_by_a_non_saying_verb_speaks_after_it(nlp):
    quotes = _quotes(nlp, "وقال وزير الخارجية التركي مولود جاويش أوغلو إن الطائرات الأميركية بدأت الوصول. "
                          "وشنت تركيا منذ ذلك الحين سلسلة من الغارات الجوية، مشيرة إلى أنها تستهدف ناشطين من حزب العمال.")
    assert quotes[-1][:2] == ("مشيرة", "تركيا")


def test_a_feminine_demand_verb_has_no_masculine_subject(nlp):
    quotes = _quotes(nlp, "وقالت المرشحة هيلاري كلينتون إن الاقتصاد يتحسن. ودعت الشعب الأمريكي إلى عصر جديد من "
                          "الازدهار. ودعت القيادة الفلسطينية المجتمع الدولي إلى التدخل العاجل لوقف الاستيطان.")
    assert [q[1] for q in quotes] == ["هيلاري كلينتون", "هيلاري كلينتون", "القيادة الفلسطينية"]
    assert quotes[2][2].startswith("المجتمع الدولي إلى")


def test_a_quotation_after_anna_ends_where_the_journalist_resumes():
    found = find_quotes("واوضح سيف حسبما نقل عنه التلفزيون الرسمي ان “23 مليار دولار هي موارد من عائدات المصرف "
                        "المركزي و6 مليارات تقريبا هي للحكومة” وهذا الرقم اقل بكثير من التقديرات الأمريكية.")
    said = [q for q in found if q.cue.text == "اوضح"]
    assert said and said[0].kind == "direct" and said[0].content.text.endswith("هي للحكومة")


def test_but_then_an_adjunct_before_a_state_that_speaks(nlp):
    quotes = _quotes(nlp, "وقالت المفوضية الأوروبية إن المفاوضات مستمرة. لكن مع ذلك، قامت الصين بتغيير خط سيرها، "
                          "وتقدمت بطلب للانضمام إلى المفاوضات، قائلة إنها تقر بهدف المفاوضات.")
    assert quotes[-1][:2] == ("قائلة", "الصين")
