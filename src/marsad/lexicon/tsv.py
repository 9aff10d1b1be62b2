"""Reading lexicon files: UTF-8 TSV with one header line, ``#`` comments and blank lines.

Cells may hold several values separated by ``|`` (names) or ``,`` (flags); ``-`` or an
empty cell means "no value". Rows are merged by key so that a user's file replaces only the
keys it gives (``overlay``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from marsad.errors import MarsadError

DATA = resources.files("marsad.lexicon") / "data"


class LexiconError(MarsadError):
    """A lexicon file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One data line of a TSV file, with where it came from (for error messages)."""

    source: str
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The stripped cell, or '' when absent or '-'."""
        value = self.cells.get(column, "").strip()
        return "" if value == "-" else value

    def require(self, column: str) -> str:
        value = self.get(column)
        if not value:
            raise self.error(f"column {column!r} is empty")
        return value

    def error(self, message: str) -> LexiconError:
        return LexiconError(f"{self.source}:{self.line}: {message}")

    def values(self, column: str) -> tuple[str, ...]:
        """A ``|``-separated cell as a tuple of non-empty values."""
        return tuple(v.strip() for v in self.get(column).split("|") if v.strip())

    def flags(self) -> frozenset[str]:
        return frozenset(f.strip() for f in self.get("flags").split(",") if f.strip())

    def day(self, column: str, last: bool = False) -> date | None:
        """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` cell as a day: the first day of the
        year or month, or with ``last`` the last one (an office held "to 2015" ends on
        31 December 2015)."""
        value = self.get(column)
        if not value:
            return None
        parts = value.split("-")
        if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4
                and all(len(p) == 2 for p in parts[1:])):
            raise self.error(f"column {column!r} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        year, month, day = (int(p) for p in parts + ["0"] * (3 - len(parts)))
        try:
            if month == 0:
                return date(year, 12, 31) if last else date(year, 1, 1)
            if day == 0:
                end = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)) if last else None
                return end or date(year, month, 1)
            return date(year, month, day)
        except ValueError:
            raise self.error(f"column {column!r}: no such day {value!r}") from None

    def number(self, column: str) -> float | None:
        value = self.get(column)
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise self.error(f"column {column!r} must be a number, got {value!r}") from None


def read_tsv(path: Path | Traversable, required: Sequence[str]) -> list[Row]:
    """Parse ``path``; the first non-comment line is the header and must name ``required``."""
    text = path.read_text(encoding="utf-8")
    header: list[str] | None = None
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{path}:{number}: header lacks columns {missing}")
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{path}:{number}: {len(cells)} cells for {len(header)} columns")
        rows.append(Row(str(path), number, dict(zip(header, cells))))
    if header is None:
        raise LexiconError(f"{path}: no header line")
    return rows


def group(rows: Iterable[Row], key: Callable[[Row], str], multi: bool = False) -> dict[str, list[Row]]:
    """Rows by key. Unless ``multi``, a key given twice in one file is an error."""
    out: dict[str, list[Row]] = {}
    for row in rows:
        k = key(row)
        if k in out and not multi:
            first = out[k][0]
            raise row.error(f"duplicate key {k!r} (first at line {first.line})")
        out.setdefault(k, []).append(row)
    return out


def overlay(base: dict[str, list[Row]], extra: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """``base`` with the keys of ``extra`` replaced or added; rows flagged ``off`` remove
    their key."""
    merged = dict(base)
    for k, rows in extra.items():
        if any("off" in r.flags() for r in rows):
            merged.pop(k, None)
        else:
            merged[k] = rows
    return merged


def layered(name: str, extra_dirs: Sequence[Path], required: Sequence[str],
            key: Callable[[Row], str], multi: bool = False,
            base: dict[str, list[Row]] | None = None) -> dict[str, list[Row]]:
    """The shipped file ``name`` (over ``base``), then the same file name in each of
    ``extra_dirs`` in order, merged by key."""
    merged = overlay(base or {}, group(read_tsv(DATA / name, required), key, multi))
    for folder in extra_dirs:
        path = Path(folder) / name
        if path.is_file():
            merged = overlay(merged, group(read_tsv(path, required), key, multi))
    return merged
