"""Where a quote's content starts and ends.

After a cue (and its speaker) the content is opened by an *introducer*: a colon, a quotation
mark, an «أن/إن» clause (also «إلى أن», «بأن», «عن ثقته في أن»), or a nominal complement the
cue allows («حذر من», «كشف عن», «أشار إلى»). Quoted content ends at its closing mark (or the
paragraph's end when the mark is never closed); colon speech runs on across sentences until a
new cue or a new paragraph; reported content ends with its sentence, or earlier at a clause
that starts a new attribution («، مشيراً إلى», «، فيما أكد», «، حسب»).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from marsad.quotes.cues import Cue, CueLexicon
from marsad.quotes.speaker import BUT_THEY, EARLIER_LATER, THAT, PhraseReader
from marsad.quotes.tokens import QUOTE_CHARS, SENT_END, QSpan, Tok
from marsad.text.normalize import normalize

PREP_KEYS = {"إلى": "الي", "على": "علي", "عن": "عن", "من": "من", "في": "في", "ب": "ب"}
THAT_PREPS = frozenset(("الي", "علي", "عن", "من", "في"))  # «إلى أن», «من أن», «في أن»
TAIL = frozenset(("حد",))  # «على حد تعبيره/قوله» closes a statement
DEMANDS = frozenset("دعا طالب حث ناشد".split())  # «ودعا إلى العودة لعملية السلام»: a short demand is one


@dataclass
class Intro:
    """What opens the content: ``how`` is colon, quote, that, nominal or obj; ``at`` the
    introducer's token; ``first`` the first content token."""

    how: str
    at: int
    first: int
    qspan: Optional[QSpan] = None


def takes_object(cue: Cue, intro: Optional["Intro"] = None) -> bool:
    """Does the cue report with its object first («وصف X Y بأنه», «اتهم X Y بـ», «اعتبر X Y
    بمثابة»), so that its speaker phrase may run into the object? «اعتبر» only when «بمثابة»
    opened the content («اعتبر X أن ...» has no object)."""
    if {"OBJ+بأن", "OBJ+ب"} & set(cue.complement):
        return True
    return "OBJ+بمثابة" in cue.complement and intro is not None and intro.how == "nominal"


SPOKEN_WORDS = 3  # tokens a quotation right after a verb of reporting holds to be its words, not a name («وبيّن "باطوق"، أن»)
OCCASION_PREPS = frozenset(("في", "خلال"))  # «في بيان», «خلال كلمته»: where the words were said
OWN_COLON_REACH = 14  # tokens from a verb that reports only with a colon («وعلّق المدير العام خالد هباب:») to it
ABSORBED_PARTICIPLES = frozenset(("قال", "علق", "اختتم"))  # «قائلا», «معلقا», «مختتما»


def absorbed(cue: Optional[Cue]) -> bool:
    """A cue that belongs to the cue before it: «قائلا», «بالقول», «قوله», «معلقاً»."""
    return bool(cue) and (cue.lemma == "قول" or (cue.lemma in ABSORBED_PARTICIPLES and cue.pos == "part"))


def says_by(cue: Optional[Cue]) -> bool:
    """A cue of saying that takes the words of a verb before it: «بقوله», «بالقول», «قائلا»."""
    return bool(cue) and (cue.lemma == "قول" or (cue.lemma == "قال" and cue.pos == "part"))


