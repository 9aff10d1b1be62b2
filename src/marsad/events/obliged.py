"""Demands stated as an obligation, with no verb of requesting.

A speaker often demands by saying what another actor must do: «قال أردوغان إن على الجماعات
المتشددة أن تلقي أسلحتها», «أعلن ظريف أن على واشنطن أن تغتنم فرصة الاتفاق», «قال الجبير إنه
يجب على إيران تغيير سياستها». The quotes step has found the statement and its speaker; here
it is a REQUEST event from the speaker to the actor obliged when

- the speaker is a political actor with a country (``said.political_quotes``);
- the words said hold an obligation on an actor with a country: «على X أن» opening the words
  said (or after «أن/إن/إنه/بأن»), or «يجب/ينبغي/يتعين/يتوجب على X» anywhere in them
  (marker kind ``obligation`` in ``data/markers.tsv``), X standing right after «على»;
- X is of another country, or the speaker's own country's insurgents or opposition
  (``said.other_side``), and the sentence is not dated back (``said.dated_back``).

It is a THREATEN event when an alternative names what follows a refusal: «وإلا», or «أو»
then a word of consequences, within ``CONSEQUENCE_SPAN`` words («أو أن تواجه العواقب»;
marker kind ``consequence``). The rules' events come first: a triple they coded is not coded again.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from marsad.events.said import dated_back, other_side, political, political_quotes
from marsad.model import Event, Quote, Span
from marsad.text.normalize import normalize

ON = normalize("على")
THAT = frozenset(normalize(w) for w in "أن إن إنه أنه بأن وأن وإن فإن".split())
THAT_WORD = normalize("أن")
ON_IT = frozenset(normalize(w) for w in "عليه عليها عليهم عليهما".split())  # «دول الخليج عليها أن»
OR = frozenset(normalize(w) for w in "أو او".split())
OTHERWISE = frozenset(normalize(w) for w in "وإلا وإلّا".split())  # «أن لا يتدخل، وإلا فإن خطوات إضافية قد تتخذ»
OPENING_SPAN = 2  # words into the words said «على» may open them («إن على», «بأن على»)
THAT_SPAN = 12  # words from the actor obliged to its «أن» («على إيران بعد توقيعها ...، أن تثبت»)
CONSEQUENCE_SPAN = 16  # words from the obligation to «وإلا» or «أو ... العواقب» (a clause of its own between)


def obliged_in_words(run, body_start: int) -> list[Event]:
    """REQUEST (or THREATEN) events of the statements of ``run`` that lay an obligation on
    another actor; ``run.found`` holds the rules' events, which are not coded again."""
    out: dict = {}
    for q, source in political_quotes(run, body_start):
        for on, target, end in _obligations(run, q):
            _add(run, out, source, on, target, end, q.content.end)
    for source, (on, target, end) in _reported(run):
        _add(run, out, source, on, target, end, None)
    return list(out.values())


def _add(run, out: dict, source: int, on: int, target: int, end: int, until: Optional[int]) -> None:
    """Code the obligation on ``target`` from ``on`` to ``end`` said by ``source``."""
    f = run.f
    if target == source or run._same_actor(source, target) or not other_side(run, source, target):
        return
    if dated_back(run, target, end):
        return
    kind = "THREATEN" if _consequence(f, end, until) else "REQUEST"
    src, tgt = run._actor(source), run._actor(target)
    key = (src.country, kind, tgt.country)
    if key in run.found or key in out or (src.country, "REQUEST", tgt.country) in run.found:
        return
    a, b = f.words[on].start, f.words[end].end
    out[key] = Event(type=kind, evidence=Span(a, b, run.text[a:b]), source=src, target=tgt,
                     mode=None, place=None, date=run.published.isoformat() if run.published else None,
                     trigger=Span(f.words[on].start, f.words[on].end, f.words[on].text),
                     evidence_all=[Span(a, b, run.text[a:b])])


def _reported(run):
    """(speaker mention, obligation) of the obligations outside the quotes found, after a
    speech verb of their sentence whose subject is a political actor («وأكد الوزير أن على
    المجتمع الدولي أن ...» when the quotes step gave the words no quote)."""
    f = run.f
    quoted = [(q.content.start, q.content.end) for q in run.quotes]
    for i, group in run.topics:
        if not group or not f.is_("speech", i):
            continue
        source = group[0]
        if not political(run.f, source):
            continue
        lo = i + 1
        hi = lo
        while hi < len(f.words) and f.same_sentence(hi, i):
            hi += 1
        for found in _obligations_in(run, lo, hi, opening=False):
            w = f.words[found[0]]
            if any(a <= w.start < b for a, b in quoted):
                continue
            if any(lo <= t < found[0] for t, _ in run.topics if t != i):
                continue  # another speech verb between: its own speaker
            yield source, found


