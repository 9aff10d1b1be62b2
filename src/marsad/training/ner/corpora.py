"""Training corpora: CoNLL sentences split for dev, and WikiFANE-style files (fine labels,
clitics written apart) read as ANERcorp has them. Shared by the CRF, the neural tagger and
the name list."""
from __future__ import annotations

from pathlib import Path

from marsad.eval.ner import read_conll

Sents = list[tuple[list[str], list[str]]]


def split_dev(sents: Sents, fraction: float) -> tuple[Sents, Sents]:
    """Carve the last ``fraction`` of ``sents`` off as a dev set (corpus order, no shuffling)."""
    cut = len(sents) - int(round(len(sents) * fraction))
    return sents[:cut], sents[cut:]


# WikiFANE / NewsFANE fine classes -> ANERcorp's coarse ones. Classes without an ANERcorp
# counterpart (facilities, products, weapons, vehicles, PER "Group") become O.
FINE_TO_COARSE = {
    **dict.fromkeys("Politician Religious_PER Artist Other_PER Scientist Athlete Businessperson "
                    "Engineer Lawyer Police".split(), "PER"),
    **dict.fromkeys("Nation Population-Center State-or-Province County-or-District GPE-Cluster "
                    "Continent Water-Body Land-Region-Natural".split(), "LOC"),
    **dict.fromkeys("Government Non-Governmental Commercial Educational Media Religious_ORG "
                    "Sports Entertainment Medical-Science".split(), "ORG"),
}


# Clitics WikiFANE writes as tokens of their own («و», «مقر ها»): ANERcorp keeps them on the word.
_PROCLITIC_TOKENS = frozenset("و ف ب ل ك".split())
_ENCLITIC_TOKENS = frozenset("ه ها هم هما هن ي ك كم كما كن نا".split())


def rejoin_clitics(words: list[str], labels: list[str]) -> tuple[list[str], list[str]]:
    """A WikiFANE-style sentence tokenised like ANERcorp: a separate proclitic joins the next
    word (taking that word's label), a separate pronoun suffix the previous one."""
    out_w: list[str] = []
    out_l: list[str] = []
    carry = ""
    for w, lab in zip(words, labels):
        if w in _ENCLITIC_TOKENS and out_w and not carry:
            out_w[-1] += w
            continue
        if w in _PROCLITIC_TOKENS:
            carry += w
            continue
        out_w.append(carry + w)
        out_l.append(lab)
        carry = ""
    if carry:
        out_w.append(carry)
        out_l.append("O")
    for i, lab in enumerate(out_l):  # a name whose first word was a clitic now starts later
        if lab.startswith("I-") and (i == 0 or out_l[i - 1][2:] != lab[2:]):
            out_l[i] = "B-" + lab[2:]
    return out_w, out_l


def read_fine_grained(path: Path | str, rejoin: bool = False) -> Sents:
    """Read a WikiFANE-style file (BOM, CRLF, LRM marks, fine labels) with coarse labels;
    with ``rejoin``, clitics written apart are put back on their words (:func:`rejoin_clitics`)."""
    sents = []
    for words, labels in read_conll(path, map_labels=False):
        words = [w.replace("\u200e", "").strip() or w for w in words]
        coarse = []
        for lab in labels:
            prefix, _, fine = lab.partition("-")
            typ = FINE_TO_COARSE.get(fine)
            coarse.append(prefix + "-" + typ if typ else "O")
        sents.append(rejoin_clitics(words, coarse) if rejoin else (words, coarse))
    return sents
