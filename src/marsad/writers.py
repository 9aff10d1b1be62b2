"""Write records as marsad/1 JSON Lines."""
from __future__ import annotations

from typing import IO, Iterable, NamedTuple

from marsad.model import Record


class Line(NamedTuple):
    """A record already written as JSON (one line, or indented when pretty), and whether it
    carries errors: what a worker sends back when the caller only writes records out."""
    text: str
    failed: bool


def encode(record: Record, pretty: bool = False) -> Line:
    """The record as a :class:`Line`. Engines call it in their workers (``encode=``), so the
    JSON is made where the record is, and only a string travels back."""
    return Line(record.to_json(indent=2 if pretty else None), bool(record.errors))


def write_lines(lines: Iterable[Line], out: IO[str]) -> Iterable[Line]:
    """Write each line followed by a newline and yield it back, so a caller can count or
    summarise while streaming."""
    for line in lines:
        out.write(line.text)
        out.write("\n")
        yield line
