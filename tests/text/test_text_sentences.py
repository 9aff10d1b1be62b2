"""Sentence boundaries in real Arabic news text."""
import pytest

from marsad.text.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    # «..» ends a sentence (seed, title)
    ("واشنطن تحذّر وطوكيو قلقة وبكين تراقب.. قمة بوتين – كيم",
     ["واشنطن تحذّر وطوكيو قلقة وبكين تراقب..", "قمة بوتين – كيم"]),
    # newline ends a sentence even without a stop (seed dateline)
    ("تشرين – وكالات:\nمن دون تحديد موعد", ["تشرين – وكالات:", "من دون تحديد موعد"]),
    ("هل ستساعد روسيا؟ قال نعم! ثم غادر؛ وانتهى.",
     ["هل ستساعد روسيا؟", "قال نعم!", "ثم غادر؛", "وانتهى."]),
    # numbers and abbreviations do not end sentences
    ("اجتمعت مجموعة 5+1 في 2015.07.21 بنسبة 3.5 بالمئة. ثم", ["اجتمعت مجموعة 5+1 في 2015.07.21 بنسبة 3.5 بالمئة.", "ثم"]),
    ("قال د. محمد إن الوضع جيد. وأضاف", ["قال د. محمد إن الوضع جيد.", "وأضاف"]),
    ("قالت الـ U.S. Army إنها مستعدة.", ["قالت الـ U.S. Army إنها مستعدة."]),
    # a quotation spanning sentences stays in one; the sentence ends after its closing mark
    ("وأضاف: «هذا جيد. نحن سعداء.» ثم غادر.", ["وأضاف: «هذا جيد. نحن سعداء.»", "ثم غادر."]),
    ("قال: “بالطبع. الاتصالات مهمة”. ثم", ["قال: “بالطبع. الاتصالات مهمة”.", "ثم"]),
    ('وقال: "هذا الامر. يجعلهم أكثر عرضة". ثم', ['وقال: "هذا الامر. يجعلهم أكثر عرضة".', "ثم"]),
    ("قال {نعمل معاً. وسننجح} وغادر.", ["قال {نعمل معاً. وسننجح} وغادر."]),
    # an unclosed quotation does not swallow the next line
    ("قال «هذا غير مغلق. ثم\nسطر جديد. وآخر.", ["قال «هذا غير مغلق. ثم", "سطر جديد.", "وآخر."]),
])
def test_split_sentences_cases(text, expected):
    assert sentences(text) == expected


def test_split_sentences_seed_covers_every_character(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    spans = split_sentences(text)
    outside = list(text)
    for a, b in spans:
        outside[a:b] = [" "] * (b - a)
    assert "".join(outside).strip() == ""  # only whitespace lies between sentences
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    # the colon-introduced statements start their own sentences
    starts = [text[a:a + 6] for a, _ in spans]
    assert "وأضاف:" in starts and "وتابع:" in starts


@pytest.mark.parametrize("gap", [1490, 1499, 1500, 1501, 1510])
def test_split_sentences_long_open_quotation_stops_protecting_its_stops(gap):
    # «...» left open: its stops are protected only within _MAX_QUOTED (1500) characters
    # of the opening mark, wherever the limit falls in the text skipped between marks
    text = "قال «" + "ب" * gap + ". ثم غادر."
    expected = [text] if gap < 1500 else [text[:-9], "ثم غادر."]
    assert sentences(text) == expected
