"""``marsad stories``: the stories of a store, one JSON object (or CSV row) per story."""
from __future__ import annotations

import json
import sys

import click

from marsad.cli.ingest import db_option
from marsad.cli.options import check_date, library_errors

FIELDS = ("id", "title", "articles", "outlets", "first", "last", "events", "reactions",
          "actors", "places")


@click.command()
@db_option
@click.option("--since", metavar="DATE", callback=check_date,
              help="Only stories with an article published on or after DATE.")
@click.option("--until", metavar="DATE", callback=check_date,
              help="Only stories with an article published on or before DATE.")
@click.option("--format", "fmt", type=click.Choice(("jsonl", "csv")), default="jsonl",
              show_default=True, help="One JSON object per line, or CSV (lists as JSON cells).")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1),
              help="Only stories of at least this many articles.")
@click.option("--rebuild", is_flag=True,
              help="First group every stored article into stories again, from its text.")
@library_errors
def stories(db, since, until, fmt, min_articles, rebuild):
    """Print the stories of the store --db: articles about the same news (copies of one
    agency story across outlets, rewrites, follow-ups within three days), grouped as they
    are ingested.

    \b
    Each story has its id (the id of its first article), title, articles (stored ids),
    outlets, first and last day, events merged across its articles (with the number of
    articles and outlets reporting each), reactions (statements by country and actor,
    with stance), and its most named actors and places. Examples:
      marsad stories --db news.db --since 2015-07-21 --until 2015-07-23
      marsad stories --db news.db --format csv > stories.csv
    """
    from marsad.store import open_store
    from marsad.store.story_queries import iter_stories

    if rebuild:
        _rebuild(db)
    conn = open_store(db, readonly=True)
    try:
        out = sys.stdout
        writer = None
        if fmt == "csv":
            import csv

            from marsad.store.export import csv_cell

            out.write("\ufeff")
            writer = csv.writer(out)
            writer.writerow(FIELDS)
        for story in iter_stories(conn, since, until):
            if len(story["articles"]) < min_articles:
                continue
            if writer is None:
                out.write(json.dumps(story, ensure_ascii=False) + "\n")
            else:
                writer.writerow([csv_cell(v if isinstance(v, (str, type(None)))
                                          else json.dumps(v, ensure_ascii=False))
                                 for v in (story[f] for f in FIELDS)])
    finally:
        conn.close()


def _rebuild(db) -> None:
    from marsad.store import open_store
    from marsad.store.db import transaction
    from marsad.store.story_store import rebuild

    conn = open_store(db)
    try:
        with transaction(conn):
            count = rebuild(conn)
    finally:
        conn.close()
    click.echo(f"marsad: {db}: {count} stories", err=True)
