"""A store for the web tests: dev.jsonl through the real pipeline, then each article replaced
(``update=True``) by a record enriched from its gold annotations (speakers as entities with
their mentions, quotes, events), so pages have entities, quotes and events to show whatever
the pipeline finds today."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from marsad.readers import read
from marsad.store import ingest_articles, ingest_records, open_store

_ORG = re.compile(r"Ministry|Council|Department|Agency|Office|Committee|Army|Forces")


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of any of ``names`` (longest first) as whole words."""
    taken: list[tuple[int, int]] = []
    for name in sorted(set(names), key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                taken.append((m.start(), m.end()))
    return sorted(taken)


def gold_record(record: dict, gold: dict) -> dict:
    """``record`` with entities, quotes and events taken from the gold annotations."""
    text = record["text"]
    entities: dict[str, dict] = {}
    for q in gold.get("quotes", []):
        key = q.get("speaker_en") or q["speaker"]
        if key in entities:
            continue
        names = [n for n in q.get("speaker_names") or [q["speaker"]] if n]
        spans = _spans(text, names)
        if not spans:
            continue
        label = "ORG" if _ORG.search(key) else "LOC" if key in ("United States", "Japan", "China") else "PER"
        entities[key] = {"id": f"e{len(entities) + 1}", "label": label,
                         "name": max(names, key=len), "name_en": q.get("speaker_en"),
                         "country": q.get("speaker_country") or None, "sector": "GOV", "role": None,
                         "mentions": [{"start": a, "end": b, "text": text[a:b]} for a, b in spans]}
    quotes = []
    for q in gold.get("quotes", []):
        start = text.find(q["content"])
        ent = entities.get(q.get("speaker_en") or q["speaker"])
        if start < 0 or ent is None:
            continue
        end = start + len(q["content"])
        near = min(ent["mentions"], key=lambda m: abs(m["start"] - start))
        cue_at = text.rfind(q.get("cue") or "\x00", 0, start)
        quotes.append({"kind": q["kind"],
                       "speaker": {"entity": ent["id"], "text": near["text"],
                                   "start": near["start"], "end": near["end"]},
                       "cue": ({"text": q["cue"], "start": cue_at, "end": cue_at + len(q["cue"])}
                               if cue_at >= 0 else None),
                       "content": {"text": q["content"], "start": start, "end": end}})
    by_country: dict = {}
    for e in entities.values():  # the first person or country named stands for its country
        if e["label"] != "ORG":
            by_country.setdefault(e["country"], e["id"])
    events = []
    for ev in gold.get("events", []):
        start = text.find(ev["evidence"])
        if start < 0:
            continue

        def actor(code):
            return {"entity": by_country.get(code), "country": code, "sector": "GOV"} if code else None

        events.append({"type": ev["type"], "mode": None, "source": actor(ev.get("source")),
                       "target": actor(ev.get("target")), "place": None,
                       "date": record.get("published"),
                       "evidence": {"start": start, "end": start + len(ev["evidence"]),
                                    "text": ev["evidence"]}})
    return {**record, "entities": list(entities.values()), "quotes": quotes, "events": events}


@pytest.fixture(scope="session")
def web_db(dev_path, tmp_path_factory):
    """Path of a store holding the 17 dev articles, enriched from their gold annotations."""
    path = tmp_path_factory.mktemp("web") / "web.db"
    conn = open_store(path)
    ingest_articles(conn, read([str(dev_path)]))
    gold = {g["id"]: g for g in map(json.loads, dev_path.read_text(encoding="utf-8").splitlines())}
    stored = [json.loads(raw) for (raw,) in conn.execute("SELECT record_json FROM articles")]
    stats = ingest_records(conn, [gold_record(r, gold[r["id"]]) for r in stored], update=True)
    assert stats.updated == len(stored) == 17
    conn.close()
    return path


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    with TestClient(create_app(web_db), base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="session")
def server(web_db):
    """``marsad serve`` in a subprocess on a free 127.0.0.1 port; yields the base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli.main", "serve", "--db", str(web_db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/static/marsad.svg", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"marsad serve did not start: {proc.stderr.read()!r}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
