"""`marsad watch` as a command: the feeds file, --once, bad input, and a run killed with
SIGKILL again and again while the feeds change: nothing lost, nothing stored twice."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedsite import page_html, rss

from marsad.errors import InputError
from marsad.watch.feeds import read_feed_list

MARSAD = [sys.executable, "-m", "marsad.cli.main"]


def test_the_feeds_file_takes_comments_and_refuses_what_is_no_url(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# Arabic outlets\n\nhttps://a.example/rss  # politics\nhttp://b.example/feed\n"
                    "https://a.example/rss\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", "http://b.example/feed"]
    path.write_text("https://a.example/rss\nftp://b.example/feed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"feeds.txt:2: not an http\(s\) feed URL: 'ftp://b.example/feed'"):
        read_feed_list(path)
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(InputError, match="no feed URL"):
        read_feed_list(path)
    with pytest.raises(InputError, match="cannot read the feeds file"):
        read_feed_list(tmp_path / "missing.txt")


def test_bad_input_is_one_line_and_exit_code_1(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("not a url\n", encoding="utf-8")
    done = subprocess.run(MARSAD + ["watch", str(feeds), "--db", str(tmp_path / "w.db"), "--once"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "feeds.txt:1: not an http(s) feed URL" in done.stderr
    feeds.write_text("http://127.0.0.1:9/feed\n", encoding="utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text("[[rule]]\nname = 'x'\n", encoding="utf-8")
    done = subprocess.run(MARSAD + ["watch", str(feeds), "--db", str(tmp_path / "w.db"), "--once",
                                    "--alerts", str(rules)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "rules.toml: rule 1 ('x'): names no condition" in done.stderr


def _site_items(site, articles, feeds: int, per_feed: int) -> int:
    """Publish ``per_feed`` items in each of ``feeds`` feeds (the newest first, as outlets
    do); return how many items the site holds."""
    for f in range(feeds):
        items = []
        for i in range(per_feed):
            n = f * 1000 + i
            path = f"/n/{f}/{i}.html"
            if path not in site.routes:
                site.set(path, page_html(articles[(f * 7 + i) % len(articles)] | {"title": f"خبر {n}"}))
            items.append({"title": f"خبر {n}", "link": site.base + path, "guid": f"{f}-{i}"})
        site.feed(f"/feed/{f}.xml", f"صحيفة {f}", items[::-1])
    return feeds * per_feed


def test_killed_at_any_moment_it_loses_and_duplicates_nothing(site, snn_articles, tmp_path):
    """Ten runs, each killed with SIGKILL at a random moment (while it loads, polls, stores),
    the feeds growing between kills; a last run with --once. Every item is stored exactly
    once and marked as seen; no alert fires twice."""
    rng = random.Random(22)
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text("\n".join(f"{site.base}/feed/{f}.xml" for f in range(3)) + "\n", encoding="utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text("[[rule]]\nname = 'all'\nmatch = 'any'\noutlets = ['صحيفة 0', 'صحيفة 1', 'صحيفة 2']\n"
                     "file = 'alerts.jsonl'\n", encoding="utf-8")
    db = tmp_path / "w.db"
    command = MARSAD + ["watch", str(feeds_file), "--db", str(db), "--interval", "1", "--delay", "0",
                        "--alerts", str(rules), "-q"]
    per_feed, kills = 2, 0
    for run in range(10):
        total = _site_items(site, snn_articles, 3, per_feed)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(1.0, 4.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
        per_feed += rng.choice((1, 2, 3))
    total = _site_items(site, snn_articles, 3, per_feed)
    done = subprocess.run(command + ["--once"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert kills >= 8
    conn = sqlite3.connect(db)
    urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
    assert len(urls) == len(set(urls)) == total  # each item once, none lost
    assert conn.execute("SELECT COUNT(*) FROM articles WHERE n_errors > 0").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM feed_items WHERE status = 'stored'").fetchone()[0] == total
    assert conn.execute("SELECT SUM(stored) FROM feeds").fetchone()[0] == total
    fired = [line[:line.index(', "title"')] for line in (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert conn.execute("SELECT COUNT(*) FROM alerts_fired WHERE state = 'sent'").fetchone()[0] == total
    # a run killed between writing an alert's line and recording it does not write it again
    assert len(fired) == len(set(fired)) == total


def test_jobs_analyse_in_worker_processes_and_store_the_same_records(site, snn_articles, tmp_path):
    """--jobs 2 analyses in two worker processes: every item stored once, with the record one
    process makes."""
    total = _site_items(site, snn_articles, 3, 5)
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text("\n".join(f"{site.base}/feed/{f}.xml" for f in range(3)) + "\n", encoding="utf-8")
    stored = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"w{jobs}.db"
        done = subprocess.run(MARSAD + ["watch", str(feeds_file), "--db", str(db), "--once", "--delay", "0",
                                        "--jobs", jobs, "-q"], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        rows = sqlite3.connect(db).execute("SELECT url, record_json FROM articles").fetchall()
        stored[jobs] = dict(rows)
    assert len(stored["2"]) == total
    assert stored["2"] == stored["1"]

