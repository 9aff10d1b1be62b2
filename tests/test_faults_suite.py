"""The fault suite end to end, each command in a process of its own as a user runs it: a
disk that fills up (a file-size limit, RLIMIT_FSIZE, stands in for a small tmpfs), an
ingest killed with kill -9 in the middle: one clear line or a clean stop, then running the
same command again leaves every article stored exactly once, and no process is left
running. (Workers that die, parents killed, locked or damaged stores and inputs cut short
have their own tests: tests/engines/test_engines_faults.py, tests/store/test_store_faults.py,
tests/readers/test_readers_truncation.py; `pytest -m faults` runs them all.)"""
from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = [pytest.mark.faults,
              pytest.mark.skipif(not os.path.isdir("/proc") or not hasattr(resource, "RLIMIT_FSIZE"),
                                 reason="needs Linux (/proc, RLIMIT_FSIZE)")]

TEXT = "قال المتحدث إن الاجتماع عقد في موسكو وناقش التعاون بين البلدين. "  # "The spokesman said..."


def _records(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"schema": "marsad/1", "id": f"r-{i}", "text": TEXT * 20 + str(i),
                                  "entities": [], "quotes": [], "events": [], "dates": [],
                                  "places": [], "errors": [], "meta": {}}, ensure_ascii=False) + "\n")


def _articles(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"a-{i}", "text": f"{TEXT} {i}"}, ensure_ascii=False) + "\n")


def _marsad(*args, marker: str, fsize: int = 0, **popen):
    """``marsad ARGS`` in a process of its own, tagged with ``marker`` in its environment
    (inherited by its workers), under a file-size limit of ``fsize`` bytes when given."""
    def limit():
        if fsize:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes then fail with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    env = {**os.environ, "MARSAD_FAULT_RUN": marker}
    return subprocess.Popen([sys.executable, "-m", "marsad.cli.main", *map(str, args)], env=env,
                            preexec_fn=limit, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **popen)


def _running(marker: str) -> list[int]:
    """Processes still alive (not zombies) whose environment holds ``marker``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if f"MARSAD_FAULT_RUN={marker}".encode() not in f.read():
                    continue
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                    found.append(int(pid))
        except OSError:
            continue
    return found


def _none_left(marker: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while _running(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(marker), "processes left running"


def _stored(db) -> tuple[int, int]:
    """(rows, distinct ids) of the store's articles."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()


def _stored_so_far(db) -> int:
    """Articles stored by a running ingest: 0 while the store is still being created (the
    file exists a moment before its tables do)."""
    try:
        return _stored(db)[0] if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def test_faults_full_disk_ingest_then_rerun(tmp_path):
    src, db = tmp_path / "r.jsonl", tmp_path / "s.db"
    _records(src, 300)
    marker = uuid.uuid4().hex
    full = _marsad("ingest", "--records", src, "--db", db, "--batch-size", "20",
                   marker=marker, fsize=600_000)  # an empty store is about 300 KB (its tables and indexes)
    out, err = full.communicate(timeout=120)
    assert full.returncode == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {db}: ") and "Traceback" not in err
    rows, ids = _stored(db)
    assert rows == ids and rows % 20 == 0 and rows < 300  # whole batches only, none twice
    _none_left(marker)
    again = _marsad("ingest", "--records", src, "--db", db, marker=marker)
    assert again.wait(timeout=120) == 0, again.stderr.read()
    assert _stored(db) == (300, 300)  # nothing lost, nothing doubled


def test_faults_full_disk_extract_leaves_no_partial_file(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _articles(src, 400)
    out.write_text("old\n", encoding="utf-8")
    marker = uuid.uuid4().hex
    full = _marsad("extract", src, "-o", out, "-q", marker=marker, fsize=20_000)
    _, err = full.communicate(timeout=180)
    assert full.returncode == 1 and err.strip() == f"Error: cannot write {out}: File too large", err
    assert out.read_text(encoding="utf-8") == "old\n"  # the old file untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
    _none_left(marker)


def test_faults_killed_ingest_then_rerun(tmp_path):
    """kill -9 an ingest with two workers in the middle: its workers exit, the batches
    written stay, and the same command stores the rest, each article once."""
    src, db = tmp_path / "in.jsonl", tmp_path / "s.db"
    _articles(src, 400)
    marker = uuid.uuid4().hex
    run = _marsad("ingest", src, "--db", db, "--jobs", "2", "--batch-size", "10", "-q",
                  marker=marker)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and run.poll() is None:
            if _stored_so_far(db) >= 10:
                break
            time.sleep(0.2)
        assert run.poll() is None, "the ingest ended before it could be killed"
        workers = [p for p in _running(marker) if p != run.pid]
        assert workers, "no worker processes"
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=10)
    finally:
        if run.poll() is None:
            run.kill()
    _none_left(marker)  # the workers went with their parent
    rows, ids = _stored(db)
    assert rows == ids and rows % 10 == 0 and 10 <= rows < 400
    again = _marsad("ingest", src, "--db", db, "--jobs", "2", marker=marker)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{400 - rows} added, 0 updated, {rows} already stored" in err
    assert _stored(db) == (400, 400)
    _none_left(marker)
