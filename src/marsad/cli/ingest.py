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
@click.option("--lock-timeout", default=60.0, show_default=True, type=click.FloatRange(0),
              metavar="SECONDS",
              help="While another process writes to the store, keep trying this long before "
                   "giving up (exit code 1).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of your own lexicon files, added to the built-in ones (repeatable).")
@first_option
@limit_options
@engine_options
@quiet_option
@library_errors
def ingest(inputs, fmt, published, max_input_mb, db, update, records, batch_size, lock_timeout,
           lexicons, first, max_chars, time_limit, jobs, engine, scheduler, quiet):
    """Store the articles of INPUT... (files, folders, '-' for stdin) in the store --db.

    \b
    Each article is analysed once and stored once: one already stored (same id or same
    title and text) is skipped unless --update is given. An article whose id has a '/'
    (no address could reach it) is not stored: one line says so and the exit code is 1.
    Articles are written 100 to a
    transaction, so an interrupted run can simply be started again. Examples:
      marsad ingest crawl/ --db news.db
      marsad ingest corpus/saudinewsnet/ --db snn.db     (zip archives of JSON articles)
      marsad extract feed.rss -o records.jsonl && marsad ingest --records records.jsonl
    """
    from marsad.store import ingest_articles, ingest_records, open_store

    started = time.perf_counter()
    conn = open_store(db, lock_timeout=lock_timeout)
    try:
        if records:
            reading = {"at": None}  # the line being read: where a rejected record is
            stats = ingest_records(conn, progress(take(_read_records(inputs, reading), first), quiet,
                                                  "record"),
                                   update=update, batch_size=batch_size,
                                   on_reject=lambda message: _rejected(message, reading))
        else:
            from marsad.engines import analyse
            from marsad.readers import read

            settings = {"lexicon_dirs": list(lexicons), "max_chars": max_chars,
                        "time_limit": time_limit or None}
            articles = take(read(list(inputs), format=fmt, note=skip_note,
                                 max_bytes=max_input_mb << 20), first)
            articles = with_default_published(articles, published)
            stats = ingest_articles(
                conn, progress(articles, quiet), update=update, batch_size=batch_size,
                analyse=lambda new: analyse(new, settings, jobs=jobs, engine=engine, scheduler=scheduler),
                on_reject=_rejected)
    finally:
        conn.close()
    if not quiet:
        click.echo(f"marsad: {db}: {stats}, {time.perf_counter() - started:.2f} s", err=True)
    if stats.rejected:  # the rest is stored; the exit code says that not everything is
        sys.exit(1)


def _rejected(message: str, reading=None) -> None:
    """Say on stderr that an article was not stored (``reading["at"]``: the line of
    --records it came from)."""
    if reading and reading["at"] and message.startswith("input: "):
        message = f"{reading['at']}: {message[len('input: '):]}"
    click.echo(f"Error: {message}", err=True)


def _read_records(inputs, reading):
    """marsad/1 record dicts from JSON Lines files ('-' is stdin); ``reading["at"]`` is set
    to the file and line of each as it is read."""
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
                if not isinstance(record["id"], str):
                    raise InputError(f"{path}:{number}: the record's id is a JSON "
                                     f"{type(record['id']).__name__}, not a string")
                reading["at"] = f"{path}:{number}"
                yield record
