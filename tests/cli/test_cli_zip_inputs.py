"""`marsad ingest` / `extract` on zip archives and corpus folders (issue #20): articles,
not one junk record; README skipped with a note on stderr; --limit."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from marsad.cli.main import cli

# "The minister arrived in Riyadh" / "Talks in Cairo on Gaza"
SNN = [
    {"source": "spa", "url": "http://spa.gov.sa/1", "date_extracted": "2015-07-21 02:51:32",
     "title": "وصول الوزير", "content": "وصل وزير الخارجية السعودي إلى الرياض اليوم."},
    {"source": "okaz", "url": "http://okaz.com.sa/2", "date_extracted": "2015-07-21 05:00:00",
     "title": "محادثات", "content": "بدأت في القاهرة محادثات بشأن غزة."},
]


def corpus(folder: Path) -> Path:
    folder.mkdir()
    with zipfile.ZipFile(folder / "2015-07-21.zip", "w") as zf:
        zf.writestr("2015-07-21.json", json.dumps(SNN, ensure_ascii=False))
    (folder / "README.txt").write_text("SaudiNewsNet corpus", encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_cli_zip_ingest_folder_stores_articles_not_readme(tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "snn"), tmp_path / "snn.db"
    result = run("ingest", folder, "--db", db, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "2 added" in result.stderr and "0 with errors" in result.stderr
    assert "README.txt: skipped" in result.stderr
    titles = run("search", "--db", db, "--json").stdout
    assert sorted(i["title"] for i in json.loads(titles)["items"]) == sorted(a["title"] for a in SNN)


def test_cli_zip_extract_limit(tmp_path: Path) -> None:
    archive = corpus(tmp_path / "snn") / "2015-07-21.zip"
    result = run("extract", archive, "--limit", "1", "-q")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == [SNN[0]["title"]] and not records[0]["errors"]


def test_cli_zip_broken_archive_reported(tmp_path: Path) -> None:
    broken = tmp_path / "cut.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 20)
    result = run("ingest", broken, "--db", tmp_path / "b.db")
    assert "1 with errors" in result.stderr
