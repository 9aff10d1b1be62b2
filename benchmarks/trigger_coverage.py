"""What the event lexicon misses, by corpus frequency: words next to two actors that no trigger matches.

    python benchmarks/trigger_coverage.py [--stride 5] [--offset 0] [--top 300] [--json OUT]

Over a stride sample of the SaudiNewsNet days (every ``stride``-th article of each day, from
``offset``), keeps the political and security articles (their actor mentions, as the events
step builds them from the lexicons and ``doc._.entities``, name two or more countries) and
in them the sentences naming two actors with a country at most 12 words apart. The words
between the two and the 3 words on either side, outside the actors' names, are counted:

- unmatched words (no trigger form of ``triggers.tsv`` reaches them and they are no marker
  word), normalised (``marsad.text.normalize``), proclitics and «ال» stripped as the trigger
  matcher strips them, ranked by the number of articles they occur in;
- trigger heads whose row did not match (a companion slot missing: «ضربات» without «جوية»);
- the triggers that matched, by row, ranked the same way (the shape of the lexicon's use).

Words are not tagged as verbs or nouns: the ranking is read by eye (docs/events.md, Session
16: events23). Reads ../shared at run time; about 70 s for every 5th article on one core.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SAUDINEWSNET  # noqa: E402

from marsad.events.actors import confirmed_places, link_to_entities, mentions_from_lexicon, placed_beyond  # noqa: E402
from marsad.events.coder import EventCoder  # noqa: E402
from marsad.events.trigger import candidates, find_triggers  # noqa: E402
from marsad.events.words import proclitic_readings, scan  # noqa: E402
from marsad.model import Article  # noqa: E402
from marsad.pipeline.build import STEPS, load, make_doc  # noqa: E402

BEFORE, AFTER, MAX_GAP = 3, 3, 12  # words around the two actors; most words between them
EXAMPLES = 6


def base(key: str) -> str:
    """A word key without proclitics and «ال» (the shortest proclitic reading)."""
    b = min((r for r, _ in proclitic_readings(key)), key=len)
    return b[2:] if b.startswith("ال") and len(b) > 4 else b


class Tally:
    """Document frequencies of unmatched words, unmatched trigger heads and matched rows."""

    def __init__(self) -> None:
        self.articles = self.political = self.sentences = self.bare = 0
        self.unmatched: Counter = Counter()
        self.heads: Counter = Counter()
        self.rows: Counter = Counter()
        self.examples: dict[str, list] = defaultdict(list)

    def once(self, counter: Counter, key, seen: set, aid: str, text: str, word) -> None:
        if (id(counter), key) in seen:
            return
        seen.add((id(counter), key))
        counter[key] += 1
        if counter is not self.rows and len(self.examples[key]) < EXAMPLES:
            a, b = max(0, word.start - 90), min(len(text), word.end + 90)
            self.examples[key].append(f"{aid} {text[a:word.start]}[[{word.text}]]{text[word.end:b]}".replace("\n", " "))


def actors(doc, coder: EventCoder, published: str | None) -> list:
    """The actor mentions with a country of the body, as the events step builds them."""
    text, entities = doc.user_data["text"], doc._.entities
    year = dt.date.fromisoformat(published) if published else None
    mentions = confirmed_places(link_to_entities(mentions_from_lexicon(text, coder.lexicon, year), entities), entities)
    mentions = sorted(mentions + placed_beyond(text, mentions, entities, coder.sources), key=lambda m: m.start)
    body = doc.user_data.get("body_start", 0)
    return [m for m in mentions if m.country and m.can_act and m.start >= body]


def read_sentence(tally: Tally, seen: set, aid: str, text: str, a: int, b: int, inside: list, coder: EventCoder) -> None:
    words = scan(text, a, b)
    owned: set[int] = set()
    spans = []
    for m in inside:
        idx = [i for i, w in enumerate(words) if w.end > m.clitic_start and w.start < m.end]
        owned.update(idx)
        if idx:
            spans.append((idx[0], idx[-1]))
    window: set[int] = set()
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        if a2 - b1 - 1 <= MAX_GAP:
            window.update(range(max(0, a1 - BEFORE), min(len(words), b2 + AFTER + 1)))
    window -= owned
    if not window:
        return
    tally.sentences += 1
    hits = find_triggers(words, coder.events, text, blocked=owned)
    covered = {i for h in hits for i in range(h.head, h.last + 1)}
    tally.bare += not any(h.head in window for h in hits)
    for h in hits:
        if h.head in window:
            then = " ".join("|".join(sorted(keys))[:40] for _, keys in h.entry.then)
            tally.once(tally.rows, f"{h.entry.kind}\t{h.entry.ar}\t{then}\t{h.entry.type}", seen, aid, text, words[h.head])
    for i in sorted(window):
        w = words[i]
        if w.kind != "word" or i in covered:
            continue
        if candidates(coder.events, w.key):
            tally.once(tally.heads, base(w.key), seen, aid, text, w)
        elif not coder.events.kinds_of(w.key) and len(base(w.key)) >= 3:
            tally.once(tally.unmatched, base(w.key), seen, aid, text, w)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stride", type=int, default=5, help="every n-th article of each day (default 5)")
    parser.add_argument("--offset", type=int, default=0, help="first article of each day (default 0)")
    parser.add_argument("--top", type=int, default=300, help="words listed (default 300)")
    parser.add_argument("--json", metavar="OUT", help="also write the counts and examples here")
    args = parser.parse_args()
    zips = sorted(SAUDINEWSNET.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no SaudiNewsNet zips under {SAUDINEWSNET}: benchmarks need ../shared")
    nlp = load(steps=[s for s in STEPS if s != "marsad_events"])
    coder = EventCoder()
    tally = Tally()
    for path in zips:
        with zipfile.ZipFile(path) as z:
            day = [a for name in z.namelist() for a in json.loads(z.read(name)) if a.get("content")]
        for k in range(args.offset, len(day), args.stride):
            a = day[k]
            tally.articles += 1
            aid = f"{path.stem}:{k}"
            published = (a.get("date_extracted") or "")[:10] or None
            doc = make_doc(nlp, Article(text=a["content"], id=aid, title=a.get("title"), published=published))
            for _, step in nlp.pipeline:
                doc = step(doc)
            mentions = actors(doc, coder, published)
            if len({m.country for m in mentions}) < 2:
                continue
            tally.political += 1
            seen: set = set()
            text = doc.user_data["text"]
            for s, e in doc.user_data.get("sentences") or []:
                inside = [m for m in mentions if m.start >= s and m.end <= e]
                if len({m.entity or m.text for m in inside}) >= 2:
                    read_sentence(tally, seen, aid, text, s, e, inside, coder)
    total = sum(tally.rows.values())
    print(f"{tally.articles} articles, {tally.political} naming two countries; {tally.sentences} sentences "
          f"with two actors, {tally.bare} with no trigger between or next to them")
    print(f"triggers: {len(tally.rows)} rows matched, {total} (article, row) pairs; the 10 / 20 / 50 most "
          "frequent rows give " + " / ".join(f"{sum(n for _, n in tally.rows.most_common(k)) / max(total, 1):.0%}"
                                             for k in (10, 20, 50)))
    for title, counter in (("unmatched words", tally.unmatched), ("trigger heads whose row did not match", tally.heads)):
        print(f"\n{title} (articles):")
        print(" ".join(f"{w}:{n}" for w, n in counter.most_common(args.top)))
    print("\nmatched rows (articles):")
    for row, n in tally.rows.most_common(30):
        print(f"{n:5d}  {row}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "articles": tally.articles, "political": tally.political, "sentences": tally.sentences, "bare": tally.bare,
            "unmatched": [(w, n, tally.examples[w]) for w, n in tally.unmatched.most_common(3000)],
            "heads": [(w, n, tally.examples[w]) for w, n in tally.heads.most_common(300)],
            "rows": tally.rows.most_common()}, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
