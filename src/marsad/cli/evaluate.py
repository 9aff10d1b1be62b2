"""``marsad eval``: score marsad against gold data."""
from __future__ import annotations

import json

import click

from marsad.cli.options import library_errors


@click.group("eval")
def eval_group() -> None:
    """Score marsad against annotated data (NER corpora, gold quotes and events)."""


@eval_group.command("ner")
@click.argument("conll", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True),
              help="Also write 'token gold predicted' per line, a blank line between sentences.")
@click.option("--system", type=click.Choice(["pipeline", "tagger"]), default="pipeline",
              show_default=True, help="pipeline: names as marsad finds them (trained tagger merged "
              "with the lexicon); tagger: the trained tagger alone.")
@click.option("--model", type=click.Path(exists=True, file_okay=False), multiple=True,
              help="A neural model folder (as `marsad train neural` writes) to score instead of the "
              "shipped one; implies --system tagger. Repeated: the models' ensemble (mean scores), "
              "as the `silver` training step labels news.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@library_errors
def eval_ner(conll, predictions, system, model, as_json):
    """Tag the tokens of CONLL (token<TAB>label per line, as in ANERcorp) and print exact-match
    entity precision, recall and F1 per type (conlleval rules)."""
    from marsad.eval.ner import PipelineTagger, evaluate, format_report

    if len(model) == 1:
        from marsad.ner.neural import NeuralTagger
        tagger = NeuralTagger(model[0])
    elif model:
        from marsad.training.ner.silver import Ensemble
        tagger = Ensemble(model)
    else:
        tagger = PipelineTagger() if system == "pipeline" else None
    report = evaluate(conll, predictions_path=predictions, tagger=tagger)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


@eval_group.command("gold")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--detail", is_flag=True, help="List every miss, false alarm and wrong speaker.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True),
              help="Also write the system's records (marsad/1 JSON Lines) here.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of your own lexicon files, added to the built-in ones (repeatable).")
@library_errors
def eval_gold(gold, detail, as_json, output, lexicons):
    """Run the pipeline on the gold articles of GOLD (JSON Lines as in shared/eval/GUIDELINES.md)
    and score quotes (content P/R/F1, attribution accuracy, end-to-end F1) and events."""
    from marsad.eval.run import run_gold

    nlp = None
    if lexicons:
        from marsad.pipeline.build import keep, load

        nlp = keep(load(lexicon_dirs=lexicons))
    report, records = run_gold(gold, nlp)
    if output:
        with open(output, "w", encoding="utf-8") as out:
            for record in records:
                out.write(record.to_json() + "\n")
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        from marsad.eval.gold import format_report

        click.echo(format_report(report, detail=detail))
