"""marsad's spaCy tokenizer: the Doc is the text exactly, its tokens are the text layer's."""
import pytest
import spacy

from marsad.pipeline.tokenizer import MarsadTokenizer
from marsad.text.tokenize import SPACE, token_spans, tokenize

NAMES = {"روسيا", "الولايات"}  # as a lexicon would give them


@pytest.fixture(scope="module")
def tokenizer():
    return MarsadTokenizer(spacy.blank("ar").vocab, known=NAMES)


@pytest.mark.parametrize("text", [
    "قال بوتين:  إن\nروسيا",  # two spaces, a line break
    "  وصل الوفد\n\n\tإلى موسكو ",  # leading, mixed and trailing whitespace
    "للولايات المتحدة ولروسيا",  # split words
    "",
])
def test_tokenizer_doc_text_is_the_text(tokenizer, text):
    doc = tokenizer(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text


def test_tokenizer_tokens_are_the_text_layers(tokenizer, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    doc = tokenizer(text)
    words = [(t.idx, t.text) for t in doc if not t.is_space]
    assert words == [(t.start, t.text) for t in tokenize(text, NAMES)]


def test_tokenizer_norm_restores_the_article(tokenizer):
    doc = tokenizer("للولايات وروسيا")
    assert [t.text for t in doc] == ["ل", "لولايات", "و", "روسيا"]
    assert [t.norm_ for t in doc] == ["ل", "الولايات", "و", "روسيا"]


def test_tokenizer_lone_surrogate_keeps_offsets(tokenizer):
    doc = tokenizer("قال \ud800 بوتين")
    assert [t.idx for t in doc] == [0, 4, 6] and doc[1].text == "\ufffd"


def test_token_spans_mark_split_pieces_and_keep_spaces():
    spans = token_spans("ولروسيا  قال", NAMES)
    assert [(a, b, kind, split) for a, b, kind, _, split in spans] == [
        (0, 1, "clitic", True), (1, 2, "clitic", True), (2, 7, "word", True),
        (7, 9, SPACE, False), (9, 12, "word", False)]
