"""Speakers named only by a description become actors too.

«قال مصدر بحريني», «وأضافت الصحيفة», «وقال معالي وزير الخارجية»: the statement is
attributed, but to no name the NER or the lexicon knows. Such a speaker phrase becomes an
entity of its own, placed like any other (:mod:`marsad.entities.placing`): the phrase's
title chain («مصدر أمني بحريني» → BHR), the description around it, the story, the outlet.
A phrase naming one office-holder («وزير الخارجية» in a Saudi story of 2015) is that person:
the speaker joins the person's entity when the article names them, or a new entity carries
the lexicon's name for them.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from marsad.entities.component import english_name
from marsad.entities.placing import Placed, Setting
from marsad.entities.roles import Role, interpret, is_link
from marsad.lexicon.actors import Actor
from marsad.lexicon.matcher import name_key
from marsad.model import Entity, Quote, Span, Speaker
from marsad.text.normalize import normalize

MAX_WORDS = 5
INTRODUCED_REACH = 80  # characters before a name where the title that introduced it stands
ARTICLE = "ال"  # a definite noun phrase («الصحيفة», «الجالية البحرينية») can name a speaker


def describe_speakers(doc: Doc, quotes: list[Quote], function_words: frozenset[str]) -> None:
    """Give each quote whose speaker phrase names no entity an entity for that phrase
    (appended to ``doc._.entities``), when the phrase is a description: it holds a title,
    institution or anonymous source, or is a short definite noun phrase. ``function_words``
    (normalised) rule out phrases that start with a particle or pronoun."""
    setting: Optional[Setting] = doc.user_data.get("setting")
    entities = doc._.entities
    if setting is None or entities is None:
        return
    links = [m for m in doc._.matches or [] if is_link(m)]
    doc_text = setting.text
    known = {e.name_en: e for e in entities if e.name_en}
    made: dict[str, Entity] = {}
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.entity is not None or speaker.start is None:
            continue
        inside = [m for m in links if speaker.start <= m.clitic_start and m.end <= speaker.end]
        if inside and not _leads(doc_text[speaker.start:inside[0].clitic_start], function_words):
            inside = []  # «يرحل هذا الزعيم»: a clause around a title, not a description
        named = _named_inside(entities, speaker.start, speaker.end)
        if not inside and not named and not _describes(speaker.text, function_words):
            continue
        antecedent = _named_back(entities, speaker.text, speaker.start) if not named else None
        if antecedent is not None:  # «وأفادت الحكومة» after «الحكومة اليمنية»: the body named before
            _join(quote, antecedent, speaker)
            continue
        role = interpret(inside) if inside else None
        entity = _introduced(entities, role, speaker.start, doc_text) if not named else None
        if entity is not None:
            _join(quote, entity, speaker)
            continue
        placed = _placed(role, setting, speaker.start, speaker.end, named)
        holder = _holder(role, placed, setting)
        entity = known.get(holder.name_en) if holder else None
        if entity is None:
            key = holder.key if holder else name_key(speaker.text)
            entity = made.get(key)
            if entity is None:
                entity = made[key] = _entity(f"e{len(entities) + 1}", speaker, role, holder, placed, setting)
                entities.append(entity)
        _join(quote, entity, speaker)


def _join(quote: Quote, entity: Entity, speaker: Speaker) -> None:
    """The speaker phrase becomes a mention of ``entity`` and the quote's speaker."""
    if all((m.start, m.end) != (speaker.start, speaker.end) for m in entity.mentions):
        entity.mentions.append(Span(speaker.start, speaker.end, speaker.text))
        entity.mentions.sort(key=lambda m: m.start)
    quote.speaker = Speaker(entity.id, speaker.text, speaker.start, speaker.end)


def _introduced(entities: list[Entity], role: Optional[Role], before: int, text: str) -> Optional[Entity]:
    """The one person the article introduced earlier with the phrase's title: «شدد وزير خارجية
    المملكة عادل الجبير ... وتابع وزير الخارجية» is al-Jubeir again, whatever office-holder
    «وزير الخارجية» would name in the story's country. The title must be definite («مدير
    كبير», «مندوب ثان» are someone new) and either name the specific office the person holds
    («foreign minister», not «minister»: «وزير الاستثمار» is not «وزيرة التعاون الدولي نجلاء
    الأهواني») or have stood before that person's name earlier («الأمير فيصل بن خالد ...
    وقال الأمير», «الرئيس العام لهيئة الأمر بالمعروف ... الشيخ الدكتور عبدالرحمن السند ...
    وأضاف الرئيس العام»). None when no person, or more than one, qualifies, or the phrase's
    country differs."""
    if role is None or role.role is None or role.kind != "title":
        return None
    chain = normalize(text[role.start:role.end])
    if not any(w.startswith(ARTICLE) for w in chain.split()):
        return None
    specific = " " in role.role

    def introduced_here(e: Entity) -> bool:
        return any(m.end <= before and chain in normalize(text[max(0, m.start - INTRODUCED_REACH):m.start])
                   for m in e.mentions)

    same = {e.id: e for e in entities if e.label == "PER"
            and any(m.end <= before for m in e.mentions)
            and (role.country is None or e.country in (None, role.country))
            and (specific and e.role == role.role or introduced_here(e))}
    return next(iter(same.values())) if len(same) == 1 else None


