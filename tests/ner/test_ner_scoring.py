"""conlleval exact-match scoring on hand-made sequences."""
from __future__ import annotations

import pytest

from marsad.eval.ner import chunks, evaluate, format_report, map_label, read_conll, score


@pytest.mark.parametrize("labels, expected", [
    (["B-PER", "I-PER", "O"], {(0, 2, "PER")}),
    (["O", "I-PER", "I-PER"], {(1, 3, "PER")}),                 # I- after O starts an entity
    (["B-PER", "I-LOC"], {(0, 1, "PER"), (1, 2, "LOC")}),       # I- of another type starts one
    (["B-LOC", "B-LOC"], {(0, 1, "LOC"), (1, 2, "LOC")}),       # B- after B- of same type: two
    (["I-ORG"], {(0, 1, "ORG")}),
    (["O", "O"], set()),
])
def test_ner_scoring_chunks_follow_conlleval(labels, expected):
    assert chunks(labels) == expected


def test_ner_scoring_i_after_o_matches_b():
    r = score([["O", "B-PER", "I-PER"]], [["O", "I-PER", "I-PER"]])
    assert r["overall"]["f1"] == 1.0


def test_ner_scoring_type_mismatch_is_wrong():
    r = score([["B-ORG", "I-ORG", "O"]], [["B-LOC", "I-LOC", "O"]])
    assert r["overall"]["tp"] == 0
    assert r["types"]["ORG"]["recall"] == 0.0
    assert r["types"]["LOC"]["precision"] == 0.0


@pytest.mark.parametrize("pred", [
    ["B-PER", "O", "O"],             # right start, end too early
    ["B-PER", "I-PER", "I-PER"],     # end too late
    ["O", "B-PER", "O"],             # start too late
])
def test_ner_scoring_boundary_mismatch_is_wrong(pred):
    r = score([["B-PER", "I-PER", "O"]], [pred])
    assert r["overall"]["tp"] == 0
    assert r["overall"]["gold"] == 1 and r["overall"]["pred"] == 1


def test_ner_scoring_precision_recall_f1():
    gold = [["B-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"]]
    pred = [["B-PER", "O", "B-LOC", "B-MISC", "B-ORG", "O"]]
    r = score(gold, pred)
    o = r["overall"]
    assert (o["tp"], o["pred"], o["gold"]) == (2, 4, 3)
    assert o["precision"] == pytest.approx(0.5)
    assert o["recall"] == pytest.approx(2 / 3)
    assert o["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert "overall" in format_report(r)


def test_ner_scoring_length_mismatch_raises():
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def test_ner_scoring_read_conll_maps_pers(tmp_path):
    path = tmp_path / "x.conll"
    # «قال بوتين في موسكو» = "Putin said in Moscow"
    path.write_text("قال\tO\nبوتين\tB-PERS\n\nفي\tO\nموسكو\tB-LOC\n", encoding="utf-8")
    assert read_conll(path) == [(["قال", "بوتين"], ["O", "B-PER"]), (["في", "موسكو"], ["O", "B-LOC"])]
    assert map_label("I-PERS") == "I-PER" and map_label("O") == "O"


class _EchoTagger:
    """Tags everything O, to check evaluate's plumbing."""

    def tag_many(self, sentences):
        return [["O"] * len(s) for s in sentences]


def test_ner_scoring_evaluate_writes_predictions(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text("قال\tO\nبوتين\tB-PERS\n\nفي\tO\n", encoding="utf-8")  # "Putin said" / "in"
    out = tmp_path / "pred.txt"
    report = evaluate(path, out, tagger=_EchoTagger())
    assert report["overall"]["gold"] == 1 and report["overall"]["tp"] == 0
    assert out.read_text(encoding="utf-8") == "قال O O\nبوتين B-PER O\n\nفي O O\n\n"
