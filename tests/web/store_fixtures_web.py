"""A minimal marsad/1 record for the web display tests."""
from __future__ import annotations


def record_with_title(article_id: str, title: str) -> dict:
    """A record with ``title`` and a short text («The minister said there is no retreat»)."""
    return {"schema": "marsad/1", "id": article_id, "title": title, "published": "2015-07-21",
            "outlet": "okaz", "text": "قال الوزير إنه لا تراجع.", "entities": [], "quotes": [],
            "events": [], "dates": [], "errors": []}
