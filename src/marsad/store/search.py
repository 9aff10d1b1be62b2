"""Full-text search: the normalised copy that is indexed, the query built from user text,
and snippets whose highlights point into the ORIGINAL text.

Both sides go through the same folding (:func:`marsad.text.normalize.normalize`). The index
holds each article's tokens (proclitics split by :func:`marsad.text.tokenize.tokenize`) and,
apart, the other forms of each word: unsplit, and with proclitics («و», «ف», «ب», «ل», «ك») and
the article «ال» stripped. So «روسيا» finds «لروسيا», «الامبريالية» finds «الإمبريالية» and
«تحذر» finds «تحذّر». User text is never passed to FTS5 as syntax: every term is quoted.

Search folds one thing more than the pipeline's matching key: the hamza seats «ئ» and «ؤ»
both become «ء» (:func:`search_fold`), since the same word is spelt either way
(«مسئول»/«مسؤول», «شئون»/«شؤون»). Stores indexed before (schema version 2) are re-indexed
when upgraded (marsad.store.db).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Iterable, Optional

from marsad.text.normalize import normalize
from marsad.text.tokenize import normalize_word, word_keys

MAX_QUERY_CHARS = 200
MAX_TERMS = 16
_CONJ = ("", "و", "ف")  # and, so
_PREP = ("", "ب", "ل", "ك")  # with/in, to/for, like
_MIN_STEM = 3  # a stripped form shorter than this is not indexed («وزير» gives «زير», not «ير»)
# A word of the original text: letters and digits plus the marks that may sit inside a word.
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]+")
_KEY_WORD = re.compile(r"\w+")
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
# Hamza on yeh and on waw (ئ ؤ) as hamza alone (ء): one code point for one, offsets hold.
HAMZA_SEATS = str.maketrans({"\u0626": "\u0621", "\u0624": "\u0621"})
_SEATS = tuple((chr(seat), hamza) for seat, hamza in HAMZA_SEATS.items())


def seats_folded(text: str) -> str:
    """``text`` with «ئ» and «ؤ» written «ء», before the common folding (:data:`HAMZA_SEATS`;
    two replacements run far faster than a translation table over Arabic text)."""
    for seat, hamza in _SEATS:
        text = text.replace(seat, hamza)
    return text


def search_fold(text: str) -> str:
    """The search key of ``text``: :func:`~marsad.text.normalize.normalize` after
    :func:`seats_folded` («مسئول» and «مسؤول» both give «مسءول»)."""
    return normalize(seats_folded(text))


@lru_cache(maxsize=65_536)
def stripped_forms(word: str) -> frozenset[str]:
    """Forms of a normalised ``word`` with proclitics and the article removed:
    «بالصين» → {«الصين», «صين»}; «للولايات» → {«الولايات», «ولايات»}."""
    forms: set[str] = set()
    for conj in _CONJ:
        for prep in _PREP:
            prefix = conj + prep
            if not word.startswith(prefix):
                continue
            rest = word[len(prefix):]
            if prep == "ل" and rest.startswith("ل"):
                rest = "ا" + rest  # «لل» + noun: the article's alef is elided after «ل»
            if prefix and len(rest) >= _MIN_STEM:
                forms.add(rest)
            if rest.startswith("ال") and len(rest) - 2 >= _MIN_STEM:
                forms.add(rest[2:])
    forms.discard(word)
    return frozenset(forms)


def index_fields(title: Optional[str], text: str) -> tuple[str, str, str]:
    """The three indexed columns for an article: ``(title, body, extra)``, each a string of
    normalised words separated by spaces."""
    title_words = _index_words(title or "")
    body_words = _index_words(text or "")
    words = set(_KEY_WORD.findall(search_fold((title or "") + " " + (text or ""))))
    extra = words.union(*map(stripped_forms, words))
    extra.difference_update(body_words, title_words)
    return " ".join(title_words), " ".join(body_words), " ".join(sorted(extra))


def _index_words(text: str) -> list[str]:
    """The indexed words of ``text``: the keys of its tokens that are not space,
    punctuation or a proclitic, cut into letters-and-digits runs."""
    return list(chain.from_iterable(map(_key_words, word_keys(seats_folded(text)))))


@lru_cache(maxsize=65_536)
def _key_words(key: str) -> tuple[str, ...]:
    return tuple(_KEY_WORD.findall(key))


@dataclass(frozen=True)
class Term:
    """One search term: normalised words (several for a phrase); ``prefix`` for «word*»."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        quoted = '"' + " ".join(self.words).replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


