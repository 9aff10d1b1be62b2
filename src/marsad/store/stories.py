"""Stories: articles about the same news, grouped as they arrive.

Each article's MinHash signature (:mod:`marsad.store.shingles`) goes into a MinHash LSH
index (``datasketch``). A new article is compared with the articles the index proposes
that were published within :data:`WINDOW_DAYS` days of it:

- a **copy** shares most of its shingles with one of them (estimated Jaccard ≥
  :data:`COPY`): the article joins that article's story, and copies that bridge two
  stories merge them (copies of copies are one story);
- otherwise a **follow-up** or rewrite shares a good part (≥ :data:`FOLLOW`) with an
  article of a story, and as much with that story's first article, published within the
  window too: the article joins the best such story, but never merges two stories. Asking
  the first article too keeps loose links from chaining unrelated news together (formulaic
  news — cables of congratulation, the weather — share a fifth of their shingles with
  each other; measured in docs/stories.md);
- otherwise it starts a story of its own.

A story's id is the id of its first article (earliest published, then smallest id), so
it stays the same while that article stays first; a story that gains an earlier article
or is merged into another takes the other's id. :class:`StoryIndex` keeps all of this in
memory; :mod:`marsad.store.story_store` loads and saves it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from marsad.store.shingles import NUM_PERM, SCHEME, SEED, similarity

WINDOW_DAYS = 3  # a copy or follow-up is published at most this many days from its match
COPY = 0.5  # estimated Jaccard of 5-word shingles: a copy (wire copy, light edit)
FOLLOW = 0.2  # ... a rewrite or follow-up of the same news
LSH_THRESHOLD = 0.2  # the LSH proposes pairs from about this similarity on
MIN_SHINGLES = 5  # fewer shingles (a text under 9 words) link to nothing


def day_number(published: Optional[str]) -> Optional[int]:
    """The day of a ``YYYY-MM-DD`` date as a number (None when absent or malformed)."""
    try:
        return dt.date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, how it was linked (``first``, ``copy``,
    ``follow``), the member it was linked through and their estimated Jaccard, and the
    stories that were renamed by it (old id -> new id: merged, or a new first article)."""

    article_id: str
    story_id: str
    link: str
    linked_to: Optional[str] = None
    similarity: Optional[float] = None
    renamed: dict = field(default_factory=dict)


@dataclass
class _Article:
    day: Optional[int]
    sig: np.ndarray
    story: str
    link: str = "first"
    linked_to: Optional[str] = None
    similarity: Optional[float] = None


