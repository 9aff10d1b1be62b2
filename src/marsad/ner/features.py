"""Token features for the CRF named-entity tagger (the hot path of tagging).

Each distinct token is turned into its features once (cached): the normalised word, affixes,
the clitic-stripped stem and its proclitic, word shape, frequency rank and distributional
clusters of the word and of its stem. A sentence then only concatenates cached lists with the
neighbours' (±2) features and adds two word bigrams.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping
from pathlib import Path

from marsad.text.normalize import normalize

# Punctuation that whitespace-split news text leaves stuck to words: «بيسكوف،» «(رويترز)».
PUNCT = ".,\u060c\u061b;:!?\u061f\"'\u00ab\u00bb()[]{}<>-\u2013\u2014\u2026/\\*|\u201c\u201d\u2018\u2019"

# Proclitic chains on the normalised word, longest first: conjunctions و ف, prepositions
# ب ل ك, the article ال, and ل + ال written «لل». «وبال» = and-with-the, «فلل» = so-for-the.
PROCLITICS = (
    "وبال", "وكال", "فبال", "وللل", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
    "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك",
)
_PROCLITIC_INITIALS = frozenset(p[0] for p in PROCLITICS)
# The proclitics by length, longest first: a word starts with at most one of each length.
_PROCLITIC_LENGTHS = tuple((n, frozenset(p for p in PROCLITICS if len(p) == n))
                           for n in sorted({len(p) for p in PROCLITICS}, reverse=True))
MIN_STEM = 2  # never leave less than two letters: «وزير» must not become «و» + «زير» alone

_CACHE_MAX = 20_000  # words; cleared when full, so memory stays bounded on endless input


def word_key(token: str) -> str:
    """The lookup key of a token: surrounding punctuation removed, then normalised
    (so «بيسكوف،» and «بيسكوف» share features). A token of punctuation only is kept as is."""
    core = token.strip(PUNCT)
    return normalize(core) if core else token


class Clusters(Mapping):
    """``word -> (rank bucket, cluster id...)`` over the lines of a clusters file, a line
    parsed when its word is looked up (loading parses none: a tagger reads a small part)."""

    def __init__(self, lines: list[str]):
        self._lines = lines
        self._index = {line[:line.find("\t")]: i for i, line in enumerate(lines)}

    def __getitem__(self, word: str) -> tuple[str, ...]:
        return self._row(self._index[word])

    def get(self, word: str, default=None):
        # (Mapping.get would raise and catch a KeyError for every unknown word.)
        i = self._index.get(word)
        return default if i is None else self._row(i)

    def _row(self, i: int) -> tuple[str, ...]:
        # The rank bucket (log2 of the frequency rank): rare words are more often names.
        return (str((i + 1).bit_length()), *self._lines[i].split("\t")[1:])

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def load_clusters(path: Path | str) -> Clusters:
    """Read a clusters file (gzip TSV, header ``#sizes``, one word and its cluster ids per
    line, most frequent first) into a :class:`Clusters` table."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if not lines[0].startswith("#sizes"):
        raise ValueError(f"{path}: not a clusters file (missing '#sizes' header)")
    return Clusters([line for line in lines[1:] if line])


def _shape(token: str, core: str) -> list[str]:
    """Orthographic features: digits, Latin letters, punctuation stuck to the word, length."""
    out = []
    if not core:
        return ["PUNCT=" + token[:2]]
    if any(c.isdigit() for c in core):
        out.append("DIG")
    if any("a" <= c <= "z" or "A" <= c <= "Z" for c in core):
        out.append("LAT")
    if token[-1] in PUNCT:
        out.append("TP=" + token[-1])
    if token[0] in PUNCT:
        out.append("LP=" + token[0])
    out.append("L=" + str(min(len(core), 9)))
    return out


