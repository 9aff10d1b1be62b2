"""Learn distributional word clusters for the NER tagger from unlabelled news text.

Word2vec (skip-gram) vectors are trained on the normalised tokens of the SaudiNewsNet zips
(optionally plus the tokens of CoNLL training files, never of a test file); the most
frequent words are then grouped by k-means at a few granularities. Only the resulting map
``word -> cluster ids`` ships, as a small gzip TSV read by :func:`marsad.ner.features.load_clusters`.

gensim and scikit-learn are needed here only (training time); the tagger never imports them.

    python -m marsad.training.ner.clusters ../shared/corpus/saudinewsnet \\
        --conll ../shared/data/anercorp/train.conll --window 2 --sizes 64,256,1024,4096 \\
        -o src/marsad/ner/models/clusters.tsv.gz
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ner.features import word_key

log = logging.getLogger(__name__)

# Sentence ends for splitting the unlabelled text: . ! ? ؟ ؛ and line breaks.
_SENT_END = re.compile(r"(?<=[.!?\u061f\u061b])\s+|\n+")
DEFAULT_SIZES = (64, 256, 1024)


def iter_articles(zip_dir: Path) -> Iterator[str]:
    """Yield the ``content`` of every article in every ``*.zip`` (JSON arrays) under ``zip_dir``."""
    for zpath in sorted(Path(zip_dir).glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for article in json.loads(zf.read(name)):
                    if article.get("content"):
                        yield article["content"]


def text_sentences(text: str) -> Iterator[list[str]]:
    """Split ``text`` into sentences of word keys (the same keys the tagger looks up)."""
    for sent in _SENT_END.split(text):
        keys = [word_key(w) for w in sent.split()]
        if len(keys) > 1:
            yield keys


def conll_sentences(path: Path) -> Iterator[list[str]]:
    """Yield the word keys of each sentence of a ``token<TAB>label`` file (labels ignored)."""
    sent: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            token = line.rstrip("\r\n").split("\t")[0].strip()
            if token:
                sent.append(word_key(token))
            elif sent:
                yield sent
                sent = []
    if sent:
        yield sent


def corpus(zip_dir: Path, conll_files: Iterable[Path] = ()) -> list[list[str]]:
    """All training sentences, in memory (about 12M tokens: a few hundred MB)."""
    sents = [s for text in iter_articles(zip_dir) for s in text_sentences(text)]
    for path in conll_files:
        sents.extend(conll_sentences(path))
    return sents


def learn(
    zip_dir: Path,
    out_path: Path,
    conll_files: Iterable[Path] = (),
    sizes: tuple[int, ...] = DEFAULT_SIZES,
    top: int = 150_000,
    dim: int = 100,
    window: int = 5,
    min_count: int = 3,
    epochs: int = 5,
    workers: int = 2,
    seed: int = 1,
) -> Path:
    """Train vectors, cluster the ``top`` most frequent words at each of ``sizes`` and write
    ``word<TAB>id1<TAB>id2...`` (gzip, header ``#sizes ...``) to ``out_path``."""
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    sents = corpus(zip_dir, conll_files)
    log.info("corpus: %d sentences, %d tokens", len(sents), sum(map(len, sents)))
    model = Word2Vec(sents, vector_size=dim, window=window, min_count=min_count, sg=1,
                     epochs=epochs, workers=workers, seed=seed)
    words = [w for w in model.wv.index_to_key if w][:top]  # index is by descending frequency
    vecs = np.asarray([model.wv[w] for w in words], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9  # cosine geometry
    columns = []
    for k in sizes:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        columns.append(km.fit_predict(vecs))
        log.info("k-means k=%d done", k)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("#sizes\t" + "\t".join(map(str, sizes)) + "\n")
        for i, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(int(c[i])) for c in columns) + "\n")
    return out_path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m marsad.training.ner.clusters", description=__doc__.split("\n\n")[0])
    ap.add_argument("zip_dir", type=Path, help="folder of SaudiNewsNet *.zip files")
    ap.add_argument("-o", "--out", type=Path, required=True, help="output .tsv.gz")
    ap.add_argument("--conll", type=Path, action="append", default=[],
                    help="extra unlabelled text from a CoNLL training file (repeatable; never a test file)")
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="k-means sizes, comma-separated")
    ap.add_argument("--top", type=int, default=150_000)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sizes = tuple(int(s) for s in args.sizes.split(","))
    learn(args.zip_dir, args.out, args.conll, sizes=sizes, top=args.top, dim=args.dim,
          window=args.window, epochs=args.epochs, workers=args.workers)


if __name__ == "__main__":
    main()
