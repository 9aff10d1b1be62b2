"""find_dates on real sentences: the seed article, SaudiNewsNet (2015) and hand-written
negative cases. Each case: (text, published, [(span text, value, precision)])."""
import pytest
from hypothesis import given, strategies as st

from marsad.dates import InvalidPublishedDate, find_dates


def found(text, published="2015-07-20"):
    refs = find_dates(text, published)
    for ref in refs:
        assert text[ref.start:ref.end] == ref.text
    return [(r.text, r.value, r.precision) for r in refs]


# -- the seed article (Tishreen, 2023-09-13) ------------------------------------------------
def test_find_dates_seed(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    refs = find_dates(text, "2023-09-13")
    got = {(r.text, r.value, r.precision, r.relative) for r in refs}
    assert ("أمس", "2023-09-12", "day", True) in got                # «بعد يوم أمس»
    assert ("عام 2019", "2019", "year", False) in got
    assert ("مؤخراً", None, None, True) in got
    today = [r for r in refs if r.text == "اليوم"]
    assert today and today[0].value == "2023-09-13"
    assert text[today[0].start - 9:today[0].start] == "زاخاروفا "   # «ماريا زاخاروفا اليوم»
    spans = [r.text for r in refs]
    assert not any("تشرين" in s or "يومها" in s or "2023" in s or "75" in s for s in spans)


# -- absolute dates --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("ووقعت الحرب في 13 سبتمبر 2023 كما قيل", [("13 سبتمبر 2023", "2023-09-13", "day")]),
    ("في ١٣ سبتمبر ٢٠٢٣", [("١٣ سبتمبر ٢٠٢٣", "2023-09-13", "day")]),
    ("في ۱۳ سپتامبر", []),  # Persian month names are not Arabic
    ("في 13 من أيلول/سبتمبر 2023", [("13 من أيلول/سبتمبر 2023", "2023-09-13", "day")]),
    ("منذ مايو (أيار) 2011، لكن", [("مايو (أيار) 2011", "2011-05", "month")]),
    ("في 28 أبريل (نيسان) سرًا", [("28 أبريل (نيسان)", "2015-04-28", "day")]),
    ("في 5 جويلية 2015 بتونس", [("5 جويلية 2015", "2015-07-05", "day")]),
    ("يوم 3 غشت 2015 بالرباط", [("3 غشت 2015", "2015-08-03", "day")]),
    ("في 12 تشرين الثاني 2014", [("12 تشرين الثاني 2014", "2014-11-12", "day")]),
    ("وفي يوم الأحد 12 يوليو بايع", [("الأحد 12 يوليو", "2015-07-12", "day")]),
    ("في التاسع والعشرين من يناير الماضي", [("التاسع والعشرين من يناير الماضي", "2015-01-29", "day")]),
    ("في الأول من سبتمبر (أيلول) من العام الماضي", [("الأول من سبتمبر (أيلول) من العام الماضي", "2014-09-01", "day")]),
    ("في ديسمبر (كانون الأول) الماضي بعد", [("ديسمبر (كانون الأول) الماضي", "2014-12", "month")]),
    ("زيارة يوم 14 أغسطس (آب) المقبل", [("14 أغسطس (آب) المقبل", "2015-08-14", "day")]),
    ("بتاريخ 13/9/2023 و2023-09-13 و13-09-2023 و2015.07.21",
     [("13/9/2023", "2023-09-13", "day"), ("2023-09-13", "2023-09-13", "day"),
      ("13-09-2023", "2023-09-13", "day"), ("2015.07.21", "2015-07-21", "day")]),
    ("جرت الزيارة الأولى عام 2019.", [("عام 2019", "2019", "year")]),
    ("في العام 2019 وسنة 2020", [("العام 2019", "2019", "year"), ("سنة 2020", "2020", "year")]),
    ("قطعت في 1961، وفي عام 1977 وافق", [("1961", "1961", "year"), ("عام 1977", "1977", "year")]),
    ("أشرف في عامي 2013 و2014 على", [("عامي 2013", "2013", "year"), ("2014", "2014", "year")]),
])
def test_find_dates_absolute(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("الأربعاء 5 شوال 1436هـ الموافق 22 يوليو 2015م",
     [("الأربعاء 5 شوال 1436هـ", "2015-07-22", "day"), ("22 يوليو 2015م", "2015-07-22", "day")]),
    ("بتاريخ 26 / 9 / 1436هـ بعون الله", [("26 / 9 / 1436هـ", "2015-07-13", "day")]),
    ("الصادر عام 1436 هـ", [("عام 1436 هـ", "2015", "year")]),
    ("في 1 محرم 1437", [("1 محرم 1437", "2015-10-15", "day")]),
    ("في العاشر من رمضان", [("العاشر من رمضان", "2015-06-27", "day")]),
])
def test_find_dates_hijri(text, expected):
    refs = find_dates(text, "2015-07-20")
    assert [(r.text, r.value, r.precision) for r in refs] == expected
    assert refs[0].calendar == "hijri"


