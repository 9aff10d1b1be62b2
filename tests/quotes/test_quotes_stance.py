"""Session-8 categories of the quote finder: verbs of stance, objects opened by a verbal
noun, document frames, subjects the reader must not take (pronouns, fused prepositions),
and content that ends where the journalist describes the speaker again. Sentences written
here in the style of SaudiNewsNet; the categories come from train.jsonl's misses."""
from __future__ import annotations

import pytest

from marsad.quotes.finder import QuoteFinder, find_quotes
from marsad.text.sentences import split_sentences


def quotes_of(text, names=None):
    return [(q.kind, q.content.text, q.speaker.text if q.speaker else None)
            for q in find_quotes(text, names=names)]


@pytest.mark.parametrize("text, content, speaker", [
    # a verbal noun opens the object of «أكد/أدان/أبدى»
    ("بدوره أكد هادي ضرورة احترام الهدنة من قبل المليشيات الحوثية.",
     "ضرورة احترام الهدنة من قبل المليشيات الحوثية", "هادي"),
    ("وطالب الدكتور مجدي أبو فريخة بضرورة إيجاد حلول جذرية لمشاركة الدول العربية.",
     "بضرورة إيجاد حلول جذرية لمشاركة الدول العربية", "الدكتور مجدي أبو فريخة"),
    # stance verbs the lexicon lacked
    ("وتعهدت الحكومة المصرية بإجراء الانتخابات البرلمانية في أجواء ديمقراطية.",
     "بإجراء الانتخابات البرلمانية في أجواء ديمقراطية", "الحكومة المصرية"),
    ("وتوقع المحلل السياسي هاني مسهور أن تحسم معركة قاعدة العند قريبا.",
     "تحسم معركة قاعدة العند قريبا", "المحلل السياسي هاني مسهور"),
    # «الله» inside a name is no prayer
    ("أعلن حاكم المصرف المركزي الإيراني ولي الله سيف أن الموجودات المجمدة تبلغ 29 مليار دولار.",
     "الموجودات المجمدة تبلغ 29 مليار دولار", "حاكم المصرف المركزي الإيراني ولي الله سيف"),
    # a quotation right after the speaker, the sentence going on after it
    ("وقال سيف “يمكننا استيعاب بين 200 و300 مليار دولار من الاستثمارات الاجنبية” الا ان المعارضين يرفضون ذلك.",
     "يمكننا استيعاب بين 200 و300 مليار دولار من الاستثمارات الاجنبية", "سيف"),
    # an addressee between the speaker and the quotation; «بي.بي.سي» is one word
    ("قال كريس كولمان مدرب ويلز لهيئة الإذاعة البريطانية (بي.بي.سي) \"نحن نتطلع إلى التصفيات. المجموعة قوية.\"",
     "نحن نتطلع إلى التصفيات. المجموعة قوية", "كريس كولمان مدرب ويلز"),
    # a document frame: its issuer speaks
    ("وجاء في بيان رئيس إقليم كردستان مسعود برزاني «يجب على قوات الحزب إبعاد ساحة الحرب عن الإقليم».",
     "يجب على قوات الحزب إبعاد ساحة الحرب عن الإقليم", "رئيس إقليم كردستان مسعود برزاني"),
    # a subject before its verb may hold a preposition after «لكن»
    ("ادعت الشرطة أن الذي رفع العلم سائح. لكن دائرة الأوقاف الإسلامية في القدس أكدت أن منفذ الاعتداء مستوطن.",
     "منفذ الاعتداء مستوطن", "دائرة الأوقاف الإسلامية في القدس"),
])
def test_stance_cues_and_subjects(text, content, speaker):
    found = {(c, s) for _, c, s in quotes_of(text)}
    assert (content, speaker) in found, quotes_of(text)


def test_reported_content_ends_at_a_circumstantial_participle():
    text = "وقال الوزير إن مصر والسعودية جناحا الأمن القومي العربي، مشيدا بحضور ولي العهد للاحتفال."
    contents = [c for _, c, _ in quotes_of(text)]
    assert "مصر والسعودية جناحا الأمن القومي العربي" in contents, contents


def test_adverb_shaped_like_a_participle_does_not_end_content():
    text = "وقال الوزير إن المحادثات ستستأنف، مجددا في الأسبوع المقبل بين الطرفين."
    contents = [c for _, c, _ in quotes_of(text)]
    assert any(c.endswith("بين الطرفين") for c in contents), contents


@pytest.mark.parametrize("text", [
    "وحول رؤيته للمرحلة القادمة قال نحن في مرحلة جديدة يجب أن يؤسس فيها للدولة.",
    "وكان الوزير قد تحدث طويلا. ثم قال لمجلس العلاقات الخارجية إن الاتفاق جيد لإسرائيل.",
])
def test_pronouns_and_fused_prepositions_are_no_speakers(text):
    speakers = [s for _, _, s in quotes_of(text)]
    assert not any(s and (s.startswith("نحن") or s.startswith("لمجلس")) for s in speakers), speakers


