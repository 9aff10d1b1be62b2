"""A teacher: the shipped network plus the char-LM features at the LSTMs' input (session 5
experiment, docs/ner.md "Session 5"; needs torch). Dev protocol by default; scores dev and
test, and with --label writes the emissions of a CoNLL file's sentences for silver.

    python experiments/ner/lmteacher.py --lm /tmp/lm --vectors /tmp/w2v.kv \
        --name-list /tmp/names.tsv.gz --seed 1 -o /tmp/T1.pt \
        [--label silver.conll --emissions /tmp/T1.npz]
"""
import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).parent))
from lmfeat import Features  # noqa: E402
from marsad.eval.ner import format_report, read_conll, score  # noqa: E402
from marsad.ner import train_neural as tn  # noqa: E402
from marsad.ner.features import load_clusters  # noqa: E402
from marsad.ner.names import NameList  # noqa: E402
from marsad.ner.neural import TokenEncoder  # noqa: E402
from marsad.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, default_model_dir, load_gazetteer  # noqa: E402
from marsad.ner.train import split_dev  # noqa: E402

class CtxNet(torch.nn.Module):
    def __init__(self, base, ctx_dim, ctx_proj, hidden, dropout, name_dim):
        super().__init__()
        self.base = base
        self.ctx = torch.nn.Sequential(torch.nn.Dropout(dropout), torch.nn.Linear(ctx_dim, ctx_proj), torch.nn.ReLU())
        d_in = base.fwd.input_size + ctx_proj
        base.fwd = torch.nn.LSTM(d_in, hidden, batch_first=True)
        base.bwd = torch.nn.LSTM(d_in, hidden, batch_first=True)
        self.trans, self.start, self.end = base.trans, base.start, base.end
    def forward(self, wvec, feats, chars, rev, names, ctx):
        b, t = rev.shape
        x = self.base.tokens(wvec.reshape(b * t, -1), feats.reshape(b * t, -1), chars.reshape(b * t, -1)).reshape(b, t, -1)
        x = torch.cat([x, self.ctx(ctx.float())], 2)
        return self.base.sequence(x, rev, names)

class CtxTrainer(tn.Trainer):
    def __init__(self, encoder, vectors, args, names, feats, ctx_dim):
        super().__init__(encoder, vectors, args, names)
        self.feats = feats
        self.ctx_dim = ctx_dim
        self.net = CtxNet(self.net, ctx_dim, args.ctx_proj, args.hidden, args.dropout, args.name_dim)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=args.lr)
    def inputs(self, sents, word_dropout=0.0):
        x, lengths = super().inputs(sents, word_dropout)
        t = int(lengths.max())
        c = np.zeros((len(sents), t, self.ctx_dim), dtype=np.float16)
        for i, s in enumerate(sents):
            c[i, :len(s)] = self.feats[tuple(s)]
        return x + (torch.from_numpy(c),), lengths

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev-fraction", type=float, default=0.15)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--average-from", type=int, default=15)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--ctx-proj", type=int, default=128)
    ap.add_argument("--lm", required=True, help="prefix of the LM files (PREFIX_fwd.pt, PREFIX_bwd.pt)")
    ap.add_argument("--vectors", type=Path, required=True, help="KeyedVectors (train_neural vectors)")
    ap.add_argument("--name-list", type=Path, required=True, help="names.tsv.gz (train_neural names)")
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--label", type=Path, help="CoNLL file whose sentences to score (silver)")
    ap.add_argument("--emissions", type=Path, help="npz of emissions for --label")
    a = ap.parse_args()
    args = argparse.Namespace(hidden=a.hidden, proj=128, char_filters=64, dropout=0.5, word_dropout=0.1,
                              name_dim=8, lr=2e-3, batch=16, ctx_proj=a.ctx_proj, name_list=a.name_list)
    torch.manual_seed(a.seed); torch.set_num_threads(1); rng = random.Random(a.seed)
    sents = read_conll("../shared/data/anercorp/train.conll")
    test = read_conll("../shared/data/anercorp/test.conll")
    train_sents, dev = split_dev(sents, a.dev_fraction)
    vocab, q, scale, chars = tn.build_tables(a.vectors, train_sents, 40000, 0)
    crf_dir = default_model_dir()
    encoder = TokenEncoder({w: i for i, w in enumerate(vocab)}, {c: i for i, c in enumerate(chars)},
                           load_clusters(crf_dir / CLUSTERS_FILE), load_gazetteer(crf_dir / GAZETTEER_FILE))
    names = NameList.load(args.name_list, encoder.stemmer.stem)
    pieces = tn.cut_long(train_sents)
    F = Features(a.lm + "_fwd.pt", a.lm + "_bwd.pt")
    t0 = time.time()
    allsents = list({tuple(w): None for w, _ in pieces + dev + test})
    feats = dict(zip(allsents, F.encode([list(s) for s in allsents])))
    print("features", len(feats), round(time.time() - t0), "s", flush=True)
    tr = CtxTrainer(encoder, q.astype(np.float32) * scale.astype(np.float32)[:, None], args, names, feats, F.dim)
    averaged = {}
    for ep in range(1, a.epochs + 1):
        loss = tr.epoch(pieces, rng)
        f1 = score([g for _, g in dev], tr.predict([w for w, _ in dev]))["overall"]["f1"] if dev else 0.0
        print("epoch", ep, round(loss, 3), "dev", round(f1, 4), round(time.time() - t0), "s", flush=True)
        if ep >= a.average_from:
            state = tr.net.state_dict(); n = ep - a.average_from
            averaged = {k: v.clone() for k, v in state.items()} if n == 0 else {k: (averaged[k] * n + state[k]) / (n + 1) for k in state}
    tr.net.load_state_dict(averaged)
    if dev:
        print("averaged dev", format_report(score([g for _, g in dev], tr.predict([w for w, _ in dev]))), flush=True)
    pred = tr.predict([w for w, _ in test])
    print("test", format_report(score([g for _, g in test], pred)), flush=True)
    torch.save({"state": tr.net.state_dict(), "args": vars(a)}, a.out)
    if a.label:
        tr.net.eval()
        lab = [w for w, _ in read_conll(a.label)]
        ems = []
        with torch.no_grad():
            for k in range(0, len(lab), 2000):
                chunk = lab[k:k + 2000]
                tr.feats = dict(zip([tuple(s) for s in chunk], F.encode(chunk)))
                for i in range(0, len(chunk), 64):
                    x, lengths = tr.inputs(chunk[i:i + 64])
                    em = tr.net(*x).numpy()
                    ems += [em[r, :n] for r, n in enumerate(lengths)]
                print("labelled", k + len(chunk), round(time.time() - t0), "s", flush=True)
        p = {k: getattr(tr.net, k).detach().numpy() for k in ("trans", "start", "end")}
        np.savez(a.emissions, em=np.concatenate(ems), lengths=np.array([len(e) for e in ems]), **p)

if __name__ == "__main__":
    main()
