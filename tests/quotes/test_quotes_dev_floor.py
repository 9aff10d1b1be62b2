"""Quality gate: the quote finder scored on the dev set must stay above pinned floors."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from marsad.eval.quotes import measure, read_gold

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("subset", ["all", "seed"])
def test_quotes_dev_floor(dev_path, subset):
    digest = hashlib.sha256(dev_path.read_bytes()).hexdigest()
    note = "" if digest == FLOORS["data_sha256"] else " (dev.jsonl changed since the floors were pinned)"
    gold = read_gold(dev_path)
    ids = {gold[0]["id"]} if subset == "seed" else None
    q = measure(gold, ids)["quotes"]
    got = {"content_f1": q["content"]["f1"], "attribution": q["attribution"],
           "end_to_end_f1": q["end_to_end"]["f1"]}
    for key, floor in FLOORS[subset].items():
        assert got[key] >= floor, f"{subset} {key} {got[key]:.3f} < floor {floor}{note}"
