"""Train the neural named-entity tagger (char-CNN + BiLSTM-CRF) and export it to ONNX.

torch, onnx and gensim are needed here only; the tagger runs with onnxruntime. The shipped
model (src/marsad/ner/models/neural/) is reproduced by word vectors, the name list, three
"teacher" taggers (seeds 1-3), news labelled by the teachers together (``silver``,
:mod:`marsad.training.ner.silver`), and the shipped tagger trained on the gold and the silver::

    marsad train neural vectors ../shared/corpus/saudinewsnet \\
        --conll ../shared/data/anercorp/train.conll \\
        --extra ../shared/data/wikifane_gold/WikiFANE_Gold_2014_500K.txt -o /tmp/w2v.kv
    marsad train neural names -o /tmp/names.tsv.gz --lexicon \\
        --anetac ../shared/data/anetac/EN-AR_Named-entities.txt \\
        --cities ../shared/data/world_cities_ar/world-cities.csv \\
        --annotated ../shared/data/wikifane_gold/WikiFANE_Gold_2014_500K.txt \\
        --petrarch ../shared/data/petrarch_arabic_dicts/actor_dict_ar_v4.txt
    for s in 1 2 3; do marsad train neural train ../shared/data/anercorp/train.conll \\
        --vectors /tmp/w2v.kv --name-list /tmp/names.tsv.gz --epochs 30 --average-from 15 \\
        --dev-fraction 0 --seed $s -o /tmp/teacher$s; done
    marsad train neural silver --model /tmp/teacher1 --model /tmp/teacher2 \\
        --model /tmp/teacher3 --news ../shared/corpus/saudinewsnet --articles 4000 -o /tmp/silver.conll
    marsad train neural train ../shared/data/anercorp/train.conll \\
        --vectors /tmp/w2v.kv --name-list /tmp/names.tsv.gz --epochs 30 --average-from 15 \\
        --dev-fraction 0 --silver /tmp/silver.conll -o src/marsad/ner/models/neural

With the default ``--dev-fraction 0.15`` the last 15% of the training file is held out as
dev and scored after every epoch; the exported weights are the mean of those at the end of
epochs 15..30 (``--average-from``; without it, the best dev epoch's).
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import time
from pathlib import Path

import numpy as np

from marsad.eval.ner import format_report, read_conll, score
from marsad.ner.names import NAMES_FILE, N_TAGS, NameList
from marsad.training.ner.names import build as build_names
from marsad.ner.neural import (META_FILE, PAD, SEQUENCE_FILE, TOKENS_FILE, UNK, VECTORS_FILE,
                               TokenEncoder, viterbi)
from marsad.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, default_model_dir, load_gazetteer
from marsad.ner.features import load_clusters, word_key
from marsad.training.ner.corpora import read_fine_grained, split_dev
from marsad.training.ner.lean import make_lean

log = logging.getLogger(__name__)

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
# Sizes of the categorical tables (ids 0 = pad, 1 = unknown): rank bucket, k=256/1024/4096
# clusters (shared by word and stem), proclitic, gazetteer, shape.
CLUSTER_SIZES = (24, 258, 1026, 4098)
CLUSTER_DIMS = (4, 8, 16, 16)
OTHER_SIZES = (32, 4, 160)
OTHER_DIMS = (8, 4, 8)
MAX_TRAIN_LEN = 80  # longer training sentences are cut (at O labels) into pieces


def learn_vectors(zip_dir: Path, out: Path, conll: list[Path], extra: list[Path], dim: int = 100,
                  window: int = 5, epochs: int = 5, workers: int = 2) -> Path:
    """Skip-gram word2vec on the word keys of SaudiNewsNet (+ the tokens of training files and
    of WikiFANE-style files); saves gensim KeyedVectors to ``out``."""
    from gensim.models import Word2Vec

    from marsad.training.ner.clusters import corpus

    sents = corpus(zip_dir, conll)
    for path in extra:
        sents += [[word_key(w) for w in ws] for ws, _ in read_fine_grained(path)]
    log.info("corpus: %d sentences, %d tokens", len(sents), sum(map(len, sents)))
    model = Word2Vec(sents, vector_size=dim, window=window, min_count=3, sg=1, epochs=epochs,
                     workers=workers, seed=1)
    model.wv.save(str(out))
    return out


def quantize(vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise symmetric int8 quantisation: ``vecs ≈ q * scale[:, None]``."""
    scale = np.abs(vecs).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(vecs / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float16)


