"""Tokens with exact offsets; proclitics split only before known words."""
import pytest

from marsad.text.tokenize import CLITIC, tokenize, words

NAMES = {"طوكيو", "روسيا", "بكين", "مقاطعه", "لبنان"}  # as a lexicon would give them


def texts(text, known=NAMES):
    return [t.text for t in tokenize(text, known)]


@pytest.mark.parametrize("word, pieces", [
    ("وطوكيو", ["و", "طوكيو"]),  # and Tokyo
    ("لروسيا", ["ل", "روسيا"]),  # to Russia
    ("بمقاطعة", ["ب", "مقاطعة"]),  # in the province of
    ("وبكين", ["و", "بكين"]),  # and Beijing: one clitic, not و + ب + كين
    ("ولروسيا", ["و", "ل", "روسيا"]),  # and to Russia
    ("والصين", ["و", "الصين"]),  # and China: article-prefixed noun
    ("بالرياض", ["ب", "الرياض"]),  # in Riyadh
    ("للولايات", ["ل", "لولايات"]),  # to the States (ل + الولايات, alef elided)
])
def test_tokenize_splits_proclitics_before_known_words(word, pieces):
    assert texts(word) == pieces


@pytest.mark.parametrize("word", ["وزير", "بكين", "كيم", "فلاديمير", "لبنان", "وكالات",
                                  "بالغة", "والدته", "والي", "كوريا", "فيما"])
def test_tokenize_keeps_words_whole(word):
    assert texts(word) == [word]


def test_tokenize_restores_article_in_norm():
    toks = tokenize("للولايات", NAMES)
    assert toks[0].kind == CLITIC and toks[1].norm == "الولايات"


def test_tokenize_word_seen_bare_in_article_is_a_host():
    # «زاخاروفا» is in no lexicon, but occurs bare in the same text
    assert texts("قالت زاخاروفا ... وأضافت وزاخاروفا", known=()) [-2:] == ["و", "زاخاروفا"]


@pytest.mark.parametrize("text, expected", [
    ("الذكرى الـ75 لتأسيس", ["الذكرى", "الـ", "75", "لتأسيس"]),
    ("في 2015.07.21 اجتمعت مجموعة 5+1.", ["في", "2015.07.21", "اجتمعت", "مجموعة", "5+1", "."]),
    ("تراقب.. قمة", ["تراقب", "..", "قمة"]),
    ("«الأولوية الأولى» لبلاده،", ["«", "الأولوية", "الأولى", "»", "لبلاده", "،"]),
    ("(د ب أ)", ["(", "د", "ب", "أ", ")"]),
    ("وكالة “سبوتنيك”", ["وكالة", "“", "سبوتنيك", "”"]),
    ("موقع CNN's الإخباري", ["موقع", "CNN's", "الإخباري"]),
    ("١٣ سبتمبر", ["١٣", "سبتمبر"]),
])
def test_tokenize_punctuation_and_numbers(text, expected):
    assert texts(text) == expected


def test_tokenize_offsets_index_the_seed_exactly(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    toks = tokenize(text, NAMES, keep_space=True)
    assert "".join(t.text for t in toks) == text
    for t in toks:
        assert text[t.start:t.end] == t.text


def test_tokenize_real_saudinewsnet_sentence():
    # SaudiNewsNet (aawsat, 2015-07-21), first sentence
    text = ("حدد رئيس الوزراء البريطاني ديفيد كاميرون، اليوم (الاثنين)، ملامح استراتيجية "
            "للتصدي للتطرف داخل بريطانيا؛")
    toks = texts(text, known={"بريطانيا"})
    assert toks[:7] == ["حدد", "رئيس", "الوزراء", "البريطاني", "ديفيد", "كاميرون", "،"]
    assert "(" in toks and "الاثنين" in toks and toks[-1] == "؛"


def test_words_are_whitespace_units():
    text = "قال بوتين:  إن\nروسيا"
    assert [text[a:b] for a, b in words(text)] == ["قال", "بوتين:", "إن", "روسيا"]
