"""Where the per-article function runs: here in one process, in local worker processes,
or on a Dask cluster. Every engine gives the same records in the same order."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from marsad.engines.types import Encode
from marsad.model import Article


def analyse(articles: Iterable[Article], settings: dict[str, Any], jobs: int = 1,
            engine: str = "local", scheduler: Optional[str] = None, encode: Encode = None) -> Iterator[Any]:
    """Records for ``articles`` in input order. ``settings`` are the keyword arguments of
    :func:`marsad.pipeline.build.load`. With ``encode`` (a picklable function of a record,
    such as :func:`marsad.writers.encode`), each record is passed through it where it was
    made and its result is yielded instead: workers then send back JSON text, not objects.
    Texts longer than ``settings["max_chars"]`` are cut here, before they travel to a
    worker (:func:`marsad.pipeline.limits.bound_text`)."""
    from marsad.pipeline.build import DEFAULT_MAX_CHARS
    from marsad.pipeline.limits import bound_text

    max_chars = settings.get("max_chars") or DEFAULT_MAX_CHARS
    articles = (bound_text(article, max_chars) for article in articles)
    if engine == "dask":
        from marsad.engines.dask import process_dask

        return process_dask(articles, settings, workers=jobs, scheduler=scheduler, encode=encode)
    if jobs > 1:
        from marsad.engines.local import process_parallel

        return process_parallel(articles, jobs, settings, encode=encode)
    from marsad.pipeline.build import keep, load, process

    records = process(articles, keep(load(**settings)))
    return map(encode, records) if encode else records
