"""Write records as marsad/1 JSON Lines."""
from __future__ import annotations

from typing import IO, Iterable, Iterator

from marsad.model import Record


def write_jsonl(records: Iterable[Record], out: IO[str], pretty: bool = False) -> Iterator[Record]:
    """Write each record as one JSON line (indented JSON objects when ``pretty``) and yield
    it back, so a caller can count or summarise while streaming."""
    for record in records:
        out.write(record.to_json(indent=2 if pretty else None))
        out.write("\n")
        yield record
