"""Projectiles that fell somewhere: who fired them and where they fell.

Saudi press of 2015 reports the Houthis' cross-border shelling mostly by its projectiles,
with no verb of attack and no attacker as a subject: «سقوط مقذوف عسكري من داخل الأراضي
اليمنية على قرية بمنطقة جازان», «المقذوفات الحوثية التي سقطت على عدد من القرى», «تعرض مركز
المسيال ... لقذائف عسكرية كثيفة من داخل الأراضي اليمنية». The projectile noun (mode
``projectile`` in ``triggers.tsv``) is the attack; its source is where it came from — the
nationality on the noun («الحوثية») or the country after «من» («من داخل الأراضي اليمنية»,
«من اليمن») — and its target the country of the place it fell on, the place named near it
in its sentence. Nothing is coded when the origin is not named: the subject of the
sentence («تصدت القوات السعودية لقذائف») is most often the side that was hit.
"""
from __future__ import annotations

from typing import Optional

from marsad.events.arguments import Frame, Group
from marsad.events.setting import place_near
from marsad.events.trigger import Hit
from marsad.text.normalize import normalize

# normalised words between a projectile and its nationality («قذائف عسكرية كثيفة حوثية»)
# or between «من» and the country it came from («من داخل الأراضي اليمنية»)
QUALIFIERS = frozenset(normalize(w) for w in (
    "عسكري عسكرية عسكريه كثيفة كثيف صاروخية صاروخي هاون الهاون مدفعية المدفعية "
    "داخل الأراضي الاراضي أراضي الحدود حدود الجانب العمق المناطق مناطق مواقع الشريط الحدودي").split())
ORIGIN_SPAN = 6  # words after the projectile in which «من» and its country are looked for
FROM = frozenset({"من"})


def projectile_sides(f: Frame, hit: Hit, lo: int, hi: int) -> Optional[tuple[Group, Group]]:
    """(source, target) of a projectile trigger: the origin named on or after the noun and
    the place it fell, when both are named and differ; None otherwise."""
    origin = _origin(f, hit, hi)
    if origin is None:
        return None
    place = place_near(f, hit, lo, hi)
    if place is None or place.place is None or not place.place.country:
        return None
    k = f.mentions.index(place)
    if k == origin:
        return None
    return [origin], [k]


def _origin(f: Frame, hit: Hit, hi: int) -> Optional[int]:
    """The mention naming where the projectile came from: a nationality or an owner right
    after the noun (qualifiers between), else a country after «من» within ORIGIN_SPAN words."""
    j = hit.last + 1
    while j < hi and f.words[j].kind == "word" and f.mention_at(j) is None and f.key(j) in QUALIFIERS:
        j += 1
    k = f.mention_at(j) if j < hi else None
    if k is not None and not f.locative[k] and f.mentions[k].can_act and f.mentions[k].country:
        return k  # «المقذوفات الحوثية», «قذائف حوثية», «قذائف الحوثيين»
    for i in range(hit.last + 1, min(hi, hit.last + 1 + ORIGIN_SPAN)):
        if f.words[i].kind != "word" or f.stops(i):
            return None
        if f.key(i) in FROM:
            j = i + 1
            while j < hi and f.words[j].kind == "word" and f.mention_at(j) is None and f.key(j) in QUALIFIERS:
                j += 1
            k = f.mention_at(j) if j < hi else None
            return k if k is not None and f.mentions[k].country else None
    return None
