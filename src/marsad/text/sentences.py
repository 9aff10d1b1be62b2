"""Sentence splitting for Arabic news, with exact offsets.

Boundaries: line breaks; «.», «..», «...», «…», «؟», «?», «!», «؛». Not boundaries: a stop
inside a number (2015.07.21, 3.5), after an abbreviation (a lone letter «د.», «م.», Latin
«U.S.», the two-letter pieces of «بي.بي.سي»), or inside an open quotation («» “” "" {}),
so that a quoted passage of several sentences stays in one sentence. A quotation left open
never runs past the end of its line.
"""
from __future__ import annotations

import re

_OPEN_CLOSE = {"«": "»", "“": "”", "{": "}", "„": "“"}
_CLOSERS = set(_OPEN_CLOSE.values()) | {'"'}
_TERMINAL = re.compile(r"\.{2,}|…|[.؟?!؛]+")
_TRAILING = set(')]')  # a closing bracket right after a stop stays with its sentence
_MAX_QUOTED = 1500  # an open quotation longer than this stops protecting its stops
# The characters the splitter acts on; the text between them is skipped over.
_MARKS = re.compile("[\n" + re.escape("".join(_OPEN_CLOSE) + "".join(_CLOSERS)) + ".؟?!؛…]")


def _is_abbreviation(text: str, dot: int) -> bool:
    """A single stop after a lone letter («د.», «م.», «U.S.») or between digits."""
    before = text[dot - 1] if dot > 0 else ""
    after = text[dot + 1] if dot + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return True
    if before.isalpha():
        start = dot - 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if dot - start == 1 and (start == 0 or not text[start - 1].isalnum()):
            return True  # a one-letter word followed by a stop
        if dot - start <= 2 and after.isalpha():
            return True  # «بي.بي.سي», «سي.ان.ان»: letters of an initialism, no space between
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence; spaces between sentences belong to none.

    Every non-space character of ``text`` lies in exactly one sentence.
    """
    bounds: list[int] = []
    stack: list[tuple[str, int]] = []  # open quotation marks and where they opened
    i, n = 0, len(text)
    while True:
        found = _MARKS.search(text, i)
        if found is None:
            break
        # Characters up to the next mark only age the innermost open quotation.
        j = found.start()
        if stack and j > i and j - 1 - stack[-1][1] > _MAX_QUOTED:
            stack.clear()
        i, ch = j, found.group()
        if ch == "\n":
            stack.clear()  # an unclosed quotation ends with its line
            bounds.append(i)
            i += 1
            continue
        if stack and ch == stack[-1][0]:
            stack.pop()
            if not stack and i > 0 and text[i - 1] in ".؟?!…":
                bounds.append(i + 1)  # «... انتهى.» ends the sentence after the closing mark
        elif ch in _OPEN_CLOSE:
            stack.append((_OPEN_CLOSE[ch], i))
        elif ch == '"':
            stack.append(('"', i))
        if stack and i - stack[-1][1] > _MAX_QUOTED:
            stack.clear()
        m = _TERMINAL.match(text, i) if ch in ".؟?!؛…" else None
        if m:
            end = m.end()
            if not stack and not (m.group() == "." and _is_abbreviation(text, i)):
                while end < n and text[end] in _TRAILING and text[end] not in _OPEN_CLOSE:
                    end += 1
                bounds.append(end)
            i = end
            continue
        i += 1
    return _spans(text, bounds)


def _spans(text: str, bounds: list[int]) -> list[tuple[int, int]]:
    """Cut ``text`` at ``bounds`` and trim whitespace from every piece."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in bounds + [len(text)]:
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
        start = cut
    return spans
