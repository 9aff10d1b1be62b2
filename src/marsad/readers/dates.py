"""Publication dates as readers find them, turned into ISO dates (``YYYY-MM-DD``).

The date kept is the one written in the source's own time zone: "Wed, 13 Sep 2023 23:30
+0300" is the 13th, even though it is the 13th at 20:30 in UTC.
"""
from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Optional

_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}


def iso_date(value: Any) -> Optional[str]:
    """``value`` (str, datetime, date or time.struct_time) as ``YYYY-MM-DD``, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _checked(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (int, float)) or not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if match:
        return _checked(*(int(g) for g in match.groups()))
    return _rfc822(value) or _arabic(value) or _dateparser(value)


def _checked(year: int, month: int, day: int) -> Optional[str]:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _rfc822(value: str) -> Optional[str]:
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _arabic(value: str) -> Optional[str]:
    """A date written in Arabic («الأربعاء 13 أيلول 2023», «١٣ سبتمبر ٢٠٢٣», a Hijri date)
    by marsad's own date spotter, which knows every Arabic month series."""
    if len(value) > 200:
        return None
    from marsad.dates import find_dates

    days = [r.value for r in find_dates(value) if not r.relative and r.precision == "day"]
    return days[0] if days else None


def _dateparser(value: str) -> Optional[str]:
    """Free-form dates ("13 سبتمبر 2023", "September 13, 2023"); dateparser loads slowly,
    so it is imported only when a date is neither ISO nor RFC 822."""
    if len(value) > 100 or not re.search(r"\d", value):
        return None
    import dateparser

    try:
        parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None
    return parsed.date().isoformat() if parsed else None
