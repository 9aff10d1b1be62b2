"""Cue finding and content spans read off unannotated news (session 13, issue #17): participles
with a fused «بـ», subject-less imperfects that go on a speaker's words, verbs that only show,
what will be said, verbs inside reported content, quotations opening with «أن», addresses
with dots, nested topics, and the speaker filter's «علي» and «وكالة»."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract
from marsad.quotes.finder import find_quotes

LEAD = "وقال الوزير خالد الفالح إن الاقتصاد قوي"


def _contents(text, **kw):
    return {q.cue.text: q.content.text for q in find_quotes(text, **kw)}


def test_a_participle_takes_its_fused_bi_complement():
    found = _contents(LEAD + "، متعهدا بدعمها ضد أي خطر خارجي في المنطقة.")
    assert found["متعهدا"] == "بدعمها ضد أي خطر خارجي في المنطقة"
    found = _contents(LEAD + "، منددا بالهجوم الذي استهدف المسجد يوم الجمعة.")
    assert found["منددا"] == "بالهجوم الذي استهدف المسجد يوم الجمعة"


def test_a_participle_demand_starts_at_its_addressee():
    found = _contents(LEAD + "، مطالبا دول الخليج بالضغط على الدول العظمى من أجل الحل.")
    assert found["مطالبا"] == "دول الخليج بالضغط على الدول العظمى من أجل الحل"


def test_a_pronoun_after_bi_is_no_content():
    assert "مشيدا" not in _contents(LEAD + "، مشيدا به وبجهوده.")


def test_mubayyinan_after_between_is_a_cue():
    text = ("وقال الوزير خالد الفالح إن العلاقات بين البلدين قوية، مبيناً أن هناك تقاربا في العديد من "
            "المواقف المهمة.")
    assert _contents(text)["مبيناً"] == "هناك تقاربا في العديد من المواقف المهمة"
    # the bare «وبين» after a «بين» is still the preposition
    assert len(find_quotes("اتفاق بين الحكومة وبين أن المعارضة ستشارك في الانتخابات المقبلة.")) == 0


def test_a_subjectless_imperfect_goes_on_the_speakers_words():
    text = ("ويقول بارنز إن خبراء الشراء يتخصصون في أحياء معينة في لندن. ويشبه بارنز عملية الشراء "
            "بإرسال سيارة للصيانة. ويضيف أن مثل هذه الشركات قد تقوم بالمهمة لكنها لا تحقق أفضل النتائج.")
    quotes = find_quotes(text)
    added = [q for q in quotes if q.cue.text == "يضيف"]
    assert added and added[0].content.text.startswith("مثل هذه الشركات")
    assert added[0].speaker.text == "بارنز"


def test_an_impersonal_imperfect_is_the_journalist():
    text = ("وقال مدير الشرطة إن التحقيق مستمر في الحادث. وتبين أن السائق كان يقيم في الكويت بطريقة "
            "غير قانونية. ويذكر أن الشرطة ألقت القبض على ثلاثة أشخاص.")
    cues = [q.cue.text for q in find_quotes(text)]
    assert cues == ["قال"]


def test_an_imperfect_with_a_noun_after_it_has_its_own_subject():
    text = ("وقال المحلل سعيد الهاجري إن الأسعار سترتفع. ويشير تقديم النصح الخليجي للفصائل إلى أن "
            "الحملة بدأت تؤتي ثمارها.")
    assert [q.cue.text for q in find_quotes(text)] == ["قال"]


def test_what_shows_is_no_speaker():
    for text in ("وتشير التوقعات إلى أنه قد يتم التعاقد مع اللاعب بعد تعثر المفاوضات مع النادي.",
                 "لكن الواقع يشير إلى أن أيا من الأندية الفرنسية لا تستطيع مجاراة سان جيرمان."):
        assert find_quotes(text) == []


def test_what_will_be_said_is_no_quote():
    text = ("ومن المنتظر أن يعلن الفريق الباريسي عن قدوم الجناح الأرجنتيني في الساعات القليلة "
            "المقبلة بعد خضوعه للفحص الطبي.")
    assert find_quotes(text) == []


def test_a_verb_that_goes_on_the_reported_clause_does_not_end_it():
    text = ("وأكد الدكتور شودري أن التعاون مع جامعة أكسفورد يهتم بأبحاث السرطان، ويعتبر امتداداً "
            "للتميز العلمي للجامعة في علاج الأورام.")
    assert _contents(text)["أكد"].endswith("في علاج الأورام")
    text = ("وأوضح مروة أن الشعب السوري يستنكر ويشجب بأشد العبارات الدور الذي يلعبه النظام الإيراني.")
    assert _contents(text)["أوضح"].endswith("الذي يلعبه النظام الإيراني")


def test_a_verb_of_speech_or_a_named_subject_still_ends_it():
    text = ("وقال المحلل إن السوق لا تعتمد على التحليل الفني، وقال يونكر نعمل على صفقة عادلة "
            "مع بريطانيا.")
    assert _contents(text)["قال"] == "السوق لا تعتمد على التحليل الفني"


def test_a_quotation_opening_with_that_is_the_content():
    text = ("وقال رئيس الوزراء في مؤتمر صحافي عقده في انقرة «ان العناصر الاولى للتحقيق تكشف ان "
            "التفجير ناجم عن اعتداء انتحاري» في اشارة الى التنظيم.")
    assert _contents(text)["قال"] == "العناصر الاولى للتحقيق تكشف ان التفجير ناجم عن اعتداء انتحاري"
    for that in ("إلى أن", "الى ان"):
        text = f'وأشار الرحبي "{that} المقاومة الشعبية تقوم حاليا بتمشيط كل المناطق في عدن".'
        assert _contents(text)["أشار"] == "المقاومة الشعبية تقوم حاليا بتمشيط كل المناطق في عدن"


def test_dots_of_an_address_do_not_end_a_sentence():
    text = ("وأشارت الهيئة في تقرير نشرته على موقعها الالكتروني www.sfda.gov.sa، إلى أن التسمم "
            "الغذائي حالة مرضية مفاجئة.")
    assert _contents(text)["أشارت"] == "التسمم الغذائي حالة مرضية مفاجئة"


def test_ramallah_is_no_prayer():
    text = ("وقال الرئيس الفلسطيني محمود عباس في اجتماع برام الله: إن الجانب الفلسطيني منفتح على كل "
            "الأفكار.")
    assert _contents(text)["قال"] == "الجانب الفلسطيني منفتح على كل الأفكار"


def test_a_nested_topic_is_the_outer_speakers():
    text = ("وأشار عميد شؤون أعضاء هيئة التدريس الدكتور مطلق العتيبي، إلى أن العمادة تعلن عن حاجتها "
            "لشغل وظائف فنيين بنظام العقود.")
    assert [q.cue.text for q in find_quotes(text)] == ["أشار"]
    text = ("وقال المتحدث إن القوات استعادت المدينة كما دعوا لتسجيل احتجاج رسمي لدى الأمم المتحدة "
            "والمنظمات الدولية.")
    assert "دعوا" in [q.cue.text for q in find_quotes(text)]


def test_the_speaker_filter_keeps_ali_and_agencies():
    rec = extract(Article(text="وقالت وكالة الأنباء الإماراتية امس الثلاثاء إن ضابطا من مواطنيها "
                               "استشهد في خدمة الحملة العربية.", id="t1"))
    assert [q.speaker.text for q in rec.quotes] == ["وكالة الأنباء الإماراتية"]
    rec = extract(Article(text="ويؤكد علي العمري من أقدم مربّي النحل بالمنطقة أن عسل الباحة من أجود "
                               "انواع العسل.", id="t2"))
    assert [q.content.text for q in rec.quotes] == ["عسل الباحة من أجود انواع العسل"]
