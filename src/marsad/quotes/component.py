"""The ``marsad_quotes`` step: find quotes, then link each speaker to an entity.

The finder reads the speaker *phrase* from the text («الناطق باسم الرئاسة الروسية، دميتري
بيسكوف»); linking picks the entity named inside that phrase (a person before an
organisation before a place), so ``speaker.entity`` is the resolved actor and
``speaker.text`` its name as written there. A phrase naming no entity («مصدر أمني», an
anonymous source) keeps its text with ``entity`` null.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from marsad.pipeline.extensions import text_of

from marsad.entities.component import mentions_of
from marsad.entities.described import describe_speakers
from marsad.entities.words import not_name_edges
from marsad.lexicon.titles import Title
from marsad.model import Entity, Quote, Speaker
from marsad.quotes.cues import default_lexicon, pronominal_speakers
from marsad.quotes.finder import find_quotes
from marsad.quotes.speaker import NAME_LINKS, SpeakerPhrase
from marsad.text.tokenize import normalize_word

LABEL_RANK = {"PER": 0, "ORG": 1, "LOC": 2, "FAC": 3, "MISC": 4}


@Language.component("marsad_quotes", requires=["doc._.entities"], assigns=["doc._.quotes", "doc._.entities"])
def quotes(doc: Doc) -> Doc:
    text = text_of(doc)
    names = [(m.start, m.end) for e in doc._.entities or [] if e.label in ("PER", "ORG")
             for m in e.mentions if m.field is None]
    persons = [(m.start, m.end, e.gender or "-") for e in doc._.entities or [] if e.label == "PER"
               for m in e.mentions if m.field is None]
    places = [(m.start, m.end) for e in doc._.entities or [] if e.label == "LOC"
              for m in e.mentions if m.field is None]
    found = find_quotes(text, sentences=doc.user_data.get("sentences"), names=names, persons=persons,
                        places=places)
    titles = [(m.start, m.end) for m in doc._.matches or []
              if any(isinstance(e, Title) for e in m.entries)]
    found = [q for q in found if cites_source(q, text, doc._.entities or [], titles)]
    proper = {(s, e) for s, e, _ in doc.user_data.get("names", ())}  # names, not descriptions
    said = {id(q): (q.speaker.start, q.speaker.end, q.speaker.said) for q in found
            if isinstance(q.speaker, SpeakerPhrase) and q.speaker.said is not None}
    linked = refer_back(link_speakers(found, doc._.entities or [], text, titles, proper), doc._.entities or [], text,
                        proper)
    doc._.quotes = [_as_said(q, said, text) for q in linked if credible_speaker(q, titles)]
    describe_speakers(doc, doc._.quotes, _function_words())
    return doc


def _as_said(quote: Quote, said: dict[int, tuple[int, int, int]], text: str) -> Quote:
    """A credible quote whose unlinked speaker phrase runs past a comma into another clause
    («المرصد، إلّا», «مسؤول رفيع في وزارة الخارجية، يتعقب هذا الموضوع»), its speaker cut
    there. Cut after the filter, which judged the whole phrase: a clause caught in the phrase
    marks a reading gone wrong («وأبدت إعجابها بالأزياء السعودية القديمة، فما منه إلا»), and
    the part before the comma alone would pass for a speaker."""
    speaker = quote.speaker
    start, end, cut = said.get(id(quote), (None, None, None))
    if speaker is not None and speaker.entity is None and (speaker.start, speaker.end) == (start, end):
        quote.speaker = Speaker(None, text[start:cut], start, cut)
    return quote


def _according(quote: Quote) -> bool:
    """Is the cue a preposition of attribution («بحسب», «ووفقاً لـ», «حسبما», «نقلاً عن»)?"""
    if quote.cue is None:
        return False
    found = default_lexicon().match(normalize_word(quote.cue.text))
    return found is not None and found.cue.pos == "prep"


def cites_source(quote: Quote, text: str, entities: list[Entity], titles: list[tuple[int, int]]) -> bool:
    """After «بحسب/وفق/حسب» (which also cite rules, polls and plans: «وفق شروط ومواصفات
    معينة», «وفقاً لرؤية خادم الحرمين», «حسب النظام») the phrase must open with a source: a
    name (an entity mention starts in its first word), a title, institution or anonymous
    source of the titles lexicon, an outlet («صحيفة», «وكالة»), a person or body cited for
    what they know («الباحث», «مجموعة»), or a text or figure that speaks for its issuer —
    named in the phrase («وفقا لبيانات صندوق النقد الدولي», «بحسب حصيلة جديدة للمرصد», an
    institution the tagger missed: «لتقديرات هيئة الاتصالات») or,
    for a statement, one already quoted («وبحسب البيان»). After «بحسب ما» the finder already
    read a verb of reporting. Other quotes pass."""
    speaker = quote.speaker
    if not _according(quote) or speaker is None or speaker.start is None:
        return True
    words = text[speaker.start:speaker.end].split()
    if not words:
        return False
    skipped = [normalize_word(w) for w in text[quote.cue.end:speaker.start].split()] \
        if quote.cue.end <= speaker.start else []
    if normalize_word(quote.cue.text).endswith("حسبما") or {"ما", "لما"} & set(skipped):
        return True  # «بحسب ما أعلنت X»
    mentions = [(m.start, m.end, e.label) for e in entities for m in e.mentions if m.field is None
                if m.start < speaker.end and speaker.start < m.end]
    quoted = words[0][:1] in "«\"“" or any(w and not any(ch.isalpha() for ch in w) for w in skipped)
    if mentions and quoted:
        return True  # a quoted name: «وبحسب «السعودي الفرنسي كابيتال»»
    if quoted and default_lexicon().is_a("wire", normalize_word(words[0].strip("«»\"“”،,"))):
        return True  # «وبحسب "الفرنسية"، فإن»: AFP
    skipped = [w.strip("«\"“ـ") for w in skipped]
    skipped = [w for w in skipped if w not in ("عن", "ل") and any(ch.isalpha() for ch in w)]  # «نقلا عن X»
    key = skipped[0] if skipped else normalize_word(words[0])
    forms = _head_forms(key)
    lexicon = default_lexicon()

    def is_a(*classes: str) -> bool:
        return any(lexicon.is_a(c, w) for c in classes for w in forms)

    if is_a("nonsource"):
        return False
    first_end = speaker.start + len(words[0])
    named = [a for a, _, _ in mentions] + [a for a, _ in titles if speaker.start <= a < speaker.end]
    if any(a < first_end for a in named):
        return True  # «بحسب وزارة الصحة», «وفقاً لمصادر أمنية», «بحسب أنقرة»
    if len(words) > 1 and key[:1] not in ("ل", "ب") and not key.startswith("ال") and not is_a("figures", "document"):
        second = text.find(words[1], first_end)
        if any(a == second and label == "PER" for a, _, label in mentions):
            return True  # «حسب كلاي بافور»: a first name the tagger left out
    if is_a("media", "mediakind", "title", "institution", "citable"):
        return True  # «وبحسب صحيفة "الديلي ميل"», «بحسب متحدث باسم الشرطة», «بحسب مركز دبي»
    if is_a("quantity") and len(words) > 2 and normalize_word(words[1]) == "من":
        third = text.find(words[2], first_end)
        key3 = normalize_word(words[2])
        people = _head_forms(key3) | (_head_forms(key3 + "ن") if key3.endswith("ي") else set())  # «مسؤولي»
        if any(a == third for a in named) or any(lexicon.is_a(c, w) for c in ("citable", "title") for w in people):
            return True  # «وحسب عدد من العاملين في ...», «وفقا لعدد من مسؤولي المصارف»: people, not «عدد من الشروط»
    issuer = bool(named) or _issuer_word(words[1:1 + _ISSUER_WORDS])
    if is_a("document"):
        return key.startswith("ال") or issuer
    return is_a("figures") and issuer


_ISSUER_WORDS = 4  # words after a text or figure that may name its issuer: «تقرير أصدرته غرفة الشرقية»


def _issuer_word(words: list[str]) -> bool:
    """Does one of ``words`` head an institution («تقديرات هيئة الاتصالات», «تقرير البنك»,
    «لتقرير أصدرته غرفة الشرقية»)? The issuer of a text or figure, when the tagger named
    none in the phrase."""
    lexicon = default_lexicon()
    return any(lexicon.is_a("institution", w) for word in words for w in _head_forms(normalize_word(word)))


def _head_forms(key: str) -> set[str]:
    """The readings of a folded head word for the word classes: with and without a leading
    و/ف («ووفقاً», but «وكالة»), a fused «لـ/بـ» («لتقديرات», «للوكالة» → «الوكالة»), a
    pronoun suffix («متحدثها») and the article."""
    forms = {key}
    if key[:1] in ("و", "ف") and len(key) > 3:
        forms.add(key[1:])
    for w in list(forms):
        if w[:2] == "لل":
            forms.add("ال" + w[2:])
        elif w[:1] in ("ل", "ب") and len(w) > 3:
            forms.add(w[1:])
    for w in list(forms):
        suffix = next((x for x in ("ها", "هم", "ه") if w.endswith(x) and len(w) - len(x) > 2), None)
        if suffix:
            forms.add(w[:-len(suffix)])
    return forms | {"ال" + w for w in forms if not w.startswith("ال")} | {w[2:] for w in forms if w.startswith("ال")}


_PARTICLES = frozenset(normalize_word(w) for w in "إذا اذا لو كأن كأنه كأنها لعل ليت بل لكن ألا أكثر".split())
_MAX_UNNAMED_WORDS = 6  # «مسؤولا آخر في المجلس الأعلى للسلام»
# numbers that name no clause: a year («بنهاية العام 2014م», «عام 1374هـ / 1954م»), a count
# fused to the article («مفاوضو الدول الـ12»)
_DATES = re.compile(r"(?:ال)?عام\s+\d{4}\s*[مه]?ـ?(?:\s*/\s*\d{4}\s*[مه]?ـ?)?|الـ\s?\d+")
_MAX_INSTITUTION_WORDS = 10  # «الجهاز المركزي المصري للتعبئة العامة والإحصاء»


def credible_speaker(quote: Quote, titles: list[tuple[int, int]]) -> bool:
    """Can the speaker make a statement? Yes for a recognised entity or a phrase holding a
    title, institution or anonymous source («مصدر أمني»). An unrecognised phrase counts
    when it reads as a noun phrase naming someone — a name («كوربين») or a reference back
    («الصحيفة», «المصادر», «الجانب العراقي») — and not when it is missing, starts with a
    particle («بل», «وإذا»), or is long or holds numbers (a clause, not a speaker). What
    «حسب/وفق» cite was checked before (``cites_source``)."""
    speaker = quote.speaker
    if speaker is None or not speaker.text:
        return False
    if speaker.entity is not None:
        return True
    if speaker.start is not None and any(speaker.start <= a and b <= speaker.end for a, b in titles):
        return True
    words = speaker.text.split()
    head = normalize_word(words[0])
    lexicon = default_lexicon()
    limit = _MAX_INSTITUTION_WORDS if any(lexicon.is_a(c, head, True) for c in ("institution", "quantity", "kin")) \
        or _role_in(words) else _MAX_UNNAMED_WORDS  # «عدد من المسؤولين في مختلف مناطق المملكة», «والد الشهيد ...»
    if len(words) > limit or any(ch.isdigit() for ch in _DATES.sub("", speaker.text)):
        return False
    raw = words[0].strip("،,:")
    first = normalize_word(raw)
    if first == "كل" and len(words) > 2 and normalize_word(words[1]) == "من":
        return True  # «قال كل من فايز محمد وحسين محمد»: each of them
    if first == "علي" and raw.endswith("ي"):
        return True  # «علي العمري»: the name, which folds like the preposition «على»
    bare = first[1:] if first[:1] in ("و", "ف") and len(first) > 3 else first
    if bare is not first and bare[:1] in ("ب", "ل", "ك") \
            and not any(lexicon.is_a(c, first) for c in ("institution", "media", "title")):
        return False  # «وبمنطق»: and-by..., an adverbial, not a subject («وكالة», «وكيل» are words)
    if len(words) > 1 and lexicon.is_a("quantity", first):
        return True  # «بعض الدبلوماسيين», «بضعة مسؤولين»: a number of people, not a connector
    if first[:1] in ("ب", "ل", "ك") and first[1:] in _function_words():
        return False  # «لذلك يقول», «بذلك»: a connector
    return not ({first, bare} & _function_words())


def _role_in(words: list[str]) -> bool:
    """A person described by an indefinite role in a place or body, no comma in the phrase: «ضابط أمن في
    أحد المصارف الاستثمارية العالمية», «موظف في إدارة المساعدة وإعادة الإسكان في وزارة
    الشؤون الاجتماعية» — as long as an institution's name may be."""
    return len(words) > 2 and normalize_word(words[1]) == "في" and not normalize_word(words[0]).startswith("ال") \
        and not any(ch in w for w in words for ch in "،,")  # (not «الأهلاويون في شكواهم المساواة ...»)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(normalize_word(w) for w in not_name_edges()) | _PARTICLES


