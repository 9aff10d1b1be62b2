"""In-article coreference: group the mentions of one actor into one entity.

- Lexicon names group by identity: «فلاديمير بوتين», «بوتين» → Vladimir Putin; «روسيا»,
  «الاتحاد الروسي» → RUS.
- Other names group by their text; a one-word person name joins the one longer person name
  of the article it begins or ends («بيسكوف» → «دميتري بيسكوف», «كيم» → «كيم جونغ أون»).
- A description standing beside a name («الناطق باسم الرئاسة الروسية») joins that name.
- A description standing alone («الزعيم الكوري») joins the one person of its country (of
  the same role when there are several); institutions («الخارجية الروسية») group by role and
  country.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from marsad.entities.mentions import NameMention
from marsad.lexicon.actors import Actor
from marsad.text.tokenize import normalize_word

HEAD_ROLES = frozenset({"head of state", "president", "leader", "king", "supreme leader", "emir",
                        "sultan", "crown prince", "head of government", "prime minister"})


@dataclass
class Cluster:
    mentions: list[NameMention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    @property
    def names(self) -> list[NameMention]:
        return [m for m in self.mentions if m.origin != "phrase"] or self.mentions

    @property
    def lexical(self) -> Optional[NameMention]:
        """The mention carrying lexicon knowledge, if any."""
        for m in self.names:
            if m.actor or m.country_name or m.place:
                return m
        return None

    @property
    def label(self) -> str:
        known = self.lexical
        if known:
            return known.label
        labels = [m.label for m in self.names]
        # The most frequent label; a tie goes to the label met first in the text (not to
        # set order, which string hashing makes differ from one process to the next).
        return max(labels, key=labels.count)

    def attribute(self, name: str) -> Optional[str]:
        """The first value of a context attribute among the mentions (names first)."""
        for m in self.names + self.mentions:
            value = getattr(m, name)
            if value:
                return value
        return None


def cluster(mentions: list[NameMention]) -> list[Cluster]:
    """Clusters of mentions, in order of first mention."""
    keyed: dict[tuple, Cluster] = {}
    phrases = [m for m in mentions if m.origin == "phrase"]
    _short_forms(mentions)
    for m in mentions:
        if m.origin != "phrase":
            keyed.setdefault(_identity(m), Cluster()).mentions.append(m)
    clusters = _join_short_person_names(list(keyed.values()))
    owner = {id(m): c for c in clusters for m in c.mentions}
    for m in phrases:
        if m.attached is not None and id(m.attached) in owner:
            owner[id(m.attached)].mentions.append(m)
        elif m.label == "PER" and not m.anonymous and m.country is not None:
            _resolve_description(m, clusters)
        else:
            _group_institution(m, clusters)
    return sorted(clusters, key=lambda c: c.first)


def _short_forms(mentions: list[NameMention]) -> None:
    """An organisation named by the first words of an organisation the article named before
    is that one: «حزب العمال» after «حزب العمال الكردستاني» is the PKK, not the British
    Labour Party the lexicon reads alone; unless the article named the lexicon's own reading
    before the longer name («حركة طالبان الأفغانية ... طالبان باكستان ... في طالبان»)."""
    named: dict[str, tuple[Actor, set[str]]] = {}  # full name -> its actor, actors named before it
    seen: set[str] = set()
    for m in sorted((m for m in mentions if m.actor is not None and m.label == "ORG"), key=lambda m: m.start):
        longer = [(a, before) for k, (a, before) in named.items()
                  if k.startswith(m.key + " ") and a.key != m.actor.key]
        if len(longer) == 1 and m.actor.key not in longer[0][1]:
            m.actor = longer[0][0]
        elif m.key not in named:
            named[m.key] = (m.actor, set(seen))
        seen.add(m.actor.key)


def _identity(m: NameMention) -> tuple:
    if m.actor is not None:
        return ("actor", m.actor.key)
    if m.country_name is not None:  # a region has no code: its English name tells it apart
        return ("country", m.country_name.code or m.country_name.name_en)
    if m.place is not None:
        return ("place", m.place.key)
    return ("name", m.label, m.key)


FATHER = frozenset(("بن", "ابن", "بنت"))  # «فيصل بن عبد العزيز آل سعود»: what follows is the father


def _join_short_person_names(clusters: list[Cluster]) -> list[Cluster]:
    """A cluster of one-word person names joins the single longer person name it starts or
    ends, if there is exactly one; a cluster of two- or three-word names joins the single
    longer person name it ends, not after «بن» («بن حلي» → «أحمد بن حلي», «تشاووش أوغلو» →
    «مولود تشاووش أوغلو»; «عبد العزيز آل سعود» is not «فيصل بن عبد العزيز آل سعود»)."""
    out = list(clusters)
    people = {id(c) for c in clusters if c.label == "PER"}  # labels change only by a join
    for c in clusters:
        if id(c) not in people or c.lexical is not None:
            continue
        lengths = {len(m.key.split()) for m in c.names}
        if lengths == {1}:
            word = c.names[0].key
            hosts = [d for d in out if d is not c and id(d) in people
                     and any(len(m.key.split()) > 1 and word in (m.key.split()[0], m.key.split()[-1])
                             for m in d.names)]
        elif len(lengths) == 1 and lengths <= {2, 3}:
            words = c.names[0].key.split()
            n = len(words)
            hosts = [d for d in out if d is not c and id(d) in people
                     and any(len(m.key.split()) > n and m.key.split()[-n:] == words
                             and normalize_word(m.key.split()[-n - 1]) not in FATHER for m in d.names)]
        else:
            continue
        if len(hosts) == 1:
            hosts[0].mentions.extend(c.mentions)
            out.remove(c)
            if hosts[0].label != "PER":
                people.discard(id(hosts[0]))
    return out


def _resolve_description(m: NameMention, clusters: list[Cluster]) -> None:
    """«الزعيم الكوري» → the one person of that country (same kind of role if several)."""
    people = [c for c in clusters if c.label == "PER" and c.attribute("country") == m.country
              and _lexicon_country(c) in (None, m.country) and not all(x.origin == "phrase" for x in c.mentions)]
    if len(people) > 1:
        same = [c for c in people if _same_role(c.attribute("role"), m.role)]
        people = same if same else people
    if len(people) == 1:
        people[0].mentions.append(m)
    else:
        clusters.append(Cluster([m]))


def _lexicon_country(c: Cluster) -> Optional[str]:
    """The country the lexicon gives a person cluster, if any: a description of another
    country never joins it, whatever its mentions picked up (a keyword line «إعلان القاهرة
    مجلس الوزراء محمد بن نايف» put a Cairo-placed phrase on the Saudi crown prince, and «رئيس
    جمهورية مصر العربية» then joined him)."""
    known = c.lexical
    return known.actor.country if known is not None and known.actor is not None else None


def _same_role(a: Optional[str], b: Optional[str]) -> bool:
    return bool(a and b) and (a == b or (a in HEAD_ROLES and b in HEAD_ROLES))


def _group_institution(m: NameMention, clusters: list[Cluster]) -> None:
    """«وزارة الخارجية الروسية», «الخارجية الروسية» → one foreign ministry of Russia;
    «مصدر أمني بحريني» twice → one Bahraini security source."""
    for c in clusters:
        if all(x.origin == "phrase" and x.label == m.label for x in c.mentions) \
                and (c.attribute("role"), c.attribute("country")) == (m.role, m.country):
            c.mentions.append(m)
            return
    clusters.append(Cluster([m]))
