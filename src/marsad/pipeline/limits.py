"""A time limit on the analysis of one article.

Uses a real-time interval timer (SIGALRM), which only the main thread of a process can
receive: in the CLI and in local worker processes that is where articles are analysed. In
a thread (a Dask worker thread, a web server) the limit is not enforced and analysis runs
to its end; the size limit (``max_chars``) still bounds the work there.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional


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
