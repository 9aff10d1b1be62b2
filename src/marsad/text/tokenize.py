"""Tokenisation with exact offsets, aware of Arabic proclitics.

A whitespace word such as «وطوكيو» (and Tokyo) or «لروسيا» (to Russia) carries a name behind
one or two proclitics. The tokeniser splits the proclitics off *only* when what remains is a
word the caller knows (a lexicon name, or a word seen bare elsewhere in the same article) or
is clearly an article-prefixed noun («والصين» → و + الصين). Words such as «وزير» (minister),
«بكين» (Beijing) or «كيم» (Kim) are never cut, because their remainders are not known words.

Tokens never change the text: ``text[token.start:token.end] == token.text`` always.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, NamedTuple, Optional

from marsad.text.normalize import normalize

# Token kinds
WORD, NUMBER, LATIN, PUNCT, SPACE, CLITIC = "word", "number", "latin", "punct", "space", "clitic"

_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_MARKS = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER = rf"[{_DIGITS}]+(?:[.,/:+\-٫٬][{_DIGITS}]+)*"
_WORD = rf"[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{_ARABIC_MARKS}]*"
_LATIN = r"[^\W\d_](?:[^\W_]|['’-](?=[^\W\d_]))*"
_TOKEN_RE = re.compile(rf"(?P<space>\s+)|(?P<number>{_NUMBER})|(?P<word>{_WORD})|(?P<latin>{_LATIN})"
                       rf"|(?P<punct>\.{{2,}}|…|[^\s])")
# The same alternatives without space and punctuation, in the same order. No character that
# _TOKEN_RE gives to space or punctuation can start one of them, so a scan with this
# pattern finds the same number, word and Latin tokens and skips the rest (word_keys).
_WORDS_RE = re.compile(rf"{_NUMBER}|{_WORD}|{_LATIN}")
# The same tokens without their kinds, each with the one plain space that follows it, if
# any (doc_words): spaCy's words and spaces in one scan.
_TOKEN_SPACE_RE = re.compile(rf"(\s+|{_NUMBER}|{_WORD}|{_LATIN}|\.{{2,}}|…|[^\s])( ?)")
# A leading mark (tatweel, diacritic) before a letter: glue it to the preceding word, e.g. «الـ».
_CONJ = ("و", "ف")  # and, so
_PREP = ("ب", "ل", "ك")  # with/in, to/for, like
_PREFIXES = _CONJ + _PREP + tuple(c + p for c in _CONJ for p in _PREP)
_MIN_DOC_HOST = 4  # a word seen bare in the article counts as a host only from 4 letters
_CLITIC_LETTERS = frozenset(_CONJ + _PREP)
# The letters a word token starts with (those of _ARABIC_LETTERS): a token is a word when
# its first character is one of them.
_WORD_START = frozenset(chr(c) for a, b in re.findall("(.)(?:-(.))?", _ARABIC_LETTERS)
                        for c in range(ord(a), ord(b or a) + 1))

# Words repeat: their matching keys are computed once per process.
normalize_word = lru_cache(maxsize=262_144)(normalize)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str
    norm: str  # matching key; for «لل» + noun the restored article: «للولايات» → «الولايات»


@lru_cache(maxsize=1)
def _exceptions() -> tuple[str, ...]:
    """Normalised word beginnings that look like proclitic + «ال» but are not («والد» father)."""
    path = resources.files("marsad.text") / "data" / "clitic_exceptions.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(normalize(ln.split("#", 1)[0].strip()) for ln in lines if ln.split("#", 1)[0].strip())


def _is_article_noun(rest: str) -> bool:
    """«ال» + at least three letters: «الصين», «الرياض», not «الة»."""
    return rest.startswith("ال") and len(rest) >= 5


def split_clitics(word: str, known: Callable[[str], bool],
                  prefixes: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """Split one Arabic word into ``(start, end, norm)`` pieces relative to the word.

    ``known(norm)`` says whether a normalised remainder is a word worth reaching on its own;
    a word that is itself a known name (``known.is_name``, when given) is never split.
    Returns a single piece when nothing is split.
    """
    norm = normalize_word(word)
    options = _splits(norm, prefixes or _PREFIXES)
    is_name = getattr(known, "is_name", None)
    if not options or (is_name and is_name(norm)):
        return [(0, len(word), norm)]
    for prefix, rest, always in options:
        if always or known(rest):
            pieces = _pieces(word, prefix, rest)
            if prefix in _CONJ:  # «ولروسيا»: the rest may carry a preposition of its own
                a, b, _ = pieces[-1]
                inner = split_clitics(word[a:b], known, _PREP)
                pieces[-1:] = [(a + x, a + y, n) for x, y, n in inner]
            return pieces
    return [(0, len(word), norm)]


@lru_cache(maxsize=262_144)
def _splits(norm: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    """The ways a word key may be cut, in the order they are tried: ``(prefix, rest,
    always)``, where ``always`` says the rest is an article noun (cut whatever the known
    words); otherwise the cut needs the rest to be known. What depends on the word alone is
    worked out once per key."""
    if norm[:1] not in _CLITIC_LETTERS or len(norm) < 3 or norm.startswith(_exceptions()):
        return ()
    out = []
    # Fewest clitics first: «وبكين» is و + بكين (Beijing), not و + ب + كين.
    for prefix in prefixes:
        if not norm.startswith(prefix):
            continue
        rest = norm[len(prefix):]
        if prefix.endswith("ل") and rest.startswith("ل") and len(rest) >= 4:
            restored = "ا" + rest  # «للولايات» = ل + الولايات with the article's alef elided
            out.append((prefix, restored, _is_article_noun(restored)))
        if len(rest) < 2 or rest.startswith(_exceptions()):
            continue
        out.append((prefix, rest, _is_article_noun(rest)))
    return tuple(out)


def _pieces(word: str, prefix: str, rest_norm: str) -> list[tuple[int, int, str]]:
    """Cut ``word`` after the characters that fold to ``prefix`` (marks stay with letters)."""
    pieces: list[tuple[int, int, str]] = []
    i = 0
    for letter in prefix:
        start = i
        i += 1
        while i < len(word) and not normalize(word[i]):
            i += 1  # a diacritic on the clitic stays with it
        pieces.append((start, i, letter))
    pieces.append((i, len(word), rest_norm))
    return pieces


class KnownWords:
    """The words a proclitic may be split from: a fixed set (lexicon names) plus the words
    of the current article that occur bare (``«طوكيو»`` makes ``«وطوكيو»`` splittable)."""

    def __init__(self, fixed: Iterable[str] = (), doc_words: Iterable[str] = ()):
        self.fixed = frozenset(fixed)
        self.doc_words = frozenset(w for w in doc_words if len(w) >= _MIN_DOC_HOST)

    def __call__(self, norm: str) -> bool:
        return norm in self.fixed or norm in self.doc_words

    def is_name(self, norm: str) -> bool:
        """A whole word that is itself a lexicon name is never split («بكين», not ب + كين)."""
        return norm in self.fixed


def tokenize(text: str, known: Optional[Iterable[str]] = None, keep_space: bool = False) -> list[Token]:
    """Tokens of ``text`` with exact offsets.

    ``known``: normalised words (e.g. lexicon names) after which proclitics may be split;
    the article's own bare words are added automatically. Whitespace tokens are returned
    only when ``keep_space`` is true.
    """
    return [Token(start, end, text[start:end], kind, norm)
            for start, end, kind, norm, _ in token_spans(text, known) if keep_space or kind != SPACE]


def token_spans(text: str, known: Optional[Iterable[str]] = None) -> list[tuple[int, int, str, str, bool]]:
    """``(start, end, kind, norm, split)`` of every token of ``text``, whitespace included
    (its ``norm`` is the text itself); ``split`` is true for the pieces of a word whose
    proclitics were cut off. The light form of :func:`tokenize`, for the spaCy tokenizer."""
    matches = [(m.start(), m.end(), m.lastgroup) for m in _TOKEN_RE.finditer(text)]
    norm = normalize_word
    norms = [text[a:b] if kind == SPACE else norm(text[a:b]) for a, b, kind in matches]
    hosts = KnownWords(known or (), {n for (_, _, kind), n in zip(matches, norms) if kind == WORD})
    spans: list[tuple[int, int, str, str, bool]] = []
    append = spans.append
    for (start, end, kind), key in zip(matches, norms):
        if kind != WORD or key[:1] not in _CLITIC_LETTERS:
            append((start, end, kind, key, False))
            continue
        parts = split_clitics(text[start:end], hosts)
        if len(parts) == 1:
            append((start, end, kind, parts[0][2], False))
            continue
        last = len(parts) - 1
        for i, (a, b, sub_norm) in enumerate(parts):
            append((start + a, start + b, CLITIC if i < last else WORD, sub_norm, True))
    return spans


def doc_words(text: str, known: Iterable[str] = ()) -> tuple[list[str], list[bool], list[tuple[int, str]]]:
    """The tokens of :func:`token_spans` as spaCy's ``Doc`` takes them: ``(words, spaces,
    restored)``, where ``spaces[i]`` says one plain space follows ``words[i]`` (that space is
    no token of its own; other whitespace is), and ``restored`` lists ``(i, norm)`` for the
    split words whose key is not their own («للولايات» → ل + «لولايات», key «الولايات»).
    The same cuts as :func:`token_spans`, in one scan and without offsets or kinds: about
    twice as fast."""
    found = _TOKEN_SPACE_RE.findall(text)  # (token, " " or ""): they tile the text
    words = [w for w, _ in found]
    spaces = [sp == " " for _, sp in found]
    norm = normalize_word
    keys = list(map(norm, words))
    word_start = _WORD_START
    hosts = KnownWords(known, {k for w, k in zip(words, keys) if w[0] in word_start})
    clitic = _CLITIC_LETTERS
    out_words: list[str] = []
    out_spaces: list[bool] = []
    restored: list[tuple[int, str]] = []
    done = 0  # words[:done] are in out_words
    for i, key in enumerate(keys):
        if key[:1] not in clitic or words[i][0] not in word_start:
            continue
        word = words[i]
        parts = split_clitics(word, hosts)
        if len(parts) == 1:
            continue
        out_words += words[done:i]
        out_spaces += spaces[done:i]
        for a, b, _ in parts:
            out_words.append(word[a:b])
            out_spaces.append(False)
        out_spaces[-1] = spaces[i]
        a, b, last = parts[-1]
        if last != norm(word[a:b]):
            restored.append((len(out_words) - 1, last))
        done = i + 1
    if not done:
        return words, spaces, restored
    out_words += words[done:]
    out_spaces += spaces[done:]
    return out_words, out_spaces, restored


def word_keys(text: str) -> list[str]:
    """The matching keys of the words, numbers and Latin words of ``text``, in order, with
    proclitics cut off as :func:`token_spans` cuts them (no known words but the article's
    own): the ``norm`` of every token of :func:`token_spans` that is not space, punctuation
    or a clitic, without offsets. For the search index: about twice as fast."""
    found = _WORDS_RE.findall(text)
    norm = normalize_word
    keys = list(map(norm, found))
    word_start, clitic = _WORD_START, _CLITIC_LETTERS
    hosts = KnownWords((), {k for w, k in zip(found, keys) if w[0] in word_start})
    done: dict[str, str] = {}  # a word's last piece, once per distinct word of the text
    for i, key in enumerate(keys):
        if key[:1] in clitic and found[i][0] in word_start:
            w = found[i]
            key = done.get(w)
            if key is None:
                key = done[w] = split_clitics(w, hosts)[-1][2]
            keys[i] = key
    return keys


def words(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited words with offsets (the unit ANERcorp-style taggers see)."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
