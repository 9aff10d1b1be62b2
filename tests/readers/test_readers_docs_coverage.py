"""docs/readers.md documents every format, option and error code the readers use."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.readers.dispatch import FORMATS, OPTIONS
from marsad.readers.errors import CODES

DOC = Path(__file__).resolve().parents[2] / "docs" / "readers.md"


@pytest.mark.parametrize(
    "name", [*FORMATS, *(o for opts in OPTIONS.values() for o in opts), *CODES]
)
def test_readers_docs_mention(name: str) -> None:
    assert f"`{name}`" in DOC.read_text(encoding="utf-8")
