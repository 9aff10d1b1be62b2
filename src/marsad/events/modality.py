"""Is a trigger asserted? Negation, modality, denial, questions and embedding.

An event is coded only when the text states it as happening, having happened or decided:
not «لم يلتق» (negated), «إذا ما لزم الأمر ستستمر المحادثات» (conditional), «قد يلتقي»
(may), «نريد…» (wished), «نفى أن يكون التقى» (denied), a question, an act governed by
another trigger that does not assert it («دعا إلى وقف إطلاق النار», «حذرت من التعاون»), nor
one in a sentence about sport («مباراة», «البطولة», «المحترف»: teams are no states).
The marker words are data (``data/markers.tsv``).
"""
from __future__ import annotations

import re

from typing import Iterator

from marsad.events.arguments import Frame
from marsad.events.trigger import Hit
from marsad.events.words import CLAUSE_END
from marsad.text.tokenize import normalize_word

MODAL_SPAN = 8  # words back a modal word («يريد», «بهدف») governs, not across a comma
CONDITIONAL_SPAN = 12  # words back a conditional («إذا», «في حال») governs, even across one
EMBED_SPAN = 8  # words after an embedding trigger («دعا», «حذر») that it governs
SPORT_SPAN = 15  # words either side of a trigger a sport word («مباراة», «المحترف») makes it a game
GOVERN_SPAN = 6  # words after any trigger within which a noun trigger is its complement
TOPIC_SPAN = 4  # words back a word of discussing («بحث», «استعراض») makes a cooperation noun its topic
_WORD = re.compile(r"\w+")
_AUXILIARIES = ("قد", "ان", "كان", "يكن", "تكن", "يكون", "تكون")  # stand between «لم» and a verb
_THAT = ("ان", "انه", "انها")  # أن / أنه / أنها
_RELATIVES = ("الذي", "التي")
_BACK_PRONOUNS = ("ه", "ها", "هم", "هما")  # a pronoun on a relative clause's verb, back to the noun
_PRONOUNS = frozenset(c + p for c in ("", "و", "ف") for p in ("نحن", "هو", "هي", "هم", "هما", "انا"))  # normalised


def asserted(f: Frame, hits: list[Hit], hit: Hit, lo: int, hi: int) -> bool:
    """Does the sentence (words ``lo``..``hi``) assert the event of ``hit``?"""
    h = hit.head
    if hi > lo and f.words[hi - 1].text in "؟?":
        return False  # a question
    if hit.entry.type == "REJECT" and _reticent(f, hit, hi):
        return False  # «رفض التعليق», «رفض الكشف عن اسمه»: declined to speak, rejected no one
    if any(f.is_("sport", j) for j in range(max(lo, h - SPORT_SPAN), min(hi, h + SPORT_SPAN + 1))):
        return False  # «مباراة قطر وبوتان», «المفاوضات مع المحترف الياباني»: a game, no state's act
    if not hit.is_verb and hit.last + 1 < hi and f.is_("figurative", hit.last + 1):
        return False  # «معركة انتخابية», «حرب إعلامية»: a battle of votes or words
    j = h - 1
    while j >= lo and f.key(j) in _AUXILIARIES:
        j -= 1
    if j >= lo and f.is_("negation", j) and not (f.key(j) == "ما" and hit.tense != "perf"):
        return False  # «لم يلتق», «لن يزور», «عدم انسحاب»
    if as_for(f, hit, lo):
        return False  # «وبالنسبة للاتفاق مع إيران»: a topic the speaker turns to
    if _halted(f, h, lo):
        return False  # «وقف التنسيق الأمني», «إلغاء الزيارة»: stopped, not done
    if hit.tense not in ("perf", "perf1") and h - 1 >= lo and f.key(h - 1) in ("قد", "وقد"):
        return False  # «قد يلتقي»: may meet
    denial = that = comma = False
    for j in range(h - 1, lo - 1, -1):
        w = f.words[j]
        if w.kind == "punct" and w.text in CLAUSE_END:
            break
        comma = comma or w.text in "،,"
        if h - j <= MODAL_SPAN and not comma and (f.is_("modal", j) or _modal_pair(f, j)):
            return False
        if h - j <= CONDITIONAL_SPAN and f.is_("conditional", j):
            return False
        that = that or f.key(j) in _THAT
        denial = denial or (that and f.is_("denial", j))  # «نفى أن يكون …»
    return not denial and not embedded(f, hits, hit, lo)