# -- relative dates (published Monday 2015-07-20) --------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("قال كاميرون، اليوم (الاثنين)، إن", [("اليوم (الاثنين)", "2015-07-20", "day")]),
    ("أعلن اليوم الاثنين انه يعتزم", [("اليوم الاثنين", "2015-07-20", "day")]),
    ("وصل أمس (الأحد) إلى جدة", [("أمس (الأحد)", "2015-07-19", "day")]),
    ("أفاد تقرير صادر أمس بأن", [("أمس", "2015-07-19", "day")]),
    ("في قصر السلام بجدة، مساء أمس، مع", [("مساء أمس", "2015-07-19", "day")]),
    ("صباح اليوم وليلة أمس", [("صباح اليوم", "2015-07-20", "day"), ("ليلة أمس", "2015-07-19", "day")]),
    ("أمس الأول وأول من أمس", [("أمس الأول", "2015-07-18", "day"), ("أول من أمس", "2015-07-18", "day")]),
    ("يصل غداً ويغادر بعد غد", [("غداً", "2015-07-21", "day"), ("بعد غد", "2015-07-22", "day")]),
    ("في فيينا الثلاثاء الماضي، بهدف", [("الثلاثاء الماضي", "2015-07-14", "day")]),
    ("يوم الاثنين الماضي", [("يوم الاثنين الماضي", "2015-07-13", "day")]),
    ("الخميس المقبل", [("الخميس المقبل", "2015-07-23", "day")]),
    ("أطلق النار الخميس على مركزين", [("الخميس", "2015-07-16", "day")]),
    ("انخفاضًا الأسبوع الماضي بعد", [("الأسبوع الماضي", "2015-W29", "week")]),
    ("كان في اللاذقية هذا الأسبوع", [("هذا الأسبوع", "2015-W30", "week")]),
    ("رفعت كوبا الشهر الماضي من", [("الشهر الماضي", "2015-06", "month")]),
    ("الشهر الجاري", [("الشهر الجاري", "2015-07", "month")]),
    ("الأسواق العالمية العام المقبل.", [("العام المقبل", "2016", "year")]),
    ("ارتفعت هذا العام، وللعام الماضي", [("هذا العام", "2015", "year"), ("للعام الماضي", "2014", "year")]),
    ("تفجرت بين الطرفين قبل أربعة أيام في", [("قبل أربعة أيام", "2015-07-16", "day")]),
    ("قبل يومين ومنذ 3 أيام", [("قبل يومين", "2015-07-18", "day"), ("منذ 3 أيام", "2015-07-17", "day")]),
    ("كما تم الإعلان عنه منذ أسبوع.", [("منذ أسبوع", "2015-W29", "week")]),
    ("منذ شهرين", [("منذ شهرين", "2015-05", "month")]),
    ("تولت السلطة قبل عام بعد", [("قبل عام", "2014", "year")]),
])
def test_find_dates_relative(text, expected):
    assert found(text) == expected


def test_find_dates_weekday_in_parentheses_beats_a_late_published_date():
    # SaudiNewsNet dates articles by when they were fetched: Tuesday for a Monday article.
    assert found("قال مسؤولون، اليوم (الاثنين)، إن", "2015-07-21") == [
        ("اليوم (الاثنين)", "2015-07-20", "day")]


def test_find_dates_without_published_spots_but_does_not_resolve():
    refs = find_dates("وصل أمس وغادر في 13 سبتمبر 2023 وفي 5 مايو", None)
    assert [(r.text, r.value, r.relative) for r in refs] == [
        ("أمس", None, True), ("13 سبتمبر 2023", "2023-09-13", False), ("5 مايو", None, True)]


def test_find_dates_recently_is_relative_without_value():
    (ref,) = find_dates("احتفلت مؤخراً بالذكرى", "2023-09-13")
    assert (ref.value, ref.precision, ref.relative) == (None, None, True)


def test_find_dates_bad_published_is_a_named_error():
    with pytest.raises(InvalidPublishedDate):
        find_dates("أمس", "13/09/2023")


# -- not dates -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "تشرين – وكالات:",                               # the newspaper Tishreen
    "شهدت في يومها الثاني بدء المحادثات",
    "في اليوم الثاني من الزيارة",
    "بمناسبة اليوم العالمي للمرأة",
    "في ذلك اليوم وفي اليوم نفسه",
    "كما ذكرت قناة روسيا اليوم",
    "في العدد الجديد من «الفلسفة اليوم»، مقال",
    "لا تصلهم سوى 3 ساعات في اليوم، بعد",
    "احتفلت بالذكرى الـ75 لتأسيس الدولة",
    "مفاوضات مجموعة 5+1 النووية",
    "بعد 70 عاماً من الاحتلال",
    "المنتدى الاقتصادي الشرقي 2023",
    "مارس الضغط على الحكومة",                        # مارس: 'practised'
    "قال: في آب ونيسان",                              # آب (father), نيسان (Nissan) without day or year
    "قبل يومين من الانتخابات",                        # anchored to the election, not to publication
    "قال الأمين العام الحالي للأمم المتحدة",
    "هو بأمس الحاجة إلى الدعم",
    "منذ سنوات طويلة",
    "قتل 2015 شخصاً في 31/02/2015",
    "إن الميليشيات عملت لمثل هذا اليوم",               # for such a day
    "في مثل هذا اليوم حطت مركبة فايكينغ على المريخ",   # on this day (of an earlier year)
    "علقت مشاركتها في أعقاب ثورة 25 يناير، كما",       # day and month naming a revolution
    "منذ هجمات 11 سبتمبر",                            # ... attacks
    "تحالف لقوى 14 آذار",                             # ... a Lebanese alliance (with «ل»)
    "اجتمع في قصر 22 مايو بصنعاء",                     # ... a palace
])
def test_find_dates_negative(text):
    assert found(text) == []


