"""SaudiNewsNet articles for benchmarks, read in place from ../shared (never copied)."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Iterator

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAUDINEWSNET = SHARED / "corpus" / "saudinewsnet"


def saudinewsnet(limit: int, spread: bool = False) -> list[dict]:
    """The first ``limit`` SaudiNewsNet articles (dicts with title, content, source, ...), or
    with ``spread`` ``limit`` articles taken at even steps over the whole corpus (all
    outlets and dates; the first ones come from few outlets and are twice as long)."""
    if spread:
        every = [a for a in _iter_all() if a.get("content")]
        step = max(1, len(every) // limit)
        return every[::step][:limit]
    out: list[dict] = []
    for item in _iter_all():
        out.append(item)
        if len(out) >= limit:
            break
    return out


def _iter_all() -> Iterator[dict]:
    zips = sorted(SAUDINEWSNET.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no SaudiNewsNet zips under {SAUDINEWSNET}: benchmarks need ../shared")
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield from json.loads(z.read(name))


def as_jsonl(articles: list[dict], path: Path) -> Path:
    """Write articles as marsad-readable JSON Lines (a temporary benchmark input)."""
    with open(path, "w", encoding="utf-8") as out:
        for i, a in enumerate(articles):
            out.write(json.dumps({"id": f"snn-{i:05d}", "title": a.get("title"), "text": a["content"],
                                  "outlet": a.get("source"), "url": a.get("url"),
                                  "published": (a.get("date_extracted") or "")[:10] or None},
                                 ensure_ascii=False) + "\n")
    return path
