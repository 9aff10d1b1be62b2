"""marsad's spaCy tokenizer: the Doc is the text exactly, its tokens are the text layer's."""
import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

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


# --- doc_words: the words and spaces of token_spans as the Doc takes them, in one scan ---

def _doc_words_by_token_spans(text, known):
    """What the tokenizer built from token_spans before doc_words: one plain space after a
    token goes to it, other whitespace is a token; split words keep their restored key."""
    from marsad.text.tokenize import WORD, normalize_word

    words, spaces, restored = [], [], []
    for start, end, kind, norm, split in token_spans(text, known):
        piece = text[start:end]
        if kind == SPACE:
            if words and piece[0] == " " and not spaces[-1]:
                spaces[-1] = True
                piece = piece[1:]
                if not piece:
                    continue
        elif split and kind == WORD and norm != normalize_word(piece):
            restored.append((len(words), norm))
        words.append(piece)
        spaces.append(False)
    return words, spaces, restored


@pytest.mark.parametrize("text", [
    "قال بوتين:  إن\nروسيا", "  وصل الوفد\n\n\tإلى موسكو ", "للولايات المتحدة ولروسيا ",
    "وقال الرئيس بوتين لروسيا: إن «التعاون» مع بكين... مهم جداً! في 13/9/2023 و٢٠٢٣٫٥",
    "Putin's visit — O'Neil, co-operation; x_y 3.5 ـالـ  \u200cو\u200d ...والصين …للولايات",
    "", "   ", " \n x", "ـَ", "؟!«»", "abc123def ١٢٣abc وۀ ۀو",
])
def test_doc_words_equal_the_tokenizers_words_from_token_spans(text):
    from marsad.text.tokenize import doc_words

    assert doc_words(text, NAMES) == _doc_words_by_token_spans(text, NAMES)


@given(st.text(alphabet="وفبلكال ابتسمنيطوكيرةئؤۀ ًَّـ\u200c\u200d.…,-'’_:/0١9aZé\n\t\u00a0!«", max_size=80))
def test_doc_words_equal_the_tokenizers_words_on_any_text(text):
    from marsad.text.tokenize import doc_words

    assert doc_words(text, NAMES) == _doc_words_by_token_spans(text, NAMES)


def test_doc_words_equal_the_tokenizers_words_on_corpus_articles(saudinewsnet_dir):
    import json
    import zipfile

    from marsad.pipeline.build import clitic_hosts
    from marsad.lexicon.loader import Lexicon
    from marsad.text.tokenize import doc_words

    known = clitic_hosts(Lexicon.load([]))
    path = sorted(saudinewsnet_dir.glob("*.zip"))[0]
    with zipfile.ZipFile(path) as z:
        articles = json.loads(z.read(z.namelist()[0]))[:300]
    for a in articles:
        text = (a.get("title") or "") + "\n\n" + (a.get("content") or "")
        assert doc_words(text, known) == _doc_words_by_token_spans(text, known)
