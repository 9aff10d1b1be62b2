"""``marsad ingest``: read articles, analyse the new ones and store them in a SQLite store."""
from __future__ import annotations

import json
import sys
import time

import click

from marsad.cli.options import (engine_options, first_option, input_options, library_errors,
                                limit_options, progress, quiet_option, skip_note, take,
                                with_default_published)


def db_option(f):
    """--db: the store file (shared by ingest, search, export and serve)."""
    return click.option("--db", "db", default="marsad.db", show_default=True, metavar="FILE",
                        type=click.Path(dir_okay=False),
                        help="The SQLite store (created by `marsad ingest`).")(f)


@click.command()
@input_options
@db_option
@click.option("--update", is_flag=True,
              help="Analyse and store again articles already in the store (same id or same "
                   "content), replacing them. By default they are skipped.")
@click.option("--records", is_flag=True,
              help="INPUT... are marsad/1 JSON Lines (from `marsad extract`): store them as "
                   "they are, without analysing them again.")
@click.option("--batch-size", default=100, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles written per transaction.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of your own lexicon files, added to the built-in ones (repeatable).")
@first_option
@limit_options
@engine_options
@quiet_option
@library_errors
def ingest(inputs, fmt, published, db, update, records, batch_size, lexicons, first, max_chars,
           time_limit, jobs, engine, scheduler, quiet):
    """Store the articles of INPUT... (files, folders, '-' for stdin) in the store --db.

    \b
    Each article is analysed once and stored once: one already stored (same id or same
    title and text) is skipped unless --update is given. Articles are written 100 to a
    transaction, so an interrupted run can simply be started again. Examples:
      marsad ingest crawl/ --db news.db
      marsad ingest corpus/saudinewsnet/ --db snn.db     (zip archives of JSON articles)
      marsad extract feed.rss -o records.jsonl && marsad ingest --records records.jsonl
    """
    from marsad.store import ingest_articles, ingest_records, open_store

    started = time.perf_counter()
    conn = open_store(db)
    try:
        if records:
            stats = ingest_records(conn, progress(take(_read_records(inputs), first), quiet, "record"),
                                   update=update, batch_size=batch_size)
        else:
            from marsad.engines import analyse
            from marsad.readers import read

            settings = {"lexicon_dirs": list(lexicons), "max_chars": max_chars,
                        "time_limit": time_limit or None}
            articles = take(read(list(inputs), format=fmt, note=skip_note), first)
            articles = with_default_published(articles, published)
            stats = ingest_articles(
                conn, progress(articles, quiet), update=update, batch_size=batch_size,
                analyse=lambda new: analyse(new, settings, jobs=jobs, engine=engine, scheduler=scheduler))
    finally:
        conn.close()
    if not quiet:
        click.echo(f"marsad: {db}: {stats}, {time.perf_counter() - started:.2f} s", err=True)


def _read_records(inputs):
    """marsad/1 record dicts from JSON Lines files ('-' is stdin)."""
    from marsad.errors import InputError

    for path in inputs:
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
        with stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
                if not isinstance(record, dict) or not record.get("id") or "text" not in record:
                    raise InputError(f"{path}:{number}: not a marsad/1 record (needs id and text)")
                yield record