def as_for(f: Frame, hit: Hit, lo: int) -> bool:
    """A noun trigger right after a topic phrase («وبالنسبة للاتفاق مع إيران، قال …»,
    «فيما يتعلق بالهجوم», «بالنسبة إلى الزيارة»): what the speaker turns to, an act told
    before, not a report of it."""
    if hit.is_verb:
        return False
    j = hit.head - 1
    if j >= lo and f.key(j) in ("الي", "الى") and not hit.clitic:
        j -= 1  # «بالنسبة إلى الزيارة»
    return j >= lo and f.is_("asfor", j)


def _halted(f: Frame, h: int, lo: int) -> bool:
    """A halting word right before the trigger, or before the actor right before it («علقت
    الولايات المتحدة مساعداتها»: the verb, its subject, the act it stops)."""
    j = h - 1
    if j in f.owner and f.span[f.owner[j]][1] == j:
        j = f.span[f.owner[j]][0] - 1
    return j >= lo and f.is_("halt", j)


def talks_topic(f: Frame, hit: Hit, lo: int) -> bool:
    """Is the noun trigger what talks were about: a word of discussing or reviewing governs
    it, at most TOPIC_SPAN words back in its clause with no actor between («بحثا خلاله أوجه
    التعاون بين البلدين», «استعراض آفاق التعاون», «ناقش سبل تعزيز التعاون»)? Not a conjunct
    of that word («بحث وتبادل الخبرات»: discussion and an exchange)."""
    h = hit.head
    if hit.is_verb or hit.clitic.startswith("و"):
        return False
    for j in range(h - 1, max(lo, h - TOPIC_SPAN) - 1, -1):
        if f.stops(j) or f.words[j].kind == "punct" or j in f.owner:
            return False
        if f.is_("topic", j):
            return True
    return False


SPORT_STORY = 3  # distinct sport words that make an article a sports story


def sport_story(text: str, lex) -> bool:
    """Does the article use at least :data:`SPORT_STORY` distinct sport words («المباراة»,
    «اللاعب», «الكلاسيكو» …)? Then countries named as sides are teams (``coder``)."""
    sport = lex.markers.get("sport", frozenset())
    found: set[str] = set()
    for word in _WORD.findall(text):
        key = normalize_word(word)
        if key in sport:
            found.add(key)
            if len(found) >= SPORT_STORY:
                return True
    return False


def _reticent(f: Frame, hit: Hit, hi: int) -> bool:
    """A refusal to speak: the refusal (past its subject, «ورفض المتحدث التعليق») governs a
    word of speaking that no actor follows («رفض الكشف عن اسمه»; not «رفضت إيران التعليق
    الأمريكي», the American comment, rejected)."""
    j = hit.last + 1
    while j < hi and j in f.owner:
        j += 1  # the subject after the verb
    return j + 1 < hi and f.is_("reticence", j) and f.mention_at(j + 1) is None


def _modal_pair(f: Frame, j: int) -> bool:
    """Two-word modal markers («قد يكون»)."""
    return j + 1 < len(f.words) and f.lex.is_("modal", f.key(j) + " " + f.key(j + 1))


def earlier(f: Frame, hits: list[Hit], hit: Hit, span: int = 20) -> Iterator[Hit]:
    """Hits of the same sentence ending at most ``span`` words before ``hit``."""
    for g in hits:
        if g.head >= hit.head:
            break
        if hit.head - g.last <= span and f.same_sentence(g.head, hit.head):
            yield g


