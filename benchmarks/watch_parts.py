"""Where a watch poll's CPU goes, part by part (``benchmarks/watch.py --parts``).

Each part is a function of the watcher, the pipeline or the store, wrapped so that it adds
the CPU time of its thread (``time.thread_time``) minus that of the wrapped parts it calls:
every CPU second of every thread is counted once, in the innermost part that spent it. The
collector's passes are counted apart too (they happen inside whichever part allocates).
The wrappers cost about 1.5 µs a call (some 22,000 calls in a poll of 1,000 articles: 0.03 s).
"""
from __future__ import annotations

import functools
import gc
import importlib
import threading
import time
from collections import Counter

# (module, attribute, owner class or None, part): the innermost part counts.
PARTS = [
    ("feedparser", "parse", None, "feeds: feedparser"),
    ("marsad.watch.loop", "read_feed", None, "feeds: the rest of reading a feed"),
    ("marsad.watch.fetch", "get", "Fetcher", "HTTP: httpx GETs (feeds, pages, robots.txt)"),
    ("marsad.watch.fetch", "allowed", "Fetcher", "HTTP: robots.txt checks"),
    ("marsad.readers.html", "_extract", None, "pages: trafilatura"),
    ("marsad.watch.items", "html_article", None, "pages: the rest of the HTML reader"),
    ("marsad.watch.items", "entry_article", None, "pages: the feed entry's article"),
    ("marsad.watch.loop", "item_article", None, "pages: the rest of an item's article"),
    ("marsad.pipeline.build", "make_doc", None, "pipeline: tokenizer (make_doc)"),
    ("marsad.pipeline.build", "to_record", None, "pipeline: the record, the rest"),
    ("marsad.pipeline.build", "run", None, "pipeline: the record, the rest"),
    ("marsad.store.ingest", "index_fields", None, "store: full-text index words"),  # as ingest calls it
    ("marsad.store.ingest", "insert_record", None, "store: rows, record JSON, FTS5 insert"),
    ("marsad.store.ingest", "add_actors", None, "store: actors summary"),
    ("marsad.store.story_store", "sketch_records", None, "store: MinHash signatures, stories"),
    ("marsad.store.story_store", "assign_stories", None, "store: MinHash signatures, stories"),
    ("marsad.store.ingest", "write_batch", None, "store: transactions, lookups, commits"),
    ("marsad.store.watch", "ingest_articles", None, "store: transactions, lookups, commits"),
    ("marsad.store.watch", "store_articles", None, "store: transactions, lookups, commits"),
    ("marsad.model", "to_dict", "Record", "store: transactions, lookups, commits"),
    ("marsad.store.watch", "mark_item", None, "bookkeeping: feed_items, feeds, the loop"),
    ("marsad.store.watch", "record_poll", None, "bookkeeping: feed_items, feeds, the loop"),
    ("marsad.store.watch", "seen_item", None, "bookkeeping: feed_items, feeds, the loop"),
    ("marsad.store.watch", "feed_row", None, "bookkeeping: feed_items, feeds, the loop"),
    ("marsad.store.watch", "items_to_retry", None, "bookkeeping: feed_items, feeds, the loop"),
    ("marsad.watch.loop", "poll", "Watcher", "bookkeeping: feed_items, feeds, the loop"),
]


class Parts:
    """Install with :meth:`install` (after the pipeline is loaded, before the poll); read
    :meth:`table` after it."""

    def __init__(self):
        self.seconds: Counter = Counter()
        self.local = threading.local()
        self.gc = [0.0, 0.0]  # seconds in collections, start of the running one

    def wrap(self, part: str, fn):
        local, seconds = self.local, self.seconds

        @functools.wraps(fn)
        def inner(*args, **kwargs):
            stack = local.__dict__.setdefault("stack", [])
            started = time.thread_time()
            stack.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                inside = stack.pop()
                spent = time.thread_time() - started
                seconds[part] += spent - inside
                if stack:
                    stack[-1] += spent
        return inner

    def install(self, nlp) -> None:
        for module, name, owner, part in PARTS:
            target = importlib.import_module(module)
            target = getattr(target, owner) if owner else target
            setattr(target, name, self.wrap(part, getattr(target, name)))
        components = nlp._components  # each step of the pipeline: a part of its own
        for i, (name, proc) in enumerate(components):
            components[i] = (name, self.wrap(f"pipeline: {name.removeprefix('marsad_')}", proc))
        gc.callbacks.append(self._collection)

    def _collection(self, phase: str, info: dict) -> None:
        if phase == "start":
            self.gc[1] = time.thread_time()
        else:
            self.gc[0] += time.thread_time() - self.gc[1]

    def table(self, cpu: float) -> str:
        """The parts, largest first, against ``cpu``: the process's CPU seconds over the poll."""
        rows = [f"  {'part':58} {'CPU s':>6} {'share':>6}"]
        for part, seconds in sorted(self.seconds.items(), key=lambda kv: -kv[1]):
            rows.append(f"  {part:58} {seconds:6.2f} {100 * seconds / cpu:5.1f}%")
        rest = cpu - sum(self.seconds.values())
        rows.append(f"  {'not in a part (threads starting, waits)':58} {rest:6.2f} {100 * rest / cpu:5.1f}%")
        rows.append(f"  {'(garbage collection, inside the parts above)':58} {self.gc[0]:6.2f} "
                    f"{100 * self.gc[0] / cpu:5.1f}%")
        return "\n".join(rows)
