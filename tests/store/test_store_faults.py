"""A store that cannot be written ends an ingest with one line naming the store and the
reason (exit code 1), never a traceback: another writer holding the lock too long, a full
disk, a damaged file or one that is no database. `extract -o` leaves no partial file."""
from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest
from click.testing import CliRunner
from store_fixtures import synthetic_record

from marsad.cli.main import cli
from marsad.store import StoreError, ingest_records, open_store

pytestmark = pytest.mark.faults


def _records_file(path, n: int = 1):
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            record = synthetic_record()
            record["id"], record["text"] = f"r-{i}", f"{record['text']} {i}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args)])


def _one_line_error(result, *words):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or \
        isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for word in words:
        assert word in lines[0]
    return lines[0]


def test_store_faults_locked_store_gives_up_with_one_line(tmp_path):
    db, src = tmp_path / "s.db", _records_file(tmp_path / "r.jsonl")
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, holding the lock
    try:
        started = time.monotonic()
        result = _ingest("--records", src, "--db", db, "--lock-timeout", "0.5", "-q")
        assert time.monotonic() - started < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _one_line_error(result, str(db), "locked")


def test_store_faults_writer_waits_for_a_short_lock(tmp_path):
    # A lock released before --lock-timeout only delays the ingest (retries with backoff).
    db, src = tmp_path / "s.db", _records_file(tmp_path / "r.jsonl", 3)
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.5, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        result = _ingest("--records", src, "--db", db, "--lock-timeout", "20")
    finally:
        release.join()
        holder.close()
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output


def test_store_faults_full_disk_is_a_store_error(tmp_path):
    db = tmp_path / "s.db"
    conn = open_store(db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # what a full disk looks like to SQLite
    record = synthetic_record()
    records = [{**record, "id": f"r-{i}", "text": record["text"] * 50 + str(i)} for i in range(50)]
    with pytest.raises(StoreError, match=r"s\.db: the disk is full"):
        ingest_records(conn, records, batch_size=10)
    conn.close()
    conn = open_store(db)  # whole batches only
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] % 10 == 0
    conn.close()


@pytest.mark.parametrize("damage", ["foreign", "damaged"])
def test_store_faults_bad_store_file_gives_one_line(tmp_path, damage):
    db, src = tmp_path / "s.db", _records_file(tmp_path / "r.jsonl", 3)
    if damage == "foreign":
        db.write_bytes(bytes(range(256)) * 40)
    else:
        assert _ingest("--records", src, "--db", db, "-q").exit_code == 0
        with open(db, "r+b") as f:  # overwrite pages after the first with garbage
            f.seek(4096 * 2)
            f.write(b"\xff" * 4096 * 6)
    result = _ingest("--records", _records_file(tmp_path / "more.jsonl", 5), "--db", db, "-q")
    _one_line_error(result, str(db))


def test_store_faults_extract_leaves_no_partial_output(tmp_path, monkeypatch):
    import marsad.writers as writers

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"a{i}", "text": "قال المتحدث إن الاجتماع عقد."})
                             for i in range(3)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    real = writers.write_lines

    def failing(lines, stream):
        for n, line in enumerate(real(lines, stream)):
            if n == 1:
                raise OSError(28, "No space left on device")
            yield line

    monkeypatch.setattr(writers, "write_lines", failing)
    result = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"])
    _one_line_error(result, str(out), "No space left")
    assert out.read_text(encoding="utf-8") == "old\n"  # the old file untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]

    monkeypatch.setattr(writers, "write_lines", real)
    ok = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"])
    assert ok.exit_code == 0, ok.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
