"""Stance sides that the trigger's own words hold (session 16, events25: `events/stance.py`),
in sentences of our own."""
from __future__ import annotations

import pytest

from tests.events.pipeline_helpers import coded


@pytest.mark.parametrize("text, event", [
    # the one held responsible stands between «حمّل» and its companion «مسؤولية»
    ("وحمّلت الحكومة المصرية السلطات الإسرائيلية مسؤولية مقتل الصياد.", ("EGY", "ACCUSE", "ISR")),
    ("حمّل رئيس الوزراء العراقي الحكومة التركية المسؤولية الكاملة عن القصف.", ("IRQ", "ACCUSE", "TUR")),
    ("وقال وزير الخارجية الأردني إن الوضع خطير، محملا الحكومة الإسرائيلية المسؤولية عن التصعيد.",
     ("JOR", "ACCUSE", "ISR")),
])
def test_the_object_inside_a_trigger_with_a_companion_is_its_target(nlp, text, event):
    assert event in coded(nlp, text, "2015-08-01")


def test_an_actor_under_a_preposition_inside_the_trigger_is_no_object(nlp):
    # «تحمل على عاتقها مسؤولية»: a burden borne, no one held responsible
    text = "وقالت الوزارة إن الحكومة المصرية تحمل على عاتق الشركة الألمانية مسؤولية التنفيذ."
    assert not {e for e in coded(nlp, text, "2015-08-01") if e[1] == "ACCUSE" and e[2] == "DEU"}


@pytest.mark.parametrize("text, event", [
    # the doer of the deed «ما» names is whom the stance judges
    ("وأدانت الجامعة العربية ما تقوم به إسرائيل من اعتداءات على المسجد الأقصى.", ("IGO", "ACCUSE", "ISR")),
    ("واستنكرت مصر ما يقوم به الحوثيون من جرائم في اليمن.", ("EGY", "ACCUSE", "YEM")),
    ("وأدانت الكويت ما ترتكبه قوات الاحتلال الإسرائيلي من انتهاكات.", ("KWT", "ACCUSE", "ISR")),
    ("وانتقدت مصر ما وصفته بالتدخل التركي في شؤونها.", ("EGY", "ACCUSE", "TUR")),
])
def test_the_doer_of_a_deed_named_by_ma_is_the_target(nlp, text, event):
    assert event in coded(nlp, text, "2015-08-01")


def test_a_deed_done_somewhere_names_no_doer(nlp):
    # «ما قام به في سوريا»: the place is no doer, and the actor past it is not the phrase's
    text = "ورفضت مصر ما قام به في سوريا الرئيس الروسي."
    assert not {e for e in coded(nlp, text, "2015-08-01") if e[1] == "REJECT"}