class Extents:
    """Introducers and content ends over one article's tokens."""

    def __init__(self, toks: list[Tok], lex: CueLexicon, reader: PhraseReader,
                 qspan_at: dict[int, QSpan], close_tok: dict[int, int], sent_end_tok: set[int]):
        self.toks = toks
        self.lex = lex
        self.reader = reader
        self.qspan_at = qspan_at  # opening-mark token -> its span
        self.close_tok = close_tok  # opening-mark token -> closing-mark token (or last token of paragraph)
        self.sent_end_tok = sent_end_tok  # tokens that end a sentence (outside quotation marks)

    # ------------------------------------------------------------------ helpers
    def cue_at(self, i: int) -> Optional[Cue]:
        if not 0 <= i < len(self.toks):
            return None
        key = self.toks[i].key
        after_stop = i > 0 and self.lex.needs_connector(key) and self.reader._is("stop", i - 1)
        m = self.lex.match(key, after_stop=after_stop)
        if m and m.cue.lemma == "جاء" and not self.document_frame(i):
            return None  # «جاء ذلك خلال», «اختياره جاء تقديرا»: no cue
        if m and m.cue.form == "بين" and self.between(i):
            return None
        if m and self.in_name(i, m):
            return None
        if m and not m.prefix and m.cue.pos in ("perf", "impf") and self.reader.noun_slot(i):
            return None  # «طلب عدم ذكر اسمه», «يتم ذكر»: a verbal noun
        if m and m.cue.colon_only and not self.own_colon(i):
            return None  # «عيوننا دائما معلقة في السماء», «وتتابع وضعهم»: no new speaker
        return m.cue if m else None

    def own_colon(self, i: int) -> bool:
        """Does a colon follow the word at ``i`` within its sentence, before another cue?"""
        toks = self.toks
        for k in range(i + 1, min(i + OWN_COLON_REACH, len(toks))):
            if toks[k].text == ":":
                return True
            if k in self.sent_end_tok or toks[k].sent != toks[i].sent or self.lex.match(toks[k].key):
                return False
        return False

    def in_name(self, i: int, m) -> bool:
        """Is the cue verb at ``i`` a word inside a recognised name («المخرج أمين طالب»)? A
        verb with «و/ف» or at the name's start (the tagger's «ونوه العقيد ...») is a cue."""
        return self.reader.names.get(i, i) != i and not m.prefix and m.cue.pos in ("perf", "impf")

    def between(self, i: int) -> bool:
        """«بيني وبين», «بينه وبين»: «وبين» after a «بين» of its phrase is the preposition.
        (Only the bare perfect «وبين» is at stake: «مبيناً», «وبينت» are never "between", and
        «العلاقات بين البلدين، مبيناً أن» is a statement.)"""
        return any(self.toks[k].key.startswith("بين") for k in range(max(0, i - 8), i))

    def document_frame(self, i: int) -> bool:
        """Is token ``i`` («وجاء») followed by «في» and a document noun («في البيان»)?"""
        return i + 2 < len(self.toks) and self.toks[i + 1].key == "في" and self.reader._is("adjunct", i + 2, strip_prefix=False)

    def prefixed_cue(self, i: int) -> bool:
        m = self.lex.match(self.toks[i].key) if 0 <= i < len(self.toks) else None
        return bool(m and m.prefix)

    def para_last(self, i: int) -> int:
        """Index of the last token of token ``i``'s paragraph."""
        last = self.__dict__.get("_para_last")
        if last is None:  # built once: one pass over the tokens
            last = {}
            for j, tok in enumerate(self.toks):
                last[tok.para] = j
            self._para_last = last
        return last[self.toks[i].para]

    def speech_quote(self, k: int, after_cue: bool, adjacent: bool = False, after_that: bool = False) -> bool:
        """Is the quotation opened at token ``k`` the speech a cue introduces, not a name or a
        title in quotation marks? Yes after a colon, when never closed, or when the clause
        ends with it; right after the cue, unless it is a short quoted name followed by more
        words («قال "المعلم" في مؤتمر صحفي: ...»)."""
        span = self.qspan_at[k]
        if span.close is None or (k > 0 and self.toks[k - 1].text == ":"):
            return True
        c = self.close_tok[k]
        nxt = c + 1
        closes = True
        if nxt < len(self.toks) and self.toks[nxt].para == self.toks[c].para:
            t = self.toks[nxt]
            closes = t.text in SENT_END or bool(self.cue_at(nxt))
            if not closes and t.text in "،,؛;" and nxt + 1 < len(self.toks):
                c2 = self.cue_at(nxt + 1)
                closes = bool(c2 and (c2.pos in ("part", "prep") or self.prefixed_cue(nxt + 1)))
        words = sum(self.toks[i].is_word for i in range(k + 1, c))
        followed_by_word = nxt < len(self.toks) and self.toks[nxt].is_word
        if after_cue:  # «وأضاف “السهلي”: ...»: a quoted name before the colon is no speech
            colon_next = nxt < len(self.toks) and self.toks[nxt].text == ":"
            return closes or words > 4 or not (followed_by_word or colon_next)
        # after the speaker and adjuncts: a quoted sentence («في البيان "أكدت الأدلة ... ."»),
        # or, right after the speaker (``adjacent``), a long quotation the clause goes on
        # after («وقال سيف “...” إلا أن ...»), unless
        # an «أن» clause follows it (then it was a quoted title: «في تقرير "..." إن»)
        that_next = nxt < len(self.toks) and self.toks[nxt].key in THAT
        if after_that and words > 4 and followed_by_word and self.lex.is_a("resumes", self.toks[nxt].key):
            return True  # «أوضح سيف أن "23 مليار دولار ..." وهذا الرقم أقل ...»: the journalist again
        return closes or (words > 4 and (self.toks[c - 1].text in SENT_END or (adjacent and not that_next)))

    # ------------------------------------------------------------------ introducer
    def introducer(self, cue: Cue, c: int, limit: int = 32) -> Optional[Intro]:
        """Find what opens the content of the cue at token ``c``."""
        toks = self.toks
        j = c + 1
        while j < len(toks) and absorbed(self.cue_at(j)):
            j += 1  # «وتابع قائلا:», «ردت ... بالقول إن»
        speech = ":" in cue.complement or j > c + 1 and not self.reader._is("scripture", j)
        # («متوعدة بقولها "..."»: «بقولها» brings the speech; not «مستدلاً بقوله تعالى:», a verse cited)
        nominal = None
        preps = {PREP_KEYS[p] for p in cue.complement if p in PREP_KEYS}
        end = min(len(toks), c + limit)
        k = j
        while k < end:
            t = toks[k]
            if t.para != toks[c].para or k in self.sent_end_tok:
                break
            if k in self.qspan_at and toks[k - 1].text == ":" and self.reader._is("entitled", k - 2):
                k = self.close_tok[k] + 1  # «بمحاضرة بعنوان: "..."»: a title, not words said
                continue
            if t.text == ":" and self.reader._is("entitled", k - 1):
                k += 1
                continue
            if k in self.qspan_at:
                # speech in quotation marks: right after the cue, or after the speaker phrase
                # (never for a participle, whose words up to the mark are content), never as
                # the object of a preposition («في "دعم أصدقاء إيران"»)
                after = k == j or toks[k - 1].text == ":"
                if self._that_inside(cue, k):
                    return Intro("quote", k, k + 1, self.qspan_at[k])  # «وأشار الرحبي "إلى أن ..."»
                if after and "colon" in cue.complement and self.close_tok[k] - k > SPOKEN_WORDS \
                        and not (toks[k - 1].text == ":" and self.reader._is("listing", k - 2)) \
                        and self.speech_quote(k, after, adjacent=self._adjacent(j, k)):
                    return Intro("quote", k, k + 1, self.qspan_at[k])  # «وأشار: «...»», «مشيراً «...»»
                if speech and (after or (cue.speaker != "inherit" and not self.reader.is_prep(k - 1)
                                                        and toks[k - 1].key != "ل")) \
                        and self.speech_quote(k, after, adjacent=self._adjacent(j, k) or self._stated(j, k)):
                    return Intro("quote", k, k + 1, self.qspan_at[k])
                k = self.close_tok[k] + 1
                continue
            if t.text == ":" and (speech or "colon" in cue.complement and not self.reader._is("listing", k - 1)):
                if nominal is not None and toks[nominal].key == "عن" and k - nominal > 3:
                    break  # «أعلنت المقاومة، عن مقتل 20 حوثيا في قرى: (...)»: a list inside the complement
                return Intro("colon", k, k + 1)
            if ":" in cue.complement and self._bare_speech(cue, k):
                return Intro("colon", k, k)  # «وقال الشريف في كلمته ... نحن نعيش في ظل ...»
            if {"أن", "عن…أن", "OBJ+بأن"} & set(cue.complement):  # «:» alone: no «أن» («لم ترد أن»)
                if t.key in THAT and not (k > j and self.reader._is("conj", k - 1)):
                    return Intro("that", k, k + 1)  # («قبل أن»: a conjunction)
                if t.key in THAT_PREPS and k + 1 < end and toks[k + 1].key in THAT:
                    return Intro("that", k + 1, k + 2)
            if k > j and self.cue_at(k) and not absorbed(self.cue_at(k)) and self.cue_at(k).pos != "prep" \
                    and not self._in_relative(k) and not self._according_verb(k):
                break
            if nominal is None and t.key in preps and "عن…أن" not in cue.complement \
                    and (t.key != "علي" or self.reader.is_prep(k)):  # («الدكتور علي بن محمد»: a name)
                nominal = k
            if nominal is None and "OBJ+بمثابة" in cue.complement and k > j + 1 and t.key == "بمثابه":
                nominal = k  # «اعتبرت الوزارة استمرار الاستيطان بمثابة "إعلان حرب"»: the object is content
            if nominal is None and "OBJ+ب" in cue.complement and k > j and t.key[0] == "ب" \
                    and (len(t.key) > 3 or len(t.key) == 3 and not self.reader.is_prep(k)
                         and not self.reader._is("proprep", k, strip_prefix=False)):
                nominal = k  # «اتهم X القوات الأوكرانية بإطلاق ...», «اردوغان بشن»
            if nominal is None and "عن…أن" in cue.complement and t.key == "عن" and self._stance(k + 1):
                nominal = k  # «أعرب عن قلقه إزاء ...», «معرباً عن انزعاجه الشديد من ...»: a stance said
            if nominal is None and cue.pos == "part" and "ب" in cue.complement and self._fused_bi(cue, j, k):
                nominal = k  # «متعهدا بدعمها», «مطالباً دول الخليج بالضغط على ...»
            if nominal is None and cue.lemma == "دعا" and self._calls_for(k):
                nominal = k  # «ودعا البرزاني في بيانه حزب العمال لإبعاد القتال», «كما دعوا لتسجيل احتجاج»
            k += 1
        if nominal is not None:
            head = self.object_head(cue, j, nominal, nouns_only=True) if "OBJ" in cue.complement else None
            if head is not None:  # «أكد X حرص المدينة على التعاون»: «على» belongs to the verbal noun
                return Intro("obj", head, head)
            fused = toks[nominal].key not in PREP_KEYS.values()  # «بشن», «لإبعاد»: the noun is content
            return Intro("nominal", nominal, nominal if fused else nominal + 1)
        head = self.object_head(cue, j, k)
        if head is not None:
            return Intro("obj", head, head)
        if "OBJ" in cue.complement and cue.pos == "part" and j < len(toks) and toks[j].is_word:
            return Intro("obj", j - 1, j)
        return None

    def _bare_speech(self, cue: Cue, k: int) -> bool:
        """Does speech with no colon or quotation mark open at token ``k``, a personal pronoun
        of the first person opening the speaker's words («وقال الشريف في كلمته التي ألقاها
        أمس ... نحن نعيش في ظل ...», «وقال نحن نحمل أمانة ...»)? Only after a verb of saying
        itself (class ``barespeech``: قال، أضاف، تابع), not in a relative clause («الذي نحن
        بصدده») or after a preposition or conjunction."""
        toks = self.toks
        if not self.lex.is_a("barespeech", normalize(cue.lemma)) or cue.pos not in ("perf", "impf") \
                or not self.lex.is_a("speechopener", toks[k].key):
            return False
        prev = toks[k - 1]
        if not prev.is_word or self.reader._is("relative", k - 1, strip_prefix=False) \
                or self.reader.is_prep(k - 1) or self.reader._is("conj", k - 1) or prev.key in THAT:
            return False
        key, nxt = toks[k].key, (toks[k + 1].key if k + 1 < len(toks) and toks[k + 1].is_word else "")
        if key == "نحن":  # a verb of the first person follows the bare pronoun («نحن نعيش»)
            return nxt[:1] == "ن" or nxt.endswith("نا")
        if key == "انا":  # («مؤسسة انا ليند»: a name; «وصلت انا ووالدي»: a subject repeated)
            return nxt[:1] == "ا" or nxt.endswith("ت")
        return False

    def _stance(self, k: int) -> bool:
        """Does token ``k`` (after an intensifier: «بالغ», «خالص») name a stance or a feeling
        about the facts (class ``stance``: قلق، إدانة، أمل، رفض، مخاوف ...), with its article or
        a possessive suffix? After «أعرب/عبر عن» that noun opens what the speaker said; thanks,
        condolences and joy («شكره», «تعازيه», «سعادته») are courtesies, not statements."""
        toks = self.toks
        if k < len(toks) and self.lex.is_a("intensifier", toks[k].key):
            k += 1
        if k >= len(toks):
            return False
        key = toks[k].key
        key = key[2:] if key.startswith("ال") else key
        for suffix in ("هما", "هم", "ها", "نا", "ه", ""):
            stem = key[:len(key) - len(suffix)]
            if key.endswith(suffix) and len(stem) >= 3 and (self.lex.is_a("stance", stem) or suffix
                                                           and stem[-1] == "ت" and self.lex.is_a("stance", stem[:-1] + "ه")):
                return True  # («إدانته»: the ta marbuta of «إدانة» before a suffix)
        return False

    def _that_inside(self, cue: Cue, k: int) -> bool:
        """Does the quotation opened at ``k`` start with the cue's own «أن/إن» (or «إلى أن» for a
        cue of «إلى»): «وقال في مؤتمر صحافي عقده في انقرة «ان العناصر الاولى ...»», «وأشار
        الرحبي "إلى أن المقاومة ..."»? Then it is the cue's content wherever it stands."""
        if not {"أن", ":"} & set(cue.complement) or self.qspan_at[k].close is None:
            return False
        toks, c = self.toks, self.close_tok[k]
        i = k + 1
        if i < c and toks[i].key in THAT_PREPS and toks[i].key in {PREP_KEYS[p] for p in cue.complement if p in PREP_KEYS}:
            i += 1
        return i + 2 < c and toks[i].key in THAT

    def _fused_bi(self, cue: Cue, j: int, k: int) -> bool:
        """For a participle whose complement is «بـ» («متعهداً», «منددةً», «مطالباً»), is token
        ``k`` that «بـ» fused to its noun? Right after the participle, or for a demand after
        whom it is made of («مطالباً دول الخليج العربي بالضغط»: no comma, no preposition between);
        not a preposition with a pronoun («به», «بها») nor a name."""
        t = self.toks[k]
        if t.key[:1] != "ب" or t.text[:1] != "ب" or len(t.key) <= 3 or k in self.reader.names \
                or self.reader._is("proprep", k, strip_prefix=False):
            return False
        if k == j:
            return True
        return cue.lemma in DEMANDS and k - j <= 6 and all(
            self.toks[i].is_word and not self.reader.is_prep(i) and self.toks[i].key[:1] != "ب"
            for i in range(j, k))

    def _calls_for(self, k: int) -> bool:
        """Is token ``k`` a verbal noun with a fused «لـ» («لإبعاد», «لتسجيل», «للحوار»), what
        «دعا» calls for, rather than a name («لافروف») or an addressee («لرويترز»)?"""
        t = self.toks[k]
        if t.key[:1] != "ل" or len(t.key) <= 4 or k in self.reader.names or t.text[:1] != "ل" \
                or self.reader.is_media(k) or self.reader._is("proprep", k, strip_prefix=False):
            return False
        # a definite noun only of the verbal-noun shapes تفعّل/افتعال/استفعال («للتحرك», «للاستفادة»):
        # «داعيا للفقيد بالرحمة», «للشهداء» is a prayer, «الهيئة العامة للغذاء» a name
        return not t.key.startswith("لل") or t.key.startswith(("للت", "للا"))

    def _according_verb(self, k: int) -> bool:
        """Is the cue at ``k`` the verb of an attribution aside («وقال X، بحسب ما نقلت عنه
        وكالة الأناضول، إن ...», «حسبما أفاد»), which does not end the search for the content?"""
        toks = self.toks
        if k < 1:
            return False
        before = self.cue_at(k - 1)
        if before is not None and before.pos == "prep":
            return True  # «حسبما أفاد»
        if toks[k - 1].key not in ("ما", "لما") or k < 2:
            return False
        prep = self.cue_at(k - 2)
        return prep is not None and prep.pos == "prep"

    def _in_relative(self, k: int) -> bool:
        """Is the cue at ``k`` the verb of a relative clause on the speaker («وأضاف المصدر
        الذي لم يكشف عن اسمه أن ...»), which does not end the search for the content?"""
        b = k - 1
        while b > 0 and self.toks[b].key in ("لم", "لا", "قد"):
            b -= 1
        return b >= 0 and self.reader._is("relative", b, strip_prefix=False)

    def _adjacent(self, j: int, k: int) -> bool:
        """Do the tokens ``[j, k)`` between a cue and a quotation mark hold only its speaker
        (and an addressee such as «لوكالة فرانس برس»)?"""
        rng = self.reader.forward(j, k)
        if rng is None or rng[0] != j:
            return False
        end = rng[1]
        if end < k and self.reader.is_media(end):
            return not any(self.toks[i].key in THAT or self.reader.is_prep(i) for i in range(end + 1, k))
        return end == k

    def _stated(self, j: int, k: int) -> bool:
        """Do the tokens ``[j, k)`` between a cue and a quotation mark hold its speaker and then
        the occasion of the words — «في/خلال» and a statement noun («وقال يلدز في بيان “...”»,
        «في مقابلة حصرية مع وكالة فرانس برس «...»») — with no comma or «أن» among them?"""
        rng = self.reader.forward(j, k)
        if rng is None or rng[0] != j or rng[1] >= k:
            return False
        toks, end = self.toks, rng[1]
        if toks[end].key not in OCCASION_PREPS or not self.reader._is("adjunct", end + 1, strip_prefix=False):
            return False
        return not any(toks[i].key in THAT or toks[i].text in "،,:؛;" or toks[i].text in QUOTE_CHARS
                       for i in range(end, k))

    # ------------------------------------------------------------------ ends
    def clause_break(self, k: int, spoken: bool = False) -> bool:
        """Does token ``k`` start a new attribution that ends reported content? In colon speech
        (``spoken``) a «، وذلك» is the speaker's own («لا أعتقد أن الأندية تستفيد من أخطائها، وذلك
        بسبب غياب العمل المؤسساتي»), not the journalist's gloss."""
        toks = self.toks
        t = toks[k]
        cue = self.cue_at(k)
        if cue and cue.lemma != "قول" and (cue.pos == "part" or self.prefixed_cue(k) and self.opens_saying(cue, k)):
            return True
        if t.text in "،,؛;" and k + 1 < len(toks):
            nxt = k + 1
            c2 = self.cue_at(nxt)
            if c2 and c2.pos == "prep":
                return True
            if self.reader._is("stop", nxt) and (self.cue_at(nxt + 1) or self.cue_at(nxt + 2)):
                return True
            if self.transition(nxt) and toks[nxt + 1].key != "ثم":
                c3 = self.cue_at(nxt + 2)
                if c3 and c3.pos == "perf":
                    return True  # «...، من جهتها قالت السفارة», «، في حين شدد كيري»: a new speaker
                # («، ومن ثم نقل المواد»: "and then", a verbal noun; «، في حين يفيد عسل الزهور»:
                # an imperfect goes on the speaker's comparison)
            if toks[nxt].key == "علي" and nxt + 1 < len(toks) and toks[nxt + 1].key in TAIL:
                return True
            if self.participle(nxt) or self.reader._is("tail", nxt, strip_prefix=False) \
                    and (not spoken or self._cue_ahead(nxt)):
                return True
            if not spoken and self._aside(nxt):
                return True
        if not spoken and self._background(k):
            return True
        if self.reader._is("stop", k, strip_prefix=False) and t.key in ("فيما", "بينما") and \
                (self.cue_at(k + 1) or self.cue_at(k + 2)):
            return True
        return False

    def _aside(self, k: int) -> bool:
        """Does token ``k`` (after a comma) open the journalist's aside on a statement: what
        the speaker left out («، دون أن يحدد عددهم», «، بدون الكشف عن أسمائهم»),
        whom he meant («، في إشارة إلى تنظيم الدولة»), or the occasion of the words («، خلال
        مكالمة هاتفية مع نظيره التركي», «، أثناء لقائه ...»)? («، علماً بأن ...» is as often the
        speaker's own note.)"""
        toks, n = self.toks, len(self.toks)
        key = toks[k].key
        if key in ("دون", "بدون") and k + 1 < n:
            j = k + 2 if toks[k + 1].key == "ان" else k + 1
            return j < n and self.reader._is("untold", j, strip_prefix=False)
        if key in ("خلال", "اثناء") and k + 1 < n:
            return self.reader._is("occasion", k + 1, strip_prefix=False)  # «، خلال مكالمة هاتفية مع نظيره»
        return key == "في" and k + 2 < n and toks[k + 1].key == "اشاره" and toks[k + 2].key == "الي"

    def _background(self, k: int) -> bool:
        """Does token ``k``, glued to the statement with no comma, open the journalist's
        background: «في الوقت الذي» or «بينما» with a verb and its definite subject («قتلا ...
        خلال الليل في الوقت الذي يتصاعد فيه العنف», «... لليونانيين بينما يستعد البرلمان
        للتصويت»)? Without a subject of its own the clause is the speaker's («في الوقت الذي
        يجب أن تتضافر فيه جهود الجميع», «في الوقت الذي تعتبره إسلام آباد مناسبا»); after a
        comma, as often the speaker's contrast («، بينما لم يتمكن سوى 22 في المائة»)."""
        toks, n = self.toks, len(self.toks)
        if k == 0 or toks[k - 1].text in "،,؛;":
            return False
        if toks[k].key == "في" and k + 2 < n and toks[k + 1].key == "الوقت" and toks[k + 2].key == "الذي":
            verb = k + 3
        elif toks[k].key == "بينما":
            verb = k + 1
        else:
            return False
        subj = verb + 2 if verb + 1 < n and toks[verb + 1].key == "فيه" else verb + 1
        return subj < n and toks[subj].sent == toks[k].sent and toks[verb].is_word \
            and toks[subj].text.startswith("ال") and len(toks[subj].text) > 3 and verb not in self.reader.names

    def _cue_ahead(self, k: int) -> bool:
        """Is there a cue between token ``k`` and its sentence's end («، وذلك في الحديث الذي
        أخرجه الإمام ... أنه سمع رسول الله يقول: "..."»: the journalist citing)?"""
        toks = self.toks
        j = k + 1
        while j < len(toks) and toks[j].sent == toks[k].sent:
            if self.cue_at(j):
                return True
            j += 1
        return False

    def opens_saying(self, cue: Cue, k: int) -> bool:
        """Does the cue with «و/ف» at ``k``, inside reported content, start a new attribution? A
        verb of speech proper («وقال», «وأضاف», «وتابع»: class speech), one whose content opens
        (an «أن», a colon, a quotation), or one whose subject holds a tagged name, place or title
        («وتنفي روسيا», «وأكد عليه وزير خارجيته جون كيري»);
        not a verb that goes on the reported clause («يهتم بأبحاث السرطان، ويعتبر امتداداً»,
        «لفهم نشأة السرطان ونقل الاكتشافات», «يستنكر ويشجب بأشد العبارات»)."""
        if self.lex.speech(cue):
            return True
        reader = self.reader
        rng = reader.forward(k + 1, min(len(self.toks), k + 8))  # («وأكد عليه وزير خارجيته جون كيري»)
        if rng and any(i in reader.names or i in reader.places or reader._is("title", i) for i in range(*rng)):
            return True
        if rng and cue.lemma not in DEMANDS and reader._is("institution", rng[0]) and self.toks[rng[0]].key.startswith("ال"):
            return True  # «بمثابة "إعلان حرب" على الفلسطينيين، وأدانت الوزارة في بيان ...»: the body again
            # (after a demand the body is whom it asks: «حذرت من ...، وطالبت الرئاسة بمحاصرة ...»)
        return self.introducer(cue, k) is not None

    def transition(self, k: int) -> bool:
        """Does token ``k`` open a sentence with the journalist's transition: a preposition
        before an opener or before «ذلك» («من جهته», «إلى ذلك»)? (Openers alone — «كذلك»,
        «قد», «ثم» — open sentences of speech too.)"""
        reader = self.reader
        return reader.is_prep(k, strip_prefix=True) and k + 1 < len(self.toks) \
            and (reader._is("opener", k + 1) or self.toks[k + 1].key == "ذلك")

    def object_head(self, cue: Cue, j: int, end: int, nouns_only: bool = False) -> Optional[int]:
        """For a finite verb of stance, the token after its subject that opens the reported
        object: a verbal noun («أكد هادي ضرورة ...», «طالب البيان بضرورة ...»). ``[j, end)``
        are the tokens after the verb that the introducer search covered. With ``nouns_only``
        only a verbal noun of the ``objhead`` class counts, not any word after a name."""
        if cue.pos not in ("perf", "impf"):
            return None
        nouns_only = nouns_only or "OBJN" in cue.complement  # «أعلن X رفضه ...», not «أعلن X أسماء ...»
        said = "OBJS" in cue.complement  # «جدد X تحذيره من ...», not «جدد النادي عقد اللاعب»
        nouns_only = nouns_only or said
        obj = "OBJ" in cue.complement or "OBJN" in cue.complement or said
        bi = "ب" in cue.complement
        if not (obj or bi):
            return None
        names = self.reader.names
        skip = 0
        for k in range(j + 1, end):
            key = self.toks[k].key
            if key == "في" and k + 2 < end and self.toks[k + 1].key == "وقت" and self.toks[k + 2].key in EARLIER_LATER:
                skip = k + 3  # «وأعلنت قيادة عمليات بغداد في وقت سابق تحرير ...»: a time adjunct
            if k < skip or not self.toks[k].is_word or k in names and k - 1 in names:
                continue
            if nouns_only and not said and self.reader.is_prep(k, strip_prefix=True):
                return None  # «أكد هؤلاء من خلال برنامج بناء الأمل ... على أهمية»: a genitive, not the object
                # (after «جدد» only a noun of something said is taken: «وجددت وزارة الصحة ممثلة في
                # الوكالة ... التأكيد على»)
            prev = self.toks[k - 1]
            if said and (self.toks[k].sent != self.toks[j].sent or prev.text in "،," and len(key) > 2
                         and key[0] == "و" and not self._statement_noun(k)):
                return None  # «ومن ثم جددت الاتفاقية الى ثلاث سنوات، وبعد ثماني سنوات من الدعم»
            # after the speaker's name, or a time word or adverb that closes the subject
            # («أكد المتحدث حسيب صديقي أمس نبأ وفاة ...», «وصفت طالبان آنذاك خبر ...»)
            after_subject = (k - 1 in names and k not in names and not self.reader._is("title", k - 1)) or (
                k - 1 > j and (self.reader._is("time", k - 1) or self.reader._is("adverb", k - 1)))
            if after_subject and (nouns_only or self.reader._is("title", k) or self.reader._is("relative", k)
                                  or self.reader.ends_phrase(k) or self.reader._is("time", k)
                                  or self.reader._is("adverb", k) or self.cue_at(k) is not None):
                after_subject = False  # «دان مسعود البرزاني رئيس الإقليم», «أكد كيري الذي ...»
            bare = not (key[:1] == "ب" and len(key) > 3)
            head = self.reader._is("objhead", k, strip_prefix=False) \
                or "OBJN" in cue.complement and self.reader._is("announced", k, strip_prefix=False) \
                or said and self._statement_noun(k)
            if obj and bare and (head or after_subject) and not self.reader.is_prep(k) \
                    and not self.reader._is("time", k) and (head or prev.text not in "،,"):
                return k  # («أكد المتحدث ... العقيد ناصر الشريف، استمرار التنبيه»)
            if bi and not bare and (self.lex.is_a("objhead", key[1:]) or self.lex.is_a("biobject", key[1:])
                                    or (key[1:3] == "ال" and len(key) > 5)
                                    or after_subject) and not self.reader._is("title", k - 1, strip_prefix=False):
                return k  # (not «طالب العميد بالجيش العراقي السابق، أحمد البيلاوي ...»: the title's place)
        return None

    def _statement_noun(self, k: int) -> bool:
        """Is token ``k`` a noun of something said, bare, definite or with a pronoun
        («تحذيره», «رفضها», «التأكيد», «دعوة»: classes objhead and renewed), the only object
        that makes «جدد» ("renewed") a cue? A contract, an agreement or shelling renewed
        («جددت إدارة النادي عقد اللاعب», «جددت القوات قصفها») is no statement."""
        key = self.toks[k].key
        return self.lex.is_a("objhead", key) or self.lex.is_a("renewed", key)

    def participle(self, k: int) -> bool:
        """Is token ``k`` a circumstantial participle («مشيداً», «مدللاً»: مـ...ـاً), which
        after a comma describes the speaker again? Cue participles count whatever their shape."""
        key = self.toks[k].key
        cue = self.cue_at(k)
        if cue is not None:
            return cue.pos == "part" and cue.lemma != "قول"
        return len(key) >= 5 and key[0] == "م" and key[-1] == "ا" and not self.reader._is("notpart", k)

    def reported_end(self, first: int, frame: Optional[str] = None) -> tuple[int, bool]:
        """End (exclusive token index) of reported content starting at ``first``, and whether
        it was cut by a nested attribution («أن مرسي قال ...»: the quote is Morsi's). A cue in a
        concessive clause (``frame`` "concessive") reports words up to the main clause's «إلا»;
        one in a «فيما/بينما» clause ("whereas") up to a comma before the main clause's cue."""
        toks = self.toks
        last = self.para_last(first)
        k = first
        while k <= last:
            if k in self.qspan_at:
                span = self.qspan_at[k]
                if span.close is None:
                    return last + 1, False
                k = self.close_tok[k] + 1
                if k + 1 <= last and toks[k].text in "،," and len(toks[k + 1].key) > 2 \
                        and toks[k + 1].key[:1] == "و" and toks[k + 1].key[1:] not in THAT:
                    return k, False  # «... "تقديرًا لجهوده"، وسوف تقيم ...»: the journalist again
                continue
            if k in self.sent_end_tok:
                return k, False
            if k > first and self.clause_break(k):
                return k, False
            if k > first and self.main_clause(k, frame):
                return k, False
            cue = self.cue_at(k)
            if k > first + 2 and cue and cue.pos in ("perf", "impf") and toks[k - 1].key in ("كما", "وكما") \
                    and not self._in_relative(k):
                return k - 1, False  # «... أمام المحكمة كما دعا أحرار العالم إلى ...»: a new saying
            if k > first and cue and cue.pos in ("perf", "impf"):
                status, rng = self.reader.backward(k, first)
                if status == "subject" and rng and rng[0] == first and rng[1] - rng[0] <= 8 \
                        and self._speech_intro(cue, k) and toks[k - 1].key not in BUT_THEY:
                    return k, True  # («أنه سيتخذ إجراءات لكنه أكد أن»: "but he", the same speaker again)
                # a new saying («التي قال إن»), not «الأمر الذي يؤكد أن», which is the speaker's
                if k > first + 2 and cue.pos == "perf" and self._speech_intro(cue, k):
                    b = self._clause_start(first, k)
                    if b is not None:
                        return b, False
                    if toks[k - 1].text.startswith("ال") and not self.lex.match(toks[k - 1].key):
                        return k, False  # «قصف تركيا لقرية في الاقليم قال إنه أسفر ...»: a
                        # relative clause on the last noun, someone's words of their own
            k += 1
        return last + 1, False

    def main_clause(self, k: int, frame: Optional[str]) -> bool:
        """Does token ``k`` open the main clause after a subordinate one of kind ``frame``:
        «إلا» after a concessive («وعلى الرغم من تأكيده على أن ... إلا أنه أقر»), a comma and
        a cue without «و/ف» after «فيما/بينما» («وفيما قال مسؤول إنه ...، اتهم إمام»)?"""
        toks = self.toks
        if frame == "concessive":
            return toks[k].key == "الا" and k + 1 < len(toks) and toks[k + 1].key in THAT
        if frame == "whereas" and toks[k].text in "،," and k + 1 < len(toks):
            cue = self.cue_at(k + 1)
            return cue is not None and cue.pos in ("perf", "impf") and not self.prefixed_cue(k + 1)
        return False

    def _clause_start(self, first: int, k: int) -> Optional[int]:
        """The token that opens the clause of a new cue at ``k`` inside reported content
        starting at ``first`` («، إلا أن مسؤولا آخر ... أشار», «التي قال إن», «كما دعوا»), so
        the content ends before it; None when the cue's clause is the content's own."""
        toks = self.toks
        for i in range(k - 1, first + 1, -1):
            t = toks[i]
            if t.text in "،,":
                return i
            if self.reader._is("relative", i, strip_prefix=False) or t.key in ("كما", "وكما") or t.key in BUT_THEY \
                    or self.reader._is("stop", i, strip_prefix=False):
                return i
            if t.key in THAT and toks[i - 1].key in ("الا", "بعد", "قبل"):
                return i - 1
        return None

    def _speech_intro(self, cue: Cue, k: int) -> bool:
        """Does the cue at ``k`` open words of its own (a colon, a quotation, an «أن» clause)?
        A nominal complement is not enough to make it a nested speaker: in «أن الزيارة تؤكد
        حجم التنسيق على كافة المستويات» the verb means "confirm", not "say"."""
        intro = self.introducer(cue, k)
        return intro is not None and intro.how in ("that", "colon", "quote")

    def colon_end(self, first: int) -> int:
        """End of colon speech: over sentences until a new cue or the paragraph's end."""
        toks = self.toks
        last = self.para_last(first)
        k = first
        while k <= last:
            if k in self.qspan_at:
                if self.qspan_at[k].close is None:
                    return last + 1
                k = self.close_tok[k] + 1
                continue
            if k > first and self.clause_break(k, spoken=True):
                return k
            if k in self.sent_end_tok:
                nxt = k + 1
                while nxt <= last and not toks[nxt].is_word and toks[nxt].text not in QUOTE_CHARS:
                    nxt += 1
                if nxt > last:
                    return k
                # a new sentence opening with «و/ف», a cue or a transition («إلى ذلك», «من جهته»)
                # is the journalist again
                if self.cue_at(nxt) or self.transition(nxt) or self.reader._is("stop", nxt) and self.cue_at(nxt + 1) \
                        or (len(toks[nxt].key) > 2 and toks[nxt].key[0] in "وف" and not self._first_person(nxt)):
                    return k
            k += 1
        return last + 1

    def _first_person(self, k: int) -> bool:
        """Does the sentence opening at ``k`` speak in the first person («ورغم قصر المدة التي
        أمضيناها هنا إلا أننا شعرنا ...») before any cue: the speaker goes on."""
        toks = self.toks
        j = k
        while j < len(toks) and toks[j].sent == toks[k].sent:
            if j > k and self.cue_at(j):
                return False
            if self.lex.is_a("firstperson", toks[j].key, strip_prefix=True):
                return True
            j += 1
        return False
