"""Run the pipeline in worker processes on this machine, keeping input order.

Each worker builds the pipeline once (``load(**settings)``) and analyses batches of
articles; batches are sent in order and their records yielded in order, with at most
``2 × jobs`` batches in flight so memory stays bounded on endless inputs. An article that
fails inside a worker is still a record with ``errors`` (``pipeline.build.run`` never
raises for an article).

A worker that dies (crash, out of memory) loses every task in flight. They are sent again
to a fresh pool one article at a time, so that the article that kills a worker is known:
one that kills a worker again is a ``worker_died`` error record, and the others are
analysed as usual. Workers exit when the process that started them dies (killed, even with
``kill -9``): a watchdog thread in each worker checks its parent.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Iterable, Iterator, Optional

from marsad.engines.types import Encode
from marsad.errors import MarsadError
from marsad.model import Article, ErrorInfo, Record

BATCH = 16  # articles per task: large enough to amortise pickling, small enough to stream
DEATHS = 2  # worker deaths that make an article an error record (the 2nd is when alone)
WATCH_SECONDS = 0.5  # how often a worker checks that its parent is alive
# Test-only fault hook: a worker analysing an article with one of these ids (comma-separated)
# exits at once, as a worker killed by the system would.
FAULT_ENV = "MARSAD_TEST_WORKER_EXIT_ON"

_worker_nlp = None  # the pipeline of this worker process, built by _init


def _init(settings: dict[str, Any], parent: int) -> None:
    global _worker_nlp
    _watch_parent(parent)
    from marsad.pipeline.build import keep, load

    _worker_nlp = keep(load(**settings))


def _watch_parent(parent: int) -> None:
    """Exit this worker once the process ``parent`` is gone (the worker is then adopted by
    another process, so its parent id changes)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="marsad-parent-watchdog", daemon=True).start()


def _ping() -> bool:
    return True


def fault_hook(batch: list[Article]) -> None:
    """Exit this worker at once when ``batch`` holds an article named by :data:`FAULT_ENV`
    (tests only: it stands for a worker killed by the system)."""
    doomed = set(filter(None, os.environ.get(FAULT_ENV, "").split(",")))
    if doomed and any(a.id in doomed for a in batch):
        os._exit(70)


def _analyse(batch: list[Article], encode: Encode = None) -> list[Any]:
    from marsad.pipeline.build import process

    fault_hook(batch)
    records = process(batch, _worker_nlp)
    return [encode(r) for r in records] if encode else list(records)


class _Task:
    """Articles sent together; ``alone`` once they are retried one by one after a death."""

    __slots__ = ("chunk", "future", "deaths", "alone")

    def __init__(self, chunk: list[Article], deaths: int = 0, alone: bool = False):
        self.chunk, self.future, self.deaths, self.alone = chunk, None, deaths, alone


def process_parallel(articles: Iterable[Article], jobs: int, settings: Optional[dict[str, Any]] = None,
                     batch: int = BATCH, encode: Encode = None) -> Iterator[Any]:
    """Records for ``articles`` in input order, analysed by ``jobs`` processes (passed
    through ``encode`` in the worker when given: see :func:`marsad.engines.analyse`).
    ``settings`` are the keyword arguments of :func:`marsad.pipeline.build.load`.
    Raises :class:`EngineError` when the workers cannot start."""
    pool = _Pool(jobs, settings or {}, encode)
    try:
        yield from _records(pool, articles, batch)
    finally:
        pool.close()


