"""`marsad show` on a store (issue #20: it died with a UnicodeDecodeError), and a clear
error naming the file for anything that is neither JSON Lines nor a store."""
from __future__ import annotations

import json

from click.testing import CliRunner
from store_fixtures import synthetic_record

from marsad.cli.main import cli


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_store_show_reads_a_store(tmp_path):
    db, src = tmp_path / "snn.db", tmp_path / "r.jsonl"
    record = synthetic_record()
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert _run("ingest", "--records", src, "--db", db).exit_code == 0
    from_store, from_lines = _run("show", db), _run("show", src)
    assert from_store.exit_code == 0, from_store.output
    assert from_store.stdout == from_lines.stdout
    assert from_store.stdout.startswith(f"== {record['id']} |")
    assert "event" in from_store.stdout


def test_store_show_binary_file_is_a_clear_error(tmp_path):
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\xff\xfe\n")
    result = _run("show", junk)
    assert result.exit_code == 1
    assert str(junk) in result.output and "not UTF-8" in result.output
    assert "marsad store" in result.output and "Traceback" not in result.output


def test_store_show_missing_file_names_it(tmp_path):
    result = _run("show", tmp_path / "nope.db")
    assert result.exit_code == 1 and "nope.db" in result.output
