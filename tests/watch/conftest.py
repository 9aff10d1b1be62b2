"""Fixtures for watch: a local news site on 127.0.0.1 (feedsite.py), corpus articles read
in place from ../shared, one pipeline for the session, and a watcher over a fresh store."""
from __future__ import annotations

import pytest

from feedsite import Site, corpus_articles


@pytest.fixture(scope="session")
def snn_articles(saudinewsnet_dir):
    """40 SaudiNewsNet articles (unique, with a title), read in place."""
    return corpus_articles(saudinewsnet_dir, 40)


@pytest.fixture(scope="session")
def nlp():
    from marsad.pipeline.build import keep, load

    return keep(load())


@pytest.fixture()
def site():
    s = Site().start()
    yield s
    s.stop()


@pytest.fixture()
def make_watcher(tmp_path, nlp):
    """make_watcher(feeds, rules=None, **fetcher options) → (watcher, connection, messages)."""
    from marsad.store import open_store
    from marsad.watch.alerts import Alerts
    from marsad.watch.fetch import Fetcher
    from marsad.watch.loop import Analyser, Watcher

    made = []

    def make(feeds, rules=None, db=None, **options):
        options = {"delay": 0.0, "timeout": 2.0, "retries": 0, "backoff": 0.05, **options}
        conn = open_store(db or tmp_path / "watch.db")
        fetcher = Fetcher(**options)
        messages: list[str] = []
        alerts = Alerts(rules, conn, fetcher, messages.append) if rules else None
        watcher = Watcher(conn, feeds, fetcher, Analyser(nlp), alerts,
                          say=messages.append)
        made.append((watcher, fetcher, conn))
        return watcher, conn, messages

    yield make
    for watcher, fetcher, conn in made:
        watcher.close()
        fetcher.close()
        conn.close()
