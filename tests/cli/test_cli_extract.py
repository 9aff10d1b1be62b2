"""`marsad extract` end to end: the seed as JSON Lines, plain text and an HTML page."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.schema import problems

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "putin-kim-summit.jsonl"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def assert_valid(record: dict) -> None:
    assert problems(record) == [], problems(record)


def test_cli_extract_seed_jsonl_keeps_id_and_text():
    result = run("extract", str(EXAMPLE), "-q")
    assert result.exit_code == 0
    (record,) = records(result.output)
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert record["id"] == "seed-000" and record["text"] == example["text"]
    assert record["published"] == "2023-09-13"
    assert_valid(record)


def test_cli_extract_seed_plain_text(seed_path, seed_parts):
    result = run("extract", str(seed_path), "--published", "2023-09-13", "-q")
    (record,) = records(result.output)
    title, body = seed_parts
    assert (record["title"], record["text"]) == (title, body)
    assert record["id"] == "putin-kim-summit"
    assert {d["value"] for d in record["dates"]} >= {"2023-09-12", "2023-09-13", "2019"}
    assert_valid(record)


def test_cli_extract_seed_html_page(tmp_path, seed_html, seed_parts):
    page = tmp_path / "summit.html"
    page.write_text(seed_html, encoding="utf-8")
    (record,) = records(run("extract", str(page), "-q").output)
    title, body = seed_parts
    assert record["title"] == title and record["published"] == "2023-09-13"
    assert record["text"] == body.strip()
    assert "جميع الحقوق محفوظة" not in record["text"]  # footer boilerplate dropped
    assert_valid(record)


def test_cli_extract_writes_output_file_and_summary(tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0
    assert "1 article, 0 with errors" in result.stderr
    assert len(records(out.read_text(encoding="utf-8"))) == 1


def test_cli_extract_pretty_is_indented_json():
    result = run("extract", str(EXAMPLE), "--pretty", "-q")
    assert result.output.startswith('{\n  "schema": "marsad/1"')


def test_cli_extract_bad_items_become_error_records(tmp_path):
    bad = tmp_path / "mixed.jsonl"
    bad.write_text('{"id": "ok", "text": "قال بوتين إن روسيا فخورة."}\n{"id": "cut", "text": "قال\n'
                   '[1, 2]\n{"id": "empty", "text": ""}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 0
    got = records(result.stdout)
    assert [bool(r["errors"]) for r in got] == [False, True, True, True]
    assert {r["errors"][0]["code"] for r in got[1:]} == {"json_invalid", "not_object", "empty_text"}
    assert all(str(bad) in r["errors"][0]["message"] for r in got[1:])
    assert "4 articles, 3 with errors" in result.stderr
    for r in got:
        assert_valid(r)


def test_cli_extract_stdin():
    line = json.dumps({"id": "s1", "text": "وصل الرئيس إلى موسكو أمس."}, ensure_ascii=False)
    (record,) = records(run("extract", "-", "--format", "jsonl", "-q", input=line + "\n").output)
    assert record["id"] == "s1"


@pytest.mark.parametrize("args, code, message", [
    (["extract", "/no/such/file.txt"], 1, "no such file"),
    (["extract", str(EXAMPLE), "--published", "13/09/2023"], 2, "YYYY-MM-DD"),
    (["extract", str(EXAMPLE), "--format", "pdf"], 2, "pdf"),
    (["extract"], 2, "INPUT"),
    (["extract", str(EXAMPLE), "-o", "/no/such/dir/out.jsonl"], 1, "cannot write"),
])
def test_cli_extract_exit_codes(args, code, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code
    assert message in result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_cli_console_script_runs_without_traceback():
    result = subprocess.run([sys.executable, "-m", "marsad.cli.main", "extract", "/no/such.txt"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
