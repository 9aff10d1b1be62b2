"""The learnt stage of the event coder: every trigger × every placed actor in reach, scored.

The rule coder (:mod:`marsad.events.coder`) codes an event only when its argument rules find
both sides; it is precise and reaches few events. This stage reads more widely. For each
asserted trigger of the event lexicon, every actor with a country in its sentence (the
entities of the actors step with the countries :mod:`marsad.entities.placing` gave them), the
speaker of a quote around it and the actors of the sentence before make candidate
(source, type, target) triples with features of the trigger (type, verb or noun), of each
side (before or after the trigger, how far, behind which preposition, its sector, how sure
its country is, whether the argument reader took it as subject or target) and of the pair.

An article's candidates are then gathered per triple: the triple's features are the largest
value of each candidate feature, with features of the article (how often the article names
each side, whether its title does, in how many sentences the pair comes up, whether the
rules coded the triple). A logistic model learnt from the gold events (``marsad train
events``, :mod:`marsad.training.events`; ``data/event_weights.json``) scores each triple;
those scoring at least its threshold are events, beside the rule coder's own.
"""
from __future__ import annotations

import json
import math
import operator
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Optional, Sequence

from marsad.events.lexicon import NOUN, PLOVER_TYPES
from marsad.events.trigger import Hit

TYPES = tuple(sorted(PLOVER_TYPES))
PREPOSITIONS = frozenset("مع علي الي ضد من عن بين لدي تجاه ازاء حيال في ب ل".split())
LOCATIVE_PREPS = frozenset({"في", "ب"})
STRONG = frozenset({"lexicon", "title", "adjective", "affiliation", "place"})  # placed by its own words
DOMESTIC = frozenset("ACCUSE REJECT THREATEN REQUEST PROTEST MOBILIZE COERCE ASSAULT CONCEDE RETREAT".split())
WEIGHTS = "event_weights.json"
MAX_PAIRS = 60  # candidates per trigger
LEAD_CHARS = 300  # the lead of a story: its first characters after the title
FIRST_SENTENCES = 3
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})  # the state and its organs
# The types the stage codes: acts of force, talks, mobilisation and protest, whose learnt
# additions are mostly right in cross-validation and on unannotated articles. Words (ACCUSE,
# REQUEST, REJECT, SUPPORT ...) read from far off were about 4 right in 27 on 1,000 unseen
# articles (session 13, docs/events.md); they are left to the rules.
LEARNT_TYPES = frozenset({"ASSAULT", "CONSULT", "MOBILIZE", "PROTEST"})


@dataclass(frozen=True)
class Item:
    """An actor in reach of a trigger: a mention of an entity with a country."""

    first: int  # word indices (-1 for a quote's speaker, who may stand elsewhere)
    last: int
    start: int  # characters
    end: int
    country: str
    sector: Optional[str]
    label: str
    entity: Optional[str]
    strong: bool
    prep: Optional[str]  # the preposition it stands behind («مع», «ل», ...)


@dataclass
class Candidate:
    key: tuple[str, str, str]  # source country, type, target country ("" for none)
    features: frozenset[int]  # indices of its CANDIDATE_FEATURES (all are 0/1)
    hit: Hit
    source: Item
    target: Optional[Item]
    lo: int  # the sentence's words
    hi: int
    sentence: tuple[int, int] = (0, 0)  # the sentence's characters


@dataclass
class Context:
    """What the triple features read from the whole article."""

    countries: Counter = field(default_factory=Counter)  # body mentions per country
    title: frozenset[str] = frozenset()  # countries of entities the title names
    rules: frozenset[tuple[str, str, str]] = frozenset()  # the rule coder's triples
    body_start: int = 0
    length: int = 1


def _candidate_features() -> tuple[str, ...]:
    names = ["verb", "noun", "asserted", "symmetric", "unilateral", "needtarget"]
    names += [f"type={t}" for t in TYPES]
    for side in ("src", "tgt"):
        names += [f"{side}_before", f"{side}_after", f"{side}_near", f"{side}_mid", f"{side}_far",
                  f"{side}_prep_ok", f"{side}_prep_other", f"{side}_gov", f"{side}_mil",
                  f"{side}_nonstate", f"{side}_per", f"{side}_org", f"{side}_loc", f"{side}_strong",
                  f"{side}_igo", f"{side}_role_subject", f"{side}_role_target"]
    names += ["src_speaker", "src_prev", "src_subject", "tgt_none", "same_country", "domestic_ok",
              "countries_1", "countries_2", "countries_3plus", "first_sentences", "in_quote"]
    return tuple(names)


CANDIDATE_FEATURES = _candidate_features()
ARTICLE_FEATURES = ("log_candidates", "log_sentences", "lead", "early", "src_share", "tgt_share",
                    "src_rank1", "src_rank2", "tgt_rank1", "tgt_rank2", "reverse", "rule",
                    "pair_types", "log_pair_sentences", "src_title", "tgt_title", "both_title")
