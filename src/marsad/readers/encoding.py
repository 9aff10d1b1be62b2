"""Bytes to text for Arabic news: UTF-8/16/32 (BOM or not) and the legacy Arabic code pages.

The order of the checks is the whole method (:func:`decode`):

1. a byte-order mark decides;
2. strict UTF-8 (almost all modern text);
3. UTF-16 without a BOM when the bytes look like it (NULs or U+06xx in one byte parity);
4. UTF-8 with a few bad bytes replaced, when valid multi-byte sequences outnumber bad ones;
5. the legacy Arabic code pages (Windows-1256, ISO-8859-6, Mac Arabic, DOS 720/864), the
   one whose result reads most like Arabic, and only if it does;
6. charset-normalizer's guess, if its result reads like text;
7. otherwise refuse: :class:`DecodeError` with code ``binary`` or ``encoding_unknown``.

"Reads like text" is measured, not assumed: few control characters, and letters of one
script per word (Latin-1 read as Windows-1256 puts Arabic letters inside Latin words, and
Windows-1256 read as Latin-1 gives words made only of accented letters).
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple, Optional

from marsad.readers.errors import DecodeError

ARABIC_LEGACY = ("cp1256", "iso8859_6", "mac_arabic", "cp720", "cp864")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 65536  # characters (or bytes) looked at when judging a decoding
_MAX_BAD = 0.02  # share of control/unassigned characters tolerated in text
_MAX_MIXED = 0.03  # share of words mixing two scripts tolerated
_WORD = re.compile(r"[^\W\d_]+")
_WHITESPACE_CONTROLS = set("\t\n\r\f\v\x1b\x85")


class Decoded(NamedTuple):
    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of an input are plainly not text: NUL bytes at both byte
    parities (UTF-16 text has them at one only; UTF-32 starts with its byte-order mark).
    Sparse NULs are left to :func:`decode` to judge."""
    if b"\x00" not in head or head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) >= 0.1 * len(even) and odd.count(0) >= 0.1 * len(odd)


def decode(data: bytes, encoding: Optional[str] = None, name: str = "input") -> Decoded:
    """Decode ``data``; ``encoding`` forces a codec (bad bytes then become U+FFFD).

    Raises :class:`DecodeError` (``binary``, ``encoding_unknown``) when the bytes are not
    plausibly text; ``name`` is used in its message.
    """
    if encoding:
        return _forced(data, encoding, name)
    if not data:
        return Decoded("", "utf-8")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(enc, errors="replace")
            notes = ("invalid bytes replaced",) if "\ufffd" in text else ()
            return Decoded(text, enc + "-bom" if enc == "utf-8" else enc, notes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and _bad_ratio(text) <= _MAX_BAD:
        return Decoded(text, "utf-8")
    found = _utf16(data) or _lossy_utf8(data) or _legacy_arabic(data) or _guess(data)
    if found:
        return found
    if b"\x00" in data[:_SAMPLE] or text is not None:
        raise DecodeError("binary", f"{name}: not text (NUL bytes or control characters)")
    raise DecodeError("encoding_unknown", f"{name}: no encoding gives plausible text")


def _forced(data: bytes, encoding: str, name: str) -> Decoded:
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError as exc:
        raise DecodeError("encoding_unknown", f"{name}: unknown encoding {encoding!r}") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, encoding, ("invalid bytes replaced",) if "\ufffd" in text else ())


def _utf16(data: bytes) -> Optional[Decoded]:
    """UTF-16 without a BOM: ASCII gives NULs, Arabic gives 0x06, in one byte parity."""
    if len(data) % 2:
        return None
    head = data[:_SAMPLE]
    even, odd = head[0::2], head[1::2]
    for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
        if sum(high.count(b) for b in (0, 6)) < 0.6 * len(high):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return Decoded(text, enc, ("no byte-order mark",))
    return None


