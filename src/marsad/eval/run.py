"""Run the pipeline over a gold file and score it (``marsad eval gold``)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.model import Article, Record


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of a JSON Lines file (format: shared/eval/GUIDELINES.md)."""
    gold = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                gold.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
    return gold


def run_gold(path: str | Path, nlp=None) -> tuple[dict[str, Any], list[Record]]:
    """Analyse every gold article (body text only, as annotated) and score the result."""
    from marsad.eval.gold import score
    from marsad.pipeline.build import process

    gold = read_gold(path)
    articles = [Article(text=g["text"], id=g.get("id"), title=g.get("title"),
                        published=g.get("published"), outlet=g.get("outlet"),
                        source=f"{path}:{i}") for i, g in enumerate(gold, 1)]
    records = list(process(articles, nlp))
    return score(gold, [r.to_dict() for r in records]), records
