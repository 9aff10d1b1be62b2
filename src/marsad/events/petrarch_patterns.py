"""The syntax of PETRARCH verb patterns, turned into the event lexicon's companion slots and
target prepositions (``- * (ل &MILITARY) [0234]`` → «~جيش|قوات», target «ل»); see
:mod:`marsad.events.petrarch` for the rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.text.normalize import normalize

# Prepositions written apart, and those written onto the next word (the matcher strips them).
PREPOSITIONS = frozenset(normalize(p) for p in
                         "في على إلى من عن مع ضد بين حول نحو عبر لدى تجاه إزاء حيال قبل بعد تحت".split())
CLITICS = frozenset("ب ل ك".split())
CODE = re.compile(r"\[\s*([^\]]*?)\s*\]")
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")


class PetrarchError(ValueError):
    """A PETRARCH dictionary cannot be read; the message names file and line."""


class Skip(Exception):
    """A pattern that cannot be translated; the argument says why (a count key)."""


def parse_code(text: str, where: str) -> str | None:
    """A CAMEO code («020»), or None for «---»."""
    if text.strip("-") == "":
        return None
    if not re.fullmatch(r"\d{2,4}", text):
        raise PetrarchError(f"{where}: [{text}] is not a CAMEO code (2 to 4 digits, or ---)")
    return text


def _tree(tokens: list[str], where: str) -> list:
    """Nested items of a pattern: ("w", word), ("&", set), ("m", mark), ("(", items),
    ("{", items); unbalanced brackets raise Skip."""
    stack: list[tuple[str, list]] = [("", [])]
    for t in tokens:
        if t in "({":
            stack.append((t, []))
        elif t in ")}":
            opener, items = stack.pop() if len(stack) > 1 else ("", [])
            if opener != {")": "(", "}": "{"}[t]:
                raise Skip("patterns with unbalanced brackets skipped")
            stack[-1][1].append((opener, items))
        elif t.startswith("&"):
            stack[-1][1].append(("&", t))
        elif t in ("$", "+", "-", "^", "%", "~"):
            stack[-1][1].append(("m", t))
        else:
            stack[-1][1].append(("w", normalize(t)))
    if len(stack) != 1:
        raise Skip("patterns with unbalanced brackets skipped")
    return stack[0][1]


def alternatives(word: str, extra: tuple[str, ...] = ()) -> str:
    """A slot's words: the lemma, its «ال»-less form, its feminine «ة» and its plural «ات»
    (patterns are written in lemmas: «مساعدة» matches «مساعدات»)."""
    out = [word, *extra]
    for w in [word, *extra]:
        if w.startswith("ال") and len(w) > 4:
            out.append(w[2:])
        if w.endswith("ه"):
            out.append(w[:-1] + "ات")
        elif len(w) > 2 and not w.endswith(("ا", "ي", "ء", "ات", "ين", "ون")):
            out += [w + "ه", w + "ات"]
    return "|".join(dict.fromkeys(out))


@dataclass
class Phrase:
    slots: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _words_of(item, synsets: dict[str, list[str]]) -> list[str]:
    """The alternatives a word or synonym-set item stands for."""
    kind, value = item
    if kind == "w":
        return [value]
    members = synsets.get(value)
    if members is None:
        raise Skip("patterns with an undefined synonym set skipped")
    heads = [normalize(re.split(r"[_\s{}]+", m.strip("{}_ "))[0]) for m in members]
    return [h for h in dict.fromkeys(heads) if len(h) >= 2]


def _phrase(items: list, synsets: dict[str, list[str]], out: Phrase, skip: bool = True,
            chain: bool = False) -> None:
    """Slots and targets of ``items`` after the verb. ``skip``: may the first item come a
    few words later («~»)? ``chain``: must the others follow it at once (a compound, the
    noun of a prepositional phrase)?"""
    for item in items:
        kind, value = item
        tilde = "~" if skip else ""
        if kind == "m":
            if value == "+":
                out.targets.append("obj")  # «+» alone: the target is the verb's object
            continue
        if kind == "w" and value in CLITICS:
            continue  # «ل إنهاء»: the clitic is read off the next word
        if kind in ("w", "&"):
            words = _words_of(item, synsets)
            if not words:
                continue
            out.slots.append(tilde + alternatives(words[0], tuple(words[1:])))
            if kind == "&" and any(len(re.split(r"[_\s]+", m.strip("{}_ "))) > 1 for m in synsets[value]):
                out.dropped.append("multi-word synonyms matched by their first word")
        elif kind == "{":
            _phrase(value, synsets, out, skip, chain=True)
        else:
            _prep_phrase(value, synsets, out, skip)
        skip = not chain


def _prep_phrase(items: list, synsets: dict[str, list[str]], out: Phrase, skip: bool) -> None:
    """«(P noun...)»: P as a slot then the noun right after it; «(P)» or «(P +)»: P
    introduces the target; «(P $)»: the source, left to marsad's own rules."""
    marks = {v for k, v in items if k == "m"}
    inner = [i for i in items if i[0] != "m"]
    if "$" in marks:
        out.dropped.append("source phrases dropped")
        return
    if not inner:
        return
    first = inner[0]
    is_prep = first[0] == "w" and (first[1] in PREPOSITIONS or first[1] in CLITICS)
    if is_prep and ("+" in marks or len(inner) == 1):
        out.targets.append(first[1])  # «(مع +)», «(ل)»: the target comes after P
        if len(inner) > 1:
            out.dropped.append("nouns of a target phrase dropped")
        return
    if "+" in marks:
        out.targets.append("obj")
    if not is_prep or first[1] in CLITICS:  # «(لمحادثات)», «(جانب الانشقاق)»; «(ل حد)»: «لحد»
        rest = inner if not is_prep else inner[1:]
        _phrase(rest, synsets, out, skip, chain=True)
    else:
        out.slots.append(("~" if skip else "") + first[1])
        _phrase(inner[1:], synsets, out, skip=False, chain=True)


def translate(text: str, where: str, synsets: dict[str, list[str]]) -> tuple[str, Phrase]:
    """(CAMEO code, phrase) of a pattern line (after its leading «-»)."""
    codes = list(CODE.finditer(text))
    if not codes:
        raise PetrarchError(f"{where}: pattern without a [CODE]")
    code = parse_code(codes[-1].group(1), where)
    body = text[:codes[-1].start()]
    if "*" not in body:
        raise PetrarchError(f"{where}: pattern without «*» (the verb's place)")
    pre, _, post = body.partition("*")
    if "*" in post:
        raise Skip("patterns with several «*» skipped")
    out = Phrase()
    if [i for i in _tree(_TOKEN.findall(pre), where) if i[0] != "m"]:
        out.dropped.append("words before the verb dropped")
    _phrase(_tree(_TOKEN.findall(post), where), synsets, out)
    if code is None:
        raise Skip("patterns coded [---] skipped")
    return code, out
