"""Layouts found across the pool of annotated articles (issue #17, session 15: quotes26): a
closing mark whose opener was forgotten, and the journalist's background glued to a statement.
The sentences are written here in the corpus's style."""
from __future__ import annotations

from marsad.quotes.tokens import paragraph_ends, quote_spans
from tests.quotes.finder_helpers import quotes_of


def _pairs(text):
    return [text[sp.open + 1:sp.end] for sp in quote_spans(text, paragraph_ends(text)) if sp.close is not None]


def test_a_forgotten_opener_does_not_turn_the_pairs_after_it_inside_out():
    text = ('وشدد على أنه بدأ مباشرة في وضع الخطط لتجهيز الفريق بشكل أكبر". وأضاف: "جددنا التعاقد مع المدرب". '
            'وقال: "درسنا المعسكر جيدا".')
    assert _pairs(text) == ["جددنا التعاقد مع المدرب", "درسنا المعسكر جيدا"]
    said = {c for c, _, _ in quotes_of(text)}
    assert "جددنا التعاقد مع المدرب" in said and "درسنا المعسكر جيدا" in said, quotes_of(text)


def test_a_closer_shaped_mark_pairs_as_read_when_the_next_mark_closes_too():
    # «"... سهم "إعمار مصر" في السوق ... مرة"»: a name quoted inside a quotation
    text = 'وقال مسؤول "تم عرض مليون سهم لدعم سعر سهم "إعمار مصر" في السوق بسعر ثابت".'
    assert _pairs(text) == ["تم عرض مليون سهم لدعم سعر سهم ", " في السوق بسعر ثابت"]


def test_background_glued_with_no_comma_ends_reported_content():
    for text, said in (
            ("قال الجيش إن جنديين قتلا في هجوم خلال الليل في الوقت الذي يتصاعد فيه العنف في المنطقة.",
             "جنديين قتلا في هجوم خلال الليل"),
            ("تعهد رئيس الوزراء بأن حكومته لن تسمح بالحجز على المساكن بينما يستعد البرلمان للتصويت على القانون.",
             "حكومته لن تسمح بالحجز على المساكن")):
        assert [c for c, _, _ in quotes_of(text)] == [said], quotes_of(text)


def test_a_contrast_or_a_clause_without_a_subject_of_its_own_stays_the_speakers():
    for text, kept in (
            ("وأكد الوزير أن الصادرات ارتفعت هذا العام، بينما تراجعت الواردات بنسبة قليلة.", "بينما تراجعت"),
            ("وأكدت الأمانة أن التصريحات لا تخدم التضامن في الوقت الذي يجب أن تتضافر فيه الجهود.",
             "في الوقت الذي يجب")):
        assert any(kept in c for c, _, _ in quotes_of(text)), quotes_of(text)
