"""Run the pipeline in worker processes on this machine, keeping input order.

Each worker builds the pipeline once (``load(**settings)``) and analyses batches of
articles; batches are sent in order and their records yielded in order, with at most
``2 × jobs`` batches in flight so memory stays bounded on endless inputs. An article that
fails inside a worker is still a record with ``errors`` (``pipeline.build.run`` never
raises for an article); a worker that dies turns its batch into error records.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Iterable, Iterator, Optional

from marsad.engines.types import Encode
from marsad.errors import MarsadError
from marsad.model import Article, ErrorInfo, Record

BATCH = 16  # articles per task: large enough to amortise pickling, small enough to stream

_worker_nlp = None  # the pipeline of this worker process, built by _init


def _init(settings: dict[str, Any]) -> None:
    global _worker_nlp
    from marsad.pipeline.build import keep, load

    _worker_nlp = keep(load(**settings))


def _analyse(batch: list[Article], encode: Encode = None) -> list[Any]:
    from marsad.pipeline.build import process

    records = process(batch, _worker_nlp)
    return [encode(r) for r in records] if encode else list(records)


def process_parallel(articles: Iterable[Article], jobs: int, settings: Optional[dict[str, Any]] = None,
                     batch: int = BATCH, encode: Encode = None) -> Iterator[Any]:
    """Records for ``articles`` in input order, analysed by ``jobs`` processes (passed
    through ``encode`` in the worker when given: see :func:`marsad.engines.analyse`).
    ``settings`` are the keyword arguments of :func:`marsad.pipeline.build.load`."""
    pool = _Pool(jobs, settings or {}, encode)
    articles = iter(articles)
    pending: deque[list] = deque()  # [chunk, future, attempts]
    try:
        while True:
            while len(pending) < 2 * jobs:
                chunk = list(islice(articles, batch))
                if not chunk:
                    break
                pending.append([chunk, pool.submit(chunk), 1])
            if not pending:
                return
            entry = pending[0]
            try:
                records = entry[1].result()
            except BrokenProcessPool:
                if not pool.succeeded:
                    raise EngineError("the worker processes could not start or died at once; "
                                      "run with --jobs 1 to see why") from None
                # A worker died (crash, out of memory): every task in flight is lost. Start
                # a new pool and send them again; a chunk that breaks the pool twice becomes
                # error records.
                pool.restart()
                for item in pending:
                    item[1] = pool.submit(item[0])
                    item[2] += 1
                if entry[2] <= 2:
                    continue
                records = _failed(entry[0], "worker_died", "a worker process died twice analysing it", encode)
            except Exception as exc:  # noqa: BLE001 - e.g. a record that could not be pickled
                records = _failed(entry[0], "worker_failed", f"{type(exc).__name__}: {exc}", encode)
            pending.popleft()
            pool.succeeded = True
            yield from records
    finally:
        pool.close()


class _Pool:
    def __init__(self, jobs: int, settings: dict[str, Any], encode: Encode = None):
        self.jobs, self.settings, self.encode = jobs, settings, encode
        self.succeeded = False  # has any task come back? (else a broken pool means no start)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")  # no fork of loaded models or threads
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init,
                                   initargs=(self.settings,))

    def submit(self, chunk: list[Article]) -> Future:
        return self.executor.submit(_analyse, chunk, self.encode)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class EngineError(MarsadError):
    """The engine itself cannot run (workers do not start)."""


def _failed(chunk: list[Article], code: str, why: str, encode: Encode = None) -> list[Any]:
    records = []
    for article in chunk:
        record = Record.from_article(article)
        record.errors.append(ErrorInfo(code, f"{article.source or article.id}: {why}", article.source))
        records.append(encode(record) if encode else record)
    return records
