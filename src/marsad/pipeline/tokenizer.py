"""marsad's tokeniser as a spaCy tokenizer: a ``Doc`` whose text is the article exactly.

Whitespace other than one space after a token becomes a whitespace token, as spaCy does,
so ``doc.text == text`` and ``token.idx`` are the original offsets. ``token.norm_`` holds
the matching key (for «للولايات» the restored «الولايات»).
"""
from __future__ import annotations

from typing import Iterable

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, NORM
from spacy.tokens import Doc
from spacy.vocab import Vocab

from marsad.text.normalize import has_surrogate, utf8_safe
from marsad.text.tokenize import doc_words, normalize_word


_KEPT_ATTRS = {NORM, IS_ALPHA, IS_SPACE, IS_PUNCT}  # what the steps read (NER: alpha, space, punct)


class MarsadTokenizer:
    """Callable ``str -> Doc``; ``known`` are normalised words proclitics may be split from.

    Every lexeme's ``norm_`` is its matching key (set once per distinct word in the vocab).
    """

    def __init__(self, vocab: Vocab, known: Iterable[str] = ()):
        self.vocab = vocab
        self.known = frozenset(known)
        vocab.lex_attr_getters[NORM] = normalize_word
        # Every new word computes the vocabulary's lexical attributes; keep those the steps
        # read and drop the rest (shape, affixes, stop words, URL/e-mail tests...).
        for attr in list(vocab.lex_attr_getters):
            if attr not in _KEPT_ATTRS:
                del vocab.lex_attr_getters[attr]

    def __call__(self, text: str) -> Doc:
        words, spaces, restored = doc_words(text, self.known)
        if has_surrogate(text):
            words = [utf8_safe(w) for w in words]
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for i, norm in restored:
            doc[i].norm_ = norm
        return doc

    # spaCy serialisation hooks: the tokenizer has no state worth saving beyond `known`.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "MarsadTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "MarsadTokenizer":
        return self
