"""marsad/1 records whose events are dated by a day, an ISO week, a month, a year or not at
all (then the article's publication day stands), as the events step writes them: for the
store and web tests of sorting and filtering by time («2015-W29» sorts after «2015-10-15»
as text; it is 13–19 July 2015)."""
from __future__ import annotations

# «Saudi Arabia and Russia ...»: one sentence, the evidence of every event below.
TEXT = "بحثت السعودية وروسيا التعاون بين البلدين."
EVIDENCE = {"start": 0, "end": len(TEXT) - 1, "text": TEXT[:-1]}

# (article id, published, event type, event date); the events' order by time, newest first:
# 2015-10-15, 2015-08-01 (no date: published), 2015-07-21, W29 (13-19 July), July, 2015.
EVENTS = [
    ("d-day-oct", "2015-10-16", "CONSULT", "2015-10-15"),
    ("d-week", "2015-07-21", "COOPERATE", "2015-W29"),
    ("d-month", "2015-08-03", "AGREE", "2015-07"),
    ("d-year", "2015-08-04", "SUPPORT", "2015"),
    ("d-day-jul", "2015-07-22", "COOPERATE", "2015-07-21"),
    ("d-none", "2015-08-01", "AID", None),
]
NEWEST_FIRST = ["d-day-oct", "d-none", "d-day-jul", "d-week", "d-month", "d-year"]


def dated_record(article_id: str, published: str, kind: str, date) -> dict:
    """A record of one event SAU → RUS of ``kind`` dated ``date``; ``date_precision``,
    ``date_start`` and ``date_end`` are left out, as in records written before them."""
    return {
        "schema": "marsad/1", "id": article_id, "url": None, "outlet": "synthetic",
        "title": f"حدث {article_id}", "published": published, "author": None, "text": TEXT,
        "entities": [], "quotes": [], "dates": [], "places": [], "errors": [], "meta": {},
        "events": [{"type": kind, "mode": None,
                    "source": {"entity": None, "country": "SAU", "sector": "GOV"},
                    "target": {"entity": None, "country": "RUS", "sector": "GOV"},
                    "place": None, "date": date, "evidence": dict(EVIDENCE)}],
    }


def dated_records() -> list[dict]:
    return [dated_record(*row) for row in EVENTS]
