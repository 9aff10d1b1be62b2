"""Fixtures shared by the quote tests."""
from __future__ import annotations

import pytest

from marsad.pipeline.build import load


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, loaded once for the quote tests that run it whole."""
    return load()
