"""The ``marsad`` command. Each subcommand lives in its own module; this file groups them."""
from __future__ import annotations

import click

from marsad import __version__
from marsad.cli.evaluate import eval_group
from marsad.cli.extract import extract
from marsad.cli.show import show
from marsad.cli.train import train_group


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad (مرصد) reads Arabic news and writes down, with evidence, what it reports:
    actors, attributed statements, PLOVER events, dates and places, each pointing back to
    the exact characters of the article that support it (marsad/1 JSON Lines).

    \b
    Exit codes: 0 the command ran (articles that could not be read are reported as
    records with "errors" and counted in the summary); 1 it could not run (an input or
    output that cannot be opened); 2 bad arguments.
    """


cli.add_command(extract)
cli.add_command(eval_group)
cli.add_command(train_group)
cli.add_command(show)
cli.add_command(__import__("marsad.cli.watch", fromlist=["watch"]).watch)
cli.add_command(__import__("marsad.cli.ingest", fromlist=["ingest"]).ingest)
cli.add_command(__import__("marsad.cli.search", fromlist=["search"]).search)
cli.add_command(__import__("marsad.cli.export", fromlist=["export"]).export)
cli.add_command(__import__("marsad.cli.serve", fromlist=["serve"]).serve)
cli.add_command(__import__("marsad.cli.stories", fromlist=["stories"]).stories)


def main() -> None:
    cli(prog_name="marsad")


if __name__ == "__main__":
    main()
