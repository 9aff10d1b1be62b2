"""Background, not news: what an article recalls from the past yields no event.

- A this-day-in-history article («هذا اليوم في التاريخ», «في مثل هذا اليوم .. ارمسترونغ
  يمشي على سطح القمر») is a chronology of earlier years: none of it is news.
- A sentence telling what happened on this day of an earlier year («في مثل هذا اليوم من
  عام 1990 غزا العراق الكويت») is background, whatever date it resolves to.
- A chronology line opens with its year («1948 - اعتقال قادة الحزب الشيوعي …»); that year
  dates it, not a day or month written later in it without a year («أعدمت في 15 تشرين
  الأول»: resolved near publication, years too late) nor the publication date.
- Any other sentence is background when its date (the one nearest the trigger) begins more
  than :data:`HISTORY_DAYS` before publication. A week, month or year counts from its
  first day.
- A trailing tag line («سمات اعدام الجزيرة سوريا فيصل القاسم»: keywords, as 3alyoum prints
  under each article) is no sentence: what it names is not reported there.

The phrases are data: ``data/background.tsv``.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from marsad.periods import bounds
from marsad.events.arguments import Frame
from marsad.events.setting import date_near
from marsad.events.trigger import Hit
from marsad.model import DateRef
from marsad.text.normalize import normalize

HISTORY_DAYS = 400  # a sentence dated further back than this is background, not news
TITLE_CHARS = 300  # of a title, only so many characters are read
YEAR_REACH = 8  # words either side of a trigger in which «حرب 1994» dates it
_DASHES = frozenset("-–—:")  # «1948 - …», «1921- …», «1990: …»
_BULLETS = frozenset("-–—•*")
_TAG_LINE = re.compile(r"(?:^|\s)سمات(?:\s+\S+){1,12}\s*$")  # «سمات» (tags) + a few keywords, at the end


@lru_cache(maxsize=1)
def _phrases() -> dict[str, re.Pattern]:
    """One pattern per kind of ``data/background.tsv``, matching its phrases as whole
    words of normalised text."""
    found: dict[str, list[str]] = {}
    text = (resources.files("marsad.events") / "data" / "background.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for kind, ar, *_ in rows[1:]:  # the first row is the header
        found.setdefault(kind.strip(), []).append(" ".join(normalize(ar).split()))
    # «وفي مثل هذا اليوم», «ففي مثل …»: the conjunctions «و/ف» may open the phrase.
    return {kind: re.compile(r"(?<!\w)[وف]?(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                             + r")(?!\w)") for kind, words in found.items()}


def _has(kind: str, text: str) -> bool:
    pattern = _phrases().get(kind)
    return bool(pattern and pattern.search(" ".join(normalize(text).split())))


def history_article(text: str, body_start: int) -> bool:
    """Is the article a this-day-in-history chronology (by its title, ``text[:body_start]``)?"""
    return 0 < body_start and _has("title", text[:min(body_start, TITLE_CHARS)])


def tag_line(text: str) -> int:
    """Where a trailing tag line («سمات …») starts in ``text``; ``len(text)`` if none."""
    m = _TAG_LINE.search(text[-400:])
    return len(text) - min(len(text), 400) + m.start() if m else len(text)


def anniversary(text: str) -> bool:
    """Does ``text`` (a sentence) tell what happened on this day of an earlier year?"""
    return _has("anniversary", text)


def chronology_year(f: Frame, lo: int, hi: int) -> Optional[int]:
    """The year a chronology line opens with («1948 - اعتقال …», «- 1990: غزو …»), if the
    sentence of words ``lo``..``hi`` is one."""
    i = lo + (lo < hi and f.words[lo].kind == "punct" and f.words[lo].text in _BULLETS)
    if i + 1 >= hi:
        return None
    first, then = f.words[i], f.words[i + 1]
    if first.kind != "num" or len(first.text) != 4 or not first.text.isdecimal():
        return None
    if then.kind != "punct" or then.text not in _DASHES:
        return None
    if i + 2 < hi and f.words[i + 2].kind == "num" and f.words[i + 2].start == then.end:
        return None  # «2015-07-21», «2015:30»: a date or a time, not a year and a dash
    return int(first.text)


def far_back(value: Optional[str], published: Optional[dt.date], days: int = HISTORY_DAYS) -> bool:
    """Does the date ``value`` (a day, week, month or year) begin more than ``days`` before
    ``published``?"""
    span = bounds(value)
    return bool(span and published and (published - span[0]).days > days)


def background(f: Frame, text: str, dates: list[DateRef], hit: Hit, lo: int, hi: int,
               published: Optional[dt.date]) -> bool:
    """Is the trigger ``hit``, in the sentence of words ``lo``..``hi``, background: on this
    day of an earlier year, or dated (by its chronology year, else by the sentence's date
    nearest the trigger) more than :data:`HISTORY_DAYS` before publication?"""
    a = f.words[lo].start if lo < len(f.words) else 0
    b = f.words[hi - 1].end if 0 < hi <= len(f.words) else a
    if anniversary(text[a:b]):
        return True
    year = chronology_year(f, lo, hi)
    if year is not None:
        return far_back(str(year), published)
    d = date_near(f, dates, hit, lo, hi)
    named = named_year(f, hit, lo, hi)
    if named is not None and (d is None or abs(named[1] - hit.start) < abs(d.start - hit.start)):
        return far_back(str(named[0]), published)  # «المعارك خلال حرب 1994 ... وفي 2015»: 1994's
    return far_back(d.value if d is not None else None, published)


def named_year(f: Frame, hit: Hit, lo: int, hi: int) -> Optional[tuple[int, int]]:
    """The bare year that dates a past event's noun near the trigger («خلال حرب 1994»,
    «منذ ثورة 1952»: a `yearnoun` of ``data/background.tsv`` right before a four-digit
    year), within :data:`YEAR_REACH` words of the trigger in its sentence, and where the
    noun starts; else None."""
    nouns = _year_nouns()
    for i in range(max(lo, hit.head - YEAR_REACH), min(hi - 1, hit.last + YEAR_REACH + 1)):
        w, y = f.words[i], f.words[i + 1]
        if y.kind == "num" and len(y.text) == 4 and y.text.isdecimal() and 1800 < int(y.text) \
                and f.key(i) in nouns:
            return int(y.text), w.start
    return None


@lru_cache(maxsize=1)
def _year_nouns() -> frozenset[str]:
    """The `yearnoun` words, normalised, with «و/ف/ب/ل» in front too."""
    text = (resources.files("marsad.events") / "data" / "background.tsv").read_text(encoding="utf-8")
    words = {normalize(cols[1]) for cols in (line.split("\t") for line in text.splitlines())
             if len(cols) > 1 and cols[0] == "yearnoun"}
    return frozenset(words | {p + w for w in words for p in ("و", "ف", "ب", "ل", "وب", "ول")})
