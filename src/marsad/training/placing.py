"""Learn the weights that choose an unplaced actor's country (``marsad train placing``).

The examples are the speakers of annotated quotes (``speaker_country`` in the gold files of
``shared/eval``): the pipeline runs over each gold article; every quote it finds that
matches a gold quote gives its speaker entity, and when nothing in the entity's own words
placed it (``country_source`` story or outlet), its candidate countries with their features
(:meth:`marsad.entities.story.Story.candidates`) and the gold country make one example, once
per entity. The weights maximise the likelihood of the gold country under a softmax over
the candidates (conditional logit), with an L2 penalty; they go to
``entities/data/story_weights.json``.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Optional

import numpy

from marsad.entities.story import FEATURES
from marsad.eval.gold import score_quotes_article
from marsad.training.gold import gold_docs

FALLBACK = ("story", "outlet")
Example = tuple[numpy.ndarray, int]  # candidates × features, index of the gold country


def examples(gold_paths: list[str | Path], nlp=None) -> tuple[list[Example], Counter]:
    """Training examples from gold files, and counts of what was kept and why not."""
    from marsad.pipeline.build import default_nlp
    from marsad.pipeline.record import to_record

    nlp = nlp or default_nlp()
    out: list[Example] = []
    tally: Counter = Counter()
    for gold, doc in gold_docs(gold_paths, nlp):
        out.extend(_article_examples(gold, doc, to_record(doc).to_dict(), tally))
    return out, tally


def _article_examples(gold: dict[str, Any], doc, record: dict[str, Any], tally: Counter) -> list[Example]:
    setting = doc.user_data.get("setting")
    entities = {e.id: e for e in doc._.entities or []}
    wanted: dict[str, Counter] = {}
    for hit in score_quotes_article(gold, record)["hits"]:
        country = hit["gold"].get("speaker_country")
        entity = entities.get((hit["system"].get("speaker") or {}).get("entity") or "")
        if not country or entity is None:
            continue
        if entity.country_source not in FALLBACK:
            tally["placed by its own words"] += 1
            continue
        wanted.setdefault(entity.id, Counter())[country] += 1
    out = []
    for entity_id, countries in wanted.items():
        country = countries.most_common(1)[0][0]
        spans = [(m.start, m.end) for m in entities[entity_id].mentions if m.field is None]
        candidates = setting.story.candidates(spans)
        names = [c for c, _ in candidates]
        if country not in names:
            tally["gold country not a candidate"] += 1
            continue
        tally["examples"] += 1
        out.append((numpy.array([f for _, f in candidates], dtype=float), names.index(country)))
    return out


def fit(data: list[Example], l2: float = 0.01, steps: int = 3000, rate: float = 0.5) -> dict[str, float]:
    """Weights maximising the mean log-likelihood of the gold candidates minus
    ``l2``·‖w‖² (full-batch gradient ascent)."""
    w = numpy.zeros(len(FEATURES))
    for _ in range(steps):
        grad = -2 * l2 * w
        for x, gold in data:
            s = x @ w
            p = numpy.exp(s - s.max())
            p /= p.sum()
            grad += (x[gold] - p @ x) / len(data)
        w += rate * grad
    return {f: round(float(v), 4) for f, v in zip(FEATURES, w)}


def accuracy(data: list[Example], weights: dict[str, float]) -> float:
    w = numpy.array([weights.get(f, 0.0) for f in FEATURES])
    right = sum(int(numpy.argmax(x @ w)) == gold for x, gold in data)
    return right / len(data) if data else 0.0


def cross_validate(data: list[Example], l2: float, folds: int = 5) -> float:
    """Accuracy of the choice on each fold when fitted on the others (folds by position)."""
    right = 0.0
    for k in range(folds):
        test = data[k::folds]
        rest = [x for i, x in enumerate(data) if i % folds != k]
        right += accuracy(test, fit(rest, l2=l2)) * len(test)
    return right / len(data) if data else 0.0


def train(gold_paths: list[str | Path], output: Optional[Path] = None, l2: float = 0.01,
          held_out: Optional[list[str | Path]] = None) -> dict[str, Any]:
    """Fit on ``gold_paths``, report accuracy there and on ``held_out``, write ``output``."""
    data, tally = examples(gold_paths)
    weights = fit(data, l2=l2)
    report: dict[str, Any] = {"examples": dict(tally), "train_accuracy": round(accuracy(data, weights), 3),
                              "cross_validated_accuracy": round(cross_validate(data, l2), 3)}
    if held_out:
        test, held_tally = examples(held_out)
        report["held_out_examples"] = dict(held_tally)
        report["held_out_accuracy"] = round(accuracy(test, weights), 3)
    report["weights"] = weights
    if output is not None:
        body = {"note": f"learnt by `marsad train placing` from {', '.join(Path(p).name for p in gold_paths)}",
                "l2": l2, "examples": tally["examples"], "weights": weights}
        Path(output).write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    return report
