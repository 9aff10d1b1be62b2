"""The ``marsad_actors`` step: names, roles and coreference → ``doc._.entities``.

Order inside the step: lexicon matches (``doc._.matches``) → name mentions (NER spans from
``doc.spans["ner"]`` merged with lexicon names, then the repeats of those names that the NER
missed) → role context from title chains → standalone institutions and descriptions →
coreference clusters → :class:`Entity` records.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from marsad.pipeline.extensions import folded_of, text_of

from marsad.entities.coref import Cluster, cluster
from marsad.entities.mentions import classify, drop_unsupported_weak, merge
from marsad.entities.repeats import repeats
from marsad.entities.roles import Chains, apply_context, standalone
from marsad.lexicon.loader import Lexicon
from marsad.model import Entity, Span


@Language.factory("marsad_actors", assigns=["doc._.entities", "doc._.matches"],
                  default_config={"lexicon_dirs": []})
def make_actors(nlp: Language, name: str, lexicon_dirs: list[str]):
    return ActorsComponent(Lexicon.load(lexicon_dirs))


class ActorsComponent:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.matcher = lexicon.matcher()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        year = _year(doc)
        matches = self.matcher.find(text, folded_of(doc))
        doc._.matches = matches
        lexical = [m for m in (classify(x, year) for x in matches) if m is not None]
        ner = [(s.start_char, s.end_char, text[s.start_char:s.end_char], s.label_)
               for s in doc.spans.get("ner", [])]
        mentions = drop_unsupported_weak(merge(ner, lexical, self.matcher.lookup))
        mentions += repeats(text, mentions, folded_of(doc))
        mentions.sort(key=lambda m: m.start)
        doc.user_data["names"] = [(m.start, m.end, m.label) for m in mentions]
        chains = Chains(text, matches)
        phrases = apply_context(text, mentions, chains)
        taken = [(m.start, m.end) for m in mentions if m.label == "PER"] + \
                [(p.start, p.end) for p in phrases]
        phrases += standalone(text, chains, taken)
        doc._.entities = [to_entity(c, f"e{i}", year)
                          for i, c in enumerate(cluster(mentions + phrases), 1)]
        return doc


def _year(doc: Doc) -> Optional[int]:
    article = doc._.article
    published = getattr(article, "published", None) or ""
    return int(published[:4]) if published[:4].isdigit() else None


def to_entity(c: Cluster, entity_id: str, year: Optional[int]) -> Entity:
    """The marsad/1 entity of a cluster: lexicon knowledge first, then the context."""
    known = c.lexical
    name_en = country = sector = role = None
    gender = None
    if known is not None and known.actor is not None:
        term = known.actor.term_at(year)
        name_en, country, sector, role = known.actor.name_en, term.country, term.sector, term.role
        gender = known.actor.gender
        country = None if country == "-" else country
    elif known is not None and known.country_name is not None:
        country_name = known.country_name
        name_en, country = country_name.name_en, country_name.code
        sector = "GOV" if country else None  # a region («أوروبا») is no government
    elif known is not None and known.place is not None:
        place = known.place
        name_en, country = place.name_en, place.country
        if place.metonym:
            sector = "GOV" if place.metonym == "country" else place.metonym
    country = country or c.attribute("country")
    sector = sector or c.attribute("sector")
    role = role or c.attribute("role")
    gender = gender or c.attribute("gender")
    names = sorted(c.names, key=lambda m: (-(m.end - m.start), m.start))
    mentions = sorted({(m.start, m.end): m for m in c.mentions}.values(), key=lambda m: m.start)
    return Entity(id=entity_id, label=c.label, name=names[0].text, name_en=name_en, country=country,
                  sector=sector, role=role, gender=gender,
                  mentions=[Span(m.start, m.end, m.text) for m in mentions])


def mentions_of(entities: Iterable[Entity]) -> list[tuple[int, int, Entity]]:
    """Every mention as ``(start, end, entity)``, in text order."""
    return sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[:2])
