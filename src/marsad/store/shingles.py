"""Near-duplicate signatures: 5-word shingles of an article's folded text and their MinHash.

The text is folded as search folds it (:func:`marsad.store.search.search_fold`: diacritics,
tatweel, alef and hamza forms, ta marbuta, digits), so two copies of an agency story that
differ only in spelling share their shingles. A shingle is five words in a row; the
signature is a MinHash of the set of shingles (``datasketch``, :data:`NUM_PERM` values of 32
bits, kept in the store as bytes). Two signatures agree on a share of their values that
estimates the Jaccard similarity of the two sets.
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import Optional

import numpy as np
from datasketch import MinHash

from marsad.store.search import search_fold

SHINGLE = 5  # words per shingle
NUM_PERM = 128  # MinHash values per signature: the Jaccard estimate's error is about 0.04
SEED = 1
SCHEME = "affine32"  # datasketch's 32-bit affine permutations (fixed: signatures are stored)
_WORD = re.compile(r"\w+")
_MULT = np.uint64(1_000_003)


def words(text: Optional[str]) -> list[str]:
    """The folded words of ``text`` (letters and digits; punctuation dropped)."""
    return _WORD.findall(search_fold(text or ""))


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


def shingles(text: Optional[str], size: int = SHINGLE) -> set[str]:
    """The set of ``size``-word shingles of ``text`` (a text shorter than ``size`` words is
    one shingle of all its words; an empty text has none). For checks and benchmarks:
    signatures hash the same shingles without building the strings."""
    ws = words(text)
    if len(ws) < size:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + size]) for i in range(len(ws) - size + 1)}


def shingle_hashes(text: Optional[str], size: int = SHINGLE) -> np.ndarray:
    """One 32-bit hash per distinct shingle of ``text`` (as :func:`shingles` cuts them),
    combined from the CRC-32 of each word: uint64 values below 2**32."""
    wh = np.array(list(map(_word_hash, words(text))), dtype=np.uint64)
    n = len(wh)
    if n == 0:
        return wh
    width = min(size, n)
    h = np.zeros(n - width + 1, dtype=np.uint64)
    for j in range(width):  # a polynomial over the words' hashes, wrapping at 2**64
        h = h * _MULT + wh[j:n - width + 1 + j]
    return np.unique((h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF))


def _identity(value):
    return value


# One MinHash for its permutations only (datasketch draws them from SEED): every signature
# is made with the same ones.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, scheme=SCHEME)


def signature(text: Optional[str]) -> np.ndarray:
    """The MinHash signature of ``text``'s shingles: :data:`NUM_PERM` uint32 values (all at
    the maximum for a text without words)."""
    return sketch(text)[0]


def sketch(text: Optional[str]) -> tuple[np.ndarray, int]:
    """``(signature, number of distinct shingles)`` of ``text``."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, scheme=SCHEME,
                permutations=_TEMPLATE.permutations)
    hashes = shingle_hashes(text)
    if len(hashes):
        m.update_batch(hashes.tolist())
    return m.hashvalues.astype(np.uint32), len(hashes)


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as stored (little-endian uint32)."""
    return sig.astype("<u4").tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    """A stored signature back as a uint32 array."""
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two texts' shingle sets, estimated from their signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def jaccard(a: set, b: set) -> float:
    """The exact Jaccard similarity of two sets (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
