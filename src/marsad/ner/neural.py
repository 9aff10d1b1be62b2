"""The neural named-entity tagger: a char-CNN + BiLSTM-CRF run with onnxruntime.

A model folder (``models/neural/``) holds

- ``net.onnx``: the network, tokens' inputs -> emission scores per label;
- ``vectors.npz``: word vectors (word2vec on SaudiNewsNet), int8 with one scale per row, the
  vocabulary, the character table, the CRF transition scores and the label list;
- ``meta.json``: how it was trained and what it scored.

The distributional clusters and the place gazetteer of the CRF model (``models/``) are read
too, so the neural model covers the 122k clustered words beyond its own vocabulary. Decoding
is Viterbi in numpy. Loading needs numpy and onnxruntime, no torch and no network.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from marsad.ner.features import PROCLITICS, PUNCT, FeatureExtractor, load_clusters
from marsad.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, load_gazetteer, repair_bio
from marsad.text.normalize import normalize

NET_FILE = "net.onnx"
VECTORS_FILE = "vectors.npz"
META_FILE = "meta.json"

PAD, UNK = 0, 1          # reserved ids of every table (words, chars, categorical features)
MAX_CHARS = 16           # characters kept per token (longer words keep their first 8 and last 8)
CLUSTER_COLUMNS = (0, 2, 3, 4)  # rank bucket, k=256, k=1024, k=4096 of the CRF's clusters file
N_FEATS = 2 * len(CLUSTER_COLUMNS) + 3  # word+stem clusters, proclitic, gazetteer, shape
ROW = 2 + N_FEATS + MAX_CHARS  # one token's inputs: word, stem, feats, chars
GAZ_IDS = {"LOC": 2, "LOCm": 3}
_CACHE_MAX = 300_000


class ModelNotFoundError(FileNotFoundError):
    """The neural model folder lacks its network or vectors."""


def default_model_dir() -> Path:
    """The neural model folder shipped inside the package."""
    return Path(str(resources.files("marsad.ner") / "models" / "neural"))


def shape_id(token: str, core: str) -> int:
    """A small id for the token's form: punctuation only, digits, Latin letters, punctuation
    stuck before/after, length bucket (1, 2, 3-4, 5+). Ids are 2..(2 + 2*2*3*3*4)."""
    if not core:
        return 2
    dig = any(c.isdigit() for c in core)
    lat = any("a" <= c <= "z" or "A" <= c <= "Z" for c in core)
    tail = 0 if token[-1] not in PUNCT else (1 if token[-1] in ".\u061f?!" else 2)
    head = 0 if token[0] not in PUNCT else (1 if token[0] in "\u00ab\"(" else 2)
    n = len(core)
    length = 0 if n == 1 else 1 if n == 2 else 2 if n <= 4 else 3
    return 3 + (((dig * 2 + lat) * 3 + tail) * 3 + head) * 4 + length


class TokenEncoder:
    """Turns tokens into the network's integer inputs (cached per distinct token).

    ``vocab`` maps a word key (:func:`marsad.ner.features.word_key`) to its row of the word
    vectors; ``chars`` maps a character to its id; ``clusters`` and ``gazetteer`` are the CRF
    model's tables (:func:`load_clusters`, :func:`load_gazetteer`).
    """

    def __init__(self, vocab: dict[str, int], chars: dict[str, int],
                 clusters: dict[str, tuple[str, ...]], gazetteer: dict[str, str]):
        self.vocab = vocab
        self.chars = chars
        self.clusters = clusters
        self.stemmer = FeatureExtractor(clusters, gazetteer)
        self.gazetteer = gazetteer
        self.proclitics = {p: i + 2 for i, p in enumerate(PROCLITICS)}
        self._cache: dict[str, tuple] = {}

    def _clusters(self, key: str) -> list[int]:
        cl = self.clusters.get(key)
        if cl is None:
            return [UNK] * len(CLUSTER_COLUMNS)
        return [int(cl[c]) + 2 for c in CLUSTER_COLUMNS]

    def _token(self, token: str) -> np.ndarray:
        core = token.strip(PUNCT)
        key = normalize(core) if core else token
        pfx, stem = self.stemmer.stem(key) if core else ("", key)
        word_id = self.vocab.get(key, UNK)
        stem_id = self.vocab.get(stem, UNK) if pfx else word_id
        gz = self.gazetteer.get(stem) or self.gazetteer.get(key)
        feats = (self._clusters(key) + self._clusters(stem)
                 + [self.proclitics.get(pfx, UNK) if pfx else PAD + 1,
                    GAZ_IDS.get(gz, 1), shape_id(token, core)])
        letters = key if len(key) <= MAX_CHARS else key[:MAX_CHARS // 2] + key[-MAX_CHARS // 2:]
        char_ids = [self.chars.get(c, UNK) for c in letters]
        row = np.zeros(ROW, dtype=np.int64)
        row[:2 + N_FEATS] = [word_id, stem_id, *feats]
        row[2 + N_FEATS:2 + N_FEATS + len(char_ids)] = char_ids
        return row

    def token(self, token: str) -> np.ndarray:
        """One token's inputs as a row: word id, stem id, N_FEATS categorical ids, MAX_CHARS
        char ids (0-padded)."""
        t = self._cache.get(token)
        if t is None:
            if len(self._cache) > _CACHE_MAX:
                self._cache.clear()
            t = self._cache[token] = self._token(token)
        return t

    def batch(self, sentences: list[list[str]]) -> dict[str, np.ndarray]:
        """Padded arrays for a batch of sentences: ``words`` (B,T,2), ``feats`` (B,T,N_FEATS),
        ``chars`` (B,T,C), ``rev`` (B,T: the index reversing each sentence within its length)
        and ``lengths`` (B)."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        b, t = len(sentences), int(lengths.max())
        token = self.token
        rows = np.stack([token(w) for s in sentences for w in s])
        pos = np.arange(t)[None, :]
        valid = pos < lengths[:, None]                     # (B,T), row-major order = rows order
        grid = np.zeros((b, t, ROW), dtype=np.int64)
        grid[valid] = rows
        c = max(1, int((grid[..., 2 + N_FEATS:] > 0).sum(2).max()))
        rev = np.where(valid, lengths[:, None] - 1 - pos, pos)
        return {"words": grid[..., :2], "feats": grid[..., 2:2 + N_FEATS],
                "chars": np.ascontiguousarray(grid[..., 2 + N_FEATS:2 + N_FEATS + c]),
                "rev": rev, "lengths": lengths}


