"""Alert rules (TOML): conditions on actors, countries, event types, outlets and words; a
match writes one JSON line and/or POSTs it, once per rule and article, across restarts."""
from __future__ import annotations

import json

import pytest

from feedsite import page_html

from marsad.errors import InputError
from marsad.watch.alerts import Rule, load_rules

RECORD = {"id": "a1", "title": "قمة في موسكو", "text": "التقى الرئيس الروسي بنظيره لبحث التعاون.",
          "outlet": "تشرين", "url": "https://www.tishreen.sy/news/1",
          "entities": [{"id": "e1", "name": "فلاديمير بوتين", "name_en": "Vladimir Putin", "country": "RUS"},
                       {"id": "e2", "name": "كيم جونغ أون", "country": "PRK"}],
          "events": [{"type": "CONSULT", "source": {"entity": "e1"}, "target": {"entity": "e2"}}],
          "places": [{"name": "موسكو", "country": "RUS"}]}


@pytest.mark.parametrize("conditions, matched", [
    ({"actors": ["بوتين"]}, {"actors": ["فلاديمير بوتين"]}),
    ({"actors": ["vladimir putin"]}, {"actors": ["فلاديمير بوتين"]}),
    ({"countries": ["prk"]}, {"countries": ["PRK"]}),
    ({"events": ["CONSULT"]}, {"events": ["CONSULT"]}),
    ({"outlets": ["tishreen.sy"]}, {"outlets": ["tishreen.sy"]}),
    ({"outlets": ["تشرين"]}, {"outlets": ["تشرين"]}),
    ({"words": ["التعاون", "موسكو"]}, {"words": ["التعاون", "موسكو"]}),
    ({"words": ["تعاون"]}, {"words": ["تعاون"]}),  # «التعاون»: the article is a proclitic
    ({"words": ["الروسى"]}, {"words": ["الروسى"]}),  # folded as search folds (ي/ى)
    ({"words": ["قمه في موسكو"]}, {"words": ["قمه في موسكو"]}),  # a phrase of the title
    ({"events": ["CONSULT"], "countries": ["PRK"]}, {"events": ["CONSULT"], "countries": ["PRK"]}),
])
def test_a_rule_matches_what_the_record_reports(conditions, matched):
    assert Rule(name="r", file=None, **conditions).matches(RECORD) == matched


@pytest.mark.parametrize("conditions", [
    {"actors": ["أوباما"]}, {"countries": ["USA"]}, {"events": ["ATTACK"]}, {"outlets": ["aawsat"]},
    {"words": ["عاون"]},  # part of a word is not the word
    {"events": ["CONSULT"], "countries": ["USA"]},  # all must hold
])
def test_a_rule_does_not_match_what_the_record_lacks(conditions):
    assert Rule(name="r", **conditions).matches(RECORD) is None


def test_match_any_needs_one_condition():
    assert Rule(name="r", events=["CONSULT"], countries=["USA"], match="any").matches(RECORD) == {"events": ["CONSULT"]}


@pytest.mark.parametrize("text, reason", [
    ("[[rule]]\nname = 'x'\nwords = ['a']\n", "no output"),
    ("[[rule]]\nname = 'x'\nfile = 'a.jsonl'\n", "names no condition"),
    ("[[rule]]\nname = 'x'\nevents = ['HUG']\nfile = 'a.jsonl'\n", "unknown event type(s) HUG"),
    ("[[rule]]\nname = 'x'\nword = ['a']\nfile = 'a.jsonl'\n", "unknown key(s) word"),
    ("[[rule]]\nwords = ['a']\nfile = 'a.jsonl'\n", "needs a name"),
    ("[[rule]]\nname = 'x'\nwords = 5\nfile = 'a.jsonl'\n", "words must be a list"),
    ("[[rule]]\nname = 'x'\nwords = ['a']\npost = 'ftp://x'\n", "post must be an http(s) URL"),
    ("[[rule]]\nname = 'x'\nwords = ['a']\nmatch = 'some'\nfile = 'a'\n", 'match must be "all" or "any"'),
    ("file = 'a.jsonl'\n[[rule]]\nname = 'x'\nwords = ['a']\n[[rule]]\nname = 'x'\nwords = ['b']\n", "a second rule named 'x'"),
    ("[[rule]\nname = 'x'\n", "not a TOML file"),
    ("name = 'x'\n", "unknown top-level key(s) name"),
    ("", "no [[rule]] table"),
])
def test_bad_rules_name_the_file_the_rule_and_the_reason(tmp_path, text, reason):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(str(path)) and reason in str(caught.value)


