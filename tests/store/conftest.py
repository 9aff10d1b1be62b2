"""Stores for the store tests: the 17 dev articles through the real pipeline (synthetic
records are in store_fixtures.py)."""
from __future__ import annotations

import pytest

from marsad.readers import read
from marsad.store import ingest_articles, open_store


@pytest.fixture(scope="session")
def dev_db(dev_path, tmp_path_factory):
    """A store with the 17 dev articles (real pipeline); read-only use only."""
    path = tmp_path_factory.mktemp("store") / "dev.db"
    conn = open_store(path)
    ingest_articles(conn, read([str(dev_path)]))
    conn.close()
    return path