def link_speakers(found: list[Quote], entities: list[Entity], text: str,
                  titles: list[tuple[int, int]] = (), proper: frozenset[tuple[int, int]] = frozenset()) -> list[Quote]:
    """Quotes whose speaker points to the entity heading its phrase (``titles``: spans of
    the lexicon's titles, which stand before a name in apposition: «الملك», «د.»; ``proper``:
    spans of names, as against the descriptions of the entities step)."""
    index = mentions_of(entities)
    for quote in found:
        speaker = quote.speaker
        if speaker is None or speaker.start is None:
            continue
        chosen = _entity_in(index, speaker.start, speaker.end, text, titles, proper,
                            getattr(speaker, "gender", "-"))
        if chosen is not None:
            entity, (start, end, name) = chosen
            if start < speaker.start or end > speaker.end:  # a tagged name spilling over the phrase
                start, end = max(start, speaker.start), min(end, speaker.end)  # («ونوه العقيد الغامدي»)
                name = text[start:end]
            quote.speaker = Speaker(entity.id, name, start, end)
        else:
            quote.speaker = Speaker(None, speaker.text, speaker.start, speaker.end)
    return found


def refer_back(quotes: list[Quote], entities: list[Entity], text: str,
               proper: frozenset[tuple[int, int]] = frozenset()) -> list[Quote]:
    """«وأوضح معاليه»: a speaker that is an honorific with a pronoun refers to the first
    person the article introduced with that honorific or title («معالي وزير الخارجية عادل
    الجبير», «الأمير مشعل ... وقال سموه»), else to the person it last quoted."""
    by_id = {e.id: e for e in entities}
    last: Optional[Speaker] = None
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.start is None:
            continue
        linked = by_id.get(speaker.entity) if speaker.entity else None
        # the tagger sometimes takes «معاليه» for a name: an entity of that word refers back too
        # («معاليه باسمه» tagged as one name)
        roots = pronominal_speakers().get(normalize_word(speaker.text or ""))
        if roots is not None and (linked is None or normalize_word(linked.name.split()[0]) in pronominal_speakers()):
            chosen = _current_with(roots, last, by_id, text, speaker.start) \
                or _introduced_with(roots, entities, text, speaker.start)
            if chosen is not None:
                entity, mention = chosen
                names = [m for m in entity.mentions if (m.start, m.end) in proper and m.end <= speaker.start]
                if names and (mention.start, mention.end) not in proper:  # its name, not the description
                    mention = max(names, key=lambda m: (m.end - m.start, -m.start))  # that introduced it
                quote.speaker = Speaker(entity.id, mention.text, mention.start, mention.end)
            elif last is not None and last.start is not None and last.start < speaker.start:
                quote.speaker = last
        entity = by_id.get(quote.speaker.entity) if quote.speaker and quote.speaker.entity else None
        if entity is not None and entity.label == "PER" and normalize_word(entity.name) not in pronominal_speakers():
            last = quote.speaker
    return quotes


