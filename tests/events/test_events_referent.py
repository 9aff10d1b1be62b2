"""Stances whose target is the deed they judge (events/referent.py): «أدان هذا القصف» after the
bombing was reported with its doer. Sentences of our own, in the style of the SaudiNewsNet
press."""
import pytest

from tests.events.pipeline_helpers import coded


def triples(nlp, text):
    return coded(nlp, text, "2015-07-27")


@pytest.mark.parametrize("text, triple", [
    # the bombing reported with its doer, then condemned by a demonstrative phrase
    ("قصفت الطائرات التركية قرية في شمال العراق. وأدانت الحكومة العراقية هذا القصف.", ("IRQ", "ACCUSE", "TUR")),
    # a deed noun with the article alone, behind the stance's preposition
    ("شنت طائرات إسرائيلية غارات على مواقع في لبنان. وندد وزير الخارجية المصري سامح شكري بالغارات.", ("EGY", "ACCUSE", "ISR")),
    # an agreement welcomed: support for its parties
    ("وقعت إيران والولايات المتحدة اتفاقا في فيينا. ورحبت الحكومة المصرية بالاتفاق.", ("EGY", "SUPPORT", "IRN")),
])
def test_stance_on_a_deed_reported_before(nlp, text, triple):
    assert triple in triples(nlp, text)


@pytest.mark.parametrize("text", [
    # a bombing no one claimed: placed, not done by a named side; its condemnation names no doer
    "وقتل عشرة أشخاص في تفجير انتحاري في سوق بكابول. وأدانت الحكومة الباكستانية التفجير.",
    # the doer is the condemner's own country: no stance against itself
    "قصفت الطائرات التركية مواقع في شمال العراق. وأيدت الحكومة التركية هذا القصف.",
])
def test_deed_with_no_foreign_doer(nlp, text):
    assert not {t for t in triples(nlp, text) if t[1] in ("ACCUSE", "SUPPORT") and t[2] not in ("", t[0])}


@pytest.mark.parametrize("text, triple", [
    # the doer named in a relative clause on the condemned deed
    ("وأدانت الحكومة الأردنية بأشد العبارات الجريمة البشعة التي نفذها مستوطنون إسرائيليون في قرية دوما.",
     ("JOR", "ACCUSE", "ISR")),
    # a chain of condemnations: the second condemns the deed the first one named with its doer
    ("أدانت الحكومة الفرنسية الهجوم الذي نفذه مستوطنون إسرائيليون على منزل في الضفة الغربية. "
     "كما أدانت الحكومة الأردنية هذا الهجوم.", ("JOR", "ACCUSE", "ISR")),
    # the object pronoun: whom the same speaker addressed just before
    ("انتقدت مصر الأمم المتحدة بشدة، وطالبتها بالتحرك العاجل.", ("EGY", "REQUEST", "IGO")),
])
def test_deed_named_with_its_doer_or_a_pronoun(nlp, text, triple):
    assert triple in triples(nlp, text)


def test_complement_of_a_verbal_noun_is_no_object(nlp):
    # «رفضا للاتفاق»: the rejection is the Congress's, named after it
    text = ("وقعت إيران والولايات المتحدة اتفاقا في فيينا. وقال الرئيس الأمريكي باراك أوباما إن "
            "رفضا للاتفاق من جانب الكونغرس سيؤدي إلى الحرب.")
    assert not {t for t in triples(nlp, text) if t[1] == "REJECT"}
