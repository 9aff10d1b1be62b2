"""``marsad show``: a readable summary of marsad/1 records."""
from __future__ import annotations

import json

import click

from marsad.cli.options import library_errors


@click.command()
@click.argument("records", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--limit", default=10, show_default=True, help="Items shown per list.")
@library_errors
def show(records, limit):
    """Print what marsad found in RECORDS (marsad/1 JSON Lines; '-' is stdin): per article,
    its entities, quotes, events and dates, one line each."""
    for number, line in enumerate(records, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            click.echo(f"line {number}: not JSON ({exc.msg})", err=True)
            continue
        for text in _describe(record, limit):
            click.echo(text)


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