def _obligations(run, q: Quote):
    """(first word, obliged mention, last word) of each obligation in the words said."""
    f, c = run.f, q.content
    return _obligations_in(run, bisect_left(f.word_starts, c.start), bisect_left(f.word_starts, c.end))


def _obligations_in(run, lo: int, hi: int, opening: bool = True):
    """(first word, obliged mention, last word) of each obligation in words ``lo:hi``
    (``opening``: «على X» may open them with no «أن» before it, as words said do)."""
    f = run.f
    for j in range(lo, hi):
        if f.words[j].kind != "word":
            continue
        if f.is_("necessity", j):
            found = _necessity(run, j, hi)
            if found is not None:
                yield found
            continue
        if f.key(j) != ON:
            k = _actor_at(run, j)
            if k is not None and _opens(f, lo, j, opening) and f.same_sentence(f.span[k][1] + 1, j) \
                    and f.key(f.span[k][1] + 1) in ON_IT:
                yield j, k, _that_after(f, f.span[k][1] + 1, hi)  # «أن دول الخليج عليها أن ...»
            continue
        k = _actor_at(run, j + 1)
        if k is None or not f.same_sentence(j + 1, j):
            continue
        if j - 1 >= lo and f.same_sentence(j - 1, j) and f.is_("obligation", j - 1):
            yield j - 1, k, f.span[k][1]  # «يجب على إيران تغيير سياستها»
        elif _opens(f, lo, j, opening):
            yield j, k, _that_after(f, f.span[k][1], hi)  # «إن على الجماعات المتشددة أن تلقي أسلحتها»


def _opens(f, lo: int, j: int, opening: bool) -> bool:
    """Does word ``j`` open the words said, or a clause of them after «أن/إن/إنه»?"""
    return opening and j - lo < OPENING_SPAN and all(f.key(i) in THAT for i in range(lo, j)) or (
        j - 1 >= lo and f.same_sentence(j - 1, j) and f.key(j - 1) in THAT)


def _necessity(run, j: int, hi: int):
    """«ضرورة» + a deed whose genitive is its doer + an actor («ضرورة تنحي الأسد», «ضرورة
    التزام طهران بما تعهدت به»), or «ضرورة أن» + a verb + an actor («ضرورة أن تلتزم إيران»)."""
    f = run.f
    d = j + 1
    if d < hi and f.key(d) == THAT_WORD:
        d += 1  # the verb: its subject follows
    elif not (d < hi and f.is_("duty", d)):
        return None
    if d + 1 >= hi or not f.same_sentence(d + 1, j):
        return None
    k = _actor_at(run, d + 1)
    return None if k is None else (j, k, f.span[k][1])


def _actor_at(run, i: int) -> Optional[int]:
    """The mention with a country that starts at word ``i``, an actor."""
    f = run.f
    k = f.owner.get(i)
    if k is None or f.span[k][0] != i or f.locative[k]:
        return None
    m = f.mentions[k]
    return k if m.can_act and run._country(k) else None


def _that_after(f, last: int, hi: int) -> int:
    """The «أن» (and the verb after it) within THAT_SPAN words after the obliged actor, or the
    actor's last word («على إيران أيضاً الالتزام»)."""
    for j in range(last + 1, min(hi, last + 1 + THAT_SPAN)):
        if not f.same_sentence(j, last) or f.stops(j, quotes=False):
            return last
        if f.words[j].kind == "word" and f.key(j) == THAT_WORD:
            return j + 1 if f.same_sentence(j + 1, j) and j + 1 < hi else j
    return last


def _consequence(f, end: int, until: Optional[int]) -> bool:
    """«أو» then a word of consequences after the obligation, in its sentence."""
    alt = None
    for j in range(end + 1, min(len(f.words), end + 1 + CONSEQUENCE_SPAN)):
        if not f.same_sentence(j, end) or until is not None and f.words[j].start >= until + 2:
            return False
        if f.words[j].kind != "word":
            continue
        if f.key(j) in OTHERWISE:
            return True
        if f.key(j) in OR:
            alt = j
        elif alt is not None and f.is_("consequence", j):
            return True
    return False
