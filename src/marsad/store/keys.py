"""The key that groups one actor's entities across the articles of a store."""
from __future__ import annotations

from typing import Optional

from marsad.text.normalize import normalize


def actor_key(name: Optional[str], name_en: Optional[str], role: Optional[str] = None,
              country: Optional[str] = None) -> str:
    """The key that groups an actor's entities across articles: its English name in lower
    case when known («vladimir putin»), else its folded Arabic name. An actor named only by
    what it is («الحكومة», «السلطات», «الجيش», «وزير الخارجية»: its English name is its
    role) is a different actor in each country: its key carries the country
    ("government (SAU)"), so the governments of thirty countries are not one actor."""
    if name_en and name_en.strip():
        key = " ".join(name_en.lower().split())
        if country and role and key == " ".join(role.lower().split()):
            return f"{key} ({country})"
        return key
    return " ".join(normalize(name or "").split()) or "?"