class FeatureExtractor:
    """Turns a list of tokens into crfsuite item features (lists of strings).

    ``clusters`` maps a word key to ``(rank bucket, cluster ids...)`` (see :func:`load_clusters`);
    ``gazetteer`` maps a word key to a tag such as ``LOC`` for known single-word names.
    """

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: dict[str, str] | None = None):
        self.clusters = clusters or {}
        self.gazetteer = gazetteer or {}
        self._cache: dict[str, tuple] = {}

    def stem(self, key: str) -> tuple[str, str]:
        """Split a proclitic off ``key``: ``(proclitic, stem)``, or ``("", key)``.

        The longest proclitic whose remainder is a known word wins; failing that, the
        longest one that leaves at least three letters (unknown names: «وبيسكوف»)."""
        if key[:1] not in _PROCLITIC_INITIALS:
            return ("", key)
        fallback = ("", key)
        for n, these in _PROCLITIC_LENGTHS:  # the order of PROCLITICS: longest first
            p = key[:n]
            if p in these and len(key) - n >= MIN_STEM:
                rest = key[n:]
                if rest in self.clusters or rest in self.gazetteer:
                    return p, rest
                if not fallback[0] and len(rest) >= 3:
                    fallback = (p, rest)
        return fallback if key not in self.clusters else ("", key)

    def _token(self, token: str) -> tuple:
        """Features of one token: (own, as -1 neighbour, as +1, as -2, as +2, key)."""
        core = token.strip(PUNCT)
        key = normalize(core) if core else token
        feats = ["b", "w=" + key, "p2=" + key[:2], "p3=" + key[:3],
                 "s1=" + key[-1:], "s2=" + key[-2:], "s3=" + key[-3:]]
        feats += _shape(token, core)
        pfx, stem = self.stem(key) if core else ("", key)
        near = ["w=" + key]
        cl = self.clusters.get(key)
        if cl:
            feats.append("f=" + cl[0])
            feats += ["c%d=%s" % (j, c) for j, c in enumerate(cl[1:])]
            near += ["c%d=%s" % (j, c) for j, c in enumerate(cl[1:])]
        else:
            feats.append("f=oov")
            near.append("oov")
        if pfx:
            sc = self.clusters.get(stem)
            feats += ["pf=" + pfx, "st=" + stem, "sp3=" + stem[:3], "ss2=" + stem[-2:]]
            near += ["pf=" + pfx, "st=" + stem]
            if sc:
                feats.append("sf=" + sc[0])
                feats += ["sc%d=%s" % (j, c) for j, c in enumerate(sc[1:])]
                near += ["sc%d=%s" % (j, c) for j, c in enumerate(sc[1:])]
        gz = self.gazetteer.get(stem) or self.gazetteer.get(key)
        if gz:
            feats.append("gz=" + gz)
            near.append("gz=" + gz)
        far = ["w=" + key] + ([f for f in near if f.startswith(("c1", "sc1"))])
        return (feats, ["-1" + f for f in near], ["+1" + f for f in near],
                ["-2" + f for f in far], ["+2" + f for f in far], key)

    def sequence(self, words: list[str]) -> list[list[str]]:
        """Features of every token of a sentence, neighbours included."""
        cache = self._cache
        if len(cache) > _CACHE_MAX:
            cache.clear()
        toks = []
        for w in words:
            t = cache.get(w)
            if t is None:
                t = cache[w] = self._token(w)
            toks.append(t)
        n = len(toks)
        out = []
        for i, t in enumerate(toks):
            f = t[0] + (toks[i - 1][1] if i > 0 else ["BOS"])
            if i > 1:
                f += toks[i - 2][3]
            if i + 1 < n:
                f += toks[i + 1][2]
                f.append("bg+=" + t[5] + "|" + toks[i + 1][5])
            else:
                f.append("EOS")
            if i + 2 < n:
                f += toks[i + 2][4]
            if i > 0:
                f.append("bg-=" + toks[i - 1][5] + "|" + t[5])
            out.append(f)
        return out


def add_stacked(feats: list[list[str]], labels: list[str]) -> list[list[str]]:
    """Append an auxiliary tagger's labels (own and ±1) to each token's features, in place."""
    n = len(labels)
    for i, f in enumerate(feats):
        f.append("ax=" + labels[i])
        f.append("ax-1=" + (labels[i - 1] if i else "BOS"))
        f.append("ax+1=" + (labels[i + 1] if i + 1 < n else "EOS"))
    return feats
