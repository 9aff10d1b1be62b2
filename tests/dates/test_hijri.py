"""The tabular Hijri calendar against known Umm al-Qura dates (±1 day, see hijri.py)."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from marsad.dates import hijri


@pytest.mark.parametrize("hijri_date, gregorian", [
    ((1436, 9, 1), "2015-06-18"),    # 1 Ramadan 1436
    ((1437, 1, 1), "2015-10-14"),    # 1 Muharram 1437 (tabular: 15th)
    ((1436, 10, 1), "2015-07-17"),   # Eid al-Fitr 1436
    ((1436, 12, 10), "2015-09-24"),  # Eid al-Adha 1436
    ((1445, 1, 1), "2023-07-19"),
    ((1444, 9, 1), "2023-03-23"),
    ((1400, 1, 1), "1979-11-21"),
])
def test_hijri_to_gregorian_within_one_day(hijri_date, gregorian):
    got = hijri.to_gregorian(*hijri_date)
    assert abs((got - dt.date.fromisoformat(gregorian)).days) <= 1


def test_hijri_exact_reference_points():
    # Reingold & Dershowitz "islamic" (civil epoch) values.
    assert hijri.to_gregorian(1, 1, 1) == dt.date(622, 7, 19)  # proleptic Gregorian of 16 July 622 Julian
    assert hijri.to_gregorian(1436, 9, 1) == dt.date(2015, 6, 18)
    assert hijri.to_gregorian(1437, 1, 1) == dt.date(2015, 10, 15)


def test_hijri_leap_years_of_the_cycle():
    assert [y for y in range(1, 31) if hijri.is_leap(y)] == [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]


@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_hijri_round_trip(day):
    y, m, d = hijri.from_gregorian(day)
    assert 1 <= d <= hijri.month_length(y, m)
    assert hijri.to_gregorian(y, m, d) == day


@pytest.mark.parametrize("bad", [(1436, 13, 1), (1436, 0, 1), (1436, 9, 31), (1436, 9, 0)])
def test_hijri_rejects_impossible_dates(bad):
    with pytest.raises(hijri.InvalidHijriDate):
        hijri.to_gregorian(*bad)
