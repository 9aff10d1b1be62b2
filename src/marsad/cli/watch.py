"""``marsad watch``: poll RSS/Atom feeds, store each new item's article once, fire alerts."""
from __future__ import annotations

import signal
import sys

import click

from marsad.cli.ingest import db_option
from marsad.cli.options import library_errors, quiet_option


@click.command()
@click.argument("feeds", type=click.Path(dir_okay=False))
@db_option
@click.option("--interval", default=300.0, show_default=True, type=click.FloatRange(1),
              metavar="SECONDS", help="Start a poll every SECONDS (without --once).")
@click.option("--once", is_flag=True, help="Poll every feed once, then exit.")
@click.option("--alerts", "rules", type=click.Path(dir_okay=False), metavar="RULES",
              help="A TOML file of alert rules (docs/watch.md).")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help="At least this long between two requests to the same host (a robots.txt "
                   "Crawl-delay may ask for more).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              metavar="SECONDS", help="Give up on a connection or a read after this long.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(0, 10),
              help="Further tries after a timeout, a failed connection, a 5xx or 429.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(0, 64),
              help="Pages fetched and read at once, in threads, while the analysis runs in "
                   "this process (more threads help with slow sites, and cost CPU time here; "
                   "0: fetch in the main thread).")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Analyse the articles in this many worker processes, each with the pipeline "
                   "loaded (about 0.5 GB each); 1: in this process. Fetching and storing stay "
                   "in this process.")
@click.option("--user-agent", default=None, metavar="TEXT",
              help="The User-Agent sent (default: marsad/VERSION (Arabic news monitor; "
                   "marsad watch)); add a way to reach you.")
@click.option("--lock-timeout", default=60.0, show_default=True, type=click.FloatRange(0),
              metavar="SECONDS", help="While another process writes to the store, keep trying this long.")
@quiet_option
@library_errors
def watch(feeds, db, interval, once, rules, delay, timeout, retries, workers, jobs, user_agent,
          lock_timeout, quiet):
    """Poll the RSS/Atom feeds listed in FEEDS (one URL a line, # comments) and store the
    article of every new item in the store --db, as `marsad ingest` does.

    \b
    Each item is fetched, analysed and stored once, across restarts (by its GUID or link,
    and by its content). A feed that is down or not a feed is reported on stderr and in
    the store's `feeds` table, and the others go on; a page that cannot be fetched
    becomes an error record. Stop it at any moment (Ctrl-C, kill): started again, it
    loses and repeats nothing. Examples:
      marsad watch feeds.txt --db news.db --once
      marsad watch feeds.txt --db news.db --interval 600 --alerts alerts.toml
    """
    from marsad.pipeline.build import keep, load
    from marsad.store import open_store
    from marsad.watch.alerts import Alerts, load_rules
    from marsad.watch.feeds import read_feed_list
    from marsad.watch.fetch import USER_AGENT, Fetcher
    from marsad.watch.loop import Analyser, Watcher

    urls = read_feed_list(feeds)
    rule_list = load_rules(rules) if rules else []

    def say(message: str) -> None:
        click.echo(f"marsad watch: {message}", err=True)

    def polled(number, stats) -> None:
        if not quiet:
            say(f"poll {number}: {stats}")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # ends like Ctrl-C: each item is whole
    conn = open_store(db, lock_timeout=lock_timeout)
    fetcher = Fetcher(user_agent=user_agent or USER_AGENT, delay=delay, timeout=timeout,
                      retries=retries)
    watcher = analyse = None
    try:
        if jobs > 1:
            from marsad.engines.local import Workers

            analyse = Workers(jobs)
        else:
            analyse = Analyser(keep(load()))
        alerts = Alerts(rule_list, conn, fetcher, say) if rule_list else None
        watcher = Watcher(conn, urls, fetcher, analyse, alerts, say=say, workers=workers)
        watcher.run(interval, once=once, on_poll=polled)
    except KeyboardInterrupt:
        say("stopped")
        sys.exit(130)
    finally:
        if watcher:
            watcher.close()
        if analyse is not None:
            analyse.close()  # the worker processes stop
        fetcher.close()
        conn.close()
