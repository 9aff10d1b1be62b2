"""Apply marsad.entities.repeats to a tagger's predictions (`marsad eval ner FILE --system
tagger --predictions P.conll`: token, gold, predicted) in 20-sentence windows, as the
pipeline's eval groups sentences; score before and after (docs/ner.md "Repeated names").

    python experiments/ner/repeats_on_predictions.py P.conll
"""
import sys
from marsad.entities.mentions import NameMention
from marsad.entities.repeats import repeats
from marsad.eval.ner import _labels, score
sents = []; cur = []
for line in open(sys.argv[1], encoding="utf-8"):
    p = line.split()
    if not p:
        if cur: sents.append(cur); cur = []
        continue
    cur.append(p)
if cur: sents.append(cur)
gold = [[t[1] for t in s] for s in sents]; pred = [[t[2] for t in s] for s in sents]
new = []
for d in range(0, len(sents), 20):
    block = sents[d:d + 20]
    pos = 0; offs = []; lines = []
    for s in block:
        o = []
        for t in s:
            o.append((pos, pos + len(t[0]))); pos += len(t[0]) + 1
        offs.append(o); lines.append(" ".join(t[0] for t in s))
    text = "\n".join(lines)
    ms = []
    for s, o in zip(block, offs):
        labels = [t[2] for t in s]
        i = 0
        while i < len(labels):
            if labels[i].startswith("B-") or (labels[i].startswith("I-")):
                typ = labels[i][2:]; j = i + 1
                while j < len(labels) and labels[j] == "I-" + typ: j += 1
                a, b = o[i][0], o[j - 1][1]
                ms.append(NameMention(a, b, text[a:b], typ, "ner")); i = j
            else: i += 1
    allm = ms + repeats(text, ms)
    names = sorted((m.start, m.end, m.label) for m in allm)
    new += [_labels(o, names) for o in offs]
for name, p in (("before", pred), ("after", new)):
    o = score(gold, p)["overall"]; print(name, round(o["precision"], 4), round(o["recall"], 4), round(o["f1"], 4))
