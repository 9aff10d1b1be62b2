"""Actor candidates: spans already taken by lexicon mentions."""
from __future__ import annotations

import random

from marsad.events.actors import Taken


def test_actors_taken_answers_as_a_scan_of_every_span():
    rng = random.Random(3)
    spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 500) for _ in range(60))]
    spans.append((100, 400))  # one long span holding others: its end must still count
    taken = Taken(spans)
    for _ in range(2000):
        s = rng.randint(0, 520)
        e = s + rng.randint(1, 12)
        assert taken.overlaps(s, e) == any(a < e and s < b for a, b in spans)


def test_actors_taken_touching_is_no_overlap():
    taken = Taken([(10, 20)])
    assert not taken.overlaps(20, 25) and not taken.overlaps(5, 10)
    assert taken.overlaps(19, 21) and not Taken([]).overlaps(0, 100)