def parse_query(query: str) -> list[Term]:
    """Terms of the user's query: bare words and "quoted phrases", folded like the index.
    A bare word ending in ``*`` matches as a prefix. Anything else is ignored, never passed
    on as FTS5 syntax."""
    terms: list[Term] = []
    for m in _QUERY_PART.finditer((query or "")[:MAX_QUERY_CHARS]):
        phrase, bare = m.group(1), m.group(2)
        raw = phrase if phrase is not None else bare
        words = tuple(_KEY_WORD.findall(search_fold(raw).replace("_", " ")))
        if not words:
            continue
        prefix = phrase is None and bare.endswith("*") and len(words) == 1
        terms.append(Term(words, prefix))
    return terms[:MAX_TERMS]


def fts_query(terms: Iterable[Term]) -> str:
    """An FTS5 MATCH expression requiring every term (in any column)."""
    return " AND ".join(t.fts() for t in terms)


# --- highlighting in the original text ------------------------------------------------

def _word_matches(norm: str, terms: list[Term]) -> bool:
    for term in terms:
        for word in term.words:
            if norm == word:
                return True
            if term.prefix:
                if norm.startswith(word) or any(f.startswith(word) for f in stripped_forms(norm)):
                    return True
            elif norm.endswith(word) and word in stripped_forms(norm):
                return True
    return False


def find_hits(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of ``text`` (original offsets) of the words matching a term.

    A pattern per term word finds candidates in the original text at C speed; only the
    words around candidates are folded and checked («روسيا» marks «لروسيا», not «روسياتي»)."""
    if not terms or not text:
        return []
    hits: set[tuple[int, int]] = set()
    for word in {w for t in terms for w in t.words}:
        for m in term_pattern(word).finditer(text):
            start, end = m.start(), m.end()
            while start > 0 and _WORD.match(text, start - 1):
                start -= 1
            while end < len(text) and _WORD.match(text, end):
                end += 1
            if (start, end) not in hits:
                norm = "".join(_KEY_WORD.findall(normalize_word(seats_folded(text[start:end]))))
                if norm and _word_matches(norm, terms):
                    hits.add((start, end))
    return sorted(hits)


@dataclass
class Snippet:
    """A piece of the original text with the spans to highlight, relative to the piece.
    ``start``/``end`` place the piece in the article."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def segments(self) -> list[tuple[str, bool]]:
        """``[(text, highlighted), ...]`` covering the snippet, for safe rendering."""
        out, pos = [], 0
        for a, b in self.highlights:
            if a > pos:
                out.append((self.text[pos:a], False))
            out.append((self.text[a:b], True))
            pos = b
        if pos < len(self.text):
            out.append((self.text[pos:], False))
        return out

    def to_dict(self) -> dict:
        return {"text": self.text, "highlights": [list(h) for h in self.highlights],
                "start": self.start, "end": self.end}


def make_snippet(text: str, hits: list[tuple[int, int]], width: int = 220) -> Snippet:
    """About ``width`` characters of ``text`` around the first hit (the start when none),
    cut at spaces, with the hits that fall inside."""
    text = text or ""
    centre = hits[0][0] if hits else 0
    start = max(0, centre - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < centre else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (hits[0][1] if hits and hits[0][1] <= end else start) else end
    inside = [(a - start, b - start) for a, b in hits if a >= start and b <= end]
    piece = text[start:end]
    lead = "… " if start else ""
    tail = " …" if end < len(text) else ""
    shift = len(lead)
    return Snippet(lead + piece + tail, [(a + shift, b + shift) for a, b in inside], start, end)


def search_snippet(text: str, terms: list[Term], width: int = 220) -> Snippet:
    """:func:`make_snippet` around the first word of ``text`` matching a term."""
    return make_snippet(text or "", find_hits(text or "", terms), width)


@lru_cache(maxsize=4096)
def term_pattern(word: str) -> re.Pattern:
    """A pattern matching, in ORIGINAL text, what folds to ``word``: each letter as any of
    the characters folding to it, with deleted marks (diacritics, tatweel) allowed between."""
    inverse, marks = _folding_inverse()
    parts = ["[" + re.escape("".join(sorted(inverse.get(c, set()) | {c, c.upper()}))) + "]" for c in word]
    return re.compile(f"{marks}*".join(parts))


_term_pattern = term_pattern  # the older name


@lru_cache(maxsize=1)
def _folding_inverse() -> tuple[dict[str, set[str]], str]:
    """Folded character -> the characters that fold to it; and a class of deleted ones."""
    from marsad.text.normalize import folding_table  # the folding table itself, to stay in step

    inverse: dict[str, set[str]] = {}
    gone = []
    for cp, rep in folding_table().items():
        if rep == "":
            gone.append(chr(cp))
        elif len(rep) == 1:
            inverse.setdefault(rep, set()).add(chr(cp))
    for seat, hamza in HAMZA_SEATS.items():
        inverse.setdefault(hamza, set()).add(chr(seat))
    return inverse, "[" + re.escape("".join(gone)) + "]"
