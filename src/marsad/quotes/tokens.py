"""Tokens, paragraphs, sentences and quotation-mark spans of an article, with offsets.

The quote finder needs only a light view of the text: words and punctuation with their
original offsets and folded keys, paragraph ends, sentence ends and the spans between
quotation marks. Sentence boundaries come from ``marsad.text.sentences.split_sentences``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from marsad.text.tokenize import normalize_word

# A word: letters, digits and the Arabic marks/tatweel that sit inside words.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d]+|\S")
SENT_END = frozenset(".!?؟…")
OPENERS = "«“„{‘"
CLOSERS = "»”}’"
AMBIGUOUS = "\"'"
QUOTE_CHARS = frozenset(OPENERS + CLOSERS + AMBIGUOUS)
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")
_PAIRS = {"«": "»", "“": "”", "„": "“”", "{": "}", "‘": "’", '"': '"', "'": "'",
          "»": "«", "”": "“"}  # reversed guillemets and quotes: «» ... «», ” ... “


@dataclass(slots=True)
class Tok:
    i: int
    start: int
    end: int
    text: str
    key: str  # folded text, for matching
    para: int = 0
    sent: int = 0

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_" or len(self.text) > 1


@dataclass
class QSpan:
    """Text between a pair of quotation marks; ``close`` is None for an unclosed mark, whose
    span then ends at its paragraph's end."""

    open: int  # offset of the opening mark
    close: Optional[int]  # offset of the closing mark
    end: int  # offset just past the quoted text (the closing mark or the paragraph end)

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.end


def tokenize(text: str) -> list[Tok]:
    """Words and single punctuation characters with their offsets and folded keys."""
    norm = normalize_word
    return [Tok(i, m.start(), m.end(), g, g if g in _MADDA_WORDS else norm(g))
            for i, m in enumerate(_WORD.finditer(text)) for g in (m.group(),)]


# «آن» (a time, «آن الأوان»; the name Anne: «أعرب آن دنكان، وزير التعليم») folds like «أن», "that":
# kept as written
_MADDA_WORDS = frozenset(("آن",))


def paragraph_ends(text: str) -> list[int]:
    """Offsets where paragraphs end: line breaks, and runs of 2+ spaces after a sentence end
    (SaudiNewsNet lost its line breaks and kept such runs)."""
    ends = [m.start() for m in re.finditer(r"\n", text)]
    ends += [m.start() + 1 for m in re.finditer(r"[.!?؟»”\"](?= {2,}\S)", text)]
    ends.append(len(text))
    return sorted(set(ends))


def _stray_closer(text: str, pos: int, pstart: int, pend: int) -> bool:
    """Is the mark at ``pos``, left open, a closing mark whose opener the writer forgot: a
    straight or curly double mark glued to the word before it and followed by a space or
    punctuation («... من مساكنهم". وقال، في تصريح ...»)? It opens nothing."""
    if text[pos] not in AMBIGUOUS + "”":
        return False
    left = text[pos - 1] if pos > pstart else " "
    right = text[pos + 1] if pos + 1 < pend else " "
    return left.isalnum() and (right.isspace() or right in ".,،؛;:!?؟)")


def _opener_next(text: str, pos: int, pend: int) -> bool:
    """Does the next straight mark after ``pos`` in its paragraph look like an opener: a space,
    colon or bracket before it and a letter after it («وأضاف: "أول ...»)? Then a closer-shaped
    mark at ``pos`` with nothing open would pair with it inside out; when the next mark is
    itself closer-shaped («سهم "إعمار مصر" في السوق ... مرة".»), the pairing stays as read."""
    nxt = text.find(text[pos], pos + 1, pend)
    if nxt < 0:
        return False
    left = text[nxt - 1]
    right = text[nxt + 1] if nxt + 1 < pend else " "
    return (left.isspace() or left in "(:[/-–") and right.isalnum()


def quote_spans(text: str, para_ends: list[int]) -> list[QSpan]:
    """Pair quotation marks within each paragraph. Marks are read by their shape and by the
    spaces around them, so «...« and ” ...” (malformed pairs) still pair up, and a mark that
    opens again inside one («... «محزن» ...») nests. A mark left open ends at its
    paragraph's end, so it never swallows the rest of the article, unless a closed pair
    follows it («إن ... وزاد: «...»»): then it is a stray mark and dropped."""
    spans: list[QSpan] = []
    pstart = 0
    for pend in para_ends:
        stack: list[tuple[str, int]] = []
        for mark in _QUOTE_MARK.finditer(text, pstart, pend):
            pos, ch = mark.start(), mark.group()
            left = text[pos - 1] if pos > pstart else " "
            right = text[pos + 1] if pos + 1 < pend else " "
            left_open = left.isspace() or left in "(:[/-–" or left in QUOTE_CHARS
            right_open = right.isspace() or right in ".,،؛;:!?؟)" or right in QUOTE_CHARS
            looks_open = left_open and not right_open
            if ch == "'" and not (left_open or right_open):
                continue  # an apostrophe inside a Latin word
            if stack and ch == stack[-1][0] and ch in "«“" and looks_open:
                stack.append((ch, pos))  # «... «محزن» ...» nests; «إن ... وزاد: «...» too, and
                continue                 # the outer mark, never closed, is dropped below
            if stack:
                top, at = stack[-1]
                closes = ch in _PAIRS.get(top, "") or ch in AMBIGUOUS or ch == top or ch in CLOSERS
                # a different opener that looks like one («“...«...»...”») nests instead
                if closes and not (ch in OPENERS and ch != top and looks_open):
                    stack.pop()
                    spans.append(QSpan(at, pos, pos))
                    continue
            if not stack and _stray_closer(text, pos, pstart, pend) and _opener_next(text, pos, pend):
                continue  # («... لتأكيد الجدارة". وأضاف: "...": a closer whose opener was forgot
                # opens nothing, or every pair after it in the paragraph is read inside out)
            # a closing mark with nothing open, not glued to the word before it, opens a
            # quotation written with reversed marks («قال: » إن ... «.»)
            reversed_open = not stack and ch in "»”" and left_open and _PAIRS[ch] in text[pos + 1:pend]
            if ch in OPENERS or ch in AMBIGUOUS or looks_open or reversed_open:
                stack.append((ch, pos))
        closed_after = [sp.open for sp in spans if sp.close is not None and sp.open >= pstart]
        for _, at in stack:
            if not any(o > at for o in closed_after) and not _stray_closer(text, at, pstart, pend):
                spans.append(QSpan(at, None, pend))  # (one left open before a closed pair: a stray mark)
        pstart = pend
    spans.sort(key=lambda s: s.open)
    return spans
