"""Words of a text with exact offsets, and the ways an Arabic word may wrap a stem.

A word such as «وبالقوات» (and with the forces) or «زيارته» (his visit) carries proclitics
and pronoun suffixes around the form the lexicons list. :func:`stems` gives every
(stem, proclitics) reading, so the lookups stay exact-match on normalised keys.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple, Optional

from marsad.text.tokenize import normalize_word

_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc"
_MARKS = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
_WORD_RE = re.compile(
    rf"(?P<word>[{_LETTERS}][{_LETTERS}{_MARKS}]*)"
    rf"|(?P<num>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,/:٫٬][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
    rf"|(?P<latin>[^\W\d_]+)"
    rf"|(?P<punct>[^\s\w{_MARKS}])"
)
_MARK_RE = re.compile(f"[{_MARKS}]")
_ARABIC_WORD_RE = re.compile(rf"[{_LETTERS}][{_LETTERS}{_MARKS}]*")
_LAST_WORD_RE = re.compile(rf"([{_LETTERS}][{_LETTERS}{_MARKS}]*)\s+$")
CONJ = "وف"  # and, so
PREP = "بلك"  # in/with, to/for, as
SUFFIXES = ("هما", "هم", "هن", "ها", "نا", "ه")  # object and possessive pronouns
CLAUSE_END = frozenset(".:؛;؟?!")  # a clause never runs across these
QUOTE_MARKS = frozenset("«»“”\"()[]{}")
STRONG_PUNCT = CLAUSE_END | QUOTE_MARKS


class Word(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # matching key (marsad.text.normalize)
    kind: str  # word, num, latin, punct


def scan(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words, numbers and punctuation marks of ``text[start:end]``."""
    norm, new = normalize_word, tuple.__new__  # a NamedTuple built without its Python __new__
    return [new(Word, (a, b, g, norm(g), m.lastgroup))
            for m in _WORD_RE.finditer(text, start, len(text) if end is None else end)
            for (a, b), g in ((m.span(), m.group()),)]


def scan_sentences(text: str, sentences: list[tuple[int, int]]) -> list[list[Word]]:
    """``[scan(text, a, b) for a, b in sentences]``, read with one scan of the whole text
    (sentences cut between words, so each is a slice of it)."""
    every = scan(text)
    starts = [w.start for w in every]
    out = []
    for a, b in sentences:
        i = bisect_left(starts, a)
        j = bisect_left(starts, b, i)
        if (i and every[i - 1].end > a) or (j > i and every[j - 1].end > b):
            out.append(scan(text, a, b))  # a bound inside a word: read the sentence as cut
        else:
            out.append(every[i:j])
    return out


def has_word(words: list[Word], test) -> Optional[bool]:
    """Does ``test(key)`` hold for some Arabic word among ``words`` (those of one stretch
    of text)? None when a Latin word runs into Arabic letters («abcعربي»): such a stretch
    must be read with :func:`any_word`, which finds the Arabic word inside it."""
    for w in words:
        if w.kind == "word":
            if test(w.key):
                return True
        elif w.kind == "latin" and _ARABIC_WORD_RE.search(w.text):
            return None
    return False


def any_word(text: str, start: int, end: int, test) -> bool:
    """Does ``test(key)`` hold for the matching key of some Arabic word of
    ``text[start:end]``? (A cheap look before scanning a sentence word by word.)"""
    norm = normalize_word
    return any(test(norm(w)) for w in _ARABIC_WORD_RE.findall(text, start, end))


def word_before(text: str, start: int) -> str:
    """The matching key of the Arabic word right before offset ``start`` ('' if none)."""
    m = _LAST_WORD_RE.search(text, max(0, start - 40), start)
    return normalize_word(m.group(1)) if m else ""


@lru_cache(maxsize=262_144)
def proclitic_readings(key: str) -> tuple[tuple[str, str], ...]:
    """(rest, proclitics) readings of a word key, the bare word first: «وبالقوات» →
    [(«وبالقوات», ''), («بالقوات», 'و'), («القوات», 'وب')]; «للتعاون» → («التعاون», 'ل')."""
    out = [(key, "")]
    base = [(key, "")]
    if len(key) > 3 and key[0] in CONJ:
        base.append((key[1:], key[0]))
        out.append(base[-1])
    for rest, pre in base:
        if len(rest) > 3 and rest.startswith("لل"):
            out.append(("ال" + rest[2:], pre + "ل"))
        elif len(rest) > 3 and rest[0] in PREP:
            out.append((rest[1:], pre + rest[0]))
    return tuple(out)


@lru_cache(maxsize=262_144)
def suffix_readings(stem: str) -> tuple[str, ...]:
    """Stems under a pronoun suffix, with the spelling the bare form takes: «زيارته» →
    «زياره»; «لقائه» (normalised «لقايه») → «لقاء»; «التقاه» → «التقي»."""
    out = []
    for suf in SUFFIXES:
        if stem.endswith(suf) and len(stem) - len(suf) >= 3:
            rest = stem[: -len(suf)]
            out.append(rest)
            if rest.endswith("ت"):
                out.append(rest[:-1] + "ه")  # ta marbuta before a suffix
            if rest.endswith(("اي", "او")):
                out.append(rest[:-1] + "ء")  # hamza seat before a suffix
            if rest.endswith("ا"):
                out.append(rest[:-1] + "ي")  # alif maqsura before a suffix
            if rest.endswith("و"):
                out.append(rest + "ا")  # التقوه → التقوا
    return tuple(out)


@lru_cache(maxsize=262_144)
def stems(key: str) -> tuple[tuple[str, str, bool], ...]:
    """Every (stem, proclitics, has_suffix) reading of a word key, most literal first."""
    out = []
    for rest, pre in proclitic_readings(key):
        out.append((rest, pre, False))
        out.extend((s, pre, True) for s in suffix_readings(rest))
    return tuple(out)


@lru_cache(maxsize=262_144)
def bare(key: str) -> frozenset[str]:
    """A loose set of readings for matching a required companion word («عن قلقه» → قلق):
    proclitics, «ال», accusative «ـا», dual/plural endings and suffixes removed."""
    out = set()
    for stem, _, _ in stems(key):
        out.add(stem)
        if stem.startswith("ال") and len(stem) > 3:
            out.add(stem[2:])
    for s in list(out):
        if s.endswith("ا") and len(s) > 3:
            out.add(s[:-1])
    return frozenset(out)


def readings(key: str) -> frozenset[str]:
    """The word and its readings without proclitics and without a pronoun suffix (not
    memoised: :meth:`EventLexicon.kinds_of` keeps what it needs of them)."""
    out = {r for r, _ in proclitic_readings(key)}
    return frozenset(out | {s for r in list(out) for s in suffix_readings(r)})


def skip_letters(text: str, start: int, n: int) -> int:
    """The offset after the first ``n`` letters from ``start`` (marks do not count)."""
    pos = start
    while n > 0 and pos < len(text):
        pos += 1
        n -= 1
        while pos < len(text) and _MARK_RE.match(text[pos]):
            pos += 1
    return pos
