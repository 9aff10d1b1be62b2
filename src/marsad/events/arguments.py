"""Who did it to whom: the source and target of a trigger from the sentence's structure.

A :class:`Frame` holds one article's words and actor mentions, with for each mention the
preposition that governs it (clitic «لروسيا» or word «مع روسيا»), whether it is
coordinated with the one before («بين موسكو وبيونغ يانغ»), and whether a place name is
only a location («في موسكو»). Arguments are groups of coordinated mentions:

- subject of a verb: the actor right before it (SVO, «واشنطن حذرت»), else right after it
  (VSO, «أعرب كيم»), else the running topic (the last explicit subject of a speech or
  event verb: «وأضاف: ... دعمنا»);
- subject of a verbal noun: its light verb's subject («أجرى خلالها مباحثات»), else the
  nearest free actor before it in the clause («كيم ... زيارته»);
- target: the complement introduced by one of the trigger's prepositions (the first actor
  inside it, «من التعاون العسكري بين موسكو وبيونغ يانغ»), the direct object, or the
  noun's genitive, in the lexicon's order.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from marsad.events.actors import Mention, attributive
from marsad.events.lexicon import EventLexicon
from marsad.events.trigger import Hit
from marsad.events.words import CLAUSE_END, STRONG_PUNCT, SUFFIXES, Word, proclitic_readings, readings
from marsad.text.normalize import normalize

# Prepositions written as separate words (normalised). Clitic ones are ب, ل, ك.
PREPOSITIONS = frozenset(
    "في مع الي علي ضد من عن بين لدي عند حول تجاه ازاء حيال قرب داخل امام نحو عبر ضمن بشان".split()
)
PLACE_KINDS = frozenset({"country", "capital", "place", "region"})
STATE_KINDS = frozenset({"country", "capital", "institution"})  # what a feminine «ـها» may stand for
NP_SPAN = 8  # words a prepositional complement is searched over
BACK_SPAN = 15  # words a noun's subject is searched back over
CONJUNCT_SPAN = 4  # words of a conjunct that names no actor («وبقية القوى العظمى»)
APPOSITION_GAP = 3  # nouns between two titles of one person («ولي ولي العهد النائب الثاني لرئيس ...»)
HOLDER_GAP = 5  # nouns between a title and its holder («وزير الخارجية الأستاذ عادل بن أحمد الجبير»)
BODY_SPAN = 4  # words of a body's name after a title («اتحاد المصارف اليونانية»)
OBJECT_SPAN = 30  # words a meeting's object is searched over, past the subject's titles
THAT_WORDS = frozenset({"ان", "انه", "انها", "بان"})  # normalised «أن»: a new clause
NAME_LINKS = frozenset({"بن", "بنت", "ابن"})  # normalised: a name goes on («محمد بن سلمان بن عبدالعزيز»)
QUANTIFIERS = frozenset(normalize(w) for w in (  # «العديد من», «عشرات من»: a part of the group after
    "العديد عددا عدد عشرات مئات آلاف بعض أحد إحدى عناصر").split())
TITLE_MODIFIERS = frozenset(normalize(w) for w in (  # adjectives inside a title chain
    "الأول الثاني الثالث الأعلى العام العامة السابق السابقة الحالي المساعد المناوب").split())
STATE_HEADS = frozenset(normalize(w) for w in "دولة جمهورية مملكة سلطنة إمارة".split())  # «ودولة تركيا»: and (the state of) Turkey
ADJ_BACK_SPAN = 3  # ... and a bare nationality adjective («قضاء النظام السوري أحكاما بالإعدام»)
Group = list[int]  # indices of coordinated mentions
# Words that are not nouns though they look like plain words (complementisers, particles).
PARTICLES = frozenset("ان انه انها انهم بان الي علي ثم كما لقد قد ما لا لم لن".split())
RANK_SPAN = 4  # words before a name that may hold its rank («صاحب السمو الملكي الأمير ...»)
# Adverbial prepositions opening a phrase between a verb and its object («وأشاد خلال
# استقباله ...»): no subject of the verb's own.
ADVERBIALS = frozenset(normalize(w) for w in "خلال أثناء عقب إثر لدى قبيل".split())


class Frame:
    """One article's words and mentions, with each mention's role markers."""

    def __init__(self, text: str, words: list[Word], mentions: list[Mention], sentences: list[tuple[int, int]],
                 lex: EventLexicon):
        self.text, self.words, self.mentions, self.lex = text, words, mentions, lex
        kinds_of, none = lex.kinds_of, frozenset()
        self.kinds = [kinds_of(w.key) if w.kind == "word" else none for w in words]
        self.sentence_of = [0] * len(words)
        for s, (a, b) in enumerate(sentences):
            for i in range(a, b):
                self.sentence_of[i] = s
        self.span: list[tuple[int, int]] = []  # first and last word of each mention
        self.owner: dict[int, int] = {}
        starts = self.word_starts = [w.start for w in words]
        self.mention_starts = [m.start for m in mentions]
        for k, m in enumerate(mentions):
            first = _index(starts, m.clitic_start)
            last = max(first, _index(starts, m.end - 1))
            self.span.append((first, last))
            for i in range(first, last + 1):
                self.owner.setdefault(i, k)
        self.sentences = sentences
        self.mention_firsts = [first for first, _ in self.span]
        self.has_mention = [False] * len(sentences)
        for first, _ in self.span:
            self.has_mention[self.sentence_of[first]] = True
        self.prep: list[Optional[str]] = [None] * len(mentions)
        self.coord: list[Optional[int]] = [None] * len(mentions)
        self.locative = [False] * len(mentions)
        self.adjective = [m.kind == "adj" for m in mentions]
        self._targets: dict[tuple, tuple] = {}
        for k in range(len(mentions)):
            self._mark(k)

    # ------------------------------------------------------------------ words
    def key(self, i: int) -> str:
        return self.words[i].key

    def opens_that(self, i: int) -> bool:
        """Is word ``i`` «أن» opening a clause — not a word of a name that folds like it
        («بان كي مون», Ban Ki-moon)?"""
        return self.key(i) in THAT_WORDS and i not in self.owner

    def keys(self, i: int) -> frozenset[str]:
        """The word and its readings without proclitics and without a pronoun suffix."""
        return readings(self.key(i))

    def is_(self, kind: str, i: int) -> bool:
        """Is word ``i`` (under some reading) a marker of ``kind`` (markers.tsv)?"""
        return kind in self.kinds[i]

    def stops(self, i: int, quotes: bool = True) -> bool:
        """A clause ends at this word: strong punctuation (quotation marks too, unless
        ``quotes`` is False) or a clause-opening word."""
        w = self.words[i]
        marks = STRONG_PUNCT if quotes else CLAUSE_END
        return (w.kind == "punct" and w.text in marks) or self.is_("boundary", i)

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.words) and 0 <= j < len(self.words) and self.sentence_of[i] == self.sentence_of[j]

    # ------------------------------------------------------------------ mentions
    def _mark(self, k: int) -> None:
        m, (first, _) = self.mentions[k], self.span[k]
        clitic = m.clitic
        prep = clitic[-1] if clitic and clitic[-1] in "بلك" else None
        before = first - 1 if self.same_sentence(first - 1, first) else None
        if prep is None and before is not None:
            key = self.key(before)
            prev = {r for r, pre in proclitic_readings(key) if pre in ("", "و", "ف")}
            if key[:1] in "وف" and key[1:] in PREPOSITIONS:
                prev.add(key[1:])  # «وفي برلين», «ومن طهران»: too short for the clitic reader
            prep = next((p for p in prev if p in PREPOSITIONS), None)
            if prep and self.same_sentence(before - 1, first) and self.is_("delegate", before - 1):
                prep = None  # «ممثلون عن أوكرانيا»: acting for it
        if prep and clitic and before is not None and self.is_("delegate", before):
            prep = None  # «نظرائه برابطة …»
        if m.kind == "country" and self._attributive(k):
            self.adjective[k] = True  # «الإغاثة السعودية»: Saudi, not Saudi Arabia
        if prep is None and self.adjective[k]:
            prep = self._np_prep(first)
        joiner = before is not None and (self.words[before].text in ("و", "-", "–", "/")
                                         or self.key(before)[:1] == "و" and self.key(before)[1:] in STATE_HEADS
                                         or _construct_plural(self.key(before)))
        conj = clitic.startswith(("و", "ف")) or joiner
        if k > 0 and self.adjective[k] and self.adjective[k - 1] and self.span[k - 1][1] == first - 1:
            conj = True  # «تعاون سعودي أمريكي»: two nationalities on one noun
        if conj and k > 0 and self.span[k - 1][1] >= first - (1 if clitic or not joiner else 2):
            self.coord[k] = k - 1  # «بين موسكو وبيونغ يانغ», «الحدود السورية - التركية»
            prep = prep or self.prep[k - 1]
        self.prep[k] = prep
        if m.kind in PLACE_KINDS:
            loc_word = before is not None and self.is_("locative", before)
            self.locative[k] = loc_word or (prep is not None and self.lex.is_("locative", prep))
        if self.adjective[k]:  # «على الحدود السورية»: the nationality of a place
            head = self._np_head(first)
            self.locative[k] = head is not None and self.is_("locative", head)
        if self.coord[k] is not None and self.locative[self.coord[k]]:
            self.locative[k] = True

    def verbs_at(self, heads: list[int]) -> None:
        """Words ``heads`` are verbs: a mention right after one is no complement of the
        preposition it is spelt like («وعبر الشيخ محمد بن زايد عن»: expressed, not via)."""
        for h in heads:
            k = self.mention_at(h + 1) if self.same_sentence(h + 1, h) else None
            if k is None or self.mentions[k].clitic or self.prep[k] is None:
                continue
            if self.prep[k] in {r for r, pre in proclitic_readings(self.key(h)) if pre in ("", "و", "ف")}:
                while k is not None:
                    self.prep[k], self.locative[k] = None, False
                    k = k + 1 if k + 1 < len(self.mentions) and self.coord[k + 1] == k else None

    def _attributive(self, k: int) -> bool:
        """A country name with «ال» right after a definite noun is an adjective: a definite
        noun takes no genitive («الحملات الإغاثة السعودية»)."""
        first = self.span[k][0]
        if first == 0 or (first - 1) in self.owner or self.words[first - 1].kind != "word":
            return False
        return attributive(self.text, self.mentions[k])

    def _np_head(self, first: int) -> Optional[int]:
        """The definite noun an adjective at ``first`` belongs to («القوات الخاصة العراقية»)."""
        head = None
        for i in range(first - 1, max(-1, first - 4), -1):
            if not self.same_sentence(i, first) or i in self.owner:
                break
            if not any(r.startswith("ال") for r, _ in proclitic_readings(self.key(i))):
                break
            head = i
        return head

    def _np_prep(self, first: int) -> Optional[str]:
        """The preposition governing the noun an adjective belongs to: «بالقوات الخاصة
        العراقية» → ب; «إلى التحذيرات الأميركية» → إلى."""
        head = self._np_head(first)
        if head is None:
            return None
        for i in range(head, first):
            pre = next((pre for r, pre in proclitic_readings(self.key(i)) if r.startswith("ال") and pre), "")
            if pre and pre[-1] in "بلك":
                return pre[-1]
        before = head - 1
        if self.same_sentence(before, head):
            return next((r for r, pre in proclitic_readings(self.key(before))
                         if pre in ("", "و") and r in PREPOSITIONS), None)
        return None

    def free(self, k: int) -> bool:
        """May mention ``k`` be a subject or object (no preposition, not a location)?"""
        return self.prep[k] is None and not self.locative[k] and self.mentions[k].can_act

    def group(self, k: int) -> Group:
        """Mention ``k`` with the mentions coordinated with it, in text order."""
        first = k
        while self.coord[first] is not None:
            first = self.coord[first]
        out = [first]
        nxt, last = first + 1, first
        while nxt < len(self.mentions):
            if self.coord[nxt] == last:
                out.append(nxt)
                last = nxt
            elif self._holder_of(last, nxt) and nxt + 1 < len(self.mentions) and self.coord[nxt + 1] == nxt:
                last = nxt  # «نظيريه الروسي سيرجي لافروف والسعودي»: past the first one's name
            else:
                break
            nxt += 1
        return out

    def _holder_of(self, k: int, n: int) -> bool:
        """Is mention ``n`` the person named right after the title or nationality ``k``
        («الروسي سيرجي لافروف»): one actor, not two?"""
        return self.mentions[n].kind == "person" and self.prep[n] is None and self.coord[n] is None \
            and self.span[n][0] == self.span[k][1] + 1 and (self.adjective[k] or self.mentions[k].kind == "title")

    def mention_at(self, i: int, first: bool = True) -> Optional[int]:
        """The mention whose first (or last) word is ``i``."""
        k = self.owner.get(i)
        if k is None:
            return None
        return k if self.span[k][0 if first else 1] == i else None

    # ------------------------------------------------------------------ subjects
    def past_skips(self, i: int, stop: int) -> int:
        """The first word from ``i`` on that is no skip word («أمس», «اليوم», «كانت»)."""
        return self._skip(i, 1, stop)

    def _skip(self, i: int, step: int, limit: int) -> int:
        while 0 <= i < len(self.words) and i != limit and self.is_("skip", i) and i not in self.owner:
            i += step
        return i

    def subject_before(self, h: int) -> Optional[Group]:
        """SVO: an actor right before word ``h`` («وكانت واشنطن حذرت»)."""
        j = self._skip(h - 1, -1, -1)
        if not self.same_sentence(j, h):
            return None
        if self.words[j].text in "،," and self.same_sentence(j - 1, h):
            return self._apposition_before(j)
        k = self.mention_at(j, first=False)
        if k is None:
            return self._conjoined_before(j)
        return self.group(k) if self.free(k) else None

    def _conjoined_before(self, j: int) -> Optional[Group]:
        """«الولايات المتحدة وبقية القوى العظمى ترفض»: an actor whose conjunct, a few plain
        nouns opened by «و», stands between it and the verb is the verb's subject (the noun
        before the verb is definite: after «وأفراد» the next word is its genitive, no verb)."""
        if not any(r.startswith("ال") for r, _ in proclitic_readings(self.key(j))):
            return None
        for i in range(j, max(-1, j - CONJUNCT_SPAN), -1):
            if not self.is_noun(i) or i in self.owner:
                return None
            if self.key(i)[:1] == "و" and any(pre == "و" for _, pre in proclitic_readings(self.key(i))):
                k = self.mention_at(i - 1, first=False) if self.same_sentence(i - 1, i) else None
                return self.group(k) if k is not None and self.free(k) and self.mentions[k].country else None
        return None

    def _apposition_before(self, comma: int) -> Optional[Group]:
        """«وكان الوزير عادل الجبير، وزير الخارجية السعودي، التقى»: an apposition between
        commas right after a name, closed by the comma before the verb, is the subject."""
        k = self.mention_at(comma - 1, first=False)
        if k is None or not self.free(k) or not self.mentions[k].country:
            return None
        first = self.span[k][0]
        if first < 2 or self.words[first - 1].text not in "،," or not self.same_sentence(first - 2, comma):
            return None
        return self.group(k) if self.mention_at(first - 2, first=False) is not None else None

    def subject_after(self, h: int, transitive: bool = True) -> Optional[Group]:
        """VSO: an actor right after word ``h`` («أعرب كيم»), or the nationality of the
        noun there («قصفت طائرات حربية تركية»)."""
        j = self._skip(h + 1, 1, len(self.words))
        if not self.same_sentence(j, h):
            return None
        k = self.mention_at(j)
        if k is not None:
            if self.mentions[k].kind == "adj" and self._oblique(k):
                return None  # «اتهم الإسرائيليين»: the accusative plural is the object
            return self.group(self.holder(k)) if self.free(k) else None
        if transitive and (self.words[j].kind == "num" or self.is_("numeral", j)):
            return None  # «قتل أربعة فلسطينيين»: passive, four were killed
        k = self.np_adjective(j)
        if k is not None and self.key(j).endswith("ين") and self._oblique(k):
            return None  # «واتهمت العسكريين الأوكرانيين»: a plural in «ـين» is no subject
        if k is None:
            k = self.force_owner(j)
        return self._with_conjunct(self.group(k)) if k is not None else None

    def _with_conjunct(self, g: Group) -> Group:
        """A subject noun phrase and a second one joined to it by «و» + «ال» that also names its
        actor («قصفت الطائرات التركية والطائرات الأمريكية مواقع»): both do the act. An
        object never opens with «و», so the second is no object."""
        j = self.span[g[-1]][1] + 1
        if not (self.same_sentence(j, j - 1) and self.key(j).startswith("وال") and j not in self.owner):
            return g
        k = self.np_adjective(j)
        if k is None:
            k = self.force_owner(j)
        return g + [k] if k is not None and k not in g else g

    def _oblique(self, k: int) -> bool:
        """A nationality in the accusative or genitive plural or dual («ـيين», «ـيتين»): the
        subject would take «ـيون/ـيان»."""
        return normalize(self.mentions[k].text).endswith(("يين", "يتين"))

    def force_owner(self, j: int) -> Optional[int]:
        """The actor whose aircraft, troops or ships the noun at ``j`` names: its genitive
        («طيران التحالف العربي») or the one they belong to («الطائرات المقاتلة التابعة
        للتحالف العربي»), past an adjective or two."""
        found = self._mention_after(j) if self.is_("force", j) else None
        if found is None:
            return None
        i, k = found
        belongs = self.prep[k] == "ل" and self.key(i - 1) in BELONGING
        ok = (self.prep[k] is None and i == j + 1) or belongs
        return k if ok and not self.locative[k] and self.mentions[k].can_act else None

    def _mention_after(self, j: int) -> Optional[tuple[int, int]]:
        """``(word, mention)`` of the first mention within three words after the noun at
        ``j``, in its sentence, with only nouns (its adjectives) before it."""
        for i in range(j + 1, j + 4):
            if not self.same_sentence(i, j):
                return None
            k = self.mention_at(i)
            if k is not None:
                return i, k
            if not self.is_noun(i) and not self._indefinite_nisba(i):
                return None
        return None

    def _indefinite_nisba(self, i: int) -> bool:
        """An indefinite relational adjective whose first letter reads like a preposition
        («معهد بحثي أمريكي», «موقع لوجستي»): an adjective of the noun before, not «ب» + a noun."""
        w = self.words[i]
        return w.kind == "word" and i not in self.owner and not self.stops(i) \
            and w.key[:1] in "بلك" and w.key.endswith(("ي", "يه")) and "ال" not in w.key[:3]

    def holder(self, k: int) -> int:
        """A title of no country right before a person is that person's: «صاحب السمو
        الملكي الأمير محمد بن سلمان» acts as the prince, «معالي وزير خارجية روسيا
        الاتحادية سيرجي لافروف» as Lavrov (a country in the title is passed over); past a
        name the lexicon does not know, a title with a country stands for its holder
        («الفريق الركن الشيخ راشد بن عبدالله آل خليفة وزير الداخلية بمملكة البحرين»), and
        a country behind «ب» closing the title is the state of the office («معالي وزير
        الدولة لشئون الدفاع بدولة قطر»)."""
        if self.mentions[k].country:
            return k
        if self.mentions[k].kind in ("title", "institution") and (body := self._belongs_to(k)) is not None:
            return body  # «الهيئة الدائمة المستقلة لحقوق الإنسان التابعة لمنظمة التعاون الإسلامي»
        if self.mentions[k].kind != "title":
            return k
        end, nouns = self.span[k][1], 0
        for n in range(k + 1, len(self.mentions)):
            between = range(end + 1, self.span[n][0])
            nouns += len(between)
            kind = self.mentions[n].kind
            if kind == "country" and n == k + 1 and self.prep[n] == "ب" and len(between) <= 3 \
                    and all(self.words[i].kind == "word" for i in between):
                return n  # «وزير الدولة لشئون الدفاع بدولة قطر»: the state whose office it is
            if not all(self.is_noun(i) for i in between):
                return k
            if kind == "title" and self.mentions[n].country and len(between) <= HOLDER_GAP \
                    and self.prep[n] is None and self.free(n):
                return n  # «الشيخ راشد بن عبدالله آل خليفة وزير الداخلية بمملكة البحرين»: his office's state
            if nouns > HOLDER_GAP:
                return k
            if not nouns and n == k + 1 and self.prep[n] == "ل" and kind == "org" and self.mentions[n].country:
                p = n + 1
                if p < len(self.mentions) and self.mentions[p].kind == "person" \
                        and self.span[p][0] == self.span[n][1] + 1 and self.free(p):
                    return p  # «الأمين العام للأمم المتحدة بان كي مون»: the official it names
                return n  # «مبعوث الأمين العام للأمم المتحدة»: an official of the body
            if kind == "person":  # «لرئيس مجلس الوزراء ... الأمير محمد»: the «ل» is the title's
                return n if self.free(n) or self.prep[n] == "ل" and not self.locative[n] else k
            if kind not in ("country", "title") or self.prep[n] not in (None, "ل"):
                return k  # «ولي ولي العهد ... لرئيس مجلس الوزراء وزير الدفاع الأمير محمد»
            end = self.span[n][1]
        return k

    def _belongs_to(self, k: int) -> Optional[int]:
        """The body a title of no country belongs to, named after «التابعة لـ» within a few
        nouns («الهيئة الدائمة المستقلة لحقوق الإنسان التابعة لمنظمة التعاون الإسلامي»)."""
        for i in range(self.span[k][1] + 1, self.span[k][1] + 1 + HOLDER_GAP):
            if not self.same_sentence(i, self.span[k][1]) or self.words[i].kind != "word":
                return None
            if self.key(i) in BELONGING:
                n = self.mention_at(i + 1) if self.same_sentence(i + 1, i) else None
                return n if n is not None and self.prep[n] == "ل" and self.mentions[n].country \
                    and not self.locative[n] else None
            if i in self.owner:
                return None
        return None

    def apposed(self, k: int) -> int:
        """A title of no country that ends a chain of titles after a person is that person's
        («الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس
        الوزراء وزير الدفاع»): back through the chain, while only nouns stand between."""
        n = k
        while self.mentions[n].kind in ("title", "institution") and not self.mentions[n].country and n > 0:
            p = n - 1
            between = range(self.span[p][1] + 1, self.span[n][0])
            if len(between) > APPOSITION_GAP or not all(self.is_noun(i) for i in between) \
                    or self.mentions[p].kind not in ("person", "title", "institution"):
                return k
            n = p
        return n if n != k and self.mentions[n].country and self.free(n) else k

    def np_adjective(self, j: int) -> Optional[int]:
        """The nationality adjective on the noun at ``j`` («التحقيقات الأمريكية», «طائرات
        حربية تركية»), if that noun is not in a prepositional phrase."""
        found = self._mention_after(j) if self.is_noun(j) else None
        if found is None:
            return None
        k = found[1]
        return k if self.adjective[k] and not self.mentions[k].clitic else None

    def is_noun(self, j: int) -> bool:
        """A plain word that may head or modify a noun phrase (no preposition on it)."""
        w = self.words[j]
        if w.kind != "word" or j in self.owner or self.is_("skip", j) or self.stops(j):
            return False
        readings = proclitic_readings(w.key)
        return not any(r in PREPOSITIONS or (pre and pre[-1] in "بلك") for r, pre in readings[:1] + readings[1:2])

    def honorific_after(self, h: int) -> Optional[int]:
        """The honorific pronoun phrase right after verb ``h`` that is its subject («واستقبل
        سموه», «وأكد معاليه»): it stands for the person named before, not for a new one."""
        j = self._skip(h + 1, 1, len(self.words))
        return j if self.same_sentence(j, h) and j not in self.owner and self.key(j) in self.lex.honorifics else None

    def statement_after(self, h: int) -> Optional[int]:
        """The statement named right after verb ``h`` as its subject («وتابع البيان», «طالب
        البيان المجتمع الدولي»): it speaks for whoever issued it."""
        j = self._skip(h + 1, 1, len(self.words))
        return j if self.same_sentence(j, h) and j not in self.owner and self.is_("statement", j) \
            and self.key(j) == next((r for r, pre in proclitic_readings(self.key(j)) if not pre), None) else None

    def ranked(self, k: int, j: int) -> bool:
        """Does mention ``k`` name a person or title of a country whose name or the few words
        before it hold one of the ranks of the honorific at word ``j`` («صاحب السمو الملكي
        الأمير ...» for «سموه»)?"""
        m, (a, b) = self.mentions[k], self.span[k]
        if m.kind not in ("person", "title") or not m.country or self.locative[k]:
            return False
        ranks = self.lex.honorifics[self.key(j)]
        return any(r in ranks for i in range(max(0, a - RANK_SPAN), b + 1) if self.words[i].kind == "word"
                   for r, _ in proclitic_readings(self.key(i)))

    def honoured_here(self, j: int) -> Optional[Group]:
        """The last person of the honorific's rank named before it in its own sentence
        («توجه الأمير محمد بن سلمان ... إلى الأردن، وسيلتقي سموه»)."""
        for k in range(bisect_left(self.mention_firsts, j) - 1, -1, -1):
            if not self.same_sentence(self.span[k][0], j):
                return None
            if self.ranked(k, j):
                return [k]
        return None

    def explicit_subject(self, h: int, until: Optional[int] = None) -> bool:
        """Does verb ``h`` have a subject of its own that is no known actor: a noun right
        after it («في الغضون، استهدف المتمردون…») or right before it («وكان دي مستورا
        أجرى»)? Then its subject is not the running topic. Words from ``until`` on (the
        noun a light verb governs) do not count."""
        j = self._skip(h + 1, 1, len(self.words))
        adverbial = self.same_sentence(h + 1, h) and any(r in ADVERBIALS for r, _ in proclitic_readings(self.key(h + 1)))
        after = (self.same_sentence(j, h) and (until is None or j < until) and self.is_noun(j) and not adverbial
                 and not any(r in PARTICLES for r, _ in proclitic_readings(self.key(j)))
                 and not self.key(j).endswith("يين"))  # «العسكريين»: an accusative plural, the object
        i = self._skip(h - 1, -1, -1)
        before = (self.same_sentence(i, h) and self.is_noun(i) and not self.is_("speech", i)
                  and not any(r in PARTICLES for r, _ in proclitic_readings(self.key(i))))
        return after or before

    def subject_back(self, h: int, cross_that: bool = False) -> Optional[Group]:
        """A noun's subject: the nearest actor before it in its clause that is not inside a
        prepositional phrase. The search stops at «أن» unless ``cross_that``."""
        for j in range(h - 1, max(-1, h - BACK_SPAN), -1):
            if not self.same_sentence(j, h) or self.stops(j, quotes=False):
                return None
            if not cross_that and self.opens_that(j):
                return None  # a clause after «أن» has its own subject
            if self.is_("negation", j) or self.words[j].text in "()[]":
                return None  # «أعلن عدم مشروعية طرد الصحافية»; a parenthesis is no subject
            k = self.mention_at(j, first=False)
            if k is not None and self.free(k) and (not self.adjective[k] or h - j <= ADJ_BACK_SPAN):
                return self.group(self.apposed(self.holder(k)))  # a nationality far back modifies some other noun
        return None

    def light_verb(self, h: int) -> Optional[int]:
        """The light verb governing the noun at ``h`` («أجرى خلالها مباحثات»), past at most
        LIGHT_REACH - 1 skip, measure and number words."""
        j = h - 1
        for _ in range(LIGHT_REACH):
            if not self.same_sentence(j, h) or j in self.owner:
                return None
            if any(k in self.lex.light for k in self.keys(j)):
                return j
            if not self.is_("skip", j) and not self.is_("measure", j) and not self.is_("numeral", j) \
                    and self.words[j].kind != "num":  # «شن ... سلسلة غارات», «شن نحو 15 غارة»
                return None
            j -= 1
        return None

    def light_verb_over_subject(self, h: int) -> Optional[Group]:
        """VSO with a light verb: the subject standing between the light verb and the noun
        at ``h`` («سيجري كيري أيضا محادثات مع», «أجرى وزير الخارجية الأمريكي جون كيري أمس
        محادثات»), which :meth:`light_verb` does not pass. Only names and skip words may
        stand between them; the subject is the light verb's :meth:`subject_after`."""
        j = self._skip(h - 1, -1, -1)
        if not self.same_sentence(j, h) or j not in self.owner:
            return None
        for i in range(j - 1, max(-1, j - OBJECT_SPAN), -1):
            if not self.same_sentence(i, h):
                return None
            if i in self.owner or self.is_("skip", i):
                continue
            if not any(k in self.lex.light for k in self.keys(i)):
                return None
            g = self.subject_after(i)
            return g if g is not None and self.span[g[0]][0] <= j else None
        return None

    # ------------------------------------------------------------------ targets
    def complement(self, start: int, prep: str, stop: int) -> Optional[Group]:
        """The first actor inside the phrase introduced by ``prep`` after ``start``."""
        j, end = start, min(stop, start + NP_SPAN)
        while j < end:
            if not self.same_sentence(j, start) or self.stops(j) or self.words[j].text in "،,":
                return None
            k = self.mention_at(j)
            if k is not None and self.prep[k] == prep and self.coord[k] is None:
                g = self._actor_group(k)
                if g is None and j == start and self.locative[k]:
                    # «نددت الجالية البحرينية بالمملكة بالتصريحات»: where, then what
                    j = self.past_place(j)
                    end = min(stop, j + NP_SPAN)
                    continue
                return g
            readings = proclitic_readings(self.key(j))
            if any(r == prep + suf for r, pre in readings if pre in ("", "و", "ف") for suf in SUFFIXES):
                return None  # «ضدها», «معه»: the target is a pronoun
            if any(r == prep and pre in ("", "و", "ف") for r, pre in readings):
                if prep == "علي" and self.same_sentence(j + 1, j) and self.is_("idiom", j + 1):
                    return None  # «على غرار», «على هامش»: an adverbial phrase, no complement
                return self._first_actor(j + 1, stop, prep)
            if any(pre.endswith(prep) and r.startswith("ال") for r, pre in readings if pre):
                return self._first_actor(j, stop, prep)
            if j == start and any(pre.endswith(prep) and not r.startswith("ال") for r, pre in readings if pre):
                i = j + 1  # past a noun or two of the genitive chain («بمحورية دور المملكة»)
                while i < min(stop, j + 3) and self.same_sentence(i, j) and self.mention_at(i) is None \
                        and self.is_noun(i) and not self.key(i).startswith("و"):
                    i += 1
                k = self.mention_at(i) if self.same_sentence(i, j) else None
                # «مشيدا بحضور الأمير محمد»: the owner of the noun after the preposition; the
                # nationality of a counterpart or delegation («اتصل بنظيره التركي», «بوفد روسي»)
                return self._actor_group(k) if k is not None and self.free(k) \
                    and (not self.adjective[k] or self.is_("delegate", j)) else None
            j += 1
        return None

    def past_place(self, j: int) -> int:
        """The word after the place phrase at ``j`` («بالمملكة»), or ``j`` when none is there."""
        k = self.mention_at(j)
        if k is None or not self.locative[k]:
            return j
        while k + 1 < len(self.mentions) and self.coord[k + 1] == k:
            k += 1  # «في السعودية والإمارات»
        return self.span[k][1] + 1

    def _first_actor(self, start: int, stop: int, prep: str) -> Optional[Group]:
        """The first actor of the noun phrase at ``start``: not under another preposition,
        not past a new conjunct («مع الدول الكبرى وبحث مستجدات الأزمة السورية»), and a
        bare nationality only on the phrase's first nouns."""
        for j in range(start, min(stop, start + NP_SPAN)):
            if not self.same_sentence(j, start) or self.stops(j) or self.words[j].text in "،,":
                return None
            k = self.mention_at(j)
            if k is None and j > start and any(pre == "و" and not r.startswith("ال")
                                               for r, pre in proclitic_readings(self.key(j))):
                return None  # «…وبحث»: a new conjunct, not «…والصحافي السوري»
            if k is not None and self.adjective[k] and j - start > 3:
                return None
            owner = k is not None and self.prep[k] == "ل" and j > start and (
                self.key(j - 1) in BELONGING  # «معسكر اللواء 35 الموالي لصالح»
                or j == start + 1 and self.is_noun(start) and not self.adjective[k]  # «على مواقع للحوثيين»: theirs
                or j == start + 2 and self.is_noun(start) and not self.adjective[k] and self._bare_nisba(start + 1))
            if k is not None and (self.prep[k] in (None, "بين", prep) or owner) and not self.locative[k] \
                    and self.mentions[k].can_act:  # an actor under another preposition is not the head,
                return self._actor_group(k)  # but for whom it belongs to («معسكر اللواء 35 الموالي لصالح»)
        return None

    def _bare_nisba(self, i: int) -> bool:
        """Is word ``i`` an indefinite relational adjective («مواقع عسكرية للحوثيين»,
        «أهداف إرهابية لداعش»), no name's word? The noun before it keeps its owner after it."""
        key = self.key(i)
        return i not in self.owner and self.words[i].kind == "word" and not key.startswith(("ال", "و")) \
            and key.endswith(("يه", "ي", "يين", "يون")) and len(key) > 4

    def _actor_group(self, k: int) -> Optional[Group]:
        g = [x for x in self.group(self.holder(k)) if not self.locative[x] and self.mentions[x].can_act]
        return g or None

    def _named_companion(self, hit: Hit, after: int) -> Optional[Group]:
        """The actor a trigger's companion word heads («استدعت البحرين السفير الإيراني»: the
        ambassador named with his country is the one summoned), when the name runs on past
        the trigger and is no subject or location."""
        k = self.owner.get(hit.last)
        if k is None or self.span[k][1] < after or self.span[k][0] <= hit.head \
                or not self.free(k) or not self.mentions[k].country:
            return None
        return self.group(k)

    def direct_object(self, start: int, stop: int) -> Optional[Group]:
        """A free actor right at ``start``, or a nationality adjective on the noun there
        («انتقد التحقيقات الأمريكية»)."""
        j = self._skip(start, 1, stop)
        if j >= stop or not self.same_sentence(j, start):
            return None
        k = self.mention_at(j)
        if k is not None and self.locative[k]:
            return self._after_location(j, stop)
        if k is not None:
            return self.group(self.holder(k)) if self.free(k) else None
        if self.words[j].kind != "word":
            return None
        if any(r in PREPOSITIONS for r, _ in proclitic_readings(self.key(j))):
            return self._after_location(j, stop) if self.is_("locative", j) else None
        if self.key(j) in QUANTIFIERS and self.same_sentence(j + 2, j) and self.key(j + 1) == "من":
            k = self.mention_at(j + 2)  # «أسرت العديد من الحوثيين»: the many are the Houthis
            if k is not None and not self.locative[k] and self.mentions[k].can_act:
                return self.group(k)
        k = self.np_adjective(j)
        if k is None and self.is_noun(j) and self.same_sentence(j + 1, j) and self.key(j) not in BELONGING:
            k = self.mention_at(j + 1)  # «أدان قصف تركيا»: the owner of the act condemned,
            owned = k is not None and (self.free(k) or self.prep[k] == "ل" and not self.locative[k]
                                       and self.mentions[k].can_act)  # «قصفت مواقع للحوثيين»: theirs
            k = k if owned and not self.adjective[k] else None
        return self.group(k) if k is not None and self.span[k][0] < stop else None

    def past_apposition(self, start: int) -> int:
        """The word after a subject's apposition and the time words after it: «دان مسعود
        البرزاني رئيس اقليم كردستان العراق السبت | قصف تركيا», «اجتمع الأمير محمد بن
        سلمان بن عبدالعزيز ولي ولي العهد ... لرئيس مجلس الوزراء وزير الدفاع | في جدة»."""
        j, moved = self._skip(start, 1, len(self.words)), False
        named = self._named_holder(start, j)
        if named is not None:  # «رئيس الوزراء الماليزي | نجيب عبد الرزاق»: the title's holder by name
            j, moved = self._skip(self.span[named][1] + 1, 1, len(self.words)), True
        while self.same_sentence(j, start):
            if self.key(j) in NAME_LINKS and self.same_sentence(j + 1, j) and (j + 1) not in self.owner:
                j, moved = self._skip(j + 2, 1, len(self.words)), True  # «بن عبدالعزيز»: the name goes on
                continue
            if moved and self.key(j) in TITLE_MODIFIERS:
                j += 1  # «النائب الثاني», «القائد الأعلى»
                continue
            k = self.mention_at(j)
            if k is None or self.mentions[k].kind != "title" or self.prep[k] not in (None, "ل") \
                    or self.locative[k]:
                break
            while k + 1 < len(self.mentions) and self.coord[k + 1] is None and self.span[k + 1][0] == self.span[k][1] + 1 \
                    and self.mentions[k + 1].kind in PLACE_KINDS | {"person", "title"} and self.prep[k + 1] in (None, "ل"):
                k += 1  # «رئيس وزراء | اليابان»: the title's own genitive
            j, moved = self._skip(self.span[k][1] + 1, 1, len(self.words)), True
            if not self.mentions[k].country:
                j = self._past_body(j)  # «رئيسة اتحاد المصارف اليونانية»: the body the title names
        return j if moved else start

    def _named_holder(self, start: int, j: int) -> Optional[int]:
        """The person named right after a subject that is a title of the same country (or
        of none): «أعرب وزير الخارجية الأمريكي جون كيري»; None otherwise."""
        title = self.mention_at(start - 1, first=False)
        if title is not None and self.mentions[title].kind == "adj":
            # «طالب المرجع العراقي الشيعي محمود الحسني الصرخي»: a noun and its nationality (and
            # one more adjective) before a name describe the person named
            if j < len(self.words) and self.mention_at(j) is None and _nisba(self.key(j)) and self.same_sentence(j, start):
                j += 1
        person = self.mention_at(j) if j < len(self.words) else None
        if title is None or person is None or not self.same_sentence(j, start - 1):
            return None
        mt, mp = self.mentions[title], self.mentions[person]
        if mt.kind not in ("title", "adj") or mp.kind != "person" or self.prep[person] is not None \
                or self.coord[person] is not None:
            return None
        return person if mp.country is None or mt.country is None or mp.country == mt.country else None

    def _past_body(self, j: int) -> int:
        """Past the noun phrase of a body after a title of no country, when a nationality
        closes it within BODY_SPAN words («اتحاد المصارف اليونانية»); else ``j``."""
        for i in range(j, j + BODY_SPAN):
            if not self.same_sentence(i, j):
                return j
            k = self.mention_at(i)
            if k is not None:
                return self.span[k][1] + 1 if self.adjective[k] else j
            if not self.is_noun(i):
                return j
        return j

    def members_after(self, h: int, stop: int) -> Optional[Group]:
        """The actors a plural subject after verb ``h`` names as its members: «وأيد حلفاء
        غربيون بينهم حلف شمال الأطلسي والولايات المتحدة», «وتطالب دول عدة بينها ماليزيا
        وهولندا» (the subject's words name no actor with a country of their own)."""
        for j in range(h + 1, min(stop, h + 1 + MEMBER_SPAN)):
            if not self.same_sentence(j, h):
                return None
            key = self.key(j)
            if key in MEMBERS or key in ("من", "ومن") and self.same_sentence(j + 1, j) and self.key(j + 1) in MEMBERS:
                first = j + 1 if key in MEMBERS else j + 2
                k = self.mention_at(first) if self.same_sentence(first, j) else None
                return self.group(k) if k is not None and self.free(k) and self.mentions[k].country else None
            k = self.mention_at(j)
            if k is not None and (self.mentions[k].country or not self.adjective[k]):
                return None  # a subject named («وأيد الاتحاد الأوروبي ...»)
            if k is None and (self.words[j].kind != "word" or self.stops(j)):
                return None
        return None

    def past_conjunct(self, start: int, stop: int) -> Optional[int]:
        """The word after a conjunct of a verb's subject that names no actor, with the
        prepositional phrase after it and the adverbs after that («ودعمت الولايات المتحدة |
        وحلفاؤها في حلف شمال الاطلسي دبلوماسيا | كييف»), or after an aside of time words
        between commas («اتهمت الحكومة البريطانية ، أمس (الأحد) ، | إسبانيا»); None when
        neither stands at ``start``."""
        if (past := self.past_time_aside(start, stop)) is not None:
            return past  # «اتهمت الحكومة البريطانية، أمس (الأحد)، إسبانيا»
        j = self._skip(start, 1, stop)
        if j >= stop or not self.same_sentence(j, start) or not self.is_noun(j) \
                or not any(pre == "و" for _, pre in proclitic_readings(self.key(j))):
            return None
        j += 1
        if j < stop and self.same_sentence(j, start) and self.key(j) in ("في", "من") \
                and (k := self.mention_at(j + 1)) is not None:
            while k + 1 < len(self.mentions) and self.coord[k + 1] == k:
                k += 1
            j = self.span[k][1] + 1
        return self._skip(j, 1, stop) if j < stop and self.same_sentence(j, start) else None

    def past_time_aside(self, start: int, stop: int) -> Optional[int]:
        """The word after an aside of time words between commas right at ``start`` («هاجمت
        السعودية، اليوم، | الحوثيين»); None when there is none."""
        aside = self._time_aside_commas(self._skip(start, 1, stop), stop)
        return self._skip(aside, 1, stop) if aside is not None else None

    def _time_aside_commas(self, j: int, stop: int) -> Optional[int]:
        """The word after an aside of time words between commas opening at ``j`` («، أمس
        (الأحد)،»); None when no such aside stands there."""
        if j >= stop or self.words[j].text not in "،,":
            return None
        for i in range(j + 1, min(stop, j + 8)):
            if not self.same_sentence(i, j):
                return None
            w = self.words[i]
            if w.text in "،," and i > j + 1:
                return i + 1
            if not (w.text in "()" or w.kind == "num" or self.is_("skip", i) and i not in self.owner):
                return None
        return None

    def first_actor_of_sentence(self, h: int) -> Optional[Group]:
        """The first free actor with a country in the sentence of word ``h``, before it: the
        main clause's subject in the news' verb-first sentences («وأدلى ظريف بتصريحه ...»)."""
        lo = self.sentences[self.sentence_of[h]][0]
        for k in range(bisect_left(self.mention_firsts, lo), len(self.mentions)):
            first = self.span[k][0]
            if first >= h:
                return None
            if self.same_sentence(first, h) and self.free(k) and self.mentions[k].country:
                return self.group(k)
        return None

    def owner_back(self, h: int, people: bool = False) -> Optional[Group]:
        """Who a possessive pronoun on the noun at ``h`` stands for: the nearest person or
        title before it in its sentence, under a preposition or not («المرافقين لوزير الدفاع
        الأمريكي أشتون كارتر في زيارته إلى العراق»); with ``people`` (a stance: its owner
        acts), a plural «ـهم» also a people named by its nationality («السعوديون»)."""
        feminine = self.key(h).endswith("ها")  # «دعمها»: a state or body may own it too
        plural = people and self.key(h).endswith("هم")  # «اتهاماتهم»: a people may too («السعوديون»)
        for j in range(h - 1, max(-1, h - BACK_SPAN * 2), -1):
            if not self.same_sentence(j, h):
                return None
            k = self.mention_at(j, first=False)
            if k is None or not self.mentions[k].country:
                continue
            if self.mentions[k].kind in ("person", "title"):
                return [k]
            if feminine and self.mentions[k].kind in STATE_KINDS and self.free(k):
                return self.group(k)  # «وأعربت مملكة البحرين عن تعازيها»: Bahrain's condolences
            if plural and self.adjective[k] and self.free(k) and normalize(self.mentions[k].text).endswith(("ون", "يين")):
                return self.group(k)  # «عاود السعوديون لتوجيه اتهاماتهم»: a people's, named as such
        return None

    def objects_beyond(self, start: int, stop: int) -> list[int]:
        """Free actors after ``start`` in the same clause, in text order, past titles,
        places and times: «التقى الأمير محمد بن سلمان ولي ولي العهد ... في جدة أمس الرئيس
        قاديروف» (the object after the subject's long apposition). The clause ends at
        strong punctuation, a clause-opening word or a speech or light verb."""
        out = []
        j, end = start - 1, min(stop, start + OBJECT_SPAN)
        while (j := j + 1) < end:
            if self.words[j].text == "(" and (close := self._time_aside(j)) is not None:
                j = close  # «في قصر السلام بجدة اليوم (الأربعاء)، وزير الدفاع الأميركي»
                continue
            if not self.same_sentence(j, start) or self.stops(j) or self.is_("speech", j) \
                    or any(k in self.lex.light for k in self.keys(j)) or self.opens_that(j):
                break
            k = self.mention_at(j)
            if k is not None and self.free(k) and self.mentions[k].kind not in PLACE_KINDS:
                out.append(k)
        return out

    def _time_aside(self, j: int) -> Optional[int]:
        """The «)» closing a parenthesis at ``j`` that holds only time words («(الأربعاء)»)."""
        for i in range(j + 1, min(len(self.words), j + 4)):
            if self.words[i].text == ")":
                return i if i > j + 1 and self.same_sentence(i, j) else None
            if not (self.is_("skip", i) or self.words[i].kind == "num"):
                return None
        return None

    def _after_location(self, j: int, stop: int) -> Optional[Group]:
        """«استقبل الملك في قصر اليمامة بالرياض أمس الرئيس المصري»: the object after a
        locative phrase that names places only."""
        for i in range(j, min(stop, j + NP_SPAN)):
            if not self.same_sentence(i, j) or self.stops(i) or self.words[i].text in "،," \
                    or self.is_("backing", i):  # «في اليمن بدعم من طائرات التحالف»: the backer
                return None
            k = self.mention_at(i)
            if k is not None and not self.locative[k]:
                return self.group(self.holder(k)) if self.free(k) and self.mentions[k].kind not in PLACE_KINDS else None
        return None

    def genitive(self, last: int) -> Optional[Group]:
        """The actor right after a noun: its possessor or object («زيارة الرئيس كيم»,
        «التحذيرات الأميركية»)."""
        j = last + 1
        k = self.mention_at(j) if self.same_sentence(j, last) else None
        if k is None or self.locative[k] or not self.mentions[k].can_act:
            return None
        if self.adjective[k] or self.prep[k] is None:
            return self.group(k)
        return None

    def relative_agent(self, start: int, stop: int) -> Optional[Group]:
        """The doer named in a relative clause on the object noun phrase at ``start``, when
        the phrase itself names no actor: «أدان الهجوم الذي شنته أوكرانيا», «نددت ...
        بالتصريحات العدائية التي ترددها ايران» — what is condemned is the doer's act."""
        for j in range(start, min(stop, start + RELATIVE_REACH)):
            if not self.same_sentence(j, start) or self.words[j].kind != "word" or self.mention_at(j) is not None:
                return None
            if self.is_("boundary", j) and self.key(j) in RELATIVES:
                v = j + 1  # the relative clause's verb, then its subject
                k = self.mention_at(v + 1) if self.same_sentence(v + 1, j) and self.words[v].kind == "word" else None
                if k is None and self.same_sentence(v + 1, j) and self.words[v].kind == "word":
                    k = self.np_adjective(v + 1)  # «الهجوم الذي شنه مستوطنون إسرائيليون»
                if k is not None and self.free(k) and not self.locative[k] and self.mentions[k].can_act \
                        and self.span[k][0] < stop:
                    return self.group(k)
                return None
        return None

    def phrase_agent(self, start: int, stop: int) -> Optional[Group]:
        """The one whose words or acts the object noun phrase at ``start`` names deeper in
        it, when the phrase's first words name no actor: «رفضت ما قاله كيري», «تنفي ما هو
        منسوب للداخلية التونسية», «تدين ... استمرار التصريحات العدائية من قبل مسؤولي
        الجمهورية الإسلامية الإيرانية» — what is judged is that actor's."""
        for j in range(start, min(stop, start + PHRASE_REACH)):
            if not self.same_sentence(j, start) or self.words[j].kind != "word" or self.mention_at(j) is not None \
                    or self.stops(j) or self.opens_that(j):
                return None
            key = self.key(j)
            if key == "من" and self.same_sentence(j + 2, j) and self.key(j + 1) in AGENT_NOUNS:
                k = self.mention_at(j + 2)  # «من قبل», «من جانب», «من طرف» + the doer
                if k is None and self.same_sentence(j + 3, j) and self.is_noun(j + 2):
                    k = self.mention_at(j + 3)  # «من قبل مسؤولي الجمهورية الإسلامية الإيرانية»
            elif key == "ما" and self.same_sentence(j + 2, j):
                v = j + 1 + (self.key(j + 1) in ("هو", "هي"))  # «ما هو منسوب لـ»
                if not self.same_sentence(v + 1, j) or self.key(v) not in SAID_WORDS:
                    return None
                v += self.key(v + 1) == "به"  # «ما صرح به»
                k = self.mention_at(v + 1) if self.same_sentence(v + 1, j) else None
                if k is not None and self.prep[k] not in (None, "ل"):
                    return None
            elif self.is_noun(j):
                continue  # the head noun and its adjectives («استمرار التصريحات العدائية»)
            else:
                return None  # «رفضا للاتفاق من جانب الكونغرس»: a complement, not an object
            if k is None or self.locative[k] or not self.mentions[k].can_act or self.span[k][0] >= stop \
                    or self.adjective[k]:
                return None
            return self._actor_group(k)
        return None

    def threatened_party(self, start: int, stop: int) -> Optional[Group]:
        """Whom the act a threat names through «ب» falls on: «لوح ... بوقف التعامل مع المنظمة
        الدولية», «هدد حزب العمال الكردستاني بقطع الهدنة مع أنقرة», «هدد باستخدام القوة ضد
        إيران» — the party after «مع/ضد/على» in the act's phrase, or its genitive right after
        the act («هدد بمقاضاة إسرائيل»)."""
        j = self._skip(start, 1, stop)
        if j < stop and self.words[j].text in "،,":  # «ولوح محمد عبد السلام، الناطق باسم المتمردين، بوقف»
            close = next((i for i in range(j + 1, min(stop, j + APPOSITION_REACH)) if self.words[i].text in "،,"), None)
            j = self._skip(close + 1, 1, stop) if close is not None and self.same_sentence(close, j) else stop
        if j >= stop or not any(pre.endswith("ب") for _, pre in proclitic_readings(self.key(j)) if pre):
            return None
        for i in range(j + 1, min(stop, j + THREAT_REACH + 1)):
            if not self.same_sentence(i, j) or self.stops(i) or self.words[i].text in "،,":
                return None
            k = self.mention_at(i)
            if k is None:
                continue
            if self.locative[k] or not self.mentions[k].can_act or self.adjective[k]:
                return None
            if self.prep[k] in THREAT_PREPS or self.prep[k] is None and i == j + 1:
                return self._actor_group(k)
            return None
        return None

    def targets(self, hit: Hit, after: int, stop: int) -> tuple[Optional[Group], Optional[str]]:
        """The target group and how it was found (a preposition, "obj" or "gen");
        memoised (the rules and the learnt stage both ask)."""
        key = (hit.head, hit.last, id(hit.entry), hit.tense, after, stop)
        found = self._targets.get(key)
        if found is None:
            found = self._targets[key] = self._find_targets(hit, after, stop)
        return found

    def _find_targets(self, hit: Hit, after: int, stop: int) -> tuple[Optional[Group], Optional[str]]:
        for spec in hit.entry.target:
            if spec == "obj":
                g = self.direct_object(after, stop) if hit.is_verb else None
                if g is None and hit.is_verb and hit.last > hit.head:
                    g = self._named_companion(hit, after)
                if g is None and hit.is_verb and hit.entry.type in RELATIVE_TYPES:
                    g = self.relative_agent(self._skip(after, 1, stop), stop)
                if g is None and hit.is_verb and hit.entry.type in RELATIVE_TYPES:
                    g = self.phrase_agent(self._skip(after, 1, stop), stop)
            elif spec == "gen":
                g = None if hit.is_verb else self.genitive(hit.last)
                if g and self.adjective[g[0]]:
                    g = None  # «الإغاثة السعودية»: a nationality on the noun is its owner
            else:
                g = self.complement(after, spec, stop)
                if g is None and spec == "ب" and hit.entry.type == "THREATEN":
                    g = self.threatened_party(after, stop)
                if g is None and hit.entry.type in RELATIVE_TYPES:
                    j = self.past_place(self._skip(after, 1, stop))
                    if j < stop and self.key(j) == spec:
                        g = self.relative_agent(j + 1, stop)
                    elif j < stop and any(pre.endswith(spec) for _, pre in proclitic_readings(self.key(j)) if pre):
                        g = self.relative_agent(j, stop)
            if g:
                return g, spec
        return None, None


