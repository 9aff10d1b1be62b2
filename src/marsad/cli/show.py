"""``marsad show``: a readable summary of marsad/1 records, from JSON Lines or a store."""
from __future__ import annotations

import json
import sys

import click

from marsad.cli.options import library_errors

SQLITE_MAGIC = b"SQLite format 3\x00"
ACCEPTS = ("marsad/1 JSON Lines (from `marsad extract`) or a marsad store "
           "(a SQLite file from `marsad ingest`)")


@click.command()
@click.argument("records", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--limit", default=10, show_default=True, help="Items shown per list.")
@library_errors
def show(records, limit):
    """Print what marsad found in RECORDS: marsad/1 JSON Lines ('-' is stdin) or a store
    (`marsad ingest --db FILE`). Per article, its entities, quotes, events and dates, one
    line each."""
    for record in _records(records):
        for text in _describe(record, limit):
            click.echo(text)


def _records(path: str):
    """The records of ``path``: a store's, else JSON Lines (bad lines noted on stderr)."""
    from marsad.errors import InputError

    if path == "-":
        yield from _json_lines(sys.stdin.buffer, "stdin")
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); give {ACCEPTS}") from None
    with fh:
        if fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
            fh.close()
            yield from _store_records(path)
            return
        fh.seek(0)
        yield from _json_lines(fh, path)


def _store_records(path: str):
    from marsad.store import open_store
    from marsad.store.queries import iter_records

    conn = open_store(path, readonly=True)
    try:
        yield from iter_records(conn)
    finally:
        conn.close()


def _json_lines(stream, name: str):
    from marsad.errors import InputError

    for number, raw in enumerate(stream, 1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{name}: line {number} is not UTF-8 text; marsad show reads "
                             f"{ACCEPTS}") from None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            click.echo(f"{name}: line {number}: not JSON ({exc.msg})", err=True)
            continue
        if not isinstance(record, dict):
            click.echo(f"{name}: line {number}: not a marsad/1 record (a JSON object)", err=True)
            continue
        yield record


def _describe(r: dict, limit: int):
    yield f"== {r.get('id')} | {r.get('published') or '?'} | {r.get('title') or ''}"
    counts = {k: len(r.get(k) or []) for k in ("entities", "quotes", "events", "dates", "errors")}
    yield "   " + ", ".join(f"{v} {k}" for k, v in counts.items())
    names = {e["id"]: e["name"] for e in r.get("entities") or []}
    for e in (r.get("entities") or [])[:limit]:
        where = "/".join(x for x in (e.get("country"), e.get("sector")) if x)
        yield f"   entity  {e['label']:4} {e['name']} {where} ×{len(e.get('mentions', []))}"
    for q in (r.get("quotes") or [])[:limit]:
        sp = q.get("speaker") or {}
        who = names.get(sp.get("entity")) or sp.get("text") or "?"
        yield f"   quote   {q['kind']:8} {who}: {q['content']['text'][:80]}"
    for e in (r.get("events") or [])[:limit]:
        src = (e.get("source") or {}).get("country") or "-"
        tgt = (e.get("target") or {}).get("country") or "-"
        yield f"   event   {src} {e['type']} {tgt}  «{e['evidence']['text'][:60]}»"
    for d in (r.get("dates") or [])[:limit]:
        yield f"   date    {d['text']} → {d.get('value')} ({d.get('precision')})"
    for err in r.get("errors") or []:
        yield f"   error   {err['code']}: {err['message']}"
