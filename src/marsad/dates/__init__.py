"""Dates in Arabic news: spot every date expression and resolve it against the publication
date. ``find_dates(text, published)`` is the entry point; see docs/dates.md."""
from marsad.dates.resolve import InvalidPublishedDate, find_dates
from marsad.dates.spotter import month_names

__all__ = ["find_dates", "InvalidPublishedDate", "month_names"]