def build_tables(kv_path: Path, sents, vocab_size: int, dims: int = 0) -> tuple[list[str], np.ndarray, np.ndarray, list[str]]:
    """Vocabulary (pad, unk, then the ``vocab_size`` most frequent words), their int8 vectors
    and scales, and the character table (chars seen twice in the training keys)."""
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load(str(kv_path))
    words = [w for w in kv.index_to_key if w][:vocab_size]
    vecs = np.zeros((len(words) + 2, kv.vector_size), dtype=np.float32)
    vecs[2:] = np.asarray([kv[w] for w in words])
    if dims and dims < vecs.shape[1]:  # PCA: more words in the same bytes
        centred = vecs[2:] - vecs[2:].mean(0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        vecs = np.vstack([np.zeros((2, dims), np.float32), centred @ vt[:dims].T]).astype(np.float32)
    q, scale = quantize(vecs)
    counts: dict[str, int] = {}
    for ws, _ in sents:
        for w in ws:
            for c in word_key(w):
                counts[c] = counts.get(c, 0) + 1
    chars = ["<pad>", "<unk>"] + sorted(c for c, n in counts.items() if n >= 2)
    return ["<pad>", "<unk>"] + words, q, scale, chars


def name_tags(names: NameList, sentences: list[list[str]], t: int) -> np.ndarray:
    """(B,T) name-list tag ids (:meth:`NameList.tags`) of a batch, 0 past each sentence."""
    out = np.zeros((len(sentences), t), dtype=np.int64)
    for i, s in enumerate(sentences):
        out[i, :len(s)] = names.tags(s)
    return out


def cut_long(sents, max_len: int = MAX_TRAIN_LEN):
    """Split sentences longer than ``max_len`` at ``O`` tokens (training only)."""
    out = []
    for ws, ls in sents:
        while len(ws) > max_len:
            cut = max((i for i in range(max_len // 2, max_len) if ls[i] == "O" and
                       not ls[i + 1].startswith("I-")), default=max_len)
            out.append((ws[:cut], ls[:cut]))
            ws, ls = ws[cut:], ls[cut:]
        if ws:
            out.append((ws, ls))
    return out


def make_net(n_chars: int, wdim: int, hidden: int, char_filters: int, dropout: float, proj: int = 0,
             name_dim: int = 0):
    """The torch network: inputs as :meth:`TokenEncoder.batch` plus word vectors -> emissions."""
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.char_emb = nn.Embedding(n_chars, 32, padding_idx=PAD)
            self.char_cnn = nn.Conv1d(32, char_filters, 3, padding=1)
            self.clusters = nn.ModuleList(nn.Embedding(n, d, padding_idx=PAD)
                                          for n, d in zip(CLUSTER_SIZES, CLUSTER_DIMS))
            self.others = nn.ModuleList(nn.Embedding(n, d, padding_idx=PAD)
                                        for n, d in zip(OTHER_SIZES, OTHER_DIMS))
            d_in = wdim + char_filters + 2 * sum(CLUSTER_DIMS) + sum(OTHER_DIMS)
            self.drop = nn.Dropout(dropout)
            # An optional projection makes the LSTMs' input (most of their cost) narrower.
            self.proj = nn.Sequential(nn.Linear(d_in, proj), nn.ReLU()) if proj else nn.Identity()
            d_in = proj or d_in
            # Name-list tags (marsad.ner.names) join the per-token vector at the LSTMs' input:
            # they depend on the token's neighbours, so they are not part of ``tokens``.
            self.names = nn.Embedding(N_TAGS, name_dim, padding_idx=PAD) if name_dim else None
            d_in += name_dim
            self.fwd = nn.LSTM(d_in, hidden, batch_first=True)
            self.bwd = nn.LSTM(d_in, hidden, batch_first=True)
            self.out = nn.Linear(2 * hidden, len(LABELS))
            self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))
        def tokens(self, wvec, feats, chars):
            """Per-token part, inputs (N, ...) -> LSTM inputs (N, proj): depends on the token
            alone, so the tagger computes it once per distinct token."""
            ce = self.char_emb(chars).transpose(1, 2)
            ce = torch.relu(self.char_cnn(ce)).max(2).values
            k = len(CLUSTER_SIZES)
            parts = [wvec, ce]
            parts += [self.clusters[j](feats[:, j]) for j in range(k)]
            parts += [self.clusters[j](feats[:, k + j]) for j in range(k)]
            parts += [emb(feats[:, 2 * k + j]) for j, emb in enumerate(self.others)]
            return self.proj(self.drop(torch.cat(parts, 1)))

        def states(self, x, rev, names=None):
            """LSTM inputs (B,T,proj), reversal indices (B,T) and name-list tags (B,T) ->
            forward and backward LSTM states (B,T,hidden) each."""
            if self.names is not None:
                x = torch.cat([x, self.names(names)], 2)
            idx = rev.unsqueeze(2)
            hf, _ = self.fwd(x)
            # The backward LSTM reads each sentence reversed within its own length, so padding
            # (always at the end) never reaches a real token in either direction.
            hb, _ = self.bwd(torch.gather(x, 1, idx.expand(-1, -1, x.shape[2])))
            hb = torch.gather(hb, 1, idx.expand(-1, -1, hb.shape[2]))
            return hf, hb

        def sequence(self, x, rev, names=None):
            """LSTM inputs (B,T,proj), reversal indices (B,T) and name-list tags (B,T) ->
            emissions (B,T,labels)."""
            hf, hb = self.states(x, rev, names)
            return self.out(self.drop(torch.cat([hf, hb], 2)))

        def forward(self, wvec, feats, chars, rev, names=None):
            b, t = rev.shape
            x = self.tokens(wvec.reshape(b * t, -1), feats.reshape(b * t, -1), chars.reshape(b * t, -1))
            return self.sequence(x.reshape(b, t, -1), rev, names)

    return Net()


