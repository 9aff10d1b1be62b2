"""Accusations stated in the words said, with no stance word of their own.

A statement often accuses by what it says about another actor, not by a verb of accusing:
«قال وزير الخارجية التركي إن متمردي حزب العمال الكردستاني لم يوقفوا يوما أعمالهم
الإرهابية», «قال الرئيس هادي إن مليشيات جماعة الحوثي ... انقلبت على الشرعية». The quotes
step has found the statement and its speaker; here the statement is an ACCUSE event from the
speaker to the actor it is about when

- the speaker is a political actor with a country (a state, its organs and officials, an
  international organisation, a party or an armed group);
- the words said open with that actor (its subject: within ``SAID_SPAN`` words of their
  start, under no preposition, not a place), of another country, or of the speaker's own
  country when it is an insurgent or opposition side and the speaker is no such side;
- a word that judges conduct (marker kind ``blame`` in ``data/markers.tsv``: «الإرهابية»,
  «العدوان», «انتهاكات», «انقلبت», «سترتكب», «تدخلات» …) follows that actor in its
  sentence, within ``BLAME_SPAN`` words, no clause-opening word between.

The speaker of the quote is the source only as a mention of the sentence naming them
(a quote resolved across sentences gives none). The rules' events come first: a triple they
coded is not coded again.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, Optional

from marsad.events.arguments import PREPOSITIONS
from marsad.events.background import far_back
from marsad.events.words import proclitic_readings
from marsad.model import Event, Quote, Span
from marsad.text.normalize import normalize

SAID_SPAN = 2  # words into a quote its subject may start («إن إسرائيل», «أن الحكومة الإيرانية»)
BLAME_SPAN = 10  # words from the actor said to the judging word
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
SIDE_SECTORS = frozenset({"REB", "OPP"})  # insurgents and the opposition: accused at home too
POLITICAL_SECTORS = STATE_SECTORS | SIDE_SECTORS | {"IGO", "PTY"}
STATE_KINDS = frozenset({"country", "capital"})
# normalised words opening an adverbial of time or cause
ADVERBIAL = frozenset(normalize(w) for w in "بعد قبل خلال أثناء منذ إثر عقب نظرا بسبب جراء إبان".split())
# normalised nouns of a state's good whose genitive the actor is: what others harm, not its conduct
WELLBEING = frozenset(normalize(w) for w in "استقرار أمن سيادة وحدة سلامة مستقبل مصالح حقوق شعب".split())
IMPERFECT = ("ي", "ت", "س")  # a verb's prefixes after a one-word name («حماس ترفض»)
# normalised words of fighting, countering or suffering: what follows them is another's doing
FIGHTING = frozenset(normalize(w) for w in (
    "مكافحة محاربة مواجهة التصدي دحر ضد تحارب يحارب نحارب تكافح يكافح نكافح تواجه يواجه نواجه "
    "حرب الحرب تصدت تصدى يتصدى قتال كشف ملاحقة محاسبة معاقبة "
    # the actor suffers what follows: «دول مجلس التعاون باتت مستهدفة من منظمات ... هدفها زعزعة»
    "مستهدفة مستهدف مستهدفون مستهدفين تتعرض يتعرض تعرضت تعرض ضحية ضحايا عرضة").split())


def blamed_in_words(run, body_start: int) -> list[Event]:
    """ACCUSE events of the statements of ``run`` (a coder pass) that blame the actor they
    open with; ``run.found`` holds the rules' events, which are not coded again."""
    f, out = run.f, {}
    for q, source in political_quotes(run, body_start):
        target = _opening_actor(run, q)
        if target is None or target == source or run._same_actor(source, target):
            continue
        if not other_side(run, source, target):
            continue
        blame = _blame_after(f, target, q)
        if blame is None or dated_back(run, target, blame):
            continue
        src, tgt = run._actor(source), run._actor(target)
        key = (src.country, "ACCUSE", tgt.country)
        if key in run.found or key in out:
            continue
        a, b = f.mentions[target].start, f.words[blame].end
        out[key] = Event(type="ACCUSE", evidence=Span(a, b, run.text[a:b]), source=src, target=tgt,
                         mode=None, place=None,
                         date=run.published.isoformat() if run.published else None,
                         trigger=Span(f.words[blame].start, f.words[blame].end, f.words[blame].text),
                         evidence_all=[Span(a, b, run.text[a:b])])
    return list(out.values())


def political_quotes(run, body_start: int) -> Iterator[tuple[Quote, int]]:
    """The quotes of the body whose speaker is a political actor with a country, each with
    the speaker's mention."""
    for q in run.quotes:
        if q.speaker is None or q.content.start < body_start:
            continue
        source = political_speaker(run.f, q)
        if source is not None:
            yield q, source