LIGHT_REACH = 4  # words back from a verbal noun to the light verb governing it («شن نحو 15 غارة»)
RELATIVES = frozenset(("الذي", "التي", "الذين"))
# normalised «بينهم», «منها» ...: the members a plural subject names («حلفاء غربيون بينهم»)
MEMBERS = frozenset(normalize(w) for w in "بينهم بينها بينهما منهم منها ومنهم ومنها وبينهم وبينها".split())
MEMBER_SPAN = 4  # words of the plural subject before its «بينهم»
# normalised «التابعة لـ», «الموالية لـ»: what follows is whom the noun before belongs to
BELONGING = frozenset(("التابعه", "التابع", "التابعين", "التابعون", "المواليه", "الموالي", "الموالين", "الموالون"))
RELATIVE_REACH = 4  # words of the object noun phrase before its relative pronoun
RELATIVE_TYPES = frozenset(("ACCUSE", "REJECT", "SUPPORT", "REQUEST"))  # acts judged or demanded: the doer is the target
THREAT_REACH = 4  # words of a threatened act's phrase searched for whom it falls on
APPOSITION_REACH = 8  # words of an apposition between commas after the subject
THREAT_PREPS = frozenset(("مع", "ضد", "علي"))  # normalised: «بقطع العلاقات مع», «ضد», «على»
PHRASE_REACH = 6  # words of the object noun phrase searched for «ما قاله X», «من قبل X»
AGENT_NOUNS = frozenset(("قبل", "جانب", "طرف"))  # «من قبل X»: X does it
# normalised «ما قاله X», «ما صرح به X», «ما هو منسوب لـX»: X's words
SAID_WORDS = frozenset(normalize(w) for w in (
    "قاله قالته قالوا صرح صرحت أعلنه أعلنته ذكره ذكرته أورده أوردته وصفه وصفته نسبه نسبته "
    "منسوب يروجه تروجه يردده تردده يدعيه تدعيه ادعاه ادعته زعمه زعمته أدلى أدلت").split())


def _nisba(key: str) -> bool:
    """A definite relational adjective («الشيعي», «السابق»: «ال» … «ي»)."""
    return key.startswith("ال") and key.endswith("ي") and len(key) > 4


def _construct_plural(key: str) -> bool:
    """«ومتمردي», «ومسلحي», «وممثلي»: «و» + a participle's plural in the construct state
    (no «ال», «ـي» for «ـين»): the next conjunct is whom it names («بين الحكومة الأفغانية
    ومتمردي حركة طالبان»)."""
    return len(key) >= 6 and key[0] == "و" and key[1] == "م" and key.endswith("ي")


def _index(starts: list[int], offset: int) -> int:
    """Index of the word that contains (or first follows) character ``offset``."""
    from bisect import bisect_right

    return max(0, bisect_right(starts, offset) - 1)