FEATURES = CANDIDATE_FEATURES + ARTICLE_FEATURES
_INDEX = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}
_SPEAKER, _PREV, _SUBJECT, _NO_TARGET = (frozenset({_INDEX[n]}) for n in ("src_speaker", "src_prev", "src_subject", "tgt_none"))
_SAME_COUNTRY = frozenset({_INDEX["same_country"], _INDEX["domestic_ok"]})


@lru_cache(maxsize=1)
def shipped_model() -> dict[str, Any]:
    """``{"weights": {feature: w}, "bias": b, "threshold": p}`` from ``data/event_weights.json``."""
    path = resources.files("marsad.events") / "data" / WEIGHTS
    return json.loads(path.read_text(encoding="utf-8"))


def items_of(text: str, words, entities: Sequence[Any], body_start: int) -> list[Item]:
    """Every body mention of an entity with a country, as word positions (only in the
    sentences the coder read)."""
    starts = [w.start for w in words]
    out = []
    for e in entities or ():
        if not e.country or e.label not in ("PER", "ORG", "LOC", "FAC") or e.sector == "MED":
            continue  # an outlet reports the story («قال لـ«الشرق الأوسط»»): no side of it
        for m in e.mentions:
            if m.start < body_start or m.field is not None:
                continue
            first = bisect_right(starts, m.start) - 1
            if first < 0 or words[first].end <= m.start:
                continue
            last = max(first, bisect_right(starts, m.end - 1) - 1)
            out.append(Item(first, last, m.start, m.end, e.country, e.sector, e.label, e.id,
                            getattr(e, "country_source", None) in STRONG, _prep(text, words, first, m.start)))
    return sorted(out, key=lambda i: i.first)


def context_of(entities: Sequence[Any], rules, body_start: int, length: int) -> Context:
    """The article-wide facts the triple features read."""
    countries: Counter = Counter()
    title = set()
    for e in entities or ():
        if not e.country or e.sector == "MED":
            continue
        countries[e.country] += sum(1 for m in e.mentions if m.field is None)
        if any(m.field == "title" for m in e.mentions):
            title.add(e.country)
    return Context(countries, frozenset(title), frozenset(rules), body_start, max(1, length - body_start))


def _prep(text: str, words, first: int, start: int) -> Optional[str]:
    """The preposition before a mention: a proclitic on it («لروسيا») or the word before."""
    w = words[first]
    if w.start < start:
        clitic = text[w.start:start].replace("و", "").replace("ف", "")
        if clitic[-1:] in ("ل", "ب"):
            return clitic[-1]
    if first > 0:
        key = words[first - 1].key
        key = key[1:] if key[:1] in "وف" and key[1:] in PREPOSITIONS else key  # «وفي طهران»
        if key in PREPOSITIONS:
            return key
    return None


def located(item: Item) -> bool:
    """A place behind «في/ب» («وفي طهران، رفض ...») says where, not who: never a source."""
    return item.label in ("LOC", "FAC") and item.prep in LOCATIVE_PREPS


def candidates(hit: Hit, lo: int, hi: int, sentence: int, items: list[Item], prev: list[Item],
               speaker: Optional[Item], asserted: bool,
               roles: Optional[dict[str, list[tuple[int, int]]]] = None) -> list[Candidate]:
    """The candidates of one trigger in the sentence of words ``[lo, hi)``. ``roles``:
    character spans the rule coder's argument reader takes for the trigger's ``subject``
    and ``target``."""
    entry = hit.entry
    here = [i for i in items if lo <= i.first < hi and not (i.first <= hit.head <= i.last)]
    sources = [(i, "here") for i in here if not located(i)] + [(i, "prev") for i in prev if not located(i)]
    if speaker is not None:
        sources.append((speaker, "speaker"))
    countries = {i.country for i in here}
    out = []
    base = frozenset(_INDEX[name] for name in (  # what every candidate of the trigger shares
        "verb" if hit.tense != NOUN else "noun", f"type={entry.type}",
        "countries_1" if len(countries) <= 1 else "countries_2" if len(countries) == 2 else "countries_3plus",
        *(flag for flag in ("symmetric", "unilateral", "needtarget") if flag in entry.flags),
        *(("asserted",) if asserted else ()), *(("first_sentences",) if sentence < FIRST_SENTENCES else ()),
        *(("in_quote",) if speaker is not None else ())))
    domestic = entry.type in DOMESTIC
    roles = roles or {}
    as_src = {id(i): _side_features("src", i, hit, roles) for i in here}  # once per actor, not per pair
    as_tgt = {id(i): _side_features("tgt", i, hit, roles) for i in here}
    for src, where in sources:
        mine = base | (as_src[id(src)] if where == "here" else _side_features("src", src, hit, roles, place=False))
        if where == "speaker":
            mine |= _SPEAKER
        elif where == "prev":
            mine |= _PREV
        elif hit.tense != NOUN and (src.last < hit.head and hit.head - src.last <= 2
                                    or src.first > hit.last and src.first - hit.last <= 2):
            mine |= _SUBJECT
        for tgt in [None] + here:
            if tgt is src or (tgt is not None and tgt.country == src.country and (tgt.entity == src.entity or not domestic)):
                continue  # the same actor, or one state twice for a type that is never domestic
            if tgt is None:
                x = mine | _NO_TARGET
            else:
                x = mine | as_tgt[id(tgt)]
                if tgt.country == src.country:
                    x |= _SAME_COUNTRY
            key = (src.country, entry.type, tgt.country if tgt else "")
            out.append(Candidate(key, x, hit, src, tgt, lo, hi))
            if len(out) >= MAX_PAIRS:
                return out
    return out


