"""``marsad extract``: read articles, run the pipeline, write marsad/1 JSON Lines."""
from __future__ import annotations

import errno
import os
import sys
import time
from functools import partial

import click

from marsad.cli.options import (engine_options, first_option, input_options, library_errors,
                                limit_options, progress, quiet_option, skip_note, take,
                                with_default_published)


@click.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              default="-", show_default=True, help="Where to write the JSON Lines ('-' is stdout).")
@click.option("--pretty", is_flag=True, help="Indent each JSON record (easier to read, not JSON Lines).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of your own lexicon files, added to the built-in ones (repeatable).")
@click.option("--shard-dir", type=click.Path(file_okay=False, writable=True),
              help="With --engine dask: analyse each input file on a worker and write one "
                   "output shard per input into this folder (resumable: finished shards are "
                   "skipped). For large archives such as WARC files.")
@first_option
@limit_options
@engine_options
@quiet_option
@library_errors
def extract(inputs, fmt, published, max_input_mb, output, pretty, lexicons, shard_dir, first,
            max_chars, time_limit, jobs, engine, scheduler, quiet):
    """Read INPUT... (files, folders, '-' for stdin) and write one marsad/1 record per article.

    \b
    Formats: plain text (.txt), JSON Lines (.jsonl), JSON arrays (.json), HTML (.html, .htm),
    RSS/Atom (.rss, .atom, .xml), WARC (.warc, .warc.gz), zip archives of these (.zip, e.g.
    the SaudiNewsNet corpus). README, LICENSE and .md files in folders are skipped. Examples:
      marsad extract article.txt --published 2023-09-13 --pretty
      marsad extract crawl/ -o records.jsonl
      marsad extract corpus/saudinewsnet/2015-07-21.zip --limit 50 -o sample.jsonl
    """
    from marsad.engines import analyse
    from marsad.readers import read
    from marsad.writers import encode, write_lines

    started = time.perf_counter()
    settings = {"lexicon_dirs": list(lexicons), "max_chars": max_chars, "time_limit": time_limit or None}
    if shard_dir:
        if first is not None:
            raise click.UsageError("--limit cannot be used with --shard-dir")
        return _extract_shards(inputs, fmt, shard_dir, settings, jobs, engine, scheduler, quiet, started)
    articles = take(read(list(inputs), format=fmt, note=skip_note, max_bytes=max_input_mb << 20),
                    first)
    articles = with_default_published(articles, published)
    lines = analyse(articles, settings, jobs=jobs, engine=engine, scheduler=scheduler,
                    encode=partial(encode, pretty=pretty))
    out, partial_path = _open_output(output)
    count = failed = 0
    try:
        for line in progress(write_lines(lines, out), quiet):
            count += 1
            failed += line.failed
    except OSError as exc:
        _close_output(out, partial_path, output, keep=False)
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
            raise
        from marsad.errors import OutputError

        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    except BaseException:
        _close_output(out, partial_path, output, keep=False)
        raise
    _close_output(out, partial_path, output, keep=True)
    if not quiet:
        seconds = time.perf_counter() - started
        click.echo(f"marsad: {count} article{'s' * (count != 1)}, {failed} with errors, "
                   f"{seconds:.2f} s", err=True)


def _extract_shards(inputs, fmt, shard_dir, settings, jobs, engine, scheduler, quiet, started):
    """One task per input file on Dask, one output shard each."""
    from marsad.engines.dask import process_shards
    from marsad.readers.dispatch import expand_inputs

    if engine != "dask":
        raise click.UsageError("--shard-dir needs --engine dask")
    paths = expand_inputs(list(inputs), fmt)
    done = process_shards(paths, shard_dir, settings, workers=jobs, scheduler=scheduler, fmt=fmt)
    lost = [d["failed"] for d in done if d.get("failed")]
    for line in lost:  # even with --quiet: a shard not written must not go unnoticed
        click.echo(f"Error: {line}", err=True)
    if not quiet:
        articles = sum(d["articles"] for d in done)
        failed = sum(d["with_errors"] for d in done)
        click.echo(f"marsad: {len(done) - len(lost)} shards written ({len(paths) - len(done)} "
                   f"already done{f', {len(lost)} not written' if lost else ''}), "
                   f"{articles} articles, {failed} with errors, "
                   f"{time.perf_counter() - started:.2f} s", err=True)
    if lost:
        sys.exit(1)


def _open_output(path: str):
    """The stream to write to, and the temporary file it is when ``path`` is a regular file
    (renamed to ``path`` once everything is written, so a failed run leaves no partial file
    and an older ``path`` untouched)."""
    from marsad.errors import OutputError

    if path == "-":
        return sys.stdout, None
    if os.path.exists(path) and not os.path.isfile(path):  # /dev/null, a pipe
        target = path
    else:
        folder, name = os.path.split(os.path.abspath(path))
        target = os.path.join(folder, f".{name}.{os.getpid()}.part")
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        return open(fd, "w", encoding="utf-8"), (None if target == path else target)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def _close_output(out, partial_path, path: str, keep: bool) -> None:
    """Close ``out``; move the temporary file to ``path`` when ``keep``, else remove it."""
    from marsad.errors import OutputError

    if out is sys.stdout:
        return
    try:
        out.close()
        if partial_path and keep:
            os.replace(partial_path, path)
    except OSError as exc:
        keep = False
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        if partial_path and not keep and os.path.exists(partial_path):
            os.unlink(partial_path)
