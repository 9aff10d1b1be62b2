"""Turn spotted date expressions into :class:`~marsad.model.DateRef` values.

Precision rules (docs/dates.md): a day and month give ``day`` (YYYY-MM-DD), a month gives
``month`` (YYYY-MM), a year gives ``year`` (YYYY), weeks give ``week`` (ISO YYYY-Www).
An expression is ``relative`` when its value depends on the publication date (including
dates written without a year); with no publication date its value is None.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from marsad.dates import hijri
from marsad.dates.spotter import Spot, default_spotter, future_words
from marsad.text.normalize import normalize
from marsad.model import DateRef

Date = dt.date


class InvalidPublishedDate(ValueError):
    """The publication date is not an ISO date (YYYY-MM-DD, optionally followed by a time)."""


def find_dates(text: str, published: Optional[str] = None,
               folded: Optional[tuple[str, list[int]]] = None) -> list[DateRef]:
    """Every date expression of ``text`` as a :class:`DateRef` (offsets into ``text``),
    resolved against ``published`` (``"YYYY-MM-DD"``; a time after it is ignored).
    ``folded``: ``normalize_with_map(text)`` when the caller has it already."""
    pub = parse_published(published)
    refs = []
    for spot in default_spotter().spot(text, folded):
        ref = resolve(spot, text, pub)
        if ref is not None:
            refs.append(ref)
    return refs


def parse_published(published: Optional[str]) -> Optional[Date]:
    """``"2023-09-13"`` (or ``"2015-07-21 02:51:32"``) -> date; None -> None."""
    if not published:
        return None
    try:
        return Date.fromisoformat(published.strip()[:10])
    except ValueError as e:
        raise InvalidPublishedDate(f"publication date {published!r} is not YYYY-MM-DD") from e


def resolve(spot: Spot, text: str, pub: Optional[Date]) -> Optional[DateRef]:
    """The :class:`DateRef` of one spot, or None when its parts make no real date
    (31 February, month 13)."""
    parts = spot.parts
    if spot.kind == "weekday" and parts["dir"] is None and _future_before(text, spot.start):
        parts = dict(parts, dir=COMING)  # «سيلتقي الفريقان يوم الجمعة»: the coming Friday
    value, precision, relative, calendar = _RESOLVERS[spot.kind](parts, pub)
    if value is _INVALID:
        return None
    return DateRef(text=text[spot.start:spot.end], start=spot.start, end=spot.end, value=value,
                   precision=precision, relative=relative, calendar=calendar)


COMING = 2  # a weekday's direction: on or after publication (a bare weekday after words of the future)
CLAUSE_BACK = 90  # characters before a weekday its clause's words of the future are looked for
CLAUSE_END = ".!?؟\n:«»\""


def _future_before(text: str, start: int) -> bool:
    """Does a word of the future («سيلتقي», «من المقرر») stand earlier in the clause?"""
    before = text[max(0, start - CLAUSE_BACK):start]
    cut = max(before.rfind(c) for c in CLAUSE_END)
    words = normalize(before[cut + 1:]).split()
    future = future_words()
    return any(w in future or w[:1] in ("و", "ف") and w[1:] in future for w in words)


_INVALID = object()
Result = tuple[object, Optional[str], bool, Optional[str]]


# -- absolute dates -------------------------------------------------------------------------
def _numeric(p: dict, pub: Optional[Date]) -> Result:
    if p["hijri"]:
        return _hijri(p, pub)
    day = _date(p["year"], p["month"], p["day"])
    return (day.isoformat() if day else _INVALID), "day", False, "gregorian"


def _gregorian(p: dict, pub: Optional[Date]) -> Result:
    year, month, day = p["year"], p["month"], p["day"]
    relative = year is None
    if year is None and p["month_dir"] is not None:
        year = _month_year(pub, month, p["month_dir"]) if pub else None
    elif year is None and p["year_dir"] is not None:
        year = pub.year + p["year_dir"] if pub else None
    elif year is None and pub is not None:
        year = _nearest_year(pub, lambda y: _date(y, month, min(day or 15, 28)))
    if day is not None and not _date(year or 2000, month, day):  # 2000: a leap year
        return _INVALID, None, False, None
    if year is None:
        return None, ("day" if day else "month"), relative, "gregorian"
    if day is None:
        return f"{year:04d}-{month:02d}", "month", relative, "gregorian"
    return _date(year, month, day).isoformat(), "day", relative, "gregorian"


def _hijri(p: dict, pub: Optional[Date]) -> Result:
    """Hijri dates are converted to Gregorian: a day to its day, a month to the Gregorian
    month holding its 15th day, a year to the Gregorian year holding its middle (1 Rajab)."""
    year, month, day = p["year"], p.get("month"), p.get("day")
    relative = year is None
    if year is None:
        if pub is None:
            return None, ("day" if day else "month"), True, "hijri"
        here = hijri.from_gregorian(pub)[0]
        year = min((here - 1, here, here + 1),
                   key=lambda y: abs((hijri.to_gregorian(y, month, min(day or 15, 29)) - pub).days))
    try:
        if month is None:
            return str(hijri.to_gregorian(year, 7, 1).year), "year", relative, "hijri"
        if day is None:
            return hijri.to_gregorian(year, month, 15).strftime("%Y-%m"), "month", relative, "hijri"
        if day > hijri.month_length(year, month) + 1:  # tabular lengths may be 1 day short
            return _INVALID, None, False, None
        return hijri.to_gregorian(year, month, day).isoformat(), "day", relative, "hijri"
    except hijri.InvalidHijriDate:
        return _INVALID, None, False, None


def _year(p: dict, pub: Optional[Date]) -> Result:
    return str(p["year"]), "year", False, "gregorian"


# -- relative dates -------------------------------------------------------------------------
def _deictic(p: dict, pub: Optional[Date]) -> Result:
    """«اليوم»/«أمس»/«غداً» ± days; a weekday next to it («اليوم (الاثنين)») is trusted over
    the publication date when they disagree by up to 3 days (feeds often date an article
    by when it was fetched, a day late)."""
    if pub is None:
        return None, "day", True, "gregorian"
    day = pub + dt.timedelta(days=p["offset"])
    if p["weekday"] is not None:
        day = _snap(day, p["weekday"])
    return day.isoformat(), "day", True, "gregorian"


def _weekday(p: dict, pub: Optional[Date]) -> Result:
    """«الأحد الماضي»: the last Sunday before publication; «الخميس المقبل»: the next Thursday
    after it; a bare «الأحد»: the last Sunday on or before publication (news mostly reports
    what happened; a bare weekday of a coming event is resolved a week early)."""
    if pub is None:
        return None, "day", True, "gregorian"
    wd, direction = p["weekday"], p["dir"]
    if direction == -1:
        day = pub - dt.timedelta(days=(pub.weekday() - wd) % 7 or 7)
    elif direction == 1:
        day = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    elif direction == COMING:
        day = pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
    else:
        day = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
    return day.isoformat(), "day", True, "gregorian"


def _period(p: dict, pub: Optional[Date]) -> Result:
    return _shift(p["unit"], p["dir"], pub)


def _offset(p: dict, pub: Optional[Date]) -> Result:
    return _shift(p["unit"], p["n"], pub)


def _vague(p: dict, pub: Optional[Date]) -> Result:
    return None, None, True, None


def _shift(unit: str, n: int, pub: Optional[Date]) -> Result:
    """The ``unit`` (day, week, month, year) that is ``n`` units from publication."""
    if pub is None:
        return None, unit, True, "gregorian"
    if unit == "day":
        return (pub + dt.timedelta(days=n)).isoformat(), "day", True, "gregorian"
    if unit == "week":
        iso = (pub + dt.timedelta(weeks=n)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", "week", True, "gregorian"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", True, "gregorian"
    return f"{pub.year + n:04d}", "year", True, "gregorian"


# -- helpers --------------------------------------------------------------------------------
def _date(year: int, month: int, day: int) -> Optional[Date]:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _nearest_year(pub: Date, make: Callable[[int], Optional[Date]]) -> int:
    """The year, of the publication year and its neighbours, that puts the date nearest to
    publication («12 يوليو» in an article of 3 January is last July)."""
    return min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs((make(y) - pub).days))


def _month_year(pub: Date, month: int, direction: int) -> int:
    """The year of «ديسمبر الماضي» (the last December before publication), «مارس المقبل»
    (the next March) or «يوليو الجاري» (this July)."""
    if direction < 0:
        return pub.year if month < pub.month else pub.year - 1
    if direction > 0:
        return pub.year if month > pub.month else pub.year + 1
    return pub.year


def _snap(day: Date, weekday: int) -> Date:
    """The date with ``weekday`` nearest to ``day`` (at most 3 days away)."""
    delta = (weekday - day.weekday()) % 7
    return day + dt.timedelta(days=delta if delta <= 3 else delta - 7)


_RESOLVERS: dict[str, Callable[[dict, Optional[Date]], Result]] = {
    "numeric": _numeric, "gregorian": _gregorian, "hijri": _hijri, "year": _year,
    "deictic": _deictic, "weekday": _weekday, "period": _period, "offset": _offset,
    "vague": _vague,
}
