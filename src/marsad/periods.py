"""The days a date value covers.

A resolved value (docs/dates.md) names a day (``2015-07-21``), an ISO week (``2015-W29``:
Monday 13 to Sunday 19 July), a month (``2015-07``) or a year (``2015``). As text these do
not sort in time order («2015-W29» sorts after «2015-10-15»); their first and last days do.
This module depends on nothing else in marsad, so the record model (below marsad.dates), the
store and the web pages can use it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

PRECISIONS = ("day", "week", "month", "year")
_VALUE = re.compile(r"^(?P<year>\d{4})(?:-W(?P<week>\d{2})|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def precision_of(value: Optional[str]) -> Optional[str]:
    """``day``, ``week``, ``month`` or ``year`` for a valid value, else None. A time after
    a day (``2023-09-13T10:00``) is ignored."""
    found = bounds(value)
    if found is None:
        return None
    m = _VALUE.match(_day_part(value))
    return "day" if m["day"] else "week" if m["week"] else "month" if m["month"] else "year"


def bounds(value: Optional[str]) -> Optional[tuple[dt.date, dt.date]]:
    """The first and last day of ``value`` (both included), or None when it is not a real
    day, week, month or year (``2015-13``, ``2015-W54``, a free text)."""
    if not isinstance(value, str):
        return None
    m = _VALUE.match(_day_part(value))
    if m is None:
        return None
    year = int(m["year"])
    try:
        if m["week"]:
            monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m["day"]:
            day = dt.date(year, int(m["month"]), int(m["day"]))
            return day, day
        if m["month"]:
            month = int(m["month"])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def iso_bounds(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """:func:`bounds` as ISO strings (``("2015-07-13", "2015-07-19")``); (None, None) when
    the value is no date."""
    found = bounds(value)
    return (found[0].isoformat(), found[1].isoformat()) if found else (None, None)


def _day_part(value: str) -> str:
    """The value without a time of day («2023-09-13T10:00», «2023-09-13 10:00»)."""
    value = value.strip()
    return value[:10] if len(value) > 10 and value[10] in "T " else value
