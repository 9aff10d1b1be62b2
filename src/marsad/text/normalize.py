"""Arabic normalisation for matching.

The original text is never changed: these functions build a *matching key* (a folded copy)
and, when offsets are needed, a map from every character of the key back to the original.
The folding table is data (``data/fold.json``) so it can be read and reviewed on its own.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import compress

_DATA = resources.files("marsad.text") / "data"


@lru_cache(maxsize=1)
def folding_table() -> dict[int, str]:
    """Code point -> replacement ('' deletes). Built once from ``fold.json``."""
    spec = json.loads((_DATA / "fold.json").read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for lo, hi in spec["delete_ranges"]:
        for cp in range(int(lo, 16), int(hi, 16) + 1):
            table[cp] = ""
    for src, dst in spec["replace"].items():
        table[ord(src)] = dst
    for block, first in (("arabic_indic", 0x0660), ("persian", 0x06F0)):
        if spec["digits"].get(block):
            for i in range(10):
                table[first + i] = str(i)
    # Presentation forms (FB50-FDFF, FE70-FEFF) fold through NFKC, then through the table.
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(lo, hi + 1):
            if cp in table:
                continue
            decomposed = unicodedata.normalize("NFKC", chr(cp))
            if decomposed != chr(cp):
                table[cp] = "".join(table.get(ord(c), c) for c in decomposed)
    return table


def normalize(text: str) -> str:
    """Return the matching key of ``text``: diacritics, tatweel, bidi and zero-width marks
    removed; alef forms, alef maqsura, ta marbuta, hamza seats, Persian letters, digits and
    presentation forms folded; Latin case-folded. Whitespace is kept as it is.

    The same as ``text.translate(folding_table()).casefold()``, faster: a short text's key
    is kept (words come again and again), and a longer one replaces only the characters
    it holds that fold (one regex scan, then ``str.replace`` for each: about three times
    faster on an article than ``translate``, which looks every character up)."""
    if len(text) <= _SHORT:
        key = _short_keys.get(text)
        if key is None:
            if len(_short_keys) >= _SHORT_KEYS:
                _short_keys.clear()
            key = _short_keys[text] = text.translate(folding_table()).casefold()
        return key
    folds, changes = _folding_plan()
    for ch in set(folds.findall(text)):
        text = text.replace(ch, changes[ch])
    return text.casefold()


_SHORT = 32           # texts this long or shorter have their key kept
_SHORT_KEYS = 1 << 17  # at most this many kept keys (the store is emptied when full)
_short_keys: dict[str, str] = {}


@lru_cache(maxsize=1)
def _folding_plan() -> tuple[re.Pattern, dict[str, str]]:
    """The characters that folding changes (one pattern) and what each becomes. Replacing
    them one after another equals one ``translate`` only when no replacement holds a
    character that folds again; ``fold.json`` is checked for it here."""
    changes = {chr(cp): rep for cp, rep in folding_table().items() if rep != chr(cp)}
    refolded = sorted({c for rep in changes.values() for c in rep if c in changes})
    if refolded:
        raise ValueError(f"fold.json: a replacement holds characters that fold again: {refolded}")
    return re.compile("[" + "".join(re.escape(c) for c in sorted(changes)) + "]"), changes


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Return ``(key, origin)`` where ``origin[i]`` is the index in ``text`` of the character
    that produced ``key[i]``; ``origin`` has one extra entry, ``len(text)``, so that a key span
    ``[a, b)`` maps back to ``text[origin[a]:origin[b - 1] + 1]``. Use :func:`to_original`."""
    deleted, expanding = folding_classes()
    if not expanding.search(text):
        # The common case: folding only deletes characters (marks, tatweel) or replaces
        # one by one, so the map is the positions that survive.
        key = normalize(text)
        keep = bytearray(b"\x01") * len(text)
        for m in deleted.finditer(text):
            keep[m.start()] = 0
        origin = list(compress(range(len(text)), keep))
        if len(origin) == len(key):
            origin.append(len(text))
            return key, origin
    return _normalize_with_map_slow(text)


def _normalize_with_map_slow(text: str) -> tuple[str, list[int]]:
    """Character by character: right for every input (ligatures, length-changing case)."""
    table = folding_table()
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        if not rep:
            continue
        rep = rep.casefold()
        out.append(rep)
        origin.extend([i] * len(rep))
    origin.append(len(text))
    return "".join(out), origin


@lru_cache(maxsize=1)
def folding_classes() -> tuple[re.Pattern, re.Pattern]:
    """Patterns of one character: those folding deletes (diacritics, tatweel, bidi marks),
    and those it turns into several (ligatures such as «ﻻ»)."""
    table = folding_table()
    deleted = "".join(re.escape(chr(cp)) for cp, rep in table.items() if rep == "")
    expanding = "".join(re.escape(chr(cp)) for cp, rep in table.items() if len(rep) > 1)
    return re.compile(f"[{deleted}]"), re.compile(f"[{expanding}]" if expanding else "(?!)")


def to_original(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a span ``[start, end)`` of a key from :func:`normalize_with_map` to the original
    text's offsets. An empty span maps to an empty span at its position."""
    if end <= start:
        pos = origin[start]
        return pos, pos
    return origin[start], origin[end - 1] + 1


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_safe(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD: one code point for one, so
    offsets hold. For libraries that take UTF-8 only (spaCy's string store, crfsuite); the
    article's own text is never changed."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def has_surrogate(text: str) -> bool:
    """Does ``text`` hold a lone surrogate (see :func:`utf8_safe`)?"""
    return _SURROGATE.search(text) is not None


def is_arabic_letter(ch: str) -> bool:
    """True for a letter of the Arabic script (not a digit, mark or punctuation)."""
    return ("\u0620" <= ch <= "\u064a") or ("\u066e" <= ch <= "\u06d3") or ch in "\u06d5\u06fa\u06fb\u06fc\u06ff"
