"""Load the speech-cue lexicon (``data/cues.tsv``) and the word classes (``data/phrases.tsv``).

Both files are data written for people to read; their header comments say what each column
or class means. Matching keys are folded with :func:`marsad.text.normalize.normalize`, so the
lexicon lists each form once, without diacritics and without a leading و/ف.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional, Union

from marsad.text.normalize import normalize

_DATA = resources.files("marsad.quotes") / "data"
PREFIXES = ("و", "ف")  # conjunctions a cue may carry: «وقال», «فأكد»
_UNSEEN = object()
_MEMO_SIZE = 500_000  # words whose match is remembered


class LexiconError(ValueError):
    """A lexicon file has a malformed line."""


@dataclass(frozen=True)
class Cue:
    """One cue form of ``cues.tsv``."""

    form: str
    lemma: str
    gender: str  # m, f, - (plural or none)
    kind: str  # direct, indirect, both, mixed
    complement: tuple[str, ...]  # alternatives: ":", "أن", "إلى", "عن", "OBJ", ...
    speaker: str  # after, inherit, before, prep
    pos: str  # perf, impf, part, noun, prep
    prefix: str = "opt"  # opt, req, none

    def allows(self, what: str) -> bool:
        return what in self.complement

    @property
    def colon_only(self) -> bool:
        """A verb that reports words only with its own colon («وعلّق X: «...»», «واختتم:»);
        elsewhere it is a verb like any other, whose subject a «بقوله/قائلا» after it speaks."""
        return self.complement == ("colon",)


@dataclass(frozen=True)
class CueMatch:
    """A cue found on one token: the lexicon entry and the prefix it carried ("" if none)."""

    cue: Cue
    prefix: str


def _rows(text: str, source: str, width: int) -> Iterable[list[str]]:
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen and cols[0] in ("form", "class"):
            header_seen = True
            continue
        if len(cols) != width:
            raise LexiconError(f"{source}:{n}: expected {width} tab-separated columns, got {len(cols)}")
        yield [c.strip() for c in cols]


def parse_cues(text: str, source: str = "cues.tsv") -> list[Cue]:
    """Parse the text of a cue file into :class:`Cue` entries."""
    out = []
    for form, lemma, gender, kind, comp, speaker, pos, prefix in _rows(text, source, 8):
        if gender not in ("m", "f", "-") or prefix not in ("opt", "req", "none"):
            raise LexiconError(f"{source}: bad gender or prefix for {form!r}")
        out.append(Cue(form, lemma, gender, kind, tuple(comp.split("|")), speaker, pos, prefix))
    return out


def parse_phrases(text: str, source: str = "phrases.tsv") -> dict[str, frozenset[str]]:
    """Parse a word-class file into ``{class: frozenset(folded words)}``."""
    classes: dict[str, set[str]] = {}
    for cls, word in _rows(text, source, 2):
        classes.setdefault(cls, set()).add(normalize(word))
    return {k: frozenset(v) for k, v in classes.items()}


class CueLexicon:
    """Cue forms and word classes, looked up by folded token."""

    def __init__(self, cues: list[Cue], phrases: dict[str, frozenset[str]]):
        self.cues = cues
        self.phrases = phrases
        self._memo: dict[str, Optional[CueMatch]] = {}
        self._bare: dict[str, Cue] = {}
        self._prefixed: dict[str, Cue] = {}
        for cue in cues:
            key = normalize(cue.form)
            if cue.prefix in ("opt", "none"):
                self._bare.setdefault(key, cue)
            if cue.prefix in ("opt", "req"):
                self._prefixed.setdefault(key, cue)

    def match(self, key: str, after_stop: bool = False) -> Optional[CueMatch]:
        """The cue carried by a folded token, with or without a leading و/ف. A form that
        needs a prefix («وبين») also counts right after a connector («كما بيّن»)."""
        if after_stop:
            return self._match(key, True)
        found = self._memo.get(key, _UNSEEN)  # every token is looked up: words repeat
        if found is _UNSEEN:
            found = self._match(key, False)
            if len(self._memo) < _MEMO_SIZE:
                self._memo[key] = found
        return found

    def _match(self, key: str, after_stop: bool) -> Optional[CueMatch]:
        if key in self.phrases.get("notcue", ()):
            return None  # «فحسب» is "only", not "and according to"
        cue = self._bare.get(key)
        if cue is None and after_stop:
            cue = self._prefixed.get(key)
        if cue is not None:
            return CueMatch(cue, "")
        if len(key) > 2 and key[0] in PREFIXES:
            cue = self._prefixed.get(key[1:])
            if cue is not None:
                return CueMatch(cue, key[0])
        return None

    def needs_connector(self, key: str) -> bool:
        """Is ``key`` a cue only after a connector (``match(key, after_stop=True)``), such as
        «وبين» read bare after «كما»? For other keys ``after_stop`` changes nothing."""
        return key in self._prefixed and key not in self._bare

    def survives_negation(self, cue: Cue) -> bool:
        """Does the cue still report a statement when negated («لم يستبعد»: class litotes)?"""
        return normalize(cue.lemma) in self.phrases.get("litotes", ())

    def speech(self, cue: Cue) -> bool:
        """Is the cue a verb of speech proper («قال», «أضاف», «تابع»: class speech)?"""
        return normalize(cue.lemma) in self.phrases.get("speech", ())

    def impersonal(self, cue: Cue) -> bool:
        """Does the cue's imperfect without a subject read as the journalist's passive
        («ويذكر أن», «يُتوقع أن»: class impersonal)?"""
        return normalize(cue.lemma) in self.phrases.get("impersonal", ())

    def is_a(self, cls: str, key: str, strip_prefix: bool = False) -> bool:
        """True when the folded word ``key`` belongs to word class ``cls``."""
        words = self.phrases.get(cls, frozenset())
        if key in words:
            return True
        return strip_prefix and len(key) > 2 and key[0] in PREFIXES and key[1:] in words


def title_words() -> frozenset[str]:
    """The folded first words of the person titles and honorifics of marsad's titles lexicon
    (``lexicon/data/titles.tsv``): the word class ``title`` («الرئيس», «وزير», «الشيخ»)."""
    from marsad.lexicon.titles import load_titles

    return frozenset(normalize(t.name.split()[0]) for t in load_titles()
                     if t.kind in ("title", "honorific"))


POSSESSIVE = ("ه", "ها", "هم", "هما", "نا")


def inflected(nouns: frozenset[str]) -> frozenset[str]:
    """Folded verbal nouns with their definite and possessive forms: «تأكيد» also as
    «التأكيد», «تأكيده», «تأكيدها»; «سعادة» (folded «سعاده») as «سعادته»."""
    out = set(nouns)
    for noun in nouns:
        if noun.startswith("ال"):
            continue
        out.add("ال" + noun)
        stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
        out.update(stem + suffix for suffix in POSSESSIVE)
    return frozenset(out)


@lru_cache(maxsize=1)
def pronominal_speakers() -> dict[str, frozenset[str]]:
    """``data/pronominal_speakers.txt``: folded honorific + pronoun («سموه», «معاليه») → the
    folded words that introduce its referent."""
    rows = (line.split("#", 1)[0].split()
            for line in (_DATA / "pronominal_speakers.txt").read_text(encoding="utf-8").splitlines())
    return {normalize(r[0]): frozenset(normalize(w) for w in r[1].split("|")) for r in rows if len(r) == 2}


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The lexicon shipped with the package; its ``title`` class comes from the titles
    lexicon, one place for the titles, and its ``pronominal`` class («سموه», «معاليه») from
    ``pronominal_speakers.txt``."""
    phrases = parse_phrases((_DATA / "phrases.tsv").read_text(encoding="utf-8"))
    phrases["pronominal"] = frozenset(pronominal_speakers())
    phrases["title"] = phrases.get("title", frozenset()) | title_words()
    phrases["objhead"] = inflected(phrases.get("objhead", frozenset()))
    phrases["renewed"] = inflected(phrases.get("renewed", frozenset()))
    return CueLexicon(parse_cues((_DATA / "cues.tsv").read_text(encoding="utf-8")), phrases)


def load_lexicon(*dirs: Union[str, Path]) -> CueLexicon:
    """The shipped lexicon plus ``cues.tsv``/``phrases.tsv`` found in user folders
    (``--lexicon DIR``); user entries are added to the shipped ones."""
    base = default_lexicon()
    cues, phrases = list(base.cues), {k: set(v) for k, v in base.phrases.items()}
    for d in dirs:
        d = Path(d)
        if (d / "cues.tsv").exists():
            cues = parse_cues((d / "cues.tsv").read_text(encoding="utf-8"), str(d / "cues.tsv")) + cues
        if (d / "phrases.tsv").exists():
            for k, v in parse_phrases((d / "phrases.tsv").read_text(encoding="utf-8")).items():
                phrases.setdefault(k, set()).update(v)
    return CueLexicon(cues, {k: frozenset(v) for k, v in phrases.items()})
