"""Learnt event decisions: every trigger × every placed actor in reach, scored.

The hand-grown coder (:mod:`marsad.events.coder`) codes an event only when its argument
rules find both sides; it is precise and reaches few events. This stage reads more widely:
for each asserted trigger of the event lexicon, every pair of actors with a country in its
sentence (the entities of the actors step, with the countries :mod:`marsad.entities.placing`
gave them), the speaker of a quote around it, and the actors of the sentence before, make a
candidate (source, type, target). Each candidate gets features of the trigger (type, verb
or noun, asserted), of each side (before or after the trigger, how far, behind which
preposition, its sector and how sure its country is) and of the pair (same country, the rule
coder's own answer). A logistic model learnt from the gold events (``marsad train
events``, :mod:`marsad.training.events`) scores them; an article's (source, type, target)
takes the best score of its candidates, and those above the learnt threshold are events.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Optional, Sequence

from marsad.events.lexicon import NOUN
from marsad.events.trigger import Hit

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PREPOSITIONS = frozenset("مع على الي الى ضد من عن بين لدي تجاه ازاء حيال في ب ل".split())
STRONG = frozenset({"lexicon", "title", "adjective", "affiliation", "place"})
WEIGHTS = "event_weights.json"
MAX_PAIRS = 60  # candidates per trigger


@dataclass(frozen=True)
class Item:
    """An actor in reach of a trigger: a mention of an entity with a country."""

    first: int  # word indices
    last: int
    start: int  # characters
    end: int
    country: str
    sector: Optional[str]
    label: str
    entity: Optional[str]
    strong: bool  # placed by its own words (lexicon, title, ...), not by the story
    prep: Optional[str]  # the preposition it stands behind («مع», «ل», ...)


@dataclass
class Candidate:
    key: tuple[str, str, str]  # source country, type, target country ("" for none)
    features: list[float]
    hit: Hit
    source: Item
    target: Optional[Item]
    lo: int  # the sentence's words
    hi: int
    sentence: tuple[int, int] = (0, 0)  # the sentence's characters


def feature_names() -> tuple[str, ...]:
    names = ["bias", "verb", "noun", "asserted", "rule", "symmetric", "unilateral", "needtarget"]
    names += [f"type={t}" for t in TYPES]
    for side in ("src", "tgt"):
        names += [f"{side}_before", f"{side}_after", f"{side}_near", f"{side}_mid", f"{side}_far",
                  f"{side}_prep_ok", f"{side}_prep_other", f"{side}_gov", f"{side}_mil",
                  f"{side}_nonstate", f"{side}_per", f"{side}_org", f"{side}_loc", f"{side}_strong",
                  f"{side}_igo"]
    names += ["src_role_subject", "src_role_target", "tgt_role_target", "tgt_role_subject"]
    names += ["src_speaker", "src_prev", "src_subject", "tgt_none", "same_country", "domestic_ok",
              "countries_1", "countries_2", "countries_3plus", "first_sentences", "in_quote"]
    return tuple(names)


FEATURES = feature_names()
_INDEX = {name: i for i, name in enumerate(FEATURES)}
DOMESTIC = frozenset("ACCUSE REJECT THREATEN REQUEST PROTEST MOBILIZE COERCE ASSAULT CONCEDE RETREAT".split())


@lru_cache(maxsize=1)
def shipped_model() -> dict[str, Any]:
    """``{"weights": {feature: w}, "threshold": p}`` from ``data/event_weights.json``."""
    path = resources.files("marsad.events") / "data" / WEIGHTS
    return json.loads(path.read_text(encoding="utf-8"))


def items_of(text: str, words, entities: Sequence[Any], body_start: int) -> list[Item]:
    """Every body mention of an entity with a country, as word positions."""
    starts = [w.start for w in words]
    out = []
    for e in entities or ():
        if not e.country or e.label not in ("PER", "ORG", "LOC", "FAC"):
            continue
        for m in e.mentions:
            if m.start < body_start or m.field is not None:
                continue
            first = bisect_right(starts, m.start) - 1
            if first < 0 or words[first].end <= m.start:
                continue  # in a sentence the coder did not read
            last = max(first, bisect_right(starts, m.end - 1) - 1)
            out.append(Item(first, last, m.start, m.end, e.country, e.sector, e.label, e.id,
                            getattr(e, "country_source", None) in STRONG, _prep(text, words, first, m.start)))
    return sorted(out, key=lambda i: i.first)


def _prep(text: str, words, first: int, start: int) -> Optional[str]:
    """The preposition before a mention: a proclitic on it («لروسيا») or the word before."""
    w = words[first]
    if w.start < start:
        clitic = text[w.start:start].replace("و", "").replace("ف", "")
        if clitic[-1:] in ("ل", "ب"):
            return clitic[-1]
    if first > 0 and words[first - 1].key in PREPOSITIONS:
        return words[first - 1].key
    return None


def candidates(hit: Hit, lo: int, hi: int, sentence: int, items: list[Item], prev: list[Item],
               speaker: Optional[Item], asserted: bool, rule_keys: set, n_first: int,
               roles: Optional[dict[str, list[tuple[int, int]]]] = None) -> list[Candidate]:
    """The candidates of one trigger in the sentence of words ``[lo, hi)``. ``roles``:
    character spans the rule coder's argument reader takes for the trigger's ``subject``
    and ``target``."""
    roles = roles or {}
    entry = hit.entry
    here = [i for i in items if lo <= i.first < hi and not (i.first <= hit.head <= i.last)]
    sources = [(i, "here") for i in here] + [(i, "prev") for i in prev]
    if speaker is not None:
        sources.append((speaker, "speaker"))
    countries = {i.country for i in here}
    out = []
    for src, where in sources:
        for tgt in [None] + here:
            if tgt is src or (tgt is not None and tgt.country == src.country and tgt.entity == src.entity):
                continue
            key = (src.country, entry.type, tgt.country if tgt else "")
            x = [0.0] * len(FEATURES)
            on = lambda name, v=1.0: x.__setitem__(_INDEX[name], v)  # noqa: E731
            on("bias")
            on("verb" if hit.tense != NOUN else "noun")
            if asserted:
                on("asserted")
            if key in rule_keys:
                on("rule")
            for flag in ("symmetric", "unilateral", "needtarget"):
                if flag in entry.flags:
                    on(flag)
            on(f"type={entry.type}")
            _side(on, "src", src if where == "here" else None, hit, entry)
            _side(on, "tgt", tgt, hit, entry)
            for side, item in (("src", src), ("tgt", tgt)):
                if item is not None:
                    for role in ("subject", "target"):
                        if any(a < item.end and item.start < b for a, b in roles.get(role, ())):
                            on(f"{side}_role_{role}")
            if where == "speaker":
                on("src_speaker")
            elif where == "prev":
                on("src_prev")
            elif hit.tense != NOUN and (src.last < hit.head and hit.head - src.last <= 2
                                        or src.first > hit.last and src.first - hit.last <= 2):
                on("src_subject")
            if tgt is None:
                on("tgt_none")
            elif tgt.country == src.country:
                on("same_country")
                if entry.type in DOMESTIC:
                    on("domestic_ok")
            on("countries_1" if len(countries) <= 1 else "countries_2" if len(countries) == 2 else "countries_3plus")
            if sentence < n_first:
                on("first_sentences")
            if speaker is not None:
                on("in_quote")
            out.append(Candidate(key, x, hit, src, tgt, lo, hi))
            if len(out) >= MAX_PAIRS:
                return out
    return out


def _side(on, side: str, item: Optional[Item], hit: Hit, entry) -> None:
    if item is None:
        return
    if item.last < hit.head:
        on(f"{side}_before")
        distance = hit.head - item.last
    else:
        on(f"{side}_after")
        distance = item.first - hit.last
    on(f"{side}_near" if distance <= 2 else f"{side}_mid" if distance <= 6 else f"{side}_far")
    if item.prep is not None:
        on(f"{side}_prep_ok" if item.prep in entry.target or ("ل" == item.prep and "ل" in entry.target)
           else f"{side}_prep_other")
    sector = item.sector or ""
    if sector in ("GOV", "LEG", "JUD"):
        on(f"{side}_gov")
    elif sector in ("MIL", "COP", "SPY"):
        on(f"{side}_mil")
    elif sector:
        on(f"{side}_nonstate")
    on({"PER": f"{side}_per", "ORG": f"{side}_org"}.get(item.label, f"{side}_loc"))
    if item.strong:
        on(f"{side}_strong")
    if item.country == "IGO":
        on(f"{side}_igo")


def score(features: list[float], weights: dict[str, float]) -> float:
    """The model's probability that a candidate is an event."""
    z = sum(weights.get(name, 0.0) * v for name, v in zip(FEATURES, features) if v)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
