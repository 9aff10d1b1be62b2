"""The country of an actor nothing in its own words places: the story's, or the outlet's.

Every country the article marks (names, adjectives, places, known actors) and the outlet's
home country are candidates. Each gets a few features — its share of the article's marks,
whether it leads them, is in the title, the dateline, the first sentence, the actor's own
sentences and paragraph, is the outlet's — and a linear score whose weights are learnt from
annotated speakers (``marsad train placing``, :mod:`marsad.training.placing`), shipped in
``data/story_weights.json``. The best-scoring candidate wins.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

FEATURES = ("share", "top", "lead", "title", "dateline", "first", "nearest", "sentence",
            "paragraph", "outlet", "unmarked", "adjectives", "people", "igo", "log_count")
WEIGHTS = "story_weights.json"
DATELINE_CHARS = 40  # a dateline («عدن - ...», «الرياض: ...») opens the body


@dataclass(frozen=True)
class Mark:
    """A lexicon item in the text that stands for one country."""

    start: int
    end: int
    country: str
    kind: str  # name, adj, place, org, person
    category: Optional[str] = None  # an organisation's: party, armed, movement, ...


@lru_cache(maxsize=1)
def shipped_weights() -> dict[str, float]:
    """The learnt weights (``data/story_weights.json``: ``{"weights": {feature: w}}``)."""
    path = resources.files("marsad.entities") / "data" / WEIGHTS
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


class Story:
    """The countries of one article, as candidates for its unplaced actors."""

    def __init__(self, text: str, marks: Sequence[Mark], body_start: int,
                 outlet_country: Optional[str], sentences: Sequence[tuple[int, int]] = ()):
        self.text = text
        self.body_start = body_start
        self.outlet_country = outlet_country
        self.sentence_starts = [s for s, _ in sentences]
        # «الأممية» (of the UN) describes an actor; as an adjective it marks no story's country
        self.marks = sorted((m for m in marks if not (m.kind == "adj" and m.country == "IGO")),
                            key=lambda m: m.start)
        self.counts: Counter = Counter()
        self.adjectives: Counter = Counter()
        self.people: Counter = Counter()
        self.in_title: set[str] = set()
        for m in self.marks:
            self.counts[m.country] += 1
            if m.kind == "adj":
                self.adjectives[m.country] += 1
            elif m.kind == "person":
                self.people[m.country] += 1
            if m.start < body_start:
                self.in_title.add(m.country)
        self.total = sum(self.counts.values())
        ranked = self.counts.most_common(2)
        self.top = ranked[0][0] if ranked else None
        self.lead = ranked[0][1] / ranked[1][1] if len(ranked) > 1 else (2.0 if ranked else 0.0)
        body = [m for m in self.marks if m.start >= body_start]
        self.first = body[0].country if body else None
        self.dateline = _dateline(text, body, body_start)
        self.mark_ends = [m.end for m in self.marks]  # sorted with the starts: marks never overlap
        self.by_sentence: dict[int, set[str]] = {}
        self.by_paragraph: dict[int, set[str]] = {}
        for m in self.marks:
            self.by_sentence.setdefault(self._sentence(m.start), set()).add(m.country)
            self.by_paragraph.setdefault(self._paragraph(m.start), set()).add(m.country)

    def candidates(self, spans: Sequence[tuple[int, int]]) -> list[tuple[str, list[float]]]:
        """``(country, features)`` for every candidate country of an actor mentioned at
        ``spans`` (offsets into the text), in :data:`FEATURES` order."""
        countries = list(self.counts)
        if self.outlet_country and self.outlet_country not in self.counts:
            countries.append(self.outlet_country)
        first = min((s for s, _ in spans), default=0)
        before = bisect_right(self.mark_ends, first)
        nearest = self.marks[before - 1].country if before else None
        near = set().union(*(self.by_sentence.get(self._sentence(s), ()) for s, _ in spans))
        in_paragraph = self.by_paragraph.get(self._paragraph(first), set())
        out = []
        for c in countries:
            n = self.counts[c]
            out.append((c, [
                n / self.total if self.total else 0.0,
                float(c == self.top),
                min(self.lead, 4.0) if c == self.top else 0.0,
                float(c in self.in_title),
                float(c == self.dateline),
                float(c == self.first),
                float(c == nearest),
                float(c in near),
                float(c in in_paragraph),
                float(c == self.outlet_country),
                float(n == 0),
                self.adjectives[c] / n if n else 0.0,
                self.people[c] / n if n else 0.0,
                float(c == "IGO"),
                math.log1p(n),
            ]))
        return out

    def choose(self, spans: Sequence[tuple[int, int]], weights: Optional[dict[str, float]] = None
               ) -> Optional[tuple[str, bool]]:
        """The best candidate for an actor at ``spans``: ``(country, marked)`` where
        ``marked`` is False for the outlet's country when the article never names it."""
        weights = shipped_weights() if weights is None else weights
        w = [weights.get(f, 0.0) for f in FEATURES]
        best = max(self.candidates(spans), default=None,
                   key=lambda cf: sum(a * b for a, b in zip(w, cf[1])))
        if best is None:
            return None
        return best[0], best[0] in self.counts

    def _sentence(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos)

    def _paragraph(self, pos: int) -> int:
        """Where the paragraph holding ``pos`` starts (paragraphs end at line breaks)."""
        return self.text.rfind("\n", 0, pos) + 1


def _dateline(text: str, body: Sequence[Mark], body_start: int) -> Optional[str]:
    """The country of a place or country opening the body before a dash, colon or bracket."""
    for m in body:
        if m.start - body_start > DATELINE_CHARS:
            break
        if m.kind in ("place", "name") and not text[body_start:m.start].strip(" \n\t-–—"):
            after = text[m.end:m.end + 3].lstrip(" ")
            if after[:1] in ("-", "–", "—", ":", "(") or after[:1].isdigit():
                return m.country
    return None
