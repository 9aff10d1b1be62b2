"""Shared fixtures. Data under ../shared is read in place, never copied into the project.

Tests that need ../shared skip cleanly where it is absent on a developer's machine; under CI
(``CI`` set) its absence is an error, so no test is skipped silently there.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _require_shared(sub: str) -> Path:
    path = SHARED / sub
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run with ../shared beside the checkout")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (skips outside CI when absent)."""
    return _require_shared("")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return _require_shared("corpus/seed/putin-kim-summit.txt")


@pytest.fixture(scope="session")
def dev_path() -> Path:
    return _require_shared("eval/dev.jsonl")


@pytest.fixture(scope="session")
def saudinewsnet_dir() -> Path:
    return _require_shared("corpus/saudinewsnet")
