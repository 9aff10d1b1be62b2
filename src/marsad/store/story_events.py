"""What a story's articles report, counted once: events merged per (source, type,
target) with the articles and outlets reporting each, and reactions, the statements of
actors grouped by actor and country with the stance their events give.

An event's source and target are its actors' keys (``actors.actor_key``: the same actor
across articles), else their country code: «بوتين» in one copy and «فلاديمير بوتين» in
another are one source when both are Vladimir Putin.
"""
from __future__ import annotations

import re

import sqlite3
from typing import Optional

from marsad.store.search import search_fold

# Event types that say where an actor stands on the news (PLOVER verbal and attitude types).
STANCE_TYPES = ("AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                "CONCEDE")

_EVENTS = """SELECT v.article_id, v.type, v.source_country, v.target_country,
       se.actor_key, se.name, te.actor_key, te.name, v.evidence_text, v.evidence_start,
       v.evidence_end, a.published, a.outlet
FROM story_members m
JOIN events v ON v.article_id = m.article_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN entities se ON se.article_id = v.article_id AND se.entity_id = v.source_entity
LEFT JOIN entities te ON te.article_id = v.article_id AND te.entity_id = v.target_entity
WHERE m.story_id = ? AND v.type IS NOT NULL
ORDER BY COALESCE(a.published, '~'), a.id, v.event_index"""

_QUOTES = """SELECT q.article_id, q.kind, q.content_text, q.speaker_text, sp.actor_key, sp.name,
       sp.name_en, sp.country, a.published, a.outlet
FROM story_members m
JOIN quotes q ON q.article_id = m.article_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN entities sp ON sp.article_id = q.article_id AND sp.entity_id = q.speaker_entity
WHERE m.story_id = ?
ORDER BY COALESCE(a.published, '~'), a.id, q.quote_index"""


def merged_events(conn: sqlite3.Connection, story_id: str) -> list[dict]:
    """The story's events, one per (source, type, target), in order of first report: the
    number of articles and outlets reporting it, the first report (date, article) and
    every evidence span (``{article, start, end, text}``)."""
    merged: dict[tuple, dict] = {}
    for (aid, kind, s_country, t_country, s_key, s_name, t_key, t_name, text, start, end,
         published, outlet) in conn.execute(_EVENTS, (story_id,)):
        source, target = s_key or s_country or "", t_key or t_country or ""
        row = merged.get((source, kind, target))
        if row is None:
            row = merged[(source, kind, target)] = {
                "source": source, "type": kind, "target": target,
                "source_name": s_name, "source_country": s_country,
                "target_name": t_name, "target_country": t_country,
                "first_date": published, "first_article": aid,
                "evidence": [], "_articles": set(), "_outlets": set()}
        row["_articles"].add(aid)
        if outlet:
            row["_outlets"].add(outlet)
        row["evidence"].append({"article": aid, "start": start, "end": end, "text": text})
    out = []
    for row in merged.values():
        row["articles"], row["outlets"] = len(row.pop("_articles")), len(row.pop("_outlets"))
        out.append(row)
    return out


def reactions(conn: sqlite3.Connection, story_id: str,
              events: Optional[list[dict]] = None) -> list[dict]:
    """Who said what about the story, by country: ``[{country, actors: [{actor, name,
    name_en, statements: [{text, kind, articles}], stance: [{type, target, target_name,
    articles}]}]}]``. The same statement in several copies is one, with the articles
    carrying it. An actor whose events give a stance (:data:`STANCE_TYPES`) but who is
    not quoted is listed too. Countries with most to say come first; ``country`` is None
    for speakers of no known country."""
    actors: dict[str, dict] = {}
    for (aid, kind, content, speaker_text, key, name, name_en, country, _published,
         _outlet) in conn.execute(_QUOTES, (story_id,)):
        if not content:
            continue
        key = key or "?" + search_fold(speaker_text or "")
        actor = actors.setdefault(key, _actor(key, name or speaker_text, name_en, country))
        said = actor["_said"].setdefault(" ".join(_WORDS.findall(search_fold(content))),
                                         {"text": content, "kind": kind, "articles": []})
        if aid not in said["articles"]:
            said["articles"].append(aid)
    stored = events if events is not None else [
        {"source": r[0], "type": r[1], "target": r[2], "source_name": r[3],
         "source_country": r[4], "target_name": r[5], "target_country": r[6], "articles": r[7]}
        for r in conn.execute("SELECT source, type, target, source_name, source_country,"
                              " target_name, target_country, articles FROM story_events"
                              " WHERE story_id = ?", (story_id,))]
    for e in stored:
        if e["type"] not in STANCE_TYPES or not e["source"]:
            continue
        actor = actors.setdefault(e["source"], _actor(e["source"], e["source_name"] or e["source"],
                                                      None, e["source_country"]))
        actor["stance"].append({"type": e["type"], "target": e["target"],
                                "target_name": e["target_name"] or e["target_country"],
                                "articles": e["articles"]})
    by_country: dict[Optional[str], list[dict]] = {}
    for actor in actors.values():
        actor["statements"] = _merge_copies(actor.pop("_said"))
        by_country.setdefault(actor["country"], []).append(actor)
    groups = [{"country": c, "actors": sorted(a, key=_weight, reverse=True)}
              for c, a in by_country.items()]
    groups.sort(key=lambda g: (g["country"] is None, -sum(_weight(a) for a in g["actors"]),
                               g["country"] or ""))
    return groups


_WORDS = re.compile(r"\w+")
COPY_SHARE = 0.8  # of the shorter statement's words found in the longer: the same statement
COPY_LENGTH = 0.5  # ... when the shorter has at least this share of the longer's words


def _merge_copies(said: dict[str, dict]) -> list[dict]:
    """The statements of one actor with the copies of each merged: papers edit agency copy
    («أيده الله», a leading «إن», other quotation marks), so two statements of about the
    same length sharing most of their words are one; it reads as the copy most articles
    carry, with the articles of all. A long statement does not swallow the short ones it
    quotes among others."""
    items = [(set(key.split()), item) for key, item in said.items()]
    group = list(range(len(items)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, (a, _) in enumerate(items):
        for j in range(i):
            b = items[j][0]
            small, large = (a, b) if len(a) <= len(b) else (b, a)
            if small and len(small) >= COPY_LENGTH * len(large) and len(small & large) >= COPY_SHARE * len(small):
                group[root(i)] = root(j)
    merged: dict[int, list[dict]] = {}
    for i, (_, item) in enumerate(items):
        merged.setdefault(root(i), []).append(item)
    out = []
    for members in merged.values():
        best = max(members, key=lambda it: (len(it["articles"]), -len(it["text"])))
        articles = [a for it in members for a in it["articles"]]
        out.append({**best, "articles": list(dict.fromkeys(articles))})
    return sorted(out, key=lambda it: -len(it["articles"]))


def _actor(key: str, name: Optional[str], name_en: Optional[str], country: Optional[str]) -> dict:
    return {"actor": None if key.startswith("?") else key, "name": name, "name_en": name_en,
            "country": country, "_said": {}, "stance": []}


def _weight(actor: dict) -> int:
    return len(actor.get("statements") or actor.get("_said") or ()) + len(actor["stance"])
