"""Learn the event coder's learnt stage (``marsad train events``) from gold events.

The pipeline runs over each gold article (``shared/eval/GUIDELINES.md`` format) with the
event coder keeping every (source, type, target) triple its learnt stage finds
(:mod:`marsad.events.learned`). A triple is positive when it is a gold event of the article
(its type or one of its ``also``), optional events included.
A logistic model with an L2 penalty is fitted on them (Newton's method; the bias is not
penalised). The threshold is chosen by cross-validation over articles: the one with the
best events F1 among those whose precision stays at least ``MIN_PRECISION``, the rule
coder's events kept as the pipeline keeps them. The model goes to
``events/data/event_weights.json``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import numpy

from marsad.eval.gold import score_events_article
from marsad.events.learned import FEATURES, score
from marsad.training.gold import gold_docs

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(6, 19))
MIN_PRECISION = 0.75  # the precision an event coder must keep (issue #16)
FOLDS = 5
SEEDS = (0, 1, 2)  # cross-validation is repeated over these shuffles of the articles


def articles(gold_paths: list[str | Path], nlp=None) -> list[dict[str, Any]]:
    """Per gold article: the gold, the rule coder's triples and the learnt stage's triples
    as ``(key, features)``."""
    from marsad.pipeline.build import default_nlp

    nlp = nlp or default_nlp()
    step = nlp.get_pipe("marsad_events")
    out = []
    for gold, doc in gold_docs(gold_paths, nlp, until="marsad_events"):
        step.coder.collect = True
        try:
            coded = step.match(doc)
        finally:
            step.coder.collect = False
        out.append({"gold": gold, "rules": sorted({_key(e) for e in coded.events}),
                    "triples": [(key, vector) for key, vector, _ in coded.candidates]})
    return out


def _key(e) -> tuple[str, str, str]:
    return (e.source.country or "", e.type, e.target.country if e.target else "")


def _gold_keys(gold: dict[str, Any]) -> tuple[set, set]:
    firm, optional = set(), set()
    for e in gold.get("events") or []:
        for t in {e["type"], *(e.get("also") or [])}:
            (optional if e.get("optional") else firm).add((e.get("source") or "", t, e.get("target") or ""))
    return firm, optional


def labelled(data: list[dict[str, Any]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Features and labels of every triple. An optional gold event is a borderline event a
    careful coder may code: it is learnt as an event (the scorer neither rewards nor
    penalises it); cross-validated F1 0.486 against 0.479 when left out."""
    xs, ys = [], []
    for art in data:
        firm, optional = _gold_keys(art["gold"])
        for key, x in art["triples"]:
            xs.append(x), ys.append(1.0 if key in firm or key in optional else 0.0)
    return numpy.array(xs, dtype=float).reshape(-1, len(FEATURES)), numpy.array(ys)


def fit(x: numpy.ndarray, y: numpy.ndarray, l2: float = 3.0, steps: int = 50) -> tuple[numpy.ndarray, float]:
    """Weights and bias of an L2-penalised logistic regression (Newton's method on the summed
    log-loss; ``l2`` multiplies half the squared weights, the bias is free)."""
    n, d = x.shape
    a = numpy.hstack([x, numpy.ones((n, 1))])
    w = numpy.zeros(d + 1)
    penalty = numpy.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(a @ w, -30, 30)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + numpy.diag(penalty + 1e-9)
        step = numpy.linalg.solve(hess, grad)
        w -= step
        if numpy.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def _model(w: numpy.ndarray, bias: float, threshold: float) -> dict[str, Any]:
    return {"weights": {f: float(v) for f, v in zip(FEATURES, w) if abs(v) > 1e-9},
            "bias": bias, "threshold": threshold}


def predict(art: dict[str, Any], model: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The article's triples: the rules' and those the model scores at least its threshold."""
    return sorted(set(art["rules"]) | {k for k, x in art["triples"] if score(x, model) >= model["threshold"]})


def evaluate(data: list[dict[str, Any]], predictions: list[list[tuple]]) -> dict[str, float]:
    """Events P/R/F1 of predicted triples, with the gold scorer's rules."""
    tp = n_sys = n_gold = 0
    for art, found in zip(data, predictions):
        record = {"events": [{"type": t, "source": {"country": s}, "target": {"country": g} if g else None}
                             for s, t, g in found]}
        scored = score_events_article(art["gold"], record)
        tp, n_sys, n_gold = tp + scored["matched"], n_sys + scored["system"], n_gold + scored["gold"]
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "matched": tp, "system": n_sys, "gold": n_gold}


def cross_validate(data: list[dict[str, Any]], l2: float) -> dict[float, dict[str, float]]:
    """Mean scores per threshold when each fold's articles are scored by a model fitted on
    the others, over the shuffles in ``SEEDS``."""
    runs: dict[float, list[dict[str, float]]] = {t: [] for t in THRESHOLDS}
    for seed in SEEDS:
        order = numpy.random.RandomState(seed).permutation(len(data))
        fold = {int(a): i % FOLDS for i, a in enumerate(order)}
        models = []
        for k in range(FOLDS):
            w, b = fit(*labelled([a for i, a in enumerate(data) if fold[i] != k]), l2=l2)
            models.append((w, b))
        for t in THRESHOLDS:
            runs[t].append(evaluate(data, [predict(a, _model(*models[fold[i]], t)) for i, a in enumerate(data)]))
    return {t: {k: round(float(numpy.mean([r[k] for r in rs])), 3) for k in ("precision", "recall", "f1")}
            for t, rs in runs.items()}


def choose(cv: dict[float, dict[str, float]]) -> float:
    """The threshold with the best F1 among those keeping ``MIN_PRECISION`` (else the most
    precise one)."""
    keeping = [t for t, r in cv.items() if r["precision"] >= MIN_PRECISION]
    if not keeping:
        return max(cv, key=lambda t: (cv[t]["precision"], t))
    return max(keeping, key=lambda t: (cv[t]["f1"], t))


def train(gold_paths: list[str | Path], output: Optional[str | Path] = None, l2: float = 3.0,
          held_out: Optional[list[str | Path]] = None, nlp=None) -> dict[str, Any]:
    """Fit on ``gold_paths``; choose the threshold by cross-validation; report held-out."""
    data = articles(gold_paths, nlp)
    cv = cross_validate(data, l2)
    threshold = choose(cv)
    x, y = labelled(data)
    w, b = fit(x, y, l2=l2)
    model = _model(w, b, threshold)
    report: dict[str, Any] = {
        "articles": len(data), "triples": int(len(y)), "positives": int(y.sum()), "l2": l2,
        "threshold": threshold, "rules_only": evaluate(data, [a["rules"] for a in data]),
        "cross_validated": cv[threshold], "cross_validated_all": {str(t): r for t, r in cv.items()},
        "in_sample": evaluate(data, [predict(a, model) for a in data])}
    if held_out:
        test = articles(held_out, nlp)
        report["held_out_rules_only"] = evaluate(test, [a["rules"] for a in test])
        report["held_out"] = evaluate(test, [predict(a, model) for a in test])
    if output is not None:
        body = {"note": f"learnt by `marsad train events` from {', '.join(Path(p).name for p in gold_paths)}; "
                        f"cross-validated events P {cv[threshold]['precision']} R {cv[threshold]['recall']} "
                        f"F1 {cv[threshold]['f1']} (rules alone: F1 {report['rules_only']['f1']} in sample)",
                "l2": l2, "threshold": threshold, "triples": report["triples"], "positives": report["positives"],
                "bias": round(b, 4), "weights": {k: round(v, 4) for k, v in model["weights"].items()}}
        Path(output).write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return report
