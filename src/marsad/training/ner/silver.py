"""Machine-labelled ("silver") training sentences for the neural tagger (training only).

Several taggers trained with different seeds disagree on the hard cases; together they are
more accurate than any one of them (:class:`Ensemble`: the mean of their label scores and
CRF scores, one Viterbi path). The ensemble labels unlabelled news (SaudiNewsNet articles cut
into the tagger's units by marsad's own tokeniser and sentence splitter, as the pipeline
cuts them), and a single tagger trained on the gold sentences plus these learns what the
ensemble knows at the run-time cost of one model (self-training / knowledge distillation).
Wikipedia sentences (WikiFANE's text) labelled the same way scored no better on dev and
worse on ANERcorp test, so only news is used (docs/ner.md).
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from marsad.errors import InputError
from marsad.ner.neural import ModelFormatError, NeuralTagger, length_groups, viterbi
from marsad.ner.tagger import repair_bio

MIN_WORDS = 3  # shorter sentences (headlines, bylines) are left out


class Ensemble:
    """Taggers of one label set decoded together: mean emissions, mean CRF scores."""

    def __init__(self, model_dirs: Iterable[Path | str]):
        self.taggers = [NeuralTagger(d) for d in model_dirs]
        if not self.taggers:
            raise ValueError("an ensemble needs at least one model folder")
        self.labels = self.taggers[0].labels
        for t in self.taggers[1:]:
            if t.labels != self.labels:
                raise ModelFormatError(f"{t.model_dir} has other labels than {self.taggers[0].model_dir}: "
                                       "they cannot be one ensemble")
        self.trans, self.start, self.end = (np.mean([getattr(t, k) for t in self.taggers], 0)
                                            for k in ("trans", "start", "end"))

    def tag_many(self, sentences) -> list[list[str]]:
        sentences = [list(s) for s in sentences]
        out: list[list[str]] = [[] for _ in sentences]
        todo = [i for i, s in enumerate(sentences) if s]
        for t in self.taggers:
            t.token_vectors([w for i in todo for w in sentences[i]])
        for group in length_groups([len(sentences[i]) for i in todo]):
            idx = [todo[g] for g in group]
            scored = [t.emissions([sentences[i] for i in idx]) for t in self.taggers]
            em = np.mean([e for e, _ in scored], 0)
            for i, path in zip(idx, viterbi(em, scored[0][1], self.trans, self.start, self.end)):
                out[i] = repair_bio([self.labels[k] for k in path])
        return out


def news_sentences(zip_dir: Path, articles: int, seed: int = 7) -> Iterator[list[str]]:
    """The tagger's units of each sentence of ``articles`` SaudiNewsNet articles drawn at random."""
    from marsad.entities.recognize import token_table, word_units
    from marsad.training.ner.clusters import iter_articles
    from marsad.pipeline.build import load

    texts = list(iter_articles(zip_dir))
    if not texts:
        raise InputError(f"{zip_dir}: no SaudiNewsNet articles (*.zip files of JSON arrays with 'content')")
    random.Random(seed).shuffle(texts)
    nlp = load(steps=("marsad_sentences",))
    for text in texts[:articles]:
        doc = nlp(text)
        table = token_table(doc)
        for sent in doc.sents:
            units = word_units(text, table, sent.start, sent.end)
            if len(units) >= MIN_WORDS:
                yield [u[2] for u in units]


def write_silver(model_dirs: list[Path], out: Path, news: Path, articles: int = 4000,
                 batch: int = 500) -> int:
    """Label the sentences of ``articles`` news articles with the ensemble of ``model_dirs``;
    write ``token<TAB>label`` lines (a blank line after each sentence) to ``out``. Returns
    the number of sentences."""
    ensemble = Ensemble(model_dirs)
    sents = [[w for w in s if w.strip() and "\t" not in w] for s in news_sentences(news, articles)]
    with open(out, "w", encoding="utf-8") as fh:
        for i in range(0, len(sents), batch):
            chunk = sents[i:i + batch]
            for words, labels in zip(chunk, ensemble.tag_many(chunk)):
                fh.writelines(f"{w}\t{lab}\n" for w, lab in zip(words, labels))
                fh.write("\n")
    return len(sents)


def common_words(silver: Path, out: Path, min_count: int = 10, max_rate: float = 0.5) -> int:
    """Write the words (as name keys, and without one proclitic) that the silver file labels
    as part of a name sometimes but in fewer than ``max_rate`` of their ``min_count`` or more
    occurrences: words news mostly uses as common words («الثاني», «السيد», «أليس») though
    they are also names. ``marsad.entities.repeats`` does not spread them. Returns the count."""
    from collections import Counter

    from marsad.lexicon.matcher import name_key

    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    with open(silver, encoding="utf-8") as fh:
        for line in fh:
            word, _, label = line.rstrip("\n").partition("\t")
            if not label:
                continue
            key = name_key(word)
            for k in {key, key[1:] if len(key) > 3 and key[0] in "وفبلك" else key}:
                seen[k] += 1
                named[k] += label != "O"
    if not seen:
        raise InputError(f"{silver}: no token<TAB>label lines")
    words = sorted(k for k, n in seen.items()
                   if k.isalpha() and n >= min_count and 0 < named[k] < max_rate * n)
    header = (f"# Name keys of words the silver news ({Path(silver).name}) labels as part of a name\n"
              f"# in fewer than {max_rate:.0%} of their {min_count}+ occurrences: mostly common words.\n"
              "# Written by `marsad train neural common-words`; read by\n"
              "# marsad.entities.repeats, which does not spread them as repeated names.\n")
    Path(out).write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
    return len(words)
