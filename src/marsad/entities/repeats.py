"""Repeated names: a name the article has given, written again where neither the NER nor
the lexicon marked it.

News names a person in full once and then by one part of the name («محمد عطا» ...
«عطا»), and repeats the names of organisations and places. The tagger reads one sentence
at a time and misses some of those repeats; within one article a word that was a name
stays that name (one sense per discourse). So:

- every name mention is looked for again, as written (its word keys, a proclitic «و», «ف»,
  «ب», «ل», «ك» allowed before it); a one-word name only if the tagger gave it more often
  than it passed it over (once given and once passed over is more likely its mistake);
- a person's name of two words or more is also looked for by its last word («عطا»), and a
  name «X بن Y» by its first («الوليد»), after the first time the name is given in full;
  for a lexicon person, only when every name the lexicon gives it ends with that word and
  none is one word («رأفت الصباغ» ... «الصباغ»): it lists the short names of the others
  («جون كيري|كيري»), and a title's last word is no name («خادم الحرمين الشريفين»).

A one-word form is not looked for when it is a function word, a verb of saying, a link word
(«بن», «أبو», «عبد»...), shorter than three letters («لي», Lee, is also "to me"), or a word
news mostly uses as a common word though it is sometimes a name (data/common_name_words.txt,
from the silver news: «الثاني», «السيد», «الدين», «أليس»).

A repeat is a new mention with its source's label; an exact repeat also keeps what the
source knows (lexicon actor, place, country). A one-word repeat of part of a person's name
joins that person in coreference (``coref._join_short_person_names``). Repeats never
overlap a mention already found.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterator

from marsad.entities.mentions import NameMention
from marsad.entities.recognize import PROCLITICS
from marsad.entities.words import name_leading_verbs, not_name_edges
from marsad.lexicon.actors import Actor
from marsad.lexicon.matcher import name_key
from marsad.text.normalize import normalize_with_map

# Words that link the parts of a name and never stand for the person alone.
LINKS = frozenset(name_key(w) for w in "بن ابن بنت أبو أبي أبا ابو عبد آل ال أم".split())
SON_OF = frozenset(name_key(w) for w in ("بن", "ابن"))  # «الوليد بن طلال» → «الوليد»
MIN_LETTERS = 3  # shorter one-word repeats are too often something else
_WORD = re.compile(r"[^\W\d_]+")  # a word of the folded text (marks and tatweel are gone)


@lru_cache(maxsize=1)
def _skipped() -> frozenset[str]:
    """Name keys of the words never looked for alone."""
    path = resources.files("marsad.entities") / "data" / "common_name_words.txt"
    common = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in common if w and not w.startswith("#")) | LINKS | \
        {name_key(w) for w in not_name_edges() | name_leading_verbs()}


def part_forms(m: NameMention) -> Iterator[tuple[str, ...]]:
    """The one-word forms that stand for the person ``m`` names: the last word, or the first
    before «بن»."""
    keys = m.key.split()
    if m.label != "PER" or len(keys) < 2:
        return
    if m.actor is not None:  # the lexicon lists the short names of most of its people
        if keys[-2] not in LINKS and _family_name(m.actor) == keys[-1]:
            yield (keys[-1],)
        return
    if keys[-2] not in LINKS:
        yield (keys[-1],)
    if keys[1] in SON_OF:
        yield (keys[0],)


@lru_cache(maxsize=4096)
def _family_name(actor: Actor) -> str | None:
    """The last word every name of a lexicon person ends with, when none of its names is one
    word («رأفت الصباغ»: «الصباغ»); None for a person the lexicon also names by one word
    («جون كيري|كيري») or whose names end differently («خادم الحرمين الشريفين»)."""
    names = [name_key(name.rstrip("?")).split() for name in actor.names if name]
    lasts = {words[-1] for words in names if words}
    if len(lasts) != 1 or any(len(words) < 2 for words in names):
        return None
    return lasts.pop()


def repeats(text: str, mentions: list[NameMention],
            folded: tuple[str, list[int]] | None = None) -> list[NameMention]:
    """New mentions for the repeats in ``text`` of the names of ``mentions`` (see the module
    doc); ``mentions`` are not changed. ``folded``: ``normalize_with_map(text)`` when the
    caller has it (the pipeline folds each article once)."""
    skip = _skipped()
    exact: dict[tuple[str, ...], NameMention] = {}
    parts: dict[tuple[str, ...], NameMention] = {}
    tagged: Counter[tuple[str, ...]] = Counter()
    for m in mentions:
        if m.origin == "phrase" or m.descriptive:
            continue
        form = tuple(m.key.split())
        if not form:
            continue  # a "name" of no word (the tagger took a run of tatweels «ــ» for one)
        exact.setdefault(form, m)
        tagged[form] += 1
        for form in part_forms(m):
            parts.setdefault(form, m)
    forms = {f: (m, False) for f, m in parts.items()
             if len(f[0]) >= MIN_LETTERS and f[0] not in skip}
    forms.update((f, (m, True)) for f, m in exact.items() if len(f) > 1 or
                 (f not in forms and len(f[0]) >= MIN_LETTERS and f[0] not in skip))
    if not forms:
        return []
    firsts = {f[0] for f in forms}
    longest = max(len(f) for f in forms)
    taken = bytearray(len(text))
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    key, origin = folded or normalize_with_map(text)
    words = _WORD.findall(key)  # the words of the folded text are their own name keys
    starts = [i for i, w in enumerate(words) if w in firsts or
              (len(w) > MIN_LETTERS and w[0] in PROCLITICS and w[1:] in firsts)]
    if not starts:
        return []
    spans = [w.span() for w in _WORD.finditer(key)]
    found: list[tuple[NameMention, tuple[str, ...]]] = []
    after = 0  # words before this one are inside a repeat already found
    for i in starts:
        if i < after or (hit := _longest_at(key, words, spans, i, forms, longest)) is None:
            continue
        n, clitic, form, (source, same) = hit
        start, end = origin[spans[i][0] + clitic], origin[spans[i + n - 1][1] - 1] + 1
        if not same and start < source.start:
            continue  # a part of a name stands for the person only after the full name
        if any(taken[start:end]):
            continue
        new = NameMention(start, end, text[start:end], source.label, "repeat")
        if same:
            new.actor, new.country_name, new.place = source.actor, source.country_name, source.place
            new.gender = source.gender
        found.append((new, form if same and n == 1 else ()))
        taken[start:end] = b"\x01" * (end - start)
        after = i + n
    # A one-word name the tagger gave as often as it passed it over is more likely its
    # mistake than a name («حفلا», «الجنين» tagged once): its repeats are not kept.
    untagged = Counter(form for _, form in found)
    return [m for m, form in found if not form or tagged[form] > untagged[form]]


def _longest_at(key: str, words: list[str], spans: list[tuple[int, int]], i: int, forms,
                longest: int):
    """``(n words, proclitic letters, form, (source, exact?))`` of the longest form starting
    at word ``i`` (its first word as written or after one proclitic), else None. The words
    of a name of several words stand apart by single spaces."""
    first = words[i]
    n = 1
    while n < longest and i + n < len(words) and spans[i + n][0] == spans[i + n - 1][1] + 1 \
            and key[spans[i + n - 1][1]] == " ":
        n += 1
    for n in range(n, 0, -1):
        rest = tuple(words[i + 1:i + n])
        if (form := (first,) + rest) in forms:
            return n, 0, form, forms[form]
        if len(first) > MIN_LETTERS and first[0] in PROCLITICS and (form := (first[1:],) + rest) in forms:
            return n, 1, form, forms[form]
    return None
