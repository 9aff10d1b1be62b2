"""Search folds the hamza seats «ئ»/«ؤ» (issue #20: «مسئول» found 3 articles, «مسؤول» 77),
in the index and in the query alike; a store indexed before (version 2) is re-indexed."""
from __future__ import annotations

import pytest
from store_fixtures import AS_VERSION_2, synthetic_record

from marsad.store import StoreError, ingest_records, open_store
from marsad.store import search as search_module
from marsad.store.queries import search_articles
from marsad.store.schema import SCHEMA_VERSION

# «The official in charge of foreign affairs said ...», spelt with «ؤ» in one article and
# «ئ» in the other.
WAW = "قال المسؤول عن الشؤون الخارجية إن المحادثات مستمرة."
YEH = "قال المسئول عن الشئون الخارجية إن المحادثات مستمرة."


def _store(path):
    conn = open_store(path)
    ingest_records(conn, [synthetic_record("waw", text=WAW, title="المسؤول"),
                          synthetic_record("yeh", text=YEH, title="المسئول")])
    return conn


@pytest.mark.parametrize("query", ["مسئول", "مسؤول", "المسؤول", "شئون", "الشؤون", '"الشئون الخارجية"'])
def test_store_search_hamza_seats_fold_together(tmp_path, query):
    conn = _store(tmp_path / "h.db")
    page = search_articles(conn, query)
    assert sorted(h.id for h in page.items) == ["waw", "yeh"]
    for hit in page.items:  # the highlight lands on the word as written
        marked = [t for t, on in hit.snippet.segments() if on]
        assert any(("ؤ" in t) or ("ئ" in t) for t in marked), marked
    conn.close()


def test_store_search_hamza_version_2_store_is_reindexed(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:  # index as version 2 did: no seat folding
        m.setattr(search_module, "HAMZA_SEATS", {})
        conn = _store(path)
        for statement in AS_VERSION_2:
            conn.execute(statement)
        conn.close()
    with pytest.raises(StoreError, match="older marsad.*marsad ingest"):
        open_store(path, readonly=True)
    open_store(path).close()  # opened for writing: upgraded, index computed again
    conn = open_store(path, readonly=True)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
    assert sorted(h.id for h in search_articles(conn, "مسئول").items) == ["waw", "yeh"]
    counts = "SELECT actor_key, articles, mentions, quotes, events FROM actors ORDER BY actor_key"
    upgraded = [tuple(r) for r in conn.execute(counts)]
    conn.close()
    fresh = _store(tmp_path / "new.db")
    assert upgraded == [tuple(r) for r in fresh.execute(counts)]
    assert ("sergei lavrov", 2, 2, 2, 0) in upgraded and ("moscow", 2, 2, 0, 2) in upgraded
    fresh.close()
