"""Words of a text for the event coder: one scan sliced by sentence."""
import pytest

from marsad.events.words import any_word, has_word, scan, scan_sentences
from marsad.text.sentences import split_sentences


def test_scan_sentences_slices_one_scan_like_scanning_each(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert scan_sentences(text, sentences) == [scan(text, a, b) for a, b in sentences]


@pytest.mark.parametrize("bounds", [[(0, 6)], [(2, 9)], [(4, 14), (14, 20)]])
def test_scan_sentences_bound_inside_a_word_reads_it_cut(bounds):
    text = "قال 2015.07 وزير"  # bounds inside «قال», the number and «وزير»
    assert scan_sentences(text, bounds) == [scan(text, a, b) for a, b in bounds]


@pytest.mark.parametrize("text, expected", [
    ("ثم قال الوزير", True),
    ("ثم الوزير 5 CNN", False),
    ("ثم abcقال", None),  # «قال» inside a Latin run: only any_word finds it
])
def test_has_word_agrees_with_any_word(text, expected):
    is_said = lambda key: key == "قال"  # «قال» said
    assert has_word(scan(text), is_said) is expected
    assert any_word(text, 0, len(text), is_said) is (expected is not False)
