"""The target of a stance named by the deed it judges, or by a pronoun, not by an actor.

A stance often names what it judges by a noun of a deed, not by its doer: «في الوقت الذي
ندين هذا القصف» after «غارات شنتها الطائرات التركية», «تدين الهجمات التي نفذها مقاتلو حزب
العمال», «رحب بالاتفاق». When the rules found no target for a stance verb (a noun's source
is too often read from afar), its object (past skip words, «بأشد العبارات» and its
preposition) is read (``referent``):

- a deed noun (marker kinds ``deedforce`` «الهجوم», «القصف», «الجريمة» …, ``deedpact``
  «الاتفاق» in ``data/markers.tsv``), after a
  demonstrative («هذا», «هذه»: ``demonstrative``) or with the article alone, that no actor
  completes (a phrase naming one is the rules' job) and not behind «لل» (a verbal noun's
  complement: «رفضا للاتفاق من جانب الكونغرس»);
- an act of force whose relative clause names its doer («الجريمة الإرهابية البشعة التي
  نفذها مستوطنون إسرائيليون», «الاعتداء الذي قام به ...»: ``named_doer``) has that doer as
  the target;
- else the deed is the nearest earlier event of its type the rules coded in the article (at
  most ``REFERENT_SENTENCES`` sentences back: ``deed_doers``): an act of force with a named
  doer (not one read off the place of an unclaimed bombing, nor a state's act on its own
  people), or another's condemnation of an act of force named after its verb (then the
  condemned is the doer); an agreement (its parties);
- the target is of another country than the stance's source.

A stance verb with the object pronoun «ـها» («وتدعوها», «واتهموها») judges the target of the
last event the same source's country was coded doing, in its sentence or the one before
(``pronoun_antecedent``); the nearest state named before was wrong 3 times of 5 on the corpus.
"""
from __future__ import annotations

from typing import Optional

from marsad.events.arguments import PREPOSITIONS, Group
from marsad.text.normalize import normalize

REFERENT_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "PROTEST"})  # stances
RELATIVES = frozenset(normalize(w) for w in "التي الذي اللذان اللتان الذين اللاتي اللواتي".split())
PRONOUN_KINDS = frozenset({"country", "capital", "institution", "org"})  # what «ـها» may stand for
REFERENT_SENTENCES = 6
STRONGEST = frozenset(normalize(w) for w in "بأشد وبأشد بأقوى".split())  # «بأشد العبارات»
DOER_REACH = 5
CHAIN_REACH = 10  # words from an earlier condemnation to the act of force it names  # words from a deed noun to the relative pronoun of the clause naming its doer
BY_HIM = frozenset({"به", "بها", "بهم", "بهما"})  # «الذي قام به»  # how far back the deed judged may have been reported
# the marker kind of a deed noun -> the type of the event it names
DEED_TYPES = {"deedforce": "ASSAULT", "deedpact": "AGREE"}


def deed_object(f, start: int, stop: int) -> Optional[tuple[str, int]]:
    """The deed type named at word ``start`` (a stance's object: «هذا القصف», «بالتفجير»)
    and the deed noun's word, if it is a deed noun after a demonstrative, or one with the
    article that no actor completes before ``stop``; else None."""
    j = f.past_skips(start, stop)
    if j + 1 < stop and f.key(j) in STRONGEST:
        j = f.past_skips(j + 2, stop)  # «أدانت ... بأشد العبارات الجريمة»
    if j < stop and f.key(j) in PREPOSITIONS:
        j += 1  # «احتج المصلون على هذا الاعتداء»
    if j >= stop or j in f.owner:
        return None
    if f.is_("demonstrative", j):
        j += 1
        if j >= stop or not f.same_sentence(j, start):
            return None
    elif f.words[j].kind != "word":
        return None
    if f.key(j).startswith(("لل", "ولل")):
        return None  # «رفضا للاتفاق من جانب الكونغرس»: a verbal noun's complement, not a verb's object
    kind = next((k for k in DEED_TYPES if f.is_(k, j)), None)
    if kind is None:
        return None
    nxt = j + 1
    if nxt < stop and nxt in f.owner:
        return None  # «الهجوم الإسرائيلي», «الاتفاق مع إيران»: named here, the rules' job
    return DEED_TYPES[kind], j


