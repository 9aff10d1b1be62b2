"""Where the per-article function runs: here in one process, in local worker processes,
or on a Dask cluster. Every engine gives the same records in the same order."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from marsad.model import Article, Record


def analyse(articles: Iterable[Article], settings: dict[str, Any], jobs: int = 1,
            engine: str = "local", scheduler: Optional[str] = None) -> Iterator[Record]:
    """Records for ``articles`` in input order. ``settings`` are the keyword arguments of
    :func:`marsad.pipeline.build.load`."""
    if engine == "dask":
        from marsad.engines.dask import process_dask

        return process_dask(articles, settings, workers=jobs, scheduler=scheduler)
    if jobs > 1:
        from marsad.engines.local import process_parallel

        return process_parallel(articles, jobs, settings)
    from marsad.pipeline.build import keep, load, process

    return process(articles, keep(load(**settings)))