# Kinds of body a definite noun names back («الحكومة», «المنظمة», «الوزارة»), folded, without
# the article.
BODY_KINDS = frozenset(normalize(w) for w in "وزارة شركة هيئة جامعة منظمة وكالة حركة جمعية لجنة مؤسسة "
                       "أمانة مديرية إدارة رابطة مركز مجلس حكومة جماعة سفارة نادي اتحاد صحيفة قناة".split())


def _named_back(entities: list[Entity], phrase: str, before: int) -> Optional[Entity]:
    """The organisation a bare definite noun of its kind names back — «الحكومة» the last
    government named before it («الحكومة اليمنية»), «المنظمة» the last organisation («منظمة
    اليونيسيف»), «الوزارة» the last ministry — or None when the phrase is more than that noun or
    no body of its kind was named before."""
    words = normalize(phrase).split()
    if len(words) != 1 or not words[0].startswith(ARTICLE) or words[0][2:] not in BODY_KINDS:
        return None
    kind = words[0][2:]
    best: Optional[tuple[int, Entity]] = None
    for e in entities:
        if e.label != "ORG":
            continue
        for m in e.mentions:
            if m.end > before or m.field is not None:
                continue
            first = normalize(m.text).split()[0] if m.text.split() else ""
            for form in (first, first[1:] if first[:1] in ("و", "ل", "ب") else first):
                if form in (kind, ARTICLE + kind) and (best is None or m.start > best[0]):
                    best = (m.start, e)
    return best[1] if best else None


def _leads(words_before: str, function_words: frozenset[str]) -> bool:
    """Can these words open a description before its first title or adjective: at most
    two, none a particle or pronoun («باحثون بريطانيون», «معهد بحثي أمريكي»)?"""
    words = normalize(words_before).split()
    return len(words) <= 2 and not set(words) & function_words


def _describes(phrase: str, function_words: frozenset[str]) -> bool:
    words = normalize(phrase).split()
    if not words or len(words) > MAX_WORDS or any(ch.isdigit() for ch in phrase):
        return False
    first = words[0]
    bare = first[1:] if first[:1] in ("و", "ف") and len(first) > 3 else first
    return bare.startswith(ARTICLE) and not {first, bare} & function_words


def _named_inside(entities: list[Entity], start: int, end: int) -> list[Entity]:
    """Entities named inside a speaker phrase that the quotes step did not take as the
    speaker: a place or person completing a noun («محافظ عدن», «مدير مركز القاهرة
    للدراسات»), in text order."""
    found = sorted((m.start, i, e) for i, e in enumerate(entities) for m in e.mentions
                   if start <= m.start and m.end <= end)
    return [e for _, _, e in found]


def _placed(role: Optional[Role], setting: Setting, start: int, end: int,
            named: list[Entity] = ()) -> Optional[Placed]:
    if role is not None and role.country:
        return Placed(role.country, "title")
    if setting.multinational(start, end):
        return None  # «دبلوماسي غربي آخر», «مصادر عربية»: of no one country
    for entity in named:  # «محافظ عدن» is Yemeni, «مكتب حاكم اسطنبول» Turkish
        if entity.country:  # a country («وزير خارجية السعودية») places an office; a town does not
            country_itself = entity.label != "LOC" or entity.sector == "GOV"
            return Placed(entity.country, "affiliation" if country_itself else "place")
    return setting.describe(start, end) or setting.fallback([(start, end)])


def _holder(role: Optional[Role], placed: Optional[Placed], setting: Setting) -> Optional[Actor]:
    """The office-holder a phrase names («معالي وزير الخارجية» → the foreign minister of the
    country the article places it in), or None."""
    if role is None or role.office is None or role.kind != "title":
        return None
    if placed is not None and placed.source == "place":
        return None  # «أمير منطقة الرياض» is the region's governor, not the head of state
    title_role, organisation = role.office
    return setting.offices.holder(title_role, placed.country if placed else None, setting.when, organisation) \
        if setting.offices is not None else None


def _entity(entity_id: str, speaker: Speaker, role: Optional[Role], holder: Optional[Actor],
            placed: Optional[Placed], setting: Setting) -> Entity:
    label = "ORG" if role is not None and role.kind == "institution" else "PER"
    entity = Entity(id=entity_id, label=label, name=speaker.text,
                    name_en=english_name(speaker.text, role.role if role else None),
                    country=placed.country if placed else None,
                    country_source=placed.source if placed else None,
                    sector=role.sector if role else None, role=role.role if role else None,
                    gender=role.gender if role else None, mentions=[])
    if holder is not None:
        term = holder.term_at(setting.when)
        entity.name_en, entity.country, entity.sector, entity.role = holder.name_en, term.country, term.sector, term.role
        entity.gender = holder.gender
    return entity

