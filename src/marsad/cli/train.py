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
    """Train the CRF NER tagger. Arguments are those of `marsad.training.ner.crf`
    (run `marsad train ner --help-train` to list them)."""
    from marsad.training.ner.crf import main

    main(["--help"] if "--help-train" in args else list(args))


@train_group.command("neural", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@library_errors
def train_neural(args):
    """Train the neural NER tagger (the default one; needs the `train` extra: torch, onnx,
    gensim). Arguments are those of `marsad.training.ner.neural`: a `vectors` step,
    a `names` step (the name list), `train` (the teachers), `silver` (the teachers label
    news), then `train --silver` (run `marsad train neural --help-train` to list them;
    docs/ner.md has the commands that reproduce the shipped model)."""
    from marsad.training.ner.neural import main

    main(["--help"] if "--help-train" in args else list(args))


@train_group.command("placing")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--held-out", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold files to report accuracy on (never trained on); repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the weights here (the shipped file is src/marsad/entities/data/story_weights.json).")
@click.option("--l2", type=float, default=0.01, show_default=True, help="L2 penalty on the weights.")
@library_errors
def train_placing(gold, held_out, output, l2):
    """Learn the weights that choose the country of an actor nothing in its own words places
    (the story's or the outlet's), from the speakers of the gold quotes in GOLD (JSON Lines as
    in shared/eval/GUIDELINES.md, e.g. ../shared/eval/train.jsonl). Prints the examples used,
    the accuracy of the choice on them and on --held-out, and the weights."""
    import json

    from marsad.training.placing import train

    report = train(list(gold), output=output, l2=l2, held_out=list(held_out))
    click.echo(json.dumps(report, indent=1, ensure_ascii=False))


@train_group.command("events")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--held-out", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold files to report events P/R/F1 on (never trained on); repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the model here (the shipped file is src/marsad/events/data/event_weights.json).")
@click.option("--l2", type=float, default=3.0, show_default=True, help="L2 penalty on the weights.")
@library_errors
def train_events(gold, held_out, output, l2):
    """Learn the event coder's learnt stage (trigger × actors in reach, docs/events.md) from
    the gold events of GOLD (JSON Lines as in shared/eval/GUIDELINES.md, e.g.
    ../shared/eval/train.jsonl). Prints the triples learnt from, the threshold chosen by
    cross-validation (the best F1 at precision >= 0.75), events P/R/F1 of the rules alone,
    cross-validated, in-sample and on --held-out."""
    import json

    from marsad.training.events import train

    report = train(list(gold), output=output, l2=l2, held_out=list(held_out))
    click.echo(json.dumps(report, indent=1, ensure_ascii=False))
