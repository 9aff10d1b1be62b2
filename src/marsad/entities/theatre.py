"""Which coalition a bare «التحالف» names: the theatre of the story.

In the Saudi press «التحالف», «قوات التحالف», «طيران التحالف» are the Saudi-led coalition in
Yemen: the lexicon's reading of those words (its row is flagged ``context``). In a story set
in Iraq or Syria that names nothing Yemeni, the same words name the US-led coalition against
Daesh («نفذت الولايات المتحدة والتحالف 27 غارة في سوريا», «مدعومة بغارات مكثفة من التحالف»),
which the lexicon codes by its leader, USA, as it codes the other by Saudi Arabia.
A name that says which coalition it is («التحالف العربي», «تحالف دعم الشرعية», «التحالف
بقيادة السعودية») keeps its reading.
"""
from __future__ import annotations

from typing import Callable, Optional

from marsad.entities.coref import Cluster
from marsad.text.normalize import normalize

SAUDI_LED = "Saudi-led coalition"  # name_en of the lexicon rows
US_LED_NAME = "التحالف الدولي"  # a name of the US-led coalition's row
# words that name the Saudi-led coalition outright, whatever the story
OWN_WORDS = frozenset(normalize(w) for w in "العربي الشرعية السعودية المملكة".split())
THEATRES = frozenset({"IRQ", "SYR"})  # where a bare «التحالف» is the US-led coalition
HOME = "YEM"  # where it is the Saudi-led one


def bare(name: str) -> bool:
    """Does the name leave the coalition unsaid («قوات التحالف», «التحالف»)?"""
    return not OWN_WORDS & set(normalize(name).split())


def elsewhere(countries: set[str]) -> bool:
    """Do the countries an article names set it in Iraq or Syria, not Yemen?"""
    return HOME not in countries and bool(countries & THEATRES)


def us_led(lookup: Callable[[str], tuple]) -> Optional[object]:
    """The lexicon's US-led coalition (``lookup``: the lexicon's entries by name)."""
    return next((e for e in lookup(US_LED_NAME) if getattr(e, "name_en", None) and e.name_en != SAUDI_LED), None)


def coalition_theatre(clusters: list[Cluster], countries: set[str], lookup: Callable[[str], tuple]) -> list[Cluster]:
    """Clusters with a bare Saudi-led coalition read as the US-led one when the article's
    country marks (``countries``: names, places, nationalities, groups) hold Iraq or Syria
    and nothing Yemeni («للشعب اليمني» counts) (``lookup``: the lexicon's entries by name)."""
    coalitions = [c for c in clusters if (k := c.lexical) is not None and k.actor is not None
                  and k.actor.name_en == SAUDI_LED and all(bare(m.text) for m in c.names)]
    if not coalitions or not elsewhere(countries):
        return clusters
    actor = us_led(lookup)
    if actor is not None:
        for c in coalitions:
            c.lexical.actor = actor
    return clusters
