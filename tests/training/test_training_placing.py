"""marsad train placing: the story's country is chosen by learnt weights."""
from __future__ import annotations

import json

import numpy

from marsad.entities.story import FEATURES, Story, shipped_weights
from marsad.entities.placing import Mark
from marsad.training.placing import accuracy, fit


def _example(gold_index: int, n: int = 3) -> tuple[numpy.ndarray, int]:
    # The gold candidate is the one marked in the actor's sentence; the others lead the article.
    x = numpy.zeros((n, len(FEATURES)))
    x[:, FEATURES.index("share")] = 0.4
    x[gold_index, FEATURES.index("sentence")] = 1.0
    x[(gold_index + 1) % n, FEATURES.index("top")] = 1.0
    return x, gold_index


def test_training_placing_learns_what_the_examples_show():
    data = [_example(i % 3) for i in range(30)]
    weights = fit(data, steps=300)
    assert weights["sentence"] > weights["top"]
    assert accuracy(data, weights) == 1.0


def test_training_placing_shipped_weights_cover_the_features():
    assert set(shipped_weights()) == set(FEATURES)


def test_story_candidates_include_the_outlet():
    text = "قال محمد إن الوضع هادئ في اليمن."
    marks = [Mark(text.index("اليمن"), text.index("اليمن") + 5, "YEM", "name")]
    story = Story(text, marks, 0, "SAU", [(0, len(text))])
    candidates = dict(story.candidates([(4, 8)]))
    assert set(candidates) == {"YEM", "SAU"}
    assert candidates["SAU"][FEATURES.index("unmarked")] == 1.0
    assert candidates["YEM"][FEATURES.index("sentence")] == 1.0
    assert json.dumps(story.choose([(4, 8)]))  # a (country, marked) pair
