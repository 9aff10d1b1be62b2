"""Named-entity evaluation with conlleval's exact-match rules.

An entity counts as correct only if its type and both boundaries match the gold entity.
Chunks are read as conlleval reads them: an ``I-X`` that follows ``O`` or another type
starts a new entity.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

# ANERcorp writes persons PERS; marsad's label set (DESIGN.md) uses PER.
LABEL_MAP = {"PERS": "PER"}


def map_label(label: str) -> str:
    """``B-PERS`` -> ``B-PER``; other labels unchanged."""
    if label == "O" or "-" not in label:
        return label
    prefix, typ = label.split("-", 1)
    return prefix + "-" + LABEL_MAP.get(typ, typ)


def read_conll(path: Path | str, map_labels: bool = True) -> list[tuple[list[str], list[str]]]:
    """Read ``token<TAB>label`` lines (blank line between sentences) into ``(words, labels)``
    pairs. With ``map_labels`` ANERcorp's ``PERS`` becomes ``PER``."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    labels: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    sents.append((words, labels))
                    words, labels = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
            if len(parts) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token<TAB>label', got {line!r}")
            words.append(parts[0])
            labels.append(map_label(parts[-1].strip()) if map_labels else parts[-1].strip())
    if words:
        sents.append((words, labels))
    return sents


def chunks(labels: list[str]) -> set[tuple[int, int, str]]:
    """Entities of a BIO sequence as ``(start, end, type)`` (end exclusive), conlleval-style."""
    out = set()
    start, typ = None, None
    for i, lab in enumerate(list(labels) + ["O"]):
        prefix, _, t = lab.partition("-")
        begins = prefix == "B" or (prefix == "I" and t != typ)
        if typ is not None and (prefix == "O" or begins):
            out.add((start, i, typ))
            start, typ = None, None
        if prefix in ("B", "I") and begins:
            start, typ = i, t
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def score(gold_seqs: list[list[str]], pred_seqs: list[list[str]]) -> dict:
    """Exact-match precision, recall and F1, overall and per type.

    Returns ``{"overall": {...}, "types": {TYPE: {...}}, "tokens": n, "token_accuracy": a}``
    where each ``{...}`` holds precision, recall, f1, tp, pred, gold."""
    if len(gold_seqs) != len(pred_seqs):
        raise ValueError(f"{len(gold_seqs)} gold sequences but {len(pred_seqs)} predicted")
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    tokens = correct = 0
    for gold, pred in zip(gold_seqs, pred_seqs):
        if len(gold) != len(pred):
            raise ValueError(f"sequence lengths differ: {len(gold)} gold, {len(pred)} predicted")
        g, p = chunks(gold), chunks(pred)
        for c in g:
            n_gold[c[2]] += 1
        for c in p:
            n_pred[c[2]] += 1
        for c in g & p:
            tp[c[2]] += 1
        tokens += len(gold)
        correct += sum(a == b for a, b in zip(gold, pred))
    types = sorted(set(n_gold) | set(n_pred))
    return {
        "overall": _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())),
        "types": {t: _prf(tp[t], n_pred[t], n_gold[t]) for t in types},
        "tokens": tokens,
        "token_accuracy": correct / tokens if tokens else 0.0,
    }


class PipelineTagger:
    """Tags token lists the way marsad finds names in an article: the trained tagger merged
    with the lexicon (``marsad_ner`` + ``marsad_actors``), mapped back to the given tokens.
    Sentences are analysed ``per_doc`` at a time, one per line, as a stand-in for articles."""

    def __init__(self, per_doc: int = 20):
        from marsad.pipeline.build import load

        self.nlp = load(steps=("marsad_sentences", "marsad_ner", "marsad_actors"))
        self.per_doc = per_doc

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        for i in range(0, len(sentences), self.per_doc):
            out.extend(self._tag_doc(sentences[i:i + self.per_doc]))
        return out

    def _tag_doc(self, sentences: list[list[str]]) -> list[list[str]]:
        from marsad.model import Article
        from marsad.pipeline.build import make_doc

        offsets, pos, lines = [], 0, []
        for words in sentences:
            spans = []
            for w in words:
                spans.append((pos, pos + len(w)))
                pos += len(w) + 1
            offsets.append(spans)
            lines.append(" ".join(words))
        doc = make_doc(self.nlp, Article(text="\n".join(lines), id="conll"))
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        names = sorted(doc.user_data.get("names", []))
        return [bio_labels(spans, names) for spans in offsets]


def bio_labels(tokens: list[tuple[int, int]], names: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of whitespace tokens from character spans of names: a token is B- when a
    name starts inside it, I- when it lies in the rest of one. FAC counts as LOC."""
    labels = ["O"] * len(tokens)
    for start, end, label in names:
        label = "LOC" if label == "FAC" else label
        inside = [i for i, (a, b) in enumerate(tokens) if a < end and start < b]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + label
    return labels


def evaluate(conll_path: Path | str, predictions_path: Path | str | None = None, tagger=None) -> dict:
    """Tag the tokens of ``conll_path`` with ``tagger`` (default: the shipped model) and score
    them against its labels. With ``predictions_path``, write ``token gold pred`` per line
    (blank line between sentences), the input of conlleval."""
    if tagger is None:
        from marsad.ner import load_tagger
        tagger = load_tagger()
    sents = read_conll(conll_path)
    preds = tagger.tag_many([w for w, _ in sents])
    if predictions_path is not None:
        with open(predictions_path, "w", encoding="utf-8") as fh:
            for (words, gold), pred in zip(sents, preds):
                for w, g, p in zip(words, gold, pred):
                    fh.write(f"{w} {g} {p}\n")
                fh.write("\n")
    report = score([g for _, g in sents], preds)
    report["file"] = str(conll_path)
    return report


def format_report(report: dict) -> str:
    """A conlleval-like table of a :func:`score` report."""
    lines = [f"{'type':<8}{'prec':>8}{'rec':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
    rows = list(report["types"].items()) + [("overall", report["overall"])]
    for name, r in rows:
        lines.append(f"{name:<8}{r['precision']:>8.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}"
                     f"{r['gold']:>7}{r['pred']:>7}")
    lines.append(f"tokens {report['tokens']}, token accuracy {report['token_accuracy']:.4f}")
    return "\n".join(lines)
