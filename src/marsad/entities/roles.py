"""Titles and roles: what the words around a name say about who it is.

A *chain* is a run of lexicon items standing together: titles («الناطق باسم» spokesperson,
«وزير الخارجية» foreign minister), institutions («الرئاسة» presidency, «الخارجية» foreign
ministry), countries and nationality adjectives («الروسية» Russian), organisations and seats
of power («الكرملين»). A chain right before a name («الناطق باسم الرئاسة الروسية، دميتري
بيسكوف») or right after it, behind a comma («بيسكوف، الناطق باسم الكرملين»), gives the
name its role, country, sector and gender. A chain standing alone is itself a mention: an
institution («وزارة الخارجية الروسية» → ORG, RUS, GOV) or a description of a person
(«الزعيم الكوري», «رئيس كوريا الديمقراطية»), resolved by coreference.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from marsad.entities.mentions import NameMention, posted_at
from marsad.lexicon.actors import Actor, CountryName, first_name
from marsad.lexicon.matcher import Match
from marsad.lexicon.places import Place
from marsad.lexicon.titles import Title

MAX_LINKS = 6
APPOSITION = "،,"  # a comma may stand between a chain and the name it describes


@dataclass
class Role:
    """What a chain says: role (English), sector, country, gender, and the chain's span."""

    start: int
    end: int
    role: Optional[str]
    sector: Optional[str]
    country: Optional[str]
    gender: Optional[str]
    kind: Optional[str]  # kind of the chain's head title: title, institution, source, honorific
    # (title role, organisation) when the chain is an office and nothing else: a title with
    # at most a country («الرئيس الأمريكي») or an organisation («الأمين العام للأمم المتحدة»)
    office: Optional[tuple[str, Optional[Actor]]] = None


def is_link(match: Match) -> bool:
    """A lexicon item that can stand in a chain (not a person's name)."""
    for e in match.entries:
        if isinstance(e, (Title, CountryName)):
            return True
        if isinstance(e, Actor) and e.kind == "org":
            return True
        if isinstance(e, Place) and e.metonym:
            return True
    return False


class Chains:
    """Chains over the lexicon matches of one text."""

    def __init__(self, text: str, matches: list[Match]):
        self.text = text
        links = [m for m in matches if is_link(m)]
        self.by_end = {m.end: m for m in links}
        self.by_start = {m.clitic_start: m for m in links}

    def before(self, pos: int) -> list[Match]:
        """The chain ending right before ``pos`` (a comma allowed at the junction)."""
        pos = self._skip_back(pos, APPOSITION)
        links: list[Match] = []
        while len(links) < MAX_LINKS and pos in self.by_end:
            m = self.by_end[pos]
            links.insert(0, m)
            pos = self._skip_back(m.clitic_start, "")
        return links

    def after(self, pos: int) -> list[Match]:
        """The chain right after ``pos`` behind a comma («بيسكوف، الناطق باسم الكرملين»)."""
        skipped = self._skip_forward(pos, APPOSITION)
        if skipped == pos or not any(c in APPOSITION for c in self.text[pos:skipped]):
            return []
        links: list[Match] = []
        pos = skipped
        while len(links) < MAX_LINKS and pos in self.by_start:
            m = self.by_start[pos]
            if m.clitic_start != m.start and (links or self.text[m.clitic_start] == "و"):
                break  # «و...»: a new conjunct, not part of this chain («قطان، وسفير مصر»)
            links.append(m)
            pos = self._skip_forward(m.end, "")
        return links if links and _head_title(links) is not None else []

    def all_chains(self) -> list[list[Match]]:
        """Maximal chains in the text, in order."""
        out: list[list[Match]] = []
        seen: set[int] = set()
        for end in sorted(self.by_end):
            m = self.by_end[end]
            if id(m) in seen:
                continue
            chain = [m]
            pos = self._skip_forward(m.end, "")
            while len(chain) < MAX_LINKS and pos in self.by_start:
                nxt = self.by_start[pos]
                if nxt.clitic_start != nxt.start or _starts_anew(chain[-1], nxt):
                    break
                chain.append(nxt)
                pos = self._skip_forward(nxt.end, "")
            seen.update(id(x) for x in chain)
            out.append(chain)
        return out

    def _skip_back(self, pos: int, extra: str) -> int:
        while pos > 0 and (self.text[pos - 1] == " " or self.text[pos - 1] in extra):
            pos -= 1
        return pos

    def _skip_forward(self, pos: int, extra: str) -> int:
        while pos < len(self.text) and (self.text[pos] == " " or self.text[pos] in extra):
            pos += 1
        return pos


def _starts_anew(last: Match, nxt: Match) -> bool:
    """A title after a country closes the description before it: «أمير الكويت | الوزير»
    (the emir of Kuwait, the minister), unlike «نائب وزير الخارجية»."""
    country = any(isinstance(e, CountryName) or (isinstance(e, Place) and e.metonym) for e in last.entries)
    title = any(isinstance(e, Title) and e.kind != "honorific" for e in nxt.entries)
    return country and title


def _head_title(links: list[Match]) -> Optional[Title]:
    """The chain's first title that is not an honorific («معالي وزير الخارجية» is a foreign
    minister, «سمو ولي العهد» a crown prince), else its honorific."""
    titles = [e for m in links for e in m.entries if isinstance(e, Title)]
    return next((t for t in titles if t.kind != "honorific"), titles[0] if titles else None)


