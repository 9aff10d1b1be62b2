"""Stories: shingling, LSH grouping, stable ids, merged events and reactions, ingest of two
copies from two outlets, the CLI and the upgrade of a version-3 store."""
from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.store import ingest_records, open_store
from marsad.store.shingles import jaccard, shingles, signature, similarity, sketch
from marsad.store.stories import StoryIndex
from marsad.store.schema import SCHEMA_VERSION
from marsad.store.story_events import merged_events, reactions
from marsad.store.story_queries import get_story, iter_stories, list_stories, story_of
from tests.store.store_fixtures import synthetic_record

# Two unrelated news items, long enough to shingle (about forty words each).
SUMMIT = ("وصل الرئيس الروسي فلاديمير بوتين إلى قاعدة فوستوشني الفضائية حيث استقبل زعيم كوريا "
          "الديمقراطية كيم جونغ أون في قمة تناولت التعاون العسكري والاقتصادي بين البلدين وقال "
          "المتحدث باسم الكرملين إن المحادثات ستتناول الوضع في شبه الجزيرة الكورية والشؤون "
          "الدولية وأعربت واشنطن عن قلقها من صفقات سلاح محتملة بينما تراقب طوكيو الزيارة بقلق")
FOOTBALL = ("فاز فريق الهلال على ضيفه النصر بهدفين مقابل هدف في المباراة التي أقيمت على ملعب "
            "الملك فهد الدولي ضمن الجولة الخامسة من الدوري السعودي للمحترفين وسجل للهلال "
            "مهاجمه في الشوط الأول قبل أن يعادل النصر ثم أضاف الهلال الهدف الثاني في الدقائق "
            "الأخيرة ليرتقي إلى صدارة الترتيب")


def test_store_stories_shingles_fold_spelling():
    # diacritics, alef forms and ta marbuta folded: the same shingles
    assert shingles("قالَ الرئيسُ إنّ القمة مهمة جدا") == shingles("قال الرئيس ان القمه مهمه جدا")
    assert shingles("كلمة واحدة") == {"كلمه واحده"}  # shorter than five words: one shingle
    assert shingles("") == set()
    assert len(shingles("a b c d e f")) == 2


def test_store_stories_signature_estimates_jaccard():
    a, b = SUMMIT, SUMMIT.replace("بقلق", "باهتمام بالغ")
    exact = jaccard(shingles(a), shingles(b))
    assert abs(similarity(signature(a), signature(b)) - exact) < 0.15
    assert similarity(signature(SUMMIT), signature(FOOTBALL)) < 0.1
    assert signature(SUMMIT).dtype == np.uint32 and len(signature(SUMMIT)) == 128
    assert sketch(SUMMIT)[1] == len(shingles(SUMMIT))


def _add(index, aid, text, day):
    sig, n = sketch(text)
    return index.add(aid, day, sig, n)


def test_store_stories_index_groups_copies_and_keeps_news_apart():
    index = StoryIndex()
    assert _add(index, "a", SUMMIT, "2015-07-21").link == "first"
    copy_ = _add(index, "b", "وكالات: " + SUMMIT, "2015-07-22")
    assert (copy_.story_id, copy_.link, copy_.linked_to) == ("a", "copy", "a")
    assert _add(index, "c", FOOTBALL, "2015-07-21").story_id == "c"
    # a copy published beyond the window starts a story of its own
    assert _add(index, "d", SUMMIT, "2015-08-30").story_id == "d"


def test_store_stories_id_is_first_article_and_merges():
    index = StoryIndex()
    _add(index, "x", SUMMIT, "2015-07-21")
    _add(index, "y", SUMMIT, "2015-07-27")  # six days later: beyond the window, apart
    assert index.articles["y"].story == "y"
    # a copy between them is near both: the two stories become one, under the first's id
    bridge = _add(index, "w", SUMMIT, "2015-07-24")
    assert (bridge.story_id, bridge.link, bridge.renamed) == ("x", "copy", {"y": "x"})
    assert {index.articles[a].story for a in "xyw"} == {"x"}


def test_store_stories_stable_id_when_a_later_copy_arrives():
    index = StoryIndex()
    _add(index, "s1", SUMMIT, "2015-07-21")
    later = _add(index, "s2", SUMMIT + " انتهى", "2015-07-23")
    assert later.story_id == "s1" and later.renamed == {}
    earlier = _add(index, "s0", SUMMIT, "2015-07-20")
    assert earlier.story_id == "s0" and earlier.renamed == {"s1": "s0"}
    assert {index.articles[a].story for a in ("s0", "s1", "s2")} == {"s0"}


def _copies():
    """The synthetic record and a copy of it from another outlet, with the summit text."""
    one = synthetic_record("wire-1", text=SUMMIT_TEXT, outlet="okaz", published="2015-07-21")
    two = synthetic_record("wire-2", text=SUMMIT_TEXT + " (واس)", outlet="alriyadh",
                           published="2015-07-22")
    return one, two


