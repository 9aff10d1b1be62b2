"""The speaker of a quote: the phrase naming it, and who an unnamed cue refers back to.

Without NER, the speaker phrase is read from the cue's position and the words around it:
after the verb (VSO «قال الرئيس فلاديمير بوتين»), before it (SVO «وكانت واشنطن حذرت»), up to
an adjunct («في بيان», «لرويترز», «أمس»), a relative clause («الذي», «وهو») or the clause the
cue introduces. A subject-less cue («وأضاف:», «مشيراً إلى») takes the current speaker, chosen
by gender agreement among recent ones (:func:`pick_speaker`). Entity linking can later add
NER mentions as further :class:`Candidate` objects.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from marsad.model import Speaker
from marsad.quotes.cues import CueLexicon
from marsad.quotes.tokens import QUOTE_CHARS, Tok
from marsad.text.tokenize import normalize_word

THAT = frozenset("ان انه انها انهم انهما انني اننا انكم بان بانه بانها بانهم بانهما".split())
SO_THAT = frozenset("فإن فإنه فإنها فإنهم فانه فانها فانهم".split())  # as written («فان غال» is a name, «فانه» with its pronoun is not): «وبحسب X فإن ...»
SO_THAT_BARE = frozenset("فان فانه فانها فانهم".split())  # folded: right after a source's comma, «فإن» too
HERE = frozenset(("هنا",))  # as written: «هنأ» (congratulated) folds to the same key; «هناك» is "there is"
AUTHORITY = frozenset((normalize_word("هيئة"),))  # an authority, an outlet only when it broadcasts:
BROADCASTING = (normalize_word("الإذاعة"), normalize_word("الاذاعة"))  # «لهيئة الإذاعة البريطانية»
UNKNOWN_GENDER = "?"  # a speaker named by a verbal noun («تأكيد أوباما»), which shows no gender
KANA_REACH = 14  # «وكان عضو المجلس السياسي للجماعة، محمد البخيتي، قد أكد»: tokens back to «كان»
ASIDE_REACH = 14  # tokens from a dash to the dash that closes an aside: «-تحدثوا شريطة عدم الكشف عن هويتهم-»
KANA = frozenset("كان كانت وكان وكانت فكان فكانت كانوا وكانوا".split())  # «وكانت X أكدت»
BUT = frozenset("لكن ولكن غير".split())
BUT_THEY = frozenset("لكنه لكنها لكنهم ولكنه ولكنها ولكنهم".split())  # «، لكنه أشار إلى أن»: "but he"
NAME_LINKS = frozenset("عبد ابو ابن بن ال ذو".split())  # «عبد اللطيف», «أبو الغيط»: one name
PARTICLES = frozenset("قد وقد لقد لم ولم لن ولن فلم لا ولا".split())
WHEN = frozenset("عندما حين حينما بعدما".split())  # open a clause of time before the main verb
QUESTION = frozenset("اذا عما هل".split())  # a question reported before the answer
MAX_PHRASE = 20  # tokens: «مدير أعلى خدمات الأصول والمشاريع بشركة المياه الوطنية ... المهندس سعيد بن ...»
TANWIN_FATH = "\u064b"  # ـً: names never carry it
DASHES = "-–—"  # «بدر الجبل –سبق– تيماء:»: a byline's dashes
AGE_WORDS = frozenset("عاما سنه عام".split())  # folded: «(50 عاماً)», «(68 سنة)», a speaker's age
ASKED = frozenset("سيل وسيل سيلت وسيلت".split())  # «سُئل» folded: a question put to someone
EARLIER_LATER = frozenset("سابق لاحق متاخر مبكر".split())  # folded: «في وقت سابق»


@dataclass
class SpeakerPhrase(Speaker):
    """A :class:`Speaker` as the finder sees it. ``gender`` comes from the cue's agreement
    (m, f, -); ``explicit`` is False when the speaker was inherited from an earlier cue;
    ``said`` is the offset where the phrase ends as reported when a comma in it opens a
    clause, no apposition («معارضون سوريون، فيما ...»: the whole phrase decides whether the
    quote is credible, the part before the comma is the speaker reported). ``to_dict`` keeps
    to the marsad/1 contract."""

    gender: str = "-"
    explicit: bool = True
    said: Optional[int] = None

    def to_dict(self) -> dict:
        return {"entity": self.entity, "text": self.text, "start": self.start, "end": self.end}


@dataclass
class Candidate:
    """A possible referent for a subject-less cue: an earlier speaker phrase, or (later) an
    entity mention from NER."""

    text: str
    start: int
    end: int
    gender: str = "-"
    para: int = 0
    source: str = "speaker"  # speaker, mention
    entity: Optional[str] = None
    said: Optional[int] = None  # see SpeakerPhrase.said


def pick_speaker(candidates: list[Candidate], gender: str, para: int, window: int = 3) -> Optional[Candidate]:
    """Choose the referent of a subject-less cue from ``candidates`` (oldest first): the most
    recent one whose gender agrees with the cue within ``window`` paragraphs, else the most
    recent one if it does not disagree. Speaker candidates are preferred to bare mentions.
    A cue of one gender never takes a speaker of the other («وقالت» after only men were
    quoted): its subject is then someone the sentence names, or nobody quoted."""
    if not candidates:
        return None
    ranked = sorted(enumerate(candidates), key=lambda ic: (ic[1].source == "speaker", ic[0]))
    recent = [c for _, c in reversed(ranked)]
    if gender in ("m", "f"):
        for c in recent:
            if c.gender in (gender, UNKNOWN_GENDER) and para - c.para <= window:
                return c
        if recent[0].gender in ("m", "f") and recent[0].gender != gender:
            return None
    return recent[0]


@dataclass
class Tracker:
    """Speakers seen so far in an article, oldest first."""

    seen: list[Candidate] = field(default_factory=list)

    def add(self, cand: Candidate) -> None:
        self.seen.append(cand)

    def pick(self, gender: str, para: int) -> Optional[Candidate]:
        return pick_speaker(self.seen, gender, para)


# --------------------------------------------------------------------------- phrase rules

class PhraseReader:
    """Reads speaker phrases from tokens with the lexicon's word classes."""

    def __init__(self, toks: list[Tok], lex: CueLexicon, short_quote_at: dict[int, int],
                 names: Optional[dict[int, int]] = None):
        self.toks = toks
        self.lex = lex
        self.short_quote_at = short_quote_at  # opening-mark token -> closing-mark token of a name-like quote
        self.names = names or {}  # token inside a recognised name -> first token of that name
        self.places: set[int] = set()  # first tokens of the places the tagger found

    def _is(self, cls: str, i: int, strip_prefix: bool = True) -> bool:
        return 0 <= i < len(self.toks) and self.lex.is_a(cls, self.toks[i].key, strip_prefix)

    def is_prep(self, i: int, strip_prefix: bool = False) -> bool:
        """A preposition; «علي» (the name) and «على» fold alike, so the original decides."""
        if not self._is("prep", i, strip_prefix):
            return False
        return not (self.toks[i].key.endswith("علي") and self.toks[i].text.endswith("ي"))

    def opens_with_cue(self, s0: int) -> bool:
        """Is the word at ``s0`` a cue that reads its own words (not a verb of commenting that
        does so only with a colon: «وعلّق الكاتب على الطبق بالقول:» has «الكاتب» for subject)?"""
        found = self.lex.match(self.toks[s0].key)
        return found is not None and not found.cue.colon_only

    def so_that(self, i: int) -> bool:
        """«فإن» (with its hamza, as written: «فان غال» is a name), which ends a source's phrase
        and opens what it says: «وبحسب أقارب الضحية فإن ...»."""
        return 0 <= i < len(self.toks) and self.toks[i].text in SO_THAT and i not in self.names

    def possessed_addressee(self, i: int) -> bool:
        """«لضيفه», «لنظيره», «لزواره»: «لـ» fused to a noun with a pronoun suffix, as written
        («لطيفة» ends in «ة»), no name: whom the words were said to, never their speaker."""
        if not 0 <= i < len(self.toks) or i in self.names:
            return False
        text = self.toks[i].text
        return len(text) >= 5 and text[0] == "ل" and text[1] not in "لا" \
            and text.endswith(("ه", "ها", "هم", "هما")) and not self.lex.match(self.toks[i].key)

    def noun_slot(self, i: int) -> bool:
        """Must a word at ``i`` be a noun, being right after an auxiliary of the passive («يتم
        ذكر») or a preposition that governs a noun («عن رأي»; «علي» the name is no «على»)?"""
        if i <= 0:
            return False
        before = self.toks[i - 1]
        if self._is("auxiliary", i - 1):
            return True
        return self._is("governs", i - 1) and not (before.key.endswith("علي") and before.text.endswith("ي"))

    def _not_a_name(self, k: int) -> bool:
        """Is a word shaped like a preposition with a pronoun («لي», «له») no name here? Yes unless
        the tagger found it in a name of more than one word («لي كه تشيانغ»): alone after a cue
        («وأكد لي أنه») it is "to me" even when tagged as the surname «لي»."""
        return k not in self.names or self.names.get(k + 1) != self.names[k] and self.names[k] == k

    def is_media(self, i: int) -> bool:
        """«لرويترز», «لـ(عكاظ)», «لوكالة», «للصحفيين»: an addressee, not part of a name."""
        key = self.toks[i].key
        if key == "ل":
            return True
        if len(key) > 2 and key[0] == "ل":
            rest = key[1:]
            if rest in AUTHORITY and not (i + 1 < len(self.toks) and self.toks[i + 1].key.startswith(BROADCASTING)):
                return False  # «المتحدث الرسمي لهيئة الهلال الأحمر»: an authority, not «لهيئة الإذاعة البريطانية»
            return (self.lex.is_a("media", rest) or self.lex.is_a("media", "ال" + rest)
                    or (rest.startswith("ل") and self.lex.is_a("media", "ا" + rest)))
        return False

    def adjunct_noun(self, k: int) -> bool:
        """Is token ``k`` a noun of the ``adjunct`` class, also with a possessive suffix
        («بيانه», «بيانها», «مؤتمرها»)?"""
        if not 0 <= k < len(self.toks):
            return False
        key = self.toks[k].key
        if self.lex.is_a("adjunct", key):
            return True
        stem = next((key[:-len(x)] for x in ("ها", "ه") if key.endswith(x) and len(key) > len(x) + 2), None)
        return stem is not None and (self.lex.is_a("adjunct", stem) or self.lex.is_a("adjunct", stem[:-1] + "ه"))

    def ends_phrase(self, i: int) -> bool:
        """True when token ``i`` opens an adjunct, a relative clause or another clause."""
        t = self.toks[i]
        nxt = self.toks[i + 1].key if i + 1 < len(self.toks) else ""
        if t.key == "في":
            return self.adjunct_noun(i + 1) or self.lex.is_a("time", nxt)
        if t.key == "علي":  # «على» the preposition, not «علي» the name nor «بن على»
            return self.is_prep(i) and (i == 0 or self.toks[i - 1].key != "بن")
        if self.is_prep(i):
            return True
        if t.key in THAT or self.so_that(i):
            return True
        m = self.lex.match(t.key)
        if m and not (self._same_name(i) and not m.prefix and m.cue.pos in ("perf", "impf")):
            return True  # («المخرج أمين طالب»: a cue verb inside a name goes on)
        return (self._is("relative", i) or self._is("time", i) or self._is("adverb", i)
                or self.is_media(i))

    def _gloss(self, o: int, b: int) -> bool:
        """Does the parenthesis opened at ``o`` end the phrase — no word follows its closing
        before ``b`` («خالد العنزي (مشجع النصراوي):»), unlike an acronym inside a title
        («الأمين العام لمنظمة البلدان المصدرة للبترول (أوبك) عبدالله البدري»)?"""
        close = next((k for k in range(o + 1, min(b, o + 8)) if self.toks[k].text == ")"), None)
        return close is not None and not (close + 1 < b and self.toks[close + 1].is_word)

    def _aside(self, j: int) -> bool:
        """Does the dash at ``j`` open an aside on the speaker — glued to the word after it and
        closed by another dash («بضعة دبلوماسيين -تحدثوا شريطة عدم الكشف عن هويتهم- انه»), or
        followed by a word of the class ``aside`` («المصدر - فضل عدم ذكر اسمه - أن») — rather
        than join two words of a name («مجلس الأعمال المصري - الأوروبي») or hold the speaker's name?"""
        if j + 1 >= len(self.toks) or not self.toks[j + 1].is_word:
            return False
        dash, nxt, prev = self.toks[j], self.toks[j + 1], self.toks[j - 1]
        if self._is("aside", j + 1):
            return True
        if not (nxt.start == dash.end and prev.end < dash.start):
            return False
        close = next((k for k in range(j + 2, min(j + ASIDE_REACH, len(self.toks))) if self.toks[k].text[:1] in "-–ـ"),
                     None)
        return close is not None and not any(k in self.names for k in range(j + 1, close))
        # («المبعوث الأممي الخاص -نيكولاي ملادينوف-:»: the name between the dashes is the speaker's)

    def _age(self, i: int) -> bool:
        """Do tokens from ``i`` read as an age: a number and «عاما/سنة» («50 عاماً», «68 سنة»)?"""
        return i + 1 < len(self.toks) and self.toks[i].text.isdigit() and self.toks[i + 1].key in AGE_WORDS

    def forward(self, a: int, b: int, obj_split: bool = False) -> Optional[tuple[int, int]]:
        """Token range ``[i, j)`` of the subject after a verb, looking at tokens ``[a, b)``;
        ``obj_split`` for a verb with an object (a name or a place after the subject's
        definite word begins the object)."""
        k = a
        while k < b:
            if self.toks[k].key == "في" and k + 2 < b and self.toks[k + 1].key == "وقت" \
                    and self.toks[k + 2].key in EARLIER_LATER:
                k += 3  # «وقالت في وقت سابق هوغيت لابيل»: a time adjunct before the subject
                continue
            if self.toks[k].key == "اول" and k + 2 < b and self.toks[k + 1].key == "من" \
                    and self.toks[k + 2].key == "امس":
                k += 3  # «كما صرح أول من أمس مدير الشركة»: the day before yesterday
                continue
            if self._is("adverb", k) or self._is("time", k) or self._is("opener", k) or self.toks[k].text in "،," \
                    or (self._is("proprep", k, strip_prefix=False) and self._not_a_name(k)) or self.possessed_addressee(k) \
                    or (self.lex.match(self.toks[k].key) and self.lex.match(self.toks[k].key).cue.lemma == "قول"):
                k += 1
            elif self.is_media(k) and (k + 1 in self.short_quote_at if self.toks[k].key == "ل"
                                       else not self.lex.is_a("mediakind", self.toks[k].key[1:])):
                # an addressee before the speaker: «وقال لرويترز الوزير», «قال لـ"الرياض" الشيخ ...»
                k = self.short_quote_at[k + 1] + 1 if k + 1 in self.short_quote_at else k + 1
            else:
                break
        if k > a and self.toks[k - 1].text in "،," and k < b and self._possessed(k):
            return None  # «أعلنت أمس، انسحابها»: after the comma the object, not a subject
        start, j = k, k
        while j < b and j - start < MAX_PHRASE:
            t = self.toks[j]
            if j in self.short_quote_at:  # «رويترز», "المعلم": a quoted name is part of the phrase
                j = self.short_quote_at[j] + 1
                continue
            if t.text == "." and j > start and len(self.toks[j - 1].key) == 1 and self.toks[j - 1].is_word:
                j += 1  # «م. عادل الملحم», «د. أحمد»: an abbreviated title
                continue
            if t.text in QUOTE_CHARS or t.text in ":؛;.!?؟":
                break
            if t.text == "(" and j > start and (j - 1 in self.names and self._gloss(j, b) or self._age(j + 1)):
                break  # «المبتعث خالد العنزي (مشجع النصراوي):», «المريضة (50 عاماً)»: a gloss on the speaker
            if t.text[:1] in "-–" and j > start and (self._age(j + 1) or self._aside(j)):
                break  # «وقالت النزيلة (غ،ع) - 27 عاما - إن», «وقال صديق للعائلة -طالبا عدم كشف هويته-:»
            if t.text in "،,":
                if j + 1 >= b or self.ends_phrase(j + 1) or self.toks[j + 1].text in QUOTE_CHARS \
                        or (obj_split and self.toks[j + 1].key.startswith("ال")) or self._possessed(j + 1):
                    break
                j += 1
                continue
            if t.key == "من" and self._is("quantity", j - 1):
                j += 1  # «عدد من المتخصصين», «كثير من المراقبين»: one phrase
                continue
            if j > start and (self.ends_phrase(j) or self.accusative_participle(j)
                              or (obj_split and self._is("objhead", j, strip_prefix=False))):
                break  # «وأضاف السيسي موجها حديثه ...», «أبدى أمير المنطقة سعادته»: the object begins
            if j == start and t.is_word and (self.ends_phrase(j) or self.is_prep(j) or self.not_subject(j)
                                             or self._is("stop", j, strip_prefix=False)  # «وذكرت فيما يتعلق بـ»
                                             or TANWIN_FATH in t.text or self._oblique_plural(j)
                                             or self.accusative_participle(j) and not t.key.endswith(("ها", "نا"))
                                             and not self._construct_dual(j)):
                return None  # «يؤكد انطلاقًا من ذلك», «وطالب المواطنين بـ»: an accusative opens no subject
            if j == start and self._is("pronominal", j, strip_prefix=False):
                return j, j + 1  # «ودعا سماحته الوعاظ», «وقال فضيلته في خطبته»: a whole noun phrase
            prev = self.toks[j - 1].key if j > start else ""
            if obj_split and j > start and t.key.startswith("ال") and not prev.startswith("ال") \
                    and not self.is_prep(j - 1) and prev not in NAME_LINKS and not self._same_name(j) \
                    and not self._is("title", j - 1) and not self._is("institution", j - 1):
                # («مفتي الجمهورية», «وزارة الخارجية»: a title's or a body's genitive)
                if not self.names or j - 1 in self.names:
                    break  # «ووصف بوتين الذكرى», «وصف X، التصريحات»: a definite noun starts the object
            if obj_split and j > start and j in self.places and j not in self.names \
                    and (prev.startswith("ال") or j - 1 in self.names) and not self._is("title", j - 1):
                break  # «وحمّل الأمين العام إسرائيل المسؤولية», «اتهم الوزير السعودي إيران»: a state after the
                # subject's definite word or name is the object («وزير خارجية إيران» completes a title)
            if obj_split and j > start and j - 1 in self.names and j in self.names and self.names[j] == j \
                    and self.names[j - 1] != j and t.key not in NAME_LINKS and self.toks[j - 1].key not in NAME_LINKS \
                    and not self._is("title", j - 1) and not self._is("title", self.names[j - 1]):
                break  # «واتهم كريس كريستي أوباما بالكذب»: a second name after a whole one is the object
                # (not after a title the tagger took for a name: «دعا الرئيس الإيراني حسن روحاني إلى»)
            if obj_split and j > start and j - 1 in self.names and j not in self.names and t.key.startswith("ال") \
                    and not self._is("title", j - 1) \
                    and any(self.toks[i].is_word for i in range(start, j)):
                break  # «ووصف رئيس مركز دراسات الخليج الدكتور عمر الحسن العلاقة»: after the name
            j += 1
        return self.trim(start, j)

    def apposed_end(self, i: int, j: int) -> int:
        """The end of the speaker phrase ``[i, j)`` that is reported: up to the first comma
        that is followed by no apposition («قال معارضون سوريون، فيما جاء ...», «مسؤول رفيع في
        وزارة الخارجية، يتعقب هذا الموضوع،»), else ``j``. :meth:`forward` may run past such a
        comma because where it stops also decides where objects and contents start; only the
        phrase named as the speaker is cut here («وزيرة الإعلام اليمنية، نادية السقاف» stays)."""
        for k in range(i + 1, j):
            if self.toks[k].text in "،," and not self._apposition(k + 1, j) \
                    and not (self.toks[k - 1].text[-1:].isdigit() and k + 1 < j and self.toks[k + 1].text[:1].isdigit()):
                return k  # («3,09 مليارات»: a decimal comma)
        return j

    def clause_opener(self, k: int) -> bool:
        """Does token ``k`` plainly open a clause of its own — a particle («قد», «لم»), a passive
        auxiliary («تم»), «ف» with a particle or «إن» («فقد», «فإن»), or an imperfect verb no
        name or place is shaped like («تقوم»)? After a source's comma («وحسب الهيئة، تم
        تسجيل ...») such a clause is what the source said; a description in apposition
        («، كبيرة المسؤولين الماليين») or a connector («، إلّا أنّ») is not."""
        if k >= len(self.toks) or not self.toks[k].is_word or k in self.names or k in self.places:
            return False
        key = self.toks[k].key
        if key in PARTICLES or self._is("auxiliary", k, strip_prefix=False) \
                or key in SO_THAT_BARE or (key[:1] == "ف" and key[1:] in PARTICLES):
            return True
        return key[:1] in "يت" and len(key) >= 4 and not self._is("title", k) and not self.lex.match(key) \
            and not self.toks[k].text.endswith(("ة", "ى", "يا"))  # («تركيا», «تهاني», «يحيى»)

    def _apposition(self, k: int, j: int) -> bool:
        """Do tokens ``[k, j)`` after a comma name the same speaker again: a tagged name, a
        title («، ونائب وزير الخارجية ميخائيل بغدانوف»), or two or three plain words with no
        «ال» on the first, shaped like a name the tagger missed («، نادية السقاف»)?"""
        if k >= j or not self.toks[k].is_word:
            return False
        if k in self.names or self._is("title", k):
            return True
        key = self.toks[k].key
        if key[:1] == "ف" and key not in self.lex.phrases.get("title", ()) \
                and (key[1:].startswith("ال") or key[1:] in THAT or key[1:] in PARTICLES or key[1:] in ("ما", "انك")):
            return False  # «، فما أحوجنا», «، فإنك تعتقد», «، فالبعض»: a new clause
        if key[:1] == "و" and len(key) > 3:
            return False  # «، وتوصلت الدراسة», «، ويتعاون»: and a new clause («، ونائب وزير» is a title)
        words = range(k, j)
        if not 2 <= len(words) <= 3 or self.toks[k].key.startswith(("ال", "ي")):
            return False  # («، يتعقب هذا الموضوع»: a verb, no name)
        return all(self.toks[w].is_word and not self.toks[w].text[:1].isdigit() and not self._function_word(w)
                   for w in words)

    def _function_word(self, i: int) -> bool:
        """A word that opens no name: a particle, connector, preposition, pronoun, time word,
        adverb, cue, accusative or verbal noun («فيما», «إلا», «إذ», «بناء», «خصوصا»)."""
        t = self.toks[i]
        return (t.key in PARTICLES or t.key in BUT or t.key in KANA or self.ends_phrase(i)
                or self.is_prep(i, strip_prefix=True) or self.not_subject(i) or self._possessed(i)
                or self.accusative_participle(i)
                or any(self._is(cls, i) for cls in ("stop", "opener", "conj", "concessive", "whereas",
                                                      "demonstrative", "auxiliary")))

    def _oblique_plural(self, i: int) -> bool:
        """A definite sound plural in «ـين» («المواطنين», «المسؤولين»): accusative or genitive,
        never the subject right after its verb, which would read «المواطنون»."""
        t = self.toks[i]
        return (t.text.startswith("ال") and len(t.key) >= 8 and t.key.endswith("ين")  # not «البحرين»
                and i not in self.names and not self._is("title", i))

    def _possessed(self, i: int) -> bool:
        """A noun with a pronoun suffix after a comma («، عملهم»): no apposition to a speaker."""
        key = self.toks[i].key
        return i not in self.names and len(key) > 4 and key.endswith(("هم", "هما", "ها")) \
            and not key.lstrip("و").startswith("اسم")  # «، واسمها نور»: her name is

    def accusative_participle(self, i: int) -> bool:
        """An accusative word — written with its tanwin («عددًا») or shaped like a
        circumstantial participle («موجها», «مبتسماً»: مـ...ـاً) — never part of a subject,
        which is nominative («أقر مجلس الوزراء عددًا من الإجراءات»)."""
        if TANWIN_FATH in self.toks[i].text:
            return True
        key = self.toks[i].key
        if i in self.names or key[1:2] in ("ا", "ي") or (key.endswith("يا") and len(key) >= 7):
            return False  # «ماريا زاخاروفا», «ميلانيا», «ماليزيا», «موريتانيا»: names
        return len(key) >= 5 and key[0] == "م" and key[-1] == "ا" and not self._is("notpart", i, False)

    def _construct_dual(self, i: int) -> bool:
        """«مندوبا السعودية وناميبيا»: a dual in construct, shaped like an accusative
        participle but followed by its genitive, a definite noun or a name."""
        nxt = i + 1
        return nxt < len(self.toks) and self.toks[nxt].is_word and (self.toks[nxt].text.startswith("ال")
                                                                    or nxt in self.names)

    def _same_name(self, j: int) -> bool:
        """Is token ``j`` inside the same recognised name as token ``j - 1``?"""
        return j in self.names and j - 1 in self.names and self.names[j] == self.names[j - 1]

    def trim(self, i: int, j: int) -> Optional[tuple[int, int]]:
        while i < j and not self.toks[i].is_word:
            i += 1
        while j > i and not self.toks[j - 1].is_word:
            j -= 1
        return (i, j) if j > i else None

    def backward(self, c: int, sent_start: int) -> tuple[str, Optional[tuple[int, int]]]:
        """Look before a verb at token ``c`` for its subject. Returns (status, range) with
        status: initial (the verb opens its clause), subject, held (a subject holding a
        preposition, opened by a connector: weaker than a phrase after the verb), after_prep,
        nonspeaker, invalid."""
        k = c - 1
        while k >= sent_start and self.toks[k].key in PARTICLES:
            k -= 1  # «وقد قال», «ولم يستبعد»: particles of the verb, not its subject
        end = k + 1
        if k < sent_start:
            return "initial", None
        t = self.toks[k]
        if t.text[:1] in "،,-–" and end < c and self.toks[end].key == "قد":  # «وكان ليون، قد أشار»: the subject of «كان»
            close = k
            if t.text[:1] in "-–":  # «وكان أمين المنطقة -بعد أن زار المشروع- قد طالب»: over the aside
                close = next((b for b in range(k - 1, max(k - KANA_REACH, sent_start - 1), -1)
                              if self.toks[b].text[:1] in "-–"), k)
            for b in range(close - 1, max(close - KANA_REACH, sent_start - 1), -1):
                if self.toks[b].key in THAT or self.toks[b].text in ":؛;" or self.lex.match(self.toks[b].key):
                    break
                if self.toks[b].key in KANA:
                    rng = self.trim(b + 1, close)
                    return ("subject", rng) if rng else ("initial", None)
        if t.text in "،,:؛;" or t.key in THAT or t.key in KANA or self._is("stop", k) or self._is("opener", k):
            return "initial", None
        comma_at = None
        while k >= sent_start:
            t = self.toks[k]
            if t.key in THAT or t.key in KANA or t.key in BUT or self._is("stop", k) or t.text in ":؛;" \
                    or self._is("opener", k, strip_prefix=False) or self.lex.match(t.key):
                if t.key.lstrip("و") in WHEN:
                    return "initial", None  # «عندما انكشفت الفضيحة انتقد بوتين»: a clause of time
                found = self.lex.match(t.key)
                if found is not None and found.cue.pos == "prep" and end - k <= 6:
                    return "after_prep", self.trim(k + 1, end)  # «وبحسب «رويترز» ذكر نوفاك أنه»: the
                break                                           # source cited, not the verb's subject
            if self.is_prep(k, strip_prefix=True) or t.key in ASKED:
                if comma_at is not None:
                    k = comma_at
                    break
                head = self._opened_head(k, sent_start)
                if head is not None and t.key not in ASKED:
                    return "held", self.trim(head, end)  # «لكن دائرة الأوقاف في القدس أكدت»
                rng = self.trim(k + 1, end)
                if rng and self._is("nonspeaker", rng[0]):
                    return "nonspeaker", rng
                return "after_prep", rng
            if t.text in "،,":
                comma_at = k
            if self._is("relative", k):
                return "invalid", None
            k -= 1
        rng = self.trim(k + 1, end)
        while rng and (self._is("time", rng[0]) or self._is("adverb", rng[0])
                       or self.toks[rng[0]].text.lstrip("و") in HERE):
            rng = self.trim(rng[0] + 1, rng[1])  # «أمس قال الوزير», «وهنا يقول»: a time or place word is no subject
        if rng and self._is("fronted", rng[0]):
            return "initial", None  # «لذلك قال تعالى», «بكل صراحة أعلن الوزير»: the verb opens its clause
        if rng is None or self.not_subject(rng[0]) or (rng[1] - rng[0] == 1 and self._is("adjunct", rng[0])) \
                or self._by_this(rng[0]):
            return "initial", None  # «كلمة أوضح فيها»: the speech, not its speaker; «وبهذه المناسبة قالت»
        if rng[1] - rng[0] > MAX_PHRASE:
            return "invalid", None
        if self._is("nonspeaker", rng[0]):
            return "nonspeaker", rng
        return "subject", rng

    def _opened_head(self, p: int, sent_start: int) -> Optional[int]:
        """Before a preposition at ``p`` inside a subject placed before its verb («لكن دائرة
        الأوقاف الإسلامية في القدس أكدت»): the first token of that subject, when a connector
        («لكن», «وكانت», «فيما») or the sentence start opens it within a few words and no
        verb, comma or other preposition stands between; else None."""
        if p - 1 < sent_start or not self.toks[p - 1].is_word:
            return None
        if any(self.toks[i].key in ASKED or self.toks[i].key in QUESTION for i in range(sent_start, p)):
            return None  # «وعندما سئل بوتين عما إذا كان ... خلال المحادثات قال»: the one asked
        for b in range(p - 1, max(p - 9, sent_start - 2), -1):
            if b < sent_start:
                return None if self.not_subject(sent_start) else sent_start
            t = self.toks[b]
            opens = t.key in BUT or t.key in KANA or self._is("stop", b) or (
                t.key in THAT and b > sent_start and (self.toks[b - 1].key in BUT or self.toks[b - 1].key == "الا"))
            if opens:  # «لكن X في Y قال», «غير أن ناشطين من المعارضة يقولون»
                return b + 1 if b + 1 < p and not self.not_subject(b + 1) else None
            if not t.is_word or self.is_prep(b, strip_prefix=True) or self.lex.match(t.key) or t.key in THAT:
                return None
        return None

    def not_subject(self, i: int) -> bool:
        """A word that cannot open a speaker phrase: a pronoun («نحن في مرحلة جديدة»), a verbal
        noun that opens an object («ضرورة»), or a preposition fused to a noun («لمجلس العلاقات», «بوجود نقص», «للصحفيين»)."""
        key = self.toks[i].key
        if self._is("pronoun", i, strip_prefix=False) or self._is("objhead", i, strip_prefix=False) \
                or (self._is("proprep", i, strip_prefix=False) and i not in self.names) or self._own_statement(i):
            return True  # «نحن في مرحلة ...», «أكد ضرورة ...»: words said, not a speaker
        if key[:1] in "وف" and key[1:4] in ("بال", "لل") and len(key) > 5 and i not in self.names:
            return True  # «وبالتفاصيل أفاد», «وللمزيد»: and + a preposition fused to a noun
        if key[:1] == "ل" and i not in self.names:
            found = self.lex.match(key[1:])
            if found is not None and not found.prefix and found.cue.pos == "impf":
                return True  # «إذ تعلن ذلك لتؤكد للعموم»: in order to say, not a speaker
        if len(key) > 3 and key[0] in "لبك" and i not in self.names \
                and not self._is("quantity", i, strip_prefix=False):  # «بالمير» (Palmer) is a name; «بضعة»
            rest = key[1:]
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if key[0] == "ب" and rest.endswith("ه") and not rest.startswith("و") and not self._is("title", i) \
                    and not self._is("institution", i, strip_prefix=False) \
                    and not (len(key) == 5 and key[1] == "ا") \
                    and not (nxt is not None and nxt.is_word and (nxt.text.startswith("ال") or i + 1 in self.names)):
                return True  # «ويضيف بحسرة:», «قال بثقة إن»: the manner, not the speaker («بعثة الأمم المتحدة»,
                # «بلدية جدة» and «باحثة» shaped فاعلة, are)
            if key.startswith("لل") or rest.startswith("ال") or self.lex.is_a("objhead", rest) \
                    or self.lex.is_a("title", rest) or self.lex.is_a("adjunct", rest) \
                    or (key[0] == "ل" and self.lex.is_a("institution", rest)):
                return True
        return False

    def _own_statement(self, i: int) -> bool:
        """A noun of a statement with a pronoun suffix («حديثه», «كلمتها», «تصريحاته»): «واختتم
        حديثه بقوله:», «وختمت كلمتها قائلة» end the speaker's own talk; it is the object."""
        key = self.toks[i].key
        if i in self.names:
            return False
        for suffix in ("ه", "ها", "هم"):
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                stem = key[:-len(suffix)]
                if self.lex.is_a("statement", stem) or stem.endswith("ت") and self.lex.is_a("statement", stem[:-1] + "ه"):
                    return True
        return False

    def clause_subject(self, s0: int, c: int) -> Optional[tuple[int, int]]:
        """Guess the subject of a sentence that opens with «و/ف» + verb («وظهر كيري وهو ...»,
        «وعبّر الفنان عمر الجاسر عن ...»): the phrase after that first word. An opener or a
        leading adjunct may stand before that verb, which then carries no «و»: «بدوره استعرض
        الدكتور اللويم ...، وأشار», «وفي المقابل، تمسك أحد النواب ...، وقال». («وعبر» opening a
        sentence is the verb "expressed", not the preposition "via".)"""
        v = self._after_opening(s0, c)
        if v is None and (s0 in self.names or self._is("title", s0, strip_prefix=False)):
            return self._topic_name(s0, c)
        if v is None and self._lead_verb(s0, c):
            cue = self.lex.match(self.toks[c].key) if c < len(self.toks) else None
            if cue is not None and cue.cue.gender in ("m", "f") \
                    and (cue.cue.gender == "f") != self.toks[s0].key.endswith("ت"):
                return None  # «ضبطت شرطة دبي شخصاً آسيويا، متهماً»: the cue's gender is not the lead verb's
            rng = self.forward(s0 + 1, c)
            if rng and rng[0] in self.names and self.names[rng[0]] == rng[0]:
                end = rng[0]
                while end + 1 < rng[1] and self.names.get(end + 1) == rng[0]:
                    end += 1
                return rng[0], end + 1  # «تحفظت لجنة قانونية ...»: the name, not the object after it
            if rng and (self._is("title", rng[0]) or self._is("institution", rng[0])):
                a, b = rng  # «عزت أمانة المنطقة الشرقية كثرة التحويلات ...، مؤكدة»: a news lead's verb, its
                cut = next((k for k in range(a + 2, b) if self.toks[k - 1].key.startswith("ال") and self.toks[k].is_word
                            and not self.toks[k].key.startswith("ال") and k not in self.names
                            and not self._is("title", k)), b)  # subject up to an indefinite noun after a
                return a, cut  # definite one («كثرة التحويلات»: the object)
            return None
        if v is None:
            t = self.toks[s0]
            if s0 + 1 >= c or len(t.key) < 3 or t.key[0] not in "وف" or self.opens_with_cue(s0) or self._is("opener", s0) \
                    or (self.is_prep(s0, strip_prefix=True) and t.key != "وعبر") or t.key in KANA or self._is("stop", s0, True) \
                    or self._is("auxiliary", s0, True):
                return None  # («وتم التعامل مع الحادث ...، مشيرا»: a passive names no speaker)
            return self.forward(s0 + 1, c)
        t = self.toks[v]
        if v + 1 >= c or not t.is_word or len(t.key) < 3 or t.text.startswith("ال") or v in self.names \
                or self.lex.match(t.key) or (self.is_prep(v, strip_prefix=True) and t.key != "عبر") \
                or t.key in KANA or t.key in THAT \
                or self._is("stop", v, True) or self._is("opener", v) or self._is("time", v) \
                or self._is("auxiliary", v, True):
            return None
        rng = self.forward(v + 1, c)
        opener = self._is("opener", s0) or self.toks[s0].key in ("من", "ومن") and self._is("opener", s0 + 1)
        if rng and not opener and rng[0] not in self.places and not any(k in self.names for k in range(*rng)):
            return None  # «إلى ذلك، ارتفعت السياحة الوافدة ...، مشيرا»: after an adjunct, only a named subject
            # («لكن مع ذلك، قامت الصين بتغيير ...، قائلة»: a place names one too)
        return rng

    def _by_this(self, k: int) -> bool:
        """«وبهذه المناسبة», «وبذلك»: «بـ» fused to a demonstrative opens an adverbial, never
        the subject of the cue after it («وبهذه المناسبة قالت وكيل الوزارة ... إن»)."""
        key = self.toks[k].key
        key = key[1:] if key[:1] in ("و", "ف") else key
        return key[:1] == "ب" and (self.lex.is_a("demonstrative", key[1:], False) or key[1:] == "ذلك")

    def _lead_verb(self, s0: int, c: int) -> bool:
        """Does the paragraph opening at ``s0`` start with a bare word that reads as a past verb,
        news style («عزت أمانة ...», «أخلت الشركة ...»): no «و/ف», article, name, cue, preposition,
        opener, particle, or a word ending as a noun («ـة», tanwin)?"""
        t = self.toks[s0]
        if s0 + 1 >= c or (s0 > 0 and self.toks[s0 - 1].para == t.para) or not t.is_word:
            return False
        key = t.key
        return 3 <= len(key) <= 5 and key[0] not in "وف" and not key.startswith("ال") and s0 not in self.names \
            and not t.text.endswith(("ة", "ات", "ين", "ون")) and TANWIN_FATH not in t.text and not key.isdigit() \
            and not self.lex.match(key) and not self.is_prep(s0, strip_prefix=True) and key not in KANA \
            and not any(self._is(cls, s0) for cls in ("opener", "stop", "time", "adverb", "title", "institution",
                                                       "relative", "demonstrative", "pronominal"))

    def _topic_name(self, s0: int, c: int) -> Optional[tuple[int, int]]:
        """A sentence that opens with a name or a title before its verb («رئيس اللجنة
        البارالمبية أحمد المقيرن رفع التهنئة ...، مؤكداً»): its topic up to the end of the
        first name, when one comes before any comma; else None."""
        for k in range(s0, min(c, s0 + MAX_PHRASE)):
            if self.toks[k].text in "،,:؛;":
                return None
            if k in self.names:
                end = k
                while end + 1 < c and self.names.get(end + 1) == self.names[k]:
                    end += 1
                if end + 1 < c and self.toks[end + 1].text[:1] in DASHES:
                    return None  # «بدر الجبل –سبق– تيماء:»: a byline, not a subject
                return s0, end + 1
        return None

    def _after_opening(self, s0: int, c: int) -> Optional[int]:
        """The token after a sentence's opener («بدوره», «من جانبه،») or leading adjunct up to its
        comma («وفي المقابل،», «لكن مع ذلك،»), or None when the sentence opens otherwise."""
        toks = self.toks
        k = s0
        if k + 1 < c and toks[k].key in ("لكن", "ولكن") and self.is_prep(k + 1, strip_prefix=True):
            k += 1  # «لكن مع ذلك، قامت الصين ...»: but, then the adjunct
        if k < c and toks[k].key in ("من", "ومن") and self._is("opener", k + 1):
            k += 1
        if self._is("opener", k) and toks[k].key not in PARTICLES and toks[k].key.lstrip("و") not in WHEN:
            k += 1
        elif self.is_prep(k, strip_prefix=True) and toks[k].key != "وعبر" and self.names:
            comma = next((i for i in range(k + 1, min(k + 5, c)) if toks[i].text in "،,"), None)
            if comma is None:
                return None
            k = comma
        else:
            return None
        while k < c and toks[k].text in "،,":
            k += 1
        return k if k < c else None

    def asked(self, sent_start: int, c: int) -> Optional[tuple[int, int]]:
        """«وعندما سئل بوتين عما ... قال:» — the one asked is the one who answers."""
        for k in range(c - 1, sent_start - 1, -1):
            if self.toks[k].key in ASKED:
                return self.forward(k + 1, c)
        return None
