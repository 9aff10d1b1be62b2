"""Sides of a stance that its trigger's words hold, where the argument reader does not look.

Found by frequency (session 16, events25): the stance triggers of a stride sample of the
corpus that the coder left without an event, in sentences naming two actors with a country,
ranked by the layout between the trigger and the side it missed (docs/events.md).

- **An object inside the trigger's own words.** A trigger with a companion word lets
  actors' names stand between its head and the companion (``~`` in ``triggers.tsv``):
  «حمّلت الرئاسة الفلسطينية سلطات الاحتلال الإسرائيلية مسؤولية استشهاد الرضيع», «محملا
  مسلحي الحوثي المسؤولية». The target reader looks after the companion; the one held
  responsible stands before it, after the subject.
- **The doer of a deed named by «ما».** «أدان ما تقوم به قوات الاحتلال الإسرائيلي من
  اعتداءات», «يرفضون ما يقوم به الحوثيون», «استنكرت ما وصفته الاستفزازات الإسرائيلية»: what is
  condemned or rejected is the doer's deed, named after the verb of doing (or of calling it
  so); the doer is the target, as with «ما قاله X» (``Frame.phrase_agent``).
"""
from __future__ import annotations

from typing import Optional

from marsad.events.arguments import Frame, Group
from marsad.events.trigger import Hit
from marsad.text.normalize import normalize

WHAT = frozenset(("ما", "بما", "لما"))  # normalised «ما», «بما», «لما»: what (was done)
# normalised verbs of doing after «ما», whose subject is the doer («ما تقوم به X», «ما ارتكبه X»)
DEED_VERBS = frozenset(normalize(w) for w in (
    "تقوم يقوم قام قامت يقومون قاموا ترتكبه يرتكبه ارتكبه ارتكبته ترتكبها يرتكبها يرتكبونه "
    "ارتكبوه تمارسه يمارسه مارسه مارسته يمارسونه تشنه يشنه شنه شنته اقترفه اقترفته يقترفه "
    "تقترفه اقترفوه").split())
CALLED = frozenset(normalize(w) for w in "وصفه وصفته وصفوه اسماه اسمته".split())  # «ما وصفته X»
THEREBY = frozenset(("به", "بها", "بهم"))  # «ما تقوم به»: the resumptive on the verb of doing
DEED_REACH = 3  # words of the doer's noun phrase before its actor («قوات الاحتلال الإسرائيلي»)


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


def deed_agent(f: Frame, start: int, stop: int) -> Optional[Group]:
    """The doer of the deed a stance's object names with «ما» at ``start`` (past skip
    words): the subject of a verb of doing right after it («ما تقوم به إسرائيل», «ما
    يرتكبه الحوثيون», «ما تقوم به قوات الاحتلال الإسرائيلي»), or the nationality on the deed
    named after «ما وصفته» («ما وصفته الاستفزازات الإسرائيلية», «ما وصفه بالتدخل التركي»).
    None when no actor of the phrase acts («ما قاموا به»: a pronoun; «ما قام به في سوريا»)."""
    j = f.past_skips(start, stop)
    if j + 2 >= stop or f.words[j].kind != "word" or f.key(j) not in WHAT or not f.same_sentence(j + 2, j):
        return None
    v, i = j + 1, j + 2
    if f.key(v) in DEED_VERBS:
        i += f.key(i) in THEREBY
    elif f.key(v) not in CALLED:
        return None
    for n in range(i, min(stop, i + DEED_REACH + 1)):
        if not f.same_sentence(n, j) or f.words[n].kind != "word":
            return None
        k = f.mention_at(n)
        if k is not None:
            ok = f.mentions[k].can_act and not f.locative[k] and (f.prep[k] is None or f.adjective[k])
            return f.group(f.holder(k)) if ok and not f.mentions[k].clitic else None
        if n > i and not f.is_noun(n):
            return None  # the doer's noun phrase ends: «ما قام به في سوريا»
    return None