# The synthetic record's offsets point into its text's start: keep it first.
SUMMIT_TEXT = synthetic_record()["text"] + " " + SUMMIT


@pytest.fixture
def two_copies(tmp_path):
    conn = open_store(tmp_path / "s.db")
    one, two = _copies()
    other = synthetic_record("sport-1", text=synthetic_record()["text"] + " " + FOOTBALL,
                             outlet="okaz", published="2015-07-21")
    ingest_records(conn, [one])
    ingest_records(conn, [two, other])  # a later run: the index is loaded from the store
    yield conn, tmp_path / "s.db"
    conn.close()


def test_store_stories_ingest_two_copies_one_story(two_copies):
    conn, _ = two_copies
    row = story_of(conn, "wire-2")
    assert row["id"] == "wire-1" and row["link"] == "copy"
    assert (row["articles"], row["outlets"], row["events"]) == (2, 2, 1)
    assert story_of(conn, "sport-1")["id"] == "sport-1"
    events = merged_events(conn, "wire-1")
    assert len(events) == 1
    event = events[0]
    assert (event["type"], event["articles"], event["outlets"]) == ("SUPPORT", 2, 2)
    assert event["first_article"] == "wire-1" and event["first_date"] == "2015-07-21"
    assert [e["article"] for e in event["evidence"]] == ["wire-1", "wire-2"]
    assert conn.execute("SELECT COUNT(*) FROM signatures").fetchone()[0] == 3


def test_store_stories_reactions_by_country(two_copies):
    conn, _ = two_copies
    groups = reactions(conn, "wire-1")
    assert [g["country"] for g in groups] == ["RUS"]
    actors = {a["actor"]: a for a in groups[0]["actors"]}
    lavrov = actors["sergei lavrov"]
    assert len(lavrov["statements"]) == 1  # the same quote in both copies is one
    assert lavrov["statements"][0]["articles"] == ["wire-1", "wire-2"]
    assert actors["moscow"]["stance"][0]["type"] == "SUPPORT"


def test_store_stories_reingest_keeps_ids(two_copies, tmp_path):
    conn, _ = two_copies
    before = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM stories")}
    one, two = _copies()
    ingest_records(conn, [one, two], update=True)  # stored again, replaced
    after = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM stories")}
    assert after == before


def test_store_stories_listing_and_detail(two_copies):
    conn, _ = two_copies
    page = list_stories(conn)
    assert page.total == 2 and page.items[0]["last"] == "2015-07-22"
    assert list_stories(conn, min_articles=2).total == 1
    assert list_stories(conn, since="2015-07-22").total == 1
    story = get_story(conn, "wire-1")
    assert [a["id"] for a in story["articles"]] == ["wire-1", "wire-2"]
    assert story["outlets"] == ["alriyadh", "okaz"]
    assert story["actors"][0]["actor"] == "sergei lavrov"
    assert story["places"][0]["name"] == "موسكو"
    assert get_story(conn, "nope") is None
    listed = list(iter_stories(conn, until="2015-07-21"))
    assert {s["id"] for s in listed} == {"wire-1", "sport-1"}
    assert listed[0].keys() >= {"id", "title", "articles", "outlets", "first", "last", "events",
                                "reactions"}


