"""marsad train events: the learnt stage's model is fitted and its threshold chosen."""
from __future__ import annotations

import json

import numpy

from marsad.events.learned import FEATURES
from marsad.training.events import choose, fit, labelled, train


def test_training_events_fit_learns_what_the_examples_show():
    rng = numpy.random.RandomState(0)
    x = rng.randint(0, 2, size=(200, len(FEATURES))).astype(float)
    rule = FEATURES.index("rule")
    y = x[:, rule].copy()
    w, bias = fit(x, y, l2=1.0)
    assert w[rule] > 2 and abs(w).argmax() == rule and bias < 0


def test_training_events_threshold_keeps_the_precision():
    cv = {0.3: {"precision": 0.6, "recall": 0.5, "f1": 0.55}, 0.5: {"precision": 0.76, "recall": 0.3, "f1": 0.43},
          0.7: {"precision": 0.9, "recall": 0.1, "f1": 0.18}}
    assert choose(cv) == 0.5
    assert choose({0.3: {"precision": 0.5, "recall": 0.5, "f1": 0.5},
                   0.6: {"precision": 0.6, "recall": 0.2, "f1": 0.3}}) == 0.6


def test_training_events_labels_take_optional_events_as_events():
    gold = {"events": [{"source": "SAU", "type": "CONSULT", "target": "EGY", "also": ["COOPERATE"]},
                       {"source": "EGY", "type": "SUPPORT", "target": "SAU", "optional": True}]}
    zero = [0.0] * len(FEATURES)
    art = {"gold": gold, "rules": [], "triples": [(("SAU", "COOPERATE", "EGY"), zero),
                                                  (("EGY", "SUPPORT", "SAU"), zero),
                                                  (("EGY", "ACCUSE", "SAU"), zero)]}
    x, y = labelled([art])
    assert list(y) == [1.0, 1.0, 0.0] and x.shape == (3, len(FEATURES))


def test_training_events_on_gold_articles(tmp_path, train_path):
    lines = train_path.read_text(encoding="utf-8").splitlines()[:12]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "weights.json"
    report = train([gold], output=out)
    model = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"] == 12 and report["triples"] > 0
    assert set(model["weights"]) <= set(FEATURES) and 0 < model["threshold"] < 1
    assert set(report["cross_validated"]) == {"precision", "recall", "f1"}
