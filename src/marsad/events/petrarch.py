"""Reading PETRARCH verb dictionaries (CAMEO verb patterns) as rows of the event lexicon.

A PETRARCH verb dictionary (as in UniversalPetrarch's ``CAMEO.ar.0.4.txt``) has synonym
sets, then verb blocks::

    &MILITARY                    a synonym set: «+member» lines follow
    +جيش_
    --- طلب [---] ---            a block: its lemma and code ([---]: none)
    طلب             [020]        verbs, each with its own code or the block's;
    ندد+ب                        «+» joins a particle: «ندد+ب» denounce (someone)
    - * مساعدة [020]             patterns: words before «*» precede the verb, words after
    - * (ل &MILITARY) [0234]     follow it; (prep noun) a prepositional phrase, {a b} a
    - $ * (مع +) [045]           compound, &SET any member, «+» the target, «$» the source

Every pattern applies to every verb of its block, as in PETRARCH. Each verb and each
pattern becomes a ``triggers.tsv`` row (kind ``verb``; the columns of
``marsad.events.lexicon``): the verb's perfect and a guessed imperfect, the words after it as
companion slots («~» each: up to two words may come between), the preposition that
introduces the target (a pattern's «(مع +)» or «(ل)», a verb's particle), and the PLOVER
type and mode of its CAMEO code from ``data/cameo_plover.tsv``. What a row cannot say is
dropped and counted, never guessed: words before the verb, source phrases, the nouns of a
target phrase, members of a synonym set after their first word. Verbs with codes of
different PLOVER types in different blocks keep their patterns but lose their bare rows
(PETRARCH could not choose either). Unbalanced brackets and undefined synonym sets skip
the pattern. Errors of structure (a pattern outside a block, no «*», no [CODE]) raise
:class:`PetrarchError` naming file and line.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.events.petrarch_patterns import (CLITICS, CODE, PREPOSITIONS, Phrase, PetrarchError, Skip,
                                             alternatives, parse_code, translate)
from marsad.text.normalize import normalize

VERB_GLOB = "*.verbs.txt"  # PETRARCH verb dictionaries in users' --lexicon folders
_MAPPING = resources.files("marsad.events") / "data" / "cameo_plover.tsv"

# Lemmas spelt like a preposition or adverb («حول» about / attempt, «بعد» after / distance):
# PETRARCH tells them apart by a part-of-speech tagger, marsad's matcher cannot.
FUNCTION_WORDS = PREPOSITIONS | frozenset(normalize(w) for w in
                                          "خلال دون فوق عند منذ ضمن خلف أمام وراء حين حيث مثل غير".split())
_BLOCK = re.compile(r"^---\s*(.*?)\s*\[\s*([^\]]*?)\s*\]\s*-*\s*$")
_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
KEEP_FLAGS = ("embed", "symmetric", "unilateral")  # flags a row takes from its PLOVER type


# ---------------------------------------------------------------------- CAMEO -> PLOVER
@dataclass(frozen=True)
class CameoTable:
    """CAMEO code -> (PLOVER type or None, mode or None), from ``cameo_plover.tsv``."""

    rows: Mapping[str, tuple[str | None, str | None]]

    def plover(self, code: str) -> tuple[str | None, str | None] | None:
        """The row of ``code``, else of its first three digits, else of its root; None
        when the table has none of them."""
        for key in (code, code[:3], code[:2]):
            if key in self.rows:
                return self.rows[key]
        return None


@lru_cache(maxsize=1)
def cameo_plover() -> CameoTable:
    """The shipped CAMEO -> PLOVER table."""
    rows: dict[str, tuple[str | None, str | None]] = {}
    header: list[str] | None = None
    for n, line in enumerate(_MAPPING.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        code, plover, mode = row["cameo"], row["plover"], row.get("mode", "-")
        if not re.fullmatch(r"\d{2,4}", code):
            raise PetrarchError(f"{_MAPPING}:{n}: {code!r} is not a CAMEO code")
        rows[code] = (None if plover == "-" else plover, None if mode in ("-", "") else mode)
    return CameoTable(rows)


# ---------------------------------------------------------------------- the file
@dataclass
class _Verb:
    word: str  # normalised 3ms perfect
    slots: list[str]  # companion slots from the verb's own particles («اطلق+النار+على»)
    preps: list[str]  # the preposition of its last particle
    code: str | None
    gloss: str
    line: int


@dataclass
class _Block:
    code: str | None
    line: int
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """The rows read from one PETRARCH verb dictionary, and counts of what was kept,
    degraded or skipped (``counts``; ``examples`` gives a line number for each)."""

    source: str
    rows: list[tuple[int, dict[str, str]]]
    counts: Counter = field(default_factory=Counter)
    examples: dict[str, int] = field(default_factory=dict)

    def note(self, what: str, line: int, n: int = 1) -> None:
        self.counts[what] += n
        self.examples.setdefault(what, line)

    def summary(self) -> str:
        """One paragraph: what was read, what became rows, what was dropped and why."""
        parts = [f"{k}: {v} (e.g. line {self.examples[k]})" if k in self.examples else f"{k}: {v}"
                 for k, v in sorted(self.counts.items())]
        return f"{self.source}: {len(self.rows)} trigger rows; " + "; ".join(parts)


@dataclass(frozen=True)
class Known:
    """What the event lexicon loaded before a PETRARCH dictionary already knows: its
    trigger forms, its marker words, and per PLOVER type the target specs and flags of its
    verb triggers (given to rows whose pattern names no target)."""

    triggers: Container[str] = ()
    markers: Container[str] = ()
    defaults: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)


def load_verb_dictionary(path: Path | str, known: Known = Known()) -> VerbDictionary:
    """Read a PETRARCH verb dictionary file (UTF-8); see :func:`parse_verb_dictionary`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PetrarchError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_verb_dictionary(text, str(path), known)


