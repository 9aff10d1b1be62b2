"""CSV exports start with a UTF-8 BOM, so that Excel reads the Arabic as UTF-8 (issue #20)."""
from __future__ import annotations

import csv
import json

from click.testing import CliRunner
from store_fixtures import synthetic_record

from marsad.cli.main import cli


def test_store_export_bom_csv_file_opens_as_utf8(tmp_path):
    db, src, out = tmp_path / "b.db", tmp_path / "r.jsonl", tmp_path / "quotes.csv"
    src.write_text(json.dumps(synthetic_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--records", str(src), "--db", str(db)]).exit_code == 0
    result = runner.invoke(cli, ["export", "--db", str(db), "--table", "quotes", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    assert "article_id" in rows[0] and any("موسكو" in v for v in rows[0].values())  # Moscow
