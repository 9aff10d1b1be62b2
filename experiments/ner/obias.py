"""Sweep a bias on the O label's score (lowered by BIAS) of a neural model (session 5).

    python experiments/ner/obias.py DEV.conll MODEL_DIR -1,-0.75,-0.5,0
"""
import sys
from marsad.ner.neural import NeuralTagger, viterbi, length_groups
from marsad.ner.tagger import repair_bio
from marsad.eval.ner import read_conll, score

conll, model = sys.argv[1], sys.argv[2]
biases = [float(x) for x in sys.argv[3].split(",")]
t = NeuralTagger(model)
data = read_conll(conll)
sents = [w for w, _ in data]; gold = [g for _, g in data]
o = t.labels.index("O")
t.token_vectors([w for s in sents for w in s])
ems = {}
for group in length_groups([len(s) for s in sents]):
    em, lengths = t.emissions([sents[i] for i in group])
    ems[tuple(group)] = (em, lengths)
for b in biases:
    pred = [None] * len(sents)
    for group, (em, lengths) in ems.items():
        e = em.copy(); e[:, :, o] -= b
        for i, path in zip(group, viterbi(e, lengths, t.trans, t.start, t.end)):
            pred[i] = repair_bio([t.labels[k] for k in path])
    s = score(gold, pred)
    ov = s.get("overall", s)
    print(b, {k: (round(v, 4) if isinstance(v, float) else v) for k, v in ov.items()} if isinstance(ov, dict) else ov, flush=True)
