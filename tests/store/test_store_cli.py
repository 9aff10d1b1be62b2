"""The store commands: ingest, search, export, serve."""
from __future__ import annotations

import csv
import json

from click.testing import CliRunner
from store_fixtures import synthetic_record

from marsad.cli.main import cli


def _run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_store_cli_ingest_search_export(dev_path, tmp_path):
    db = tmp_path / "cli.db"
    assert "17 added" in _run("ingest", dev_path, "--db", db).output
    assert "17 already stored" in _run("ingest", dev_path, "--db", db).output
    found = json.loads(_run("search", "الامبريالية", "--db", db, "--json").stdout)
    assert [i["id"] for i in found["items"]] == ["seed-000"]
    plain = _run("search", "تحذر", "--db", db).stdout
    assert "seed-000" in plain and "[[تحذّر]]" in plain
    out = tmp_path / "articles.csv"
    _run("export", "--db", db, "--table", "articles", "-o", out)
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 17


def test_store_cli_ingest_records_and_update(tmp_path):
    db, src = tmp_path / "r.db", tmp_path / "records.jsonl"
    src.write_text(json.dumps(synthetic_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert "1 added" in _run("ingest", "--records", src, "--db", db).output
    assert "1 updated" in _run("ingest", "--records", src, "--db", db, "--update").output
    events = _run("export", "--db", db, "--table", "events", "--format", "jsonl").stdout
    assert json.loads(events.splitlines()[0])["type"] == "SUPPORT"


def test_store_cli_errors_are_clean(tmp_path):
    result = _run("search", "x", "--db", tmp_path / "none.db", ok=False)
    assert result.exit_code == 1 and "no such store" in result.output
    result = _run("search", "ب" * 201, "--db", tmp_path / "none.db", ok=False)
    assert result.exit_code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = _run("ingest", "--records", bad, "--db", tmp_path / "b.db", ok=False)
    assert result.exit_code == 1 and "bad.jsonl:1" in result.output
    result = _run("export", "--db", tmp_path / "b.db", "--format", "parquet", ok=False)
    assert result.exit_code == 2


def test_store_cli_serve_warns_off_loopback(tmp_path, monkeypatch):
    import uvicorn

    db = tmp_path / "s.db"
    _run("ingest", "--records", "-", "--db", db)  # empty stdin: an empty store
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    quiet = _run("serve", "--db", db)
    assert "warning" not in quiet.output and calls[-1]["host"] == "127.0.0.1"
    loud = _run("serve", "--db", db, "--host", "0.0.0.0", "--port", "8080")
    assert "warning" in loud.stderr and calls[-1] == {**calls[-1], "host": "0.0.0.0", "port": 8080}