def test_rules_file_paths_are_relative_to_the_rules_file(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("file = 'out/alerts.jsonl'\n[[rule]]\nname = 'x'\nwords = ['a']\n", encoding="utf-8")
    (rule,) = load_rules(path)
    assert rule.file == tmp_path / "out" / "alerts.jsonl" and rule.post is None


def test_alerts_fire_once_per_article_to_a_file_and_a_url(site, snn_articles, make_watcher, tmp_path):
    base = site.base
    for i in range(3):
        site.set(f"/n/{i}.html", page_html(snn_articles[i]))
    site.feed("/feed.xml", "صحيفة", [{"title": a["title"], "link": f"{base}/n/{i}.html", "guid": str(i)}
                                     for i, a in enumerate(snn_articles[:3])])
    word = next(w for w in snn_articles[0]["title"].split() if len(w) > 4)  # a word of the first title
    rules_path = tmp_path / "rules.toml"
    rules_path.write_text(f"[[rule]]\nname = 'everything'\nmatch = 'any'\noutlets = ['صحيفة', '127.0.0.1']\n"
                          f"file = 'all.jsonl'\n\n"
                          f"[[rule]]\nname = 'word'\nwords = ['{word}']\nfile = 'word.jsonl'\npost = '{base}/hook'\n",
                          encoding="utf-8")
    rules = load_rules(rules_path)
    watcher, conn, messages = make_watcher([base + "/feed.xml"], rules=rules)
    stats = watcher.poll()
    lines = [json.loads(x) for x in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 and {x["rule"] for x in lines} == {"everything"}
    ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
    assert {x["article"] for x in lines} == ids
    word_lines = [json.loads(x) for x in (tmp_path / "word.jsonl").read_text(encoding="utf-8").splitlines()]
    assert word_lines and all(word in json.dumps(x["matched"], ensure_ascii=False) for x in word_lines)
    assert [json.loads(p) for p in site.posted] == word_lines
    assert stats.alerts == 3 + len(word_lines)
    assert site.requests_to("/hook") and all(h["content-type"] == "application/json"
                                             for m, p, h in site.log if p == "/hook")
    # the same articles again (a new poll, a new watcher on the same store): nothing fires twice
    site.feed("/feed.xml", "صحيفة ", [{"title": "x", "link": f"{base}/n/0.html", "guid": "0"}])
    watcher.poll()
    watcher2, _, _ = make_watcher([base + "/feed.xml"], rules=rules)
    watcher2.poll()
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert conn.execute("SELECT COUNT(*) FROM alerts_fired WHERE state = 'sent'").fetchone()[0] == 3 + len(word_lines)


def test_an_alert_that_cannot_be_posted_is_tried_again(site, snn_articles, make_watcher, tmp_path):
    site.set("/n.html", page_html(snn_articles[0]))
    site.feed("/feed.xml", "صحيفة", [{"title": "t", "link": site.base + "/n.html", "guid": "n"}])
    site.set("/hook", "", status=503)
    rules_path = tmp_path / "rules.toml"
    rules_path.write_text(f"[[rule]]\nname = 'all'\noutlets = ['صحيفة']\npost = '{site.base}/hook'\n"
                          f"file = 'alerts.jsonl'\n", encoding="utf-8")
    watcher, conn, messages = make_watcher([site.base + "/feed.xml"], rules=load_rules(rules_path))
    watcher.poll()
    assert any("not delivered" in m and "HTTP 503" in m for m in messages)
    assert conn.execute("SELECT state FROM alerts_fired").fetchone()[0] == "failed"
    del site.routes["/hook"]  # answers 204 now
    watcher.poll()
    assert conn.execute("SELECT state FROM alerts_fired").fetchone()[0] == "sent"
    assert len(site.posted) == 2
    # the line was written the first time: delivering the POST again does not write it twice
    assert len((tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()) == 1
