"""Word lists of the entities layer (``data/*.txt``: one word a line, ``#`` comments), read
once. Used by the NER step (:mod:`marsad.entities.recognize`), repeated names
(:mod:`marsad.entities.repeats`), the actors step and the quotes step."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


def word_file(name: str) -> frozenset[str]:
    """The words of ``data/<name>``, without diacritics or tatweel."""
    path = resources.files("marsad.entities") / "data" / name
    words = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(strip_marks(w) for w in words if w)


def strip_marks(word: str) -> str:
    """``word`` without combining marks (diacritics) and tatweel."""
    return "".join(ch for ch in word if not unicodedata.combining(ch) and ch != "\u0640")


@lru_cache(maxsize=1)
def not_name_edges() -> frozenset[str]:
    """Words cut from the edges of a recognised name (data/not_name_edges.txt)."""
    return word_file("not_name_edges.txt")


@lru_cache(maxsize=1)
def name_leading_verbs() -> frozenset[str]:
    """Verbs cut from the start of a recognised name (data/name_leading_verbs.txt)."""
    return word_file("name_leading_verbs.txt")
