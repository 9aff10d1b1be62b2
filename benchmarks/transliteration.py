"""How close marsad's English spelling of Arabic names comes to a reference spelling.

    python benchmarks/transliteration.py [--anetac ../shared/data/anetac/EN-AR_Named-entities.txt]
                                         [--n 2000] [--seed 7] [--examples 20]

Measures ``marsad.entities.english.transliterate`` against a naive letter-by-letter
mapping on two sets:

* ANETAC (Hadj Ameur et al. 2017): ``--n`` PERSON pairs drawn at random with a fixed seed
  from the English–Arabic named-entity list (one word each, mostly foreign names). Used
  only to measure: nothing from it goes into marsad's data.
* marsad's own lexicon (``lexicon/data/people.tsv``): the first Arabic name of each person
  against its ``name_en``: full names as Arabic news writes them.

Scores: exact match (case-insensitive, ignoring hyphens, spaces and apostrophes) and mean
character error rate (edit distance / length of the reference, on the same normalised
strings). Also the share of names whose every word came from the word table (the rest is
spelled by rule), and the time per name with cold and warm caches.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from marsad.entities import english
from marsad.entities.english import transliterate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ANETAC = ROOT.parent / "shared" / "data" / "anetac" / "EN-AR_Named-entities.txt"
PEOPLE = ROOT / "src" / "marsad" / "lexicon" / "data" / "people.tsv"

# The naive baseline: one fixed Latin string per letter, no table, no vowel rules.
NAIVE = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u", "ي": "i",
    "ى": "a", "ة": "a", "ء": "", "ئ": "", "ؤ": "",
}


def naive(name: str) -> str:
    """Letter-by-letter spelling of an Arabic name, words capitalised."""
    words = ("".join(NAIVE.get(ch, "") for ch in w) for w in name.split())
    return " ".join(w.capitalize() for w in words if w)


def norm(text: str) -> str:
    """Lower case without hyphens, spaces and apostrophes: the form that is compared."""
    return re.sub(r"[\s\-'’`]", "", text.lower())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def score(pairs: list[tuple[str, str]], spell) -> tuple[float, float]:
    """(exact-match rate, mean CER) of ``spell`` over (english, arabic) pairs."""
    exact, cer = 0, 0.0
    for en, ar in pairs:
        got, want = norm(spell(ar)), norm(en)
        exact += got == want
        cer += edit_distance(got, want) / max(len(want), 1)
    return exact / len(pairs), cer / len(pairs)


def from_table(name: str) -> bool:
    """Whether every Arabic word of a name is in marsad's word table."""
    table = english._table()
    words = [w.translate(english._FOLD) for w, latin in english._tokens(name) if not latin]
    return bool(words) and all(w in table for w in words)


def anetac_pairs(path: Path, n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` distinct PERSON (english, arabic) pairs drawn with ``seed``."""
    pairs = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "PERSON":
                pairs.add((parts[1], parts[2]))
    pool = sorted(pairs)
    return random.Random(seed).sample(pool, min(n, len(pool)))


def people_pairs() -> list[tuple[str, str]]:
    """(name_en, first Arabic name) for each person row of the lexicon that has names."""
    out = []
    for line in PEOPLE.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2 or cells[0] in ("", "names"):
            continue
        out.append((cells[1], cells[0].split("|")[0].rstrip("?")))
    return sorted(set(out))


def timing(names: list[str]) -> tuple[float, float, float]:
    """Microseconds per name: with empty caches (table loaded once before), with the word
    cache warm but each name new to the name cache, and with both warm."""
    english._table()

    def per_name(clear) -> float:
        best = float("inf")
        for _ in range(3):
            for cache in clear:
                cache.cache_clear()
            t0 = time.perf_counter()
            for name in names:
                transliterate(name)
            best = min(best, time.perf_counter() - t0)
        return best / len(names) * 1e6

    return (per_name((english._transliterate, english._word)),
            per_name((english._transliterate,)), per_name(()))


def report(title: str, pairs: list[tuple[str, str]], examples: int) -> None:
    ex_m, cer_m = score(pairs, transliterate)
    ex_n, cer_n = score(pairs, naive)
    known = sum(from_table(ar) for _, ar in pairs) / len(pairs)
    rule = [p for p in pairs if not from_table(p[1])]
    ex_r, cer_r = score(rule, transliterate) if rule else (float("nan"),) * 2
    cold, new_name, warm = timing([ar for _, ar in pairs])
    print(f"\n## {title}: {len(pairs)} names, {known:.1%} wholly from the word table")
    print(f"{'':24}{'exact':>8}{'CER':>8}")
    print(f"{'marsad':24}{ex_m:8.1%}{cer_m:8.3f}")
    print(f"{'marsad, rule-only names':24}{ex_r:8.1%}{cer_r:8.3f}   ({len(rule)} names)")
    print(f"{'naive letter map':24}{ex_n:8.1%}{cer_n:8.3f}")
    print(f"time per name: {cold:.1f} µs with empty caches, {new_name:.1f} µs for a new name "
          f"of known words, {warm:.2f} µs for a repeated name")
    for en, ar in pairs[:examples]:
        print(f"  {ar:28} {transliterate(ar):28} {naive(ar):24} ref: {en}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--anetac", type=Path, default=DEFAULT_ANETAC)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--examples", type=int, default=20)
    args = ap.parse_args()
    if not args.anetac.is_file():
        sys.exit(f"ANETAC list not found at {args.anetac}: pass --anetac PATH "
                 "(the EN-AR_Named-entities.txt file of the ANETAC repository)")
    report(f"ANETAC PERSON sample (seed {args.seed})",
           anetac_pairs(args.anetac, args.n, args.seed), args.examples)
    report("marsad lexicon people.tsv", people_pairs(), args.examples)


if __name__ == "__main__":
    main()
