"""Categories of the silver-b misses and of the speaker filter's drops (issue #17, session 14, second pass);
the sentences are written here in the corpus's style."""
from __future__ import annotations

from marsad.quotes.finder import find_quotes
from tests.quotes.finder_helpers import one, quotes_of


def test_a_credit_after_the_lead_gives_the_lead_its_speaker():
    text = ("قتل سبعة جنود على الاقل صباح امس في غارة على حاجز للجيش جنوب العاصمة، "
            "كما اعلنت السلطات المحلية. وقال حاكم المنطقة ان التحقيق جار.")
    q = one(text, "جنود")
    assert q.content.text == "قتل سبعة جنود على الاقل صباح امس في غارة على حاجز للجيش جنوب العاصمة"
    assert q.speaker.text == "السلطات المحلية"


def test_a_credit_after_the_lead_leaves_out_the_time_after_its_subject():
    text = "وتوفي الرجل بعد ذلك في المستشفى متأثرا بجروحه، كما ذكرت الشرطة الأسبوع الماضي."
    assert one(text, "المستشفى").speaker.text == "الشرطة"


def test_kama_with_an_object_or_a_question_is_no_credit():
    for text in ("وارتفعت الأسعار في الأسواق الشعبية خلال الشهر، كما أعلنت البلاد الحداد لمدة 3 أيام.",
                 "وسوى الروم خلف ظهرك روم في كل زمان ومكان، كما قال المتنبي ذات يوم لأمير حلب؟",
                 "وأكملت الشركة المرحلة الأولى من المشروع في الموعد، كما كشفت جوجل عزمها إرسال تحديثات."):
        assert not any(q.cue.text in ("أعلنت", "قال") for q in find_quotes(text)), quotes_of(text)
        assert not any("الأسعار" in q.content.text or "الروم" in q.content.text or "المرحلة" in q.content.text
                       for q in find_quotes(text)), quotes_of(text)


def test_an_estimate_with_its_clause_is_reported():
    text = 'وقدرت صحيفة "كاثيميريني" السبت أن كلفة إغلاق المصارف بلغت مليارات اليورو.'
    q = one(text, "كلفة")
    assert q.content.text.startswith("كلفة إغلاق المصارف") and "كاثيميريني" in q.speaker.text
    q = one("ويقدر مسؤولو الاتحاد الاوروبي أن ذلك يمثل نسبة 40 في المائة من الإنفاق.", "نسبة")
    assert q.speaker.text == "مسؤولو الاتحاد الاوروبي"


def test_qadr_as_a_noun_or_as_can_is_no_cue():
    for text in ("وتعمل الوزارة قدر الإمكان على أن تصل الخدمات إلى الجميع.",
                 "ولم يقدر أحد أن يبرهن النظرية من قبل.",
                 "وحاول جمع أكبر قدر من المساعدات قبل أن تصل القوافل."):
        assert not any(q.cue.text.endswith(("قدر", "يقدر")) for q in find_quotes(text)), quotes_of(text)


def test_feminine_forms_of_going_on_and_closing():
    text = ("وتوضح نوف القحطاني أن أجمل الليالي هي ليلة العيد. وتردف أنه لابد أن ندخل حماسة العيد "
            "لقلوب أطفالنا. وتختتم لطيفة الشثري أن صلاة العيد فرحة لا تعادلها فرحة.")
    assert one(text, "حماسة").speaker.text == "نوف القحطاني"
    assert one(text, "فرحة").speaker.text == "لطيفة الشثري"


def test_closing_ones_own_talk_is_no_speaker():
    text = ("وأكد اللاعب البرازيلي إلتون الميدا سعادته بالانضمام إلى الفريق. وختم حديثه بقوله: "
            "أقدم شكري وتقديري لكل الجماهير التي حضرت لاستقبالي.")
    assert one(text, "شكري").speaker.text == "اللاعب البرازيلي إلتون الميدا"


def _persons(text, *names):
    out = []
    for name in names:
        k = text.find(name)
        while k >= 0:
            out.append((k, k + len(name), "m"))
            k = text.find(name, k + 1)
    return out


def test_a_subheading_of_a_name_and_a_colon_quotes_that_person():
    text = ("وتكررت الأخطاء في كل موسم!\n\nالخالد: العمل ارتجالي!\n"
            "المدرب الوطني عبدالعزيز الخالد يقول معلقا على ذلك: لا أعتقد أن الأندية تستفيد من أخطائها.\n\n"
            "الخنين: المال سبب\n النجاح والإخفاق!\nوكيل أعمال اللاعبين عبدالرحمن الخنين يرى أن المال عائق كبير.")
    found = find_quotes(text, persons=_persons(text, "عبدالعزيز الخالد", "عبدالرحمن الخنين"))
    heads = [(q.content.text, q.speaker.text) for q in found if q.cue is None]
    assert heads == [("العمل ارتجالي", "الخالد"), ("المال سبب\n النجاح والإخفاق", "الخنين")]
    assert [q.content.start for q in found] == sorted(q.content.start for q in found)