def crf_nll(em, tags, mask, trans, start, end):
    """Mean negative log-likelihood of the gold ``tags`` (B,T) under a linear-chain CRF."""
    import torch

    b, t, _ = em.shape
    rows = torch.arange(b)
    gold = start[tags[:, 0]] + em[rows, 0, tags[:, 0]]
    alpha = start[None] + em[:, 0]
    for k in range(1, t):
        m = mask[:, k]
        gold = gold + (trans[tags[:, k - 1], tags[:, k]] + em[rows, k, tags[:, k]]) * m
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, k, None, :], 1)
        alpha = torch.where(m[:, None] > 0, nxt, alpha)
    last = tags[rows, mask.sum(1).long() - 1]
    gold = gold + end[last]
    log_z = torch.logsumexp(alpha + end[None], 1)
    return (log_z - gold).mean()


class Trainer:
    """Holds the encoder, vectors and network; runs epochs, scores, exports."""

    def __init__(self, encoder: TokenEncoder, vectors: np.ndarray, args, names: NameList | None = None):
        import torch

        self.torch = torch
        self.encoder = encoder
        self.names = names
        self.args = args
        self.wtable = torch.tensor(vectors)  # dequantised, frozen
        self.net = make_net(len(encoder.chars), 2 * vectors.shape[1], args.hidden,
                            args.char_filters, args.dropout, args.proj, args.name_dim if names else 0)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=args.lr)

    def inputs(self, sents: list[list[str]], word_dropout: float = 0.0):
        torch = self.torch
        a = self.encoder.batch(sents)
        words = torch.from_numpy(a["words"])
        if word_dropout:
            drop = (torch.rand(words.shape) < word_dropout) & (words > PAD)
            words = words.masked_fill(drop, UNK)
        wvec = self.wtable[words].reshape(words.shape[0], words.shape[1], -1)
        x = (wvec, torch.from_numpy(a["feats"]), torch.from_numpy(a["chars"]), torch.from_numpy(a["rev"]))
        if self.names is not None:
            x += (torch.from_numpy(name_tags(self.names, sents, words.shape[1])),)
        return x, a["lengths"]

    def epoch(self, sents, rng: random.Random) -> float:
        """One pass over ``sents`` in shuffled batches of similar length; the mean loss."""
        torch = self.torch
        self.net.train()
        order = sorted(range(len(sents)), key=lambda i: len(sents[i][0]) + rng.random() * 6)
        bs = self.args.batch
        batches = [order[i:i + bs] for i in range(0, len(order), bs)]
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            x, lengths = self.inputs([sents[i][0] for i in batch], self.args.word_dropout)
            t = int(lengths.max())
            tags = torch.zeros(len(batch), t, dtype=torch.long)
            mask = torch.zeros(len(batch), t)
            for r, i in enumerate(batch):
                n = len(sents[i][1])
                tags[r, :n] = torch.tensor([LABELS.index(lab) for lab in sents[i][1]])
                mask[r, :n] = 1
            em = self.net(*x)
            loss = crf_nll(em, tags, mask, self.net.trans, self.net.start, self.net.end)
            self.opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.net.parameters(), 5.0)
            self.opt.step()
            total += loss.item() * len(batch)
        return total / len(sents)

    def predict(self, sents: list[list[str]], bs: int = 64) -> list[list[str]]:
        torch = self.torch
        self.net.eval()
        trans, start, end = (p.detach().numpy() for p in (self.net.trans, self.net.start, self.net.end))
        out = []
        with torch.no_grad():
            for i in range(0, len(sents), bs):
                x, lengths = self.inputs(sents[i:i + bs])
                em = self.net(*x).numpy()
                out += [[LABELS[k] for k in p] for p in viterbi(em, lengths, trans, start, end)]
        return out

    def export(self, out_dir: Path, vocab, q, scale, chars, meta: dict) -> None:
        """Write ``tokens.onnx`` (the per-token part), ``sequence.onnx`` (BiLSTM and output
        layer), ``vectors.npz`` and ``meta.json`` to ``out_dir``."""
        torch = self.torch
        out_dir.mkdir(parents=True, exist_ok=True)
        self.net.eval()
        sample = [["قال", "بوتين", "في", "موسكو"], ["الرئيس"]]
        (wvec, feats, chars_in, rev, *names), _ = self.inputs(sample)
        b, t = rev.shape
        flat = (wvec.reshape(b * t, -1), feats.reshape(b * t, -1), chars_in.reshape(b * t, -1))
        net = self.net

        class Part(torch.nn.Module):  # one method of the network as a module to export
            def __init__(self, method: str):
                super().__init__()
                self.net, self.method = net, method

            def forward(self, *args):
                return getattr(self.net, self.method)(*args)

        with torch.no_grad():
            x = net.tokens(*flat).reshape(b, t, -1)
        seq_in = (x, rev, *names)
        seq_names = ["x", "rev", "names"][:len(seq_in)]
        torch.onnx.export(Part("tokens"), flat, str(out_dir / TOKENS_FILE), input_names=["wvec", "feats", "chars"],
                          output_names=["x"], opset_version=17, dynamo=False,
                          dynamic_axes={"wvec": {0: "n"}, "feats": {0: "n"}, "chars": {0: "n", 1: "c"},
                                        "x": {0: "n"}})
        torch.onnx.export(Part("sequence"), seq_in, str(out_dir / SEQUENCE_FILE), input_names=seq_names,
                          output_names=["emissions"], opset_version=17, dynamo=False,
                          dynamic_axes={**{k: {0: "b", 1: "t"} for k in seq_names},
                                        "emissions": {0: "b", 1: "t"}})
        make_lean(out_dir)  # the graph the tagger runs: one bidirectional LSTM, int8 weights
        if self.names is not None:
            shutil.copyfile(self.args.name_list, out_dir / NAMES_FILE)
        p = {k: getattr(self.net, k).detach().numpy().astype(np.float32) for k in ("trans", "start", "end")}
        np.savez_compressed(out_dir / VECTORS_FILE, vectors=q, scales=scale, vocab=np.array(vocab),
                            chars=np.array(chars), labels=np.array(LABELS), **p)
        (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


def train(args) -> dict:
    """Train on the first file (minus the dev fraction), keep the best dev epoch, export."""
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    sents = read_conll(args.train_file)
    train_sents, dev = split_dev(sents, args.dev_fraction)
    vocab, q, scale, chars = build_tables(args.vectors, train_sents, args.vocab, args.pca)
    crf_dir = args.crf_dir or default_model_dir()
    encoder = TokenEncoder({w: i for i, w in enumerate(vocab)}, {c: i for i, c in enumerate(chars)},
                           load_clusters(crf_dir / CLUSTERS_FILE), load_gazetteer(crf_dir / GAZETTEER_FILE))
    names = NameList.load(args.name_list, encoder.stemmer.stem) if args.name_list else None
    tr = Trainer(encoder, q.astype(np.float32) * scale.astype(np.float32)[:, None], args, names)
    pieces = cut_long(train_sents)
    silver = [x for path in args.silver for x in cut_long(read_conll(path))]
    if silver:
        log.info("silver: %d pieces, %d an epoch", len(silver), args.silver_per_epoch)
    best, best_ep, best_state, history = -1.0, 0, None, []
    averaged: dict = {}
    t0 = time.perf_counter()
    for ep in range(1, args.epochs + 1):
        loss = tr.epoch(pieces + rng.sample(silver, min(args.silver_per_epoch, len(silver))) if silver
                        else pieces, rng)
        f1 = score([g for _, g in dev], tr.predict([w for w, _ in dev]))["overall"]["f1"] if dev else 0.0
        history.append((ep, round(loss, 3), round(f1, 4)))
        log.info("epoch %d loss %.3f dev F1 %.4f (%.0f s)", ep, loss, f1, time.perf_counter() - t0)
        if args.average_from and ep >= args.average_from:
            # weight averaging (SWA): the mean of the states at the end of epochs N..last
            state = tr.net.state_dict()
            n = ep - args.average_from
            averaged = {k: v.clone() for k, v in state.items()} if n == 0 else \
                {k: (averaged[k] * n + state[k]) / (n + 1) for k in state}
            continue
        if f1 > best or not dev:
            best, best_ep = f1, ep
            best_state = {k: v.clone() for k, v in tr.net.state_dict().items()}
        elif ep - best_ep >= args.patience:
            break
    if args.average_from and args.average_from <= args.epochs:
        best_state, best_ep = averaged, args.epochs
    tr.net.load_state_dict(best_state)
    meta = {"model": "charcnn-bilstm-crf", "train_file": Path(args.train_file).name,
            "dev_fraction": args.dev_fraction, "vocab": len(vocab), "dim": int(q.shape[1]),
            "hidden": args.hidden, "proj": args.proj, "char_filters": args.char_filters, "dropout": args.dropout,
            "word_dropout": args.word_dropout, "name_list": args.name_list.name if args.name_list else None,
            "name_dim": args.name_dim if args.name_list else 0, "name_tags": N_TAGS if args.name_list else 0,
            "silver": [p.name for p in args.silver], "silver_per_epoch": args.silver_per_epoch if silver else 0,
            "lr": args.lr, "batch": args.batch, "seed": args.seed,
            "best_epoch": best_ep, "average_from": args.average_from, "history": history, "train_seconds": round(time.perf_counter() - t0)}
    if dev:
        meta["dev"] = score([g for _, g in dev], tr.predict([w for w, _ in dev]))
    tr.export(Path(args.out), vocab, q, scale, chars, meta)
    return meta


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="marsad train neural",
                                 description="Train the marsad neural named-entity tagger.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("vectors", help="learn word2vec vectors on unlabelled news")
    v.add_argument("zip_dir", type=Path, help="folder of SaudiNewsNet *.zip files")
    v.add_argument("-o", "--out", type=Path, required=True, help="gensim KeyedVectors file to write")
    v.add_argument("--conll", type=Path, action="append", default=[], help="training CoNLL file (text only)")
    v.add_argument("--extra", type=Path, action="append", default=[], help="WikiFANE-style file (text only)")
    v.add_argument("--dim", type=int, default=100)
    v.add_argument("--window", type=int, default=5)
    nm = sub.add_parser("names", help="build the name list the network reads (names.tsv.gz)")
    nm.add_argument("-o", "--out", type=Path, required=True, help="names file to write (.tsv.gz)")
    nm.add_argument("--anetac", type=Path, action="append", default=[], help="ANETAC-style file")
    nm.add_argument("--cities", type=Path, action="append", default=[], help="world-cities CSV")
    nm.add_argument("--annotated", type=Path, action="append", default=[],
                    help="WikiFANE-style annotated corpus (its PER/LOC/ORG mentions)")
    nm.add_argument("--petrarch", type=Path, action="append", default=[], help="PETRARCH actor dictionary")
    nm.add_argument("--lexicon", action="store_true", help="add marsad's own lexicon (people, "
                    "organisations, places, countries; weak names left out)")
    sv = sub.add_parser("silver", help="label news with an ensemble of trained models (self-training)")
    sv.add_argument("-o", "--out", type=Path, required=True, help="CoNLL file to write")
    sv.add_argument("--model", type=Path, action="append", required=True,
                    help="a trained model folder (repeat: their mean scores label the text)")
    sv.add_argument("--news", type=Path, required=True, help="folder of SaudiNewsNet *.zip files")
    sv.add_argument("--articles", type=int, default=4000, help="news articles drawn at random")
    cw = sub.add_parser("common-words", help="words the silver news mostly labels O though "
                        "they are sometimes names (for marsad.entities.repeats)")
    cw.add_argument("silver_file", type=Path, help="silver CoNLL file (the 'silver' step)")
    cw.add_argument("-o", "--out", type=Path, required=True, help="word list to write")
    cw.add_argument("--min-count", type=int, default=10)
    cw.add_argument("--max-rate", type=float, default=0.5)
    ln = sub.add_parser("lean", help="rewrite a model folder's sequence.onnx, as torch exported it, "
                        "as the lean int8 graph the tagger runs (`train` does it itself)")
    ln.add_argument("model_dir", type=Path, help="model folder (the `train` step's output)")
    ln.add_argument("--float", action="store_true", help="keep the LSTM's weights float32 (exact; "
                    "about 1.5 times the int8 graph's time)")
    t = sub.add_parser("train", help="train the BiLSTM-CRF and export it")
    t.add_argument("train_file", type=Path, help="CoNLL token<TAB>label file")
    t.add_argument("--vectors", type=Path, required=True, help="KeyedVectors from the 'vectors' step")
    t.add_argument("-o", "--out", type=Path, required=True, help="model folder to write")
    t.add_argument("--crf-dir", type=Path, help="CRF model folder with clusters and gazetteer (default: shipped)")
    t.add_argument("--dev-fraction", type=float, default=0.15)
    t.add_argument("--vocab", type=int, default=40_000, help="most frequent words with a vector")
    t.add_argument("--pca", type=int, default=0, help="reduce the word vectors to this many dimensions")
    t.add_argument("--hidden", type=int, default=64, help="LSTM size per direction")
    t.add_argument("--proj", type=int, default=128, help="project the LSTM input to this size (0: none)")
    t.add_argument("--char-filters", type=int, default=64)
    t.add_argument("--dropout", type=float, default=0.5)
    t.add_argument("--word-dropout", type=float, default=0.1, help="chance of hiding a word's vector")
    t.add_argument("--name-list", type=Path, help="names file (marsad.ner.names; `names` command) "
                   "whose matches are an input of the network")
    t.add_argument("--name-dim", type=int, default=8, help="size of the name-list tag embedding")
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--epochs", type=int, default=30)
    t.add_argument("--patience", type=int, default=5)
    t.add_argument("--average-from", type=int, default=0, help="export the mean of the weights at the end "
                   "of this epoch and every later one (0: the best dev epoch's weights)")
    t.add_argument("--silver", type=Path, action="append", default=[],
                   help="CoNLL file of machine-labelled sentences (the `silver` command)")
    t.add_argument("--silver-per-epoch", type=int, default=4000,
                   help="silver sentences drawn afresh for each epoch")
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--threads", type=int, default=1, help="torch threads (1: deterministic, and fastest here)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.cmd == "names":
        n = build_names(args.out, args.anetac, args.cities, args.annotated, args.petrarch, args.lexicon)
        print(f"{n} names -> {args.out}")
        return
    if args.cmd == "silver":
        from marsad.errors import MarsadError
        from marsad.training.ner.silver import write_silver

        try:
            n = write_silver(args.model, args.out, args.news, args.articles)
        except MarsadError as exc:
            raise SystemExit(f"error: {exc}") from None
        print(f"{n} sentences -> {args.out}")
        return
    if args.cmd == "lean":
        from marsad.errors import MarsadError

        try:
            make_lean(args.model_dir, int8=not args.float)
        except (MarsadError, OSError) as exc:
            raise SystemExit(f"error: {exc}") from None
        print(f"{args.model_dir / SEQUENCE_FILE}: lean, {'float32' if args.float else 'int8'} LSTM weights")
        return
    if args.cmd == "common-words":
        from marsad.errors import MarsadError
        from marsad.training.ner.silver import common_words

        try:
            n = common_words(args.silver_file, args.out, args.min_count, args.max_rate)
        except (MarsadError, OSError) as exc:
            raise SystemExit(f"error: {exc}") from None
        print(f"{n} words -> {args.out}")
        return
    if args.cmd == "vectors":
        learn_vectors(args.zip_dir, args.out, args.conll, args.extra, dim=args.dim, window=args.window)
        return
    meta = train(args)
    if "dev" in meta:
        print(format_report(meta["dev"]))


if __name__ == "__main__":
    main()
