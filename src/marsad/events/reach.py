"""The learnt stage's pass over one text (:mod:`marsad.events.learned` holds its features
and model): the candidates of every asserted trigger with actors in reach, and the events
the model accepts beside the rules'.

``run`` is the coder's pass over the text (:class:`marsad.events.coder` ``_Run``): its
frame ``f``, ``hits``, sentence ``bounds``, ``quotes``, ``dates``, ``text``, ``published``
and the ``asserted``/``history``/``opens`` tests the rules use.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any, Optional

from marsad.events import learned
from marsad.events.learned import STATE_SECTORS, STRONG, Candidate, Item, items_of
from marsad.events.lexicon import FUT
from marsad.events.setting import date_near, place_near
from marsad.events.trigger import Hit
from marsad.model import Actor, Event, Span

RULES_ONLY_MODES = frozenset({"projectile"})  # triggers the model was not trained on
Run = Any  # marsad.events.coder._Run (not imported: the coder imports this module)


def candidates(run: Run, entities: list, body_start: int) -> list[Candidate]:
    """Every trigger × actors in reach (:mod:`marsad.events.learned`); history
    background and triggers in other articles' titles are left out."""
    f = run.f
    items = items_of(run.text, f.words, entities, body_start)
    firsts = [i.first for i in items]
    by_entity = {e.id: e for e in entities}
    out: list[Candidate] = []
    for hit in run.hits:
        if hit.entry.mode in RULES_ONLY_MODES:
            continue  # the projectile rule reads its own sides (events/projectile.py)
        s = f.sentence_of[hit.head]
        lo, hi = run.bounds[s]
        here = items[bisect_left(firsts, lo):bisect_left(firsts, hi)]
        prev = []
        if s > 0 and f.words[run.bounds[s - 1][1] - 1].end + 2 >= f.words[lo].start:  # the sentence just before
            a, b = run.bounds[s - 1]
            prev = items[bisect_left(firsts, a):bisect_left(firsts, b)]
        here = [i for i in here if not (i.label in ("LOC", "FAC") and run.opens(i.first, lo))]  # datelines
        speaker = _quote_speaker(run, hit, by_entity)
        if not here and not prev and speaker is None or not run.asserted(hit, lo, hi) \
                or run.history(hit, lo, hi):
            continue  # no actor in reach, negated or hypothetical, or background
        found = learned.candidates(hit, lo, hi, s, here, prev, speaker, True, _roles(run, hit, hi))
        for c in found:
            c.sentence = (f.words[lo].start, f.words[hi - 1].end)
        out += found
    return out


def _roles(run: Run, hit: Hit, hi: int) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the subject and target the argument reader finds for a
    trigger (its lexicon mentions), as evidence for the learnt stage."""
    f = run.f
    if hit.is_verb:
        subject = f.subject_before(hit.head) or f.subject_after(hit.head, hit.transitive)
    else:
        lv = f.light_verb(hit.head)
        subject = (f.subject_before(lv) or f.subject_after(lv)) if lv is not None else f.genitive(hit.last)
    target, _ = f.targets(hit, hit.last + 1, hi)
    span = lambda group: [(f.mentions[k].start, f.mentions[k].end) for k in group or ()]  # noqa: E731
    return {"subject": span(subject), "target": span(target)}


def _quote_speaker(run: Run, hit: Hit, entities: dict) -> Optional[Item]:
    for q in run.quotes_around(hit):
        if q.speaker.entity:
            e = entities.get(q.speaker.entity)
            if e is not None and e.country:
                return Item(-1, -1, q.speaker.start or 0, q.speaker.end or 0, e.country, e.sector,
                            e.label, e.id, getattr(e, "country_source", None) in STRONG, None)
    return None


def decide(run: Run, scored: list, model: dict, taken: set, read: frozenset = frozenset()) -> list[Event]:
    """Events for the triples the model scores at least its threshold that the rules
    did not code, each with its first candidate's sentence as evidence. A triple whose
    first candidate's trigger the rules coded (``read``: their triggers' starts) is left:
    the rules read that trigger's sides, another pair is a misreading of it."""
    out = []
    for key, vector, c in scored:
        if key in taken or key[0] == key[2] and (key[1] not in run.coder.domestic or _self_act(c)):
            continue  # as the rules: a minister meeting his own president is no event
        if c.hit.start in read:
            continue  # «استهدفت طائرات الأباتشي السعودية ... تجمعات لمليشيات الحوثي ... قرب حدود جازان»
        if learned.score(vector, model) < model["threshold"]:
            continue
        out.append(_learned_event(run, c))
    return out


def _self_act(c: Candidate) -> bool:
    """Is a same-country candidate an organ of a state acting on the state's own name
    (its country or capital)? «وجدد مجلس الوزراء إدانة المملكة», «أعلن البنتاغون أن
    الولايات المتحدة نفذت أول غارة»: the state does not act on itself. (The place as
    source may stand for its people: «شهد العراق مظاهرات ... ضد حكومة».)"""
    s, t = c.source, c.target
    return t is not None and t.label == "LOC" and s.label != "LOC" \
        and s.sector in STATE_SECTORS and t.sector in STATE_SECTORS


def _learned_event(run: Run, c: Candidate) -> Event:
    f, hit = run.f, c.hit
    inside = [i for i in (c.source, c.target) if i is not None and i.first >= 0 and c.lo <= i.first < c.hi]
    a = min([hit.start] + [i.start for i in inside])
    b = max([hit.end] + [i.end for i in inside])
    d = date_near(f, run.dates, hit, c.lo, c.hi, own=True, published=run.published)
    date = d.value if d else (run.published.isoformat() if run.published and hit.tense != FUT else None)
    place = place_near(f, hit, c.lo, c.hi)
    src = Actor(entity=c.source.entity, country=c.source.country, sector=c.source.sector)
    if c.source.entity is not None and c.source.entity == run.reporter(hit):  # the act's reporter
        src = Actor(entity=None, country=c.source.country, sector=None)
    tgt = Actor(entity=c.target.entity, country=c.target.country, sector=c.target.sector) if c.target else None
    evidence = Span(a, b, run.text[a:b])
    return Event(type=hit.entry.type, evidence=evidence, source=src, target=tgt, mode=hit.entry.mode,
                 place=place.place if place else None, date=date,
                 trigger=Span(hit.start, hit.end, run.text[hit.start:hit.end]), evidence_all=[evidence])
