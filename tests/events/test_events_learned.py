"""The event coder's learnt stage: candidates, triples, the shipped model, the coder's use of it."""
from __future__ import annotations

from collections import Counter

import pytest

from marsad.events.learned import (ARTICLE_FEATURES, CANDIDATE_FEATURES, FEATURES, Candidate, Context, Item,
                                   candidates, dense, score, shipped_model, triples)
from marsad.events.lexicon import PERF, load_event_lexicon
from marsad.eval.events import pipeline
from marsad.events.trigger import Hit
from marsad.model import Article
from marsad.pipeline.build import run
from marsad.text.normalize import normalize


def _hit(word: str, head: int) -> Hit:
    form = load_event_lexicon().lookup(normalize(word))[0]
    return Hit(form.entry, PERF, head, head, 0, len(word), "")


def _item(first: int, country: str, entity: str, prep=None) -> Item:
    return Item(first, first, first * 10, first * 10 + 5, country, "GOV", "PER", entity, True, prep)


def test_learned_candidates_pair_every_actor_in_reach():
    # «التقى(0) الملك(1) ... الرئيس(3)»: the subject right after the verb, the other further on
    hit = _hit("التقى", 0)
    items = [_item(1, "SAU", "e1"), _item(3, "EGY", "e2", prep="مع")]
    found = {c.key: c for c in candidates(hit, 0, 6, 0, items, [], None, True)}
    assert ("SAU", "CONSULT", "EGY") in found and ("EGY", "CONSULT", "SAU") in found
    assert ("SAU", "CONSULT", "") in found  # and each side alone
    x = dict(zip(CANDIDATE_FEATURES, dense(found[("SAU", "CONSULT", "EGY")].features)))
    assert x["src_subject"] == 1 and x["src_after"] == 1 and x["tgt_prep_ok"] == 1
    assert x["type=CONSULT"] == 1 and x["asserted"] == 1 and x["first_sentences"] == 1


def test_learned_triples_gather_candidates_with_the_article_features():
    hit = _hit("التقى", 0)
    half = len(CANDIDATE_FEATURES) // 2
    a = Candidate(("SAU", "CONSULT", "EGY"), frozenset(range(half)), hit, _item(1, "SAU", "e1"), None, 0, 5, (0, 40))
    b = Candidate(("SAU", "CONSULT", "EGY"), frozenset(range(half, len(CANDIDATE_FEATURES))), hit,
                  _item(1, "SAU", "e1"), None, 6, 9, (60, 90))
    ctx = Context(Counter({"SAU": 3, "EGY": 1}), frozenset({"EGY"}), frozenset({("SAU", "CONSULT", "EGY")}), 0, 400)
    [(key, vector, first)] = triples([b, a], ctx)
    x = dict(zip(FEATURES, vector))
    assert key == ("SAU", "CONSULT", "EGY") and first is a  # the earliest candidate is the evidence
    assert all(x[f] == 1.0 for f in CANDIDATE_FEATURES)  # what any of its candidates has
    assert x["rule"] == 1 and x["src_rank1"] == 1 and x["tgt_title"] == 1 and x["src_title"] == 0
    assert x["src_share"] == 0.75 and x["lead"] == 1


def test_learned_shipped_model_is_whole():
    model = shipped_model()
    assert set(model["weights"]) <= set(FEATURES) and model["weights"]
    assert 0.0 < model["threshold"] < 1.0
    assert len(FEATURES) == len(CANDIDATE_FEATURES) + len(ARTICLE_FEATURES)


def test_learned_score_follows_the_weights():
    vector = [0.0] * len(FEATURES)
    vector[FEATURES.index("rule")] = 1.0
    assert score(vector, {"weights": {"rule": 5.0}, "bias": 0.0}) > 0.99
    assert score(vector, {"weights": {"rule": -5.0}, "bias": 0.0}) < 0.01
    vector[FEATURES.index("src_share")] = 0.5  # real-valued article features weigh by their value
    model = {"weights": {"rule": 1.0, "src_share": 2.0}, "bias": -2.0}
    assert score(vector, model) == pytest.approx(0.5)


MINE = "قتل ثلاثة جنود أتراك في انفجار لغم زرعه مقاتلو حزب العمال الكردستاني جنوب شرق تركيا."
CUBA = ("كما طالبت كوبا في اطار تطبيع علاقاتها مع الولايات المتحدة، باستعادة الاراضي التي تقيم "
        "واشنطن عليها قاعدتها العسكرية وسجن غوانتانامو.")


@pytest.fixture()
def coder_nlp():
    nlp = pipeline()
    yield nlp
    nlp.get_pipe("marsad_events").coder.model = None


def _triples(record):
    return {(e.source.country, e.type, e.target.country if e.target else "") for e in record.events}


def test_learned_stage_codes_what_its_model_accepts(coder_nlp):
    # The rules find no side for «قتل ثلاثة جنود أتراك في انفجار لغم زرعه مقاتلو حزب العمال
    # الكردستاني»; a model that takes every triple codes the attack, its evidence pointing
    # into the text. Words (a demand: «طالبت كوبا ... مع الولايات المتحدة») it leaves to the
    # rules: LEARNT_TYPES.
    coder = coder_nlp.get_pipe("marsad_events").coder
    coder.model = {"weights": {}, "bias": 0.0, "threshold": 1.5}  # nothing passes
    assert ("TUR", "ASSAULT", "TUR") not in _triples(run(coder_nlp, Article(text=MINE, published="2015-07-01")))
    coder.model = {"weights": {}, "bias": 30.0, "threshold": 0.5}  # everything passes
    record = run(coder_nlp, Article(text=MINE, published="2015-07-01"))
    assert ("TUR", "ASSAULT", "TUR") in _triples(record)
    for e in record.events:
        assert record.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert record.text[e.trigger.start:e.trigger.end] == e.trigger.text
    assert ("CUB", "REQUEST", "USA") not in _triples(run(coder_nlp, Article(text=CUBA, published="2015-07-01")))