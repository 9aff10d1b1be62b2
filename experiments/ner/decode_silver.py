"""Average the emissions of several teachers (lmteacher.py --emissions) and write silver CoNLL.

    python experiments/ner/decode_silver.py OUT.conll SENTENCES.conll T1.npz T2.npz T3.npz
"""
import sys
import numpy as np
from marsad.eval.ner import read_conll
from marsad.ner.neural import viterbi
from marsad.ner.tagger import repair_bio
from marsad.ner.train_neural import LABELS
out, src, *npzs = sys.argv[1:]
words = [w for w, _ in read_conll(src)]
zs = [np.load(p) for p in npzs]
em = np.mean([z["em"] for z in zs], 0); lengths = zs[0]["lengths"]
trans, start, end = (np.mean([z[k] for z in zs], 0) for k in ("trans", "start", "end"))
assert len(lengths) == len(words)
offs = np.concatenate([[0], np.cumsum(lengths)])
with open(out, "w", encoding="utf-8") as fh:
    for i, ws in enumerate(words):
        e = em[offs[i]:offs[i + 1]][None]
        path = viterbi(e, np.array([len(ws)]), trans, start, end)[0]
        for w, k in zip(ws, repair_bio([LABELS[k] for k in path])):
            fh.write(f"{w}\t{k}\n")
        fh.write("\n")
