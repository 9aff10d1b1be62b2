"""Stories on SaudiNewsNet (read in place from ../shared): do copies land in one story, does
any story swallow unrelated news, and what does it cost?

    python benchmarks/stories.py --days 3            # quality on three days
    python benchmarks/stories.py --days 3 --ingest   # the story step's cost in an ingest
    python benchmarks/stories.py --ingest --records records.jsonl  # ... of analysed records
    python benchmarks/stories.py --whole             # the whole corpus from scratch, in memory
    python benchmarks/stories.py --rebuild --keep /tmp/snn-bare.db  # ... in a store, then again
                                                     # (marsad stories --rebuild)
    python benchmarks/stories.py --days 3 --sample 20  # also print same-story pairs to read

Quality: every pair of articles of the first ``--days`` days whose texts' 5-word shingle sets have
an exact Jaccard similarity ≥ 0.6 (computed once here, exactly, as a sparse product of the
shingle matrix: a one-off check, not how marsad finds them) should be in one story. Purity:
the exact Jaccard of the pairs that share a story, and the largest story's share.
Cost: the store-only ingest of the same articles (records without analysis, so the story
step is most of the work), with the time spent in the story step per article; and the
whole corpus grouped from its texts in memory, with the peak memory of the process.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SAUDINEWSNET  # noqa: E402


def articles(days: int | None) -> list[dict]:
    """Articles as marsad reads the zips (ids, dates, outlets), oldest first."""
    from marsad.readers import read

    zips = sorted(str(p) for p in SAUDINEWSNET.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no SaudiNewsNet zips under {SAUDINEWSNET}: benchmarks need ../shared")
    out = [{"schema": "marsad/1", "id": a.id, "title": a.title, "text": a.text or "",
            "outlet": a.outlet, "published": a.published, "url": a.url, "entities": [],
            "quotes": [], "events": [], "dates": [], "places": [], "errors": []}
           for a in read(zips[:days] if days else zips)]
    out.sort(key=lambda r: (r["published"] or "~", r["id"]))
    return out


def exact_pairs(records: list[dict], threshold: float = 0.6):
    """All pairs (i, j, jaccard) of 5-shingle Jaccard ≥ ``threshold``, exactly, and a
    lookup of the exact Jaccard of any pair sharing a shingle."""
    import numpy as np
    import scipy.sparse as sp

    from marsad.store.shingles import shingles

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, r in enumerate(records):
        for s in shingles(r["text"]):  # the article's text: one without any has no pairs
            rows.append(i)
            cols.append(vocab.setdefault(s, len(vocab)))
    m = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                      shape=(len(records), len(vocab)))
    sizes = np.asarray(m.sum(axis=1)).ravel()
    inter = sp.triu(m @ m.T, k=1).tocoo()
    jac = inter.data / (sizes[inter.row] + sizes[inter.col] - inter.data)
    lookup = {(int(a), int(b)): float(j) for a, b, j in zip(inter.row, inter.col, jac)}
    pairs = [(a, b, j) for (a, b), j in lookup.items() if j >= threshold]
    return pairs, lookup


def quality(records: list[dict], sample: int) -> None:
    from marsad.store.shingles import shingles, sketch
    from marsad.store.stories import MIN_SHINGLES, StoryIndex

    started = time.perf_counter()
    pairs, lookup = exact_pairs(records)
    print(f"exact pairs with Jaccard >= 0.6: {len(pairs)} "
          f"({sum(records[a]['outlet'] != records[b]['outlet'] for a, b, _ in pairs)} across outlets), "
          f"computed in {time.perf_counter() - started:.1f} s")
    index = StoryIndex()
    for r in records:
        index.add(r["id"], r["published"], *sketch(r["text"] or r["title"]))
    story = [index.articles[r["id"]].story for r in records]
    together = sum(story[a] == story[b] for a, b, _ in pairs)
    sizes = Counter(story)
    print(f"pairs in one story: {together}/{len(pairs)} = {together / max(1, len(pairs)):.1%}")
    # An article of under MIN_SHINGLES shingles (a text of a few words) links to nothing:
    # its pairs are counted apart. Articles without text (cartoons) have no pairs here.
    texts = [len(shingles(r["text"])) >= MIN_SHINGLES for r in records]
    real = [(a, b) for a, b, _ in pairs if texts[a] and texts[b]]
    joined = sum(story[a] == story[b] for a, b in real)
    print(f"  of them between articles of {MIN_SHINGLES}+ shingles: {joined}/{len(real)} = "
          f"{joined / max(1, len(real)):.1%} (the other {len(pairs) - len(real)} pairs: texts of "
          f"fewer shingles, left apart on purpose)")
    largest, n = sizes.most_common(1)[0]
    print(f"stories: {len(sizes)}, of 2+ articles: {sum(v > 1 for v in sizes.values())} "
          f"holding {sum(v for v in sizes.values() if v > 1)} articles; largest {n} articles "
          f"= {n / len(records):.2%} of {len(records)} ({records[[r['id'] for r in records].index(largest)]['title'][:60]})")
    members: dict[str, list[int]] = {}
    for i, s in enumerate(story):
        members.setdefault(s, []).append(i)
    same = [(a, b, lookup.get((a, b), 0.0)) for m in members.values() for x, a in enumerate(m)
            for b in m[x + 1:]]
    values = sorted(j for _, _, j in same)
    if values:
        print(f"same-story pairs: {len(same)}; exact Jaccard median {values[len(values) // 2]:.2f}, "
              f"< 0.1: {sum(v < 0.1 for v in values) / len(values):.1%}, "
              f"< 0.05: {sum(v < 0.05 for v in values) / len(values):.1%}")
    if sample:
        rng = random.Random(19)
        print(f"\n{sample} same-story pairs, drawn at random (exact Jaccard, titles):")
        for a, b, j in rng.sample(same, min(sample, len(same))):
            print(f"  {j:.2f}  {records[a]['outlet']}: {records[a]['title'][:70]}\n"
                  f"        {records[b]['outlet']}: {records[b]['title'][:70]}")


def ingest_cost(records) -> None:
    """Store-only ingest into a fresh store; the time in the story step per article."""
    from marsad.store import ingest_records, open_store, story_store
    from marsad.store import ingest as ingest_module

    spent = {"s": 0.0}

    def timed(fn):
        def inner(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent["s"] += time.perf_counter() - t
        return inner

    ingest_module.story_store.sketch_records = timed(story_store.sketch_records)
    ingest_module.story_store.assign_stories = timed(story_store.assign_stories)
    with tempfile.TemporaryDirectory() as tmp:
        conn = open_store(Path(tmp) / "s.db")
        started = time.perf_counter()
        stats = ingest_records(conn, records)
        total = time.perf_counter() - started
        n = stats.added
        print(f"\nstore-only ingest of {n} records: {total:.1f} s; story step {spent['s']:.1f} s "
              f"= {1000 * spent['s'] / max(1, n):.2f} ms per article")
        big = conn.execute("SELECT MAX(articles), COUNT(*) FROM stories").fetchone()
        print(f"stories in the store: {big[1]}, largest {big[0]} articles")
        conn.close()


def whole(days: int | None) -> None:
    """Group the articles from their text in memory, read one at a time in order of
    publication, as :func:`marsad.store.story_store.rebuild` does (it forgets what lies
    far behind)."""
    from marsad.readers import read
    from marsad.store.shingles import sketch
    from marsad.store.stories import StoryIndex, day_number
    from marsad.store.story_store import REBUILD_KEEP

    zips = sorted(str(p) for p in SAUDINEWSNET.glob("*.zip"))[:days]
    started = time.perf_counter()
    index = StoryIndex()
    story: dict[str, str] = {}
    renamed: dict[str, str] = {}
    n = 0
    for zip_path in zips:  # one zip a day: in order of publication
        day_articles = sorted(read([zip_path]), key=lambda a: (a.published or "~", a.id))
        for a in day_articles:
            assigned = index.add(a.id, a.published, *sketch(a.text or a.title))
            story[a.id] = assigned.story_id
            renamed.update(assigned.renamed)
            n += 1
        day = day_number(day_articles[-1].published) if day_articles else None
        if day is not None:
            index.keep_days(lambda d: d >= day - REBUILD_KEEP * index.window)
    took = time.perf_counter() - started
    for aid, sid in story.items():
        while sid in renamed:
            sid = renamed[sid]
        story[aid] = sid
    sizes = Counter(story.values())
    largest = sizes.most_common(1)[0][1]
    print(f"whole corpus: {n} articles read and grouped from their text in {took:.1f} s "
          f"({1000 * took / n:.2f} ms per article); {len(sizes)} stories, "
          f"{sum(v > 1 for v in sizes.values())} of 2+ articles; largest {largest} = "
          f"{largest / n:.2%}; {len(index)} articles held at the end")


def rebuild_store(days: int | None, keep: str | None) -> None:
    """``marsad stories --rebuild`` on a store of the articles (stored without analysis;
    with ``keep``, a store made by an earlier run with the same ``--keep``: then the
    process's peak memory is the rebuild's)."""
    from marsad.store import ingest_records, open_store
    from marsad.store.db import transaction
    from marsad.store.story_store import rebuild

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(keep or Path(tmp) / "s.db")
        made = path.exists()
        conn = open_store(path)
        if not made:
            started = time.perf_counter()
            stats = ingest_records(conn, articles(days))
            print(f"store-only ingest: {stats} in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        with transaction(conn):
            count = rebuild(conn)
        took = time.perf_counter() - started
        n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        print(f"rebuild of the stories of a store of {n} articles: {took:.1f} s, {count} stories")
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=3, help="first N days of the corpus")
    parser.add_argument("--whole", action="store_true", help="the whole corpus, from scratch")
    parser.add_argument("--rebuild", action="store_true",
                        help="store the articles, then time the rebuild of all stories")
    parser.add_argument("--records", metavar="JSONL",
                        help="--ingest: these marsad/1 records (with their events and quotes)")
    parser.add_argument("--keep", metavar="DB", help="--rebuild: the store to make or reuse")
    parser.add_argument("--ingest", action="store_true",
                        help="the cost of the story step in a store-only ingest of the days")
    parser.add_argument("--sample", type=int, default=0, help="same-story pairs to print")
    args = parser.parse_args()
    args.days_given = any(a.startswith("--days") for a in sys.argv[1:])
    if args.whole:
        whole(None if args.days == 3 and not args.days_given else args.days)
    elif args.rebuild:
        rebuild_store(None if args.days == 3 and not args.days_given else args.days, args.keep)
    elif args.ingest:
        if args.records:  # analysed records (marsad export --table articles --format jsonl)
            with open(args.records, encoding="utf-8") as lines:
                ingest_cost(json.loads(line) for line in lines)
        else:
            ingest_cost(articles(args.days))
    else:
        quality(articles(args.days), args.sample)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS) of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
