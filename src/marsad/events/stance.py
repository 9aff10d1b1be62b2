"""Sides of a stance that its trigger's words hold, where the argument reader does not look.

Found by frequency (session 16, events25): the stance triggers of a stride sample of the
corpus that the coder left without an event, in sentences naming two actors with a country,
ranked by the layout between the trigger and the side it missed (docs/events.md).

- **An object inside the trigger's own words.** A trigger with a companion word lets
  actors' names stand between its head and the companion (``~`` in ``triggers.tsv``):
  «حمّلت الرئاسة الفلسطينية سلطات الاحتلال الإسرائيلية مسؤولية استشهاد الرضيع», «محملا
  مسلحي الحوثي المسؤولية». The target reader looks after the companion; the one held
  responsible stands before it, after the subject.
"""
from __future__ import annotations

from typing import Optional

from marsad.events.arguments import Frame, Group
from marsad.events.trigger import Hit


def object_inside(f: Frame, hit: Hit, source: Optional[Group]) -> Optional[Group]:
    """The free actor standing between the trigger's head (or its subject, when the subject
    follows the head) and its companion word: the object of a verb whose companion closes
    the trigger («حمّل X مسؤولية»). None for a trigger of one word, or when no free actor
    stands there, or when a preposition or a verb comes first («تحمل على عاتقها مسؤولية»)."""
    if not hit.is_verb or hit.last <= hit.head or "obj" not in hit.entry.target:
        return None
    start = hit.head + 1
    if source:
        end = f.span[source[-1]][1]
        if hit.head < end < hit.last:
            start = end + 1  # «حمّل نائب الرئيس العراقي أسامة النجيفي | نظيره ... المسؤولية»
    for j in range(start, hit.last):
        k = f.owner.get(j)
        if source and k in source:
            continue
        if k is None:
            if f.is_noun(j) or f.is_("skip", j):
                continue  # «سلطات الاحتلال الإسرائيلية», «أيضا»
            return None  # «تحمل على عاتقها مسؤولية»: a preposition or a verb first
        if f.span[k][1] >= hit.last:
            return None  # the companion is part of the name: read by the target reader
        if not f.free(k):
            return None  # «أعرب للصين عن قلقه»: under a preposition (the nationality of the
            # object's noun stands for its owner: «سلطات الاحتلال الإسرائيلية»)
        return f.group(f.holder(k))
    return None