def _current_with(roots: frozenset[str], last: Optional[Speaker], by_id: dict, text: str, before: int):
    """The person last quoted, with the mention that introduced them, when that mention stands
    in a chain of ``roots`` («تلقى خادم الحرمين الشريفين ... اتصالا من جلالة الملك حمد بن عيسى
    ... أعرب فيه ... . وعبر جلالته»: the caller goes on, not the king named first); else None."""
    entity = by_id.get(last.entity) if last is not None and last.entity else None
    if entity is None or last.start is None or last.start >= before:
        return None
    for m in entity.mentions:
        near = [normalize_word(w) for w in text[max(0, m.start - 40):m.start].split()[-2:]]
        if m.field is None and m.end <= before and (any(w in roots or w.removeprefix("ال") in roots for w in near)
                                                    or _opens_with(roots, m.text)):
            return entity, m  # the honorific right before the name («من جلالة الملك حمد»), not a chain
    return None               # further back («صاحب السمو ... مدير الأمن العام الفريق عثمان»)


def _introduced_with(roots: frozenset[str], entities: list[Entity], text: str, before: int):
    """The first person whose mention before ``before`` stands in the same title chain as
    one of ``roots`` or opens with one (at most six words between, none behind a preposition:
    «سمو رئيس الهيئة التهنئة لخادم الحرمين» does not introduce the king), with that mention."""
    found = []
    for e in entities:
        if e.label != "PER" or normalize_word(e.name) in pronominal_speakers():
            continue
        for m in e.mentions:
            if m.field is None and m.end <= before and (_in_chain(roots, text[max(0, m.start - 60):m.start])
                                                         or _opens_with(roots, m.text)):
                found.append((m.start, e, m))
                break
    return min(found, key=lambda x: x[0])[1:] if found else None


