"""Train the CRF named-entity tagger.

The shipped model (src/marsad/ner/models/) is reproduced by (see docs/ner.md)::

    python -m marsad.training.ner.clusters ../shared/corpus/saudinewsnet \\
        --conll ../shared/data/anercorp/train.conll --window 2 --sizes 64,256,1024,4096 \\
        -o src/marsad/ner/models/clusters.tsv.gz
    marsad train ner ../shared/data/anercorp/train.conll -o src/marsad/ner/models \\
        --clusters src/marsad/ner/models/clusters.tsv.gz --gazetteer babel
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import time
from functools import partial
from pathlib import Path

import pycrfsuite

from marsad.eval.ner import format_report, read_conll, score
from marsad.ner.tagger import (AUX_FILE, CLUSTERS_FILE, GAZETTEER_FILE, META_FILE, MODEL_FILE,
                               NerTagger, item_features)
from marsad.training.ner.corpora import Sents, read_fine_grained, split_dev

log = logging.getLogger(__name__)


def babel_gazetteer(path: Path) -> Path:
    """Write ``key<TAB>TAG`` for Arabic place names from CLDR (Babel): territory names and
    time-zone cities. A one-word name is ``LOC``; each word of a longer name is ``LOCm``."""
    import babel

    from marsad.ner.features import word_key

    locale = babel.Locale("ar")
    names = list(locale.territories.values())
    names += [z["city"] for z in locale.time_zones.values() if "city" in z]
    gaz: dict[str, str] = {}
    for name in names:
        keys = [word_key(w) for w in name.split()]
        for k in keys:
            if len(keys) == 1:
                gaz[k] = "LOC"
            else:
                gaz.setdefault(k, "LOCm")
    lines = ["# Arabic place names from CLDR via Babel %s" % babel.__version__]
    lines += [f"{k}\t{v}" for k, v in sorted(gaz.items())]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Path(path)


def fit(sents: Sents, model_path: Path, features, c1: float = 0.05, c2: float = 0.01,
        max_iterations: int = 200) -> Path:
    """Train an L-BFGS CRF on ``sents``; ``features(words)`` gives the items. Writes ``model_path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in sents:
        trainer.append(features(words), labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(model_path))
    return model_path


def train(train_files: list[Path | str], out_dir: Path | str, dev_file: Path | str | None = None,
          dev_fraction: float = 0.0, clusters: Path | str | None = None,
          gazetteer: Path | str | None = None, aux_file: Path | str | None = None,
          c1: float = 0.05, c2: float = 0.01, aux_c1: float = 0.5,
          max_iterations: int = 200) -> dict:
    """Train a model folder ``out_dir`` from CoNLL ``train_files``: clusters and gazetteer are
    copied in ("babel" builds the gazetteer from CLDR); with ``aux_file`` (a WikiFANE-style
    corpus) an auxiliary CRF is trained on it first and its labels become features of the main
    CRF. ``dev_fraction`` holds out the end of the first file; the model is then scored on it
    (or on ``dev_file``). Returns the meta dict (with the dev report if any)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    first, *rest = [read_conll(f) for f in train_files]
    sents, dev = split_dev(first, dev_fraction) if dev_fraction else (first, [])
    for more in rest:
        sents += more
    if dev_file:
        dev = read_conll(dev_file)
    if gazetteer == "babel":
        gazetteer = babel_gazetteer(out_dir / GAZETTEER_FILE)
    for src, name in ((clusters, CLUSTERS_FILE), (gazetteer, GAZETTEER_FILE)):
        if src and Path(src).resolve() != (out_dir / name).resolve():
            shutil.copyfile(src, out_dir / name)
    (out_dir / MODEL_FILE).unlink(missing_ok=True)
    (out_dir / AUX_FILE).unlink(missing_ok=True)
    t0 = time.perf_counter()
    extractor = NerTagger.feature_extractor(out_dir)
    aux = None
    if aux_file:
        fit(read_fine_grained(aux_file), out_dir / AUX_FILE, extractor.sequence, c1=aux_c1, c2=c2,
            max_iterations=max_iterations)
        aux = pycrfsuite.Tagger()
        aux.open(str(out_dir / AUX_FILE))
    fit(sents, out_dir / MODEL_FILE, partial(item_features, extractor, aux), c1=c1, c2=c2,
        max_iterations=max_iterations)
    meta = {
        "model": "crfsuite-lbfgs" + ("+aux" if aux_file else ""),
        "train_files": [Path(f).name for f in train_files],
        "aux_file": Path(aux_file).name if aux_file else None,
        "dev_fraction": dev_fraction, "dev_file": Path(dev_file).name if dev_file else None,
        "sentences": len(sents), "c1": c1, "c2": c2, "aux_c1": aux_c1 if aux_file else None,
        "max_iterations": max_iterations, "train_seconds": round(time.perf_counter() - t0, 1),
    }
    if dev:
        tagger = NerTagger(out_dir)
        meta["dev"] = score([g for _, g in dev], tagger.tag_many([w for w, _ in dev]))
        log.info("dev:\n%s", format_report(meta["dev"]))
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="marsad train ner",
                                 description="Train the marsad CRF named-entity tagger.")
    ap.add_argument("train_files", nargs="+", type=Path, help="CoNLL token<TAB>label files")
    ap.add_argument("-o", "--out", type=Path, required=True, help="model folder to write")
    ap.add_argument("--dev", type=Path, help="CoNLL dev file to score after training")
    ap.add_argument("--dev-fraction", type=float, default=0.0,
                    help="hold out this fraction from the end of the first train file as dev")
    ap.add_argument("--clusters", type=Path, help="clusters .tsv.gz from marsad.training.ner.clusters")
    ap.add_argument("--gazetteer", help="word<TAB>TAG file, or 'babel' to build one from CLDR")
    ap.add_argument("--aux", type=Path, help="WikiFANE-style corpus for the stacked auxiliary CRF")
    ap.add_argument("--aux-c1", type=float, default=0.5, help="L1 regularisation of the auxiliary CRF")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 regularisation")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 regularisation")
    ap.add_argument("--max-iterations", type=int, default=200)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    meta = train(args.train_files, args.out, dev_file=args.dev, dev_fraction=args.dev_fraction,
                 clusters=args.clusters, gazetteer=args.gazetteer, aux_file=args.aux,
                 c1=args.c1, c2=args.c2, aux_c1=args.aux_c1,
                 max_iterations=args.max_iterations)
    if "dev" in meta:
        print(format_report(meta["dev"]))


if __name__ == "__main__":
    main()
