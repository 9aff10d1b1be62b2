"""The marsad/1 JSON Schema and a validator that also checks offsets against the text."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

SCHEMA_FILE = "marsad-1.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of a marsad/1 record."""
    return json.loads((resources.files("marsad.schema") / SCHEMA_FILE).read_text(encoding="utf-8"))


def problems(record: dict[str, Any]) -> list[str]:
    """Everything wrong with a record dict: schema violations, then spans whose offsets do
    not index their text (``text[start:end] == span text``). Empty when valid."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    found = [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}"
             for e in validator.iter_errors(record)]
    if not found:
        found.extend(_offset_problems(record))
    return found


def _spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for i, ent in enumerate(record.get("entities", [])):
        for j, m in enumerate(ent.get("mentions", [])):
            yield f"entities/{i}/mentions/{j}", m
    for i, q in enumerate(record.get("quotes", [])):
        for key in ("content", "cue", "speaker"):
            if q.get(key) and q[key].get("start") is not None:
                yield f"quotes/{i}/{key}", q[key]
    for i, ev in enumerate(record.get("events", [])):
        for key in ("evidence", "trigger"):
            if ev.get(key):
                yield f"events/{i}/{key}", ev[key]
        for j, span in enumerate(ev.get("evidence_all", [])):
            yield f"events/{i}/evidence_all/{j}", span
    for i, d in enumerate(record.get("dates", [])):
        yield f"dates/{i}", d
    for i, p in enumerate(record.get("places", [])):
        if p.get("start") is not None:
            yield f"places/{i}", {**p, "text": p.get("text", p["name"])}


def _offset_problems(record: dict[str, Any]) -> Iterator[str]:
    for where, span in _spans(record):
        source = record.get("title") if span.get("field") == "title" else record["text"]
        source = source or ""
        start, end = span["start"], span["end"]
        if not (0 <= start <= end <= len(source)) or source[start:end] != span.get("text"):
            yield f"{where}: offsets [{start}, {end}) do not index {span.get('text')!r}"
