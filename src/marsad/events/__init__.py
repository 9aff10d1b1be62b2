"""Events: PLOVER events (type, source, target, place, date, evidence) coded from Arabic
news with an event lexicon (``data/triggers.tsv``) and the sentence's structure.

Importing the package registers the ``marsad_events`` pipeline step; see docs/events.md.
"""
from marsad.events.coder import Coded, EventCoder
from marsad.events.component import EventsComponent

__all__ = ["Coded", "EventCoder", "EventsComponent"]