def parse_verb_dictionary(text: str, source: str = "<text>", known: Known = Known()) -> VerbDictionary:
    """The ``triggers.tsv`` rows of a PETRARCH verb dictionary, with their line numbers.

    A verb ``known`` as a trigger or marker word («رفض», «قال») is left to the lexicon that
    has it, and so is a pattern word that is a known trigger («بدء ~مفاوضات»: the talks
    are coded by «مفاوضات» itself).
    """
    result = VerbDictionary(source, [])
    synsets, blocks = _read(text, source, result)
    if not blocks:
        raise PetrarchError(f"{source}: no verb block («--- VERB [CODE] ---»): not a PETRARCH verb dictionary")
    _Rows(result, synsets, known, cameo_plover()).add(blocks)
    return result


def _read(text: str, source: str, result: VerbDictionary) -> tuple[dict[str, list[str]], list[_Block]]:
    """Synonym sets and verb blocks, as written."""
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    current_set: str | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        body, _, comment = raw.partition("#")
        line = body.strip()
        where = f"{source}:{n}"
        if not line or line.startswith(("<!", "####")):
            continue
        if line.startswith("&"):
            current_set = line.split()[0]
            synsets.setdefault(current_set, [])
        elif line.startswith("+"):
            if current_set is None:
                raise PetrarchError(f"{where}: synonym «{line}» before any &SET line")
            synsets[current_set].append(line[1:].strip())
        elif line.startswith("---"):
            m = _BLOCK.match(line)
            if not m:
                raise PetrarchError(f"{where}: a verb block header is «--- VERB [CODE] ---», not «{line}»")
            blocks.append(_Block(parse_code(m.group(2), where), n))
            result.note("verb blocks read", n)
            current_set = None
        elif line.startswith("-"):
            if not blocks:
                raise PetrarchError(f"{where}: pattern before any verb block")
            blocks[-1].patterns.append((n, line[1:]))
        elif line.startswith("~"):
            result.note("transformation lines skipped", n)
        elif current_set is not None and not blocks:
            if not line.endswith("+"):
                raise PetrarchError(f"{where}: «{line}» in a synonym set does not start with «+»")
            synsets[current_set].append(line[:-1].strip())  # «_دكتاتور+»: typed right to left
            result.note("synonyms written mirrored («_word+») read as «+word_»", n)
        elif not blocks:
            raise PetrarchError(f"{where}: verb «{line}» before any verb block")
        else:
            verb = _verb(line, comment.strip(), n, where, blocks[-1].code, result)
            if verb is not None:
                blocks[-1].verbs.append(verb)
    return synsets, blocks


