"""The neural named-entity tagger: a char-CNN + BiLSTM-CRF run with onnxruntime.

A model folder (``models/neural/``) holds

- ``tokens.onnx``: the per-token part of the network (word vectors, character CNN, feature
  embeddings -> the BiLSTM's input vector), run once per distinct token and cached;
- ``sequence.onnx``: the BiLSTM and output layer, those vectors -> emission scores per label;
- ``vectors.npz``: word vectors (word2vec on SaudiNewsNet), int8 with one scale per row, the
  vocabulary, the character table, the CRF transition scores and the label list;
- ``names.tsv.gz``: the name list (:mod:`marsad.ner.names`) whose matches are an input of
  the BiLSTM, when the model was trained with one;
- ``meta.json``: how it was trained and what it scored.

The distributional clusters and the place gazetteer of the CRF model (``models/``) are read
too, so the neural model covers the 122k clustered words beyond its own vocabulary. Decoding
is Viterbi in numpy. Loading needs numpy and onnxruntime, no torch and no network.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from marsad.errors import MarsadError
from marsad.ner.features import PROCLITICS, PUNCT, FeatureExtractor, load_clusters
from marsad.ner.names import N_TAGS, NAMES_FILE, NameList
from marsad.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, load_gazetteer, repair_bio
from marsad.text.normalize import normalize

TOKENS_FILE = "tokens.onnx"
SEQUENCE_FILE = "sequence.onnx"
VECTORS_FILE = "vectors.npz"
META_FILE = "meta.json"

PAD, UNK = 0, 1          # reserved ids of every table (words, chars, categorical features)
MAX_CHARS = 16           # characters kept per token (longer words keep their first 8 and last 8)
CLUSTER_COLUMNS = (0, 2, 3, 4)  # rank bucket, k=256, k=1024, k=4096 of the CRF's clusters file
N_FEATS = 2 * len(CLUSTER_COLUMNS) + 3  # word+stem clusters, proclitic, gazetteer, shape
ROW = 2 + N_FEATS + MAX_CHARS  # one token's inputs: word, stem, feats, chars
GAZ_IDS = {"LOC": 2, "LOCm": 3}
_UNKNOWN_CLUSTERS = [UNK] * len(CLUSTER_COLUMNS)
_LATIN = re.compile("[A-Za-z]")
_NO_CHARS = [PAD] * MAX_CHARS
_CLUSTER_CACHE = 50_000
CACHE_ROWS = 100_000  # distinct tokens whose BiLSTM input vector is kept (51 MB at 128 floats)
# Sentences x steps decoded in one Viterbi (its arrays stay under 1 MB each); an article of
# news is one decoding, a very long one is cut, so memory does not grow with its length.
DECODE_CELLS = 20_000


class ModelNotFoundError(MarsadError, FileNotFoundError):
    """The neural model folder lacks its network or vectors."""


class ModelFormatError(MarsadError):
    """The model folder was written by a marsad whose inputs differ from this one's."""


def default_model_dir() -> Path:
    """The neural model folder shipped inside the package."""
    return Path(str(resources.files("marsad.ner") / "models" / "neural"))


def shape_id(token: str, core: str) -> int:
    """A small id for the token's form: punctuation only, digits, Latin letters, punctuation
    stuck before/after, length bucket (1, 2, 3-4, 5+). Ids are 2..(2 + 2*2*3*3*4)."""
    if not core:
        return 2
    dig = not core.isalpha() and any(c.isdigit() for c in core)
    lat = _LATIN.search(core) is not None
    tail = 0 if token[-1] not in PUNCT else (1 if token[-1] in ".\u061f?!" else 2)
    head = 0 if token[0] not in PUNCT else (1 if token[0] in "\u00ab\"(" else 2)
    n = len(core)
    length = 0 if n == 1 else 1 if n == 2 else 2 if n <= 4 else 3
    return 3 + (((dig * 2 + lat) * 3 + tail) * 3 + head) * 4 + length