def words_between(f: Frame, a: int, b: int) -> int:
    """Words strictly between ``a`` and ``b``, an actor's name counting as one."""
    return sum(1 for j in range(a + 1, b)
               if f.words[j].kind != "punct" and (j not in f.owner or f.span[f.owner[j]][0] == j))


def embedded(f: Frame, hits: list[Hit], hit: Hit, lo: int) -> bool:
    """Governed by an earlier trigger that does not assert what follows it: «دعا إلى
    وقف إطلاق النار», «حذرت من التعاون العسكري», «إنذارا … بالانسحاب». A finite verb
    opening a new conjunct after a comma («ونفت موسكو أي تورط، واتهمت العسكريين») is a
    clause of its own."""
    if _new_clause(f, hit) or _done_by(f, hit) or _own_subject(f, hit):
        return False
    for g in earlier(f, hits, hit):
        if "embed" not in g.entry.flags or g.head < lo:
            continue
        if words_between(f, g.last, hit.head) <= EMBED_SPAN and not any(
                f.stops(j, quotes=False) for j in range(g.last + 1, hit.head)):
            return True
    return False


def _done_by(f: Frame, hit: Hit) -> bool:
    """A verbal noun with a relative clause telling who did it, in the past («الغارة التي
    شنتها طائرات إسرائيلية», «الهجوم الذي نفذه»): the act happened, whatever the clause
    around it refuses or warns of («يرفض التعليق على الغارة التي شنتها ...»)."""
    j = hit.last + 1
    if hit.is_verb or j + 1 >= len(f.words) or not f.same_sentence(j + 1, hit.head):
        return False
    if f.key(j) not in _RELATIVES:
        return _done_by_asyndetic(f, j)
    return any(f.lex.light.get(r) == "perf" for r in f.keys(j + 1))


def _done_by_asyndetic(f: Frame, j: int) -> bool:
    """An indefinite noun's relative clause needs no «الذي»: a perfect light verb at ``j``
    with a pronoun back on the noun («بعد يوم من هجوم شنته الطائرات الحربية التركية»,
    «هجوم قامت به»)."""
    key = f.key(j)
    for suffix in _BACK_PRONOUNS:
        if key.endswith(suffix) and f.lex.light.get(key[:-len(suffix)]) == "perf":
            return True
    return f.lex.light.get(key) == "perf" and f.key(j + 1) in ("به", "بها", "بهم")


def _own_subject(f: Frame, hit: Hit) -> bool:
    """A finite verb right after an independent pronoun («ونحن ندعم التحالف», «وهي
    تدعم»): a clause with its own subject, not the complement of a trigger before it
    («هناك تهديدا استراتيجيا ... ونحن ندعم»)."""
    j = hit.head - 1
    return hit.is_verb and f.same_sentence(j, hit.head) and f.key(j) in _PRONOUNS


def _new_clause(f: Frame, hit: Hit) -> bool:
    """A finite verb trigger with «و/ف» right after a comma: an imperfect, or a perfect
    with its subject's ending («واتهمت», «وقصفوا»); a bare perfect may be a verbal noun
    continuing the list («دعت إلى وقف إطلاق النار، وسحب القوات»)."""
    j = hit.head - 1
    if not (hit.is_verb and hit.clitic[:1] in ("و", "ف") and f.same_sentence(j, hit.head) and f.words[j].text in "،,"):
        return False
    stem = f.key(hit.head)[len(hit.clitic):]
    return hit.tense in ("impf", "fut") or stem.endswith(("ت", "وا"))


def governed(f: Frame, hits: list[Hit], hit: Hit) -> bool:
    """Is the noun trigger inside the phrase of an earlier trigger of its clause («ندد
    الجبوري بعمليات الإعدام»)? Then the clause's subject is not its source."""
    for g in earlier(f, hits, hit):
        if words_between(f, g.last, hit.head) <= GOVERN_SPAN and not any(
                f.stops(j) for j in range(g.last + 1, hit.head)):
            return True
    return False
