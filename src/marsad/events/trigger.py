"""Find event triggers (verbs, verbal nouns, phrases of the event lexicon) among words.

A hit records the trigger entry, the word range it covers (head, companion words) and the
tense/person of the form, so the coder can read negation, modality and the speaker.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from marsad.events.lexicon import NOUN, EventLexicon, Form, TriggerEntry
from marsad.events.words import CONJ, Word, bare, skip_letters, stems

MAX_SKIP = 2  # words a "~" companion slot may come after
COMMAS = frozenset("،,")
MAX_ASIDE = 5  # words of an aside between commas a "~" slot reaches past («، في اليوم نفسه،»)


@dataclass(frozen=True)
class Hit:
    entry: TriggerEntry
    tense: str  # perf, impf, fut, perf1, impf1, noun
    head: int  # index of the head word
    last: int  # index of the last word of the trigger (companions included)
    start: int  # offsets of the trigger span, proclitics excluded
    end: int
    clitic: str  # proclitics on the head word («و», «وب», ...)
    loose: int = 0  # companion words matched only once their clitics were stripped

    @property
    def is_verb(self) -> bool:
        return self.tense != NOUN

    @property
    def transitive(self) -> bool:
        """May the verb take a direct object (so a bare number after it is its patient)?"""
        return "obj" in self.entry.target


def _prefix_ok(entry: TriggerEntry, tense: str, pre: str) -> bool:
    """Verbs take only و/ف in front; nouns and phrases also ب/ل/ك."""
    if tense == NOUN:
        return True
    return all(c in CONJ for c in pre)


_CANDIDATES: dict[int, dict[str, tuple]] = {}  # per lexicon (its id): word key -> readings
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # harakat, shadda, sukun, tatweel


def candidates(lex: EventLexicon, key: str) -> tuple[tuple[Form, str, bool, bool], ...]:
    """(form, proclitics, suffixed, literal) readings of a word key that reach a trigger,
    most literal first; memoised per lexicon and key (words repeat across articles)."""
    memo = _CANDIDATES.get(id(lex))
    if memo is None:
        memo = _CANDIDATES[id(lex)] = {}
    found = memo.get(key)
    if found is None:
        out = []
        if not lex.is_("stop", key):
            for stem, pre, suffixed in stems(key):
                for form in lex.lookup(stem):
                    if _prefix_ok(form.entry, form.tense, pre) and not (suffixed and form.entry.kind == "phrase"):
                        out.append((form, pre, suffixed, stem == key))
            if len(key) == 3 and key[0] in CONJ:  # «وحث»: a verb of two letters after «و» (too short
                # for the clitic reader, which leaves «وصل» whole)
                out += [(form, key[0], False, False) for form in lex.lookup(key[1:])
                        if form.tense != NOUN and form.entry.kind == "verb"]
        found = tuple(out)
        if len(memo) < 500_000:
            memo[key] = found
    return found


def _slots_match(words: list[Word], i: int, entry: TriggerEntry, stop: int,
                 names: set[int]) -> tuple[list[int], int] | None:
    """Indices of the head ``i`` and of the words matching the entry's phrase words and
    companion slots after it, with how many companions matched only loosely (:func:`bare`),
    or None when they are not there. Words of actor names (``names``) do not count against
    a "~" slot's reach."""
    j, used, loose = i, [i], 0
    for w in entry.words:
        j += 1
        if j >= stop or (w != words[j].key and w not in bare(words[j].key)):
            return None
        used.append(j)
    for may_skip, keys in entry.then:
        found, budget = None, MAX_SKIP if may_skip else 0
        k = j
        while (k := k + 1) < min(stop, j + 10 + MAX_ASIDE):
            if words[k].kind == "punct":
                if not may_skip:
                    break
                if (end := _aside_end(words, k, stop)) is not None:
                    k = end  # past an aside between commas
                elif not (words[k].text in COMMAS and k - 1 in names):
                    break  # (a comma closing a subject is passed: «وأعربت الخارجية المصرية، عن إدانتها»)
                continue
            if words[k].key in keys:
                found = k
                break
            if keys & bare(words[k].key):
                found, loose = k, loose + 1
                break
            if k in names:
                continue  # an actor's name between («وقعت السعودية وفرنسا اتفاقية»)
            budget -= 1
            if budget < 0:
                break
        if found is None:
            return None
        j = found
        used.append(j)
    return used, loose


def _aside_end(words: list[Word], k: int, stop: int) -> int | None:
    """The comma closing an aside opened by the comma at ``k`` («استدعت المنامة، في اليوم
    نفسه، سفيرها»), when it comes within MAX_ASIDE words with no other mark between."""
    if words[k].text not in COMMAS:
        return None
    for m in range(k + 1, min(stop, k + MAX_ASIDE + 2)):
        if words[m].kind == "punct":
            return m if words[m].text in COMMAS and m > k + 1 else None
    return None


def find_triggers(words: list[Word], lex: EventLexicon, text: str,
                  blocked: Iterable[int] = (), stop: int | None = None) -> list[Hit]:
    """Triggers among ``words`` (indices in ``blocked`` are inside actor names and never
    trigger; companions are not looked for past ``stop``). Overlapping hits are resolved
    longest first, then leftmost."""
    blocked = set(blocked)
    stop = len(words) if stop is None else stop
    hits: list[Hit] = []
    for i, word in enumerate(words[:stop]):
        if word.kind != "word" or i in blocked:
            continue
        found = candidates(lex, word.key)
        if not found:
            continue
        seen: set[int] = set()
        literal_ids = _literal_ids(found)
        literal_seen = False  # did the word's literal reading already give a trigger?
        ta_marbuta = word.text.rstrip(DIACRITICS).endswith("ة")
        for form, pre, suffixed, literal in found:
            entry = form.entry
            # once the literal reading gave a trigger, other readings of the word («و» +
            # «زار» in «وزارة») are not tried
            if id(entry) in seen or (literal_seen and not literal):
                continue
            if suffixed and ta_marbuta:
                continue  # «قبضة», «مظاهرة»: a ta marbuta is no pronoun «ـه» (they fold alike)
            if form.tense == NOUN and not pre and _after_office(words, i, lex):
                continue  # «رئيس تحرير الصحيفة»: an office, not an act
            matched = _slots_match(words, i, entry, stop, blocked)
            if matched is None:
                continue
            used, loose = matched
            last = used[-1]
            seen.add(id(entry))
            literal_seen = literal_seen or id(entry) in literal_ids
            start = skip_letters(text, word.start, len(pre))
            hits.append(Hit(entry, form.tense, i, last, start, words[last].end, pre, loose))
    return _resolve(hits)


def _after_office(words: list[Word], i: int, lex: EventLexicon) -> bool:
    """Does the head of an office or a body («رئيس», «هيئة», «غرفة») stand right before word
    ``i``, whose noun is then its genitive («رؤساء تحرير الصحف», «غرفة العمليات»)?"""
    return i > 0 and words[i - 1].kind == "word" and "office" in lex.kinds_of(words[i - 1].key)


def _literal_ids(found: tuple) -> set[int]:
    """Ids of the entries a word reaches by its literal reading."""
    return {id(f.entry) for f, _, _, literal in found if literal}


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits: the longest first, then the leftmost, then one with companions,
    then the one whose companions match as written («استدعت سفيرها»: recalled its own
    ambassador, not summoned an ambassador)."""
    chosen: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.head - h.last, h.head, not h.entry.then, h.loose)):
        if all(h.last < c.head or h.head > c.last for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.head)
