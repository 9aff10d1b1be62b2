"""The event coder: triggers + arguments + modality → PLOVER events with evidence.

:class:`EventCoder` reads one text (with its sentences, dates and, when available, actor
mentions and quotes) and returns its events and places. Precision comes first: an event is
coded only when its trigger is asserted (not negated, hypothetical, wished, questioned or
governed by another trigger such as a call or a warning) and both sides resolve to a
country; one event is kept per (source, type, target) with every span stating it.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

from marsad.events.actors import Mention, confirmed_places, entity_places, link_to_entities, mentions_from_lexicon, placed_beyond, places_of
from marsad.events.arguments import NAME_LINKS, PREPOSITIONS, Frame, Group
from marsad.events.background import HISTORY_DAYS, background, history_article, tag_line  # noqa: F401 - HISTORY_DAYS for callers
from marsad.events import reach
from marsad.events.learned import STATE_SECTORS, context_of, shipped_model, triples
from marsad.events.said import blamed_in_words
from marsad.events.obliged import obliged_in_words
from marsad.events.referent import REFERENT_TYPES, referent
from marsad.events.stance import deed_agent, object_inside
from marsad.events.lexicon import FUT, IMPF1, NOUN, PART, PERF1, load_event_lexicon, numbered_forms
from marsad.events.projectile import projectile_sides
from marsad.events.modality import GOVERN_SPAN, asserted, governed, sport_story, talks_topic, words_between
from marsad.events.setting import agent_setting, clause_place, date_near, place_back, place_near, place_target
from marsad.events.trigger import DIACRITICS, Hit, candidates, find_triggers
from marsad.events.words import any_word, has_word, proclitic_readings, scan_sentences, suffix_readings, word_before
from marsad.lexicon.loader import Lexicon
from marsad.model import Actor, DateRef, Event, Place, Quote, Span
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences

# Types coded when both sides are the same country: conflict and coercion inside a
# country are news; a minister meeting his own president is not an event between states.
DOMESTIC_TYPES = frozenset(
    "ACCUSE REJECT THREATEN REQUEST PROTEST MOBILIZE COERCE ASSAULT CONCEDE RETREAT".split()
)
# ... and talks between a state and the armed group or opposition fighting it («مفاوضات
# سلام بين كابل وطالبان»): news at home too (agreements so coded were mostly attempts,
# wishes or the past on 2,000 corpus articles: left out).
STATE_VS_INSURGENT_TYPES = frozenset({"CONSULT"})
INSURGENT_SECTORS = frozenset({"REB", "OPP"})
# Unilateral acts with no target named that are done at home: the country is their target
# (a state of emergency, a demonstration), or the country of the place where they happen.
INWARD_TYPES = frozenset({"MOBILIZE", "PROTEST"})
# Protests made by crowds: «شهدت تركيا مظاهرات» are its people's, not a note from its state.
CROWD_MODES = frozenset({"demonstration", "strike"})
# A state's arrests, trials and raids with no foreign target named fall on its own people.
SELF_TARGET_MODES = frozenset({"arrest", "trial", "raid"})
ARMED_SECTORS = frozenset({"MIL", "REB"})  # a named person of these may attack in arms
HELD_QUOTES = frozenset("«\"“'")  # «أوقفت «وسيطا»»: the one held, quoted
HELD_SPAN = 6  # words after a personobj trigger («أوقف») in which the one held is looked for
# ... whose noun owned by a pronoun names the one held («اعتقاله», «محاكمته»), not the holder
PATIENT_MODES = frozenset({"arrest", "trial"})
TOPIC_SENTENCES = 3  # an implicit subject is looked for this many sentences back
ISSUER_SENTENCES = 6  # ... and the issuer of «البيان» (a statement's sentences may run long)
STATEMENTS = frozenset(normalize(w) for w in "بيان بيانا البيان برقية البرقية".split())  # «في بيان لها»
# «the two sides/parties/leaders/countries» (normalised, dual): they stand for the two
# countries just named («البلدان» may be plural, "countries", and «الاثنين» Monday: left out)
DUALS = frozenset(normalize(w) for w in (
    "الجانبان الجانبين الطرفان الطرفين الاثنان الزعيمان الزعيمين الوزيران الوزيرين "
    "الرئيسان الرئيسين البلدين").split())
DUAL_REACH = 3  # words between a trigger and the dual standing for its parties
# ... for talks and cooperation: «the two parties» of a clash are most often two factions
# of one country, not the two countries named (on 2,000 corpus articles most clashes and
# some agreements so coded were wrong)
DUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
# «the two presidents/leaders/ministers» stand for the two countries of the last two people
# named (the countries a sentence names besides them do not count: «اتصال هاتفي بين الرئيسين
# التركي ... والأمريكي ... لوقف تدفق المقاتلين إلى سورية»), and also agree for them
PERSON_DUALS = frozenset(normalize(w) for w in "الزعيمان الزعيمين الوزيران الوزيرين الرئيسان الرئيسين".split())
PERSON_DUAL_TYPES = DUAL_TYPES | {"AGREE"}
# normalised على عن من ضد إلى تجاه إزاء حيال بشأن حول
COMPLEMENT_PREPS = frozenset({"علي", "عن", "من", "ضد", "الي", "تجاه", "ازاء", "حيال", "بشان", "حول"})
STANCE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN"})
CLAUSE_OPENERS = frozenset({"ثم", "كما", "وقد", "فقد", "قد", "لقد", "وكان", "وكانت", "حيث"})
# Entities the lexicon does not know that act in events: those whose own words place them
# («قائد المقاومة الشعبية في تعز حمود المخلافي»), not the story's or the outlet's guesses.
# Acts of force: an agent of no country («قوات الأمن», «المسلحون») doing one acts where the
# story places it (an opposition party does not: «أشار حزب المعارضة إلى تصاعد الهجمات»)
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
RECEIVE_REACH = 5  # words back (its subject) a verb of receiving governs support from («حصل النص الروسي على دعم»)
# Acts a speaker reports rather than does: inside a quote, its speaker is not named as their
# source unless the verb is in the first person («قالت الشرطة إن خنازير برية قتلت رجلا»,
# «أفادت مصادر أمنية بمقتل 37 مسلحا في هجمات»; on one day of SaudiNewsNet 36 of 38 events
# naming the speaker were wrong as to the actor). The event keeps the speaker's country, most
# often the doer's too in domestic news, with no actor named.
REPORTED_TYPES = FORCE_TYPES | {"RETREAT"}
# Where an agent's entity got a country that may place the agent (not a description near
# one of its mentions, which may stand in another clause: «في سوريا ... في الوقت الذي احتجزت
# فيه الشرطة»)
STORY_SOURCES = frozenset({"lexicon", "title", "adjective", "place", "story", "outlet"})
ENTITY_SOURCES = frozenset({"title", "adjective", "affiliation", "place"})


OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")  # normalised suffixes on a verb
POSSESSIVES = ("ه", "ها", "هم", "هما")  # normalised 3rd-person suffixes on a noun
RELATIVE_SUBJECTS = frozenset({"الذي", "التي"})  # normalised: «كييف التي تتهم الكرملين»
STRIKERS = STATE_SECTORS | {"REB"}  # sides whose attack falls on the place of its clause
STATE_KINDS = frozenset({"adj", "country", "capital"})  # ... and states named by name or nationality («الطائرات التركية»)
# normalised words opening another clause between an attack and a place («رغم انهم», «بعد ان»)
CLAUSE_BREAKS = frozenset(normalize(w) for w in "رغم برغم لكن لكنه ولكن بينما فيما بعد قبل حيث عندما".split())
UNCLAIMED_MODES = frozenset({"bombing", "clash", "shooting"})  # acts of no named side coded where they happen
RELATIVE_REACH = 7  # words from a trigger noun to a relative clause on it past its target («لـ»)
RELATIVE_PAST_PREPS = frozenset({"ل", "الي"})  # the target phrase a relative clause on the noun may follow
NISBA = ("يه", "ي")  # normalised endings of a relational adjective («جوية», «الإنسانية», «حربي»)
ADJECTIVE_REACH = 2  # adjectives between a trigger noun and the relative clause on it
FEMININE = ("ه",)  # normalised ending of a feminine adjective on an indefinite plural («غارات عنيفة شنتها»)
RESUMPTIVE = frozenset({"به", "بها", "بهما", "بهم"})  # «قام بها»: the pronoun back to the noun
ANNOUNCE_REACH = 10  # words from an announce verb to the «عن» of what it announces
CLAUSE_MARKS = frozenset("،,.:؛;؟?!")  # a comma or what ends a clause (not a parenthesis)
PASSIVE_AUX = frozenset({"تم", "يتم", "جري", "يجري"})  # normalised: «تم اعتقال», «جرى القبض على»
CUE_GAP = 12  # characters between a stance verb and the quote it introduces («من أن »)
# normalised «أنه», «أنها», «إنه» ... : a verb after one has the speaker as its subject
# types whose verb form after a preposition is read as the verbal noun («في دعم مصر»); for
# strikes, refusals and deployments the noun's arguments are read worse than the verb's
# («عن قصف طائرات التحالف الدولي لأربعة مخازن», «رفض ايران استقبال مشعل», «من نشر تركيا
# قوات»: right as verbs, lost as nouns), so they keep the verb reading
NOUN_AFTER_PREPOSITION_TYPES = frozenset({"SUPPORT"})
RECALL_REACH = 6  # words from a summoned ambassador to «لدى» and the state he serves in
LAM_ADJECTIVES = 2  # definite adjectives passed between a noun's doer and its «ل» object
_AUXILIARY_SKIPS = frozenset(("قد", "لقد", "كان", "كانت", "كانوا"))  # skip words that are no time words
SAID_PRONOUNS = frozenset(p + s for p in ("ان", "وان") for s in ("ه", "ها", "هم", "هما"))
SAID_SPAN = 2  # words into a quote its subject may start («أن إسرائيل», «إن الحكومة الإيرانية»)
# normalised allegations a denial may reject («نفى مزاعم بأنه قصف ...») and the «أن» after them
ALLEGATIONS = frozenset(normalize(w) for w in "مزاعم المزاعم اتهامات الاتهامات ادعاءات الادعاءات".split())
DENIED_THAT = frozenset({"بان", "بانه", "بانها", "بانهم", "ان", "انه", "انها"})
DENIED_SPAN = 12  # words of the denied clause a place is looked for in


@dataclass
class Coded:
    """What the coder found in one text; ``candidates``: the learnt stage's triples
    (key, features, first candidate), kept when the coder is asked to (training)."""

    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    candidates: list = field(default_factory=list)


PRAISED_SPAN = 4  # words from a stance of support to the cooperation it praises («بمستوى التنسيق»)
# words that begin with «ب» but carry no «ب» proclitic («بعد ذلك»): no act before the one allowed
NOT_BI_CLITIC = frozenset(("بين", "بعد", "بعض", "بعدما", "بدوره", "بدورها", "بدورهم", "بلاده", "بلادها"))


class EventCoder:
    """Callable ``(text, ...) -> Coded``; loads its lexicons once."""

    def __init__(self, lexicon_dirs: Iterable[str | Path] = (), domestic: Iterable[str] = DOMESTIC_TYPES):
        dirs = [str(d) for d in lexicon_dirs]
        self.lexicon = Lexicon.load(dirs)
        self.events = load_event_lexicon(dirs)
        self.domestic = frozenset(domestic)
        self.sources = ENTITY_SOURCES
        self.collect = False  # keep every learnt-stage triple on the result (training)
        self.model: Optional[dict] = None  # the learnt stage's model (None: the shipped one)
        self._memo: dict[str, bool] = {}

    def __call__(self, text: str, published: Optional[str] = None,
                 sentences: Optional[list[tuple[int, int]]] = None,
                 dates: Optional[list[DateRef]] = None,
                 mentions: Optional[list[Mention]] = None,
                 quotes: Optional[list[Quote]] = None, body_start: int = 0,
                 matches: Optional[list] = None, entities: Optional[list] = None) -> Coded:
        """Events and places of ``text``; events are coded only from ``body_start`` on
        (a title before it gives names, not events). ``matches``: lexicon matches of the
        text when the pipeline has them (``doc._.matches``), used instead of matching again."""
        pub = _parse(published)
        # Only sentences holding a trigger or a speech or light verb are read word by word.
        words: list = []
        bounds: list[tuple[int, int]] = []
        spans: list[tuple[int, int]] = []
        sentences = [(a, b) for a, b in sentences or split_sentences(text) if b > body_start]
        for (a, b), part in zip(sentences, scan_sentences(text, sentences)):
            relevant = has_word(part, self._relevant)
            if relevant or (relevant is None and any_word(text, a, b, self._relevant)):
                bounds.append((len(words), len(words) + len(part)))
                spans.append((a, b))
                words += part
        if mentions is None:
            mentions = confirmed_places(link_to_entities(mentions_from_lexicon(text, self.lexicon, pub, matches, words),
                                                         entities), entities)
            mentions = sorted(mentions + placed_beyond(text, mentions, entities, self.sources), key=lambda m: m.start)
        mentions = _outside_dates(mentions, dates or [])
        places = places_of(text, mentions, self.lexicon)
        places = sorted(places + entity_places(entities, mentions), key=lambda p: p.start or 0)
        if not words:
            return Coded([], places)
        starts = [a for a, _ in spans]
        inside = [m for m in mentions if (i := bisect_right(starts, m.clitic_start) - 1) >= 0
                  and m.end <= spans[i][1]]
        frame = Frame(text, words, inside, bounds, self.events)
        tags = tag_line(text)
        hits = [h for h in find_triggers(words, self.events, text, blocked=frame.owner)
                if body_start <= h.start < tags]
        frame.verbs_at([h.head for h in hits if h.is_verb])
        if history_article(text, body_start):
            hits = []  # «هذا اليوم في التاريخ»: a chronology of earlier years, no news
        story = {e.id: e.country for e in entities or ()  # where the story places each entity
                 if e.country and getattr(e, "country_source", None) in STORY_SOURCES}
        counts: Counter = Counter()
        for e in entities or ():  # outlets report from elsewhere («قال لـ«الشرق الأوسط»»): not the story's
            if e.country not in (None, "IGO") and e.sector != "MED":
                counts[e.country] += sum(m.field is None for m in e.mentions)
        dominant = counts.most_common(1)[0][0] if counts else None
        run = _Run(self, text, frame, bounds, hits, pub, dates or [], quotes or [], story, dominant)
        events = run.events()
        events += blamed_in_words(run, body_start)
        events += obliged_in_words(run, body_start)
        model = self.model or shipped_model()
        if entities is None or not (self.collect or model.get("threshold", 2.0) <= 1.0):  # > 1: no learnt stage
            return Coded(_towns_unnamed(events, entities), places)
        found = reach.candidates(run, entities, body_start)
        rules = {_key(e) for e in events}
        ctx = context_of(entities, rules, body_start, len(text))
        if self.collect:  # training: the rules' events, and every triple to learn from
            return Coded(events, places, triples(found, ctx))
        read = frozenset(e.trigger.start for e in events if e.trigger is not None)
        return Coded(_towns_unnamed(events + reach.decide(run, triples(found, ctx), model, rules, read), entities), places)

    def _relevant(self, key: str) -> bool:
        """May this word start an event or name a speaker (memoised)?"""
        found = self._memo.get(key)
        if found is None:
            found = bool(candidates(self.events, key)) or bool(
                self.events.kinds_of(key) & {"speech", "light"})
            self._memo[key] = found
        return found


def _outside_dates(mentions: list[Mention], dates: list[DateRef]) -> list[Mention]:
    """Mentions less those inside a date («أبريل (نيسان) الماضي»: the Levantine month, not
    Nissan, JPN)."""
    spans = [(d.start, d.end) for d in dates if d.start is not None and d.end is not None]
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]


def _towns_unnamed(events: list[Event], entities) -> list[Event]:
    """A town or region (a place standing for no state: no sector) is not named as the
    source of an event: «رئيس الجالية اليمنية في منطقة عسير», «محكمة جنايات القاهرة» do not
    make Asir or Cairo act. The event keeps the place's country, whose people or state
    acted there (a capital, «رفضت القاهرة», stands for its state and stays named)."""
    towns = {e.id for e in entities or () if e.label in ("LOC", "FAC") and e.sector is None}
    if not towns:
        return events
    return [replace(e, source=Actor(entity=None, country=e.source.country, sector=None))
            if e.source is not None and e.source.entity in towns else e for e in events]


def _key(e: Event) -> tuple[str, str, str]:
    return (e.source.country or "", e.type, e.target.country if e.target else "")


def _possessive(key: str) -> bool:
    """Does a normalised noun form end in a 3rd-person possessive that is no part of the stem?"""
    return bool(suffix_readings(key)) and key.endswith(POSSESSIVES)


def _parse(value: Optional[str]) -> Optional[dt.date]:
    try:
        parts = [int(p) for p in (value or "")[:10].split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


TEAMS = frozenset({"country", "adj", "capital"})  # how a sports story names teams («ليبيا», «الإسباني»)


class _Run:
    """One coding pass over one text (keeps the running topic)."""

    def __init__(self, coder: EventCoder, text: str, frame: Frame, bounds, hits: list[Hit],
                 published: Optional[dt.date], dates: list[DateRef], quotes: list[Quote],
                 story: Optional[dict[str, str]] = None, dominant: Optional[str] = None):
        self.coder, self.text, self.f, self.bounds, self.hits = coder, text, frame, bounds, hits
        self.published, self.dates, self.quotes = published, dates, quotes
        self.story = story or {}  # entity id -> the country the entities step placed it in
        self.dominant = dominant  # the country the article names most
        self.topics: list[tuple[int, Optional[Group]]] = []  # (word index, explicit subject)
        self.issued: list[tuple[int, Optional[Group]]] = []  # (speech verb of «البيان», its issuer)
        self.found: dict[tuple, Event] = {}
        self.coded: list[tuple] = []  # (trigger head, type, source, target mention, unnamed) as coded
        self.implied: dict[int, str] = {}  # mentions of no country standing for a place's state
        self.memo: dict[tuple, bool] = {}
        self.passive: set[int] = set()  # arrest verbs read as passives: the person after them is held
        self.between: set[int] = set()  # insurgents placed in the state they face («بين الحكومة والمعارضة»)
        self.sport = sport_story(text, coder.events)  # a sports story: countries as sides are teams

    # ------------------------------------------------------------------ driver
    def events(self) -> list[Event]:
        f = self.f
        hit_at = {h.head: h for h in self.hits}
        for i, kinds in enumerate(f.kinds):
            if i in hit_at:
                self._code(hit_at[i])
            elif ("speech" in kinds or "light" in kinds) and i not in f.owner:
                if f.statement_after(i) is not None:  # «وتابع البيان»: its issuer speaks on, for «وطالب البيان»
                    self.issued.append((i, self._issuer(i)))
                if (j := f.honorific_after(i)) is not None:  # «وأكد سموه»: the one so named before
                    self.topics.append((i, self._honoured(i, j)))
                    continue
                after = i + 1 if f.same_sentence(i + 1, i) and f.key(i + 1) in RESUMPTIVE else i
                subject = f.subject_before(i) or f.subject_after(after)  # «زيارة قامت بها الوزيرة»
                until = next((j for j in range(i + 1, i + 4) if j in hit_at), None)  # «أجرى خلالها مباحثات»
                if subject or f.explicit_subject(i, until):
                    self.topics.append((i, subject))  # an unknown subject ends the topic
        return list(self.found.values())

    def _light(self, i: int) -> bool:
        return self.f.is_("light", i)

    def _topic(self, h: int) -> Optional[Group]:
        """The last explicit subject before word ``h`` (None when it was no known actor)."""
        sentence = self.f.sentence_of[h]
        for i, group in reversed(self.topics):
            if i < h:
                return group if sentence - self.f.sentence_of[i] <= TOPIC_SENTENCES else None
        return None

    def _issuer(self, h: int) -> Optional[Group]:
        """Who issued the statement that is the subject of verb ``h`` («وطالب البيان»): the
        issuer of the statement speaking before (at most ISSUER_SENTENCES back: «وتابع
        البيان»), else the last explicit subject of a sentence that names a statement after
        its verb («وأوضحت الجالية البحرينية في بيان لها»), else the topic. Only the verb whose
        subject the statement is takes it: the words it reports have subjects of their own."""
        f, sentence = self.f, self.f.sentence_of[h]
        for i, group in reversed(self.issued):  # «وتابع البيان ... ولفت البيان»: the same issuer
            if i < h and sentence - f.sentence_of[i] <= ISSUER_SENTENCES:
                return group
        for i, group in reversed(self.topics):
            if i >= h or not group:
                continue
            if sentence - f.sentence_of[i] > ISSUER_SENTENCES:
                break
            end = self._sentence(i)[1]
            if any(r in STATEMENTS for j in range(i + 1, end) if f.words[j].kind == "word" for r in f.keys(j)):
                return group
        return self._topic(h)

    def _honoured(self, h: int, j: int) -> Optional[Group]:
        """Whom the honorific at word ``j``, the subject of verb ``h``, stands for: the last
        explicit subject of its rank (at most TOPIC_SENTENCES back: «استقبل ولي العهد ...
        السفير الكوري. وأشاد السفير الكوري ... وأكد سموه»: the prince), else the last person
        of its rank named in its sentence."""
        f, sentence = self.f, self.f.sentence_of[h]
        for i, group in reversed(self.topics):
            if i >= h or not group:
                continue
            if sentence - f.sentence_of[i] > TOPIC_SENTENCES:
                break
            if any(f.ranked(k, j) for k in group):
                return group
        return f.honoured_here(j)

    def _sentence(self, h: int) -> tuple[int, int]:
        return self.bounds[self.f.sentence_of[h]] if self.bounds else (0, len(self.f.words))

    # ------------------------------------------------------------------ one trigger
    def _code(self, hit: Hit) -> None:
        f = self.f
        hit = self._as_noun(hit)
        lo, hi = self._sentence(hit.head)
        hit = self._as_recall(hit, hi)
        hit = self._as_talks(hit, lo)
        if hit.is_verb and (j := f.honorific_after(hit.head)) is not None:
            self.topics.append((hit.head, self._honoured(hit.head, j)))  # «واستقبل سموه»: the one so named before
        elif hit.is_verb:
            explicit = f.subject_before(hit.head) or f.subject_after(hit.head, hit.transitive)
            if explicit or f.explicit_subject(hit.head):
                self.topics.append((hit.head, explicit))
        entry = hit.entry
        if hit.is_verb and hit.last == hit.head and f.same_sentence(hit.head + 1, hit.head) \
                and f.key(hit.head + 1) in NAME_LINKS:
            return  # «ياسر بن علي»: a first name («يأسر» captures), not a verb
        if entry.mode == "meeting" and hit.is_verb and f.same_sentence(hit.last + 1, hit.head) \
                and f.key(hit.last + 1) in ("علي", "عن"):
            return  # «تلتقيان على ضرورة الحل»: they agree on; «تبحث عن تطبيع»: it seeks; no meeting
        two = self._the_two(hit, lo, hi) if entry.type in PERSON_DUAL_TYPES else None
        if not f.has_mention[f.sentence_of[hit.head]] and "unilateral" not in entry.flags \
                and entry.mode not in SELF_TARGET_MODES and two is None:
            return  # no actor in the sentence: no target can be found
        if not self.asserted(hit, lo, hi) or self.history(hit, lo, hi):
            return
        if "personobj" in entry.flags and not self._someone_held(hit, hi):
            return  # «أوقفت الخطوط الجوية اليمنية رحلاتها»: stopped its flights, held no one
        if entry.mode == "projectile":  # «سقوط مقذوف من داخل الأراضي اليمنية على قرية بجازان»
            if (sides := projectile_sides(f, hit, lo, hi)) is not None:
                pairs = self._pairs(hit, sides[0], sides[1], "place")
                if pairs:
                    self._add(hit, pairs, place_near(f, hit, lo, hi), lo, hi, sides[0], sides[1])
            return
        source, after = self._source(hit)
        early: tuple = (None, None)
        if source and not hit.is_verb and f.span[source[-1]][0] > hit.last:
            early = f.targets(hit, hit.last + 1, f.span[source[0]][0])  # «المساعدات للأشقاء اليمنيين التي قدمتها المملكة»
            after = max(after, f.span[source[-1]][1] + 1)  # the relative clause's subject
        target, spec = early if early[0] else f.targets(hit, max(after, hit.last + 1), hi)
        if target and entry.mode == "permission" and not self._permitted_first(hit, after, target):
            target, spec = None, None  # «قررت السماح بشن غارات ... للدفاع عن ...»: an act allowed, no one
        if not target and entry.type == "SUPPORT" and (praised := self._praised_partner(hit, hi)) is not None:
            target, spec = praised, "مع"  # «مشيدا بمستوى التنسيق المتكامل مع قوات التحالف العربي»
        if not target and self._held_after(hit, source):
            target, spec = source, "self"  # «اعتقل رضائيان»: he was arrested, by his state
            self.passive.add(hit.head)
        if not target and source and entry.type in STANCE_TYPES and (inside := object_inside(f, hit, source)):
            target, spec = inside, "obj"  # «حمّلت الرئاسة الفلسطينية سلطات الاحتلال الإسرائيلية مسؤولية»
        if not target and source and entry.type in ("ACCUSE", "REJECT") and (deed := deed_agent(f, max(after, hit.last + 1), hi)):
            target, spec = deed, "obj"  # «أدان ما تقوم به قوات الاحتلال الإسرائيلي من اعتداءات»
        if not target and source and entry.type in STANCE_TYPES and (said := self._said(hit)) is not None:
            target, spec = said, "quote"  # «حذر من أن إسرائيل سترتكب خطأ»: whom the words are about
        if not target and entry.type in REFERENT_TYPES and (ref := referent(self, hit, after, hi, source)):
            target, spec = ref, "deed"  # «ندين هذا القصف»: the doer of the bombing reported before
        if not target and source and self._possessed(hit) and entry.type == "CONSULT":
            target = f.direct_object(max(after, hit.last + 1), hi)  # «لقاؤه الرئيس السيسي»
            spec = "obj" if target else spec
        if not target and source and hit.is_verb and entry.type in STANCE_TYPES and "obj" in entry.target \
                and (j := f.past_conjunct(max(after, hit.last + 1), hi)) is not None:
            target = f.direct_object(j, hi)  # «ودعمت الولايات المتحدة وحلفاؤها في حلف شمال الاطلسي دبلوماسيا كييف»
            spec = "obj" if target else spec
        if not target and source and hit.is_verb and "obj" in entry.target \
                and (j := f.past_time_aside(max(after, hit.last + 1), hi)) is not None:
            target = f.direct_object(j, hi)  # «استهدفت الطائرات السعودية، اليوم، تجمعات للحوثيين»
            spec = "obj" if target else spec
        if not target and source and entry.mode == "denial" and (k := self._denied_place(hit, after, hi, source)) is not None:
            target, spec = [k], "place"  # «نفى الجيش التركي مزاعم بأنه قصف مدنيين في قرية ... بشمالي العراق»
        if not target and source and hit.is_verb and entry.mode == "meeting" and "obj" in entry.target \
                and not self._object_pronoun(f.key(hit.head)):  # «تستضيفها»: the object is given
            target = self._met(source, max(after, hit.last + 1), hi)
            spec = "obj" if target else spec
        if not hit.is_verb and spec not in (None, "gen") and (gen := self._genitive(hit)) and gen != target:
            source = gen  # «زيارة الرئيس كيم لروسيا»: the genitive is the visitor
        if not hit.is_verb and spec == "gen" and target and (obj := self._object_of_noun(hit, target, hi)):
            source, target, spec = target, obj, "obj"  # «اتهام الحكومة البريطانية أمس أسبانيا»
        if not hit.is_verb and not target and source and f.adjective[source[0]] \
                and (f.span[source[0]][0] == hit.last + 1 or source == self._force_genitive(hit)) \
                and (obj := self._lam_object(hit, source, hi)):
            target, spec = obj, "ل"  # «القصف الهندي للقرى الحدودية الباكستانية»
        if not hit.is_verb and entry.mode == "visit" and spec == "gen" and target:
            if f.mentions[target[0]].kind in ("person", "title", "institution", "org"):
                source, target = target, None
        if entry.mode == "visit" and self._court(target):
            return  # «ستتوجه إلى المحكمة الجنائية الدولية»: a case brought, no visit
        if "thingobj" in entry.flags and spec == "ب" and self._guest(target):
            return  # «جدد ترحيبه بخادم الحرمين الشريفين خلال زيارته»: hospitality, no backing
        if spec == "بين":
            source = None  # «الاتفاق بين إيران و…»: the parties are inside the phrase
        if entry.type == "SUPPORT" and (backing := self._backing(hit, source, hi)) is not None:
            source, target, spec = backing[0], backing[1], "backed"  # «قوات عراقية بدعم من التحالف الدولي»
        place = place_near(f, hit, lo, hi)
        if entry.mode == "arrest" and not target and (placed := self._placed_arrester(hit, source)):
            source, target, spec = placed, placed, "self"  # «ألقت الشرطة القبض على ثلاثة في الرياض»
        # a conflict or coercion happens where its sides are; talks' venue is no home («ممثلون
        # عن أوكرانيا وروسيا والمتمردين للاجتماع في مينسك»)
        # and outside acts of force only a state's agents are the story's («أقرت الحكومة»): a
        # group's talks or support may be anywhere, and words (demands, threats) are often
        # another side's («استجابة لمناشدة الحكومة الشرعية» in a Saudi story: Yemen's)
        force = entry.type in FORCE_TYPES
        here = clause_place(f, hit, lo, hi) if force else None
        for k in source or []:  # «قوات الأمن», «المسلحون»: they act where the story happens; whom
            # a state strikes may be abroad («شنت تركيا عملية عسكرية ضد المسلحين الأكراد»)
            sector = f.mentions[k].sector
            crowd = entry.type == "PROTEST"  # crowds protest, not armies («وضعها الجيش ... في أعقاب المظاهرات»)
            if k not in self.implied and (force and sector != "OPP" and (sector in STATE_SECTORS) != crowd
                                          or entry.type not in self.coder.domestic
                                          and sector in STATE_SECTORS) \
                    and (country := agent_setting(f, k, here, self.story, self.dominant)):
                self.implied[k] = country
            elif k not in self.implied and force and sector == "REB" and entry.type != "PROTEST" \
                    and here is not None and (country := agent_setting(f, k, here, {})):
                # «المقاومة دفعت بتعزيزات ... من اتجاه محافظة تعز»: an armed group of no country
                # is coded by the country it acts in (GUIDELINES), its clause's place (not the
                # story's guess: «فتح مسلح النار» in Chattanooga had been Palestinian)
                self.implied[k] = country
        if target and entry.type == "ASSAULT" and (abroad := self._acting_abroad(hit, target, here, lo, hi)) \
                and not self._at_home(source, abroad):
            target, spec = abroad, "place"  # «قصف لمخيمات ... حزب العمال الكردستاني في شمال العراق»
        stateless = bool(target) and not any(self._country(k) for k in target)
        session = self._possessed(hit) and entry.mode == "meeting" \
            and f.mentions[source[0]].kind in ("institution", "org") if source else False
        if (not target or stateless) and "needtarget" not in entry.flags and source and (len(source) == 1 or force) \
                and not session:  # «الهيئة العامة للائتلاف ... في اجتماعها المنعقد في إسطنبول»: a venue
            # no target, or a group of no country («مواقع لتنظيم داعش في سوريا»): the group is
            # coded by the country it acts in (GUIDELINES), the place after the trigger
            target, spec = place_target(f, hit, place, source, after), "place"
            if not target and entry.type == "ASSAULT" and (k := self._struck_place(hit, here, source, lo, hi)) is not None:
                target = [k]  # «غارات على معسكر "اللواء 35" الموالي لـ"صالح" والحوثي في مدينة المخاء»
        if not target and entry.mode in SELF_TARGET_MODES and source:
            if entry.mode != "trial" and not f.mentions[source[0]].agent:
                # a court tries its own; a raid may cross a border (an agent the story places
                # acts where it is: its clause's place, if any, placed it)
                target, spec = place_back(f, hit, source[:1]), "place"  # «قوات الاحتلال ... في الضفة»
            if not target:
                target, spec = source[:1], "self"  # «أصدر قضاء النظام السوري أحكاما بالإعدام على خمسة أشخاص»
        if not source and not target and (home := self._unclaimed(hit, place, lo, hi)) is not None:
            source = target = [home]  # «وقتل 15 شخصا في تفجير انتحاري في سوق بشمال أفغانستان»
            spec = "unclaimed"
        if not target and entry.type == "ASSAULT" and source and len(source) == 1 and source[0] in self.implied:
            # «قامت القوات المسلحة باستهداف مقر لتجمع العناصر الإرهابية»: an agent the story
            # places strikes no one named, or a group of no country: at home
            target, spec = source[:1], "self"
        if not target and "unilateral" in entry.flags and source and entry.type in INWARD_TYPES:
            # «قرر تمديد حالة الطوارئ», «مظاهرات في طهران»: done at home, to its own country
            if place is not None and place.place is not None and place.place.country:
                target, spec = [f.mentions.index(place)], "place"
            elif entry.mode != "deployment" or f.mentions[source[0]].agent:
                # troops sent somewhere unnamed may face anyone; an agent the story places
                # («المقاومة دفعت بتعزيزات») moves at home
                target, spec = source[:1], "inward"
        if spec in ("self", "unclaimed"):
            pairs = [(k, k) for k in source
                     if self._country(k) and f.mentions[k].sector in STATE_SECTORS | {None}][:1]
        elif spec == "inward":
            pairs = [(k, k) for k in source if self._placed(k)][:1]
        else:
            pairs = self._pairs(hit, source, target, spec)
        at = None
        if not pairs and two is not None:  # «والتقى الاثنان في ماليزيا»: the two named before
            a, b, at = two
            pairs, source, target = [(a, b), (b, a)], [a], [b]
        if pairs:
            self._add(hit, pairs, place, lo, hi, source, target, at, unnamed=spec == "unclaimed")

    def _denied_place(self, hit: Hit, after: int, hi: int, source: Group) -> Optional[int]:
        """A denial of allegations that it did something somewhere («نفى الجيش التركي امس
        مزاعم بأنه قصف مدنيين في قرية زركله بشمالي العراق»): the country where the denied act
        is placed, when it is not the denier's (those who allege it speak for it). The
        allegation noun comes first after the verb, then «بأن/أن»; the place is the first
        located one of that clause (no comma between)."""
        f = self.f
        j = f.past_skips(max(after, hit.last + 1), hi)
        if j + 1 >= hi or not any(r in ALLEGATIONS for r in f.keys(j)) or f.key(j + 1) not in DENIED_THAT:
            return None
        mine = {self._country(k) for k in source}
        for i in range(j + 2, min(hi, j + 2 + DENIED_SPAN)):
            if f.words[i].text in CLAUSE_MARKS or f.stops(i):
                return None
            k = f.mention_at(i)
            if k is not None and f.locative[k] and f.mentions[k].place is not None:
                country = f.mentions[k].place.country
                return k if country and country not in mine else None
        return None

    def _unclaimed(self, hit: Hit, place: Optional[Mention], lo: int, hi: int) -> Optional[int]:
        """Terror or fighting no one is named for, placed after it in a country (a bombing,
        clashes, a «terrorist» or «suicide» attack: «قتل 15 شخصا في تفجير انتحاري في سوق
        بشمال أفغانستان»): the place's mention, the group being coded by the country it acts
        in (GUIDELINES); None when the sentence names an actor of another country (who
        most often struck there: «قصف أهداف لحزب العمال الكردستاني شمالي العراق» after
        Turkey) or the trigger is no such act (a crime: «الاعتداء على الطبيب»)."""
        f = self.f
        killed = hit.is_verb and self._killed(hit, hi)
        if hit.is_verb and not killed or hit.entry.type != "ASSAULT" or place is None or place.place is None \
                or not place.place.country:
            return None
        terror = killed or hit.entry.mode in UNCLAIMED_MODES or f.same_sentence(hit.last + 1, hit.head) \
            and f.is_("terror", hit.last + 1)
        k = f.mentions.index(place)
        if not terror or f.span[k][0] <= hit.last or self._dateline([k]):
            return None
        country = place.place.country
        if any(self._country(j) not in (None, country) for j in range(len(f.mentions))
               if lo <= f.span[j][0] < hi and f.mentions[j].can_act):
            return None
        return k

    def _struck_place(self, hit: Hit, here: Optional[Mention], source: Group, lo: int, hi: int) -> Optional[int]:
        """The place of an attack's clause named after it (before a comma or the clause's
        end), further than the first locative phrase :func:`place_target` reads: what was
        struck lies there («غارات جوية نفذها الجيش السوري على قرية يسيطر عليها تنظيم داعش
        في محافظة حلب»). None when there is none."""
        f = self.f
        if here is None or here.place is None or not here.place.country:
            return None
        k = f.mentions.index(here)
        if f.span[k][0] <= hit.last or not all(lo <= f.span[j][0] < hi and (f.mentions[j].sector in STRIKERS or (
                f.mentions[j].sector is None and f.mentions[j].kind in STATE_KINDS)) for j in source):
            return None  # a side named sentences back, or no armed or state side («أدان بان كي مون»)
        if any(h.head > hit.last and h.head < f.span[k][0] for h in self.hits) \
                or any(f.key(j) in CLAUSE_BREAKS for j in range(hit.last + 1, f.span[k][0])):
            return None  # «عملية عسكرية ضد المسلحين الاكراد رغم انهم لعبوا دورا في قتال داعش في سوريا»
        return k

    def _at_home(self, source: Optional[Group], place: Group) -> bool:
        """Is the place an armed group was struck in the striker's own country? Then the
        group keeps its own country: «مقاتلات التحالف العربي نفذت أربع غارات جوية على فندق
        يتجمع فيه الحوثيين وسط مدينة حرض» strikes Yemen's Houthis (the gazetteer's Haradh is
        Saudi), and a state's troops fighting a foreign group that crossed in fight that group's
        country."""
        return bool(source) and {self._country(k) for k in place} <= {self._country(k) for k in source}

    def _court(self, target: Optional[Group]) -> bool:
        """Is the target a court (sector JUD)? One goes to a court with a case, not on a visit."""
        return bool(target) and self.f.mentions[target[0]].sector == "JUD"

    def _guest(self, target: Optional[Group]) -> bool:
        """A «ب» complement that is a person or an official itself («رحب بالرئيس», not
        «رحب بقرار الرئيس»): the one welcomed is a guest (flag `thingobj`)."""
        m = self.f.mentions[target[0]] if target else None
        return m is not None and m.kind in ("person", "title") and m.clitic.endswith("ب")

    def _killed(self, hit: Hit, hi: int) -> bool:
        """A killing verb read as a passive with its toll right after it, in a sentence that
        names terror («قتل 15 شخصا ... عندما فجر انتحاري نفسه في سوق مزدحمة بشمال
        أفغانستان»: a suicide bombing no one is named for)."""
        f = self.f
        j = hit.last + 1
        if hit.tense == NOUN or not f.same_sentence(j, hit.head) \
                or not (f.words[j].kind == "num" or f.is_("numeral", j)):
            return False
        return any(f.is_("terror", i) for i in range(j, hi))

    def _backing(self, hit: Hit, source: Optional[Group], hi: int) -> Optional[tuple[Group, Group]]:
        """«بدعم من X», «وبدعم X» right after an actor, governed by no other trigger: "with
        X's backing" — X backs the actor just named (the source the noun rules read), who is
        then the target («قوات عراقية بدعم من التحالف الدولي»); so is support received
        («وحصل النص الروسي على دعم فنزويلا», «يحظى بدعم الرئيس الروسي», «تلقى دعما من»:
        `receive` markers, the receiver the verb's subject). ``(backer, backed)``; None when
        it is no such phrase (a noun or adjective before it governs it: «التزام تركي حقيقي
        بدعم المعارضة»)."""
        f = self.f
        if hit.is_verb or governed(f, self.hits, hit):
            return None
        if (receiver := self._received(hit)) is not None:
            backed = f.subject_before(receiver) or f.subject_after(receiver)
        else:
            backed = source
            if not source or hit.clitic not in ("ب", "وب") or f.span[source[-1]][1] >= hit.head \
                    or any(f.words[j].kind != "punct" for j in range(f.span[source[-1]][1] + 1, hit.head)):
                return None
        j = hit.last + 1
        if f.same_sentence(j, hit.head) and f.key(j) == "من":
            backer = f.complement(j, "من", hi)
        else:
            backer = f.genitive(hit.last)
        return (backer, backed) if backer and backed else None

    def _acting_abroad(self, hit: Hit, target: Group, here: Optional[Mention], lo: int,
                       hi: int) -> Optional[Group]:
        """An armed group struck where the clause places it, in another country than the one
        the lexicon gives it («ضربات جوية على معسكرات حزب العمال الكردستاني في شمال العراق»):
        the group is coded by the country it acts in (GUIDELINES), the place's. None otherwise."""
        f = self.f
        if not all(f.mentions[k].sector == "REB" and f.mentions[k].country for k in target):
            return None
        place = here or clause_place(f, hit, lo, hi)
        if place is None or not place.place.country:
            return None
        k = f.mentions.index(place)
        if f.span[k][0] <= f.span[target[-1]][1] or place.place.country in {f.mentions[t].country for t in target}:
            return None  # a place before the group is where the striker is
        return [k]

    def _placed_arrester(self, hit: Hit, source: Optional[Group]) -> Optional[Group]:
        """Who arrests when the sentence names no state: the authorities of the place where
        it happens, named as an agent of no country («ألقت الشرطة القبض على ثلاثة أشخاص في
        الرياض», «أعلنت وزارة الداخلية في غزة عن توقيف») or left out by a passive («تم
        القبض على المتهم في جدة»). The place is the first located one after the agent, in
        the trigger's clause (not past a comma after the trigger). The group standing for
        them (the agent, or the place), its country set from the place's."""
        f = self.f
        if source:
            if any(self._country(k) for k in source) or f.mentions[source[0]].sector not in STATE_SECTORS:
                return None
            start = f.span[source[-1]][1] + 1  # «وزارة الداخلية والأمن الوطني في غزة»
        elif f.same_sentence(hit.head - 1, hit.head) and (
                (aux := f.key(hit.head - 1)) in PASSIVE_AUX or aux[:1] in "وف" and aux[1:] in PASSIVE_AUX):
            start = hit.last + 1
        else:
            return None
        end = next((j for j in range(hit.last + 1, self._sentence(hit.head)[1])
                    if f.words[j].text in CLAUSE_MARKS), self._sentence(hit.head)[1])
        place = next((k for k in range(bisect_right(f.mention_firsts, start - 1), len(f.mentions))
                      if f.span[k][0] < end and f.locative[k] and f.mentions[k].place is not None
                      and f.mentions[k].place.country), None)
        if place is None or f.span[place][0] >= end:
            said = self._quoting_state(hit)
            if said is None:
                return None
            k = source[0] if source else said  # «قالت المنسقية التركية إن قوات الأمن أوقفت»; a passive:
            self.implied[k] = self._country(said)  # «وأعلنت الداخلية التونسية أنه تم القبض على»
            return [k]
        k = source[0] if source else place
        self.implied[k] = f.mentions[place].place.country
        return [k]

    def _held_after(self, hit: Hit, source: Optional[Group]) -> bool:
        """An arrest verb in the bare perfect with one named person after it and nothing
        else held («اعتقل رضائيان في يوليو»): the perfect reads as a passive, the person is the
        one arrested (a state's organs arrest, people are arrested)."""
        f = self.f
        return hit.is_verb and hit.entry.mode == "arrest" and hit.tense == "perf" and bool(source) \
            and len(source) == 1 and f.span[source[0]][0] > hit.last and f.mentions[source[0]].kind == "person"

    def _someone_held(self, hit: Hit, hi: int) -> bool:
        """Does someone stand in the few words after the trigger, in its clause: an actor
        (not a place), a number («23 شخصاً»), a quotation («أوقفت «وسيطا»») or a people word
        («المتهم», «عناصر»)? Then «أوقف» arrests; else it stops something."""
        f = self.f
        seen = 0
        for j in range(hit.last + 1, hi):
            w = f.words[j]
            if w.kind == "punct":
                if w.text in HELD_QUOTES:
                    return True
                if f.stops(j, quotes=False):
                    return False
                continue  # «أوقفت، منذ أمس الجمعة، 320 شخصاً»
            seen += 1
            if seen > HELD_SPAN:
                return False
            if w.kind == "num" or f.is_("numeral", j) or any(
                    f.lex.is_("people", r[2:] if r.startswith("ال") else r) for r in f.keys(j)):
                return True
            if j in f.owner and f.mentions[f.owner[j]].kind in ("person", "title") \
                    and f.span[f.owner[j]][0] > hit.last + 1:  # not the subject right after the verb
                return True
        return False

    def _quoting_state(self, hit: Hit) -> Optional[int]:
        """The mention of the state organ whose words hold the trigger («قالت وزارة الداخلية
        التونسية إن قوات الأمن ...»; its country's): its agents of no country are that state's."""
        f = self.f
        for q in self.quotes_around(hit):
            if q.speaker.start is not None:
                said = [k for k, m in enumerate(f.mentions) if m.start < q.speaker.end and q.speaker.start < m.end
                        and m.sector in STATE_SECTORS | {None} and self._country(k) not in (None, "IGO")
                        and (m.kind != "adj" or word_before(self.text, m.clitic_start).startswith("ال"))]
                # «المنسقية ... التركية»: an adjective on a definite noun; «اللواء منصور التركي»: a surname
                return said[-1] if said else None
        return None

    def _the_two(self, hit: Hit, lo: int, hi: int) -> Optional[tuple[int, int, int]]:
        """For «الجانبان», «الطرفين», «الاثنان», «البلدين» next to a symmetric trigger: the
        last mentions of the two countries named before it in this sentence and the
        TOPIC_SENTENCES before, and the dual's word; None unless exactly two countries are
        named there."""
        f = self.f
        at = next((j for j in range(max(lo, hit.head - DUAL_REACH), min(hi, hit.last + DUAL_REACH + 1))
                   if j not in f.owner and f.words[j].kind == "word"
                   and any(r in DUALS and pre in ("", "و", "ب") for r, pre in proclitic_readings(f.key(j)))), None)
        if at is None:
            return None
        people = any(r in PERSON_DUALS for r, _ in proclitic_readings(f.key(at)))
        if not people and hit.entry.type not in DUAL_TYPES:
            return None  # «اتفق الطرفان»: two factions as often as two states
        first = f.sentence_of[at] - TOPIC_SENTENCES
        last: dict[str, int] = {}
        for k in range(bisect_right(f.mention_firsts, at) - 1, -1, -1):
            if f.sentence_of[f.span[k][0]] < first:
                break
            country = self._country(k)
            if country and f.mentions[k].can_act and not f.locative[k] and f.mentions[k].sector != "MED" \
                    and (not people or f.mentions[k].kind in ("person", "title")):
                last.setdefault(country, k)  # an outlet that reports («لرويترز») is no side
        if len(last) != 2:
            return None
        a, b = sorted(last.values())
        return a, b, at

    def _met(self, source: Group, after: int, hi: int) -> Optional[Group]:
        """The one a subject met, past the subject's own titles and the meeting's place and
        time: the first free actor of another country in the clause."""
        mine = {self._country(k) for k in source}
        for k in self.f.objects_beyond(after, hi):
            country = self._country(k)
            if country and country not in mine:
                return self.f.group(k)
        return None

    def _as_noun(self, hit: Hit) -> Hit:
        """«عقوبة طرد حارس»: a verb form right after a noun is its twin verbal noun
        (طرد expelled / expulsion), when the lexicon has one of the same type."""
        f, j = self.f, hit.head - 1
        if hit.is_verb and not hit.clitic and self._received(hit) is not None:
            return self._noun_twin(hit)  # «حصل على دعم», «تلقى دعما»: support received, a noun
        if hit.is_verb and not hit.clitic and hit.entry.type in NOUN_AFTER_PREPOSITION_TYPES \
                and f.same_sentence(j, hit.head) and f.key(j) in PREPOSITIONS:
            return self._noun_twin(hit)  # «موقف المملكة في دعم مصر»: no verb after a preposition
        adverb = f.same_sentence(j, hit.head) and f.is_("skip", j) and f.key(j).endswith("ا")  # «أكدت مجددا رفض»
        if not adverb and not hit.clitic:
            j = self._before_time_words(hit.head, j)  # «استمر أمس قصف المدفعية»: the shelling went on
        if not hit.is_verb or hit.clitic or not f.same_sentence(j, hit.head) or not (f.is_noun(j) or adverb):
            return hit
        if any(f.is_(kind, j) for kind in ("negation", "speech", "boundary", "modal", "denial")) or self._light(j):
            return hit
        if f.key(j) in ("ان", "انه", "انها", "ان", "ثم", "كما", "لقد", "قد"):
            return hit
        return self._noun_twin(hit)

    def _before_time_words(self, h: int, j: int) -> int:
        """The word before the time words («أمس», «اليوم», «السبت») right before word ``h``
        (``j`` itself when there are none); auxiliaries («قد», «كانت») are no time words."""
        f, i = self.f, j
        while i > 0 and f.same_sentence(i, h) and f.is_("skip", i) and f.key(i) not in _AUXILIARY_SKIPS:
            i -= 1
        return j if i == j or self.f.is_("daytime", i) else i  # «مساء الأربعاء قصف الطيران»: a verb

    def _as_recall(self, hit: Hit, hi: int) -> Hit:
        """«استدعت وزارة الخارجية البحرينية سفير المملكة لدى الجمهورية الإسلامية الإيرانية»:
        an ambassador summoned who serves in a third country («لدى» + a state not the
        summoner's) is the summoner's own, recalled (the lexicon's recall entry, SANCTION
        against that state), not another state's ambassador summoned in protest."""
        if hit.entry.mode != "summon":
            return hit
        f = self.f
        for j in range(hit.last + 1, min(hi, hit.last + 1 + RECALL_REACH)):
            if f.stops(j) or f.words[j].kind != "word":
                return hit
            if f.key(j) != "لدي":
                continue
            k = f.mention_at(j + 1) if f.same_sentence(j + 1, hit.head) else None
            if k is None or not f.mentions[k].country:
                return hit
            recall = next((replace(hit, entry=form.entry) for form in self.coder.events.lookup(f.key(hit.head))
                           if form.entry.type == "SANCTION" and form.tense == hit.tense), None)
            source = self._source(recall)[0] if recall else None
            mine = {self._country(x) for x in source or ()}
            return recall if source and self._country(k) not in mine else hit
        return hit

    def _as_talks(self, hit: Hit, lo: int) -> Hit:
        """Cooperation that talks were about is the talks («وجرى خلال الاستقبال استعراض آفاق
        التعاون بين البلدين», «بحثا خلاله أوجه التعاون»): coded as CONSULT between its sides,
        not as cooperation done (annotators code the meeting, with COOPERATE at most as an
        alternative reading)."""
        if hit.entry.type != "COOPERATE" or not talks_topic(self.f, hit, lo):
            return hit
        return replace(hit, entry=replace(hit.entry, type="CONSULT", mode="meeting"))

    def _praised_partner(self, hit: Hit, hi: int) -> Optional[Group]:
        """The partner of the cooperation a stance of support praises («مشيدا بمستوى التنسيق
        المتكامل مع قوات التحالف العربي», «أشاد بالتعاون مع المملكة»): a cooperation noun at
        most PRAISED_SPAN words after the trigger, in its clause, whose «مع» names the partner."""
        f = self.f
        if hit.clitic.endswith("ب"):
            return None  # «بدعم وتنسيق مع قوات التحالف»: backing received, not support given
        for g in self.hits:
            if g.head <= hit.last or g.head - hit.last > PRAISED_SPAN:
                continue
            if g.entry.type != "COOPERATE" or g.is_verb or not f.same_sentence(g.head, hit.head) \
                    or any(f.stops(j) or f.words[j].text in "،," for j in range(hit.last + 1, g.head)):
                return None
            found, spec = f.targets(g, g.last + 1, hi)
            return found if spec == "مع" else None
        return None

    def _permitted_first(self, hit: Hit, after: int, target: Group) -> bool:
        """Is the one allowed named before the act allowed? A permission names whom it lets
        act, then the act: «سمحت تركيا للولايات المتحدة باستخدام قواعدها». With the act first
        («قررت السماح بشن غارات جوية للدفاع عن مقاتلي المعارضة») a «ل» after it is the act's
        purpose or object, not the one allowed."""
        f = self.f
        for j in range(max(after, hit.last + 1), f.span[target[0]][0]):
            key = f.key(j)
            if f.words[j].kind == "word" and key.startswith(("ب", "وب")) and len(key) > 2 \
                    and key not in NOT_BI_CLITIC:
                return False
        return True

    def _noun_twin(self, hit: Hit) -> Hit:
        """The verbal noun of the lexicon spelt as the verb form ``hit``, of its type (else
        ``hit``)."""
        word = self.f.words[hit.head].key
        for form in self.coder.events.lookup(word):
            if form.tense == NOUN and form.entry.type == hit.entry.type:
                return replace(hit, entry=form.entry, tense=NOUN)
        return hit

    def _received(self, hit: Hit) -> Optional[int]:
        """The verb of receiving that governs the trigger, past its subject («حصل النص
        الروسي على دعم», «تلقت الحكومة اليمنية دعما»), if any."""
        f, j = self.f, hit.head - 1
        if f.same_sentence(j, hit.head) and f.key(j) == "علي":
            j -= 1
        for i in range(j, max(j - RECEIVE_REACH, -1), -1):
            if not f.same_sentence(i, hit.head) or f.words[i].kind != "word" or f.stops(i):
                return None
            if f.is_("receive", i):
                return i
        return None

    def _source(self, hit: Hit) -> tuple[Optional[Group], int]:
        """The source group and the word after which the target is looked for."""
        f = self.f
        after = hit.last + 1
        if hit.tense in (PERF1, IMPF1) or "speaker" in hit.entry.flags:
            return self._speaker(hit), after
        if hit.tense == PART:  # «قال الوزير ...، مطالبا»: the clause's subject
            return self._topic(hit.head) or self.f.first_actor_of_sentence(hit.head), after
        if hit.is_verb and (j := f.honorific_after(hit.head)) is not None:
            return self._honoured(hit.head, j), j + 1  # «واستقبل سموه الرئيس المصري»: the one so named before
        if hit.is_verb and (j := f.statement_after(hit.head)) is not None:
            return self._issuer(hit.head), j + 1  # «طالب البيان المجتمع الدولي»: the issuer's demand
        if hit.is_verb:
            g = f.subject_before(hit.head)
            if g is not None and self._dateline(g):
                g = None  # «برلين دعا وزير الاقتصاد الألماني»: the dateline, then the subject
            if g is None and (g := self._antecedent(hit)) is not None:
                return g, after  # «كييف التي تتهم الكرملين»: Kyiv accuses
            if g is None and self._after_said_pronoun(hit.head) and (g := self._said_by(hit)) is not None:
                return g, after  # «أعلن الجيش التركي أنه قصف مواقع»: the one who says so
            if g is None and not self._numbered(hit) \
                    and (g := f.subject_after(hit.head, hit.transitive)) is not None:
                after = f.past_apposition(max(after, f.span[g[-1]][1] + 1))
            if not (g and any(self._country(k) for k in g)) and hit.entry.type in STANCE_TYPES \
                    and (m := f.members_after(hit.head, self._sentence(hit.head)[1])) is not None:
                return m, f.span[m[-1]][1] + 1  # «وأيد حلفاء غربيون بينهم حلف شمال الأطلسي والولايات المتحدة»
            if g is None and self._clause_initial(hit) and not f.explicit_subject(hit.head):
                g = self._topic(hit.head)
            return g, after
        lv = f.light_verb(hit.head)
        if lv is not None:
            g = f.subject_before(lv) or f.subject_after(lv)
            if g and f.span[g[-1]][1] >= hit.head:
                g = None
            if g is None and (k := self._antecedent_at(lv, self.coder.events.light.get(f.key(lv)))) is not None:
                g = f.group(k)  # «الولايات المتحدة التي تشن ضربات جوية»: the antecedent launches them
            if g is None and self._after_said_pronoun(lv):
                g = self._said_by(hit)  # «قالت وزارة الدفاع إنها شنت غارات»
            if g is None:
                first_person = self.coder.events.light.get(f.key(lv)) in (PERF1, IMPF1)
                if first_person:
                    g = self._speaker(hit)
                elif self._clause_initial_at(lv) and not f.explicit_subject(lv, until=lv + 1):  # only skip or measure words between
                    g = self._topic(lv)
            return g, after
        if (g := f.light_verb_over_subject(hit.head)) is not None and any(self._country(k) for k in g):
            return g, after  # «وعلى هامش اللقاء، سيجري كيري محادثات مع»: Kerry's, not the meeting's phrase
        if self._possessed(hit) and (not self._complement_noun(hit) or f.key(hit.head - 1) == "عن"):
            # «خلال لقائه»: his; «أعربت مملكة البحرين عن تعازيها»: hers, the one who expresses it
            return f.owner_back(hit.head, people=hit.entry.type in STANCE_TYPES) or self._topic(hit.head), after
        if self._complement_noun(hit) and f.key(hit.head - 1) == "عن" and (g := self._announcer(hit)):
            return g, after  # «كما أعلنت عن توقيف خمسة أشخاص»: who announces the arrests made them
        if self._complement_noun(hit) and (g := self._approver(hit)) is not None:
            return g, after  # «وافقت الخارجية الأمريكية على بيع صواريخ للسعودية»: the approver's act
        if governed(f, self.hits, hit) or self._complement_noun(hit):
            return self._relative_subject(hit), after  # «ندد الجبوري بعمليات الإعدام»: not his
        gen = self._genitive(hit)
        if gen and f.adjective[gen[0]]:
            return gen, after  # «التحذيرات الأميركية», «الدعم الإيراني»: the owner acts
        # Past «أن» only for a noun owned by someone («محادثاته») or a stance that is the
        # reported speech act itself («بالقول إن … دون الالتفات إلى التحذيرات»).
        cross = bool(suffix_readings(f.key(hit.head))) or hit.entry.type in STANCE_TYPES
        g = self._relative_subject(hit)  # «زيارة قامت بها الوزيرة»: hers
        if g is None and not (hit.head > 0 and f.is_("occurrence", hit.head - 1)):  # «عقب وقوع التفجير»: no doer
            g = self._not_owned(f.subject_back(hit.head, cross))
        if g is None and hit.entry.symmetric and self._opens_sentence(hit):
            g = self._topic(hit.head)  # «.. شهدت بدء محادثات قمة مع الرئيس بوتين»: the visitor's
        return g, after

    def _not_owned(self, g: Optional[Group]) -> Optional[Group]:
        """``g`` unless it is the genitive of an earlier trigger noun («تعازي ومواساة خادم
        الحرمين الشريفين ... في حادث التفجير»): that event's side, not the doer of a later one."""
        if g is None:
            return None
        before = self.f.span[g[0]][0] - 1
        owned = any(h.last == before and not h.is_verb for h in self.hits)
        return None if owned else g

    def _approver(self, hit: Hit) -> Optional[Group]:
        """Who approves the act the noun names, when it completes «وافق على» in its clause
        («وافقت وزارة الخارجية الأميركية على بيع صواريخ باتريوت للسعودية»: the sale is the
        approver's): the approval verb's subject."""
        f = self.f
        if f.key(hit.head - 1) != "علي":
            return None
        for g in self.hits:
            if g.head >= hit.head:
                break
            if g.entry.type == "AGREE" and g.is_verb and "علي" in g.entry.target \
                    and f.same_sentence(g.head, hit.head) and words_between(f, g.last, hit.head) <= GOVERN_SPAN \
                    and not any(f.stops(j) for j in range(g.last + 1, hit.head)):
                return self._source(g)[0]
        return None

    def _numbered(self, hit: Hit) -> bool:
        """A dual or plural verb («هجومان استهدفا القنصلية الأمريكية»): its subject stands
        before it, so the actor after it is its object, not a VSO subject."""
        if hit.entry.kind != "verb":
            return False
        return self.f.key(hit.head)[len(hit.clitic):] in numbered_forms(hit.entry.ar)

    def _antecedent(self, hit: Hit) -> Optional[Group]:
        """The actor a relative pronoun right before the verb stands for, when the pronoun is
        the verb's subject: «كييف التي تتهم الكرملين» (no pronoun back to the antecedent on
        the verb, «التي يتهمها الكرملين», where the Kremlin would accuse). The verb agrees
        with the pronoun (3rd feminine with «التي», masculine with «الذي», which no country
        or city takes), and it has an object or complement actor (a passive has none:
        «نحلاوي الذي أوقف في ...»). A person only with a sector: a political actor."""
        k = None if hit.clitic else self._antecedent_at(hit.head, hit.tense)
        if k is None:
            return None
        target, _ = self.f.targets(hit, hit.last + 1, self._sentence(hit.head)[1])
        return self.f.group(k) if target and k not in target else None

    def _object_pronoun(self, key: str) -> bool:
        """Does the verb form ``key`` end in an object pronoun («تستضيفها», «يتهمها»)? Not when
        the ending is the stem's own: «تتهم», «وجه» are forms of the lexicon as written."""
        lex = self.coder.events
        return key.endswith(OBJECT_PRONOUNS) and not lex.lookup(key) and key not in lex.light

    def _antecedent_at(self, h: int, tense: Optional[str]) -> Optional[int]:
        """The mention a relative pronoun right before the verb at ``h`` stands for, when the
        verb agrees with it and has no pronoun back on it (see :meth:`_antecedent`)."""
        f = self.f
        rel = h - 1
        if not f.same_sentence(rel - 1, h) or f.key(rel) not in RELATIVE_SUBJECTS:
            return None
        stem = f.key(h)
        if tense not in ("perf", "impf", "fut") or self._object_pronoun(stem):
            return None
        feminine = stem.startswith(("ت", "ست")) if tense != "perf" else stem.endswith("ت")
        if feminine != (f.key(rel) == "التي"):
            return None
        k = f.mention_at(rel - 1, first=False)
        if k is None and f.words[rel - 1].text in "،," and f.same_sentence(rel - 2, h):
            k = f.mention_at(rel - 2, first=False)  # «تيريزا ماي، التي استقبلت نظيرها»: set off by a comma
        m = f.mentions[k] if k is not None else None
        if m is None or not f.free(k) or not self._country(k) or m.kind == "adj" \
                or not feminine and m.kind in ("country", "capital", "place", "region") \
                or m.kind == "person" and m.sector is None:  # «البولندي أدريان الذي وصل»: a footballer
            return None
        return k

    def _object_of_noun(self, hit: Hit, gen: Group, hi: int) -> Optional[Group]:
        """A verbal noun names its doer in the genitive and its object after it, as a verb
        would («اتهام الحكومة البريطانية أمس أسبانيا»): the free actor right after the
        genitive (past time words), another actor than the genitive's."""
        f = self.f
        if f.adjective[gen[0]] or f.prep[gen[0]] is not None:
            return None
        j = f.past_skips(f.past_apposition(f.span[gen[-1]][1] + 1), hi)  # «أمس»
        k = f.mention_at(j) if j < hi and f.same_sentence(j, hit.head) else None
        if k is None:
            return self._lam_object(hit, gen, hi)  # «إحراق مستوطنين يهود للرضيع الفلسطيني»
        if f.prep[k] == "ل" and not f.locative[k] and f.mentions[k].can_act \
                and not f.adjective[k]:  # «طرد الكويت للسفير الإيراني»: its object behind «ل»
            return None if any(self._same_actor(g, k) for g in gen) else f.group(f.holder(k))
        if not f.free(k) or f.adjective[k] or any(self._same_actor(g, k) for g in gen):
            return None
        return f.group(f.holder(k))

    def _lam_object(self, hit: Hit, owner: Group, hi: int) -> Optional[Group]:
        """A verbal noun whose doer is its nationality adjective names its object behind
        «ل»: «القصف الهندي للقرى الحدودية الباكستانية» (the villages' nationality),
        «الدعم الإيراني لسوريا»."""
        f = self.f
        j = f.span[owner[-1]][1] + 1
        for _ in range(LAM_ADJECTIVES):  # «قصف المدفعية السعودية العنيف والمتواصل لتجمعات»
            if j < hi and f.same_sentence(j, hit.head) and f.mention_at(j) is None and f.is_noun(j) \
                    and f.key(j).startswith(("ال", "وال")):
                j += 1
        if j >= hi or not f.same_sentence(j, hit.head):
            return None
        k = f.mention_at(j)
        if k is not None:
            return f.group(f.holder(k)) if f.prep[k] == "ل" and not f.locative[k] and f.mentions[k].can_act \
                and not f.adjective[k] else None
        if not any(pre in ("ل", "لل") for _, pre in proclitic_readings(f.key(j))):
            return None
        for i in range(j + 1, min(hi, j + 3)):  # the noun behind «ل», then an adjective or two
            k = f.mention_at(i)
            if k is not None:
                if f.adjective[k] and not f.mentions[k].clitic:
                    return [k]
                # «لتجمعات ميليشيات الحوثي»: the group the places belong to
                m = f.mentions[k]
                return f.group(k) if f.prep[k] is None and not f.locative[k] and m.can_act and m.country \
                    and m.kind not in ("person", "title") else None
            if not f.is_noun(i):
                return None
        return None

    def _genitive(self, hit: Hit) -> Optional[Group]:
        """The actor a noun trigger governs («زيارة الرئيس»); none when the trigger ends in
        its companion preposition («القبض على سوريين»: they are the target)."""
        if hit.last > hit.head and self.f.key(hit.last) in COMPLEMENT_PREPS | {"مع"}:
            return None
        return self.f.genitive(hit.last) or self._force_genitive(hit)

    def _force_genitive(self, hit: Hit) -> Optional[Group]:
        """The actor whose aircraft, troops or guns a noun trigger governs («قصف المدفعية
        السعودية», «غارات طيران التحالف»): they act for it."""
        f, j = self.f, hit.last + 1
        if not f.same_sentence(j, hit.head) or f.mention_at(j) is not None:
            return None
        k = f.force_owner(j)
        return f.group(k) if k is not None else None

    def _announcer(self, hit: Hit) -> Optional[Group]:
        """For a noun after «عن» that an announce verb of its clause governs, and that names
        no doer of its own: the verb's subject, or the topic when the verb opens its clause
        with no subject («كما أعلنت عن توقيف خمسة أشخاص»)."""
        f, lo = self.f, self._sentence(hit.head)[0]
        if self._genitive(hit) or self._relative_subject(hit):
            return None
        for v in range(hit.head - 2, max(lo, hit.head - ANNOUNCE_REACH) - 1, -1):
            if f.stops(v) or any(h.head == v for h in self.hits):
                return None
            if f.is_("announce", v):
                g = f.subject_before(v) or f.subject_after(v)
                if g is None and self._clause_initial_at(v) and not f.explicit_subject(v, until=hit.head):
                    g = self._topic(v)
                return g
        return None

    def _said(self, hit: Hit) -> Optional[Group]:
        """When a stance verb introduces a quote («حذر من أن ...», «طالب بأن ...»), the
        actor with a country that opens it: whom the stance is about."""
        f = self.f
        for q in self.quotes:
            cue = q.cue
            if cue is None or not (cue.start <= hit.start < cue.end or 0 <= q.content.start - hit.end <= CUE_GAP):
                continue
            if q.content.start < hit.end:
                return None  # «عبر ... عن استنكار المملكة»: the words open with the trigger's own noun, whose owner speaks
            opening = bisect_right(f.word_starts, q.content.start) - 1
            first = bisect_right(f.mention_starts, q.content.start - 1)
            if first < len(f.mentions) and f.mentions[first].start < q.content.end \
                    and f.span[first][0] - opening <= SAID_SPAN and self._country(first) \
                    and f.mentions[first].can_act and not f.locative[first] and f.prep[first] is None:
                return f.group(first)  # the subject of the words said: «أن إسرائيل سترتكب»
            return None
        return None

    def _possessed(self, hit: Hit) -> bool:
        """A noun trigger carrying a possessive pronoun of the third person («زيارته»,
        «لقائها»): its owner is its source and it takes its object directly."""
        word = self.f.words[hit.head]
        return not hit.is_verb and hit.last == hit.head and _possessive(word.key) \
            and not word.text.rstrip(DIACRITICS).endswith("ة")  # «زيارة» is no «زيار»+ـه

    def _opens_sentence(self, hit: Hit) -> bool:
        """No actor before the trigger in its sentence, and one after it behind «مع/ب»."""
        f = self.f
        lo, hi = self._sentence(hit.head)
        if any(lo <= f.span[k][0] < hit.head for k in range(len(f.mentions))):
            return False
        return f.targets(hit, hit.last + 1, hi)[1] in ("مع", "ب")

    def _relative_subject(self, hit: Hit) -> Optional[Group]:
        """«الدعم الذي تقدمه طهران لدمشق»: the subject of a light verb in a relative
        clause on the noun."""
        f = self.f
        j = self._past_adjectives(hit)
        if f.same_sentence(j, hit.head) and j not in f.owner and self._light(j) \
                and not f.words[hit.head].key.startswith("ال"):  # «زيارة قامت بها الوزيرة»
            return f.subject_after(j + 1 if f.key(j + 1) in RESUMPTIVE else j)
        j, crossed = hit.last + 1, False
        while f.same_sentence(j, hit.head) and j - hit.last <= RELATIVE_REACH and f.words[j].kind == "word":
            if j in f.owner:
                k = f.owner[j]
                if crossed or f.prep[k] not in RELATIVE_PAST_PREPS or f.span[k][0] != j:
                    return None
                j, crossed = f.span[k][1] + 1, True  # «المساعدات الإنسانية للأشقاء اليمنيين التي قدمتها المملكة»
                continue
            if j - hit.last > 3 and not crossed:
                return None
            if f.is_("boundary", j) and j + 1 < len(f.words) and self._light(j + 1):
                v = j + 1  # «الزيارة التي قام بها ولي العهد»: past the pronoun back to the noun
                back = f.key(v + 1) in RESUMPTIVE
                if crossed and not back and not f.key(v).endswith(OBJECT_PRONOUNS):
                    return None  # past a name the clause must point back to the noun: «قدمتها»
                return f.subject_after(v + 1 if back else v)
            j += 1
        return None

    def _past_adjectives(self, hit: Hit) -> int:
        """The word after the nisba adjectives on a trigger noun («غارات جوية نفذها الجيش
        السوري»: «نفذها»), or the feminine ones on an indefinite one («غارات عنيفة شنتها»), at
        most ADJECTIVE_REACH of them, each as definite as the noun."""
        f, j = self.f, hit.last + 1
        definite = f.words[hit.head].key.startswith("ال")
        while j - hit.last <= ADJECTIVE_REACH and f.same_sentence(j, hit.head) and f.is_noun(j) \
                and not self._light(j) and f.key(j).startswith("ال") == definite \
                and (f.key(j).endswith(NISBA) or not definite and f.key(j).endswith(FEMININE)):
            j += 1
        return j

    def _clause_initial(self, hit: Hit) -> bool:
        """A verb opening its clause («وأشاد»): its implicit subject is the topic."""
        return bool(hit.clitic) or self._clause_initial_at(hit.head)

    def _clause_initial_at(self, h: int) -> bool:
        f, j = self.f, h - 1
        if f.words[h].key[:1] in "وف" and f.words[h].key[1:] in self.coder.events.light:
            return True
        if not f.same_sentence(j, h):
            return True
        w = f.words[j]
        return w.kind == "punct" or w.key in CLAUSE_OPENERS

    def _complement_noun(self, hit: Hit) -> bool:
        """«موافقة السعودية على الاتفاقية النووية مع طهران»: a noun after «على/عن/من/ضد/إلى»
        completes another word; the clause's subject is not its source."""
        f, j = self.f, hit.head - 1
        return not hit.clitic and f.same_sentence(j, hit.head) and f.key(j) in COMPLEMENT_PREPS

    def history(self, hit: Hit, lo: int, hi: int) -> bool:
        """Background, not news: on this day of an earlier year, or dated more than
        HISTORY_DAYS before publication (:mod:`marsad.events.background`); memoised, the
        learnt stage asks again."""
        key = ("history", hit.head)
        if key not in self.memo:
            self.memo[key] = background(self.f, self.text, self.dates, hit, lo, hi, self.published)
        return self.memo[key]

    def asserted(self, hit: Hit, lo: int, hi: int) -> bool:
        """Is the trigger asserted (:func:`marsad.events.modality.asserted`)? Memoised."""
        key = ("asserted", hit.head)
        if key not in self.memo:
            self.memo[key] = asserted(self.f, self.hits, hit, lo, hi)
        return self.memo[key]

    def reporter(self, hit: Hit) -> Optional[str]:
        """The entity of the speaker of the quote around ``hit`` when the trigger is an act
        the speaker only reports (REPORTED_TYPES, not in the first person)."""
        if hit.entry.type not in REPORTED_TYPES or hit.tense in (PERF1, IMPF1):
            return None
        lv = None if hit.is_verb else self.f.light_verb(hit.head)
        if self._after_said_pronoun(hit.head if hit.is_verb else lv if lv is not None else 0):
            return None  # «أعلن الجيش أنه قصف»: the speaker did it
        return next((q.speaker.entity for q in self.quotes_around(hit) if q.speaker.entity), None)

    def quotes_around(self, hit: Hit) -> Iterable[Quote]:
        """The quotes with a speaker whose content holds the trigger, in text order."""
        return (q for q in self.quotes if q.content.start <= hit.start < q.content.end and q.speaker)

    def _after_said_pronoun(self, i: int) -> bool:
        """Does verb ``i`` follow «أنه/إنها ...», whose pronoun is the speaker («أعلن الجيش
        أنه قصف»)?"""
        return i > 0 and self.f.key(i - 1) in SAID_PRONOUNS and self.f.same_sentence(i - 1, i)

    def _said_by(self, hit: Hit) -> Optional[Group]:
        """The speaker of the quote around ``hit`` (a mention of it), if any."""
        for q in self.quotes_around(hit):
            if q.speaker.start is not None:
                for k, m in enumerate(self.f.mentions):
                    if m.start < q.speaker.end and q.speaker.start < m.end:
                        return self.f.group(k)
        return None

    def _speaker(self, hit: Hit) -> Optional[Group]:
        """Who says a 1st-person verb: the speaker of the quote around it, else the topic."""
        return self._said_by(hit) or self._topic(hit.head)

    # ------------------------------------------------------------------ events
    def _country(self, k: int) -> Optional[str]:
        m = self.f.mentions[k]
        return m.country or self.implied.get(k) or (m.place.country if m.place is not None and not m.can_act else None)

    def _placed(self, k: int) -> bool:
        """Has mention ``k`` a country, its own or one the story gave it (not a place's)?"""
        return bool(self.f.mentions[k].country) or k in self.implied and self.f.mentions[k].place is None

    def _pairs(self, hit: Hit, source: Optional[Group], target: Optional[Group],
               spec: Optional[str]) -> list[tuple[int, Optional[int]]]:
        """(source mention, target mention) pairs to code, both ways when symmetric (but
        not with a target read off the place: a host, not a participant)."""
        entry = hit.entry
        mutual = spec != "place"
        if not source:
            if not (entry.symmetric and spec in ("بين", "gen") and target and len(target) > 1):
                return []
            source, target = target[:1], target[1:]  # «محادثات بين موسكو وبيونغ يانغ», «لقاء مشعل ولافروف»
            if entry.type in STATE_VS_INSURGENT_TYPES | {"ASSAULT"} and self._country(source[0]) \
                    and not any(self._country(k) for k in target) \
                    and self.f.mentions[target[0]].sector in INSURGENT_SECTORS:
                # «اشتباكات بين القوات العراقية وتنظيم داعش»: insurgents of no country fight
                # where they are, in the state's own country (GUIDELINES); «المحادثات بين حكومة
                # جنوب السودان والمعارضة المسلحة»: the state talks with its own opposition
                self.implied[target[0]] = self._country(source[0])
                self.between.add(target[0])
        srcs = [k for k in source if self._placed(k)]
        if not srcs or len(srcs) < len(source) and not self._placed(source[0]):
            return []
        if not target:
            paired = all(self.f.adjective[k] for k in srcs)  # «تعاون سعودي أمريكي»
            if entry.symmetric and len(srcs) > 1 and ("needtarget" not in entry.flags or paired):
                return [(a, b) for a in srcs for b in srcs if a != b and (
                    self._country(a) != self._country(b) or self._domestic(entry.type, a, b))]
            if "unilateral" not in entry.flags:
                return []
            if entry.type == "PROTEST" and entry.mode not in CROWD_MODES:  # a state «protests» by note: ACCUSE, with a target
                srcs = [a for a in srcs if self.f.mentions[a].sector not in STATE_SECTORS | {"IGO"}]
            return [(a, None) for a in srcs]
        tgts = [k for k in target if self._country(k)]
        if not mutual and len(srcs) > 1 and entry.type not in FORCE_TYPES:
            return []  # talks of several in a place: it hosts them; strikes by several on it: each strikes
        pairs = [(a, b) for a in srcs for b in tgts if a != b and not self._same_actor(a, b)]
        if entry.symmetric and mutual:
            pairs += [(b, a) for a, b in pairs]
        return [(a, b) for a, b in pairs
                if b is None or self._country(a) != self._country(b)
                or self._domestic(entry.type, a, b) and not self._own_name(entry.type, a, b)]

    def _own_name(self, kind: str, a: int, b: int) -> bool:
        """A state organ's stance on its own state's name («حذر البيان مواطني الولايات
        المتحدة» by the State Department, «وجدد مجلس الوزراء إدانة المملكة»): the state
        takes no stance on itself (as the learnt stage's ``reach._self_act``)."""
        ma, mb = self.f.mentions[a], self.f.mentions[b]
        return kind in STANCE_TYPES and ma.sector in STATE_SECTORS and ma.kind not in ("country", "capital", "place") \
            and mb.kind in ("country", "capital") and not self.f.adjective[b]

    def _domestic(self, kind: str, a: int, b: int) -> bool:
        """May mentions ``a`` and ``b`` of one country be the two sides of an event of
        ``kind``: a conflict or coercion type, or talks between the state and insurgents."""
        if kind in self.coder.domestic:
            return True
        if any(self.f.mentions[k].agent and k in self.implied and k not in self.between for k in (a, b)):
            return False  # a side only the story places («الحرس الجمهوري الموالي لصالح»): often an ally
        sectors = {self.f.mentions[a].sector, self.f.mentions[b].sector}
        return kind in STATE_VS_INSURGENT_TYPES and bool(sectors & STATE_SECTORS) and bool(sectors & INSURGENT_SECTORS)

    def _dateline(self, group: Group) -> bool:
        """A place that opens its sentence («طهران، رفض ...», «برلين دعا ...»): where the
        news was filed from, not who acts."""
        k = group[0]
        return self.f.mentions[k].kind in ("capital", "place") and self.opens(self.f.span[k][0])

    def opens(self, first: int, lo: Optional[int] = None) -> bool:
        """Does word ``first`` open its sentence (or follow a punctuation mark)?"""
        f = self.f
        return first == lo or first == 0 or not f.same_sentence(first - 1, first) or f.words[first - 1].kind == "punct"

    def _same_actor(self, a: int, b: int) -> bool:
        """Two mentions of one actor («الرئيس التونسي ... الباجي قائد السبسي»), or a person
        and the body their own title names («لوكا كاتسيلي رئيسة اتحاد المصارف اليونانية»)."""
        ma, mb = self.f.mentions[a], self.f.mentions[b]
        if ma.entity is not None and ma.entity == mb.entity:
            return True
        first, last = sorted((a, b))
        return self.f.span[last][0] - self.f.span[first][1] <= 2 and self.f.prep[last] is None \
            and self.f.mentions[first].kind == "person" and self.f.mentions[last].kind == "title" \
            and self.f.words[self.f.span[last][0] - 1].kind == "word"  # an apposition, no comma between

    def _add(self, hit, pairs, place, lo, hi, source, target, word: Optional[int] = None,
             unnamed: bool = False) -> None:
        """Code ``pairs``; the evidence runs over the trigger, the sides named in its
        sentence and ``word`` (a dual standing for the sides). ``unnamed``: the source is
        no mention's actor, only the country (a bombing placed in Kabul: Kabul did not bomb)."""
        f = self.f
        used = [k for k in (source or []) + (target or []) if lo <= f.span[k][0] < hi]
        extra = [f.words[word]] if word is not None else []
        a = min([hit.start] + [f.mentions[k].start for k in used] + [w.start for w in extra])
        b = max([hit.end] + [f.mentions[k].end for k in used] + [w.end for w in extra])
        evidence = Span(a, b, self.text[a:b])
        trigger = Span(hit.start, hit.end, self.text[hit.start:hit.end])
        d = date_near(f, self.dates, hit, lo, hi, own=True, published=self.published)
        date = d.value if d else (self.published.isoformat() if self.published and hit.tense != FUT else None)
        reporter = self.reporter(hit)
        held = not hit.is_verb and hit.entry.mode in PATIENT_MODES and self._possessed(hit) or hit.head in self.passive
        for s, t in pairs:
            src = self._actor(s)
            if unnamed or reporter is not None and src.entity == reporter:
                src = Actor(entity=None, country=src.country, sector=None)
            tgt = self._actor(t) if t is not None else None
            if t == s and tgt is not None and held:  # «خلال محاكمته»: the state tries him
                src, tgt = Actor(entity=None, country=src.country, sector=None), src
            elif t == s and tgt is not None:  # a state's own people («أصدر قضاء النظام أحكاما»), not the organ
                tgt = Actor(entity=None, country=tgt.country, sector=None)
            kind = hit.entry.type
            if kind == "PROTEST" and src.sector in STATE_SECTORS and hit.entry.mode not in CROWD_MODES:
                kind = "ACCUSE"  # a state protests by note: «استدعت تونس السفير احتجاجا على»
            human = t is not None and f.mentions[t].kind in ("person", "title") and not self._forces_of(t)
            if kind == "ASSAULT" and hit.entry.mode == "attack" and (human if hit.is_verb else self._civilian(hit, s)):
                kind = "ACCUSE"  # «المالكي يهاجم حسن عسيري», «شن النجيفي هجوما على حكومة العبادي»: in words
            if kind == "AID" and human:
                continue  # «منح الحارس»: a prize or a medal to a person is no aid between states
            if self.sport and t is not None and t != s and f.mentions[s].kind in TEAMS and f.mentions[t].kind in TEAMS:
                continue  # «تلتقي ليبيا مع رواندا» in a sports story: two teams, no states
            self.coded.append((hit.head, kind, s, t, unnamed))
            key = (src.country, kind, tgt.country if tgt else "")
            if key in self.found:
                self.found[key].evidence_all.append(evidence)
                continue
            self.found[key] = Event(type=kind, evidence=evidence, source=src, target=tgt,
                                    mode=hit.entry.mode, place=place.place if place else None,
                                    date=date, trigger=trigger, evidence_all=[evidence])

    def _forces_of(self, k: int) -> bool:
        """Is mention ``k`` a person named as the owner of a force («ميليشيات صالح», «قوات
        حفتر»)? Then the force is meant: attacking it is an act of arms, not of words."""
        j = self.f.span[k][0] - 1
        return j >= 0 and self.f.same_sentence(j, self.f.span[k][0]) and self.f.is_("force", j)

    def _civilian(self, hit: Hit, k: int) -> bool:
        """Is mention ``k``, the source of the noun «هجوم», one person not under arms named
        next to it (its genitive, or before it with at most a light verb between: «شن رئيس
        الوزراء هجوما على النجيفي», «ركز عشماوي هجومه»)? Then the attack is in words. Not
        when the noun's pronoun names a body («صعدت المقاومة ... هجماتها»): that body made it."""
        f = self.f
        m = f.mentions[k]
        first, last = f.span[k]
        next_to = first == hit.last + 1 or last < hit.head and words_between(f, last, hit.head) <= 1
        return next_to and m.kind in ("person", "title") and m.sector not in ARMED_SECTORS \
            and not f.key(hit.head).endswith(("ها", "هم"))

    def _actor(self, k: int) -> Actor:
        m = self.f.mentions[k]
        if k in self.implied and m.place is not None:  # the state of a place, not the place
            return Actor(entity=None, country=self._country(k), sector="GOV")
        return Actor(entity=m.entity, country=self._country(k), sector=m.sector)
