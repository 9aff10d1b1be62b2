"""``marsad export``: a table of the store as CSV, JSON Lines or Parquet."""
from __future__ import annotations

import sys

import click

from marsad.cli.ingest import db_option
from marsad.cli.options import library_errors
from marsad.store.export import FORMATS, TABLES


@click.command()
@db_option
@click.option("--table", type=click.Choice(TABLES), default="events", show_default=True,
              help="What to export.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="Output format (Parquet needs pyarrow: marsad[parquet]).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Where to write ('-' is stdout; Parquet needs a file).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
@library_errors
def export(db, table, fmt, output, quiet):
    """Write a table of the store --db: events (one row per event: date, source actor,
    type, mode, target actor, place, evidence, url), quotes, entities, articles
    (as JSON Lines: the marsad/1 records as stored), stories (one row per story: title,
    first and last day, counts, article ids) or story_events (a story's events merged
    per source, type and target, with the articles and outlets reporting each).

    \b
    Examples:
      marsad export --db news.db --table events -o events.csv
      marsad export --db news.db --table quotes --format parquet -o quotes.parquet
    """
    from marsad.errors import OutputError
    from marsad.store import open_store
    from marsad.store.export import export as run_export

    if fmt == "parquet" and output == "-":
        raise click.UsageError("Parquet is binary: give a file with -o")
    conn = open_store(db, readonly=True)
    try:
        if output == "-" or fmt == "parquet":
            count = run_export(conn, table, fmt, sys.stdout if output == "-" else output)
        else:
            try:
                out = open(output, "w", encoding="utf-8", newline="")
            except OSError as exc:
                raise OutputError(f"cannot write {output}: {exc.strerror}") from None
            with out:
                count = run_export(conn, table, fmt, out)
    finally:
        conn.close()
    if not quiet:
        click.echo(f"marsad: {count} {table} row{'s' * (count != 1)} written", err=True)
