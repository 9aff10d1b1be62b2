"""`marsad eval gold --lexicon DIR`: the gold articles scored with a users' lexicon folder
(here a PETRARCH verb dictionary); a malformed file is one clean message naming file and line."""
import json

from click.testing import CliRunner

from marsad.cli.main import cli

# the Yemeni government complained about Iran to the Security Council
TEXT = "اشتكت الحكومة اليمنية من إيران إلى مجلس الأمن."
GOLD = {"id": "g1", "text": TEXT, "published": "2015-08-01", "quotes": [],
        "events": [{"source": "YEM", "type": "ACCUSE", "target": "IRN", "evidence": "اشتكت الحكومة اليمنية"}]}


def run(tmp_path, verbs: str, *extra):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "mine.verbs.txt").write_text(verbs, encoding="utf-8")
    return CliRunner().invoke(cli, ["eval", "gold", str(gold), "--json", *extra, "--lexicon", str(folder)])


def test_cli_eval_gold_with_a_petrarch_verb_dictionary(tmp_path):
    result = run(tmp_path, "--- اشتكى [---] ---\nاشتكى+من   [114]\n")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert (events["gold"], events["system"], events["matched"]) == (1, 1, 1)


def test_cli_eval_gold_bad_dictionary_is_one_clean_message(tmp_path):
    result = run(tmp_path, "--- اشتكى [---] ---\n- خطوة [111]\n")
    assert result.exit_code == 1
    assert "mine.verbs.txt:2: pattern without «*»" in result.output
    assert "Traceback" not in result.output