def test_a_dateline_or_a_byline_is_no_subheading_quote():
    text = ("الرياض: محمد العتيبي\nأعلنت الوزارة عن خطة جديدة للنقل العام في المدن الكبرى.\n"
            "تصوير: خالد الزهراني\n")
    found = find_quotes(text, persons=_persons(text, "محمد العتيبي", "خالد الزهراني"))
    assert not [q for q in found if q.cue is None], quotes_of(text)


def test_vox_pop_colon_speech_goes_on_in_the_first_person():
    text = ("وعلى ذات النسق يتحدث المعتمر المصري حسين فوزي: نشكر المملكة حكومة وشعبا على كرم الضيافة. "
            "ورغم قصر المدة التي أمضيناها هنا إلا أننا شعرنا بالراحة والسعادة.\n"
            "ويقول كل من مصطفى عثمان وخورشيد خيبر: نغادر المملكة بعد أيام رائعة. "
            "وأعلنت الوزارة عن خطة جديدة.")
    q = one(text, "نشكر")
    assert q.speaker.text == "المعتمر المصري حسين فوزي"
    assert q.content.text.endswith("إلا أننا شعرنا بالراحة والسعادة")
    q = one(text, "نغادر")
    assert "مصطفى عثمان" in q.speaker.text and q.content.text == "نغادر المملكة بعد أيام رائعة"


def test_a_topic_after_tahaddath_is_no_quote():
    text = "لكن موسكو تنفي ذلك وتتحدث عن وجود متطوعين روس ذهبوا من تلقاء انفسهم للقتال."
    assert not any(q.cue.text.endswith("تتحدث") for q in find_quotes(text)), quotes_of(text)
    text = "ويتحدث الكتاب عن تاريخ المنطقة وأهم معالمها الأثرية القديمة."
    assert not find_quotes(text), quotes_of(text)


def test_a_subjectless_cue_takes_the_person_named_just_before():
    text = ("من جهته بيّن مدير عام الهيئة المهندس محمد العمرة أن الباص ينقل 500 راكب يومياً.\n"
            "وأضاف أن الباص ينقل المصطافين بين أهم المواقع السياحية في المدينة.")
    found = find_quotes(text, persons=_persons(text, "محمد العمرة"))
    q = next(q for q in found if "المصطافين" in q.content.text)
    assert q.speaker is not None and q.speaker.text == "محمد العمرة"


def test_a_feminine_cue_takes_no_man_of_unknown_gender():
    text = ("افتتح عبدالرحمن العمير القرية التراثية في الرياض أمس.\n"
            "موضحةً أن مبادرتها لإنشاء القرية تأتي في إطار دعم التراث الوطني.")
    found = find_quotes(text, persons=[(text.find("عبدالرحمن العمير"), text.find("عبدالرحمن العمير") + 16, "-")])
    assert all(q.speaker is None or "العمير" not in q.speaker.text for q in found), quotes_of(text)


def test_a_time_adjunct_before_the_subject_is_skipped():
    text = "وقالت في وقت سابق هوغيت لابيل رئيسة الشفافية الدولية: «جميع الدول ما زالت تواجه تهديد الفساد»."
    assert one(text, "الفساد").speaker.text.startswith("هوغيت لابيل")


def test_a_demands_speaker_ends_before_everyone_it_asks():
    text = ('وطالبت الوزارة كافة الدول خاصة الأعضاء في مجلس الأمن بالتصدي العاجل لـ "هذا التصعيد الخطير".')
    assert one(text, "التصعيد").speaker.text == "الوزارة"
    text = "وناشد العنزي، جميع قائدي المركبات أخذ الحيطة والحذر وعدم السرعة أثناء القيادة."
    assert all("جميع" not in (q.speaker.text if q.speaker else "") for q in find_quotes(text)), quotes_of(text)


def test_colon_speech_keeps_the_speakers_own_wa_dhalika():
    text = ("المدرب الوطني الدكتور عبدالعزيز الخالد يقول معلقا على ذلك: لا أعتقد أن الأندية تستفيد من "
            "أخطائها، وذلك بسبب غياب العمل المؤسساتي. كما يرى محمد الدايل بأن الطريق خطير جدا.")
    q = one(text, "أعتقد")
    assert q.content.text.endswith("وذلك بسبب غياب العمل المؤسساتي")
    assert one(text, "الطريق").speaker.text == "محمد الدايل"


def test_wa_dhalika_citing_another_speaker_ends_colon_speech():
    text = ('وأضاف الخطيب: إن الغدر محرم لكل من قتل نفسا، وذلك في الحديث الذي أخرجه الإمام أحمد '
            'أنه سمع رسول الله يقول: "من أمن رجلا على دمه فقتله فإنه يحمل لواء غدر يوم القيامة".')
    assert one(text, "الغدر").content.text == "إن الغدر محرم لكل من قتل نفسا" or \
        one(text, "الغدر").content.text == "الغدر محرم لكل من قتل نفسا"
