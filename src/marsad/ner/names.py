"""Known names for the neural tagger: a list of multi-word and single-word names by type,
matched over a sentence (longest first) to give each token a name-list tag.

Most ANERcorp test names never occur in its training data; lists of person, place and
organisation names (ANETAC, world cities, WikiFANE's annotated names) cover about a third of
them. The network sees, per token, whether it starts, continues or alone forms a listed name
and of which types, and learns from context how far to trust that.

The file (``names.tsv.gz``, built by :func:`build` at training time) holds one name per line:
its word keys (:func:`marsad.ner.features.word_key`) joined by spaces, a tab, its types
(``PER``, ``LOC``, ``ORG``, comma-separated).
"""
from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable
from pathlib import Path

from marsad.ner.features import word_key

NAMES_FILE = "names.tsv.gz"
# NAME: an actor of a PETRARCH dictionary, person or group (the format does not say which).
TYPES = ("PER", "LOC", "ORG", "NAME")
MAX_WORDS = 5          # longer names are not listed
# Tag ids: 0 = padding, 1 = no listed name; then 2 + position * MASKS + type mask, position 0
# for a one-word name, 1 for the first word of a longer one, 2 for a later word.
MASKS = 1 << len(TYPES)
N_TAGS = 2 + 3 * MASKS
_CACHE_MAX = 50_000    # tokens whose key and name-start forms are kept


class NameList:
    """``key words -> type mask`` (bit i = TYPES[i]); :meth:`tags` matches it over tokens.

    ``stem(key)`` gives ``(proclitic, stem)``; a name's first word may carry a proclitic
    («ولرامسفيلد»), so its stem is tried too."""

    def __init__(self, names: dict[str, int], stem=None):
        self.names = names
        self.stem = stem
        # the first words (1, 2, ...) of longer names: a match grows while it is a name or
        # such a prefix (whole names are not repeated here: memory)
        self.prefixes = {" ".join(words[:j]) for words in map(str.split, names)
                         for j in range(1, len(words))}
        self._tokens: dict[str, tuple[str, tuple[str, ...]]] = {}  # token -> key, heads

    @classmethod
    def load(cls, path: Path | str, stem=None) -> "NameList":
        names: dict[str, int] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                key, _, types = line.rstrip("\n").partition("\t")
                names[key] = sum(1 << TYPES.index(t) for t in types.split(","))
        return cls(names, stem)

    def starts(self, key: str, stem: str) -> tuple[str, ...]:
        """The forms of a word (its key, its proclitic-stripped stem) a listed name may start with."""
        forms = (key,) if stem == key else (key, stem)
        return tuple(f for f in forms if f in self.prefixes or f in self.names)

    def _token(self, token: str) -> tuple[str, tuple[str, ...]]:
        found = self._tokens.get(token)
        if found is None:
            key = word_key(token)
            stem = self.stem(key)[1] if self.stem is not None else key
            if len(self._tokens) >= _CACHE_MAX:
                self._tokens.clear()
            found = self._tokens[token] = key, self.starts(key, stem)
        return found

    def tags(self, tokens: list[str]) -> list[int]:
        """Tag ids (see ``N_TAGS``) for the tokens of a sentence (see :meth:`match`)."""
        return self.match([self._token(t) for t in tokens])

    def match(self, seen: list[tuple[str, tuple[str, ...]]]) -> list[int]:
        """Tag ids for a sentence given as (word key, :meth:`starts`) per token: at each
        position the longest listed name starting there (first word as written or its stem)
        is taken and the scan goes on after it."""
        n = len(seen)
        out = [1] * n
        names, prefixes = self.names, self.prefixes
        free = 0  # the first position not inside a name taken already
        for i in [i for i, entry in enumerate(seen) if entry[1]]:  # words a name may start with
            if i < free:
                continue
            size = mask = 0
            for head in seen[i][1]:
                key, j = head, i + 1
                while True:
                    m = names.get(key)
                    if m and j - i > size:
                        size, mask = j - i, m
                    if j == n:
                        break
                    key = key + " " + seen[j][0]
                    if key not in prefixes and key not in names:
                        break
                    j += 1
            if size == 1:
                out[i] = 2 + mask
            elif size:
                out[i] = 2 + MASKS + mask
                for k in range(i + 1, i + size):
                    out[k] = 2 + 2 * MASKS + mask
            free = i + size
        return out


