"""Tokens with exact offsets; proclitics split only before known words."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# --- word_keys: the keys token_spans gives the search index, without offsets ----------

def _keys_by_token_spans(text):
    from marsad.text.tokenize import PUNCT, SPACE, token_spans

    return [norm for _, _, kind, norm, _ in token_spans(text) if kind not in (CLITIC, PUNCT, SPACE)]


@pytest.mark.parametrize("text", [
    "وقال الرئيس بوتين لروسيا: إن «التعاون» مع بكين... مهم جداً! في 13/9/2023 و٢٠٢٣٫٥",
    "Putin's visit — O'Neil, co-operation; x_y 3.5 ـالـ  \u200cو\u200d ...والصين …للولايات",
    "", "   ", "ـَ", "؟!«»", "abc123def ١٢٣abc",
])
def test_word_keys_equal_the_keys_of_token_spans(text):
    from marsad.text.tokenize import word_keys

    assert word_keys(text) == _keys_by_token_spans(text)


@given(st.text(alphabet="وفبلكال ابتسمنيطوكيرةئؤ ًَّـ\u200c\u200d.…,-'’_:/0١9aZé\n\t!«", max_size=80))
def test_word_keys_equal_the_keys_of_token_spans_on_any_text(text):
    from marsad.text.tokenize import word_keys

    assert word_keys(text) == _keys_by_token_spans(text)


def test_word_keys_equal_the_keys_of_token_spans_on_corpus_articles(saudinewsnet_dir):
    import json
    import zipfile

    from marsad.text.tokenize import word_keys

    path = sorted(saudinewsnet_dir.glob("*.zip"))[0]
    with zipfile.ZipFile(path) as z:
        articles = json.loads(z.read(z.namelist()[0]))[:300]
    for a in articles:
        text = (a.get("title") or "") + "\n\n" + (a.get("content") or "")
        assert word_keys(text) == _keys_by_token_spans(text)
