"""Dirty input through `marsad extract`: every good article written, every bad one an error
record with a clear message, never a traceback (issue 8's mixed file)."""
import json
import os

from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.schema import problems

GOOD = "قال الرئيس فلاديمير بوتين أمس إن روسيا فخورة بإنجازاتها."  # Putin said yesterday...


def extract(*args):
    result = CliRunner().invoke(cli, ["extract", *args])
    assert "Traceback" not in result.output + result.stderr
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_mixed_jsonl(tmp_path):
    big = "وقال المتحدث إن المحادثات مستمرة. " * 70_000  # a 2.4 MB single line
    lines = [
        json.dumps({"id": "good-1", "text": GOOD, "published": "2023-09-13"}, ensure_ascii=False),
        '{"id": "cut", "text": "قال بوتين',  # truncated line
        json.dumps({"id": "no-text", "title": "عنوان فقط"}, ensure_ascii=False),
        '["not", "an", "object"]',
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "big", "text": big}, ensure_ascii=False),
        json.dumps({"id": "english", "text": "Putin met Kim in Vostochny on Wednesday."}),
        json.dumps({"id": "controls", "text": "قال\x00 بوتين\x1b إن\x07 روسيا فخورة."}, ensure_ascii=False),
        '{"id": "surrogate", "text": "قال بوتين \\ud800 إن روسيا فخورة."}',
        json.dumps({"id": "good-2", "text": GOOD}, ensure_ascii=False),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, records = extract(str(path), "--max-chars", "100000")
    assert result.exit_code == 0
    assert [r["id"] for r in records][0] == "good-1" and records[-1]["id"] == "good-2"
    assert len(records) == len(lines)  # nothing lost, nothing duplicated
    by_id = {r["id"]: r for r in records}
    for rid in ("good-1", "good-2", "english", "controls", "surrogate"):
        assert by_id[rid]["errors"] == [], by_id[rid]["errors"]
    assert by_id["good-1"]["entities"] and by_id["good-1"]["dates"][0]["value"] == "2023-09-12"
    assert by_id["surrogate"]["text"] == "قال بوتين \ud800 إن روسيا فخورة."
    assert [e["code"] for e in by_id["big"]["errors"]] == ["text_truncated"]
    assert by_id["big"]["text"] == big[:100000]  # cut, and said so
    assert by_id["big"]["meta"]["text_chars"] == len(big)
    codes = sorted(r["errors"][0]["code"] for r in records if r["errors"] and r["id"] != "big")
    assert codes == ["empty_text", "json_invalid", "no_text", "not_object"]
    assert all(str(path) in r["errors"][0]["message"] for r in records if r["errors"])
    assert "10 articles, 5 with errors" in result.stderr
    for r in records:
        assert problems(r) == [], (r["id"], problems(r))


def test_cli_binary_latin1_broken_html_and_empty_files(tmp_path):
    (tmp_path / "random.txt").write_bytes(os.urandom(4096))
    (tmp_path / "latin1.txt").write_bytes("Le président a déclaré à la presse très tôt.\n".encode("latin-1"))
    (tmp_path / "broken.html").write_text("<html><body><p>قال بوتين إن <b>روسيا</p></div></span>",
                                          encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result, records = extract(str(tmp_path))
    assert result.exit_code == 0
    by_source = {os.path.basename(r["errors"][0]["source"] if r["errors"] else "ok"): r for r in records}
    assert len(records) == 4
    assert by_source["random.txt"]["errors"][0]["code"] in ("binary", "encoding_unknown")
    assert by_source["empty.txt"]["errors"][0]["code"] == "empty_text"
    latin = [r for r in records if r["text"].startswith("Le président")]
    assert latin and latin[0]["errors"] == []
    for r in records:
        assert problems(r) == []
        for err in r["errors"]:
            assert err["message"] and err["source"] in err["message"]


def test_cli_ingest_rejects_an_id_with_a_slash(tmp_path):
    # Articles and records alike: one line naming the input line and the id, the rest
    # stored, exit code 1 so that a script notices.
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": f"قال المتحدث إن الاجتماع {i} عقد."})
                             for i in ["ok", "a/b"]) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 1
    assert f"Error: {src}:2: article id 'a/b' contains '/'" in result.output
    assert "1 added" in result.output and "1 rejected" in result.output
    records = tmp_path / "records.jsonl"
    CliRunner().invoke(cli, ["extract", str(src), "-o", str(records), "-q"])
    result = CliRunner().invoke(cli, ["ingest", "--records", str(records), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 1
    assert f"Error: {records}:2: article id 'a/b' contains '/'" in result.output
