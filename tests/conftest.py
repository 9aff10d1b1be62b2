"""Shared fixtures. Data under ../shared is read in place, never copied into the project.

Tests that need ../shared skip cleanly where it is absent on a developer's machine; under CI
(``CI`` set) its absence is an error, so no test is skipped silently there.
"""
from __future__ import annotations

import html
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
def train_path() -> Path:
    return _require_shared("eval/train.jsonl")


@pytest.fixture(scope="session")
def saudinewsnet_dir() -> Path:
    return _require_shared("corpus/saudinewsnet")


# The seed as the documents users feed marsad: its text, and a news page wrapping it.
PUBLISHED_META = '<meta property="article:published_time" content="2023-09-13T10:00:00+03:00">'
NAV = '<nav><ul><li><a href="/">الصفحة الأولى</a></li><li><a href="/politics">سياسة</a></li></ul></nav>'  # home, politics
FOOTER = "<footer><p>جميع الحقوق محفوظة © صحيفة تشرين 2023</p></footer>"  # all rights reserved


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    """The seed article's content exactly as stored (no newline translation)."""
    return seed_path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_parts(seed_text: str) -> tuple[str, str]:
    """(title, body) of the seed: its first line and everything after the first newline."""
    title, _, body = seed_text.partition("\n")
    return title, body


def seed_page(title: str, body: str, head: str = PUBLISHED_META) -> str:
    """The seed as a news page: title, date meta, paragraphs, with menu and footer noise."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{head}</head><body>{NAV}"
        f"<article><h1>{html.escape(title)}</h1>\n{paragraphs}</article>{FOOTER}</body></html>"
    )


@pytest.fixture(scope="session")
def seed_html(seed_parts: tuple[str, str]) -> str:
    return seed_page(*seed_parts)


@pytest.fixture(scope="session")
def make_seed_page():
    """The page builder itself, for tests that vary the head."""
    return seed_page


@pytest.fixture(scope="session")
def anercorp_dir() -> Path:
    return _require_shared("data/anercorp")
