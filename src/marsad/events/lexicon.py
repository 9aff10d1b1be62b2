"""The event lexicon: trigger words (``data/triggers.tsv``) and marker words
(``data/markers.tsv``), loaded once into lookup tables keyed by normalised word forms.

Verbs are written once (3ms perfect and imperfect) and inflected here; nouns get «ال», the
accusative and the dual. Proclitics and pronoun suffixes are not generated: the matcher
(:mod:`marsad.events.trigger`) strips them from the text instead.
Users' folders may hold their own ``triggers.tsv`` / ``markers.tsv``: their rows are added;
and PETRARCH verb dictionaries (``*.verbs.txt``, :mod:`marsad.events.petrarch`): their verbs
and patterns are added where the rows above do not already know the verb.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.events.petrarch import KEEP_FLAGS, Known, PetrarchError, load_verb_dictionary, verb_dictionaries
from marsad.errors import MarsadError
from marsad.model import EVENT_TYPES
from marsad.events.words import SUFFIXES, readings
from marsad.text.normalize import normalize

PLOVER_TYPES = frozenset(EVENT_TYPES)
FLAGS = frozenset("symmetric unilateral no3ms noimpf embed needtarget speaker personobj".split())
FLAGS = FLAGS | {"thingobj"}  # a welcome to a person is hospitality (session 15, events20)
MARKER_KINDS = frozenset(
    "negation halt conditional modal denial speech announce locative delegate force skip boundary light stop numeral sport measure idiom reticence receive people backing terror statement figurative occurrence daytime blame topic obligation consequence necessity duty asfor demonstrative deedforce deedpact office".split()
)
# rows of these kinds are verbs: their inflected forms are filed under the kind named
VERB_MARKERS = {"modalverb": "modal", "haltverb": "halt", "blameverb": "blame", "topicverb": "topic"}
MARKER_ROW_KINDS = MARKER_KINDS | frozenset(VERB_MARKERS)
_DATA = resources.files("marsad.events") / "data"

# Tense/person of a generated form: the coder reads negation, modality and the speaker
# from it. perf/impf/fut are 3rd person; perf1/impf1 are 1st person («دعمنا», «نريد»).
PERF, IMPF, FUT, PERF1, IMPF1, NOUN = "perf", "impf", "fut", "perf1", "impf1", "noun"
PART = "part"  # an active participle after the main clause («، داعيا الكونغرس إلى»)


class EventLexiconError(MarsadError, ValueError):
    """A row of an event lexicon file cannot be read; the message names file and line."""


@dataclass(frozen=True)
class TriggerEntry:
    """One row of ``triggers.tsv``."""

    kind: str  # verb | noun | phrase
    ar: str
    then: tuple[tuple[bool, frozenset[str]], ...]  # slots: (may skip words, keys)
    type: str
    mode: str | None
    target: tuple[str, ...]
    flags: frozenset[str]
    en: str
    words: tuple[str, ...] = ()  # phrase: keys of the words after the first

    @property
    def symmetric(self) -> bool:
        return "symmetric" in self.flags


@dataclass(frozen=True)
class Form:
    """A trigger entry reachable from one word form, with what the form says."""

    entry: TriggerEntry
    tense: str


@dataclass(frozen=True)
class EventLexicon:
    forms: dict[str, tuple[Form, ...]]  # normalised word form -> entries
    markers: dict[str, frozenset[str]]  # kind -> normalised words (or phrases)
    light: dict[str, str]  # normalised light-verb form -> tense
    notes: tuple[str, ...] = ()  # what was read from PETRARCH verb dictionaries, per file
    honorifics: dict[str, frozenset[str]] = field(default_factory=dict)  # «سموه» -> ranks (normalised)
    _memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _shared: dict[frozenset[str], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def lookup(self, key: str) -> tuple[Form, ...]:
        return self.forms.get(key, ())

    def is_(self, kind: str, key: str) -> bool:
        return key in self.markers.get(kind, ())

    def kinds_of(self, key: str) -> frozenset[str]:
        """Marker kinds of a word under any of its readings (memoised per word key); light
        verbs count as the kind "light"."""
        found = self._memo.get(key)
        if found is None:
            rs = readings(key)
            found = frozenset([k for k, words in self.markers.items() if not rs.isdisjoint(words)]
                              + (["light"] if any(r in self.light for r in rs) else []))
            # One object per combination of kinds (a dozen), not one per word: the memo
            # then holds no containers for the garbage collector to walk.
            found = self._shared.setdefault(found, found)
            if len(self._memo) < 500_000:
                self._memo[key] = found
        return found


def _read(path, required: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    """Rows of a TSV file with '#' comments and a header line."""
    header: list[str] | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise EventLexiconError(f"{path}:{n}: header lacks columns {missing}")
            continue
        row = {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)}
        yield n, {k: ("" if v == "-" else v) for k, v in row.items()}


def _slot(text: str) -> tuple[bool, frozenset[str]]:
    skip = text.startswith("~")
    return skip, frozenset(normalize(w) for w in text.lstrip("~").split("|") if w)


def _entry(row: dict[str, str], where: str) -> TriggerEntry:
    kind, typ = row["kind"], row["type"]
    if kind not in ("verb", "noun", "phrase", "participle"):
        raise EventLexiconError(f"{where}: kind {kind!r} is not verb, noun, phrase or participle")
    if typ not in PLOVER_TYPES:
        raise EventLexiconError(f"{where}: {typ!r} is not a PLOVER type")
    flags = frozenset(f for f in row.get("flags", "").split(",") if f)
    if flags - FLAGS:
        raise EventLexiconError(f"{where}: unknown flags {sorted(flags - FLAGS)}")
    words = tuple(normalize(w) for w in row["ar"].split()) if kind == "phrase" else ()
    return TriggerEntry(
        kind=kind, ar=row["ar"], type=typ, mode=row.get("mode") or None, flags=flags,
        then=tuple(_slot(s) for s in row.get("then", "").split()),
        target=tuple(normalize(t) if t not in ("obj", "gen") else t for t in row.get("target", "").split()),
        en=row.get("en", ""), words=words[1:],
    )


def verb_forms(perfect: str, imperfect: str | None) -> list[tuple[str, str]]:
    """(normalised form, tense) of a verb from its 3ms perfect and imperfect: feminine,
    dual and plural, 1st person, and the future with «س»."""
    p = normalize(perfect)
    out = [(p, PERF)]
    if p.endswith("ي"):  # defective: التقى → التقت، التقيا، التقوا، التقينا
        s = p[:-1]
        out += [(s + "ت", PERF), (s + "تا", PERF), (s + "يا", PERF), (s + "وا", PERF),
                (s + "ينا", PERF1), (s + "يت", PERF1)]
    elif p.endswith("ا") and not perfect.endswith(("أ", "ء")):  # defective: دعا → دعت، دعوا، دعونا
        # (not a hamza that normalises to «ا»: بدأ → بدأت، هنأ → هنأت, as a sound verb)
        s = p[:-1]
        out += [(s + "ت", PERF), (s + "تا", PERF), (s + "وا", PERF), (s + "ونا", PERF1)]
    else:
        out += [(p + "ت", PERF), (p + "تا", PERF), (p + "ا", PERF), (p + "وا", PERF),
                (p + "نا", PERF1)]
        if len(p) == 3 and p[1] == "ا":  # hollow: زار → زرنا، زرت
            out += [(p[0] + p[2] + "نا", PERF1), (p[0] + p[2] + "ت", PERF1)]
    if imperfect:
        c = normalize(imperfect)[1:]
        # defective يلتقي → يلتقون، يدعو → يدعون: the plural drops the last letter
        plural_core = c[:-1] if c.endswith(("ي", "و")) else c
        for pre, tense in (("ي", IMPF), ("ت", IMPF), ("ن", IMPF1), ("ا", IMPF1)):
            out.append((pre + c, tense))
        for pre in ("ي", "ت"):
            out += [(pre + c + "ان", IMPF), (pre + plural_core + "ون", IMPF),
                    (pre + plural_core + "وا", IMPF)]
        out += [("س" + f, FUT) for f, t in list(out) if t in (IMPF, IMPF1)]
    return out


@lru_cache(maxsize=None)
def numbered_forms(ar: str) -> frozenset[str]:
    """The dual and plural 3rd-person forms of a verb row («استهدفا», «هاجموا», «يتهمون»):
    Arabic puts their subject before them (a verb before its subject stays singular)."""
    parts = ar.split()
    perfect, imperfect = parts[0], parts[1] if len(parts) > 1 else None
    single = {normalize(perfect), normalize(perfect)[:-1] + "ت", normalize(perfect) + "ت"}
    if imperfect:
        single |= {"ي" + normalize(imperfect)[1:], "ت" + normalize(imperfect)[1:]}
    return frozenset(f for f, tense in verb_forms(perfect, imperfect)
                     if tense in (PERF, IMPF) and f not in single)


def noun_forms(noun: str) -> list[str]:
    """Normalised forms of a noun: bare, with «ال», accusative «ـا», dual."""
    n = normalize(noun)
    forms = [n]
    if n.endswith("ه"):  # ta marbuta: زيارة → زيارتان، زيارتين
        forms += [n[:-1] + "تان", n[:-1] + "تين"]
    elif not n.endswith(("ات", "ء", "ي", "ا")):
        forms += [n + "ا", n + "ان", n + "ين"]
    elif n.endswith("ء"):
        forms += [n + "ا"]
    return forms + ["ال" + f for f in forms]


def _forms_of(entry: TriggerEntry) -> list[tuple[str, str]]:
    if entry.kind == "phrase":
        return [(normalize(entry.ar.split()[0]), NOUN)]
    if entry.kind == "noun":
        return [(f, NOUN) for n in entry.ar.split("|") for f in noun_forms(n)]
    if entry.kind == "participle":
        return [(normalize(w), PART) for w in entry.ar.split("|")]
    parts = entry.ar.split()
    forms = verb_forms(parts[0], parts[1] if len(parts) > 1 and "noimpf" not in entry.flags else None)
    if "no3ms" in entry.flags:
        forms = forms[1:]
    return forms


def _marker_verb_forms(ar: str) -> set[str]:
    """The forms of a marker verb row «perfect imperfect»; a perfect written «-» leaves the
    perfect out («- يسعى»: «وسعت» is "expanded", not «و» + «سعت» "sought")."""
    perfect, _, imperfect = ar.partition(" ")
    if perfect == "-":
        return {form for form, tense in verb_forms("-", imperfect.strip()) if tense not in (PERF, PERF1)}
    return {form for form, _ in verb_forms(perfect, imperfect.strip() or None)}


def _files(name: str, extra_dirs: tuple[Path, ...]) -> list:
    return [_DATA / name] + [d / name for d in extra_dirs if (d / name).is_file()]


@lru_cache(maxsize=8)
def _load(extra_dirs: tuple[Path, ...]) -> EventLexicon:
    forms: dict[str, list[Form]] = {}
    for path in _files("triggers.tsv", extra_dirs):
        for n, row in _read(path, ("kind", "ar", "type", "target")):
            entry = _entry(row, f"{path}:{n}")
            for form, tense in _forms_of(entry):
                bucket = forms.setdefault(form, [])
                if not any(f.entry == entry for f in bucket):
                    bucket.append(Form(entry, tense))
    markers: dict[str, set[str]] = {}
    light: dict[str, str] = {}
    for path in _files("markers.tsv", extra_dirs):
        for n, row in _read(path, ("kind", "ar")):
            kind = row["kind"]
            if kind not in MARKER_ROW_KINDS:
                raise EventLexiconError(f"{path}:{n}: unknown marker kind {kind!r}")
            if kind == "light":
                parts = row["ar"].split()
                found = verb_forms(parts[0], parts[1] if len(parts) > 1 else None)
                light.update(found)
                # a geminate's short perfect under a pronoun suffix («الهجوم الذي شنه»,
                # «شنها»): too short for the suffix readings of words.py
                light.update((form + suf, tense) for form, tense in found if len(form) == 2 for suf in SUFFIXES)
            elif kind in VERB_MARKERS:
                markers.setdefault(VERB_MARKERS[kind], set()).update(_marker_verb_forms(row["ar"]))
            else:
                markers.setdefault(kind, set()).add(" ".join(normalize(row["ar"]).split()))
    notes = _add_petrarch(forms, markers, light, extra_dirs)
    honorifics: dict[str, frozenset[str]] = {}
    for path in _files("honorifics.tsv", extra_dirs):
        for n, row in _read(path, ("ar", "ranks")):
            ranks = frozenset(normalize(w) for w in row["ranks"].split())
            if not ranks:
                raise EventLexiconError(f"{path}:{n}: honorific {row['ar']!r} has no ranks")
            honorifics[normalize(row["ar"])] = honorifics.get(normalize(row["ar"]), frozenset()) | ranks
    return EventLexicon(
        forms={k: tuple(v) for k, v in forms.items()},
        markers={k: frozenset(v) for k, v in markers.items()},
        light=light,
        notes=notes,
        honorifics=honorifics,
    )


def _add_petrarch(forms: dict[str, list[Form]], markers: dict[str, set[str]], light: dict[str, str],
                  extra_dirs: tuple[Path, ...]) -> tuple[str, ...]:
    """Add the rows of the PETRARCH verb dictionaries in ``extra_dirs`` to ``forms``. A verb
    or form the rows already loaded or the marker words know is left to them; rows that
    name no target preposition take those of the loaded verbs of their type."""
    paths = [p for d in extra_dirs for p in verb_dictionaries(d)]
    if not paths:
        return ()
    known = Known(triggers=set(forms),
                  markers=set(light) | {w for words in markers.values() for w in words if " " not in w},
                  defaults=_type_defaults(f.entry for bucket in forms.values() for f in bucket))
    reserved = set(known.triggers) | set(known.markers)
    notes = []
    for path in paths:
        try:
            book = load_verb_dictionary(path, known)
        except PetrarchError as exc:
            raise EventLexiconError(str(exc)) from None
        left: set[str] = set()
        for n, row in book.rows:
            entry = _entry(row, f"{path}:{n}")
            for form, tense in _forms_of(entry):
                if form in reserved:
                    left.add(form)  # «يعمل» of PETRARCH's «عمل» may be a curated trigger's form
                    continue
                bucket = forms.setdefault(form, [])
                if not bucket or bucket[-1].entry is not entry:
                    bucket.append(Form(entry, tense))
        if left:
            book.counts["inflected forms the loaded lexicon already has: left to it"] = len(left)
        notes.append(book.summary())
        logging.getLogger(__name__).info("%s", notes[-1])
    return tuple(notes)


def _type_defaults(entries: Iterable[TriggerEntry]) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """PLOVER type -> (target specs of its verb triggers, commonest first; the flags most
    of them carry among ``KEEP_FLAGS``)."""
    specs: dict[str, Counter] = {}
    flags: dict[str, Counter] = {}
    count: Counter = Counter()
    for e in {id(e): e for e in entries if e.kind == "verb"}.values():
        count[e.type] += 1
        specs.setdefault(e.type, Counter()).update(e.target)
        flags.setdefault(e.type, Counter()).update(e.flags & set(KEEP_FLAGS))
    return {t: (tuple(s for s, _ in specs[t].most_common()),
                tuple(f for f, c in flags[t].items() if 2 * c > count[t])) for t in count}


def load_event_lexicon(extra_dirs: Iterable[Path | str] = ()) -> EventLexicon:
    """The shipped event lexicon plus the rows of ``extra_dirs`` (built once per list)."""
    return _load(tuple(Path(d).resolve() for d in extra_dirs))