def named_doer(f, j: int, stop: int) -> Optional[Group]:
    """The doer a relative clause on the deed noun at word ``j`` names: «الهجمات التي نفذها
    مقاتلو حزب العمال», «هذا الاعتداء الارهابي الذي قام به ...», «الجريمة الإرهابية البشعة
    التي نفذها مستوطنون إسرائيليون» (the noun's adjectives between, at most DOER_REACH
    words to the relative pronoun; one plain noun may stand before the doer's name)."""
    for r in range(j + 1, min(stop, j + DOER_REACH)):
        if not f.same_sentence(r, j) or f.words[r].kind != "word" or r in f.owner:
            return None
        if f.key(r) in RELATIVES:
            break
        if not f.is_noun(r):
            return None
    else:
        return None
    w = r + 2  # past the verb («نفذها», «شنته», «ارتكبها», «قام»)
    if w < stop and f.key(w) in BY_HIM:
        w += 1  # «قام به»
    for i in (w, w + 1):
        if i >= stop or not f.same_sentence(i, j):
            return None
        k = f.mention_at(i)
        if k is None:
            k = f.np_adjective(i)  # «مستوطنون إسرائيليون»
        if k is not None:
            m = f.mentions[k]
            return f.group(k) if f.free(k) and not f.locative[k] and m.can_act else None
        if f.words[i].kind != "word" or not f.is_noun(i):
            return None
    return None


def deed_doers(run, hit, kind: str, source: Group) -> Optional[Group]:
    """The doer(s) of the nearest earlier deed of ``kind`` the rules coded before ``hit``
    (at most REFERENT_SENTENCES back) that are of another country than ``source``. An act
    of force may also have been coded only as another's condemnation of it («أدانت الولايات
    المتحدة وبريطانيا الجريمة الارهابية التي أقدم المستوطنون الإسرائيليون ...»; then «كما
    أدانت منظمة التعاون الإسلامي الجريمة»): the one condemned then is the doer."""
    f = run.f
    here = f.sentence_of[hit.head]
    countries = {run._country(k) for k in source}
    for head, coded, s, t, unnamed in reversed(run.coded):
        if head >= hit.head:
            continue
        if here - f.sentence_of[head] > REFERENT_SENTENCES:
            return None
        if unnamed or s == t:
            continue
        if coded == kind:
            sides = [s, t] if kind == "AGREE" else [s]
        elif kind == "ASSAULT" and coded == "ACCUSE" and _condemns_force(f, head):
            sides = [t]
        else:
            continue
        doers = [k for k in sides if k is not None and run._country(k) and run._country(k) not in countries]
        return doers or None
    return None


def _condemns_force(f, head: int) -> bool:
    """Does the stance at word ``head`` judge an act of force it names within CHAIN_REACH
    words of its sentence («أدانت ... الجريمة الارهابية»)?"""
    return any(f.same_sentence(i, head) and f.is_("deedforce", i)
               for i in range(head + 1, min(len(f.words), head + CHAIN_REACH)))


def pronoun_antecedent(run, hit, source: Group) -> Optional[Group]:
    """Whom a stance verb's object pronoun «ـها» stands for («وتدعوها», «واتهموها»): the
    target of the last event the same source's country was coded doing, in the verb's
    sentence or the one before («مطالبة الدول كافة ومؤسسات الأمم المتحدة ...، وتدعوها إلى»).
    Not a resumptive pronoun after «التي/الذي» («الاستراتيجية السعودية التي تدعمها»)."""
    f = run.f
    key = f.key(hit.head)
    if not hit.is_verb or hit.last != hit.head or not key.endswith("ها") or not run._object_pronoun(key):
        return None
    if f.same_sentence(hit.head - 1, hit.head) and f.key(hit.head - 1) in RELATIVES:
        return None
    countries = {run._country(k) for k in source}
    here = f.sentence_of[hit.head]
    for head, _, s, t, _ in reversed(run.coded):
        if head >= hit.head:
            continue
        if here - f.sentence_of[head] > 1:
            return None
        if t is None or run._country(s) not in countries:
            continue
        return f.group(t) if run._country(t) not in countries and f.mentions[t].kind in PRONOUN_KINDS else None
    return None


def referent(run, hit, after: int, hi: int, source: Optional[Group]) -> Optional[Group]:
    """The actor(s) a stance trigger judges through the deed it names, or its object
    pronoun (see module doc)."""
    if not source or not hit.is_verb:
        return None  # a noun's source is often read from afar: «رفضا للاتفاق من جانب الكونغرس»
    deed = deed_object(run.f, max(after, hit.last + 1), hi)
    if deed:
        kind, j = deed
        named = named_doer(run.f, j, hi) if kind == "ASSAULT" else None
        if named:
            countries = {run._country(k) for k in source}
            return named if all(run._country(k) and run._country(k) not in countries for k in named) else None
        return deed_doers(run, hit, kind, source)
    return pronoun_antecedent(run, hit, source)
