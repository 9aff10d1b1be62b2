"""The shipped named-entity tagger: a CRF (python-crfsuite) over :mod:`marsad.ner.features`.

A model folder holds ``ner.crfsuite`` (the CRF), ``clusters.tsv.gz`` (word clusters learned
on unlabelled news), optionally ``aux.crfsuite`` (a CRF trained on another corpus whose
labels are stacked as features of the main one), ``gazetteer.tsv`` and ``meta.json`` (how it
was trained and what it scored). Loading needs no network and nothing beyond python-crfsuite.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.errors import MarsadError
from marsad.ner.features import FeatureExtractor, add_stacked, load_clusters

MODEL_FILE = "ner.crfsuite"
AUX_FILE = "aux.crfsuite"
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv"
META_FILE = "meta.json"


class ModelNotFoundError(MarsadError, FileNotFoundError):
    """The NER model folder lacks its CRF file."""


def default_model_dir() -> Path:
    """The model folder shipped inside the package."""
    return Path(str(resources.files("marsad.ner") / "models"))


def load_gazetteer(path: Path) -> dict[str, str]:
    """``word<TAB>TAG`` lines -> ``{word: TAG}`` (missing file -> empty)."""
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, tag = line.split("\t")[:2]
            out[word] = tag
    return out


def repair_bio(labels: list[str]) -> list[str]:
    """Make a label sequence valid BIO: an ``I-X`` not preceded by ``B-X``/``I-X`` becomes ``B-X``."""
    out = []
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


class NerTagger:
    """Tags whitespace tokens with BIO labels of types PER, ORG, LOC, MISC."""

    def __init__(self, model_dir: Path | str):
        model_dir = Path(model_dir)
        crf = model_dir / MODEL_FILE
        if not crf.exists():
            raise ModelNotFoundError(f"no NER model at {crf}")
        self.features = self.feature_extractor(model_dir)
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(crf))
        self._aux = None
        if (model_dir / AUX_FILE).exists():
            self._aux = pycrfsuite.Tagger()
            self._aux.open(str(model_dir / AUX_FILE))
        meta = model_dir / META_FILE
        self.meta = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        self.model_dir = model_dir

    @classmethod
    def load(cls, path: Path | str | None = None) -> "NerTagger":
        """The tagger of the model folder ``path`` (default: the shipped model), loaded once."""
        return _load(str(Path(path).resolve()) if path else str(default_model_dir()))

    @staticmethod
    def feature_extractor(model_dir: Path) -> FeatureExtractor:
        """The feature extractor of a model folder (its clusters and gazetteer)."""
        clusters = model_dir / CLUSTERS_FILE
        return FeatureExtractor(load_clusters(clusters) if clusters.exists() else {},
                                load_gazetteer(model_dir / GAZETTEER_FILE))

    def item_features(self, words: list[str]) -> list[list[str]]:
        """The main CRF's input for ``words``."""
        return item_features(self.features, self._aux, words)

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-LOC``, ``O``...) for the tokens of one sentence."""
        if not words:
            return []
        return repair_bio(self._crf.tag(self.item_features(words)))

    def tag_many(self, sentences) -> list[list[str]]:
        """:meth:`tag` over an iterable of token lists."""
        return [self.tag(list(words)) for words in sentences]


def item_features(extractor: FeatureExtractor, aux: pycrfsuite.Tagger | None,
                  words: list[str]) -> list[list[str]]:
    """Token features plus, with an auxiliary CRF, its labels stacked on them."""
    feats = extractor.sequence(words)
    if aux is not None:
        add_stacked(feats, aux.tag(feats))
    return feats


@lru_cache(maxsize=4)
def _load(path: str) -> NerTagger:
    return NerTagger(path)
