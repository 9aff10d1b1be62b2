"""The name list the neural tagger reads: matching it over a sentence (building it:
tests/training/test_training_ner_names.py)."""
from __future__ import annotations

from marsad.ner.features import FeatureExtractor
from marsad.ner.names import MASKS, N_TAGS, NameList

PER, LOC, ORG = 1, 2, 4  # type bits (marsad.ner.names.TYPES order)


def _tags(names: dict[str, int], sentence: str, stem=None) -> list[int]:
    return NameList(names, stem).tags(sentence.split())


def test_names_longest_match_and_positions():
    names = {"دونالد رامسفيلد": PER, "رامسفيلد": PER, "بغداد": LOC}
    # "Donald Rumsfeld arrived in Baghdad"
    tags = _tags(names, "وصل دونالد رامسفيلد إلى بغداد.")
    assert tags == [1, 2 + MASKS + PER, 2 + 2 * MASKS + PER, 1, 2 + LOC]
    assert all(0 < t < N_TAGS for t in tags)


def test_names_type_mask_keeps_every_type():
    tags = _tags({"الاردن": LOC | ORG}, "فاز الأردن")  # hamza normalised by word_key
    assert tags == [1, 2 + (LOC | ORG)]


def test_names_first_word_may_carry_a_proclitic():
    names = {"رامسفيلد": PER, "دونالد رامسفيلد": PER}
    stem = FeatureExtractor().stem
    assert _tags(names, "ولرامسفيلد رأي", stem)[0] == 2 + PER
    assert _tags(names, "ودونالد رامسفيلد", stem)[:2] == [2 + MASKS + PER, 2 + 2 * MASKS + PER]
    assert _tags(names, "ولرامسفيلد")[0] == 1  # without a stemmer only the written form
