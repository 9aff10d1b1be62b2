"""--max-chars bounds what is stored: an article longer than it is stored cut, and says so
(its length before), so one huge article costs no more than a long one."""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli

pytestmark = pytest.mark.faults

SENTENCE = "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو تدعم بيونغ يانغ. "  # "Lavrov said..."


def test_store_bounds_long_article_is_stored_cut_and_says_so(tmp_path):
    text = SENTENCE * 200  # about 13,000 characters
    src = tmp_path / "long.jsonl"
    src.write_text(json.dumps({"id": "long", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db), "--max-chars", "1000"])
    assert result.exit_code == 0, result.output
    assert "1 added, 0 updated, 0 already stored, 1 with errors" in result.stderr
    conn = sqlite3.connect(db)
    stored, record_json = conn.execute("SELECT text, record_json FROM articles WHERE id = 'long'").fetchone()
    assert stored == text[:1000]  # a prefix: the spans index it as they would the whole
    record = json.loads(record_json)
    assert record["meta"]["text_chars"] == len(text)
    (code, message), = conn.execute("SELECT code, message FROM errors WHERE article_id = 'long'")
    assert code == "text_truncated" and f"has {len(text)} characters" in message
    for start, end, mention in conn.execute("SELECT start, end, text FROM mentions WHERE article_id = 'long'"):
        assert end <= 1000 and stored[start:end] == mention
    again = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db), "--max-chars", "1000"])
    assert "0 added, 0 updated, 1 already stored" in again.stderr  # not stored twice