def interpret(links: list[Match]) -> Optional[Role]:
    """The role a chain gives; None when it holds no title (a bare country is no role)."""
    head = _head_title(links)
    if head is None:
        return None
    sector = head.sector
    country = None
    organisation: Optional[Actor] = None
    for m in links:
        for e in m.entries:
            if country is None and isinstance(e, CountryName) and e.code:
                country = e.code
            elif isinstance(e, Actor) and e.kind == "org":
                country = country or (e.country if e.country not in (None, "-") else None)
                sector = sector or e.sector
                organisation = organisation or e
            elif isinstance(e, Place) and e.metonym:
                country = country or e.country
                sector = sector or (e.metonym if e.metonym != "country" else "GOV")
            elif isinstance(e, Title) and e is not head:
                sector = sector or e.sector
    office = (head.role_en, organisation) if all(_office_link(m, head) for m in links) else None
    return Role(links[0].start, links[-1].end, head.role_en, sector, country, head.gender, head.kind, office)


def _office_link(m: Match, head: Title) -> bool:
    """Can ``m`` stand in a chain naming one office-holder: the title, honorifics, a country
    (not a city: «أمير الرياض» is a governor), or (for a secretary-general) the
    organisation."""
    for e in m.entries:
        if e is head or isinstance(e, Title) and e.kind == "honorific":
            return True
        if isinstance(e, CountryName) and e.code:
            return True
        if isinstance(e, Actor) and e.kind == "org" and head.role_en == "secretary-general":
            return True
    return False


def apply_context(text: str, mentions: list[NameMention], chains: Chains) -> list[NameMention]:
    """Give each PER/ORG name the role of the chain around it; return the chains' own
    phrase mentions (the description attached to the name, e.g. «الناطق باسم الرئاسة
    الروسية»), which refer to the same entity as the name."""
    phrases: list[NameMention] = []
    for m in mentions:
        if m.label not in ("PER", "ORG") or m.origin == "phrase":
            continue
        for links in (chains.before(m.start), chains.after(m.end)):
            links = [link for link in links if not posted_at(chains.text, link.clitic_start)]
            role = interpret(links) if links else None
            if role is None or _crosses(role, m, mentions):
                continue
            m.role = m.role or role.role
            m.sector = m.sector or role.sector
            if m.country is None and role.country:
                m.country, m.country_source = role.country, "title"
            m.gender = m.gender or role.gender
            if role.country or role.kind == "institution" or len(links) > 1:
                phrases.append(_phrase(text, role, m.label, attached=m, start=_description_start(links)))
            break
        else:  # no title around the name: a nationality right before it still says its country
            if m.label == "PER" and m.country is None:
                m.country = _nationality(chains.before(m.start), chains)
                m.country_source = "adjective" if m.country else None
    return phrases


def _nationality(links: list[Match], chains: Chains) -> Optional[str]:
    """The country of a lone nationality adjective right before a person's name, no title
    with it: «الكولومبي خوان بابلو مونتويا» → COL."""
    if len(links) != 1 or first_name(links[0].text, chains.text[links[0].end:links[0].end + 6],
                                     chains.text[max(0, links[0].clitic_start - 12):links[0].clitic_start],
                                     named=True):
        return None
    codes = {e.code for e in links[0].entries
             if isinstance(e, CountryName) and e.kind == "adj" and "homograph" not in e.flags}
    return codes.pop() if len(codes) == 1 and None not in codes else None


def standalone(text: str, chains: Chains, taken: list[tuple[int, int]]) -> list[NameMention]:
    """Chains not attached to a name: institutions («الخارجية الروسية») become ORG
    mentions, descriptions of persons («الزعيم الكوري») and anonymous sources with a country
    («مصدر بحريني», «مسؤولون أميركيون») PER mentions."""
    out = []
    for links in chains.all_chains():
        role = interpret(links)
        if role is None or role.kind not in ("title", "institution", "source"):
            continue
        if role.country is None and not (role.kind == "institution" and _flagged(links, "agent")):
            # a bare title («الملك», also in «حديقة الملك فهد») names no one here; as the
            # speaker of a quote it names the office-holder (entities.described)
            continue
        if any(role.start < b and a < role.end for a, b in taken):
            continue
        label = "ORG" if role.kind == "institution" else "PER"
        phrase = _phrase(text, role, label, descriptive=label == "PER")
        phrase.anonymous = role.kind == "source"
        out.append(phrase)
    return out


def _flagged(links: list[Match], flag: str) -> bool:
    """Whether the chain's head title carries ``flag``."""
    head = _head_title(links)
    return head is not None and flag in head.flags


def _description_start(links: list[Match]) -> int:
    """Where a chain before a name starts as a description of it: at its first title or
    organisation. A place leading the chain completes a phrase before it («رئيس هيئة الأركان
    في | اليمن اللواء محمد المقدشي»): it still places the person, but «اليمن اللواء» is no
    name of his."""
    for m in links:
        if any(isinstance(e, Title) or isinstance(e, Actor) and e.kind == "org" for e in m.entries):
            return m.start
    return links[0].start


def _phrase(text: str, role: Role, label: str, attached: Optional[NameMention] = None,
            descriptive: bool = False, start: Optional[int] = None) -> NameMention:
    start, end = role.start if start is None else start, role.end
    return NameMention(start, end, text[start:end], label, "phrase", country=role.country,
                       country_source="title" if role.country else None, office=role.office,
                       sector=role.sector, role=role.role, gender=role.gender,
                       descriptive=descriptive or attached is not None, attached=attached)


def _crosses(role: Role, name: NameMention, mentions: list[NameMention]) -> bool:
    """A chain may not run over another person's name."""
    return any(o is not name and o.label == "PER" and o.start < role.end and role.start < o.end
               for o in mentions)
