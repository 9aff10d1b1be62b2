"""The ``marsad_quotes`` step: find quotes, then link each speaker to an entity.

The finder reads the speaker *phrase* from the text («الناطق باسم الرئاسة الروسية، دميتري
بيسكوف»); linking picks the entity named inside that phrase (a person before an
organisation before a place), so ``speaker.entity`` is the resolved actor and
``speaker.text`` its name as written there. A phrase naming no entity («مصدر أمني», an
anonymous source) keeps its text with ``entity`` null.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from marsad.pipeline.extensions import text_of

from marsad.entities.component import mentions_of
from marsad.model import Entity, Quote, Speaker
from marsad.quotes.finder import find_quotes

LABEL_RANK = {"PER": 0, "ORG": 1, "LOC": 2, "FAC": 3, "MISC": 4}


@Language.component("marsad_quotes", requires=["doc._.entities"], assigns=["doc._.quotes"])
def quotes(doc: Doc) -> Doc:
    found = find_quotes(text_of(doc), sentences=doc.user_data.get("sentences"))
    doc._.quotes = link_speakers(found, doc._.entities or [])
    return doc


def link_speakers(found: list[Quote], entities: list[Entity]) -> list[Quote]:
    """Quotes whose speaker points to the entity named in its phrase."""
    index = mentions_of(entities)
    for quote in found:
        speaker = quote.speaker
        if speaker is None or speaker.start is None:
            continue
        chosen = _entity_in(index, speaker.start, speaker.end)
        if chosen is not None:
            entity, (start, end, text) = chosen
            quote.speaker = Speaker(entity.id, text, start, end)
        else:
            quote.speaker = Speaker(None, speaker.text, speaker.start, speaker.end)
    return found


def _entity_in(index, start: int, end: int) -> Optional[tuple[Entity, tuple[int, int, str]]]:
    """The best entity with a mention inside [start, end), and its best mention there."""
    inside = [(s, e, ent) for s, e, ent in index if start <= s and e <= end]
    if not inside:
        inside = [(s, e, ent) for s, e, ent in index if s < end and start < e]
    if not inside:
        return None
    _, _, entity = min(inside, key=lambda x: (LABEL_RANK.get(x[2].label, 9), -(x[1] - x[0])))
    # Its name rather than a description of it: the shortest of its mentions there
    # («دميتري بيسكوف», not «الناطق باسم الرئاسة الروسية»).
    s, e = min(((s, e) for s, e, ent in inside if ent is entity), key=lambda x: x[1] - x[0])
    text = next(m.text for m in entity.mentions if (m.start, m.end) == (s, e))
    return entity, (s, e, text)
