"""Flair-style contextual token features from the two character LMs (charlm.py)."""
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).parent))
from charlm import lm_text  # noqa: E402

class CharLM(torch.nn.Module):
    def __init__(self, path):
        super().__init__()
        ck = torch.load(path)
        self.chars = ck["chars"]; self.idx = {c: i for i, c in enumerate(self.chars)}
        V, H = len(self.chars), ck["hidden"]
        self.emb = torch.nn.Embedding(V, 32)
        self.lstm = torch.nn.LSTM(32, H, batch_first=True)
        self.out = torch.nn.Linear(H, V)
        self.load_state_dict(ck["state"]); self.eval()
        self.hidden = H

class Features:
    def __init__(self, fwd_path, bwd_path):
        self.f, self.b = CharLM(fwd_path), CharLM(bwd_path)
        self.dim = self.f.hidden + self.b.hidden

    def encode(self, sents, bs=32):
        """list of token lists -> list of (n, dim) float16 arrays."""
        out = [None] * len(sents)
        order = sorted(range(len(sents)), key=lambda i: sum(len(w) for w in sents[i]))
        with torch.no_grad():
            for k in range(0, len(order), bs):
                batch = [order[j] for j in range(k, min(k + bs, len(order)))]
                texts, bounds = [], []
                for i in batch:
                    toks = [lm_text(w) or "_" for w in sents[i]]
                    s, b = "\n", []
                    for t in toks:
                        b.append((len(s), len(s) + len(t)))
                        s += t + " "
                    s += "\n"
                    texts.append(s); bounds.append(b)
                L = max(len(s) for s in texts)
                idx = self.f.idx
                xf = torch.zeros(len(texts), L, dtype=torch.long)
                xb = torch.zeros(len(texts), L, dtype=torch.long)
                for r, s in enumerate(texts):
                    ids = [idx.get(c, 0) for c in s]
                    xf[r, :len(s)] = torch.tensor(ids)
                    xb[r, :len(s)] = torch.tensor(ids[::-1])
                hf, _ = self.f.lstm(self.f.emb(xf))
                hb, _ = self.b.lstm(self.b.emb(xb))
                hf, hb = hf.numpy(), hb.numpy()
                for r, i in enumerate(batch):
                    n = len(texts[r])
                    # fwd: state after reading the space that ends the token (index end)
                    # bwd: state after reading (in reverse) the char before the token: index start-1
                    f = np.stack([hf[r, e] for s0, e in bounds[r]])
                    bb = np.stack([hb[r, n - 1 - (s0 - 1)] for s0, e in bounds[r]])
                    out[i] = np.concatenate([f, bb], 1).astype(np.float16)
        return out
