"""The days a date value covers: days, ISO weeks, months and years as intervals that sort
in time order (as text «2015-W29» sorts after «2015-10-15»)."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from marsad.periods import bounds, iso_bounds, precision_of


@pytest.mark.parametrize("value, precision, first, last", [
    ("2015-07-21", "day", "2015-07-21", "2015-07-21"),
    ("2015-W29", "week", "2015-07-13", "2015-07-19"),        # Monday to Sunday
    ("2015-W01", "week", "2014-12-29", "2015-01-04"),        # ISO week 1 starts in December
    ("2015-W53", "week", "2015-12-28", "2016-01-03"),        # 2015 has 53 ISO weeks
    ("2015-07", "month", "2015-07-01", "2015-07-31"),
    ("2016-02", "month", "2016-02-01", "2016-02-29"),        # a leap February
    ("2015", "year", "2015-01-01", "2015-12-31"),
    ("2023-09-13T10:00", "day", "2023-09-13", "2023-09-13"),  # a time is ignored
    ("2023-09-13 10:00:00", "day", "2023-09-13", "2023-09-13"),
])
def test_dates_periods_bounds(value, precision, first, last):
    assert precision_of(value) == precision
    assert iso_bounds(value) == (first, last)


@pytest.mark.parametrize("value", [None, "", "2015-13-01", "2015-99-99", "2015-02-30", "2015-13",
                                   "2014-W53", "2015-W00", "W29-2015", "2015-7-1", "أمس", 2015])
def test_dates_periods_not_a_date(value):
    assert bounds(value) is None and precision_of(value) is None
    assert iso_bounds(value) == (None, None)


def test_dates_periods_sort_in_time_order():
    values = ["2015-10-15", "2015-W29", "2015-07", "2015-07-20", "2015"]
    assert sorted(values) == ["2015", "2015-07", "2015-07-20", "2015-10-15", "2015-W29"]  # as text
    by_time = sorted(values, key=lambda v: bounds(v)[0])
    assert by_time == ["2015", "2015-07", "2015-W29", "2015-07-20", "2015-10-15"]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_periods_a_day_lies_in_its_week_month_and_year(day):
    iso = day.isocalendar()
    for value in (day.isoformat(), f"{iso[0]:04d}-W{iso[1]:02d}", day.isoformat()[:7], str(day.year)):
        first, last = bounds(value)
        assert first <= day <= last