def _verb(line: str, gloss: str, n: int, where: str, block_code: str | None,
          result: VerbDictionary) -> _Verb | None:
    result.note("verb lines read", n)
    codes = CODE.findall(line)
    words = CODE.sub(" ", line).split()
    if len(codes) > 1 or "[" in " ".join(words) or "]" in " ".join(words):
        raise PetrarchError(f"{where}: a verb line is «VERB [CODE]», not «{line}»")
    code = parse_code(codes[0], where) if codes else block_code
    if not words:
        raise PetrarchError(f"{where}: a code with no verb")
    if len(words) > 1:  # «وضع هوو», «إس توفي»: pronoun or segmentation debris after the verb
        result.note("verb lines with several words: first kept", n)
    head, *particles = [normalize(p) for p in re.split(r"[+_]", words[0]) if p]
    if not _ARABIC.match(head) or len(head) < 3:  # «لم», «إس»: particles, not verbs
        result.note("verbs of fewer than 3 letters skipped", n)
        return None
    if head in FUNCTION_WORDS or head.endswith("ه"):  # «حول»; «رتبة», «قوة»: nouns (ة)
        result.note("verbs spelt like a preposition or a noun in «ة» skipped", n)
        return None
    slots, preps = [], []
    for i, p in enumerate(particles):
        if i == len(particles) - 1 and (p in PREPOSITIONS or p in CLITICS):
            preps.append(p)  # «ندد+ب»: the target follows «ب»
        elif p not in CLITICS:
            slots.append("~" + alternatives(p))
    return _Verb(head, slots, preps, code, gloss, n)


