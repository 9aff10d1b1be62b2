"""Training exports a model the tagger runs: the lean int8 graph scores as the torch network.

Needs the `train` extra (torch, onnx, gensim); skipped without it. A tiny model (600
sentences of ANERcorp's train, two epochs) is enough to tell a graph that reads the
sentences wrongly (reversed, padded, misaligned) from one that reads them as torch does.
"""
from __future__ import annotations

import json

import pytest

pytest.importorskip("torch")
pytest.importorskip("onnx")
gensim_models = pytest.importorskip("gensim.models")

from marsad.eval.ner import evaluate, read_conll  # noqa: E402
from marsad.ner.features import word_key  # noqa: E402
from marsad.ner.neural import NeuralTagger, default_model_dir  # noqa: E402
from marsad.training.ner.corpora import split_dev  # noqa: E402
from marsad.training.ner.neural import main  # noqa: E402


def _write_conll(path, sents):
    with open(path, "w", encoding="utf-8") as fh:
        for words, labels in sents:
            fh.write("".join(f"{w}\t{t}\n" for w, t in zip(words, labels)) + "\n")


@pytest.mark.parametrize("with_names", [True, False])
def test_export_tagger_scores_dev_as_the_torch_network(tmp_path, anercorp_dir, with_names):
    sents = read_conll(anercorp_dir / "train.conll")[:600]
    train_file, dev_file = tmp_path / "train.conll", tmp_path / "dev.conll"
    _write_conll(train_file, sents)
    _write_conll(dev_file, split_dev(sents, 0.2)[1])
    w2v = gensim_models.Word2Vec([[word_key(w) for w in words] for words, _ in sents], vector_size=100,
                                 min_count=1, epochs=1, workers=1, seed=1)
    w2v.wv.save(str(tmp_path / "w2v.kv"))
    out = tmp_path / "model"
    names = ["--name-list", str(default_model_dir() / "names.tsv.gz")] if with_names else []
    main(["train", str(train_file), "--vectors", str(tmp_path / "w2v.kv"), "--epochs", "2",
          "--dev-fraction", "0.2", *names, "-o", str(out)])
    torch_f1 = json.loads((out / "meta.json").read_text(encoding="utf-8"))["dev"]["overall"]["f1"]
    tagger = NeuralTagger(out, crf_dir=default_model_dir().parent)
    assert (tagger.names is not None) == with_names
    onnx_f1 = evaluate(dev_file, tagger=tagger)["overall"]["f1"]
    # int8 LSTM weights move a few labels; a graph that read the sentences wrongly would not
    # come near the torch network's score
    assert torch_f1 > 0.1
    assert abs(onnx_f1 - torch_f1) < 0.03
