"""Build the name list the neural tagger reads (:mod:`marsad.ner.names`): names by type from
ANETAC, world-cities lists, WikiFANE-style annotated corpora, PETRARCH actor dictionaries and
marsad's own lexicon (``marsad train neural names``)."""
from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable
from pathlib import Path

from marsad.ner.features import word_key
from marsad.ner.names import MAX_WORDS, TYPES
from marsad.training.ner.corpora import read_fine_grained


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