def _opens_with(roots: frozenset[str], mention: str) -> bool:
    """Does a name open with one of ``roots`` and go on with at least two name words («الأمير
    محمد بن نايف»), rather than being a title alone («صاحب السمو الأمير»)?"""
    words = [normalize_word(w) for w in mention.split()]
    return len(words) >= 3 and words[0] in roots and not set(words[1:]) & roots


def _in_chain(roots: frozenset[str], before: str) -> bool:
    words = [normalize_word(w) for w in before.replace("،", " ").split()][-7:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in roots or (words[i].startswith("ال") and words[i][2:] in roots) or "ال" + words[i] in roots:
            return True  # «صاحب السمو الملكي الأمير محمد بن نايف ... وقال سموه»
        if words[i][:1] in ("ل", "ب") and words[i][1:3] == "ال" or words[i] in _function_words():
            return False  # «لخادم», «بالأمير»: another phrase
    return False


def _entity_in(index, start: int, end: int, text: str, titles: list[tuple[int, int]],
               proper: frozenset[tuple[int, int]] = frozenset(),
               gender: str = "-") -> Optional[tuple[Entity, tuple[int, int, str]]]:
    """The entity that heads the phrase [start, end), and its best mention there.

    A name completing another noun is not the speaker: «مدير جامعة الملك خالد», «رئيس غرفة
    أبها», «مدير مركز القاهرة للدراسات» name a director, not King Khalid, Abha or Cairo, and
    «دعت باكستان مجلس الأمن» has Pakistan speak to the Council; a place inside a phrase is
    where its speaker is («مدن وقرى السودان», «مصادر محلية في تعز»). So the choice is a person
    heading the phrase or standing in apposition to it («المتحدث باسم الخارجية جون كيربي»),
    else the first name heading it, else an organisation the speaker belongs to (a spokesman
    speaks for it: «المتحدث باسم الحزب», «عضو المجلس المصري للشؤون الخارجية»); a phrase
    whose names are places or persons completing a noun links to none and stays a
    description. ``gender`` is the cue's agreement (m/f, else "-"): a person of the other
    gender is not its subject («وأوضحت إدارة مكتبة الطفل بمكتبة الملك عبدالعزيز العامة»,
    «اتهمت حكومة الأسد»: the body speaks, not the man it is named after or led by)."""
    if default_lexicon().is_a("quantity", normalize_word(text[start:end].split(maxsplit=1)[0]), True):
        return None  # «طالب عددٌ من المغردين وزير العمل مفرج الحقباني»: the many speak, a name is their object
    inside = [(s, e, ent) for s, e, ent in index if start <= s and e <= end]
    if not inside:
        inside = [(s, e, ent) for s, e, ent in index if s < end and start < e]
        if not inside:
            return None
        heads, behind = inside, []
    else:
        spans = [(s, e, ent.label) for s, e, ent in inside]
        roles = [_role(text, s, start, spans, titles) for s, _, _ in inside]
        heads = [x for x, r in zip(inside, roles)  # a place speaks only as the phrase itself
                 if r == "head" and (x[2].label != "LOC" or not text[start:x[0]].strip())]  # («قالت واشنطن»)
        behind = [x for x, r in zip(inside, roles) if r != "head" and x[2].label == "ORG"]
    if gender in ("m", "f"):
        heads, behind = ([x for x in xs if not _disagrees(x[2], gender)] for xs in (heads, behind))
    persons = [x for x in heads if x[2].label == "PER"]
    chosen = persons or heads or behind
    if not chosen:
        return None
    if not heads and _untagged_name(text, max(e for _, e, _ in behind), end, titles):
        return None  # «رئيسة برنامج موهبة بجامعة الملك فيصل الدكتورة عواطف الظفر»: the person the tagger
        # missed speaks, not the body she works for; the phrase stays her description
    if persons:  # the longest name: «الكولونيل ... مايكل ادمونسون», not the title tagged alone
        _, _, entity = min(persons, key=lambda x: ((x[0], x[1]) not in proper, x[0] - x[1], x[0]))
    else:
        _, _, entity = min(chosen, key=lambda x: (x[0], LABEL_RANK.get(x[2].label, 9)))
    # Its name rather than a description of it: a name first, then the shortest of its
    # mentions there («دميتري بيسكوف», not «الناطق باسم الرئاسة الروسية» nor «أمير الكويت»).
    s, e = min(((s, e) for s, e, ent in inside if ent is entity), key=lambda x: ((x[0], x[1]) not in proper, x[1] - x[0]))
    text_of_mention = next(m.text for m in entity.mentions if (m.start, m.end) == (s, e))
    return entity, (s, e, text_of_mention)


def _disagrees(entity: Entity, gender: str) -> bool:
    """Is ``entity`` a person whose gender is not the cue's (m/f)?"""
    return entity.label == "PER" and entity.gender in ("m", "f") and entity.gender != gender


def _untagged_name(text: str, after: int, end: int, titles: list[tuple[int, int]]) -> bool:
    """Does the phrase end, past ``after``, with a title and one to three words after it
    («الدكتورة عواطف الظفر»): a name the tagger did not find?"""
    for a, b in titles:
        if after <= a and b < end:
            rest = text[b:end].split()
            if 1 <= len(rest) <= 3 and all(w.isalpha() and normalize_word(w) not in _function_words() for w in rest):
                return True
    return False


_ABBREVIATION = re.compile(r"^(?:[\u0621-\u064A]{1,2}\.)+$")  # «د.», «م.», «أ.د.»: titles


def _role(text: str, s: int, phrase_start: int, mentions: list[tuple[int, int, str]],
          titles: list[tuple[int, int]]) -> str:
    """How the name at ``s`` stands in a phrase starting at ``phrase_start``: "prep" (behind
    a preposition: «باسم الخارجية», «لجامعة»), "genitive" (completing the indefinite noun of
    an office or institution, titles skipped: «غرفة أبها», «جامعة الملك خالد»), else "head"
    (it opens the phrase or stands in apposition after a comma, a name, «يدعى» or any
    other word)."""
    word_start = s
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "،,(«\"-–":
        word_start -= 1
    if word_start < s:  # a proclitic on the name itself: «لجامعة», «لوزير الطاقة» (an addressee)
        return "prep" if normalize_word(text[word_start:s])[-1:] in ("ب", "ل", "ك") else "head"
    if _kin_before(text, phrase_start, s, mentions):
        return "genitive"
    p = s
    past_person = False  # a person's description was passed on the way back
    while True:
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q <= phrase_start or text[q - 1] in "،,-–:(«\"":
            return "head"
        w0 = q
        while w0 > 0 and not text[w0 - 1].isspace():
            w0 -= 1
        word = text[w0:q]
        key = normalize_word(word)
        if w0 < phrase_start:
            return "head"
        title = next((a for a, b in titles if a < q <= b), None)
        if title is not None and w0 < title and normalize_word(text[w0:title])[-1:] in ("ب", "ل", "ك"):
            return "prep"  # «موجها حديثه للأمير محمد بن سلمان»: the one addressed
        if title is not None and any(a <= w0 < b and label != "PER" for a, b, label in mentions):
            return "genitive"  # «جامعة الملك خالد» tagged «جامعة الملك» + «خالد»: the body's name
        if title is not None or _ABBREVIATION.match(word):
            p = w0 if title is None else title  # «وزير الخارجية», «الملك», «د.»: a title in
            continue                            # apposition to the name; look before it
        before = next(((a, label, b) for a, b, label in mentions if a <= w0 < b), None)
        if before is not None and before[1] == "PER" and before[0] < w0 and before[2] <= s:
            p, past_person = before[0], True  # «إمام جامع خادم الحرمين الشريفين الملك عبدالله»: a person's
            continue       # description in apposition to the name; what stands before it decides
        if before is not None:
            return "head"  # «وزير خارجية إيران محمد جواد ظريف»: after another name
        if key in _CALLED:
            return "head"  # «شاهد عيان يدعى أحمد اكاي»: a witness called ...
        if key in NAME_LINKS:
            return "head"
        if default_lexicon().is_a("prep", key, False):
            return "prep"
        bare = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
        lexicon = default_lexicon()
        if bare.startswith("ال") and lexicon.is_a("title", bare) and not text[phrase_start:w0].strip(" ،,"):
            return "head"  # «الأمير بندر بن سلطان الرئيس السابق للمخابرات» (matched whole as an actor,
            # so no title span): a definite title opening the phrase stands in apposition to the name
        if lexicon.is_a("institution", bare) or lexicon.is_a("title", bare) and not past_person:
            return "genitive"  # «مدير جامعة», «رئيس غرفة أبها», «سفارة خادم الحرمين الشريفين»
        if past_person:  # «نائب خادم الحرمين الشريفين الأمير محمد بن نايف»: the deputy's name, in
            return "head"  # apposition to the whole title
        if bare[:1] in ("ل", "ب") and len(bare) > 3 and bare[1:3] != "ال" and bare[:2] != "لل" \
                and bare[1:] not in _HEADED_BY and any(lexicon.is_a(cls, bare[1:]) for cls in ("title", "institution")):
            return "genitive"  # «نائب المدير التنفيذي لمؤسسة سالم بن محفوظ»: the name of an indefinite
            # body behind a fused preposition («بسام يماني» heads the phrase); after a definite one
            # («المتحدث الرسمي للمركز رأفت الصباغ») the name is in apposition to the title
        return "head"  # «رئيسة النادي السعودي بيوجين ملاك المنيف»: whatever else, apposition


_KIN_REACH = 6  # words between a noun of kinship and the name: «زوجة زعيم المعارضة المعتقل أنور إبراهيم»


def _kin_before(text: str, phrase_start: int, s: int, mentions: list[tuple[int, int, str]]) -> bool:
    """Does a noun of kinship stand before the name at ``s`` in its phrase, with only words
    between (no punctuation, preposition or other name): «والد الشهيد علي عسيري», «زوجة زعيم
    المعارضة المعتقل أنور إبراهيم»? Then the name is the relative's, whose kin speaks."""
    lexicon = default_lexicon()
    before = text[phrase_start:s]
    if any(ch in before for ch in "،,:(«\"-–"):
        before = before[max(before.rfind(ch) for ch in "،,:(«\"-–") + 1:]
    offset = s - len(before)
    words = before.split()[-_KIN_REACH:]
    for word in reversed(words):
        key = normalize_word(word)
        if lexicon.is_a("citizen", key, True):
            return False  # «والد الطفلة المواطن هادي حسن»: the father, named
        if lexicon.is_a("kin", key, True):
            return True
        at = text.rfind(word, offset, s)
        if lexicon.is_a("prep", key) or any(a <= at < b for a, b, _ in mentions):
            return False
    return False


_HEADED_BY = frozenset(("رياسه",))  # «برئاسة مرتضى منصور»: headed by, the one who speaks for it
_CALLED = frozenset(normalize_word(w) for w in "يدعى تدعى يدعي تدعي المدعو المدعوة اسمه اسمها يسمى تسمى".split())