def political_speaker(f, q: Quote) -> Optional[int]:
    """The mention naming the quote's speaker, when it is a political actor with a country."""
    sp = q.speaker
    if sp.start is None or sp.end is None:
        return None
    for k, m in enumerate(f.mentions):
        if m.start < sp.end and sp.start < m.end:
            return k if political(f, k) else None
    return None


def political(f, k: int) -> bool:
    """Is mention ``k`` a political actor with a country (a state, its organs and officials,
    an international organisation, a party or an armed group), acting (not a place)?"""
    m = f.mentions[k]
    return bool(m.country) and m.can_act and not f.locative[k] and (
        m.sector in POLITICAL_SECTORS or m.kind in STATE_KINDS)


def _opening_actor(run, q: Quote) -> Optional[int]:
    """The actor with a country the words said open with (their subject)."""
    f = run.f
    c = q.content
    opening = bisect_right(f.word_starts, c.start) - 1
    if opening < 0 or not (f.words[opening].start <= c.start < f.words[opening].end or f.words[opening].start >= c.start):
        opening += 1
    first = bisect_right(f.mention_starts, c.start - 1)
    if first >= len(f.mentions) or f.mentions[first].start >= c.end:
        return None
    m = f.mentions[first]
    if f.span[first][0] - opening > SAID_SPAN or not run._country(first) or not m.can_act \
            or f.locative[first] or f.prep[first] is not None:
        return None
    a, b = f.span[first]
    if a - 1 >= opening and any(r in WELLBEING for r in f.keys(a - 1)):
        return None  # «استقرار العراق يتطلب ... بمنأى عن أي تدخلات خارجية»: Iraq is what is harmed
    if a == b and m.kind == "org" and f.same_sentence(b + 1, b) and f.words[b + 1].kind == "word" \
            and not f.key(b + 1).startswith(IMPERFECT):
        return None  # «فتح مطار عدن»: the noun "opening" in a construct, not Fatah acting
    if not (m.sector in POLITICAL_SECTORS or m.kind in STATE_KINDS or m.kind == "adj" and not f.adjective[first]):
        return None  # a people named by its nationality («الإسرائيليون ليسوا سعداء») stands for its state
    return first


def dated_back(run, target: int, blame: int) -> bool:
    """Is the sentence of the words said dated more than HISTORY_DAYS before publication
    (a date or a bare year in it: «أصدرت المحكمة ... في 2009 و2010 مذكرات اعتقال اتهمت فيها
    البشير بأنه وراء جرائم»)? Background, not news."""
    f = run.f
    lo, hi = run._sentence(f.span[target][0])
    a, b = f.words[lo].start, f.words[hi - 1].end
    years = (w.text for w in f.words[lo:hi] if w.kind == "num" and len(w.text) == 4 and w.text.isdecimal())
    return any(far_back(y, run.published) for y in years) or any(
        a <= d.start < b and far_back(d.value, run.published) for d in run.dates)


def other_side(run, source: int, target: int) -> bool:
    """Another country, or the speaker's own country's insurgents or opposition."""
    a, b = run._country(source), run._country(target)
    if a != b:
        return True
    ms, mt = run.f.mentions[source], run.f.mentions[target]
    return mt.sector in SIDE_SECTORS and ms.sector not in SIDE_SECTORS


def _blame_after(f, target: int, q: Quote) -> Optional[int]:
    """The first judging word after the actor in its sentence and the words said, in what
    the actor does or is («لم يوقفوا يوما أعمالهم الإرهابية», «سترتكب خطأ»): not under a
    preposition («تطوع للدفاع عن مصر أثناء العدوان الثلاثي»: another's aggression), not
    what the actor fights («تحارب التنظيمات الإرهابية»), not past another actor."""
    last, country = f.span[target][1], f.mentions[target].country
    for j in range(last + 1, min(len(f.words), last + 1 + BLAME_SPAN)):
        w = f.words[j]
        if not f.same_sentence(j, last) or w.start >= q.content.end or f.stops(j, quotes=False):
            return None
        if w.kind != "word":
            continue
        k = f.mention_at(j)
        if k is not None and f.mentions[k].can_act and f.mentions[k].country not in (None, country):
            return None  # «... ضد إيران بسبب برنامجها»: what follows may be the other's
        if any(r in FIGHTING or r in ADVERBIAL for r in f.keys(j)):
            return None  # «بعد الهجمات الإرهابية»: an adverbial, the attacks are another's
        if f.is_("blame", j):
            prep = any(r in PREPOSITIONS for r in f.keys(j - 1)) or any(
                pre and pre[-1] in "بلك" for _, pre in proclitic_readings(w.key)[:1])
            return None if prep else j
    return None
