"""Unseen news, session 12: whom a demand is made of, subordinate clauses around a cue, stray
closing marks, the person the story moved on to, «بالقول» after a verb that is no cue, and
imperfect cues describing a noun."""
from __future__ import annotations

from marsad.quotes.finder import find_quotes
from marsad.quotes.tokens import paragraph_ends, quote_spans


def _by_cue(found):
    return {q.cue.text: q for q in found}


def test_a_group_after_a_demand_verb_is_whom_it_is_made_of():
    text = ("وقال رئيس اللجنة المحلية للانتخابات إن التسجيل يبدأ غدا. "
            "ودعا الشباب إلى المبادرة بقيد أسمائهم في كشوف الناخبين للمساهمة في التنمية.")
    q = _by_cue(find_quotes(text))["دعا"]
    assert q.speaker.text == "رئيس اللجنة المحلية للانتخابات"
    assert q.content.text.startswith("الشباب إلى المبادرة")  # the guidelines' content starts at the addressee


def test_a_concessive_clause_ends_at_the_main_clauses_illa():
    text = ("وعلى الرغم من أن القرشي جدد تأكيداته بأنه لا يؤمن أبدا بنظرية المؤامرة، إلا أنه خلص إلى القول "
            "\"الشواهد التاريخية موجودة\".")
    q = _by_cue(find_quotes(text))["جدد"]
    assert q.content.text == "لا يؤمن أبدا بنظرية المؤامرة"


def test_a_whereas_clause_ends_before_the_main_clauses_cue():
    text = ("وفيما قال مسؤول رفيع في مجلس الشورى إنه لا يمكن إعفاء الإيرانيين من المسؤولية، اتهم إمام "
            "وخطيب جمعة في الرياض النظام الإيراني بالمسؤولية عن الأحداث.")
    q = _by_cue(find_quotes(text))["قال"]
    assert q.content.text == "لا يمكن إعفاء الإيرانيين من المسؤولية"


def test_a_double_mark_glued_to_the_word_before_is_a_stray_closer():
    text = ("أكد الرئيس أن الانتصارات لن تتوقف حتى يتم تطهير كل المحافظات من المواطنين من مساكنهم\". "
            "وقال، في تصريح لدى مغادرته الرياض، إن الجيش الوطني لن يألو جهدا في استعادة الدولة.")
    assert not [sp for sp in quote_spans(text, paragraph_ends(text)) if sp.close is None]
    found = _by_cue(find_quotes(text))
    assert found["أكد"].content.text.endswith("من مساكنهم\"")
    assert found["قال"].content.text.startswith("الجيش الوطني")


def test_a_subject_less_cue_speaks_for_the_subject_of_the_sentence_before():
    text = ("وقال شهود إن المسلح وقف وسط الظلام وبدأ بإطلاق النار.\n"
            "وانتقل حاكم لويزيانا الجمهوري بوبي جيندال إثر الحادث إلى مدينة لافايت.\n"
            "وقال: «كلما سمعنا عن وقوع أعمال عنف مثل هذه ينتابنا الغضب والحزن».")
    a = text.index("بوبي")
    found = find_quotes(text, names=[(a, a + len("بوبي جيندال"))], persons=[(a, a + len("بوبي جيندال"), "m")])
    assert found[-1].speaker.text.endswith("بوبي جيندال")


def test_a_clause_subject_stops_at_its_definite_head():
    text = ("وقالت الشبكة السورية لحقوق الإنسان في تقريرها إن القصف استمر.\n"
            "ووثق التقرير وفاة 368 شخصاً، بينهم 83 طفلاً، لافتاً أن العدد الأكبر من الضحايا في محافظة حلب.")
    q = _by_cue(find_quotes(text))["لافتاً"]
    assert q.speaker.text == "التقرير"


def test_bil_qawl_after_a_verb_that_is_no_cue_reports_words():
    text = ("ورفض المصدر اعطاء المزيد من التفاصيل حول العسكريين مكتفيا بالقول إنها أكبر قوة ينشرها "
            "التحالف على أرض اليمن.")
    q = _by_cue(find_quotes(text))["بالقول"]
    assert q.speaker.text == "المصدر" and q.content.text.startswith("أكبر قوة")
    # after a cue, «بالقول» is part of it: one quote
    found = find_quotes("وتابعت المصادر بالقول إن الأسلحة وصلت إلى المقاومة في تعز.")
    assert len(found) == 1 and found[0].cue.text == "تابعت"


