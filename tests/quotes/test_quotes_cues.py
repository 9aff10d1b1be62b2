"""The cue lexicon and word classes load, fold and match forms with and without و/ف."""
from __future__ import annotations

import pytest

from marsad.quotes.cues import LexiconError, default_lexicon, load_lexicon, parse_cues
from marsad.text.normalize import normalize


@pytest.mark.parametrize("word, lemma, gender, prefix", [
    ("قال", "قال", "m", ""), ("وقالت", "قال", "f", "و"), ("يقول", "قال", "m", ""),
    ("وأضافت", "أضاف", "f", "و"), ("فأكد", "أكد", "m", "ف"), ("مؤكداً", "أكد", "m", ""),
    ("مشيرةً", "أشار", "f", ""), ("معتبرًا", "اعتبر", "m", ""), ("وبيّن", "بين", "m", "و"),
    ("ردّت", "رد", "f", ""), ("قالوا", "قال", "-", ""),
])
def test_quotes_cues_forms_match_folded(word, lemma, gender, prefix):
    m = default_lexicon().match(normalize(word))
    assert m is not None and (m.cue.lemma, m.cue.gender, m.prefix) == (lemma, gender, prefix)


@pytest.mark.parametrize("word", ["بين", "الرئيس", "وزير", "قالب"])
def test_quotes_cues_non_cues_do_not_match(word):
    # «بين» (between) only counts as «بيّن» (clarified) with a و/ف or after «كما/فيما»
    assert default_lexicon().match(normalize(word)) is None


def test_quotes_cues_prefix_required_form_after_connector():
    assert default_lexicon().match(normalize("بين"), after_stop=True) is not None


@pytest.mark.parametrize("word", ["بين", "قال", "وقال", "الرئيس"])
def test_quotes_cues_needs_connector_says_when_after_stop_matters(word):
    lex, key = default_lexicon(), normalize(word)
    differs = lex.match(key, after_stop=True) != lex.match(key)
    assert lex.needs_connector(key) is differs is (word == "بين")


def test_quotes_cues_columns_and_classes():
    lex = default_lexicon()
    for cue in lex.cues:
        assert cue.gender in ("m", "f", "-") and cue.speaker in ("after", "inherit", "before", "prep")
        assert cue.pos in ("perf", "impf", "part", "noun", "prep")
    assert lex.is_a("time", normalize("أمس")) and lex.is_a("nonspeaker", normalize("التقارير"))
    assert lex.is_a("relative", normalize("وهو"))


def test_quotes_cues_malformed_line_is_a_named_error():
    with pytest.raises(LexiconError):
        parse_cues("قال\tقال\tm\n")


def test_quotes_cues_user_folder_adds_forms(tmp_path):
    (tmp_path / "cues.tsv").write_text("هتف\tهتف\tm\tdirect\t:\tafter\tperf\topt\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert lex.match(normalize("وهتف")).cue.lemma == "هتف"
    assert lex.match(normalize("قال")) is not None  # the shipped forms stay