def _lossy_utf8(data: bytes) -> Optional[Decoded]:
    """UTF-8 with a few broken bytes: keep it when valid multi-byte characters dominate."""
    if b"\x00" in data[:_SAMPLE]:
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text[:_SAMPLE] if ord(c) > 127 and c != "\ufffd")
    if 0 < bad < good and _bad_ratio(text) <= _MAX_BAD:
        return Decoded(text, "utf-8", (f"{bad} invalid bytes replaced",))
    return None


def _legacy_arabic(data: bytes) -> Optional[Decoded]:
    """The legacy Arabic code page whose decoding reads most like Arabic, if any does."""
    if b"\x00" in data[:_SAMPLE]:
        return None
    best: Optional[tuple[float, str, str]] = None
    for enc in ARABIC_LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _arabic_score(text[:_SAMPLE])
        if score is not None and (best is None or score > best[0]):
            best = (score, enc, text)
    return Decoded(best[2], best[1]) if best else None


def _guess(data: bytes) -> Optional[Decoded]:
    """charset-normalizer's best guess, kept only when the result reads like text."""
    if b"\x00" in data[:_SAMPLE]:
        return None
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    matches = list(from_bytes(data[:_SAMPLE]))
    if matches:
        # equally good guesses are common (cp1250 = cp1252 on most Latin-1 text): prefer
        # the Western code page, by far the most frequent one outside Arabic.
        least = min(m.chaos for m in matches)
        matches.sort(key=lambda m: (m.chaos > least + 0.01, m.encoding not in _WESTERN))
    for match in matches:
        try:
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return Decoded(text, match.encoding, ("detected by charset-normalizer",))
    return None


# --- judging a decoding -------------------------------------------------------------


def _script(c: str) -> str:
    o = ord(c)
    if o < 0x250 or 0x1E00 <= o < 0x1F00:
        return "latin"
    if 0x600 <= o < 0x700 or 0x750 <= o < 0x780 or 0x8A0 <= o < 0x900:
        return "arabic"
    if 0xFB50 <= o < 0xFE00 or 0xFE70 <= o < 0xFF00:
        return "arabic-forms"
    if 0x370 <= o < 0x530:
        return "greek-cyrillic"
    if 0x590 <= o < 0x600:
        return "hebrew"
    return "other"


def _bad_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    bad = sum(
        1
        for c in sample
        if (c < " " and c not in _WHITESPACE_CONTROLS)
        or unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")
        and c not in _WHITESPACE_CONTROLS
    )
    return bad / len(sample)


def _word_stats(text: str) -> tuple[int, int, int]:
    """(words, words mixing scripts, words of 3+ letters made only of accented Latin)."""
    words = mixed = accented = 0
    for word in _WORD.findall(text):
        words += 1
        scripts = {_script(c) for c in word}
        if len(scripts) > 1:
            mixed += 1
        elif scripts == {"latin"} and len(word) >= 3 and all(ord(c) > 127 for c in word):
            accented += 1
    return words, mixed, accented


def _plausible(text: str) -> bool:
    """True when ``text`` reads like text of any script (see the module docstring)."""
    sample = text[:_SAMPLE]
    if _bad_ratio(sample) > _MAX_BAD:
        return False
    words, mixed, accented = _word_stats(sample)
    if not words:
        return bool(sample.strip())
    return mixed <= _MAX_MIXED * words and accented <= 0.2 * words


def _arabic_score(text: str) -> Optional[float]:
    """How much ``text`` reads like Arabic (higher is better), or None if it does not."""
    if not _plausible(text):
        return None
    letters = [_script(c) for c in text if c.isalpha()]
    arabic = letters.count("arabic") + 0.5 * letters.count("arabic-forms")
    foreign = sum(1 for s in letters if s not in ("latin", "arabic", "arabic-forms"))
    if arabic < 2 or arabic < 0.5 * (arabic + foreign):
        return None
    words, mixed, _ = _word_stats(text)
    return arabic / len(letters) - mixed / max(words, 1)