def test_find_dates_this_day_of_an_earlier_year_is_not_today():
    # «on this day of August 1990»: the month and year, not «اليوم» (today)
    assert found("وتحديدا في مثل هذا اليوم من أغسطس (آب) 1990 أمر صدام") == [
        ("أغسطس (آب) 1990", "1990-08", "month")]
    assert found("يشهد هذا اليوم افتتاح المعرض") == [("اليوم", "2015-07-20", "day")]  # this day: today


# -- offsets ---------------------------------------------------------------------------------
@given(st.text(alphabet="أمس اليوم 13 سبتمبر 2023 هـ ً ـ \u200f ﻻ بعد غداً", max_size=80))
def test_find_dates_spans_are_exact(text):
    for ref in find_dates(text, "2023-09-13"):
        assert text[ref.start:ref.end] == ref.text
        assert ref.text == ref.text.strip()


@pytest.mark.parametrize("text, expected", [
    ("في سبتمبر أيلول من العام الماضي.", [("سبتمبر أيلول من العام الماضي", "2014-09", "month")]),
    ("أضاءت البارحة الأولى أضواء", [("البارحة الأولى", "2015-07-18", "day")]),
    ("تكاليف العمالة 71 سنتا في اليوم في الصين", []),
])
def test_find_dates_saudinewsnet_phrasings(text, expected):
    assert found(text) == expected


def test_a_date_never_runs_across_lines():
    """Found by the pipeline fuzz test: a title «1» above a body «سبتمبر» read as «1 سبتمبر»."""
    from marsad.dates.spotter import default_spotter

    assert [s for s in default_spotter().spot("1\n\nسبتمبر")] == []
    assert len(default_spotter().spot("1 سبتمبر")) == 1


def test_find_dates_a_named_day_with_its_year_is_still_a_date():
    # Only a day and month without a year after a name head is a name; the head leaves
    # other dates alone.
    assert [(d.text, d.value) for d in find_dates("ثورة 25 يناير 2011", "2015-08-03")] == [
        ("25 يناير 2011", "2011-01-25")]
    assert [d.value for d in find_dates("وصل في 25 يناير الماضي", "2015-08-03")] == ["2015-01-25"]


@pytest.mark.parametrize("text, expected", [
    # Asharq Al-Awsat's «month (Syriac month) year» with a year before 1900: that year, not
    # this year's day (it was 2015-08-08, and an Ottoman battle became a news event).
    ("قرب حلب في 8 أغسطس (آب) 1516، حيث", [("8 أغسطس (آب) 1516", "1516-08-08")]),
    ("في 8 أغسطس 1516 وقعت معركة", [("8 أغسطس 1516", "1516-08-08")]),
    ("حفل افتتاحها في نوفمبر 1869، وقالت", [("نوفمبر 1869", "1869-11")]),
    ("يوم 30 أبريل (نيسان) 1793م، وبقيت", [("30 أبريل (نيسان) 1793م", "1793-04-30")]),
])
def test_find_dates_a_year_before_1900_after_its_month(text, expected):
    assert [(d.text, d.value) for d in find_dates(text, "2015-08-03")] == expected


def test_find_dates_a_count_after_a_month_alone_is_no_year():
    # Without a day, an old-looking number followed by a word is a count, not a year.
    assert all(not d.value.startswith("1800") for d in find_dates("في يناير 1800 جندي", "2015-08-03"))


@pytest.mark.parametrize("text, value", [
    ("قال دبلوماسيون إن من المرجح أن يصوت مجلس الأمن يوم الجمعة على القرار.", "2015-08-07"),
    ("وسيلتقي الفريقان الخميس في جدة.", "2015-08-06"),  # the day of publication itself
    ("وصوت مجلس الأمن يوم الجمعة على القرار.", "2015-07-31"),  # no word of the future: the last one
    ("وقالت الوزارة إنها ستعلن النتائج. وفاز الفريق يوم الجمعة.", "2015-07-31"),  # another sentence
])
def test_a_bare_weekday_after_words_of_the_future_is_the_coming_one(text, value):
    # published Thursday 2015-08-06
    assert [d.value for d in find_dates(text, "2015-08-06")] == [value]
