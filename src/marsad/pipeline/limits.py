"""Limits on the work for one article: its size (:func:`bound_text`) and its time
(:func:`deadline`).

A text longer than ``max_chars`` is cut to its first ``max_chars`` characters before
anything else sees it — analysis, the record, the store — and the record says so
(``text_truncated``, with the length it had): one article of 60 MB costs what one of
``max_chars`` does, in memory and in the store.

Uses a real-time interval timer (SIGALRM), which only the main thread of a process can
receive: in the CLI and in local worker processes that is where articles are analysed. In
a thread (a Dask worker thread, a web server) the limit is not enforced and analysis runs
to its end; the size limit (``max_chars``) still bounds the work there.
"""
from __future__ import annotations

import dataclasses
import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional

from marsad.model import Article, ErrorInfo

TRUNCATED = "text_truncated"


def bound_text(article: Article, max_chars: int) -> Article:
    """``article`` itself when its text has at most ``max_chars`` characters; else a copy
    whose text is the first ``max_chars`` characters (a prefix: offsets into it are offsets
    into the original), with ``meta["text_chars"]`` the original length and a
    ``text_truncated`` error saying what was dropped. Its id is kept (a content id stays
    the one of the whole text)."""
    full = len(article.text)
    if full <= max_chars:
        return article
    where = article.source or article.id
    note = ErrorInfo(TRUNCATED, f"{where}: the text has {full} characters; the first "
                     f"{max_chars} were analysed and kept, the last {full - max_chars} dropped "
                     f"(--max-chars)", article.source)
    return dataclasses.replace(article, text=article.text[:max_chars],
                               meta={**article.meta, "text_chars": full},
                               errors=[*article.errors, note])


class ArticleTimeout(Exception):
    """Raised inside the analysis of an article that ran past its time limit."""


class _Timer:
    def __init__(self, seconds: Optional[float]):
        self.seconds = seconds or 0.0


@contextmanager
def deadline(seconds: Optional[float]) -> Iterator[_Timer]:
    """Raise :class:`ArticleTimeout` in the block once ``seconds`` have passed (no limit
    when ``seconds`` is None or 0, or outside the main thread)."""
    timer = _Timer(seconds)
    usable = bool(seconds) and threading.current_thread() is threading.main_thread() \
        and hasattr(signal, "setitimer")
    if not usable:
        yield timer
        return

    def expire(signum, frame):
        raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield timer
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