def test_store_stories_cli(two_copies):
    _, path = two_copies
    runner = CliRunner()
    result = runner.invoke(cli, ["stories", "--db", str(path), "--since", "2015-07-21"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    wire = next(s for s in lines if s["id"] == "wire-1")
    assert wire["articles"] == ["wire-1", "wire-2"] and wire["events"][0]["outlets"] == 2
    result = runner.invoke(cli, ["stories", "--db", str(path), "--format", "csv", "--min-articles", "2"])
    assert result.exit_code == 0
    rows = result.output.lstrip("\ufeff").splitlines()
    assert rows[0].startswith("id,title,articles,outlets,first,last,events,reactions") and len(rows) == 2
    assert runner.invoke(cli, ["stories", "--db", str(path), "--since", "2015-13-01"]).exit_code == 2
    result = runner.invoke(cli, ["export", "--db", str(path), "--table", "stories", "--format", "jsonl", "-q"])
    first = json.loads(result.output.splitlines()[0])
    assert first["id"] == "sport-1" or first["id"] == "wire-1"
    assert {json.loads(line)["id"]: json.loads(line)["articles"]
            for line in result.output.splitlines()}["wire-1"] == 2
    result = runner.invoke(cli, ["stories", "--db", str(path), "--rebuild", "--min-articles", "2"])
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"] == ["wire-1", "wire-2"]


def test_store_stories_upgrade_from_version_3(tmp_path):
    path = tmp_path / "v3.db"
    conn = open_store(path)
    one, two = _copies()
    ingest_records(conn, [one, two])
    conn.execute("DROP VIEW events_story_view")
    for table in ("signatures", "story_members", "stories", "story_events"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.close()
    conn = open_store(path)  # upgraded: the stored articles are grouped
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
    assert story_of(conn, "wire-2")["id"] == "wire-1"
    assert conn.execute("SELECT COUNT(*) FROM events_story_view WHERE story_articles = 2").fetchone()[0] == 2
    conn.close()


def test_store_stories_pipeline_ingest_two_outlets(seed_parts, tmp_path):
    """The seed run through the pipeline twice, as two outlets' copies (the second with
    its own dateline): one story, each event counted once, reported by 2 articles and 2
    outlets; the reactions carry Washington's and Tokyo's statements by country."""
    from marsad.model import Article
    from marsad.store import ingest_articles

    title, body = seed_parts
    copies = [Article(id="tishreen-1", title=title, text=body, outlet="tishreen",
                      published="2023-09-13"),
              Article(id="sana-1", title=title, text="دمشق - سانا:\n" + body.split("\n", 1)[1],
                      outlet="sana", published="2023-09-14")]
    conn = open_store(tmp_path / "p.db")
    stats = ingest_articles(conn, copies)
    assert stats.added == 2
    row = story_of(conn, "sana-1")
    assert (row["id"], row["articles"], row["outlets"]) == ("tishreen-1", 2, 2)
    one = conn.execute("SELECT COUNT(DISTINCT type || source_country || target_country)"
                       " FROM events WHERE article_id = 'tishreen-1'").fetchone()[0]
    events = merged_events(conn, "tishreen-1")
    assert one <= len(events) == row["events"]
    assert len(events) < conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert all((e["articles"], e["outlets"]) == (2, 2) for e in events)
    countries = {g["country"] for g in reactions(conn, "tishreen-1")}
    assert {"USA", "JPN"} <= countries
    conn.close()


def test_store_stories_two_writers_see_each_other(tmp_path):
    """A writer whose index was loaded before another process stored a copy's original
    still finds it: the index is made anew when the store has grown meanwhile."""
    path = tmp_path / "w.db"
    first, second = open_store(path), open_store(path)
    one, two = _copies()
    sport = synthetic_record("sport-1", text=synthetic_record()["text"] + " " + FOOTBALL,
                             outlet="okaz", published="2015-07-21")
    ingest_records(second, [sport])  # the second writer's index holds that day now
    ingest_records(first, [one])
    ingest_records(second, [two])
    assert story_of(second, "wire-2")["id"] == "wire-1"
    first.close()
    second.close()


def test_store_stories_events_view_counts_copies(two_copies):
    """Each event row names its story and how many articles and outlets report it, so
    counting (story, source, type, target) counts the event once."""
    conn, _ = two_copies
    rows = conn.execute("SELECT article_id, story, story_articles, story_outlets FROM events_story_view"
                        " WHERE type = 'SUPPORT' ORDER BY article_id").fetchall()
    assert [tuple(r) for r in rows] == [("sport-1", "sport-1", 1, 1), ("wire-1", "wire-1", 2, 2),
                                        ("wire-2", "wire-1", 2, 2)]
    once = conn.execute("SELECT COUNT(DISTINCT story || '|' || source_country || '|' || type)"
                        " FROM events_story_view").fetchone()[0]
    assert once == 2


def test_store_stories_follow_up_must_share_with_the_first_article():
    """A text sharing a part with a later member of a story, but nothing with its first
    article, starts a story of its own: loose links do not chain."""
    first = " ".join(f"w{i}" for i in range(60))
    extra = " ".join(f"x{i}" for i in range(30))
    index = StoryIndex()
    _add(index, "a", first, "2015-07-21")
    assert _add(index, "b", first + " " + extra, "2015-07-21").link == "copy"
    drifted = _add(index, "c", extra + " " + " ".join(f"y{i}" for i in range(5)), "2015-07-22")
    assert drifted.story_id == "c" and drifted.link == "first"
    # one that shares with the first article too follows it up
    follow = " ".join(f"w{i}" for i in range(30)) + " " + " ".join(f"z{i}" for i in range(30))
    assert _add(index, "d", follow, "2015-07-22").story_id == "a"


def test_reactions_merge_edited_copies_of_one_statement_but_not_a_long_one_quoting_it():
    from marsad.store.story_events import _merge_copies

    said = {
        "كل من يحاول العبث بامن المملكه سيجد الرد عمليا في الميدان فورا": {"text": "a", "kind": "direct", "articles": ["x1", "x2"]},
        "ان كل من يحاول العبث بامن المملكه سيجد الرد عمليا في الميدان فورا": {"text": "b", "kind": "direct", "articles": ["x3"]},
        "كل من يحاول العبث بامن المملكه سيجد الرد عمليا في الميدان فورا وقال ذوو الشهداء ان ارواحهم فداء للوطن ودعوا الله ان يحفظ البلاد من كل سوء وشر وتابعوا حديثهم عن الشهداء الذين سقطوا دفاعا عن المسجد والمصلين في صلاة الجمعة": {
            "text": "c", "kind": "mixed", "articles": ["x4"]},
    }
    merged = _merge_copies(said)
    assert [(m["text"], m["articles"]) for m in merged] == [("a", ["x1", "x2", "x3"]), ("c", ["x4"])]
