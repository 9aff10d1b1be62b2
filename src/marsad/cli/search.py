"""``marsad search``: full-text search of a store, with highlighted snippets."""
from __future__ import annotations

import json
import sys

import click

from marsad.cli.ingest import db_option
from marsad.cli.options import check_date, library_errors
from marsad.model import EVENT_TYPES


@click.command()
@click.argument("query", default="")
@db_option
@click.option("--actor", metavar="NAME|CODE",
              help="Only articles naming this actor: a name (Arabic or English, or part of "
                   "one) or a country code such as RUS.")
@click.option("--type", "event_type", callback=lambda ctx, param, value: event_type(value),
              metavar="PLOVER", help="Only articles with an event of this PLOVER type: "
                                     + ", ".join(EVENT_TYPES) + ".")
@click.option("--since", metavar="DATE", callback=check_date, help="Published on or after DATE.")
@click.option("--until", metavar="DATE", callback=check_date, help="Published on or before DATE.")
@click.option("--outlet", metavar="NAME", help="Only articles of this outlet.")
@click.option("--country", metavar="CODE", help="Only articles naming an actor or place of this "
                                                "country (ISO alpha-3, e.g. YEM).")
@click.option("--facets", "show_facets", is_flag=True,
              help="Also count the results by outlet, event type, country, actor and day "
                   "(the top 10 of each).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 200),
              help="Most articles shown (at most 200).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0),
              help="Skip this many results first (the next page: --offset 20).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as one JSON object.")
@library_errors
def search(query, db, actor, event_type, since, until, outlet, limit, offset, as_json, country=None,
           show_facets=False):
    """Search the store for QUERY (all its words; "a phrase" in quotes; word* as a prefix).

    \b
    Arabic is matched folded: «تحذر» finds «تحذّر», «الامبريالية» finds «الإمبريالية»,
    «مسئول» finds «مسؤول», and a word is found behind a proclitic («روسيا» finds «لروسيا»). Examples:
      marsad search "قمة بوتين" --db news.db
      marsad search روسيا --type CONSULT --since 2023-09-01 --json
      marsad search مسؤول --offset 20        (results 21 to 40)
      marsad search الحوثي --facets           (counts by outlet, type, country, actor, day)
    """
    from marsad.store import open_store
    from marsad.store.facets import article_facets
    from marsad.store.queries import Filters, is_country_code, search_articles
    from marsad.store.search import MAX_QUERY_CHARS

    if len(query) > MAX_QUERY_CHARS:
        raise click.BadParameter(f"at most {MAX_QUERY_CHARS} characters", param_hint="QUERY")
    if country is not None and not is_country_code(country):
        raise click.BadParameter(f"{country!r} is not a country code (three capitals, or IGO)",
                                 param_hint="--country")
    filters = Filters(actor, event_type, since, until, outlet, country)
    conn = open_store(db, readonly=True)
    try:
        page = search_articles(conn, query, filters, limit, offset)
        # no time budget here: a command line may wait for every count
        facets = article_facets(conn, query, filters, budget_ms=60_000) if show_facets else []
    finally:
        conn.close()
    if as_json:
        extra = {"facets": [f.to_dict() for f in facets]} if show_facets else {}
        click.echo(json.dumps({"query": query, **page.to_dict(), **extra}, ensure_ascii=False, indent=1))
        return
    for hit in page.items:
        title = _render(hit.title_snippet.segments()) or "(no title)"
        click.echo(click.style(f"{hit.id}  {hit.published or '?'}  {hit.outlet or ''}", dim=True))
        click.echo("  " + title)
        click.echo("  " + _render(hit.snippet.segments()).replace("\n", " "))
    shown = (f", {offset + 1}–{offset + len(page.items)} shown" if page.items else
             f", none from {offset + 1}" if offset else "")
    click.echo(f"{page.total} article{'s' * (page.total != 1)}"
               + (shown if page.total > len(page.items) or offset else ""), err=True)
    for facet in facets:
        click.echo(f"\n{facet.name}: " + ", ".join(f"{v} {n}" for v, n in facet.values))


def event_type(value):
    """``value`` as one of the PLOVER types (any case), or a usage error listing them."""
    if value is None or value.upper() in EVENT_TYPES:
        return value and value.upper()
    raise click.BadParameter(f"{value!r} is not a PLOVER event type; the types are: "
                             + ", ".join(EVENT_TYPES))


def _render(segments) -> str:
    """Highlighted words in bold yellow on a terminal, between [[ ]] otherwise."""
    tty = sys.stdout.isatty()
    out = []
    for text, hit in segments:
        if hit:
            out.append(click.style(text, fg="yellow", bold=True) if tty else f"[[{text}]]")
        else:
            out.append(text)
    return "".join(out)
