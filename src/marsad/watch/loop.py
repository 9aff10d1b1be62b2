"""The watch loop: poll every feed, fetch and store each new item once, fire alerts; again
every ``interval`` seconds.

Order of writes, so that a process killed at any moment loses and duplicates nothing:
a feed's new articles are stored through the ingest path (up to :data:`BATCH` to a
transaction), then each one's alerts are recorded and delivered and its item is marked as
seen; a feed's ETag and Last-Modified are saved only after all its items were handled. Killed before the mark,
the next run reads the feed in full, finds the item unseen, fetches it again and finds the
article already stored under the same id: it marks it and stores nothing twice.
"""
from __future__ import annotations

import re
import sqlite3
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from marsad.model import Article
from marsad.store import watch as kept
from marsad.store.db import StoreError
from marsad.watch.alerts import Alerts
from marsad.watch.feeds import Entry, FeedRead, read_feed
from marsad.watch.fetch import Fetcher
from marsad.watch.items import article_id as id_of_item, failure_reason, item_article

MAX_ATTEMPTS = 3  # tries of a page that fails for a passing reason (timeouts, 5xx)
FEED_THREADS = 8  # feeds read at once at the start of a poll
BATCH = 32  # articles of a feed analysed and stored in one transaction


class Analyser:
    """The pipeline for articles that come one at a time, as watch's do: each is run as
    :func:`marsad.pipeline.build.process` runs it, but one vocabulary memory zone spans
    ``zone`` articles across calls (default: ``marsad.pipeline.build.ZONE``; a zone per
    article cost ~5 ms an article); memory stays flat all the same."""

    def __init__(self, nlp, zone: Optional[int] = None):
        from marsad.pipeline.build import ZONE

        zone = zone or ZONE
        self.nlp, self.zone, self.count, self.context = nlp, zone, 0, None

    def __call__(self, articles: Iterable[Article]) -> Iterator:
        from marsad.pipeline.build import run

        for article in articles:
            if self.context is None:
                self.context = self.nlp.memory_zone()
                self.context.__enter__()
            record = run(self.nlp, article)
            self.count += 1
            if self.count % self.zone == 0:
                self.release()
            yield record

    def release(self) -> None:
        """End the open memory zone (the watcher does at the end of each poll)."""
        if self.context is not None:
            context, self.context = self.context, None
            context.__exit__(None, None, None)

    def close(self) -> None:
        self.release()


@dataclass
class PollStats:
    """What one poll did, over all feeds."""

    feeds: dict[str, int] = field(default_factory=dict)  # feed status → number of feeds
    new: int = 0  # items not seen before (and retries of failed ones)
    added: int = 0  # articles stored (error records included)
    duplicates: int = 0  # items whose content was stored already (another link, another feed)
    failed: int = 0  # pages that could not be fetched or read (stored as error records)
    corrected: int = 0  # stored articles replaced by their page as changed (the feed said so)
    alerts: int = 0  # alerts delivered
    seconds: float = 0.0

    def __str__(self) -> str:
        feeds = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(self.feeds.items()))
        corrected = f"{self.corrected} corrected; " if self.corrected else ""
        return (f"{sum(self.feeds.values())} feeds ({feeds}); {self.new} new items: {self.added} stored, "
                f"{self.duplicates} duplicates, {self.failed} pages failed (kept as error records); "
                f"{corrected}{self.alerts} alerts; {self.seconds:.2f} s")