def test_an_imperfect_cue_describing_a_noun_is_no_statement():
    for text in ("يمكن أن تظهر للمستخدم رسالة تقول إن المطعم مزدحم في هذه الساعة من النهار.",
                 "وقال اللاعب إن المعسكر يعد خطوة إيجابية تؤكد تنفيذ ما هو مطلوب منهم داخل الملعب."):
        assert [q.cue.text for q in find_quotes(text)] in ([], ["قال"])
    # a verb with its own subject after it reports words: «في خطوة يقول منتقدون إن ...»
    found = find_quotes("فتحت الحكومة تحقيقا في سجل زعيم الحزب في خطوة يقول منتقدون إن لها دوافع سياسية واضحة.")
    assert [q.cue.text for q in found] == ["يقول"]
    # a source opening its clause is the subject of the verb after it
    for text in ("مصادر مطلعة تقول إن الاجتماع تأجل إلى الأسبوع المقبل.",
                 "لكن جهات رسمية تؤكد أن الاجتماع تأجل إلى الأسبوع المقبل."):
        assert len(find_quotes(text)) == 1


def test_a_stop_between_words_ends_a_sentence_the_splitter_kept_open():
    # the splitter keeps «...» open to the end of the paragraph: the finder's own pairing says
    # the mark was never closed, so «عدن.» ends the participle's words
    text = ("وتابع قائلا: «إن العدوان قادته أنظمة استخدمت الجيوش لحماية مصالحها. وأكد العفيفي أن "
            "الحرب على «الإرهاب» مستمرة، مشيرا إلى أن هناك جنودا مجهولين قاموا بأعمال كبيرة في عدن. وحول "
            "رؤيته للمرحلة القادمة بعد تحرير عدن قال نحن في مرحلة جديدة.")
    q = _by_cue(find_quotes(text))["مشيرا"]
    assert q.content.text.endswith("في عدن")


def test_colon_speech_stops_at_the_journalists_transition():
    text = ("وتابع: نحن في حرب ضد الإرهاب. من جهته، أعلن الاتحاد الأوروبي اعتماد برنامج مساعداته السنوية "
            "لتونس من أجل تعزيز قطاع الأمن.")
    q = _by_cue(find_quotes(text))["تابع"]
    assert q.content.text == "نحن في حرب ضد الإرهاب"
    # speech goes on over a sentence opening with «كذلك» or «ثم»
    q = _by_cue(find_quotes("وتابع: نحن في حرب ضد الإرهاب. كذلك نحن في حرب ضد الفقر.\n"))["تابع"]
    assert q.content.text.endswith("ضد الفقر")


def test_a_parenthesis_after_a_name_is_a_gloss_but_an_acronym_in_a_title_is_not():
    text = "وقال المبتعث خالد العنزي (مشجع النصراوي): أنا حريص على حضور المباراة في لندن."
    a = text.index("خالد")
    found = find_quotes(text, names=[(a, a + len("خالد العنزي"))], persons=[(a, a + len("خالد العنزي"), "m")])
    assert found[0].speaker.text == "المبتعث خالد العنزي"
    text = "وقال الأمين العام لمنظمة البلدان المصدرة للبترول (أوبك) عبدالله البدري إن أسعار النفط ستتعافى."
    a = text.index("منظمة")
    p = text.index("عبدالله")
    found = find_quotes(text, names=[(a, a + len("منظمة البلدان المصدرة للبترول")), (p, p + len("عبدالله البدري"))],
                        persons=[(p, p + len("عبدالله البدري"), "m")])
    assert found[0].speaker.text.endswith("عبدالله البدري")


def test_a_one_word_speaker_before_the_group_a_demand_is_made_of():
    text = "ودعا مدني المجتمع الدولي إلى تحمل مسؤولياته السياسية والأخلاقية تجاه الجريمة."
    a = text.index("المجتمع")
    q = find_quotes(text, names=[(a, a + len("المجتمع الدولي"))])[0]  # the tagger's organisation
    assert q.speaker.text == "مدني" and q.content.text.startswith("المجتمع الدولي إلى")
