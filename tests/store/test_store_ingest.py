"""Ingest: idempotent by id and content, --update replaces, records stored unchanged."""
from __future__ import annotations

import json
import sqlite3

import pytest
from store_fixtures import SYNTH_TEXT, synthetic_record

from marsad.model import Article
from marsad.readers import read
from marsad.store import StoreError, ingest_articles, ingest_records, open_store
from marsad.store.schema import SCHEMA_VERSION

CHILD_TABLES = ("entities", "mentions", "quotes", "events", "dates", "places", "errors")


def _count(conn, table: str) -> int:
    return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_store_ingest_dev_twice_stores_17(dev_path, tmp_path):
    conn = open_store(tmp_path / "s.db")
    first = ingest_articles(conn, read([str(dev_path)]))
    second = ingest_articles(conn, read([str(dev_path)]))
    assert (first.added, first.skipped) == (17, 0)
    assert (second.added, second.skipped) == (0, 17)
    assert _count(conn, "articles") == 17
    assert _count(conn, "articles_fts") == 17


def test_store_ingest_settings_and_meta(tmp_path):
    conn = open_store(tmp_path / "s.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    assert meta["schema_version"] == SCHEMA_VERSION and meta["record_schema"] == "marsad/1"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "actors", "events_view", "quotes_view", "events_type"} <= names


def test_store_ingest_record_json_unchanged(tmp_path):
    conn = open_store(tmp_path / "s.db")
    record = synthetic_record()
    ingest_records(conn, [record])
    raw = conn.execute("SELECT record_json FROM articles WHERE id = 'synth-1'").fetchone()[0]
    assert json.loads(raw) == record  # unknown fields (future_field, meta) kept too
    for table in CHILD_TABLES[:-1]:
        assert _count(conn, table) >= 1, table
    ev = conn.execute("SELECT * FROM events_view").fetchone()
    assert (ev["source_name"], ev["source_country"], ev["type"], ev["target_country"]) == \
           ("موسكو", "RUS", "SUPPORT", "PRK")
    assert ev["lat"] == 55.75 and ev["evidence"] == "موسكو تدعم بيونغ يانغ"
    quote = conn.execute("SELECT * FROM quotes_view").fetchone()
    assert (quote["speaker_name"], quote["speaker_actor"]) == ("لافروف", "sergei lavrov")


def test_store_ingest_same_content_other_id_is_skipped(tmp_path):
    conn = open_store(tmp_path / "s.db")
    stats = ingest_records(conn, [synthetic_record("a"), synthetic_record("b")])
    assert (stats.added, stats.skipped) == (1, 1)
    again = ingest_articles(conn, [Article(text=synthetic_record()["text"], id="c",
                                           title=synthetic_record()["title"])])
    assert (again.added, again.skipped) == (0, 1)
    assert _count(conn, "articles") == 1


def test_store_ingest_update_replaces_without_orphans(tmp_path):
    conn = open_store(tmp_path / "s.db")
    ingest_records(conn, [synthetic_record()])
    before = {t: _count(conn, t) for t in CHILD_TABLES}
    changed = synthetic_record(quotes=[], title="عنوان آخر")  # another title: another hash
    assert ingest_records(conn, [changed]).skipped == 1  # same id: skipped without update
    stats = ingest_records(conn, [changed], update=True)
    assert (stats.added, stats.updated) == (0, 1)
    assert _count(conn, "articles") == 1 and _count(conn, "articles_fts") == 1
    assert _count(conn, "quotes") == 0
    assert _count(conn, "entities") == before["entities"]
    assert json.loads(conn.execute("SELECT record_json FROM articles").fetchone()[0])["title"] == "عنوان آخر"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_store_ingest_article_with_errors_is_stored(tmp_path):
    conn = open_store(tmp_path / "s.db")
    record = synthetic_record("bad", entities=[], quotes=[], events=[], dates=[], places=[], text="",
                              errors=[{"code": "no_text", "message": "x.html: no text", "source": "x.html"}])
    stats = ingest_records(conn, [record, {**record, "id": "bad2"}])
    assert (stats.added, stats.with_errors) == (2, 2)  # empty texts are told apart by id
    assert conn.execute("SELECT code FROM errors WHERE article_id = 'bad'").fetchone()[0] == "no_text"


def test_store_ingest_malformed_parts_do_not_stop_the_batch(tmp_path):
    conn = open_store(tmp_path / "s.db")
    odd = synthetic_record("odd", text="نص آخر تماما لافروف موسكو تدعم بيونغ يانغ أسابيع.",
                           entities=[{"id": "e1", "label": "PER", "name": ["list"], "mentions": [{"start": "x"}]},
                                     "not a dict"], quotes=[{"kind": "direct"}], events=None)
    stats = ingest_records(conn, [odd, synthetic_record()])
    assert stats.added == 2


def test_store_open_rejects_foreign_files(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE meta (key TEXT, value TEXT)").connection.commit()
    with pytest.raises(StoreError, match="schema version"):
        open_store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(junk)
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", readonly=True)


def test_store_readonly_connection_cannot_write(tmp_path):
    open_store(tmp_path / "s.db").close()
    conn = open_store(tmp_path / "s.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM meta")


def test_store_ingest_actors_summary_follows_updates(tmp_path):
    conn = open_store(tmp_path / "s.db")
    ingest_records(conn, [synthetic_record("a"), synthetic_record("b", title="عنوان آخر")])
    rows = dict(conn.execute("SELECT actor_key, articles FROM actors").fetchall())
    assert rows == {"sergei lavrov": 2, "moscow": 2}
    ingest_records(conn, [synthetic_record("a", entities=[], quotes=[], events=[])], update=True)
    rows = dict(conn.execute("SELECT actor_key, articles FROM actors").fetchall())
    assert rows == {"sergei lavrov": 1, "moscow": 1}
    ingest_records(conn, [synthetic_record("b", title="عنوان آخر", entities=[])], update=True)
    assert conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0] == 0


def test_store_ingest_rejects_ids_no_address_reaches(tmp_path):
    # "/articles/a/b" is no article's address: such an id is refused before analysis, said
    # once, counted; the other articles are stored.
    from marsad.model import Article
    from marsad.store.ingest import id_problem

    assert id_problem("a/b") and id_problem("..") and id_problem(" ")
    assert id_problem("seed-000") is None and id_problem("مقال ١?#%") is None
    conn = open_store(tmp_path / "ids.db")
    said: list[str] = []
    articles = [Article(id=i, text=f"قال المتحدث إن الاجتماع {n} عقد.", source=f"in.jsonl:{n}")
                for n, i in enumerate(["ok-1", "2023/09/13/a", "ok-2"], 1)]
    stats = ingest_articles(conn, articles, on_reject=said.append)
    assert (stats.added, stats.rejected) == (2, 1)
    assert said == ["in.jsonl:2: article id '2023/09/13/a' contains '/': no address could "
                    "reach it; not stored (give it another id)"]
    assert "1 rejected" in str(stats)
    assert [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")] == ["ok-1", "ok-2"]


@pytest.mark.parametrize("code, retried", [("time_limit", True), ("worker_died", True),
                                           ("step_failed", False)])
def test_store_ingest_retries_passing_faults_without_update(tmp_path, code, retried):
    # A record stored with the error of a passing fault is analysed again by the same
    # ingest; an error of the article itself stays until --update.
    from marsad.model import ErrorInfo, Record

    conn = open_store(tmp_path / "retry.db")
    article = Article(id="slow-1", text="قال المتحدث إن الاجتماع عقد في موسكو.")
    failed = Record.from_article(article)
    failed.errors.append(ErrorInfo(code, "slow-1: a fault", None))
    ingest_articles(conn, [article], analyse=lambda new: [failed for _ in new])
    stats = ingest_articles(conn, [article])
    assert (stats.updated, stats.skipped) == ((1, 0) if retried else (0, 1))
    n_errors = conn.execute("SELECT n_errors FROM articles WHERE id = 'slow-1'").fetchone()[0]
    assert n_errors == (0 if retried else 1)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_store_ingest_actors_added_by_batch_equal_a_rebuild(tmp_path):
    # Batches of new articles are added to the actors' rows (ADD_ACTORS) instead of
    # rebuilding them: the rows must be those a rebuild from every entity row gives, names
    # written most often (ties by length), NULLs and larger values included.
    import random

    from marsad.store.ingest import refresh_actors

    rng = random.Random(7)
    names = ["لافروف", "سيرغي لافروف", "س. لافروف", "لافروف"]
    records = []
    for i in range(40):
        entities = []
        for j in range(rng.randint(0, 3)):
            entities.append({"id": f"e{j + 1}", "label": rng.choice(["PER", None, "ORG"]),
                             "name": rng.choice(names), "name_en": rng.choice(["Sergei Lavrov", None]),
                             "country": rng.choice(["RUS", None, "IGO"]),
                             "sector": rng.choice(["GOV", None]),
                             "role": rng.choice([None, "foreign minister", "minister"]),
                             "mentions": [{"start": 0, "end": 3, "text": "قال"}] * rng.randint(1, 3)})
        records.append(synthetic_record(f"a{i}", text=f"{SYNTH_TEXT} {i}", entities=entities,
                                        title=f"عنوان {i}"))
    conn = open_store(tmp_path / "s.db")
    ingest_records(conn, records, batch_size=3)
    added = sorted(map(tuple, conn.execute("SELECT * FROM actors")))
    refresh_actors(conn, {r[0] for r in conn.execute("SELECT actor_key FROM entities")})
    rebuilt = sorted(map(tuple, conn.execute("SELECT * FROM actors")))
    assert added == rebuilt and len(added) >= 2
    assert {r[8] for r in added} != {0}  # mentions counted


def test_store_actor_fields_are_read_from_their_counts_and_old_stores_get_the_index(tmp_path):
    # Adding a batch reads each actor's most frequent name, country... from actor_values
    # (by its key), never all of the actor's entity rows; a store made with the narrower
    # (actor_key) index gets the (actor_key, name) one, and loses the old, when opened to write.
    from marsad.store.schema import ADD_ACTORS

    conn = open_store(tmp_path / "s.db")
    plans = [" | ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + s, ("[]",)))
             for s in ADD_ACTORS.strip().split(";\n")]
    assert all("entities_actor_name" not in p for p in plans)
    assert "SEARCH v USING PRIMARY KEY (actor_key=? AND field=?)" in plans[-1]
    conn.execute("DROP INDEX entities_actor_name")
    conn.execute("CREATE INDEX entities_actor ON entities(actor_key)")
    conn.commit()
    conn.close()
    conn = open_store(tmp_path / "s.db")
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "entities_actor_name" in indexes and "entities_actor" not in indexes


def test_store_actor_shows_its_most_frequent_country_not_the_largest(tmp_path):
    # a person placed in Yemen once and in Saudi Arabia twice is Saudi (MAX gave YEM), also
    # after one of the articles is replaced, and after an upgrade from version 5
    conn = open_store(tmp_path / "s.db")

    def rec(i, country):
        return {"schema": "marsad/1", "id": f"a{i}", "text": f"قال أحمد عيد {i}", "entities": [
            {"id": "e1", "label": "PER", "name": "أحمد عيد", "country": country,
             "mentions": [{"start": 4, "end": 11, "text": "أحمد عيد"}]}]}

    ingest_records(conn, [rec(1, "YEM"), rec(2, "SAU")])
    ingest_records(conn, [rec(3, "SAU")])
    assert tuple(conn.execute("SELECT country, articles FROM actors").fetchone()) == ("SAU", 3)
    ingest_records(conn, [rec(2, "YEM"), rec(3, "YEM")], update=True)
    assert tuple(conn.execute("SELECT country, articles FROM actors").fetchone()) == ("YEM", 3)
    conn.execute("DROP TABLE actor_values")
    conn.execute("UPDATE actors SET country = 'ZZZ'")
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    conn = open_store(tmp_path / "s.db")
    assert tuple(conn.execute("SELECT country, articles FROM actors").fetchone()) == ("YEM", 3)


def _government(country):
    return {"id": "e9", "label": "ORG", "name": "الحكومة", "name_en": "government", "country": country,
            "sector": "GOV", "role": "government", "mentions": [{"start": 0, "end": 3, "text": "قال"}]}


def test_store_an_actor_named_by_its_role_is_one_actor_per_country(tmp_path):
    # «الحكومة» of Yemen and of Egypt are two actors; a named actor (Lavrov) stays one
    # whatever the country; a role-named actor of no country keeps its plain key.
    from marsad.store.keys import actor_key

    assert actor_key("الحكومة", "government", "government", "YEM") == "government (YEM)"
    assert actor_key("لافروف", "Sergei Lavrov", "foreign minister", "RUS") == "sergei lavrov"
    assert actor_key("الحكومة", "government", "government", None) == "government"
    conn = open_store(tmp_path / "s.db")
    records = [synthetic_record(f"a{i}", text=f"{SYNTH_TEXT} {i}", title=f"عنوان {i}",
                                entities=[_government(country)]) for i, country in enumerate(["YEM", "EGY", "YEM"])]
    ingest_records(conn, records)
    rows = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT actor_key, country, articles FROM actors")}
    assert rows == {"government (YEM)": ("YEM", 2), "government (EGY)": ("EGY", 1)}


def test_store_version_4_is_upgraded_to_role_actors_per_country(tmp_path):
    path = tmp_path / "s.db"
    conn = open_store(path)
    ingest_records(conn, [synthetic_record(f"a{i}", text=f"{SYNTH_TEXT} {i}", title=f"عنوان {i}",
                                           entities=[_government(c)]) for i, c in enumerate(["YEM", "EGY"])])
    # as version 4 stored them: one key for every government, summarised as one actor
    conn.execute("UPDATE entities SET actor_key = 'government'")
    conn.execute("DELETE FROM actors")
    conn.execute("INSERT INTO actors(actor_key, name, name_en, label, country, sector, role, articles,"
                 " mentions, quotes, events) VALUES ('government', 'الحكومة', 'government', 'ORG', 'YEM',"
                 " 'GOV', 'government', 2, 2, 0, 0)")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    conn = open_store(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
    assert sorted(r[0] for r in conn.execute("SELECT actor_key FROM actors")) == ["government (EGY)",
                                                                               "government (YEM)"]


def test_store_actor_shows_its_most_frequent_label_and_english_name(tmp_path):
    # «الأردن» named as a place twice and read once as a person («جوردان»): a place (MAX gave
    # PER), also after an upgrade from version 6
    conn = open_store(tmp_path / "s.db")

    def rec(i, label, name_en):
        return {"schema": "marsad/1", "id": f"a{i}", "text": f"زار الأردن {i}", "entities": [
            {"id": "e1", "label": label, "name": "الأردن", "name_en": name_en, "country": "JOR",
             "mentions": [{"start": 4, "end": 10, "text": "الأردن"}]}]}

    ingest_records(conn, [rec(1, "LOC", "Jordan"), rec(2, "PER", "Jordan")])
    ingest_records(conn, [rec(3, "LOC", "Jordan")])
    assert tuple(conn.execute("SELECT label, name_en, articles FROM actors").fetchone()) == ("LOC", "Jordan", 3)
    conn.execute("DELETE FROM actor_values WHERE field IN ('label', 'name_en')")
    conn.execute("UPDATE actors SET label = 'PER'")
    conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    conn = open_store(tmp_path / "s.db")
    assert tuple(conn.execute("SELECT label, articles FROM actors").fetchone()) == ("LOC", 3)