def name_key(name: str) -> str:
    return " ".join(word_key(w) for w in name.split())


def _arabic(word: str) -> bool:
    return any("\u0621" <= c <= "\u064a" for c in word)


def read_anetac(path: Path) -> Iterable[tuple[str, str]]:
    """(name, type) of an ANETAC-style file (``CLASS English... Arabic...`` per line); its
    ORGANIZATION entries are brand and club names unlike ANERcorp's ORGs: left out."""
    types = {"PERSON": "PER", "LOCATION": "LOC"}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            typ = types.get(parts[0]) if len(parts) >= 3 else None
            arabic = [w for w in parts[1:] if _arabic(w)]
            if typ and arabic:
                yield " ".join(arabic), typ


def read_cities(path: Path) -> Iterable[tuple[str, str]]:
    """(name, "LOC") of the cities and countries of a world-cities CSV (Arabic columns)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            for col in ("CityNameAr", "CountryNameAr"):
                if row.get(col):
                    yield row[col], "LOC"


def read_annotated(path: Path) -> Iterable[tuple[str, str]]:
    """(name, type) of the PER/LOC/ORG mentions of a WikiFANE-style corpus."""
    from marsad.ner.train import read_fine_grained

    for words, labels in read_fine_grained(path, rejoin=True):
        i = 0
        while i < len(words):
            if labels[i].startswith("B-"):
                typ = labels[i][2:]
                j = i + 1
                while j < len(words) and labels[j] == "I-" + typ:
                    j += 1
                yield " ".join(words[i:j]), typ
                i = j
            else:
                i += 1


def read_petrarch(path: Path) -> Iterable[tuple[str, str]]:
    """(name, "NAME") of a PETRARCH actor dictionary's entries."""
    from marsad.lexicon.petrarch import load_petrarch

    for actor in load_petrarch(path):
        for name in actor.names:
            yield name, "NAME"


def read_lexicon() -> Iterable[tuple[str, str]]:
    """(name, type) of marsad's own lexicon: people, organisations, places (facilities as
    LOC, as ANERcorp has them), countries; weak names (also common words) left out."""
    from marsad.lexicon.loader import Lexicon
    from marsad.lexicon.matcher import name_key as lexicon_key

    lex = Lexicon.load()
    for actor in (*lex.people, *lex.organizations):
        for name in actor.names:
            if not actor.is_weak(lexicon_key(name)):
                yield name, actor.label
    for place in lex.places:
        if "weak" not in place.flags:
            for name in place.names:
                yield name, "LOC"
    for country in lex.countries:
        if country.kind == "name" and "homograph" not in country.flags:
            yield country.name, "LOC"


def build(out: Path, anetac: list[Path], cities: list[Path], annotated: list[Path],
          petrarch: list[Path] = (), lexicon: bool = False) -> int:
    """Write the names file from the given sources; returns the number of names."""
    found: dict[str, set[str]] = {}
    sources = [*(read_anetac(p) for p in anetac), *(read_cities(p) for p in cities),
               *(read_annotated(p) for p in annotated), *(read_petrarch(p) for p in petrarch)]
    if lexicon:
        sources.append(read_lexicon())
    for source in sources:
        for name, typ in source:
            key = name_key(name)
            if key and typ in TYPES and len(key.split()) <= MAX_WORDS and _arabic(key):
                found.setdefault(key, set()).add(typ)
    text = "".join(f"{key}\t{','.join(t for t in TYPES if t in found[key])}\n" for key in sorted(found))
    # no file name or time in the gzip header: the same sources give the same bytes
    with open(out, "wb") as raw, \
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    return len(found)
