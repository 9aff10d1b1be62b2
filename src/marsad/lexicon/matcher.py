"""Dictionary matching over normalised Arabic text, with offsets into the original.

Names are matched on the matching key of the text (``marsad.text.normalize``, with runs of
whitespace folded to one space) by an Aho–Corasick automaton, only at word boundaries.
A match may start after proclitics: a conjunction (و «and», ف «so») and/or a preposition
(ب «in/with», ل «to/for», ك «as»), and «لل» (ل + the article ال, as in «للولايات
المتحدة»). Overlapping matches are resolved longest first, except that a father's name (after
«بن», or a «بن X» alias) gives way to the name it is part of.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any

import ahocorasick

from marsad.text.normalize import normalize, normalize_with_map

CONJUNCTIONS = frozenset("وف")  # wa-, fa-
PREPOSITIONS = frozenset("بلك")  # bi-, li-, ka-
ARTICLE = "ال"
MIN_KEY = 2  # shorter keys would fire inside any word
_SPACE_RUN = re.compile(r"\s\s+")
_FOLDED_SPACE = re.compile(r"\s\s+|[^\S ]")  # a run of whitespace, or whitespace other than " "


@lru_cache(maxsize=65_536)  # names repeat: each mention's key is asked for again and again
def name_key(name: str) -> str:
    """The matching key of a lexicon name: normalised, whitespace runs folded to one space."""
    return " ".join(normalize(name).split())


def _prepare(text: str, folded: tuple[str, list[int]] | None = None) -> tuple[str, list[int]]:
    """``normalize_with_map`` (``folded``, when given) with whitespace runs folded to one
    space (keeping the map)."""
    key, origin = folded or normalize_with_map(text)
    if not _FOLDED_SPACE.search(key):
        return key, origin  # only single plain spaces: nothing to fold
    keep = bytearray(b"\x01") * len(key)
    for m in _SPACE_RUN.finditer(key):
        keep[m.start() + 1:m.end()] = bytes(m.end() - m.start() - 1)  # a run keeps its first
    kept = list(compress(origin, keep))
    kept.append(len(text))
    return _FOLDED_SPACE.sub(" ", key), kept


@dataclass(frozen=True)
class Match:
    """A lexicon name found in a text. ``start``/``end`` are offsets in the original text
    of the name itself; ``clitic_start`` is where its proclitics begin (== ``start`` when
    there are none). ``entries`` are all records listed under the matched key, in the
    order they were given to the matcher."""

    start: int
    end: int
    clitic_start: int
    text: str
    clitic: str
    key: str
    entries: tuple[Any, ...]

    @property
    def entry(self) -> Any:
        """The first record for the key (the others are in ``entries``)."""
        return self.entries[0]


class Matcher:
    """Aho–Corasick matcher over (name, record) pairs; several records may share a name."""

    def __init__(self, entries: Iterable[tuple[str, Any]]):
        self._records: dict[str, list[Any]] = {}
        for name, record in entries:
            key = name_key(name)
            if len(key) >= MIN_KEY:
                bucket = self._records.setdefault(key, [])
                if not any(r is record for r in bucket):
                    bucket.append(record)
        self._automaton = ahocorasick.Automaton()
        variants: dict[str, list[tuple[int, str]]] = {}
        for key in self._records:
            variants.setdefault(key, []).append((0, key))
            if key.startswith(ARTICLE) and len(key) > 3:
                # «للولايات» = ل + «الولايات» with the article's alef dropped.
                variants.setdefault("لل" + key[2:], []).append((1, key))
        for surface, values in variants.items():
            self._automaton.add_word(surface, tuple(values))
        if variants:
            self._automaton.make_automaton()
        self._frozen = {k: tuple(v) for k, v in self._records.items()}

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._records

    def lookup(self, name: str) -> tuple[Any, ...]:
        """The records listed under ``name`` (exact, after normalisation)."""
        return self._frozen.get(name_key(name), ())

    def find(self, text: str, folded: tuple[str, list[int]] | None = None) -> list[Match]:
        """All non-overlapping matches in ``text``, longest first on overlap, in text order.
        ``folded``: ``normalize_with_map(text)`` when the caller has it already."""
        if not self._records:
            return []
        key_text, origin = _prepare(text, folded)
        candidates = []
        for last, values in self._automaton.iter(key_text):
            end = last + 1
            if end < len(key_text) and key_text[end].isalnum():
                continue
            for inner, key in values:
                start = end - len(key)  # «لل…» variants are as long as «ال…»
                clitic_start = _clitic_start(key_text, start, allow_preposition=not inner)
                if clitic_start is not None:
                    candidates.append((start + inner, end, clitic_start, key))
        chosen: list[tuple[int, int, int, str]] = []
        taken = bytearray(len(key_text))  # 1 where a chosen match (with clitics) lies
        for cand in sorted(candidates, key=lambda c: (_lineage(key_text, c), c[0] - c[1], c[2])):
            lo, hi = cand[2], cand[1]
            if not any(taken[lo:hi]):
                chosen.append(cand)
                taken[lo:hi] = b"\x01" * (hi - lo)
        return [self._match(text, origin, c) for c in sorted(chosen)]

    def _match(self, text: str, origin: list[int], cand: tuple[int, int, int, str]) -> Match:
        name_start, end, clitic_start, key = cand
        start, stop, cstart = origin[name_start], origin[end - 1] + 1, origin[clitic_start]
        return Match(start, stop, cstart, text[start:stop], text[cstart:start], key, self._frozen[key])


LINEAGE = frozenset({"بن", "ابن", "بنت"})  # son/daughter of


def _lineage(key_text: str, cand: tuple[int, int, int, str]) -> bool:
    """Is the candidate a father's name: after «بن» («سلمان بن عبدالعزيز» in «محمد بن سلمان
    بن عبدالعزيز») or a «بن X» alias? It gives way to any overlapping name, which then keeps
    its lineage: «محمد بن سلمان» is the man named, not his father the king."""
    before = key_text[max(0, cand[2] - 5):cand[2]].split()
    return cand[3].split(" ", 1)[0] in LINEAGE or bool(before) and before[-1] in LINEAGE


def _clitic_start(key_text: str, start: int, allow_preposition: bool = True) -> int | None:
    """Where the word holding a name that begins at ``start`` begins, if everything before
    the name in that word is proclitics (conjunction, then preposition); else None."""
    pos = start
    if pos > 0 and allow_preposition and key_text[pos - 1] in PREPOSITIONS:
        pos -= 1
    if pos > 0 and key_text[pos - 1] in CONJUNCTIONS:
        pos -= 1
    if pos == 0 or not key_text[pos - 1].isalnum():
        return pos
    return None