def _side_features(side: str, item: Item, hit: Hit, roles: dict, place: bool = True) -> frozenset[int]:
    """Indices of the features an actor sets as the ``side`` of a trigger: where it stands
    (only for an actor of the trigger's sentence, ``place``), its preposition, sector, kind,
    how sure its country is, and the role the argument reader gave it."""
    names = []
    if place:
        if item.last < hit.head:
            names.append("before")
            distance = hit.head - item.last
        else:
            names.append("after")
            distance = item.first - hit.last
        names.append("near" if distance <= 2 else "mid" if distance <= 6 else "far")
        if item.prep is not None:
            names.append("prep_ok" if item.prep in hit.entry.target else "prep_other")
        sector = item.sector or ""
        if sector in ("GOV", "LEG", "JUD"):
            names.append("gov")
        elif sector in ("MIL", "COP", "SPY"):
            names.append("mil")
        elif sector:
            names.append("nonstate")
        names.append({"PER": "per", "ORG": "org"}.get(item.label, "loc"))
        if item.strong:
            names.append("strong")
        if item.country == "IGO":
            names.append("igo")
    for role in ("subject", "target"):
        if any(a < item.end and item.start < b for a, b in roles.get(role, ())):
            names.append(f"role_{role}")
    return frozenset(_INDEX[f"{side}_{name}"] for name in names)


def dense(features: frozenset[int]) -> list[float]:
    """A candidate's feature indices as a vector over ``CANDIDATE_FEATURES``."""
    x = [0.0] * len(CANDIDATE_FEATURES)
    for i in features:
        x[i] = 1.0
    return x


def triples(found: list[Candidate], ctx: Context) -> list[tuple[tuple[str, str, str], list[float], Candidate]]:
    """The article's (source, type, target) triples with their features and their first
    candidate (its evidence), in order of first appearance. A triple has a candidate
    feature when one of its candidates has it."""
    by: dict[tuple, list[Candidate]] = {}
    for c in found:
        by.setdefault(c.key, []).append(c)
    total = sum(ctx.countries.values()) or 1
    ranked = [k for k, _ in sorted(ctx.countries.items(), key=lambda kv: (-kv[1], kv[0]))]
    pair_types: dict[tuple, set] = {}
    pair_sentences: dict[tuple, set] = {}
    for (s, t, g), cs in by.items():
        pair_types.setdefault((s, g), set()).add(t)
        pair_sentences.setdefault((s, g), set()).update(c.sentence for c in cs)
    out = []
    for key, cs in by.items():
        s, t, g = key
        if t not in LEARNT_TYPES:
            continue
        vector = dense(frozenset().union(*(c.features for c in cs)))
        first = min(c.sentence[0] for c in cs)
        vector += [
            math.log1p(len(cs)), math.log1p(len({c.sentence for c in cs})),
            float(first - ctx.body_start < LEAD_CHARS), 1.0 - max(0, first - ctx.body_start) / ctx.length,
            ctx.countries.get(s, 0) / total, ctx.countries.get(g, 0) / total if g else 0.0,
            float(ranked[:1] == [s]), float(s in ranked[:2]),
            float(bool(g) and ranked[:1] == [g]), float(bool(g) and g in ranked[:2]),
            float((g, t, s) in by), float(key in ctx.rules),
            float(len(pair_types[(s, g)])), math.log1p(len(pair_sentences[(s, g)])),
            float(s in ctx.title), float(bool(g) and g in ctx.title),
            float(s in ctx.title and bool(g) and g in ctx.title),
        ]
        out.append((key, vector, min(cs, key=lambda c: c.sentence[0])))
    return out


def score(vector: Sequence[float], model: dict[str, Any]) -> float:
    """The model's probability that a triple is an event of the article."""
    z = model.get("bias", 0.0) + sum(map(operator.mul, _aligned(model), vector))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _aligned(model: dict[str, Any]) -> list[float]:
    """The model's weights in the order of ``FEATURES`` (kept on the model once made)."""
    aligned = model.get("_aligned")
    if aligned is None or len(aligned) != len(FEATURES):
        weights = model["weights"]
        aligned = model["_aligned"] = [weights.get(name, 0.0) for name in FEATURES]
    return aligned