class TokenEncoder:
    """Turns tokens into the network's integer inputs.

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
        self._cluster_ids: dict[str, list[int]] = {}  # parsed ids of the clusters table

    def _clusters(self, key: str) -> list[int]:
        ids = self._cluster_ids.get(key)
        if ids is None:
            cl = self.clusters.get(key)
            if cl is None:
                return _UNKNOWN_CLUSTERS
            if len(self._cluster_ids) > _CLUSTER_CACHE:
                self._cluster_ids.clear()
            ids = self._cluster_ids[key] = [int(cl[c]) + 2 for c in CLUSTER_COLUMNS]
        return ids

    def token(self, token: str) -> list[int]:
        """One token's inputs as a row: word id, stem id, N_FEATS categorical ids, MAX_CHARS
        char ids (0-padded)."""
        return self._encode(token)[0]

    def _encode(self, token: str) -> tuple[list[int], str, str]:
        """The token's row (:meth:`token`), word key and stem."""
        core = token.strip(PUNCT)
        key = normalize(core) if core else token
        pfx, stem = self.stemmer.stem(key) if core else ("", key)
        word_id = self.vocab.get(key, UNK)
        stem_id = self.vocab.get(stem, UNK) if pfx else word_id
        gz = self.gazetteer.get(stem) or self.gazetteer.get(key)
        letters = key if len(key) <= MAX_CHARS else key[:MAX_CHARS // 2] + key[-MAX_CHARS // 2:]
        chars = self.chars
        return [word_id, stem_id, *self._clusters(key), *self._clusters(stem),
                self.proclitics.get(pfx, UNK) if pfx else PAD + 1, GAZ_IDS.get(gz, 1), shape_id(token, core),
                *[chars.get(c, UNK) for c in letters], *_NO_CHARS[len(letters):]], key, stem

    def rows(self, tokens: list[str]) -> dict[str, np.ndarray]:
        """The network's per-token inputs for distinct ``tokens``: ``ids`` (N,2) word and stem
        ids, ``feats`` (N,N_FEATS), ``chars`` (N,MAX_CHARS); ``keys``: (word key, stem) per
        token. Characters are always padded to MAX_CHARS, so a token's vector never depends on
        the tokens computed with it."""
        encoded = [self._encode(w) for w in tokens]
        grid = np.array([e[0] for e in encoded], dtype=np.int64)
        return {"ids": grid[:, :2], "feats": grid[:, 2:2 + N_FEATS],
                "chars": np.ascontiguousarray(grid[:, 2 + N_FEATS:]), "keys": [e[1:] for e in encoded]}

    def batch(self, sentences: list[list[str]]) -> dict[str, np.ndarray]:
        """Padded arrays for a batch of sentences (training): ``words`` (B,T,2), ``feats``
        (B,T,N_FEATS), ``chars`` (B,T,MAX_CHARS), ``rev`` (B,T) and ``lengths`` (B)."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        b, t = len(sentences), int(lengths.max())
        valid = np.arange(t)[None, :] < lengths[:, None]
        grid = np.zeros((b, t, ROW), dtype=np.int64)
        grid[valid] = np.array([self.token(w) for s in sentences for w in s], dtype=np.int64)
        return {"words": grid[..., :2], "feats": grid[..., 2:2 + N_FEATS],
                "chars": np.ascontiguousarray(grid[..., 2 + N_FEATS:]),
                "rev": reversal(lengths, t), "lengths": lengths}


def reversal(lengths: np.ndarray, t: int) -> np.ndarray:
    """(B,T) indices reversing each row within its own length (padding stays in place)."""
    pos = np.arange(t)[None, :]
    return np.where(pos < lengths[:, None], lengths[:, None] - 1 - pos, pos)


def viterbi(emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> list[list[int]]:
    """Best label index paths of a batch: ``emissions`` (B,T,L), ``trans[i, j]`` = score of
    label i followed by j, ``start``/``end`` (L) scores of the first/last label.

    The sequences are taken longest first, so that the ones still running at a step are the
    first ``active[k]``: each step runs over those alone (no padding), and a batch of
    sentences of any lengths costs one pass over the longest."""
    b, t, n = emissions.shape
    order = np.argsort(-lengths, kind="stable")
    lens = lengths[order]
    em = np.ascontiguousarray(emissions[order].transpose(1, 0, 2))       # (T, B, L)
    active = (lens[None, :] > np.arange(t)[:, None]).sum(1).tolist()    # sequences longer than k
    scores = np.empty(em.shape, dtype=np.float32)
    scores[0] = start + em[0]
    # Each step writes into arrays made once (no temporaries), with the ufuncs themselves.
    # The candidates are laid out (from, B, to), so the best of each step is a reduction
    # over the first axis (four times cheaper than over a middle one); the back-pointers
    # are found after the loop, in one call over every real step: the same sums as the
    # loop's, so the same maxima and the same first-best ties.
    cand = np.empty((n, b, n), dtype=np.result_type(scores, trans))  # (from, B, to)
    best = np.empty((b, n), dtype=cand.dtype)
    add, reduce, moves = np.add, np.maximum.reduce, trans[:, None, :]
    before = scores.transpose(0, 2, 1)[:, :, :, None]                  # (T, from, B, 1)
    for k in range(1, t):
        a = active[k]
        step, top = cand[:, :a], best[:a]
        add(before[k - 1, :, :a], moves, out=step)
        reduce(step, axis=0, out=top)
        add(top, em[k, :a], out=scores[k, :a])
    # The best label before each label at every real step, sequence by sequence, flat:
    # back[(at + k - 1) * n + j] for label j at step k of the sequence whose steps start at
    # ``at``. (from, to) is summed as (to, from) so that the argmax runs over the last axis.
    seq, pos = np.nonzero(lens[:, None] > np.arange(1, t)[None, :])
    back = (scores[pos, seq][:, None, :] + trans.T).argmax(2).ravel().tolist()
    last = (scores[lens - 1, np.arange(b)] + end).argmax(1).tolist()
    # Back-pointers are followed in plain Python: one list index per token beats a numpy
    # call per position.
    paths: list[list[int]] = [[]] * b
    at = 0
    for j, cur, m in zip(order.tolist(), last, lens.tolist()):
        path = [cur] * m
        for k in range(m - 1, 0, -1):
            cur = path[k - 1] = back[(at + k - 1) * n + cur]
        at += m - 1
        paths[j] = path
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

    def __init__(self, model_dir: Path | str, crf_dir: Path | str | None = None,
                 cache_rows: int = CACHE_ROWS):
        import onnxruntime as ort

        model_dir = Path(model_dir)
        files = (TOKENS_FILE, SEQUENCE_FILE, VECTORS_FILE)
        if not all((model_dir / f).exists() for f in files):
            raise ModelNotFoundError(f"no neural NER model in {model_dir} (needs {', '.join(files)})")
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
        self._tokens = ort.InferenceSession(str(model_dir / TOKENS_FILE), opts,
                                            providers=["CPUExecutionProvider"])
        self._sequence = ort.InferenceSession(str(model_dir / SEQUENCE_FILE), opts,
                                              providers=["CPUExecutionProvider"])
        meta = model_dir / META_FILE
        self.meta = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        inputs = {i.name for i in self._sequence.get_inputs()}
        if "lengths" not in inputs:  # torch's own export reads reversal indices instead
            raise ModelFormatError(f"{model_dir / SEQUENCE_FILE} is not the graph the tagger runs "
                                   f"(it reads {', '.join(sorted(inputs))}): run "
                                   f"`marsad train neural lean {model_dir}`")
        # A model trained with a name list (marsad.ner.names) ships it and reads its tags.
        self.names = None
        if "names" in inputs:
            if self.meta.get("name_tags") != N_TAGS:
                raise ModelFormatError(f"the model in {model_dir} reads {self.meta.get('name_tags')} "
                                       f"name-list tags, this marsad makes {N_TAGS}: retrain it")
            if not (model_dir / NAMES_FILE).exists():
                raise ModelNotFoundError(f"the model in {model_dir} reads a name list: "
                                         f"{NAMES_FILE} is missing")
            self.names = NameList.load(model_dir / NAMES_FILE, self.encoder.stemmer.stem)
        width = self._tokens.get_outputs()[0].shape[-1]
        self._store = np.zeros((cache_rows, width), dtype=np.float32)  # per-token vectors
        self._rows: dict[str, int] = {}                               # token -> row of _store
        self._reused = np.zeros(cache_rows, dtype=bool)  # rows used again since the last eviction
        self._heads: dict[str, tuple[str, tuple[str, ...]]] = {}  # token -> NameList.match input
        self.model_dir = model_dir

    @classmethod
    def load(cls, path: Path | str | None = None) -> "NeuralTagger":
        """The tagger of the model folder ``path`` (default: the shipped model), loaded once."""
        return _load(str(Path(path).resolve()) if path else str(default_model_dir()))

    def token_vectors(self, tokens: list[str]) -> None:
        """Compute and cache the BiLSTM input vectors of those ``tokens`` not cached yet (one
        network call). When the cache is full, the tokens used again since the last time it
        was full are kept and the others dropped (most words of news are seen once)."""
        rows, store = self._rows, self._store
        new, cached = [], []
        for w in dict.fromkeys(tokens):
            r = rows.get(w)
            if r is None:
                new.append(w)
            else:
                cached.append(r)
        self._reused[cached] = True
        if not new:
            return
        if len(rows) + len(new) > len(store):
            kept = [(w, r) for w, r in rows.items() if self._reused[r]]
            rows.clear()
            self._reused[:] = False
            heads = self._heads
            self._heads = {}
            if len(kept) + len(new) <= len(store):
                store[:len(kept)] = store[[r for _, r in kept]]
                rows.update((w, i) for i, (w, _) in enumerate(kept))
                if self.names is not None:
                    self._heads = {w: heads[w] for w, _ in kept}
            else:  # nearly all in use: start again empty
                new = list(dict.fromkeys(tokens))
                if len(new) > len(store):  # one input with more distinct tokens than the cache
                    store = self._store = np.zeros((len(new), store.shape[1]), dtype=np.float32)
                    self._reused = np.zeros(len(new), dtype=bool)
        arrays = self.encoder.rows(new)
        ids = arrays["ids"]
        wvec = (self.vectors[ids].astype(np.float32) * self.scales[ids][..., None]).reshape(len(new), -1)
        x = self._tokens.run(None, {"wvec": wvec, "feats": arrays["feats"], "chars": arrays["chars"]})[0]
        first = len(rows)
        store[first:first + len(new)] = x
        rows.update(zip(new, range(first, first + len(new))))
        if self.names is not None:  # each token's key and the name starts it may be
            starts = self.names.starts
            self._heads.update((w, (key, starts(key, stem))) for w, (key, stem) in zip(new, arrays["keys"]))

    def emissions(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """The network's label scores (B,T,L) and lengths (B) for sentences whose token
        vectors are cached (:meth:`token_vectors`)."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        t = int(lengths.max())
        index = np.zeros((len(sentences), t), dtype=np.int64)
        rows = self._rows
        for i, s in enumerate(sentences):
            index[i, :len(s)] = [rows[w] for w in s]
        feeds = {"x": self._store[index], "lengths": lengths.astype(np.int32)}
        if self.names is not None:
            tags = np.zeros((len(sentences), t), dtype=np.int64)
            heads, match = self._heads, self.names.match
            for i, s in enumerate(sentences):
                tags[i, :len(s)] = match([heads[w] for w in s])
            feeds["names"] = tags
        return self._sequence.run(None, feeds)[0], lengths

    def tag_many(self, sentences) -> list[list[str]]:
        """BIO labels for each token list of ``sentences``, tagged in one batch."""
        sentences = [list(s) for s in sentences]
        out: list[list[str]] = [[] for _ in sentences]
        todo = [i for i, s in enumerate(sentences) if s]
        if not todo:
            return out
        self.token_vectors([w for i in todo for w in sentences[i]])
        lengths = [len(sentences[i]) for i in todo]
        # The network runs on batches of similar lengths; their scores are decoded together,
        # as many consecutive batches (shortest first) as fit in DECODE_CELLS.
        batch: list[tuple[list[int], np.ndarray]] = []
        rows = 0
        for group in length_groups(lengths):
            scores, _ = self.emissions([sentences[todo[g]] for g in group])
            if batch and (rows + len(group)) * scores.shape[1] > DECODE_CELLS:
                self._decode(batch, rows, lengths, todo, out)
                batch, rows = [], 0
            batch.append((group, scores))
            rows += len(group)
        self._decode(batch, rows, lengths, todo, out)
        return out

    def _decode(self, batch: list[tuple[list[int], np.ndarray]], rows: int, lengths: list[int],
                todo: list[int], out: list[list[str]]) -> None:
        """Viterbi over the scores of several batches of :meth:`tag_many`: ``batch`` holds
        (positions in ``todo``, scores), the longest batch last; labels go to ``out``."""
        em = np.zeros((rows, batch[-1][1].shape[1], len(self.labels)), dtype=np.float32)
        at = 0
        for group, scores in batch:
            em[at:at + len(group), :scores.shape[1]] = scores
            at += len(group)
        members = [g for group, _ in batch for g in group]
        paths = viterbi(em, np.array([lengths[g] for g in members]), self.trans, self.start, self.end)
        labels = self.labels
        for g, path in zip(members, paths):
            out[todo[g]] = repair_bio([labels[k] for k in path])

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-LOC``, ``O``...) for the tokens of one sentence."""
        return self.tag_many([words])[0]


@lru_cache(maxsize=4)
def _load(path: str) -> NeuralTagger:
    return NeuralTagger(path)

