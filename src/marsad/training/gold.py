"""The gold articles of ``shared/eval`` run through the pipeline, for the trainers."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, Optional

from marsad.eval.run import read_gold
from marsad.model import Article


def gold_docs(gold_paths: list[str | Path], nlp, until: Optional[str] = None) -> Iterator[tuple[dict[str, Any], Any]]:
    """``(gold, doc)`` for every gold article of ``gold_paths``: the Doc after the pipeline's
    steps, or only those before the step named ``until``."""
    from marsad.pipeline.build import make_doc

    for path in gold_paths:
        for gold in read_gold(path):
            article = Article(text=gold["text"], id=gold.get("id"), title=gold.get("title"),
                              published=gold.get("published"), outlet=gold.get("outlet"))
            doc = make_doc(nlp, article)
            for name, step in nlp.pipeline:
                if name == until:
                    break
                doc = step(doc)
            yield gold, doc