# ---------------------------------------------------------------------- rows
@dataclass
class _Rows:
    result: VerbDictionary
    synsets: dict[str, list[str]]
    known: Known
    table: CameoTable
    seen: dict = field(default_factory=dict)  # merge key -> row

    def add(self, blocks: list[_Block]) -> None:
        bare: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for block in blocks:
            verbs = [v for v in block.verbs if self._keep(v)]
            for n, text in block.patterns:
                self._pattern_rows(verbs, n, text)
            for v in verbs:
                if v.code is not None and self._plover(v.code, v.line) is not None:
                    row = self._row(v, v.code, Phrase(), f"line {v.line}")
                    bare.setdefault(v.word, []).append((v.line, row))
        for word, rows in bare.items():
            if len({r["type"] for _, r in rows}) > 1:  # «وقع» 152 MOBILIZE in one block, 071 AID in another
                self.result.note("verbs with codes of several PLOVER types: bare rows dropped", rows[0][0])
                continue
            for n, row in rows:
                self._emit(n, row, "bare verb rows")

    def _keep(self, v: _Verb) -> bool:
        if v.word in self.known.triggers or v.word in self.known.markers:
            # the project's own lexicon decides what «رفض», «قال» mean
            self.result.note("verbs the loaded lexicon already has: left to it", v.line)
            return False
        slots = self._unknown(v.slots, v.line)
        if slots is None:
            return False
        v.slots = slots
        return True

    def _unknown(self, slots: list[str], n: int) -> list[str] | None:
        """``slots`` without the words that are known triggers; None when a slot is left
        with none (the pattern is then the known trigger's)."""
        out = []
        for slot in slots:
            skip, words = slot[:1] == "~", slot.lstrip("~").split("|")
            kept = [w for w in words if w not in self.known.triggers]
            if not kept:
                self.result.note("patterns on a word the loaded lexicon triggers on: left to it", n)
                return None
            if len(kept) < len(words):
                self.result.note("pattern words the loaded lexicon triggers on: dropped", n)
            out.append(("~" if skip else "") + "|".join(kept))
        return out

    def _pattern_rows(self, verbs: list[_Verb], n: int, text: str) -> None:
        self.result.note("patterns read", n)
        try:
            code, phrase = translate(text, f"{self.result.source}:{n}", self.synsets)
        except Skip as why:
            self.result.note(str(why), n)
            return
        for what in dict.fromkeys(phrase.dropped):
            self.result.note(what, n)
        if self._plover(code, n) is None:
            return
        slots = self._unknown(phrase.slots, n)
        if slots is None:
            return
        phrase.slots = slots
        if not phrase.slots and not phrase.targets:
            self.result.note("patterns reduced to the bare verb", n)
        for v in verbs:
            row = self._row(v, code, phrase, f"pattern line {n}")
            if row is not None:
                self._emit(n, row, "pattern rows")

    def _plover(self, code: str, n: int) -> tuple[str, str | None] | None:
        """(PLOVER type, mode) of a CAMEO code; None (counted) when it has none."""
        mapped = self.table.plover(code)
        if mapped is None:
            self.result.note("codes not in cameo_plover.tsv: skipped", n)
        elif mapped[0] is None:
            self.result.note("codes with no PLOVER type (01 statements): skipped", n)
        else:
            return mapped[0], mapped[1]
        return None

    def _row(self, v: _Verb, code: str, phrase: Phrase, gloss: str) -> dict[str, str] | None:
        mapped = self.table.plover(code)
        if mapped is None or mapped[0] is None:
            return None
        plover, mode = mapped
        # PETRARCH's target is the verb's object, else a prepositional phrase: the object
        # here, then the prepositions the loaded verbs of the type take
        targets, flags = self.known.defaults.get(plover, ((), ()))
        own = phrase.targets or [*v.preps, "obj"]
        target = own if phrase.targets else [*own, *(t for t in targets if t not in own and t != "gen")]
        impf = guess_imperfect(v.word)
        return {"kind": "verb", "ar": f"{v.word} {impf}" if impf else v.word,
                "then": " ".join(v.slots + phrase.slots), "type": plover, "mode": mode or "",
                "target": " ".join(target), "flags": ",".join(flags), "en": f"CAMEO {code} {v.gloss} ({gloss})"}

    def _emit(self, n: int, row: dict[str, str], what: str) -> None:
        """Add a row, or merge it into an earlier one that differs only in the words of its
        last slot («طلب ~صفح» and «طلب ~عفو» → «طلب ~صفح|عفو»): one entry to try per verb
        instead of dozens (the coder tries every entry of a word)."""
        *head, last = row["then"].split() or [""]
        skip, words = (last[:1] == "~"), last.lstrip("~").split("|") if last else []
        key = (row["ar"], row["type"], row["mode"], row["target"], row["flags"], tuple(head), skip)
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = row
            self.result.note(what, n)
            self.result.rows.append((n, row))
            return
        *_, had = earlier["then"].split() or [""]
        old = had.lstrip("~").split("|") if had else []
        new = [w for w in words if w not in old]
        if not new:
            self.result.note("duplicate rows dropped", n)
            return
        earlier["then"] = " ".join([*head, ("~" if skip else "") + "|".join(old + new)])
        self.result.note("rows merged into an earlier one by their last word", n)


def guess_imperfect(perfect: str) -> str | None:
    """The 3ms imperfect of an unvowelled perfect by the regular patterns (normalised):
    «اجتمع» → «يجتمع», «دعا» → «يدعو», «وصل» → «يصل», «ندد» → «يندد»; None where the
    letters do not tell (hollow «زار», hamzated «أخذ»)."""
    p = perfect
    if len(p) < 3:
        return None
    if p[0] == "ا":
        return "ي" + p[1:] if len(p) >= 4 else None
    if len(p) == 3:
        if p[1] == "ا":
            return None
        if p[0] == "و":
            return "ي" + p[1:]
        if p[2] == "ا":
            return "ي" + p[:2] + "و"
    return "ي" + p


def verb_dictionaries(folder: Path) -> Iterator[Path]:
    """The PETRARCH verb dictionaries of a users' folder (``*.verbs.txt``), sorted."""
    return iter(sorted(folder.glob(VERB_GLOB)))
