"""Reading PETRARCH actor dictionaries (CAMEO codes) into ``Actor`` records, and PETRARCH
agent dictionaries into ``Title`` records.

The format: an entry line ``NAME`` or ``NAME [CODE]`` (words joined by ``_``), optional
``+SYNONYM`` lines, then indented code lines ``[CODE]``, ``[CODE >YYYYMMDD]`` (from),
``[CODE <YYYYMMDD]`` (until) or ``[CODE YYYYMMDD-YYYYMMDD]``; ``#`` starts a comment.
Dates may also be YYMMDD. An end date before the start (``19840502-18000101``) is read as
open-ended. A CAMEO code is a country (first 3 letters, when ISO alpha-3 or ``IGO``) then
3-letter sector codes (GOV, MIL, REB, OPP, ...); a bare ``IGO`` gets sector IGO.

An agent dictionary lists nouns for kinds of actors: ``NOUN [~SECTOR]`` (``~`` before the
code: it follows the country, «جندي [~MIL]»; after it: it comes first, «[IGO~]»), with an
optional ``{PLURAL}``. Each noun becomes a title of its sector that takes a country
(«الجنود الروس» → RUS MIL), with «ال» and in the sound plurals «ـون» «ـين» (a one-word noun
is not matched bare: «طالب» is also "demanded"); a sector marsad does not use (AGR, MUS,
UAF, ...) skips the noun, with a warning.
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from datetime import date
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.lexicon.actors import SECTORS, Actor, Term
from marsad.lexicon.titles import Title
from marsad.lexicon.tsv import LexiconError

_CODE = re.compile(r"\[\s*([A-Z~]*)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})?)?\s*\]")

_ANY_CODE = re.compile(r"\[[^\]]*\]?")


@lru_cache(maxsize=1)
def _alpha3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"IGO"}


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO code -> (country, sector): ``RUSGOV`` -> (RUS, GOV), ``MIL`` -> (None, MIL),
    ``IGO`` -> (IGO, IGO), ``PSECVLELI`` -> (PSE, CVL)."""
    code = code.lstrip("~")
    if code == "IGO":
        return "IGO", "IGO"
    if code[:3] in _alpha3():
        return code[:3], code[3:6] or None
    return None, code[:3] or None


def _day(digits: str) -> date:
    """A PETRARCH date, ``YYYYMMDD`` or ``YYMMDD`` (years up to 30 are 20xx)."""
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = str(2000 + yy if yy <= 30 else 1900 + yy) + digits[2:]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:  # «00» months or days in hand-made files: the year is what is known
        return date(int(digits[:4]), 1, 1)


def _term(match: re.Match[str]) -> Term:
    code, sign, when, start, end = match.groups()
    country, sector = split_code(code)
    first = last = None
    if sign == ">":
        first = _day(when)
    elif sign == "<":
        last = _day(when)
    elif start:
        first = _day(start)
        last = _day(end) if end else None
        if last is not None and last < first:
            last = None
    return Term(None, country, sector, first, last, code)


@dataclass
class _Entry:
    names: list[str]
    terms: list[Term] = field(default_factory=list)


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def parse_petrarch(text: str, source: str = "<text>") -> tuple[Actor, ...]:
    """Parse a PETRARCH actor dictionary; entries without any code are dropped."""
    entries: list[_Entry] = []
    bad: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        stripped = body.strip()
        codes = [_term(m) for m in _CODE.finditer(stripped)]
        head = _CODE.sub("", stripped)
        if "[" in head:  # a code we cannot read («[IMG?]», «[000GOV …]»): skip it, say so
            bad.append(f"{number}: {head.strip()}")
            head = _ANY_CODE.sub("", head)
        head = head.strip()
        if stripped.startswith("+"):
            if not entries:
                raise LexiconError(f"{source}:{number}: synonym before any entry")
            entries[-1].names.append(_name(head[1:]))
        elif head:
            entries.append(_Entry([_name(head)]))
        elif not entries:
            raise LexiconError(f"{source}:{number}: code before any entry")
        if codes:
            entries[-1].terms.extend(codes)
    if bad:
        warnings.warn(f"{source}: skipped {len(bad)} unreadable codes, e.g. line {bad[0]}", stacklevel=2)
    return tuple(
        Actor(e.names[0], "petrarch", e.names[0], tuple(dict.fromkeys(e.names)), tuple(e.terms))
        for e in entries if e.terms and e.names[0]
    )


def load_petrarch(path: Path | str) -> tuple[Actor, ...]:
    """Read a PETRARCH actor dictionary file (UTF-8)."""
    path = Path(path)
    return parse_petrarch(path.read_text(encoding="utf-8"), str(path))


_AGENT = re.compile(r"^(?P<noun>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[\s*(?P<code>~?[A-Z]+~?)(?P<rest>[^\]]*)\]\s*$")


def parse_agents(text: str, source: str = "<text>") -> tuple[Title, ...]:
    """Parse a PETRARCH agent dictionary into titles (one per written form)."""
    titles: dict[str, Title] = {}
    unused: Counter[str] = Counter()
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.split("#", 1)[0].strip()
        if not body or body.startswith("<!"):
            continue
        if "!" in body:  # «!PERSON! = MAN, MEN»: substitution sets are not read
            unused["!substitution!"] += 1
            continue
        m = _AGENT.match(body)
        if not m:
            raise LexiconError(f"{source}:{number}: an agent line is «NOUN [~CODE]», not «{body}»")
        if m["rest"].strip():  # «[~MIL قائد عام ل جيش ]»: the code, then the noun again
            unused["[CODE text]"] += 1
        sector = m["code"].strip("~")[:3]
        if sector not in SECTORS:
            unused[sector] += 1
            continue
        noun = _name(m["noun"])
        forms = _agent_forms(noun) + ([_name(m["plural"])] if m["plural"] and m["plural"].strip() else [])
        for form in forms:
            titles.setdefault(form, Title(form, f"PETRARCH agent [{m['code']}]", sector, None,
                                          "country", "title"))
    if unused:
        warnings.warn(f"{source}: agents skipped or read in part: "
                      f"{', '.join(f'{k} {v}' for k, v in unused.most_common())} (sectors marsad does not "
                      "use; «[CODE text]» read as [CODE]; «!SET!» substitutions not read)", stacklevel=2)
    return tuple(titles.values())


def _agent_forms(noun: str) -> list[str]:
    """A phrase as written and with «ال» on its first word; a one-word noun with «ال» and
    in its sound plurals («متمرد» → «المتمرد», «متمردون», «المتمردين»), not bare: the
    bare singular is too often a verb («طالب» student, demanded; «حاكم» ruler, tried)."""
    first, _, rest = noun.partition(" ")
    definite = first if first.startswith("ال") else "ال" + first
    if rest:
        return list(dict.fromkeys([noun, f"{definite} {rest}"]))
    out = [definite]
    if first[-1] not in "ةهاىء":
        out += [first + "ون", first + "ين", definite + "ون", definite + "ين"]
    return out


def load_agents(path: Path | str) -> tuple[Title, ...]:
    """Read a PETRARCH agent dictionary file (UTF-8)."""
    path = Path(path)
    return parse_agents(path.read_text(encoding="utf-8"), str(path))
