"""Reusable CLI options and the edge where library errors become clean messages."""
from __future__ import annotations

import datetime as dt
import functools
import sys

import click


def quiet_option(f):
    return click.option("-q", "--quiet", is_flag=True,
                        help="No progress bar and no summary line on stderr.")(f)


def input_options(f):
    """INPUT... plus --format, --published and --max-input-size: what to read and how."""
    from marsad.readers import FORMATS

    f = click.option("--max-input-size", "max_input_mb", type=click.IntRange(1), default=100,
                     show_default=True, metavar="MB",
                     help="The largest file (or JSON line) read, in MB: a larger one, or an "
                          "endless stream such as /dev/zero, becomes a record with a "
                          "too_large error instead of filling memory.")(f)
    f = click.option("--published", metavar="DATE", callback=check_date,
                     help="Publication date (YYYY-MM-DD) for articles that carry none; relative "
                          "dates («أمس», «اليوم») are resolved against it.")(f)
    f = click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Input format; by default chosen from each file's extension "
                          "(directories are read recursively; '-' is stdin).")(f)
    f = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(f)
    return f


def first_option(f):
    """--limit N: read only the first N articles of the inputs (a quick look at a corpus)."""
    return click.option("--limit", "first", type=click.IntRange(1), default=None, metavar="N",
                        help="Read only the first N articles of the inputs.")(f)


def take(articles, first):
    """The first ``first`` of ``articles`` (all when None), lazily."""
    import itertools

    return articles if first is None else itertools.islice(articles, first)


def skip_note(message: str) -> None:
    """Where readers report files skipped as not news (README, LICENSE...): stderr, even
    with --quiet, since what is not read must not go unnoticed."""
    click.echo(f"marsad: {message}", err=True)


def limit_options(f):
    """--max-chars and --time-limit: bounds on the work for one article."""
    f = click.option("--time-limit", type=click.FloatRange(0), default=30.0, show_default=True,
                     metavar="SECONDS", help="Stop analysing an article after this long (0: no "
                     "limit); its record keeps what was found and says so in errors.")(f)
    f = click.option("--max-chars", type=click.IntRange(1000), default=200_000, show_default=True,
                     help="Analyse and keep at most this many characters of an article: a "
                          "longer text is cut to its first N characters, and its record says so "
                          "(a text_truncated error with the length it had).")(f)
    return f


def engine_options(f):
    """--jobs, --engine and --scheduler: where the analysis runs."""
    f = click.option("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (host:port) for --engine dask; without it a "
                          "local Dask cluster with --jobs workers is started.")(f)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                     show_default=True, help="Run on this machine's processes, or on Dask.")(f)
    f = click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
                     help="Worker processes (records keep the input order).")(f)
    return f


def check_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def library_errors(f):
    """Turn marsad's named exceptions into one clean line and exit code 1."""
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        from marsad.errors import MarsadError

        try:
            return f(*args, **kwargs)
        except MarsadError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()  # `marsad extract ... | head` is not an error
    return wrapper


def progress(iterable, quiet: bool, unit: str = "article"):
    """A progress bar on stderr when it is a terminal and not ``quiet``."""
    if quiet or not sys.stderr.isatty():
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, unit=unit, file=sys.stderr, dynamic_ncols=True)


def with_default_published(articles, published):
    """Give ``published`` to every article that carries no publication date."""
    for article in articles:
        if published and not article.published:
            article.published = published
        yield article