class StoryIndex:
    """Signatures in an LSH index and the story of each article, in memory.

    ``add`` assigns a new article; ``load`` puts back an article already assigned (from the
    store). ``first`` holds each known story's order key, ``(published, article id)`` of its
    first article."""

    def __init__(self, window: int = WINDOW_DAYS, copy: float = COPY, follow: float = FOLLOW):
        self.window, self.copy, self.follow = window, copy, follow
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.articles: dict[str, _Article] = {}
        self.first: dict[str, tuple[str, str]] = {}  # story id -> (published or "~", article id)
        self.members: dict[str, set[str]] = {}  # story id -> the articles of it held here

    def __len__(self) -> int:
        return len(self.articles)

    def load(self, article_id: str, published: Optional[str], sig: Optional[np.ndarray],
             n_shingles: int, story_id: str, story_first: Optional[str]) -> None:
        """Hold an article that already has its story (``story_first``: the story's first
        publication date)."""
        if article_id in self.articles:
            return
        self._hold(article_id, day_number(published), sig, n_shingles, story_id)
        self.first.setdefault(story_id, (story_first or "~", story_id))

    def remove(self, article_id: str) -> None:
        """Forget an article (replaced or deleted); its story keeps its other members."""
        held = self.articles.pop(article_id, None)
        if held is None:
            return
        if article_id in self.lsh:
            self.lsh.remove(article_id)
        self.members.get(held.story, set()).discard(article_id)

    def keep_days(self, keep) -> int:
        """Forget the dated articles whose day number ``keep(day)`` refuses (memory stays
        bounded over a long ingest: a story grows only near its days); return how many."""
        gone = [a for a, held in self.articles.items() if held.day is not None and not keep(held.day)]
        for article_id in gone:
            self.remove(article_id)
        for story in [s for s, members in self.members.items() if not members]:
            del self.members[story]
            self.first.pop(story, None)
        return len(gone)

    def add(self, article_id: str, published: Optional[str], sig: np.ndarray,
            n_shingles: int) -> Assignment:
        """Assign a new article to a story (see the module's docstring) and hold it."""
        self.remove(article_id)
        day = day_number(published)
        key = (published or "~", article_id)
        copies, follows = self._matches(sig, day, n_shingles)
        if copies:
            best = max(copies, key=lambda m: (m[1], m[0]))
            stories = {self.articles[c].story for c, _ in copies}
            link = "copy"
        elif follows:
            best = max(follows, key=lambda m: (m[1], m[0]))
            stories = {self.articles[best[0]].story}
            link = "follow"
        else:
            self._hold(article_id, day, sig, n_shingles, article_id)
            self.first[article_id] = key
            return Assignment(article_id, article_id, "first")
        keys = [self.first[s] for s in stories] + [key]
        target = min(keys)[1]
        renamed = {s: target for s in stories if s != target}
        for old in renamed:
            self._rename(old, target)
        self.first[target] = min(keys)
        self._hold(article_id, day, sig, n_shingles, target)
        held = self.articles[article_id]
        held.link, held.linked_to, held.similarity = link, best[0], round(best[1], 4)
        return Assignment(article_id, target, link, best[0], held.similarity, renamed)

    def assignment(self, article_id: str) -> tuple:
        """``(article id, story id, link, linked to, similarity)`` of a held article."""
        held = self.articles[article_id]
        return article_id, held.story, held.link, held.linked_to, held.similarity

    def rename(self, old: str, new: str, first_key: tuple[str, str]) -> None:
        """Story ``old`` is now called ``new``, its first article's order key ``first_key``."""
        self._rename(old, new)
        self.first[new] = first_key

    def _matches(self, sig: np.ndarray, day: Optional[int],
                 n_shingles: int) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """Held articles within the window that ``sig`` copies, and those it follows up."""
        if n_shingles < MIN_SHINGLES:
            return [], []
        copies, follows = [], []
        for other in self.lsh.query(_lean(sig)):
            held = self.articles[other]
            if not _near(day, held.day, self.window):
                continue
            sim = similarity(sig, held.sig)
            if sim >= self.copy:
                copies.append((other, sim))
            elif sim >= self.follow and self._close_to_first(sig, day, held.story):
                follows.append((other, sim))
        return copies, follows

    def _close_to_first(self, sig: np.ndarray, day: Optional[int], story: str) -> bool:
        """Whether an article may follow up ``story``: published within the window of the
        story's first article and sharing a part (≥ ``follow``) of its text too."""
        first = self.articles.get(story)
        if first is None or not _near(day, first.day, self.window):
            return False
        return similarity(sig, first.sig) >= self.follow

    def _hold(self, article_id: str, day: Optional[int], sig: Optional[np.ndarray],
              n_shingles: int, story_id: str) -> None:
        if sig is None:
            sig = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
        self.articles[article_id] = _Article(day, sig, story_id)
        self.members.setdefault(story_id, set()).add(article_id)
        if n_shingles >= MIN_SHINGLES:
            self.lsh.insert(article_id, _lean(sig), check_duplication=False)

    def _rename(self, old: str, new: str) -> None:
        for member in self.members.pop(old, set()):
            self.articles[member].story = new
            self.members.setdefault(new, set()).add(member)
        self.first.pop(old, None)


def _lean(sig: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)


def _near(a: Optional[int], b: Optional[int], window: int) -> bool:
    """Whether two days are within ``window`` of each other (an undated article is near
    every other one)."""
    return a is None or b is None or abs(a - b) <= window
