"""The normalisation table: each folding, and offsets back to the original."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import (_normalize_with_map_slow, folding_table, normalize, normalize_with_map,
                                   to_original)


@pytest.mark.parametrize("raw, key", [
    ("تحذّر", "تحذر"),  # shadda (diacritic) removed: "warns"
    ("مُحَمَّدٌ", "محمد"),  # full vocalisation
    ("الـ75", "ال75"),  # tatweel
    ("الإمبريالية", "الامبرياليه"),  # hamza-under alef, ta marbuta
    ("أكد", "اكد"), ("آمل", "امل"), ("ٱلله", "الله"),  # alef forms
    ("مستشفى", "مستشفي"),  # alef maqsura → ya
    ("مسؤول", "مسوول"), ("رئيس", "رييس"),  # hamza seats
    ("١٣ سبتمبر ٢٠٢٣", "13 سبتمبر 2023"),  # Arabic-Indic digits
    ("۱۴۳۶", "1436"),  # Persian digits
    ("کیم", "كيم"),  # Persian kaf and yeh
    ("ﻻ", "لا"), ("ﺑﻮﺗﻴﻦ", "بوتين"),  # presentation forms
    ("بو\u200fتين\u200b", "بوتين"),  # bidi mark and zero-width space
    ("\ufeffروسيا", "روسيا"),  # BOM
    ("BRICS", "brics"),
])
def test_normalize_folds(raw, key):
    assert normalize(raw) == key


def test_normalize_keeps_whitespace_and_punctuation():
    assert normalize("قال: «نعم»\n") == "قال: «نعم»\n"


@pytest.mark.parametrize("text, needle", [
    ("قمة بوتين – كيم: «معاً في الكفاح ضد الإمبريالية»", "الامبرياليه"),
    ("واشنطن تحذّر وطوكيو قلقة", "تحذر"),
    ("ﻻ ﺑﻮﺗﻴﻦ هنا", "بوتين"),
])
def test_normalize_with_map_gives_original_offsets(text, needle):
    key, origin = normalize_with_map(text)
    i = key.index(needle)
    start, end = to_original(origin, i, i + len(needle))
    assert normalize(text[start:end]) == needle


def test_normalize_with_map_agrees_with_normalize(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    key, origin = normalize_with_map(text)
    assert key == normalize(text)
    assert len(origin) == len(key) + 1


@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويأإآىةئؤ ًٌٍَُِّْـ\u200f\u200bﻻﷲ٠١٢AİΣ", max_size=60))
def test_normalize_with_map_fast_path_agrees_with_character_walk(text):
    assert normalize_with_map(text) == _normalize_with_map_slow(text)


_FOLDING_ALPHABET = "ابتثجحخدذرسشصضطظعغفقكلمنهويأإآىةئؤ ًٌٍَُِّْـ\u200f\u200bﻻﷲﺑﻮ٠١٢۱کیAİΣß،.\n"


@given(st.text(alphabet=_FOLDING_ALPHABET, max_size=200))
def test_normalize_equals_one_translation(text):
    """The kept short keys and the replace-what-is-there path give what one ``translate``
    of the whole table gives, for short and long texts alike."""
    expected = text.translate(folding_table()).casefold()
    assert normalize(text) == expected
    assert normalize(text) == expected  # a kept key, the second time


def test_normalize_equals_one_translation_on_articles(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    for piece in (text, text[:20], text[100:2000], "ﻻ" + text + "ﷲ"):
        assert normalize(piece) == piece.translate(folding_table()).casefold()