def test_jaa_without_a_document_is_no_cue():
    text = "قالت الفيدرالية إن اختيار الفنان عمر الجاسر جاء \"تقديرًا لجهوده الملموسة في خدمة الحركة الإنسانية\"."
    found = quotes_of(text)
    assert len(found) == 1 and found[0][2] == "الفيدرالية", found


def test_names_from_the_tagger_end_the_speaker_before_the_object():
    text = "من جهته وصف رئيس مركز دراسات الخليج الدكتور عمر الحسن العلاقة بين المملكة ومصر بأنها علاقة تكامل."
    i = text.index("عمر الحسن")
    found = quotes_of(text, names=[(i, i + len("عمر الحسن"))])
    assert [(c, s) for _, c, s in found] == [("العلاقة بين المملكة ومصر بأنها علاقة تكامل",
                                             "رئيس مركز دراسات الخليج الدكتور عمر الحسن")], found


def test_initialism_dots_do_not_split_sentences():
    text = "قال المدرب لهيئة الإذاعة البريطانية (بي.بي.سي) إن الفريق جاهز. وأضاف أن المباراة صعبة."
    assert len(split_sentences(text)) == 2


def test_stance_forms_have_no_offsets_drift():
    text = "ونددت الجالية البحرينية بالتصريحات العدائية التي ترددها إيران، معتبرة إياها اعتداء على سيادة البحرين."
    for q in QuoteFinder(text).run():
        assert text[q.content.start:q.content.end] == q.content.text
        assert text[q.speaker.start:q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("text", [
    "والصفقة وُصِفت بالمدوية نظرا لإمكانات اللاعب المميزة في الدوري.",
    "ويشارك في البرنامج 100 طالب بالمرحلتين المتوسطة والثانوية من مختلف المناطق.",
])
def test_passive_verbs_and_nouns_after_numbers_are_no_cues(text):
    assert quotes_of(text) == []


def test_active_imperfect_with_damma_is_still_a_cue():
    found = quotes_of("ويُؤكد الوزير أن المشروع سينتهي في الموعد المحدد له.")
    assert [c for _, c, _ in found] == ["المشروع سينتهي في الموعد المحدد له"], found


def test_a_new_attribution_inside_reported_content_ends_it():
    text = ("وتابع قاسميار أن الصين ستستضيف اللقاء على الأرجح، إلا أن مسؤولا آخر في المجلس أشار إلى أن"
            " الأمر لم يتأكد بعد.")
    contents = [c for _, c, _ in quotes_of(text)]
    assert contents == ["الصين ستستضيف اللقاء على الأرجح", "الأمر لم يتأكد بعد"], contents


def test_a_cue_in_a_relative_clause_ends_reported_content():
    text = "وأوضح المتحدث أن الجيش يقف على تخوم مدينة زنجبار التي قال إن أخبارها ستكون مفرحة للشعب اليمني."
    contents = [c for _, c, _ in quotes_of(text)]
    assert contents[0] == "الجيش يقف على تخوم مدينة زنجبار", contents


def test_journalist_gloss_after_a_comma_ends_reported_content():
    text = "وقال رئيس الوزراء إن العمليات الأمنية ستستمر، وذلك بعد يوم من هجوم شنته الطائرات الحربية."
    assert [c for _, c, _ in quotes_of(text)] == ["العمليات الأمنية ستستمر"]


def test_subject_after_but_that_holds_a_preposition():
    text = "ويشكل العلويون نحو 10% من السوريين. غير أن ناشطين من المعارضة السورية يقولون إن الحادث وقع في اللاذقية."
    found = quotes_of(text)
    assert ("indirect", "الحادث وقع في اللاذقية", "ناشطين من المعارضة السورية") in found, found


def test_a_long_speaker_phrase_headed_by_an_institution_is_credible():
    from marsad.model import Quote, Span, Speaker
    from marsad.quotes.component import credible_speaker

    phrase = "الجهاز المركزي المصري للتعبئة العامة والإحصاء"
    quote = Quote(kind="indirect", content=Span(60, 80, "x"), speaker=Speaker(None, phrase, 0, len(phrase)),
                  cue=Span(50, 55, "أوضح"))
    assert credible_speaker(quote, [])
    clause = "اختلاف فصول السنة في هذه المنطقة الحارة"
    quote.speaker = Speaker(None, clause, 0, len(clause))
    assert not credible_speaker(quote, [])


def test_reported_chain_gives_the_original_source():
    found = quotes_of("وأفادت وكالة الأنباء السعودية نقلا عن مصدر أمني أن الشرطة اعتقلت ثلاثة مشتبهين في الرياض.")
    assert found == [("indirect", "الشرطة اعتقلت ثلاثة مشتبهين في الرياض", "مصدر أمني")], found


def test_negated_verb_keeps_its_subject_after_it():
    found = quotes_of("ولم يستبعد المصدر أن تتم الصفقة خلال أيام.")
    assert found == [("indirect", "تتم الصفقة خلال أيام", "المصدر")], found


def test_a_cue_without_content_does_not_lend_a_clause_as_speaker():
    text = ("ولم يستبعد المصدر حصول انشقاقات في الحركة في الأيام المقبلة. "
            "وقال: إن الملا منصور مدعو إلى الجلوس مع منافسيه.")
    speakers = [s for _, _, s in quotes_of(text)]
    assert not any(s and "انشقاقات" in s for s in speakers), speakers


def test_wa_bayn_after_bayn_is_between_not_a_cue():
    text = "وأضاف اللاعب أن المفاوضات بينه وبين إدارة النادي الأهلي بدأت قبل شهر."
    assert [c for _, c, _ in quotes_of(text)] == ["المفاوضات بينه وبين إدارة النادي الأهلي بدأت قبل شهر"]


def test_object_of_a_stance_verb_right_after_the_speakers_name():
    text = "وأكد المسؤول الإعلامي للجناح العسكري للحزب بختيار دوغان قصف الطائرات التركية لمواقع الحزب في الشريط الحدودي."
    i = text.index("بختيار دوغان")
    found = quotes_of(text, names=[(i, i + len("بختيار دوغان"))])
    assert [(c, s.endswith("بختيار دوغان")) for _, c, s in found] == [
        ("قصف الطائرات التركية لمواقع الحزب في الشريط الحدودي", True)], found


def test_reversed_guillemets_pair_up():
    text = ("وقال الأمير: » إن كل من يحاول العبث بأمن المملكة فإنه سيجد الرد عمليا «. "
            "من جهتهم أعرب ذوو الشهداء عن شكرهم لخادم الحرمين.")
    contents = [c for _, c, _ in quotes_of(text)]
    assert contents == ["كل من يحاول العبث بأمن المملكة فإنه سيجد الرد عمليا"], contents


def test_a_stray_closing_mark_opens_nothing_without_its_reversed_partner():
    text = "وقال الوزير إن رعاية المشروع بـ” فطن ” تأتي من الشعور بالمسؤولية. وأضاف أن البرنامج يستمر عاما."
    contents = [c for _, c, _ in quotes_of(text)]
    assert contents == ["رعاية المشروع بـ” فطن ” تأتي من الشعور بالمسؤولية", "البرنامج يستمر عاما"], contents


def test_amma_topic_speaks_with_fa():
    text = ("وقال باتريك انطاكي إن الفندق ممتلئ. أما فريدي فريد، مدير فندق جلوريا دبي، فذكر أن نسبة "
            "الاشغال سجلت ارتفاعا كبيرا. وأوضح أن الفندق رصد اهتماما كبيرا.")
    assert [s for _, _, s in quotes_of(text)] == ["باتريك انطاكي", "فريدي فريد", "فريدي فريد"]


def test_a_phrase_after_the_verb_beats_a_held_subject_before_it():
    text = ("كما سيعقد اجتماعا ثلاثيا مع نظيريه الروسي سيرجي لافروف والسعودي عادل الجبير يقول مسؤولون "
            "أميركيون انه سيركز على الحرب في سوريا.")
    assert [(c, s) for _, c, s in quotes_of(text)] == [("سيركز على الحرب في سوريا", "مسؤولون أميركيون")]


@pytest.mark.parametrize("text", [
    # what a body did not disclose or claim (corpus articles, session 11 fifth part)
    "وأكد المتحدث أن التحقيق مستمر. ولم تكشف الشركة الكورية عن تفاصيل أسعار الشاشة الجديدة ولا موعد طرحها.",
    "وقال مجاهد إنه لا علم له بالهجوم. ولا يعلن المتمردون عادة مسؤوليتهم عن الهجمات التي تودي بحياة مدنيين.",
    "وأكد المتحدث أن التحقيق مستمر. ولم يكشف الحلف عن جنسية الجندي الأجنبي القتيل وفقا للسياسة المعمول بها.",
])
def test_a_negated_cue_is_no_statement(text):
    found = quotes_of(text)
    assert len(found) == 1 and found[0][0] == "indirect"  # only the first sentence's words


def test_not_ruling_out_is_a_statement():
    found = quotes_of("ولم يستبعد المصدر أن تحصل انشقاقات كبيرة في صفوف الحركة خلال الأيام المقبلة.")
    assert [f[2] for f in found] == ["المصدر"]
