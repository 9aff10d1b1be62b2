"""``marsad serve``: the web pages and JSON API over a store, read-only."""
from __future__ import annotations

import os
from pathlib import Path

import click

from marsad.cli.ingest import db_option
from marsad.cli.options import library_errors

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the store to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--cache-size", default=1024, show_default=True, type=click.IntRange(0, 1_000_000),
              help="Responses kept per server process (0: none); the cache empties itself "
                   "when the store file changes.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="A name this server answers to in the Host header, besides localhost, "
                   "127.0.0.1, ::1 and --host (repeatable; '*': any name, which lets "
                   "any web page read the store through DNS rebinding).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (more use more cores; each opens the store read-only).")
@library_errors
def serve(db, host, port, workers, cache_size, allow_hosts):
    """Serve the store --db on http://HOST:PORT: search, articles with their highlighted
    entities, quotes and events, actor pages, an events timeline, the actor network, and
    the JSON API under /api (documented at /docs). The store is opened read-only.

    \b
    Example:
      marsad serve --db news.db            # then open http://127.0.0.1:8000/
    """
    try:
        import uvicorn

        from marsad.web.app import LOCAL_HOSTS, create_app
    except ImportError as exc:
        raise click.ClickException(f"the web server needs {exc.name}: pip install 'marsad[web]'")
    hosts = [*LOCAL_HOSTS, *([host] if host not in ("0.0.0.0", "::") else []), *allow_hosts]
    app = create_app(db, cache_size=cache_size, hosts=hosts)
    if host not in LOOPBACK:
        click.echo(f"marsad: warning: listening on {host}, not on loopback: anyone who can reach "
                   f"this machine can read the store", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    else:  # worker processes import the application by name and find the store in the environment
        os.environ["MARSAD_DB"] = str(Path(db).resolve())
        os.environ["MARSAD_CACHE_SIZE"] = str(cache_size)
        os.environ["MARSAD_HOSTS"] = ",".join(hosts)
        uvicorn.run("marsad.web.app:app_from_env", factory=True, workers=workers, host=host,
                    port=port, log_level="warning", server_header=False)