def viterbi(emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> list[list[int]]:
    """Best label index paths of a batch: ``emissions`` (B,T,L), ``trans[i, j]`` = score of
    label i followed by j, ``start``/``end`` (L) scores of the first/last label."""
    b, t, n_lab = emissions.shape
    score = start[None, :] + emissions[:, 0]
    back = np.zeros((t, b, n_lab), dtype=np.int64)
    for k in range(1, t):
        cand = score[:, :, None] + trans[None]            # (B, from, to)
        best = cand.argmax(1)
        new = cand.max(1) + emissions[:, k]
        alive = (k < lengths)[:, None]
        score = np.where(alive, new, score)
        back[k] = np.where(alive, best, np.arange(n_lab)[None, :])
    last = (score + end[None, :]).argmax(1)
    paths = []
    for i in range(b):
        n = int(lengths[i])
        path = [int(last[i])]
        for k in range(n - 1, 0, -1):
            path.append(int(back[k, i, path[-1]]))
        paths.append(path[::-1])
    return paths


def length_groups(lengths: list[int], waste: float = 0.25, max_size: int = 64) -> list[list[int]]:
    """Positions of ``lengths`` grouped into batches of similar length: sorted by length, a
    batch is closed when padding to its longest member would add more than ``waste`` of its
    real tokens (or it holds ``max_size``). Fewer padded steps, few network calls."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    groups: list[list[int]] = []
    cur: list[int] = []
    real = 0
    for i in order:
        n = lengths[i]
        if cur and (len(cur) >= max_size or n * (len(cur) + 1) > (1 + waste) * (real + n)):
            groups.append(cur)
            cur, real = [], 0
        cur.append(i)
        real += n
    if cur:
        groups.append(cur)
    return groups


class NeuralTagger:
    """Tags whitespace tokens with BIO labels of types PER, ORG, LOC, MISC (like
    :class:`marsad.ner.tagger.NerTagger`), with a char-CNN + BiLSTM-CRF network."""

    def __init__(self, model_dir: Path | str, crf_dir: Path | str | None = None):
        import onnxruntime as ort

        model_dir = Path(model_dir)
        if not (model_dir / NET_FILE).exists() or not (model_dir / VECTORS_FILE).exists():
            raise ModelNotFoundError(f"no neural NER model in {model_dir}")
        if crf_dir is None:  # the CRF folder beside this one, else the shipped CRF model
            crf_dir = model_dir.parent
            if not (crf_dir / CLUSTERS_FILE).exists():
                from marsad.ner.tagger import default_model_dir as crf_default
                crf_dir = crf_default()
        crf_dir = Path(crf_dir)
        z = np.load(model_dir / VECTORS_FILE, allow_pickle=False)
        self.vectors = z["vectors"]                       # int8 (V, D)
        self.scales = z["scales"].astype(np.float32)      # (V,)
        self.labels = [str(x) for x in z["labels"]]
        self.trans, self.start, self.end = z["trans"], z["start"], z["end"]
        vocab = {str(w): i for i, w in enumerate(z["vocab"])}
        chars = {str(c): i for i, c in enumerate(z["chars"])}
        self.encoder = TokenEncoder(vocab, chars, load_clusters(crf_dir / CLUSTERS_FILE),
                                    load_gazetteer(crf_dir / GAZETTEER_FILE))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(model_dir / NET_FILE), opts,
                                             providers=["CPUExecutionProvider"])
        meta = model_dir / META_FILE
        self.meta = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        self.model_dir = model_dir

    @classmethod
    def load(cls, path: Path | str | None = None) -> "NeuralTagger":
        """The tagger of the model folder ``path`` (default: the shipped model), loaded once."""
        return _load(str(Path(path).resolve()) if path else str(default_model_dir()))

    def emissions(self, arrays: dict[str, np.ndarray]) -> np.ndarray:
        """The network's label scores (B,T,L) for :meth:`TokenEncoder.batch` arrays."""
        ids = arrays["words"]
        wvec = self.vectors[ids].astype(np.float32) * self.scales[ids][..., None]
        b, t = ids.shape[:2]
        feeds = {"wvec": wvec.reshape(b, t, -1), "feats": arrays["feats"],
                 "chars": arrays["chars"], "rev": arrays["rev"]}
        return self._session.run(None, feeds)[0]

    def tag_many(self, sentences) -> list[list[str]]:
        """BIO labels for each token list of ``sentences``, tagged in one batch."""
        sentences = [list(s) for s in sentences]
        out: list[list[str]] = [[] for _ in sentences]
        todo = [i for i, s in enumerate(sentences) if s]
        if not todo:
            return out
        for group in length_groups([len(sentences[i]) for i in todo]):
            idx = [todo[g] for g in group]
            arrays = self.encoder.batch([sentences[i] for i in idx])
            paths = viterbi(self.emissions(arrays), arrays["lengths"], self.trans, self.start, self.end)
            for i, path in zip(idx, paths):
                out[i] = repair_bio([self.labels[k] for k in path])
        return out

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-LOC``, ``O``...) for the tokens of one sentence."""
        return self.tag_many([words])[0]


@lru_cache(maxsize=4)
def _load(path: str) -> NeuralTagger:
    return NeuralTagger(path)

