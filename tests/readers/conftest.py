"""Fixtures for the reader tests: real documents built from the seed article."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

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
