"""``marsad train``: reproduce the models that ship in the package."""
from __future__ import annotations

import click

from marsad.cli.options import library_errors


@click.group("train")
def train_group() -> None:
    """Train the models marsad ships (for reproducing or retraining them)."""


@train_group.command("ner", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@library_errors
def train_ner(args):
    """Train the CRF NER tagger. Arguments are those of `python -m marsad.ner.train`
    (run `marsad train ner --help-train` to list them)."""
    from marsad.ner.train import main

    main(["--help"] if "--help-train" in args else list(args))


@train_group.command("neural", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@library_errors
def train_neural(args):
    """Train the neural NER tagger (the default one; needs the `train` extra: torch, onnx,
    gensim). Arguments are those of `python -m marsad.ner.train_neural`: a `vectors` step,
    a `names` step (the name list), `train` (the teachers), `silver` (the teachers label
    news), then `train --silver` (run `marsad train neural --help-train` to list them;
    docs/ner.md has the commands that reproduce the shipped model)."""
    from marsad.ner.train_neural import main

    main(["--help"] if "--help-train" in args else list(args))