class Watcher:
    """Polls ``feeds`` into the store ``conn``. ``analyse`` turns articles into records
    (the pipeline); ``alerts`` is None without rules; ``say`` reports a problem (stderr);
    ``workers`` pages are fetched and read at once while the articles before them are
    analysed."""

    def __init__(self, conn: sqlite3.Connection, feeds: list[str], fetcher: Fetcher,
                 analyse: Callable[[Iterable[Article]], Iterable], alerts: Optional[Alerts] = None,
                 say: Callable[[str], None] = print, workers: int = 2):
        self.conn, self.feeds, self.fetcher, self.analyse = conn, feeds, fetcher, analyse
        self.alerts, self.say = alerts, say
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="watch-fetch") if workers else Inline()
        self.feed_pool = ThreadPoolExecutor(max_workers=FEED_THREADS, thread_name_prefix="watch-feeds")
        self.ahead: dict[str, dict[str, Future]] = {}  # feed URL -> item key -> page fetched ahead
        kept.ensure_tables(conn)

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.feed_pool.shutdown(wait=False, cancel_futures=True)

    def run(self, interval: float, once: bool = False,
            on_poll: Callable[[int, PollStats], None] = lambda n, s: None) -> None:
        """Poll once (``once``), or forever, a poll starting every ``interval`` seconds."""
        number = 0
        while True:
            started = time.monotonic()
            number += 1
            on_poll(number, self.poll())
            if once:
                return
            time.sleep(max(0.0, interval - (time.monotonic() - started)))

    def poll(self) -> PollStats:
        """Read every feed once and handle its new items; a feed's failure is reported and
        recorded, and the others go on."""
        stats = PollStats()
        started = time.perf_counter()
        fired = self.alerts.fired if self.alerts else 0
        if self.alerts:
            self.alerts.retry()
        # the feeds are read at once (threads; a host's requests still wait their turn),
        # their items handled one feed after another in the order of the feeds file
        reads = {}
        for url in self.feeds:
            row = kept.feed_row(self.conn, url)
            reads[url] = self.feed_pool.submit(read_feed, self.fetcher, url, row["etag"] if row else None,
                                               row["last_modified"] if row else None)
        self.ahead = {}
        try:
            for n, url in enumerate(self.feeds):
                following = self.feeds[n + 1] if n + 1 < len(self.feeds) else None
                try:
                    status = self.poll_feed(url, reads[url].result(), stats,
                                            (following, reads[following]) if following else None)
                except StoreError:
                    raise  # the store cannot be written: nothing else can be done
                except Exception as exc:  # a bug met on one feed must not stop the others
                    status, error = "error", f"failed while reading it ({type(exc).__name__}: {exc})"
                    self.say(f"{url}: error: {error}")
                    kept.record_poll(self.conn, url, status=status, error=error)
                stats.feeds[status] = stats.feeds.get(status, 0) + 1
        finally:
            getattr(self.analyse, "release", lambda: None)()  # no memory zone open between polls
            for futures in self.ahead.values():
                for future in futures.values():
                    future.cancel()
            self.ahead = {}
        stats.alerts = self.alerts.fired - fired if self.alerts else 0
        stats.seconds = time.perf_counter() - started
        return stats

    def poll_feed(self, url: str, read: FeedRead, stats: PollStats,
                  following: Optional[tuple[str, Future]] = None) -> str:
        """Record what reading the feed gave and handle its new items (and the failed ones
        worth trying again); return the feed's status. ``following``: the next feed's URL
        and the reading of it, whose pages are fetched while this feed's are analysed."""
        if read.status not in ("ok", "not_modified"):
            self.say(f"{url}: {read.status.replace('_', ' ')}: {read.error}")
            kept.record_poll(self.conn, url, status=read.status, error=read.error,
                             http_status=read.http_status)
            return read.status
        if read.error:
            self.say(f"{url}: {read.error}")
        todo = self.new_items(url, read)
        changed = self.changed_items(read)
        self.handle(url, read, todo, stats, following)
        if changed:
            self.correct(url, read, changed, stats)
        kept.record_poll(self.conn, url, status=read.status, error=read.error,
                         http_status=read.http_status, title=read.title,
                         entries=len(read.entries) if read.status == "ok" else None,
                         new_items=len(todo), validators=read.validators)
        return read.status

    def new_items(self, url: str, read: FeedRead) -> list[Entry]:
        """The feed's items not seen yet, oldest first (feeds list the newest first: a run
        stopped early has handled the items closest to dropping out of the feed), then its
        failed items worth trying again."""
        todo = [e for e in reversed(read.entries) if kept.seen_item(self.conn, e.key, e.link) is None]
        todo = _unique(todo)
        keys = {e.key for e in todo}
        retries = [r for r in kept.items_to_retry(self.conn, url, MAX_ATTEMPTS) if r["item_key"] not in keys]
        return todo + [Entry(r["item_key"], r["link"], {"id": None, "link": r["link"]}, 0) for r in retries]

    def changed_items(self, read: FeedRead) -> list[tuple[Entry, str]]:
        """Stored items whose feed entry says they changed since they were stored (a later
        ``updated``), with the key of their row. An item stored before its change date was
        recorded gets it recorded now, and is not fetched again."""
        out = []
        for entry in read.entries:
            if not entry.updated:
                continue
            row = kept.seen_item(self.conn, entry.key, entry.link)
            if row is None or row["status"] != "stored" or row["article_id"] != id_of_item(entry):
                continue
            if row["updated"] is None:
                kept.note_updated(self.conn, row["item_key"], entry.updated)
            elif _later(entry.updated, row["updated"]):
                out.append((entry, row["item_key"]))
        return out

    def correct(self, url: str, read: FeedRead, changed: list[tuple[Entry, str]], stats: PollStats) -> None:
        """Fetch the pages of changed items again and store each in place of its article
        when its title or text changed (a correction). A page that cannot be read now keeps
        the stored version, and is tried again at the feed's next change."""
        outlet = self.outlet(url, read)
        futures = [self.pool.submit(item_article, self.fetcher, entry, url, outlet) for entry, _ in changed]
        for (entry, key), future in zip(changed, futures):
            outcome = kept.correct_article(self.conn, future.result(), self.analyse)
            stats.corrected += outcome == "corrected"
            if outcome != "kept":
                kept.note_updated(self.conn, key, entry.updated)

    def handle(self, url: str, read: FeedRead, todo: list[Entry], stats: PollStats,
               following: Optional[tuple[str, Future]] = None) -> None:
        """Fetch the pages of ``todo`` in the pool (those fetched ahead are taken as they
        are), start fetching the next feed's, then store each item in feed order."""
        early, outlet = self.ahead.pop(url, {}), self.outlet(url, read)
        futures = [early.pop(e.key, None) or self.pool.submit(item_article, self.fetcher, e, url, outlet)
                   for e in todo]
        for future in early.values():  # fetched ahead but seen since: not needed
            future.cancel()
        if following:
            self.fetch_ahead(*following, taken=todo)
        for start in range(0, len(todo), BATCH):
            # a batch is analysed and written while the pool fetches the next pages
            articles = [f.result() for f in futures[start:start + BATCH]]
            outcomes = kept.store_articles(self.conn, articles, self.analyse)
            for entry, article, outcome in zip(todo[start:start + BATCH], articles, outcomes):
                self.settle(url, entry, article, *outcome, stats)

    def outlet(self, url: str, read: FeedRead) -> Optional[str]:
        return read.title or (kept.feed_row(self.conn, url) or {"title": None})["title"]

    def fetch_ahead(self, url: str, reading: Future, taken: list[Entry]) -> None:
        """Start fetching the pages of the next feed's new items, so that they are ready
        when its turn comes. Items of ``taken`` (this feed's: stored before that turn) are
        left out; at its turn the feed's new items are found again, and a page fetched ahead
        is used only for an item still new. A feed not read yet waits for its turn."""
        if not reading.done() or reading.exception() is not None:
            return
        read = reading.result()
        if read.status not in ("ok", "not_modified"):
            return
        keys, links = {e.key for e in taken}, {e.link for e in taken if e.link}
        todo = [e for e in self.new_items(url, read) if e.key not in keys and e.link not in links]
        outlet = self.outlet(url, read)
        self.ahead[url] = {e.key: self.pool.submit(item_article, self.fetcher, e, url, outlet)
                           for e in todo}

    def settle(self, url: str, entry: Entry, article: Article, outcome: str, article_id: str,
               stats: PollStats) -> None:
        """After an item's article is stored: count it, fire its alerts, mark it as seen."""
        stats.new += 1
        problem = failure_reason(article)
        if outcome == "duplicate":
            status = "duplicate"
            stats.duplicates += 1
        elif problem:
            status = "failed"
            stats.failed += 1
            self.say(f"{url}: item {entry.link or entry.key}: {problem}")
        else:
            status = "stored"
        stats.added += outcome in ("added", "replaced")
        if self.alerts and status != "failed":
            self.alerts.check(article_id)
        kept.mark_item(self.conn, entry.key, url, entry.link, article_id, status,
                       problem if status == "failed" else None, updated=entry.updated)


class Inline:
    """An executor that runs each job when it is submitted (``workers=0``: no threads)."""

    def submit(self, job, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(job(*args))
        except BaseException as exc:  # handed to the caller by result(), as a pool would
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _unique(entries: list[Entry]) -> list[Entry]:
    """A feed listing the same item (key or link) twice: handled once."""
    seen: set[str] = set()
    out = []
    for e in entries:
        if e.key in seen or (e.link and e.link in seen):
            continue
        seen.update(x for x in (e.key, e.link) if x)
        out.append(e)
    return out


def _later(updated: str, stored: str) -> bool:
    """Is the change date ``updated`` after ``stored``? Both as :func:`updated_of` gives
    them: UTC times compare as text; a value that is no time counts as later when it differs."""
    if _UTC.fullmatch(updated) and _UTC.fullmatch(stored):
        return updated > stored
    return updated != stored


_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
