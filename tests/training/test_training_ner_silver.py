"""Silver data for self-training: an ensemble of taggers labels unlabelled sentences."""
from __future__ import annotations

import json
import shutil
import zipfile

import numpy as np
import pytest

from marsad.eval.ner import read_conll
from marsad.ner.neural import ModelFormatError, NeuralTagger, default_model_dir
from marsad.training.ner.silver import Ensemble, write_silver

pytest.importorskip("onnxruntime")

SENTENCES = [
    "قال الناطق باسم الكرملين دميتري بيسكوف إن الرئيس فلاديمير بوتين سيزور بكين".split(),
    "وصل الزعيم الكوري الشمالي كيم جونغ أون إلى روسيا".split(),
    ["قال"],
    [],
]


def test_silver_ensemble_of_one_model_is_that_model():
    ensemble = Ensemble([default_model_dir()])
    assert ensemble.tag_many(SENTENCES) == NeuralTagger.load().tag_many(SENTENCES)


def test_silver_ensemble_means_scores_of_its_models():
    ensemble = Ensemble([default_model_dir(), default_model_dir()])
    tagger = ensemble.taggers[0]
    assert np.allclose(ensemble.trans, tagger.trans)  # the mean of two equal models is the model
    assert ensemble.tag_many(SENTENCES) == NeuralTagger.load().tag_many(SENTENCES)


def test_silver_ensemble_needs_a_model():
    with pytest.raises(ValueError, match="at least one"):
        Ensemble([])


def test_silver_file_reads_back_as_training_data(tmp_path):
    news = tmp_path / "news"  # SaudiNewsNet layout: zips of JSON arrays of articles
    news.mkdir()
    articles = [{"content": " ".join(SENTENCES[0]) + " .\n" + " ".join(SENTENCES[1]) + " ."},
                {"content": "قال ."}, {"title": "بلا نص"}]
    with zipfile.ZipFile(news / "2015-07-21.zip", "w") as zf:
        zf.writestr("2015-07-21/aawsat.json", json.dumps(articles, ensure_ascii=False))
    out = tmp_path / "silver.conll"
    assert write_silver([default_model_dir()], out, news, articles=10) == 2  # «قال .» is too short
    sents = read_conll(out)
    words = [w for w, _ in sents]
    assert words == [SENTENCES[0] + ["."], SENTENCES[1] + ["."]]
    assert [labels for _, labels in sents] == NeuralTagger.load().tag_many(words)
    assert any(lab != "O" for _, labels in sents for lab in labels)


def test_silver_eval_ner_scores_an_ensemble_of_models(tmp_path):
    from click.testing import CliRunner

    from marsad.cli.main import cli

    conll = tmp_path / "tiny.conll"
    conll.write_text("قال\tO\nبوتين\tB-PERS\nفي\tO\nموسكو\tB-LOC\n\n", encoding="utf-8")
    model = str(default_model_dir())
    one = CliRunner().invoke(cli, ["eval", "ner", str(conll), "--model", model, "--json"])
    two = CliRunner().invoke(cli, ["eval", "ner", str(conll), "--model", model, "--model", model, "--json"])
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert json.loads(one.output)["overall"] == json.loads(two.output)["overall"]
    assert json.loads(two.output)["overall"]["f1"] == 1.0


def test_silver_ensemble_refuses_models_of_other_labels(tmp_path):
    other = tmp_path / "other"
    shutil.copytree(default_model_dir(), other)
    z = dict(np.load(other / "vectors.npz", allow_pickle=False))
    z["labels"] = np.array(list(z["labels"][::-1]))
    np.savez_compressed(other / "vectors.npz", **z)
    with pytest.raises(ModelFormatError, match="other labels"):
        Ensemble([default_model_dir(), other])


def test_silver_news_folder_without_articles_is_a_clear_error(tmp_path):
    from marsad.errors import InputError

    with pytest.raises(InputError, match="no SaudiNewsNet articles"):
        write_silver([default_model_dir()], tmp_path / "silver.conll", tmp_path)


def test_silver_common_words_are_sometimes_but_mostly_not_names(tmp_path):
    from marsad.training.ner.silver import common_words

    silver = tmp_path / "silver.conll"
    lines = []
    for i in range(12):  # «الثاني» a name word once in 12; «صالح» 11 times in 12
        lines += ["قال\tO", f"صالح\t{'O' if i == 0 else 'B-PER'}", f"الثاني\t{'I-PER' if i == 0 else 'O'}", ""]
    lines += ["وأليس\tB-PER", ""] + ["أليس\tO", ""] * 10  # «و» + «أليس» counts for «أليس»
    silver.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "common.txt"
    assert common_words(silver, out, min_count=10, max_rate=0.5) == 2
    words = [w for w in out.read_text(encoding="utf-8").splitlines() if not w.startswith("#")]
    assert words == ["الثاني", "اليس"]  # name keys (folded), sorted; «قال» is never a name


def test_silver_common_words_of_an_empty_file_is_a_clear_error(tmp_path):
    from marsad.errors import InputError
    from marsad.training.ner.silver import common_words

    empty = tmp_path / "empty.conll"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.conll: no token"):
        common_words(empty, tmp_path / "out.txt")
