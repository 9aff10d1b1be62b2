"""Character language model (Flair-style) on SaudiNewsNet, one direction per run
(session 5 experiment, docs/ner.md "Session 5"; needs torch).

    python experiments/ner/charlm.py fwd /tmp/lm_fwd.pt 42   # direction, output, minutes
    python experiments/ner/charlm.py bwd /tmp/lm_bwd.pt 42
"""
import random
import re
import sys
import time
from pathlib import Path
import numpy as np, torch
from marsad.ner.clusters import iter_articles

NEWS = "../shared/corpus/saudinewsnet"
DIAC = re.compile("[\u064b-\u0652\u0670\u0640]")
def lm_text(s: str) -> str:
    s = DIAC.sub("", s)
    s = s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    return " ".join(s.split())

def main():
    direction, out, minutes = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    hidden = int(sys.argv[4]) if len(sys.argv) > 4 else 512
    torch.manual_seed(1); torch.set_num_threads(1)
    arts = [lm_text(a) for a in iter_articles(Path(NEWS))]
    random.Random(3).shuffle(arts)
    text = "\n".join(a for a in arts if a)
    from collections import Counter
    cnt = Counter(text)
    chars = ["<unk>"] + [c for c, n in cnt.most_common() if n >= 200][:250]
    idx = {c: i for i, c in enumerate(chars)}
    print(len(text), "chars", len(chars), "symbols", flush=True)
    data = np.array([idx.get(c, 0) for c in text], dtype=np.int64)
    if direction == "bwd":
        data = data[::-1].copy()
    B, T = 64, 250
    n = len(data) // B
    stream = torch.from_numpy(data[: n * B].reshape(B, n))
    V = len(chars)
    class LM(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = torch.nn.Embedding(V, 32)
            self.lstm = torch.nn.LSTM(32, hidden, batch_first=True)
            self.out = torch.nn.Linear(hidden, V)
        def forward(self, x, state=None):
            h, state = self.lstm(self.emb(x), state)
            return self.out(h), h, state
    lm = LM()
    opt = torch.optim.Adam(lm.parameters(), lr=2e-3)
    state = None; t0 = time.time(); step = 0; losses = []
    pos = 0
    while pos + T + 1 < n and time.time() - t0 < minutes * 60:
        x = stream[:, pos:pos + T]; y = stream[:, pos + 1:pos + T + 1]
        logits, _, state = lm(x, state)
        state = tuple(s.detach() for s in state)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, V), y.reshape(-1))
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(lm.parameters(), 1.0); opt.step()
        losses.append(loss.item()); pos += T; step += 1
        if step % 100 == 0:
            print(step, pos * B, "chars", round(time.time() - t0), "s", "loss", round(float(np.mean(losses[-100:])), 4), flush=True)
        if step % 500 == 0:
            torch.save({"state": lm.state_dict(), "chars": chars, "hidden": hidden, "direction": direction}, out)
    torch.save({"state": lm.state_dict(), "chars": chars, "hidden": hidden, "direction": direction}, out)
    print("done", step, pos * B, flush=True)

if __name__ == "__main__":
    main()
