"""Arabic labels of the codes the pages show (PLOVER event types, event modes, quote kinds,
sectors, facet names), read from ``data/labels.tsv``. A page shows the Arabic label with
the code and its English name in a ``title`` attribute; an unknown code is shown as it is."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional

KINDS = ("type", "mode", "kind", "sector", "facet")


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], tuple[str, str]]:
    """``{(kind, code): (Arabic, English)}`` from the data file."""
    text = (resources.files("marsad.web") / "data" / "labels.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], tuple[str, str]] = {}
    header = True
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:  # the column names
            header = False
            continue
        kind, code, ar, en = line.split("\t")
        out[(kind, code)] = (ar, en)
    return out


def arabic(kind: str, code: Optional[str]) -> str:
    """The Arabic label of ``code`` (the code itself when it has none; '' for None)."""
    if not code:
        return ""
    return table().get((kind, code), (code, code))[0]


def english(kind: str, code: Optional[str]) -> str:
    """``code`` with its English name, for a title attribute («ASSAULT: assault»)."""
    if not code:
        return ""
    en = table().get((kind, code), (code, code))[1]
    return code if en.lower() == code.lower() else f"{code}: {en}"
