"""Where and when: the place and the date attached to an event.

The place is the location named near the trigger in its sentence («محادثات قمة … في مطار
قاعدة فوستوشني الفضائية بمقاطعة آمور» → Vostochny); the date is the date expression of the
sentence nearest the trigger (``doc._.dates``), else the publication date for news stated
in the past or present (the coder decides that).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Optional

from marsad.events.actors import Mention
from marsad.events.arguments import Frame, Group
from marsad.events.lexicon import PERF, PERF1
from marsad.events.trigger import Hit
from marsad.model import DateRef
from marsad.periods import bounds
from marsad.text.normalize import normalize

PLACE_TARGET_TYPES = frozenset({"CONSULT", "ASSAULT", "COERCE"})  # «محادثات في المملكة»
PLACE_TARGET_SPAN = 6  # words after the trigger the first locative phrase is looked for
OBJECT_PLACE_TYPES = frozenset({"ASSAULT"})  # strikes on positions in a place: the place's country
OBJECT_PLACE_SPAN = 5  # words of the struck object before its place phrase
PLACE_BACK_SENTENCES = 0  # sentences back an arrest's or raid's place is looked for
# normalised لكن لكنه لكنها ولكن إلا فيما حيث كما وكما: what follows tells another
# event, whose date is not the trigger's
DATE_BREAKS = frozenset(normalize(w) for w in "لكن لكنه لكنها ولكن إلا فيما وفيما حيث كما وكما".split())
# before the trigger, a word turning to another thread («..., غير أنهم ...», «في هذه الأثناء»,
# «وفي غضون ذلك»): a date before it tells what came before the turn («حيث», «كما» do not turn)
TURNS = frozenset(normalize(w) for w in "لكن لكنه لكنها ولكن إلا فيما وفيما الأثناء غضون".split())
BUT = normalize("غير")  # «غير أن/أنه/أنهم» (however), not «غير معلنة» (unannounced)
PAST = frozenset({PERF, PERF1})  # tenses of a trigger telling what happened


def place_near(f: Frame, hit: Hit, lo: int, hi: int) -> Optional[Mention]:
    """The place named near the trigger: the first location after it in the sentence,
    else the nearest before it. A visit's destination counts («زيارة إلى بغداد»)."""
    visit = hit.entry.mode == "visit"
    best_before = None
    for k, m in enumerate(f.mentions):
        first = f.span[k][0]
        if m.place is None or not (lo <= first < hi):
            continue
        located = f.locative[k] or (visit and f.prep[k] in ("الي", "ل"))
        if not located:
            continue
        if first > hit.last:
            return m
        best_before = m
    return best_before


def agent_setting(f: Frame, k: int, place: Optional[Mention], story: dict[str, str],
                  dominant: Optional[str] = None) -> Optional[str]:
    """The country of an agent of no country of its own («قوات الأمن», «المسلحون»,
    «السلطات»): the story places it (GUIDELINES: such an actor is coded by the country where
    the story happens). The place governing the trigger's clause (``place``,
    :func:`clause_place`), else the country the entities step gave the agent's entity (the
    story's, or a coreferent name's: «الجيش» after «الجيش التركي»), else the article's
    ``dominant`` country. None when it is no such agent or nothing places it."""
    m = f.mentions[k]
    if not m.agent or m.country:
        return None
    if place is not None and place.place is not None and place.place.country:
        return place.place.country
    return (story.get(m.entity) if m.entity is not None else None) or dominant


def clause_place(f: Frame, hit: Hit, lo: int, hi: int) -> Optional[Mention]:
    """The located place of the trigger's clause: the first after the trigger before a comma
    or the clause's end («اعتقلت الشرطة ... في محافظة الأنبار»), else the nearest before it
    with no comma or clause end between («في محافظة أبين، ...» is another clause)."""
    def cut(j: int) -> bool:
        return f.stops(j) or f.words[j].kind == "punct" and f.words[j].text in "،,"
    after = next((j for j in range(hit.last + 1, hi) if cut(j)), hi)
    before = next((j for j in range(hit.head - 1, lo - 1, -1) if cut(j)), lo - 1)
    best = None
    for k, m in enumerate(f.mentions):
        first = f.span[k][0]
        if m.place is None or not m.place.country or not f.locative[k] or not (before < first < after):
            continue
        if first > hit.last:
            return m
        best = m
    return best


def _stateless(f: Frame, j: int) -> bool:
    """Is word ``j`` part of a group of no country and no place («تنظيم داعش»)?"""
    k = f.owner.get(j)
    return k is not None and not f.mentions[k].country and f.mentions[k].place is None


