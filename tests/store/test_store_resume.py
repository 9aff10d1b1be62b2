"""A process SIGKILLed in the middle of a batch leaves a consistent store; running the same
ingest again stores every article exactly once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

from marsad.readers import read
from marsad.store import ingest_articles, open_store

N, BATCH, KILL_AT = 100, 20, 30  # killed with 10 articles of the second batch written

# Runs `marsad ingest`, reporting (and slowing) each row written inside the transaction.
CHILD = textwrap.dedent("""
    import sys, time
    import marsad.store.ingest as ingest
    original, count = ingest.insert_record, [0]
    def reporting(conn, record, chash=None):
        keys = original(conn, record, chash)
        count[0] += 1
        print("inserted", count[0], flush=True)
        time.sleep(0.01)
        return keys
    ingest.insert_record = reporting
    from marsad.cli.main import cli
    cli(sys.argv[1:], prog_name="marsad")
""")


def _articles(path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(N):
            out.write(json.dumps({"id": f"art-{i:03d}", "title": f"خبر رقم {i}",  # news item no. i
                                  "published": "2023-09-13",
                                  "text": f"قال المتحدث إن الاجتماع رقم {i} عقد في موسكو."},
                                 ensure_ascii=False) + "\n")


def test_store_resume_after_sigkill(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "s.db"
    _articles(src)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, "ingest", str(src), "--db", str(db),
                             "--batch-size", str(BATCH), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if line.strip() == f"inserted {KILL_AT}":
                os.kill(proc.pid, signal.SIGKILL)
                break
        else:
            raise AssertionError(f"the ingest ended before it was killed: {proc.stderr.read()}")
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    conn = open_store(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert stored == BATCH  # the first batch, nothing of the interrupted one
    assert conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == stored

    stats = ingest_articles(conn, read([str(src)]), batch_size=BATCH)
    assert (stats.added, stats.skipped) == (N - BATCH, BATCH)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    assert ids == [f"art-{i:03d}" for i in range(N)]
    assert conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == N
    assert ingest_articles(conn, read([str(src)])).added == 0
