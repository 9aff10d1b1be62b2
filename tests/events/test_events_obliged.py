"""Demands stated as an obligation in the words said (events/obliged.py): «إن على X أن»,
«يجب على X», «ضرورة» + a deed and its doer. Sentences of our own, in the style of the
SaudiNewsNet press."""
import pytest

from tests.events.pipeline_helpers import coded


def events(nlp, text):
    return coded(nlp, text, "2015-08-04")


@pytest.mark.parametrize("text, event", [
    # the Saudi foreign minister: Iran must use the deal for its economy
    ("وقال وزير الخارجية السعودي عادل الجبير إن على إيران أن تستخدم الاتفاق لتحسين اقتصادها.",
     ("SAU", "REQUEST", "IRN")),
    # the Afghan president: Pakistan must act against the camps on its side of the border
    ("وقال الرئيس الأفغاني أشرف غني إن على باكستان التصدي لمعسكرات التدريب على جانبها من الحدود.",
     ("AFG", "REQUEST", "PAK")),
    # a Yemeni minister on the country's insurgents
    ("وأوضح وزير الخارجية اليمني أنه يتوجب على الحوثيين أن يغيروا قياداتهم.", ("YEM", "REQUEST", "YEM")),
    # «ضرورة» + a deed whose genitive is its doer
    ("وأكد وزير الخارجية السعودي عادل الجبير أن موقف الرياض هو ضرورة تنحي الأسد.", ("SAU", "REQUEST", "SYR")),
    # no quote: the subject of the speech verb of the sentence speaks
    ("وأكد وزير الخارجية الفلسطيني رياض المالكي أن الجريمة لن تمر دون عقاب، مشددا على ضرورة أن يتحمل "
     "المجتمع الدولي مسؤولياته.", ("PSE", "REQUEST", "IGO")),
    # an alternative naming consequences makes the demand a threat
    ("وقال الرئيس التركي رجب طيب أردوغان إن على حزب العمال الكردستاني أن يلقي سلاحه أو أن يواجه العواقب.",
     ("TUR", "THREATEN", "TUR")),
])
def test_obligation_in_the_words_said_is_a_demand(nlp, text, event):
    assert event in events(nlp, text)


@pytest.mark.parametrize("text", [
    # what someone is to support is no demand on it («دعم» does not make its genitive the doer)
    "وأكد وزير الخارجية السعودي ضرورة دعم الحكومة اليمنية في مواجهة الانقلاب.",
    # an obligation on the speaker's own state is no event between two
    "وقال وزير الخارجية الأمريكي إن على الولايات المتحدة أن تقود العالم في مواجهة التغير المناخي.",
    # the subject of a verb that is no speech verb does not speak the obligation
    "وفي حال رفضت إيران الانصياع للقرار فيجب على الأمم المتحدة أن توفر مناطق آمنة للعراقيين.",
    # «على» after a verb, not opening the words said
    "وقال وزير الخارجية الإيراني إن بلاده حصلت على الاتفاق بعد مفاوضات طويلة مع روسيا.",
])
def test_no_demand_without_an_obligation_on_another(nlp, text):
    assert not {e for e in events(nlp, text) if e[1] in ("REQUEST", "THREATEN")}
