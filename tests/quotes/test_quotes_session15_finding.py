"""Statements the finder missed on unseen news (issue #17, session 15: quotes24, the finding of
quotes and their content spans); the sentences are written here in the corpus's style."""
from __future__ import annotations

from marsad.quotes.finder import find_quotes
from tests.quotes.finder_helpers import one, quotes_of


def test_a_year_ending_the_title_does_not_make_the_first_cue_a_noun():
    # the pipeline puts the title and a blank line before the body
    text = "الشباب التقطوا صورا أكثر عام 2014\n\n ذكرت هيئة الاتصالات أن الشباب التقطوا صورا كثيرة العام الماضي."
    q = one(text, "صورا كثيرة")
    assert q.speaker.text == "هيئة الاتصالات"
    # inside a paragraph a word after a number is still a noun («100 طالب»)
    assert not any(q.cue.text == "طالب" for q in find_quotes("وحضر الحفل 100 طالب بأن يكون الحفل سنويا."))


def test_by_this_occasion_is_no_speaker():
    text = "افتتح الوزير المعرض أمس. وبهذه المناسبة قالت وكيلة الوزارة هيا العواد إن المعرض ناجح جدا."
    q = one(text, "ناجح")
    assert q.speaker.text == "وكيلة الوزارة هيا العواد"


def test_a_title_the_tagger_took_for_a_name_is_in_apposition_to_the_name():
    text = "دعا الرئيس الإيراني حسن روحاني إلى تعاون أكبر مع أنقرة في مكافحة الإرهاب."
    a, b = text.find("الرئيس الإيراني"), text.find("حسن روحاني")
    names = [(a, a + len("الرئيس الإيراني")), (b, b + len("حسن روحاني"))]
    found = find_quotes(text, names=names, persons=[(s, e, "m") for s, e in names])
    assert [(q.content.text, q.speaker.text) for q in found] == [
        ("تعاون أكبر مع أنقرة في مكافحة الإرهاب", "الرئيس الإيراني حسن روحاني")]


def test_warned_is_a_cue():
    text = "وذكر الوزير أنه سيتخذ إجراءات لحل الأزمة لكنه نبه إلى أنه لا يوجد حل سريع للمشكلة."
    assert [(c, s) for c, s, _ in quotes_of(text)] == [("سيتخذ إجراءات لحل الأزمة", "الوزير"),
                                                      ("لا يوجد حل سريع للمشكلة", "الوزير")]
    assert one("ونبه التقرير إلى أن الوضع خطير.", "خطير").speaker.text == "التقرير"


def test_but_he_said_is_the_same_speaker_again():
    text = "وذكر الوزير أنه سيتخذ إجراءات لحل الأزمة لكنه أكد أنه لا يوجد حل سريع للمشكلة."
    assert [(c, s) for c, s, _ in quotes_of(text)] == [("سيتخذ إجراءات لحل الأزمة", "الوزير"),
                                                      ("لا يوجد حل سريع للمشكلة", "الوزير")]


def test_came_in_the_report():
    text = 'وقالت الهيئة إنها تعمل مع الشركات. وجاء في التقرير "نقضي أوقاتا أطول على الهواتف".'
    assert one(text, "نقضي").cue.text == "جاء"
    text = "يطيب لنا أن نوضح الصورة. فإلى تفصيل ما جاء في التقرير الصحفي: أولا إن الطوابير غير موجودة."
    assert not any(q.cue.text == "جاء" for q in find_quotes(text)), quotes_of(text)


def test_the_writers_own_warning_is_no_quote():
    text = "وقد أشرت في مقال سابق إلى الدين العام، غير أنني نبهت إلى أنه قد يرتفع مرة أخرى."
    assert not any(q.cue.text == "نبهت" for q in find_quotes(text)), quotes_of(text)


def test_the_journalists_aside_ends_reported_content():
    for text, said in (
            ("وقال الجيش إن طائراته قصفت أهدافا للمتمردين، دون أن يحدد عدد الأهداف التي ضربت.",
             "طائراته قصفت أهدافا للمتمردين"),
            ("وأعلنت الشرطة أنها اعتقلت عددا من المشتبه بهم، بدون الكشف عن أسمائهم.", "اعتقلت عددا من المشتبه بهم"),
            ("وقال الوزير إن الإرهابيين يهددون المنطقة كلها، في إشارة إلى تنظيم الدولة.",
             "الإرهابيين يهددون المنطقة كلها")):
        assert [c for c, _, _ in quotes_of(text)] == [said], quotes_of(text)


def test_what_the_speaker_says_is_done_without_stays_his():
    # «دون أن تقدم أي دليل» is the accusation itself; «علماً بأن» is as often the speaker's note
    for text in ("وقال المتحدث إن الهند اتهمت مواطنين بالتسلل، دون أن تقدم أي دليل على ذلك.",
                 "ويرى الخنين أن استقطاب اللاعبين يكلف كثيرا، علما بأن هناك لاعبين مميزين في الفريق."):
        assert any("دون" in c or "علما" in c for c, _, _ in quotes_of(text)), quotes_of(text)


def test_joy_and_pride_are_a_stance_thanks_are_not():
    q = one("وأعرب اللاعب البرازيلي عن سعادته بالتوقيع مع نادي الهلال.", "سعادته")
    assert q.content.text == "سعادته بالتوقيع مع نادي الهلال"
    assert one("وأعرب الشيخ عن فخره واعتزازه باستشهاد ابنه دفاعاً عن الوطن.", "فخره").speaker.text == "الشيخ"
    assert not find_quotes("وأعرب الرئيس عن امتنانه للجانب الروسي على حسن الترحيب.")


def test_expressed_opens_a_news_lead_without_and():
    text = "الرياض: محمد علي\n\nعبّر الفنان عمر الجاسر عن بالغ سعادته بهذا الاختيار والتكريم."
    q = one(text, "سعادته")
    assert q.speaker.text == "الفنان عمر الجاسر"
    assert not find_quotes("عبر الإنترنت يمكن التسجيل عن بعد في الموقع.")
    assert not any(q.cue.text == "عبر" for q in find_quotes("وانتقل الخبر عبر الإنترنت عن قلق الناس بسرعة."))


def test_while_opens_a_statement_with_its_subject_after_the_verb():
    text = "يأتي ذلك في الوقت الذي قال الشيخ سلمان النشوان الأمين العام للمجلس، إن هذا العمل إجرامي."
    q = one(text, "إجرامي")
    assert q.content.text == "هذا العمل إجرامي"
    assert q.speaker.text.startswith("الشيخ سلمان النشوان")
    q = one("وتواصلت المعارك في الوقت الذي أكد فيه مدير الشرطة أن التحقيقات مستمرة.", "التحقيقات")
    assert q.speaker.text == "مدير الشرطة"


def test_the_occasion_of_the_words_ends_reported_content():
    text = ("دعا الرئيس الإيراني إلى «تعاون أكبر» مع أنقرة في مكافحة الإرهاب، "
            "خلال مكالمة هاتفية مع نظيره التركي، حسبما نقلت الوكالة الرسمية.")
    assert one(text, "تعاون").content.text == "«تعاون أكبر» مع أنقرة في مكافحة الإرهاب"