class Workers:
    """Worker processes that outlive one input: each call analyses the articles given, in
    order, as :func:`process_parallel` does (a worker that dies is replaced, its articles
    sent again), and the workers wait for the next call with their pipelines loaded. For a
    process that analyses articles as they come (``marsad watch --jobs``). ``close()``
    stops them."""

    def __init__(self, jobs: int, settings: Optional[dict[str, Any]] = None):
        self.pool = _Pool(jobs, settings or {})
        self.pool.check()

    def __call__(self, articles: Iterable[Article]) -> Iterator[Record]:
        articles = list(articles)
        # as many tasks as workers (a watch batch is a feed's new items: ~20 articles)
        batch = max(1, min(BATCH, -(-len(articles) // self.pool.jobs)))
        return _records(self.pool, articles, batch)

    def close(self) -> None:
        self.pool.close()


def _records(pool: "_Pool", articles: Iterable[Article], batch: int) -> Iterator[Any]:
    """The records of ``articles`` in input order, from the workers of ``pool``."""
    articles = iter(articles)
    pending: deque[_Task] = deque()
    while True:
        _fill(pending, articles, pool.jobs, batch)
        if not pending:
            return
        _submit(pool, pending)
        task = pending[0]
        try:
            records = task.future.result()
        except BrokenProcessPool:
            _after_death(pool, pending)
            task = pending[0]
            if task.deaths < DEATHS:
                continue
            records = failed_records(task.chunk, "worker_died",
                                     "a worker process died twice analysing it", pool.encode)
        except Exception as exc:  # noqa: BLE001 - e.g. a record that could not be pickled
            records = failed_records(task.chunk, "worker_failed", f"{type(exc).__name__}: {exc}",
                                     pool.encode)
        pending.popleft()
        yield from records


def _fill(pending: deque[_Task], articles: Iterator[Article], jobs: int, batch: int) -> None:
    """Read new batches while fewer than ``2 × jobs`` are pending (none while articles are
    retried one by one, which come first)."""
    while len(pending) < 2 * jobs and not any(t.alone for t in pending):
        chunk = list(islice(articles, batch))
        if not chunk:
            return
        pending.append(_Task(chunk))


def _submit(pool: "_Pool", pending: deque[_Task]) -> None:
    """Send the pending tasks not yet sent; an article retried alone goes only when nothing
    else is running, so a death then is its own."""
    for task in pending:
        if task.future is not None:
            continue
        if task.alone and any(_running(t) for t in pending):
            return
        task.future = pool.submit(task.chunk)
        if task.alone:
            return


def _running(task: _Task) -> bool:
    return task.future is not None and not task.future.done()


def _finished(task: _Task) -> bool:
    """Whether the task's records came back (before a death, they are kept)."""
    future = task.future
    return future is not None and future.done() and not future.cancelled() \
        and future.exception() is None


def _after_death(pool: "_Pool", pending: deque[_Task]) -> None:
    """A worker died: every task in flight is lost. Start a fresh pool and send them again
    one article at a time. An article that was alone in flight is the one to blame (a death
    more against it); those of lost batches count one death each. Tasks not sent yet, and
    those whose records came back, stay as they are."""
    pool.restart()
    tasks = list(pending)
    pending.clear()
    for task in tasks:
        if task.future is None or _finished(task):
            pending.append(task)
        elif task.alone:
            task.future = None
            task.deaths += 1
            pending.append(task)
        else:
            pending.extend(_Task([a], deaths=1, alone=True) for a in task.chunk)


class _Pool:
    """A process pool that can be started again after a worker dies."""

    def __init__(self, jobs: int, settings: dict[str, Any], encode: Encode = None):
        self.jobs, self.settings, self.encode = jobs, settings, encode
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")  # no fork of loaded models or threads
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init,
                                   initargs=(self.settings, os.getpid()))

    def submit(self, chunk: list[Article]) -> Future:
        try:
            return self.executor.submit(_analyse, chunk, self.encode)
        except BrokenProcessPool:  # broke since the last result: the caller sees it there
            future: Future = Future()
            future.set_exception(BrokenProcessPool("a worker process died"))
            return future

    def restart(self) -> None:
        """A fresh pool; :class:`EngineError` if its workers cannot even start."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        self.check()

    def check(self) -> None:
        """Wait for a worker to answer; :class:`EngineError` if they cannot start."""
        try:
            self.executor.submit(_ping).result()
        except BrokenProcessPool:
            raise EngineError("the worker processes could not start or died at once; "
                              "run with --jobs 1 to see why") from None

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class EngineError(MarsadError):
    """The engine itself cannot run (workers do not start)."""


def failed_records(chunk: list[Article], code: str, why: str, encode: Encode = None) -> list[Any]:
    """Records for the articles of ``chunk`` with one error each (``code``: ``why``),
    passed through ``encode`` when given."""
    records = []
    for article in chunk:
        record = Record.from_article(article)
        record.errors.append(ErrorInfo(code, f"{article.source or article.id}: {why}", article.source))
        records.append(encode(record) if encode else record)
    return records
