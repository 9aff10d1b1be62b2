"""Known names for the neural tagger: a list of multi-word and single-word names by type,
matched over a sentence (longest first) to give each token a name-list tag.

Most ANERcorp test names never occur in its training data; lists of person, place and
organisation names (ANETAC, world cities, WikiFANE's annotated names) cover about a third of
them. The network sees, per token, whether it starts, continues or alone forms a listed name
and of which types, and learns from context how far to trust that.

The file (``names.tsv.gz``, built at training time by :func:`marsad.training.ner.names.build`)
holds one name per line: its word keys (:func:`marsad.ner.features.word_key`) joined by
spaces, a tab, its types (``PER``, ``LOC``, ``ORG``, comma-separated).
"""
from __future__ import annotations

import gzip
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