def place_target(f: Frame, hit: Hit, place: Optional[Mention], source: Optional[Group],
                 after: int) -> Optional[Group]:
    """Talks in a country, strikes on a town: the country of the place named in the
    first locative phrase right after the trigger is the target."""
    if place is None or hit.entry.type not in PLACE_TARGET_TYPES or not place.place.country:
        return None
    k = f.mentions.index(place)
    j = start = max(after, hit.last + 1)
    while j < min(len(f.words), start + PLACE_TARGET_SPAN) and f.same_sentence(j, hit.head) \
            and not f.stops(j, quotes=False):
        if j in f.owner and (f.mentions[f.owner[j]].country or f.mentions[f.owner[j]].place):
            break  # a stateless group («أهدافا لداعش في سورية») does not stop the search
        if j in f.owner and hit.entry.type == "CONSULT" and f.prep[f.owner[j]] in (None, "ل") \
                and f.mentions[f.owner[j]].kind in ("institution", "org"):
            return None  # «الاجتماع الحالي للجنة الأولمبية الدولية في ماليزيا»: the body's own session
        if f.is_("locative", j) or f.key(j) in ("علي", "الي"):
            break
        j += 1
    if hit.entry.type in OBJECT_PLACE_TYPES and j < len(f.words) and f.key(j) in ("علي", "ضد"):
        j = _past_object(f, j)  # «غارات على معسكر اللواء 35 في مدينة المخاء»: where what was hit is
    while j + 1 < len(f.words) and (j + 1 not in f.owner and f.is_("locative", j + 1) or _stateless(f, j + 1)):
        j += 1  # «في شمال العراق», «على مناطق في سورية», «مواقع لتنظيم داعش في سوريا»
    if f.span[k][0] - j not in (0, 1):
        return None  # the first place phrase after the trigger is not this place
    src = {f.mentions[s].country for s in source or []}
    if hit.entry.type == "CONSULT" and place.place.country in src:
        return None  # a minister's talks at home: the place is no counterpart
    return [k]


def _past_object(f: Frame, j: int) -> int:
    """The locative word after the object of a strike at ``j`` («على»/«ضد»): past at most
    OBJECT_PLACE_SPAN plain nouns, numbers and names of no country («معسكرات الحزب», «معسكر
    "اللواء 35"»), in its clause; ``j`` when no locative word follows so."""
    for i in range(j + 1, min(len(f.words), j + 1 + OBJECT_PLACE_SPAN)):
        if not f.same_sentence(i, j) or f.stops(i, quotes=False) or f.words[i].text in "،,":
            return j
        k = f.owner.get(i)
        if k is not None and (f.mentions[k].country or f.mentions[k].place):
            return j  # a side of its own («على مواقع الحوثيين»), or a place named as the object
        if f.is_("locative", i) and k is None:
            return i - 1 if i - 1 > j else j
    return j


def place_back(f: Frame, hit: Hit, source: Group) -> Optional[Group]:
    """Where an arrest or raid with no one named as its target falls: the nearest place
    named before it behind «في/ب» in its sentence, when that is in another country than
    the side acting («في الضفة الغربية ... قوات الاحتلال باقتحام»); None when it is in the
    actor's own country (then its own people are the target)."""
    sentence = f.sentence_of[hit.head]
    mine = {f.mentions[s].country for s in source}
    for k in range(bisect_right(f.mention_firsts, hit.last) - 1, -1, -1):
        m, first = f.mentions[k], f.span[k][0]
        if first > hit.last or m.place is None or not m.place.country or not f.locative[k]:
            continue
        if sentence - f.sentence_of[first] > PLACE_BACK_SENTENCES:
            return None
        return None if m.place.country in mine else [k]
    return None


def date_near(f: Frame, dates: list[DateRef], hit: Hit, lo: int, hi: int, own: bool = False,
              published: Optional[dt.date] = None) -> Optional[DateRef]:
    """The resolved date expression of the sentence nearest the trigger, if any; with
    ``own``, not one that tells another event's time (:func:`_past_contrast`, :func:`_turned`), nor one
    after ``published`` for a trigger in the past tense (what an article says happened did
    not happen after it was published: «بحثت ... الحملة الانتخابية عام 2016»). The
    background test reads any date of the sentence: an old one there marks it as history."""
    words = f.words
    a = words[lo].start if lo < len(words) else 0
    b = words[hi - 1].end if 0 < hi <= len(words) else a
    inside = [d for d in dates if a <= d.start < b and d.value
              and not (own and (_past_contrast(f, hit, d) or _turned(f, hit, d) or _after(hit, d, published)))]
    return min(inside, key=lambda d: abs(d.start - hit.start), default=None)


def _after(hit: Hit, d: DateRef, published: Optional[dt.date]) -> bool:
    """Is ``d`` wholly after ``published`` while the trigger is a verb in the past tense?"""
    if published is None or hit.tense not in PAST:
        return False
    first = bounds(d.value)
    return first is not None and first[0] > published


def _turned(f: Frame, hit: Hit, d: DateRef) -> bool:
    """Does date ``d`` stand before the trigger beyond a word that turns to another thread
    («ومنذ سيطرة الحوثيين على صنعاء في سبتمبر الماضي ... غير أنهم ... تكثف القوات هجماتها»)?"""
    if d.start >= hit.start:
        return False
    first = bisect_right(f.word_starts, d.start)
    return any(f.key(j) in TURNS or f.key(j) == BUT and f.key(j + 1).startswith("ان")
               for j in range(first, hit.head))


def _past_contrast(f: Frame, hit: Hit, d: DateRef) -> bool:
    """Does date ``d`` stand after the trigger beyond a word opening a clause of another
    event («لكنه كان سيضطر للرحيل ... في فبراير القادم», «فيما»; not «بينما كان», while)? A relative
    clause on the trigger («المحادثات التي جرت أمس») or a «when» clause still dates it."""
    if d.start <= hit.end:
        return False
    end = bisect_right(f.word_starts, d.start) - 1
    return any(f.key(j) in DATE_BREAKS for j in range(hit.last + 1, end))
