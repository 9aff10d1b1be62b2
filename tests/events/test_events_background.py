"""Background, not news: «في مثل هذا اليوم» sentences, this-day-in-history articles,
chronology lines dated by their year, and events dated far before publication (by a day,
a week, a month or a year). Sentences in the style of SaudiNewsNet (2015)."""
import pytest

from marsad.events.background import HISTORY_DAYS, anniversary, far_back, history_article
from marsad.events.coder import EventCoder
from marsad.model import Article, DateRef
from marsad.pipeline.build import TITLE_SEPARATOR

PUBLISHED = "2015-08-02"
STRIKE = "قصفت الطائرات العراقية الكويت."  # Iraqi planes bombed Kuwait: IRQ ASSAULT KWT


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def triples(coder, text, **kw):
    return {(e.source.country, e.type, e.target.country if e.target else "")
            for e in coder(text, PUBLISHED, **kw).events}


def refs(text, *spots):
    """DateRefs for (span text, value, precision) found in ``text``."""
    return [DateRef(t, text.index(t), text.index(t) + len(t), v, p) for t, v, p in spots]


def test_events_background_news_control(coder):
    assert triples(coder, STRIKE) == {("IRQ", "ASSAULT", "KWT")}


@pytest.mark.parametrize("text", [
    "في مثل هذا اليوم من عام 1990 " + STRIKE,                       # on this day in 1990
    "وتحديدا في مثل هذا اليوم " + STRIKE,                            # on this very day (no year)
    "مثل هذا اليوم قبل 25 عاما " + STRIKE,                           # this day 25 years ago
    "في مثل هذه الأيام من عام 1990 " + STRIKE,                       # in these days of 1990
    "ففي مثلِ هذا اليومِ " + STRIKE,                                 # with a clitic and diacritics
    "وفي مثل هذا اليوم من عام 1990، " + STRIKE,
])
def test_events_background_on_this_day_gives_no_event(coder, text):
    assert triples(coder, text) == set()


@pytest.mark.parametrize("text", [
    STRIKE[:-1] + "، وقال مسؤول إن الكويت استعدت لمثل هذا اليوم.",  # prepared for such a day
    STRIKE[:-1] + " وسيمر عليهم مثل هذا اليوم.",                    # such a day will come
])
def test_events_background_such_a_day_is_not_an_anniversary(coder, text):
    assert triples(coder, text) == {("IRQ", "ASSAULT", "KWT")}


def test_events_background_only_the_anniversary_sentence(coder):
    text = "في مثل هذا اليوم من عام 1990 " + STRIKE + " " + "أدانت المملكة العربية السعودية الهجوم الإسرائيلي على قطاع غزة."
    assert triples(coder, text) == {("SAU", "ACCUSE", "ISR")}


# A this-day-in-history article (al-Jazirah, «هذا اليوم في التاريخ»): items open with their year.
HISTORY_BODY = ("1956 - قصفت الطائرات البريطانية مصر.\n"
                "1990 - " + STRIKE + "\n"
                "2003 - الحكومة الأمريكية تفرض عقوبات على سوريا.")


@pytest.mark.parametrize("title", ["هذا اليوم في التاريخ", "في مثل هذا اليوم .. القوات العراقية تغزو الكويت"])
def test_events_background_this_day_in_history_article_gives_no_event(coder, title):
    text = title + TITLE_SEPARATOR + HISTORY_BODY
    assert coder(text, PUBLISHED, body_start=len(title + TITLE_SEPARATOR)).events == []
    assert history_article(text, len(title + TITLE_SEPARATOR))


def test_events_background_chronology_lines_are_dated_by_their_year(coder):
    # without the title, each line is dated by the year it opens with
    assert triples(coder, HISTORY_BODY) == set()
    assert triples(coder, "2015 - " + STRIKE) == {("IRQ", "ASSAULT", "KWT")}  # this year: news


def test_events_background_chronology_year_beats_a_day_resolved_near_publication(coder):
    # «أعدمت في 15 أكتوبر»: a day without a year resolves near publication (2015), years late
    text = "1917 - أعدمت فرنسا الجاسوسة الألمانية ماتا هاري في 15 أكتوبر."
    dates = refs(text, ("15 أكتوبر", "2015-10-15", "day"))
    assert coder(text, PUBLISHED, dates=dates).events == []


@pytest.mark.parametrize("spot, value, precision, kept", [
    ("في 15 يوليو 2013", "2013-07-15", "day", False),
    ("في يوليو 2013", "2013-07", "month", False),
    ("عام 2013", "2013", "year", False),
    ("في الأسبوع العاشر من عام 2014", "2014-W10", "week", False),  # a week once escaped the rule
    ("الأسبوع الماضي", "2015-W30", "week", True),
    ("الشهر الماضي", "2015-07", "month", True),
    ("هذا العام", "2015", "year", True),
])
def test_events_background_far_back_by_any_precision(coder, spot, value, precision, kept):
    text = f"{STRIKE[:-1]} {spot}."
    events = coder(text, PUBLISHED, dates=refs(text, (spot, value, precision))).events
    assert bool(events) is kept
    if kept:
        assert {(e.date, e.date_precision) for e in events} == {(value, precision)}


def test_events_background_week_dated_event_carries_its_days(coder):
    text = f"{STRIKE[:-1]} الأسبوع الماضي."
    event = coder(text, PUBLISHED, dates=refs(text, ("الأسبوع الماضي", "2015-W30", "week"))).events[0]
    d = event.to_dict()
    assert (d["date"], d["date_precision"], d["date_start"], d["date_end"]) == (
        "2015-W30", "week", "2015-07-20", "2015-07-26")


def test_events_background_far_back_rule():
    from datetime import date

    pub = date(2015, 8, 2)
    assert far_back("2014-06-27", pub) and not far_back("2014-06-28", pub)  # 401 and 400 days
    assert HISTORY_DAYS == 400
    assert far_back("2014-W26", pub)  # starts Monday 2014-06-23
    assert not far_back("2015", pub) and not far_back(None, pub) and not far_back("2014-06-27", None)
    assert not far_back("2016-01-01", pub)  # later than publication: not background


def test_events_background_anniversary_phrases():
    assert anniversary("في مثل هذا اليوم من أغسطس 1990")
    assert not anniversary("عملوا لمثل هذا اليوم") and not anniversary("قال اليوم")


def test_events_background_in_the_pipeline(nlp):
    from marsad.pipeline.build import run

    record = run(nlp, Article(text=HISTORY_BODY, title="هذا اليوم في التاريخ", published=PUBLISHED))
    assert record.events == []
    news = run(nlp, Article(text=STRIKE, title="غارات", published=PUBLISHED))
    assert [(e.type, e.date, e.date_precision) for e in news.events] == [("ASSAULT", PUBLISHED, "day")]


@pytest.mark.parametrize("text, expected", [
    # a bare year after a past event's noun dates the act near it (the dates step reads no bare year)
    ("خلال حرب 1991 قصفت الطائرات العراقية الكويت.", set()),
    ("قصفت الطائرات العراقية الكويت خلال حرب 1991 ثم انسحبت.", set()),
    # a number that counts is no year
    ("قصفت الطائرات العراقية الكويت بـ 1991 قذيفة.", {("IRQ", "ASSAULT", "KWT")}),
])
def test_events_background_a_war_dated_by_a_bare_year(coder, text, expected):
    assert triples(coder, text) == expected
