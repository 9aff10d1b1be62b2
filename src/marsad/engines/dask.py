"""Run the pipeline on dask.distributed: a local cluster, or a scheduler given by address.

Two ways, both with the same per-article function (``pipeline.build.run``) as the local
engine, so the records are identical:

- :func:`process_dask` streams articles read here to the workers in batches and yields the
  records back in input order (one ordered output file);
- :func:`process_shards` sends *input files* to the workers (JSONL, WARC, ...): each worker
  reads its file and writes one output shard next to the others. This is the way for large
  archives (Common Crawl News WARC files) on a real cluster: see docs/scale-out.md.

Each worker process builds the pipeline once per settings and keeps it.

A worker that dies (a crash, the out-of-memory killer) loses its tasks; the scheduler runs
them again on another worker. A batch whose task kills workers again (``KilledWorker``) is
sent again one article at a time, alone on the cluster, so the article to blame is known:
it becomes a ``worker_died`` error record, and the others are analysed as usual.
"""
from __future__ import annotations

import json
from collections import deque
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from marsad.engines.local import failed_records, fault_hook
from marsad.engines.types import Encode
from marsad.model import Article

BATCH = 64
# Times the local cluster's scheduler runs a task again after the worker running it died
# (Dask's default is 3: a killer article would then cost 8 worker restarts, not 4).
ALLOWED_FAILURES = 1


@lru_cache(maxsize=4)
def _nlp(settings_json: str):
    from marsad.pipeline.build import keep, load

    return keep(load(**json.loads(settings_json)))


def analyse_batch(batch: list[Article], settings_json: str, encode: Encode = None) -> list[Any]:
    """The records of one batch, passed through ``encode`` when given (runs on a worker)."""
    from marsad.pipeline.build import process

    fault_hook(batch)
    records = process(batch, _nlp(settings_json))
    return [encode(r) for r in records] if encode else list(records)


def analyse_file(path: str, out_dir: str, settings_json: str, fmt: Optional[str] = None) -> dict[str, Any]:
    """Read one input file on a worker, analyse it, write ``out_dir/<name>.jsonl``; returns
    counts. The shard is written to a temporary name and renamed when complete, so a shard
    that exists is whole."""
    from marsad.pipeline.build import process
    from marsad.readers import read

    nlp = _nlp(settings_json)
    target = Path(out_dir) / (Path(path).name + ".marsad.jsonl")
    partial = target.with_suffix(".partial")
    count = failed = 0
    with open(partial, "w", encoding="utf-8") as out:
        for record in process(_hooked(read([path], format=fmt)), nlp):
            out.write(record.to_json() + "\n")
            count += 1
            failed += bool(record.errors)
    partial.replace(target)
    return {"input": path, "output": str(target), "articles": count, "with_errors": failed}


def _hooked(articles: Iterable[Article]) -> Iterator[Article]:
    for article in articles:
        fault_hook([article])
        yield article


def _client(workers: int, scheduler: Optional[str]):
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    return Client(cluster), cluster


class _Job:
    """A batch sent to the cluster; ``alone`` once its articles are sent one by one."""

    __slots__ = ("chunk", "future", "alone")

    def __init__(self, chunk: list[Article], future=None, alone: bool = False):
        self.chunk, self.future, self.alone = chunk, future, alone


def process_dask(articles: Iterable[Article], settings: dict[str, Any], workers: int = 2,
                 scheduler: Optional[str] = None, batch: int = BATCH, encode: Encode = None) -> Iterator[Any]:
    """Records for ``articles`` in input order, analysed on Dask (passed through ``encode``
    on the worker when given: see :func:`marsad.engines.analyse`)."""
    from dask.distributed import wait
    from distributed import KilledWorker

    settings_json = json.dumps(settings, sort_keys=True)
    client, cluster = _client(workers, scheduler)

    def submit(chunk: list[Article]):
        return client.submit(analyse_batch, chunk, settings_json, encode, pure=False)

    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        articles = iter(articles)
        pending: deque[_Job] = deque()
        while True:
            while len(pending) < window and not any(job.alone for job in pending):
                chunk = list(islice(articles, batch))
                if not chunk:
                    break
                pending.append(_Job(chunk, submit(chunk)))
            if not pending:
                return
            job = pending[0]
            if job.future is None:  # an article sent alone: nothing else runs meanwhile
                job.future = submit(job.chunk)
            try:
                records = job.future.result()
            except KilledWorker:
                if not job.alone:
                    pending.popleft()
                    wait([j.future for j in pending if j.future is not None])  # the others first
                    pending.extendleft(_Job([a], alone=True) for a in reversed(job.chunk))
                    continue
                records = failed_records(job.chunk, "worker_died",
                                         "Dask worker processes died analysing it", encode)
            pending.popleft()
            yield from records
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _shard_result(future, path: str, out_dir: str) -> dict[str, Any]:
    """The counts of one shard; a shard whose task killed workers is not written (what the
    dead worker left is removed), and its counts say so (``failed``)."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        partial = (Path(out_dir) / (Path(path).name + ".marsad.jsonl")).with_suffix(".partial")
        partial.unlink(missing_ok=True)
        return {"input": path, "output": None, "articles": 0, "with_errors": 0,
                "failed": f"{path}: Dask worker processes died analysing it; its shard was not "
                          f"written (run the command again to retry it)"}


def process_shards(paths: list[str], out_dir: str, settings: dict[str, Any], workers: int = 2,
                   scheduler: Optional[str] = None, fmt: Optional[str] = None) -> list[dict[str, Any]]:
    """Analyse each input file on a worker, one output shard per input; returns the counts
    per shard in input order. Inputs whose shard already exists are skipped (resumable).
    A file whose task was lost with workers is run again alone on the cluster once the
    others are done; one that kills workers then too has no shard: its counts carry
    ``failed``, a line saying so."""
    settings_json = json.dumps(settings, sort_keys=True)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    todo = [p for p in paths if not (Path(out_dir) / (Path(p).name + ".marsad.jsonl")).exists()]
    client, cluster = _client(workers, scheduler)
    try:
        def submit(path: str):
            return client.submit(analyse_file, path, out_dir, settings_json, fmt, pure=False)

        futures = [submit(p) for p in todo]
        results = [_shard_result(f, p, out_dir) for f, p in zip(futures, todo)]
        # A file lost with a worker that another file killed is run again, alone now
        for i, path in enumerate(todo):
            if results[i].get("failed"):
                results[i] = _shard_result(submit(path), path, out_dir)
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
