"""Fixtures shared by the event tests."""
from __future__ import annotations

import pytest

from marsad.eval.events import pipeline


@pytest.fixture(scope="session")
def nlp():
    """The whole pipeline with the events step, loaded once for the event tests that run it."""
    return pipeline()
