"""Quality gate: the speakers' countries on the gold files stay above pinned floors."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from marsad.eval.run import run_gold

FLOORS = json.loads(Path(__file__).with_name("floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["train_path", "dev_path"])
def test_entities_speaker_country_floor(request, which):
    path = request.getfixturevalue(which)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    changed = "" if digest == FLOORS["data_sha256"][path.name] else f" ({path.name} changed since pinned)"
    quotes = run_gold(path)[0]["quotes"]
    floor = FLOORS["speaker_country"][path.name]
    assert quotes["speaker_country"] >= floor, \
        f"{path.name}: speaker country {quotes['speaker_country']:.3f} < floor {floor}{changed}"
