"""Find attributed statements in an article: ``find_quotes(text) -> list[Quote]``.

Each cue of the lexicon (``data/cues.tsv``) found in the text, outside quotation marks, is
read in three steps: what opens its content (:mod:`marsad.quotes.content`), who speaks
(:mod:`marsad.quotes.speaker`: the phrase after or before the verb, else the current speaker
chosen by gender), and where the content ends. Prepositional attributions («بحسب X»,
«وفقاً لـ X», «نقلاً عن X») take the neighbouring clause as content. Offsets are code points
into the original text.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Optional

from marsad.model import Quote, Span
from marsad.quotes.content import DEMANDS, THAT_PREPS, Extents, Intro, absorbed, says_by, takes_object
from marsad.quotes.cues import CueLexicon, CueMatch, default_lexicon
from marsad.quotes.speaker import DASHES, MAX_PHRASE, PARTICLES, SO_THAT_BARE, THAT, UNKNOWN_GENDER, Candidate, PhraseReader, SpeakerPhrase, Tracker
from marsad.quotes.tokens import (QUOTE_CHARS, SENT_END, QSpan, paragraph_ends, quote_spans,
                                  tokenize)
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import normalize_word

SplitFn = Callable[[str], list[tuple[int, int]]]
PASSIVE = "\u064f"  # a damma on the first letters of a verb marks the passive («وُصِفت»)
MIN_WORDS = 2
THIS_IS = frozenset(("هذا", "ذلك", "وهذا", "وذلك"))  # «"..."، هذا ما قاله X»
THUS = frozenset(("هكذا", "وهكذا"))  # «"..."، هكذا قال X»
WHICH_IS = frozenset(("وهو", "وهي", "هو"))  # «...، وهو ما أكده شكري بدوره، قائلا»: X says it too
ON_IT = frozenset("اليه اليها عليه عليها".split())  # «وهو ما أشار إليه X», «ما شدد عليه X»
IN_IT = frozenset(("فيه", "فيها", "فيهما", "خلاله", "خلالها"))  # «بيانا أكد فيه»: in which (the statement) he said
SENDER_REACH = 25  # tokens from a call noun to «أعرب فيه»: «اتصالا هاتفيا أمس من الفريق الركن الشيخ ... بمملكة البحرين»
ISSUER_REACH = 14
ADDRESSEE_REACH = 12  # words between a demand's speaker and its «إلى/ب»
SUBJECT_BETWEEN = 6  # words of a subject between an imperfect cue and its «إن»
PLURAL_ENDINGS = ("وا", "ون", "ين")  # «قالوا», «مؤكدين»: a plural cue  # tokens back from such a cue to the issuer's name
NOUN_REACH = 12
TIME_TAIL = frozenset("الاسبوع الشهر العام هذا الماضي الماضيه المقبل".split())  # folded: time words after a credit's subject
HEADLINE_TOKENS = 16  # tokens of a subheading «الخالد: العمل ارتجالي!»
HEADLINE_WORDS = 10  # words said in it
CREDIT_REACH = 16  # tokens from the cue of a closing credit («، كما أعلنت X.») to the sentence's end
BARE_SUBJECT = 3  # words a subject of a cue without content may have when it holds no name  # tokens from a noun of saying («تأكيده», «إعلان») to its «أن»  # shorter content is a leftover of a nested attribution, not a statement
MIN_NOMINAL_WORDS = 4  # «كشف عن بعض أجندة لقائهما» names a topic, it does not report words
RELATIVE_GENDER = {"الذي": "m", "التي": "f", "الذين": "-", "اللذين": "-", "اللذان": "-", "اللتين": "-",
                   "اللتان": "-", "اللواتي": "-"}  # folded as the tokenizer folds them
I_THAT = frozenset("انني لكنني ولكنني وانني فانني".split())  # folded «أنني/إنني»: "that I"
LEAD_EXPRESSED = frozenset(("عبر", "عبرت"))  # a news lead «عبّر اللاعب ... عن سعادته» (else «وعبر»: "via")
WHAT = frozenset("ما بما لما مما عما".split())  # «ما جاء في التقرير»: what it said
EVERYONE = frozenset("جميع كافه كل الجميع".split())  # folded: «حث جميع الأطراف», «كافة الدول»: addressees
CLAUSE_OPENING = frozenset("لكن ولكن بينما وبينما فيما وفيما كما وكما حيث اذ".split())  # before a clause's subject
FRAME_REACH = 14  # tokens back from a cue to the word opening its clause («وعلى الرغم من أن»)
COMPLEMENT_REACH = 12  # tokens from a verb's preposition to a subject after its complement («يجيب عن هذا السؤال X»)
RECEIVED = frozenset("تلقي وتلقي تلقت وتلقت".split())  # folded «تلقى»: «وتلقى X اتصالاً من Y», Y speaks in what follows
NAME_MARK = "#"  # appended to the key of a name's word that folds like a particle
BARE_THAT = frozenset({"ان", "بان"})  # «بان كي مون», «سي إن إن»; not «إنني سعيد», a tagger's slip
THAT_HE = frozenset("انه انها انهم انهما بانه بانها بانهم بانهما".split())  # «أنه يعتبر»: «أن» + the subject
KANA_WORDS = frozenset("كان وكان فكان كانت وكانت فكانت".split())  # «وكان»: no clause subject after it
CREDIT_WORDS = 6  # words of a source alone in a closing credit («وفقا لوكالة رويترز.»)
COMMENT_REACH = 14  # tokens from such a verb to a «بقوله/قائلا» that takes its words
SCRIPTURE_MARKS = frozenset(normalize_word(w) for w in "تعالى سبحانه صلى وسلم".split())  # God or the Prophet
SCRIPTURE_REACH = 12  # tokens back from «بقوله» to such a mark: its subject cites scripture


def find_quotes(text: str, sentences: Optional[list[tuple[int, int]]] = None,
                lexicon: Optional[CueLexicon] = None,
                names: Optional[list[tuple[int, int]]] = None,
                persons: Optional[list[tuple[int, int, str]]] = None,
                places: Optional[list[tuple[int, int]]] = None) -> list[Quote]:
    """Quotes of ``text`` in order. ``sentences`` are (start, end) offsets from the pipeline's
    splitter (else a simple fallback is used); ``lexicon`` defaults to the shipped one;
    ``names`` are offsets of the people and organisations the tagger found, which tell where
    a speaker's name ends and a verb's object begins; ``persons`` are those of the names that
    are people (start, end, gender m/f/-), who may be the unnamed subject of a cue in their
    sentence; ``places`` are offsets of the places it found, which speak when a verb has them
    for subject («وشنت تركيا ... غارات، مشيرة إلى أن»). Each quote's
    ``speaker`` is a :class:`SpeakerPhrase` (entity None, gender, explicit flag)."""
    return QuoteFinder(text, sentences, lexicon, names=names, persons=persons, places=places).run()


class QuoteFinder:
    """One article's quote finding; see :func:`find_quotes`."""

    def __init__(self, text: str, sentences: Optional[list[tuple[int, int]]] = None,
                 lexicon: Optional[CueLexicon] = None, split: Optional[SplitFn] = None,
                 names: Optional[list[tuple[int, int]]] = None,
                 persons: Optional[list[tuple[int, int, str]]] = None,
                 places: Optional[list[tuple[int, int]]] = None):
        self.text = text
        self.lex = lexicon or default_lexicon()
        self.toks = tokenize(text)
        self.para_ends = paragraph_ends(text)
        if sentences is None:
            sentences = (split or split_sentences)(text)
        self._layout(sentences)
        persons = persons or []
        person_spans = {(a, b) for a, b, _ in persons}
        name_spans = set(names or ())
        held = self._name_tokens(name_spans | person_spans)  # one pass for names and people
        for k, (first, span) in held.items():
            if self.toks[k].key in BARE_THAT and (k > first or self.toks[k].end < span[1]):
                self.toks[k].key += NAME_MARK  # «بان كي مون»: a name's word, not «بأن» (that)
        self.reader = PhraseReader(self.toks, self.lex, self.short_quote_at,
                                   {t: first for t, (first, span) in held.items() if span in name_spans})
        self.persons = {t: first for t, (first, span) in held.items() if span in person_spans}
        starts = {a: g for a, _, g in persons}
        self.person_gender = {t.i: starts[t.start] for t in self.toks if t.start in starts}  # first token -> m/f/-
        place_starts = {a for a, _ in places or ()}
        self.places = {t.i for t in self.toks if t.start in place_starts}  # first tokens of places
        self.reader.places = self.places
        self.ext = Extents(self.toks, self.lex, self.reader, self.qspan_at, self.close_tok, self.sent_end_tok)
        self.tracker = Tracker()
        self.quotes: list[Quote] = []
        self.claimed: list[tuple[int, int]] = []  # offsets of direct content already taken
        self.consumed: set[int] = set()  # tokens between an emitted cue and its introducer

    def _name_tokens(self, names) -> dict[int, tuple[int, tuple[int, int]]]:
        """Token index -> (first token of the name it lies in, that name's character span)."""
        out: dict[int, tuple[int, tuple[int, int]]] = {}
        if not names:
            return out
        spans = sorted(names)
        starts = [a for a, _ in spans]
        reach, high = [], -1  # reach[i]: the furthest end of spans[0..i]
        for _, b in spans:
            high = max(high, b)
            reach.append(high)
        for t in self.toks:
            i = bisect_right(starts, t.start) - 1
            while i >= 0 and reach[i] >= t.end:  # stop once no earlier name can hold the token
                a, b = spans[i]
                if t.end <= b:
                    first = next(k for k in range(t.i, -1, -1) if k == 0 or self.toks[k - 1].end <= a)
                    out[t.i] = first, (a, b)
                    break
                i -= 1
        return out

    # ------------------------------------------------------------------ layout
    def _layout(self, sentences: list[tuple[int, int]]) -> None:
        toks, p, s, sid = self.toks, 0, 0, 0
        for t in toks:
            while p < len(self.para_ends) - 1 and t.start >= self.para_ends[p]:
                p += 1
            before = s
            while s < len(sentences) - 1 and t.start >= sentences[s][1]:
                s += 1
            if t.i > 0 and (s != before or self._arabic_stop(t.i - 1)):
                sid += 1  # («... بالمملكة.ووصف الشاعر ...»: a stop with no space after it still ends a sentence)
            t.para, t.sent = p, sid
        spans = quote_spans(self.text, self.para_ends)
        by_off = {t.start: t.i for t in toks}
        self.qspan_at: dict[int, QSpan] = {}
        self.close_tok: dict[int, int] = {}
        self.inside: set[int] = set()
        self.short_quote_at: dict[int, int] = {}
        for sp in spans:
            o = by_off.get(sp.open)
            if o is None or o in self.qspan_at or o in self.inside:
                continue
            c = by_off.get(sp.close) if sp.close is not None else None
            if c is None:
                c = o
                while c + 1 < len(toks) and toks[c + 1].start < sp.end:
                    c += 1
            self.qspan_at[o], self.close_tok[o] = sp, c
            self.inside.update(range(o + 1, c))
            if sp.close is not None and sum(toks[k].is_word for k in range(o + 1, c)) <= 4:
                self.short_quote_at[o] = c
        for k in range(1, len(toks) - 2):  # «كشف لـ(عكاظ) عميد القبول»: an outlet in brackets
            if toks[k].text == "(" and toks[k - 1].key == "ل" and toks[k - 1].text != "ل":  # after «لـ»
                c = next((c for c in range(k + 2, min(k + 6, len(toks))) if toks[c].text == ")"), None)
                if c is not None and all(toks[i].is_word for i in range(k + 1, c)):
                    self.short_quote_at[k] = c  # reads like «لـ"عكاظ"», a quoted addressee
        self.sent_end_tok = {k for k in range(len(toks) - 1)
                             if toks[k].text in SENT_END and (toks[k + 1].sent != toks[k].sent or self._full_stop(k))
                             and k not in self.inside and not self._glued_stop(k)}
        self.sent_start = {}
        for t in toks:
            self.sent_start.setdefault(t.sent, t.i)

    def _glued_stop(self, k: int) -> bool:
        """Is the «.» at token ``k`` glued to Latin letters or digits on both sides
        («www.sfda.gov.sa», «3.5»), part of an address or a number, so no sentence's end whatever
        the splitter said? (Glued between Arabic words, «والمصابين.وكان», it is a stop.)"""
        toks = self.toks
        return toks[k].text == "." and 0 < k < len(toks) - 1 and toks[k - 1].end == toks[k].start \
            and toks[k + 1].start == toks[k].end and toks[k - 1].text[-1:].isascii() \
            and toks[k - 1].text[-1:].isalnum() and toks[k + 1].text[:1].isascii() and toks[k + 1].text[:1].isalnum()

    def _arabic_stop(self, k: int) -> bool:
        """Is token ``k`` a «.» glued to two Arabic words of three letters or more («القرية
        التراثية.وسلط الدكتور ...»: SaudiNewsNet lost many spaces), which the sentence splitter
        reads as one word? Abbreviations («د.أحمد», «بي.بي.سي») have shorter parts."""
        toks = self.toks
        if toks[k].text != "." or k == 0 or k + 1 >= len(toks):
            return False
        a, b = toks[k - 1], toks[k + 1]
        return a.is_word and b.is_word and a.end == toks[k].start and b.start == toks[k].end \
            and len(a.key) >= 3 and len(b.key) >= 3 and "\u0621" <= a.text[-1] <= "\u064a" \
            and "\u0621" <= b.text[0] <= "\u064a"

    def _full_stop(self, k: int) -> bool:
        """Is the «.» at token ``k`` a sentence's end the splitter passed over because it
        thought a quotation open («وتابع قائلا: «إن العدوان ... عدن. وحول رؤيته ... قال»: the
        mark was never closed)? A stop between two words, a space after it, outside this
        finder's own quotations (checked by the caller), ends a sentence."""
        toks = self.toks
        t, before, after = toks[k], toks[k - 1] if k else None, toks[k + 1]
        return t.text == "." and before is not None and before.is_word and len(before.key) > 1 \
            and before.end == t.start and after.is_word and after.start > t.end and after.para == t.para

    # ------------------------------------------------------------------ main loop
    def run(self) -> list[Quote]:
        lex = self.lex
        for c, tok in enumerate(self.toks):
            if tok.key == "ما" and c > 0 and self.toks[c - 1].key in THIS_IS | WHICH_IS:
                self._this_is_what(c)
                continue
            if tok.key in THUS and self._this_is_what(c, thus=True):
                continue  # «“لا يوجد ضرائب في دولتنا ...”، هكذا يغرد أحد مناصري التنظيم»
            after_stop = lex.needs_connector(tok.key) and (
                c > 0 and self.reader._is("stop", c - 1)
                or tok.key in LEAD_EXPRESSED and (c == 0 or self.toks[c - 1].para != tok.para))
            m = lex.match(tok.key, after_stop=after_stop)
            if m is not None and m.cue.lemma == "قول" and m.cue.speaker == "inherit" \
                    and c not in self.inside and c not in self.consumed:
                self._saying(c, m)  # «وخلص إلى القول "..."», «مكتفيا بالقول إن»
                continue
            if m is None or m.cue.lemma == "قول":
                continue
            if c in self.inside or c in self.consumed or self._claimed(tok.start):
                continue
            if m.cue.form == "بين" and self.ext.between(c):
                continue  # «بيني وبين مسيري النادي»: "between"
            if c > 0 and self.toks[c - 1].text[:1].isdigit() and self.toks[c - 1].para == tok.para:
                continue  # «100 طالب موهوب»: after a number the word is a noun (not after a title
                # or paragraph that ends in a year: «... سيلفي عام 2014⏎⏎ذكرت هيئة ...»)
            if not m.prefix and m.cue.pos in ("perf", "impf") and self.reader.noun_slot(c):
                continue  # «يتم ذكر حسناته», «يعبر عن رأي شخصي»: a verbal noun, not a verb
            if self.ext.in_name(c, m):
                continue  # «المخرج أمين طالب»: a name, not a verb
            if self.reader._is("negation", c - 1) and not lex.survives_negation(m.cue):
                continue  # «ولم تكشف الشركة تفاصيل», «ولا يعلن المتمردون»: what was not said
            if m.cue.pos == "impf" and self.reader._is("subjunctive", c - 1) and not self.toks[c - 1].text.lstrip("وف").startswith("إ"):
                continue  # «ومن المنتظر أن يعلن الفريق عن ...»: what will or may be said
            if m.cue.pos == "perf" and c > 0 and self.toks[c - 1].key in I_THAT:
                continue  # «غير أنني نبهت إلى أنه ...»: the writer's own words, "I warned"
            if c > 0 and self.toks[c - 1].key == "مما":
                continue  # «مما يشير إلى أن»: "which shows", the journalist's inference
            if not m.prefix and m.cue.pos == "impf" and self._describes_noun(c):
                continue  # «ودليل يؤكد», «تظهر للمستخدم رسالة تقول»: a clause describing a noun
            if m.cue.pos == "perf" and PASSIVE in tok.text[:4]:
                continue  # «وُصِفت», «أُعلن»: a passive verb has no speaker («يُعلن» is active)
            if absorbed(m.cue) and c > 0 and self._cue_before(c - 1):
                continue  # «وتابع قائلا:» is one cue
            if m.cue.colon_only and (self._said_by_later(c) or self.ext.introducer(m.cue, c) is None):
                continue  # «واختتم الرشيد حديثه بقوله:», «وعلق الضيف على العبارة قائلا:»: their cue reads
                # it; with no colon of its own («ستبقى معلقة إلى أن») the word is no cue at all
            if m.cue.pos == "prep":
                self._prep(c)
            elif m.cue.lemma == "نقل":
                self._naql(c, m)
            elif m.cue.lemma == "جاء":
                self._ja(c, m)
            elif c > 0 and self.toks[c - 1].key in ("ما", "لما", "حسبما"):
                continue  # «بحسب ما أعلنت X»: read by the preposition
            elif self._said_so(c, m) or self._as_credited(c, m):
                continue
            else:
                self._verb(c, m)
        self._headlines()
        return [q for q in self.quotes if len(q.content.text.split()) >= MIN_WORDS and not self._nested_topic(q)]

    def _cue_before(self, k: int) -> bool:
        """Is token ``k`` a cue that reads the words of a «قائلا/بالقول» right after it
        («وتابع قائلا:»)? Not a verb of commenting or closing, which leaves them to it."""
        found = self.lex.match(self.toks[k].key)
        return found is not None and not found.cue.colon_only

    def _said_by_later(self, c: int) -> bool:
        """Is there, after the verb at ``c`` and before a colon, a quotation mark or the
        sentence's end, a cue of saying that takes the verb's words («بقوله», «قائلا»)?"""
        toks = self.toks
        for k in range(c + 1, min(c + COMMENT_REACH, len(toks))):
            if toks[k].sent != toks[c].sent or toks[k].text == ":" or toks[k].text in QUOTE_CHARS:
                return False
            found = self.lex.match(toks[k].key)
            if found is not None and says_by(found.cue):
                return True
        return False

    def _headlines(self) -> None:
        """«الخالد: العمل ارتجالي!», «غانم السليطي: الفيلم قدم قضية حساسة»: a paragraph of its
        own that is a person's name, a colon and a few words is a feature's subheading quoting
        that person, whom the article names elsewhere (a dateline «الرياض: واس» or a byline
        names no person the article speaks of). The speaker is not made current: the cue after
        the subheading («مضيفاً:») goes on with the speaker before it."""
        toks, persons = self.toks, self.persons
        if not persons:
            return
        surnames: dict[str, list[int]] = {}
        for j in persons:
            surnames.setdefault(toks[j].key, []).append(j)
        paras, k = [], 0
        while k < len(toks):
            p0, p = k, toks[k].para
            while k < len(toks) and toks[k].para == p:
                k += 1
            paras.append((p0, k))
        for n, (p0, p1) in enumerate(paras):
            if toks[p1 - 1].text not in "!." and n + 1 < len(paras) and paras[n + 1][1] - paras[n + 1][0] <= 4 \
                    and toks[paras[n + 1][1] - 1].text == "!":
                p1 = paras[n + 1][1]  # «الخنين: المال سبب⏎النجاح والإخفاق!»: a subheading broken in two
            self._headline(p0, p1, surnames)

    def _headline(self, p0: int, p1: int, surnames: dict[str, list[int]]) -> None:
        toks = self.toks
        if p1 - p0 > HEADLINE_TOKENS:
            return
        colon = next((j for j in range(p0, p1) if toks[j].text == ":"), None)
        if colon is None or not 1 <= colon - p0 <= 3:
            return
        name = range(p0, colon)
        if not all(toks[j].is_word for j in name) or any(self.lex.match(toks[j].key) for j in name):
            return
        last = colon - 1
        if not any(j not in name for j in surnames.get(toks[last].key, ())):
            return  # the name must be a person the article speaks of
        end = p1
        while end > colon + 1 and toks[end - 1].text in "!.":
            end -= 1
        words = [toks[j] for j in range(colon + 1, end)]
        if not 2 <= sum(t.is_word for t in words) <= HEADLINE_WORDS or any(t.text in "؟?:" or t.text in QUOTE_CHARS for t in words):
            return
        a, b = toks[colon + 1].start, toks[end - 1].end
        if self._claimed(a) or any(q.content.start < b and a < q.content.end for q in self.quotes):
            return
        speaker = SpeakerPhrase(None, self.text[toks[p0].start:toks[last].end], toks[p0].start, toks[last].end,
                                UNKNOWN_GENDER, True)
        at = next((i for i, q in enumerate(self.quotes) if q.content.start > a), len(self.quotes))
        self.quotes.insert(at, Quote(kind="direct", content=Span(a, b, self.text[a:b]), speaker=speaker, cue=None))

    def _nested_topic(self, q: Quote) -> bool:
        """Is ``q`` a cue inside another quote's reported content whose object is a topic, not
        words of its own — no «أن», colon or quotation opens it, and no name is its speaker:
        «إلى أن العمادة تعلن عن حاجتها ...», «أن صاحب المحل أعلن تنازله عن ...», «أن إعلان
        القاهرة يؤكد حرص الزعيمين ...». The words are the outer speaker's."""
        if q.cue is None or q.kind != "indirect":
            return False
        if not any(p is not q and p.content.start <= q.cue.start < p.content.end for p in self.quotes):
            return False
        before = self.text[max(0, q.cue.start - 6):q.cue.start].split()
        after = self.text[q.cue.end:q.cue.end + 6].split()
        if self.text[q.cue.start - 1:q.cue.start] in "وف" and q.cue.start > 0 \
                or before and normalize_word(before[-1]) in ("كما", "وكما") \
                or after and normalize_word(after[0]) in IN_IT:
            return False  # a clause of its own: «كما دعوا لتسجيل احتجاج», «مذكرة ... يحذر فيها من»
        lead = self.text[q.cue.end:q.content.start].split()
        if lead and normalize_word(lead[-1].strip("«\"“:")) in THAT or self.text[q.content.start - 1:q.content.start] in QUOTE_CHARS:
            return False
        sp = q.speaker
        if sp is not None and sp.explicit and sp.start is not None:
            toks = [t.i for t in self.toks if sp.start <= t.start < sp.end]
            if any(i in self.reader.names or i in self.persons for i in toks):
                return False
        return True

    def _saying(self, c: int, m: CueMatch) -> None:
        """«بالقول» / «إلى القول» / «بقوله» after a verb that is no cue («وخلص القرشي إلى القول "..."»,
        «مكتفيا بالقول إن», «وختم المصدر حديثه بقوله:»): the words after it are the clause subject's or the current
        speaker's. After a cue («وتابع بالقول:») the cue has taken them already."""
        toks = self.toks
        if toks[c].key == "القول" and (c == 0 or toks[c - 1].key not in ("الي", "الى")):
            return  # («القول الفصل»)
        verb = c - 2 if toks[c].key == "القول" else c - 1
        if verb >= 0 and self._cue_before(verb):
            return
        s0 = self.sent_start[toks[c].sent]
        if any(toks[k].key in SCRIPTURE_MARKS for k in range(max(s0, c - SCRIPTURE_REACH), c + 2)):
            return  # «بقوله تعالى:», «التي أخبر سبحانه عن رفعة مكانتها بقوله:»: scripture cited, not reported
        intro = self.ext.introducer(m.cue, c)
        if intro is None or intro.how not in ("that", "colon", "quote"):
            return
        first = toks[s0].text.lstrip("وف")  # the sentence's verb carries the gender: «ومضت المصادر بالقول»
        gender = "f" if len(first) > 2 and first.endswith("ت") and s0 not in self.reader.names else m.cue.gender
        speaker = self._inherit(gender, c)
        if speaker is not None:
            self._emit(c, m, intro, speaker)

    def _describes_noun(self, c: int) -> bool:
        """Is the imperfect cue at ``c`` an adjective clause on the indefinite noun right
        before it — a noun in «ة» or a document («رسالة تقول», «دراسة حديثة تقول» is not read
        here, «خطوة إيجابية تؤكد», «بلاغ يفيد», «بيان يؤكد») — rather than a statement? A name,
        a title or a source («مصادر تقول») is the verb's subject instead."""
        if c == 0:
            return False
        b = c - 1
        t = self.toks[b]
        reader = self.reader
        if not t.is_word or t.sent != self.toks[c].sent or t.text.lstrip("وف").startswith("ال") \
                or b in reader.names or b in self.persons or b in self.places \
                or any(reader._is(cls, b) for cls in ("title", "institution", "citable", "time", "adverb", "opener")):
            return False
        key = t.key[1:] if t.key[:1] in "وف" and len(t.key) > 3 else t.key
        doc = self.lex.is_a("statement", key) or key.endswith("ا") and self.lex.is_a("statement", key[:-1])
        if reader._is("adjunct", b) and not doc:
            return False  # («بداية يرى الدكتور ...»: "first", an adverb)
        s0 = self.sent_start[self.toks[c].sent]
        if any(k == s0 or self._clause_edge(k - 1) for k in (b, b - 1) if k >= s0):
            return False  # «مصادر مطلعة تقول», «لكن جهات رسمية تؤكد»: a subject opening its clause
        a = c + 1
        if a < len(self.toks) and (a in reader.names or any(reader._is(cls, a) for cls in ("title", "citable", "institution"))
                                   or self.toks[a].key.endswith("ون") and len(self.toks[a].key) > 4):
            return False  # «في خطوة يقول منتقدون إن ...»: the verb has its own subject after it
        if self._that_after_phrase(c):
            return False  # «تكنولوجيات أمنية تقول جماعات الحقوق المدنية إنها»: likewise
        return (key.endswith("ه") and len(key) > 3 and key not in THAT) or doc

    def _clause_edge(self, k: int) -> bool:
        """Does token ``k`` close what comes before a new clause: punctuation, «لكن», «بينما»,
        «كما», an opener?"""
        t = self.toks[k]
        return not t.is_word or t.key in CLAUSE_OPENING or self.reader._is("opener", k)

    def _this_is_what(self, c: int, thus: bool = False) -> bool:
        """«"نحن سعداء تماما بالعودة"، هذا ما قاله جون ألكسندر»: the quotation just before
        «هذا/ذلك ما» + a saying verb with its object pronoun is the words of the subject that
        follows the verb; so is the quotation before «هكذا» + a saying verb (``thus``: «"...",
        هكذا يغرد أحد مناصري التنظيم»). True when a quote was read."""
        toks = self.toks
        v = c + 1
        if v >= len(toks):
            return False
        key = toks[v].key
        if thus:
            m = self.lex.match(key)
            if m is None or m.cue.pos not in ("perf", "impf") or m.cue.speaker != "after":
                return False
        else:
            stem = next((key[:-len(x)] for x in ("ه", "ها") if key.endswith(x) and len(key) > len(x) + 2), None)
            m = self.lex.match(stem) if stem else None
        subject = v + 1
        if m is None and v + 1 < len(toks) and toks[v + 1].key in ON_IT:
            m, subject = self.lex.match(key), v + 2  # «وهو ما أشار إليه X»
        if m is None or m.cue.pos != "perf" and not (m.cue.pos == "impf" and (thus or toks[c - 1].key in WHICH_IS)):
            return False  # («وهو ما يؤكده عبدالرحمن الربيعة، مضيفا»: the one who says it too, now)
        if not thus and toks[c - 1].key in WHICH_IS:
            self._which_is_what(v, subject, m)
            return False
        k = c - 1 if thus else c - 2
        while k >= 0 and toks[k].text in "،,":
            k -= 1
        opener = next((o for o, close in self.close_tok.items() if close == k and self.qspan_at[o].close is not None), None)
        if opener is None:
            return False
        rng = self.reader.forward(v + 1, min(v + 1 + MAX_PHRASE, len(toks)))
        if rng is None:
            return False
        a, b, _ = self._quoted(opener)
        if b <= a or self._claimed(a):
            return False
        self.claimed.append((a, b))
        self.consumed.add(v)
        speaker = self._explicit(rng, m.cue.gender, v)
        self.quotes.append(Quote(kind="direct", content=Span(a, b, self.text[a:b]), speaker=speaker,
                                 cue=Span(toks[v].start, toks[v].end, toks[v].text)))
        return True

    def _said_so(self, c: int, m: CueMatch) -> bool:
        """«أوضح ذلك مدير مكتب ...», «صرح بذلك الناطق الإعلامي ...» opening a sentence: the
        news agencies' closing attribution. What was said is the sentence before (the lead,
        told without a speaker), or, when the finder already read quotes there, those of them
        that found no speaker («وقد أكد أن ...» with no subject) are this speaker's."""
        toks, reader = self.toks, self.reader
        s = toks[c].sent
        if m.cue.pos != "perf" or self.sent_start.get(s) != c or c + 2 >= len(toks) \
                or toks[c + 1].key not in ("ذلك", "بذلك") or s - 1 not in self.sent_start:
            return False
        rng = reader.forward(c + 2, min(c + 2 + MAX_PHRASE, self.ext.para_last(c) + 1))
        if rng is None or not (any(k in reader.names for k in range(*rng)) or reader._is("title", rng[0])
                               or reader._is("institution", rng[0])):
            return False  # («وأكد ذلك الواقع»: no one)
        p0 = self.sent_start[s - 1]
        if toks[c].para - toks[p0].para > 1:
            return False
        speaker = self._explicit(rng, m.cue.gender, c)
        self.consumed.update(range(c + 1, rng[1]))
        para0 = toks[p0].start if toks[p0].para == toks[c].para else \
            next(t.start for t in toks[p0::-1] if t.i == 0 or toks[t.i - 1].para != toks[p0].para)
        earlier = [q for q in self.quotes if para0 <= q.content.start < toks[c].start]
        for q in earlier:
            if q.speaker is None:  # (one inherited stays: «وأشادت اللجنة ...، مؤكدة أن» is the committee's)
                q.speaker = speaker
        if any(q.content.end > toks[p0].start for q in earlier):
            return True
        a, b = self._range(p0, c)
        if b > a and not self._claimed(a):
            self.quotes.append(Quote(kind="indirect", content=Span(a, b, self.text[a:b]), speaker=speaker,
                                     cue=self._cue_span(c, m)))
        return True

    def _as_credited(self, c: int, m: CueMatch) -> bool:
        """«...، كما أعلنت السلطات المحلية.», «...، كما ذكرت مصادر عسكرية.»: a cue after «، كما»
        whose subject ends the sentence credits the clause before it, told without a speaker
        (the lead of a wire story). When the finder already read quotes there, those that found
        no speaker are this speaker's. True when the credit was read."""
        toks, reader = self.toks, self.reader
        if m.prefix or m.cue.pos != "perf" or m.cue.speaker != "after" or c < 3 \
                or toks[c - 1].key != "كما" or toks[c - 2].text not in "،," \
                or not self.lex.is_a("credit", normalize_word(m.cue.lemma)) or self.ext.introducer(m.cue, c) is not None:
            return False  # («، كما كشفت جوجل عزمها ...»: the cue's own content)
        s = toks[c].sent
        e = next((k for k in range(c + 1, min(c + CREDIT_REACH, len(toks))) if toks[k].sent != s), None)
        if e is None and c + CREDIT_REACH >= len(toks):
            e = len(toks)
        if e is None or toks[e - 1].text in "؟?!" or toks[e - 1].para != toks[c].para:
            return False  # a long sentence goes on; a question («كما قال المتنبي ...؟») is no credit
        stop = e - 1 if not toks[e - 1].is_word else e
        k = c + 1
        while k < stop and (reader._is("time", k) or toks[k].key in TIME_TAIL):
            k += 1  # «كما ذكرت الجمعة الماضي مصادر رسمية»
        rng = reader.forward(k, stop)
        if rng is None or toks[rng[0]].key[:1] in "بل" and not toks[rng[0]].key.startswith("ال") \
                or any(toks[k].text[:1].isdigit() or reader._is("objhead", k) for k in range(rng[0], stop)):
            return False  # («كما أوضحت توفيرا بنسبة 45.5», «أعلنت البلاد الحداد لمدة 3 أيام», «كشفت جوجل عزمها»: an object)
        end = next((k for k in range(rng[0] + 1, rng[1]) if reader._is("time", k) or toks[k].key in TIME_TAIL), rng[1])
        rng = rng[0], end  # «الاستخبارات الأفغانية الأسبوع الماضي»: the time is no part of the name
        if any(self.lex.match(toks[k].key) or toks[k].key in THAT for k in range(rng[1], stop)):
            return False  # another cue or a reported clause after the subject
        s0 = self.sent_start[s]
        first = s0 + 1 if toks[s0].key in CLAUSE_OPENING else s0  # «كما تواصلت المواجهات ...»
        a, b = self._range(first, c - 2)
        if b - a < 8 or len(self.text[a:b].split()) < MIN_NOMINAL_WORDS or self._claimed(a):
            return False
        speaker = self._explicit(rng, m.cue.gender, c)
        self.consumed.update(range(c + 1, rng[1]))
        earlier = [q for q in self.quotes if q.content.end > a and q.content.start < b]
        for q in earlier:
            if q.speaker is None:
                q.speaker = speaker
        if not earlier:
            self.quotes.append(Quote(kind="indirect", content=Span(a, b, self.text[a:b]), speaker=speaker,
                                     cue=self._cue_span(c, m)))
        return True

    def _which_is_what(self, v: int, subject: int, m: CueMatch) -> None:
        """«وأكد كيري أنه أجرى محادثات صريحة، وهو ما أكده شكري بدوره، قائلا إن ...»: the one
        who says it too (a name or a title after the verb) becomes the current speaker, whom
        the participles after it refer to; the clause before is the first speaker's words."""
        rng = self.reader.forward(subject, min(subject + MAX_PHRASE, len(self.toks)))
        reader = self.reader
        if rng is None or not (any(k in reader.names for k in range(*rng)) or reader._is("title", rng[0])
                               or reader._is("institution", rng[0])):
            return  # («وهو ما أكده الواقع»: no one)
        rng = self._bare_subject(rng) or rng
        rng = self._past_prep(rng, min(subject + MAX_PHRASE, self.ext.para_last(subject) + 1), inside=True)
        first = next((k for k in range(*rng) if k in reader.names), rng[0])
        if not reader._is("title", rng[0]) and not reader._is("institution", rng[0]):
            rng = first, rng[1]  # «علي القحوم» with «القحوم» alone tagged: the name, not a word before it
        a, b = self.toks[rng[0]].start, self.toks[rng[1] - 1].end
        self.consumed.add(v)
        self.tracker.add(Candidate(self.text[a:b], a, b, m.cue.gender, self.toks[v].para))

    def _claimed(self, off: int) -> bool:
        return any(a <= off < b for a, b in self.claimed)

    # ------------------------------------------------------------------ verbs
    def _verb(self, c: int, m: CueMatch) -> None:
        cue = m.cue
        intro = self.ext.introducer(cue, c)
        explicit = self._subject(c, m, intro)
        if explicit == "skip":
            return
        toks = self.toks
        if intro is not None and any(self.reader._is("prayer", k) and not self.reader._is("theophoric", k - 1)
                                     for k in range(c + 1, intro.at)):
            return  # «داعياً الله أن ...»: a prayer, not a statement («ولي الله سيف» is a name)
        if cue.pos == "noun" and (intro is None or intro.how != "that" or intro.at - c > NOUN_REACH
                                  or self.reader.is_prep(intro.at - 1, strip_prefix=True)):
            return  # «إعلان حالة الطوارئ بعد أن ...»: a noun reports words only with its own «أن»
        if explicit and intro is not None:
            explicit = self._original_source(explicit, intro.at)
        if explicit and intro is None:
            explicit = self._bare_subject(explicit)  # no content: the phrase may run into the object
        if explicit:
            named = cue.pos == "noun" and any(k in self.persons for k in range(*explicit))
            speaker = self._explicit(explicit, UNKNOWN_GENDER if named else cue.gender, c)  # «تأكيد أوباما»
        else:
            if cue.pos == "impf" and (intro is None or intro.how == "that") and not self._narrating(c, m, intro) \
                    and not self.reader._is("butpronoun", c - 1, strip_prefix=False):
                return  # «ويذكر أن ...»: the journalist, not a speaker («لكنه يقول إن»: he)
            speaker = self._inherit(cue.gender, c)
        if intro is not None:
            obj = takes_object(cue, intro)
            first = (explicit[1] if explicit else c + 1) if obj else None
            if first is not None and first < len(toks) and absorbed(self.lex.match(toks[first].key) and
                                                                   self.lex.match(toks[first].key).cue):
                first += 1
            if intro.how == "nominal" and (cue.lemma in DEMANDS or obj):  # «اتهم X اردوغان بشن ...»
                first = self._addressee(max(explicit[1], c + 1) if explicit else c + 1, intro.at)
                if first is None and "OBJ+بمثابة" in cue.complement:
                    return  # «واعتبر انجل الاتفاق بمثابة ...» with the object read into the speaker
            self._emit(c, m, intro, speaker, object_first=first)

    def _narrating(self, c: int, m: CueMatch, intro: Optional[Intro]) -> bool:
        """Does a subject-less imperfect at ``c`` go on the current speaker's words («ويضيف أن
        ...», «وتقول إن ...», «حيث تقول، إن», «يقولون إن») rather than speak for the journalist
        («ويذكر أن», «وتبين أن»: class impersonal) or stand in a clause of its own («الدراسات
        تؤكد أن», «وهناك من يقول»)? It opens its clause with «و/ف» or «حيث» (a plural needs
        neither: it cannot be impersonal), the «أن» follows at once or after a preposition or
        adverb (not a noun, which is its subject: «ويشير تقديم النصح ... إلى أن»), with no comma
        before it but right before «إن»."""
        if intro is None or self.lex.impersonal(m.cue):
            return False
        toks = self.toks
        if not (m.prefix or m.cue.gender == "-" or (c > 0 and toks[c - 1].key == "حيث")):
            return False
        if any(toks[k].text in "،," for k in range(c + 1, intro.at - 1)):
            return False
        k = c + 1
        return k >= intro.at or not toks[k].is_word or self.reader.is_prep(k) or toks[k].key in THAT \
            or self.reader._is("adverb", k) or self.reader._is("time", k) \
            or (toks[k].key[:1] == "ب" and len(toks[k].key) > 3)

    def _addressee(self, k: int, at: int) -> Optional[int]:
        """The first token of whom a demand is made of, between its speaker (or cue) and the
        preposition of the demand at ``at`` («طالب البيان المجتمع الدولي بتحمل مسؤولياته»,
        «داعيا الكونغرس ... إلى عدم عرقلة النص»: the guidelines' content starts there). None
        when nothing stands between, or what does is not plainly a noun phrase: an adjunct
        («في ختام بيانها»), a relative clause («الذي أعفى ...»), an aside between commas, or
        more than a dozen words."""
        toks, reader = self.toks, self.reader
        while k < at:
            if not toks[k].is_word or reader._is("time", k) or reader._is("adverb", k):
                k += 1
            elif toks[k].key == "في" and k + 1 < at and k + 1 not in reader.names and reader.adjunct_noun(k + 1):
                k += 2  # «ودعا البرزاني في بيانه حزب العمال لإبعاد ...»
            else:
                break
        if k >= at or at - k > ADDRESSEE_REACH or reader.is_prep(k, strip_prefix=True) or toks[k].key in PARTICLES:
            return None
        if reader._is("relative", k, strip_prefix=False) or toks[k].key in ("ممن", "من") \
                or any(toks[i].text in "،,()" for i in range(k, at)):
            return None  # («الاتحاد الأوروبي الذي أعفى ...» belongs to the speaker; an aside between commas)
        return k

    def _but_pronoun(self, c: int, sent0: int) -> bool:
        """Does «لكنه/ولكنها» (and «قد/لم/لا/لن») stand right before the cue at ``c``?"""
        b = c - 1
        while b > sent0 and (self.toks[b].key == "قد" or self.reader._is("negation", b, strip_prefix=False)):
            b -= 1
        return b >= 0 and self.reader._is("butpronoun", b, strip_prefix=False)

    def _subject(self, c: int, m: CueMatch, intro: Optional[Intro]):
        """Token range of the cue's explicit subject, None (inherit) or "skip" (no quote)."""
        cue = m.cue
        if cue.speaker == "inherit":
            return None
        status, rng, rel = "initial", None, None
        sent0 = self.sent_start[self.toks[c].sent]
        if m.prefix == "ف":
            topic = self._amma_topic(sent0, c)
            if topic is not None:
                return topic  # «أما فريدي فريد، مدير الفندق، فذكر أن»: the topic speaks
        issuer = self._issuer(c, sent0)
        if issuer is not None:
            return issuer
        if self._but_pronoun(c, sent0):  # «لكنه اعتبر أن»: the pronoun speaks, who spoke before
            return None  # (a negated cue, «لكنه لم يذكر», never gets here: see run)
        if c > 0 and self.toks[c - 1].key in THAT_HE:
            return None  # «ولفت أبا الخيل إلى أنه يعتبر الجماعات ...»: «أنه» is the subject, what follows the object
        if not m.prefix:
            rel = self._relative_subject(c, m, intro)
            if rel is None:
                status, rng = self.reader.backward(c, sent0)
            elif rel == "skip":
                return "skip"
            elif rel != "after":
                return rel
        if not m.prefix and rel is None:
            if status in ("nonspeaker", "invalid") or (intro is None and status != "initial"):
                return "skip"  # without content, only a clause-initial verb names a speaker
            if status == "subject" and not self._heading(rng, c, m, intro):
                return rng  # SVO: a noun phrase after the verb is then its object
        stop = intro.at if intro else min(c + 16, self.ext.para_last(c) + 1)
        obj = takes_object(cue, intro)
        fwd = self.reader.forward(c + 1, stop, obj_split=obj or cue.lemma in DEMANDS)  # («ودعا مدني المجتمع الدولي إلى»)
        if fwd is None and intro is not None and status != "held":
            p = self._past_complement(c + 1, stop)  # «ويجيب عن هذا السؤال أحمد الوايل:»
            if p is not None and self._other_gender(p, stop, cue.gender):
                p = None  # «وقالت إثر لقائها بالرئيس التونسي الباجي قائد السبسي إن»: whom she met
            fwd = self.reader.forward(p, stop) if p is not None else None
        if fwd and cue.pos == "perf" and cue.gender == "-" and self.toks[c].key.endswith(("وا", "ا", "تا")) \
                and cue.lemma != "جاء":
            fwd = None  # «وطالبوا المجتمع الدولي بـ»: a verb before its subject is singular, so a plural
            # or dual verb carries its subject and the noun after it is its object
        if status == "held":  # «كما سيعقد اجتماعا مع نظيريه ... يقول مسؤولون أميركيون إنه»: VSO first
            return fwd if fwd and not self.reader._is("nonspeaker", fwd[0]) else rng
        if fwd and cue.lemma in DEMANDS and (self.toks[fwd[0]].key in EVERYONE
                                             or self.reader._is("demanded", fwd[0], strip_prefix=False)):
            fwd = None  # «وحث جميع الأطراف على», «ودعا الشباب إلى»: whom the demand is made of
        elif fwd and cue.lemma in DEMANDS and fwd[1] - fwd[0] > 2 and self.reader._is("demanded", fwd[0] + 1, strip_prefix=False) \
                and not any(self.reader._is(cls, fwd[0]) for cls in ("title", "institution", "nonsource")):
            fwd = fwd[0], fwd[0] + 1  # «ودعا مدني المجتمع الدولي إلى»: a one-word speaker, then the addressee
            # (the tagger's «المجتمع الدولي» kept the phrase whole; «اتحاد الشباب» is an institution)
        elif fwd and cue.lemma in DEMANDS and fwd[1] - fwd[0] > 2:
            told = next((k for k in range(fwd[0] + 2, fwd[1]) if self.reader._is("demanded", k, strip_prefix=False)
                         and k not in self.reader.names and self.toks[k - 1].key.startswith("ال")), None)
            if told is not None:
                fwd = fwd[0], told  # «وناشد الرئيس اليمني المجتمع الدولي بـ»: the speaker ends at the addressee
        if fwd and cue.lemma in DEMANDS and any(self.toks[k].key in EVERYONE for k in range(fwd[0] + 1, fwd[1])):
            fwd = fwd[0], next(k for k in range(fwd[0] + 1, fwd[1]) if self.toks[k].key in EVERYONE)
            # «وطالبت الوزارة كافة الدول ... بالتصدي»: the speaker ends where whom it asks begins
        if fwd and cue.gender == "f" and cue.lemma in DEMANDS:
            # a feminine verb has no masculine subject: «ودعت المجتمع الدولي إلى» has its speaker
            # before it, «ودعت القيادة الفلسطينية المجتمع الدولي» ends its speaker at the addressee
            told = next((k for k in range(*fwd) if self.reader._is("masculine", k, strip_prefix=False)), None)
            if told == fwd[0]:
                fwd = None
            elif told is not None:
                fwd = fwd[0], told
        if fwd and obj and self.reader._is("demonstrative", fwd[0], strip_prefix=False):
            fwd = None  # «كما وصف هذا النوع من الحروب بـ"الخطير"», «ووصف هذه الحرب بأنها»: what is described
        if fwd and obj and not self._split_object(fwd, stop):
            fwd = None  # «ووصف الوضع ... بأنه»: no subject after the verb, only its object
        if fwd:
            fwd = self._past_prep(fwd, stop)  # «قال النائب عن اسطنبول مراد اوزشليك إن»
        if fwd and self.reader._is("nonspeaker", fwd[0]):
            return "skip"
        if fwd:
            return fwd
        if status == "after_prep":
            return self.reader.asked(sent0, c)
        return None

    def _heading(self, rng: tuple[int, int], c: int, m: CueMatch, intro: Optional[Intro]) -> bool:
        """Is the phrase ``rng`` before the verb at ``c`` no subject, because a person the
        tagger found follows the verb as its subject (VSO)? Only for a phrase that holds no
        name, title, institution or place — a heading run into the sentence («توزيع صعب قال
        بوريس راجز، رئيس ...: «...»») or an adverbial —, and a cue that takes no object
        (after «اتهم», «دعا» the person after the verb is whom it is about)."""
        cue = m.cue
        if intro is None or intro.how not in ("that", "colon", "quote") or "OBJ" in cue.complement \
                or cue.lemma in DEMANDS:
            return False
        reader = self.reader
        if any(k in reader.names or k in self.places for k in range(*rng)) \
                or any(reader._is(cls, rng[0]) for cls in ("title", "institution", "citable", "quantity", "pronominal")):
            return False
        k = c + 1
        while k < intro.at and (reader._is("title", k) or self.toks[k].text == "."
                                or len(self.toks[k].key) == 1 and self.toks[k].is_word):
            k += 1  # «قال الدكتور ...», «قال د. ...»
        return k < intro.at and self.persons.get(k) == k or self._subject_between(c, m, intro)

    def _that_after_phrase(self, c: int) -> bool:
        """Does «إن» follow the imperfect cue at ``c`` after a short phrase of words (its
        subject, see ``_subject_between``)?"""
        toks, reader = self.toks, self.reader
        if c + 1 >= len(toks) or not toks[c + 1].is_word or reader.is_prep(c + 1, strip_prefix=True) \
                or toks[c + 1].key in THAT:
            return False
        for k in range(c + 2, min(len(toks), c + 2 + SUBJECT_BETWEEN)):
            if toks[k].key in THAT:
                return toks[k].text.lstrip("وف")[:1] == "إ"
            if not toks[k].is_word or reader._is("firstperson", k):
                return False
        return False

    def _subject_between(self, c: int, m: CueMatch, intro: Intro) -> bool:
        """Does a short noun phrase stand between an imperfect cue and its «إن» («تكنولوجيات
        أمنية تقول جماعات الحقوق المدنية إنها تعرض ...»)? A verb of saying takes no object
        before its clause, so the phrase is its subject and the noun before the verb the
        clause's topic (a relative clause with no pronoun). Not for an addressee or an adjunct
        («يقول لنا إن», «يقول فيها إن»)."""
        reader, toks = self.reader, self.toks
        if intro.how != "that" or m.cue.pos != "impf" or not c + 1 < intro.at <= c + 1 + SUBJECT_BETWEEN:
            return False
        if any(not toks[k].is_word or reader._is("firstperson", k) for k in range(c + 1, intro.at)):
            return False
        return not (reader.is_prep(c + 1, strip_prefix=True) or reader._is("nonspeaker", c + 1)
                    or reader._is("time", c + 1) or reader._is("adverb", c + 1) or toks[c + 1].key in PARTICLES)

    def _relative_subject(self, c: int, m: CueMatch, intro: Optional[Intro]):
        """The subject of a cue in a relative clause («علي سعيد الذي أشار إلى أن», «مقالة عام
        2013، التي قال فيها ...»): the name the relative pronoun refers to when it agrees with
        the cue («علي جابر المدير العام لمجموعة MBC الذي قال»: the person before the body he
        heads); "after" when they disagree, so the verb has a subject of its own, after it or
        the current speaker, and the antecedent is its object; "skip" for a cue without words
        of its own or an antecedent that is no name («المحكمة التي رأت», «الكثيرين الذين
        رأوا», «الأمر الذي قال إنه»: a body, a crowd or a pronoun); None when the cue opens
        no relative clause."""
        toks = self.toks
        r = c - 1
        while r > 0 and toks[r].key in PARTICLES:
            r -= 1
        rel = RELATIVE_GENDER.get(toks[r].key) if r > 0 else None
        if rel is None:
            return None
        if intro is None or intro.how not in ("that", "colon", "quote") or m.cue.pos == "impf":
            return "skip"  # («الموضع الذي ترجح أن تكون الطائرة سقطت فيه»: "is thought")
        if r > 1 and toks[r - 1].key == "الوقت" and toks[r - 2].key == "في":
            return "after"  # «في الوقت الذي أكد فيه مدير الشرطة أن»: "while", its subject after the verb
        if m.cue.gender != rel and "-" not in (m.cue.gender, rel):
            return "after"  # «مقالة ... التي قال», «تلك المناطق التي قال»
        a = r - 1
        if a > 0 and toks[a].text in "،,":
            a -= 1  # «السيسي، الذي أكد»
        names = self.reader.names
        if a not in names:
            return "skip"
        first = names[a]
        before = toks[first - 1] if first > 0 else None
        if before is not None and (self.reader.is_prep(first - 1, strip_prefix=True)
                                   or before.key[:1] in ("ل", "ب") and len(before.key) > 3 and first - 1 not in names):
            person = next((k for k in range(first - 2, max(first - 10, 0), -1) if k in self.persons), None)
            if person is None:
                return "skip"  # «لمجموعة MBC الذي»: a body behind a preposition, whose head is unnamed
            return self.persons[person], person + 1
        return first, a + 1

    def _issuer(self, c: int, sent0: int) -> Optional[tuple[int, int]]:
        """«أصدر النادي البرتغالي بورتو بياناً أكد فيه أن», «ألقى الدكتور عبد الله العقيل كلمة
        أوضح فيها»: a cue followed by «فيه/فيها» right after a statement noun tells what that
        statement said; its speaker is the one who issued it, the nearest name before in the
        clause that is no preposition's object. None — the usual reading — when a name follows
        as the subject, the statement is someone's («تصريحاته التي أكد فيها»), the clause is
        cut by a comma, or the issuer is a preposition's object («مقابلة مع أبي مالك ... قال
        فيها» names whom the reporter asked)."""
        toks, names, reader = self.toks, self.reader.names, self.reader
        if c + 1 >= len(toks) or toks[c + 1].key not in IN_IT:
            return None
        noun = next((k for k in range(c - 1, max(sent0, c - 4) - 1, -1)  # past adjectives and «التي»:
                     if self._statement_noun(k) is not None), None)    # «بياناً رسمياً أكد فيه»
        if noun is None:
            return self._far_sender(c, sent0)
        if not self._statement_noun(noun):
            return None
        after = reader.forward(c + 2, min(c + 2 + ISSUER_REACH, len(toks)))
        if after and any(k in names for k in range(*after)):
            return None  # «أصدرت الوزارة بياناً أكد فيه الوزير خالد الفالح»: the subject follows
        sender = self._sender(noun, c)
        if sender is not None:
            return sender  # «تلقى الأمير محمد بن نايف اتصالاً هاتفياً اليوم من الشيخ سيف بن زايد ... أعرب فيه»
        for k in range(noun - 1, max(sent0, c - ISSUER_REACH) - 1, -1):
            if toks[k].text in "،,:؛;" or self.lex.match(toks[k].key):
                return None  # «بطرحه عدة تساؤلات، قال فيها»: the issuer is further off
            if k in names:
                first = names[k]
                if first > sent0 and (reader.is_prep(first - 1, strip_prefix=True) or toks[first - 1].key in ("مع", "ومع")):
                    return None
                return first, k + 1
        return None

    def _far_sender(self, c: int, sent0: int) -> Optional[tuple[int, int]]:
        """«تلقى خادم الحرمين الشريفين ... اتصالا هاتفيا اليوم من جلالة الملك حمد بن عيسى آل
        خليفة ملك مملكة البحرين أعرب فيه»: a call noun further back than the adjectives of
        ``_issuer``, whose caller's phrase (``_sender``) runs up to the cue with no punctuation
        or other cue between, names the one who spoke in it; else None."""
        toks = self.toks
        for k in range(c - 1, max(sent0, c - SENDER_REACH) - 1, -1):
            if toks[k].text in "،,:؛;." or k < c - 1 and self.lex.match(toks[k].key):
                return None
            if self._statement_noun(k):
                return self._sender(k, c)
        return None

    def _sender(self, noun: int, c: int) -> Optional[tuple[int, int]]:
        """The one a call, cable or letter came from, named after «من» between the statement
        noun at ``noun`` and the cue at ``c`` («تلقى X اتصالاً هاتفياً اليوم من الشيخ سيف بن زايد
        آل نهيان نائب رئيس مجلس الوزراء ...، أعرب فيه»): the caller speaks, not who took the
        call. The phrase after «من» up to the cue, when a name is in it; else None."""
        toks, names = self.toks, self.reader.names
        for k in range(noun + 1, min(c, noun + 5)):
            if toks[k].text in "،,:؛;.":
                return None
            if toks[k].key == "من":
                rng = self.reader.forward(k + 1, c)
                if rng and any(i in names for i in range(*rng)):
                    return rng
                return None
        return None

    def _statement_noun(self, k: int) -> Optional[bool]:
        """Is token ``k`` a statement noun («بياناً», «الكلمة»)? False for one with a possessive
        («تصريحاته»: his, whoever he is), None for any other word."""
        key = self.toks[k].key
        key = key[2:] if key.startswith("ال") else key
        for form in (key, key[:-1] if key.endswith("ا") else None):
            if form and self.lex.is_a("statement", form):
                return True
        for suffix in ("ه", "ها", "هم", "هما"):
            stem = key[:-len(suffix)] if key.endswith(suffix) else None
            if stem and (self.lex.is_a("statement", stem) or self.lex.is_a("statement", stem[:-1] + "ه")):
                return False
        return None

    def _amma_topic(self, sent0: int, c: int) -> Optional[tuple[int, int]]:
        """The topic of «أما X، ف...» when the cue at ``c`` carries that «ف»: the phrase after
        «أما» up to its first comma (an apposition after the comma is the topic's too)."""
        toks = self.toks
        a = next((k for k in range(sent0, c) if toks[k].key == "اما"), None)
        if a is None or a + 1 >= c:
            return None
        end = next((k for k in range(a + 1, c) if toks[k].text in "،,"), c)
        return self.reader.forward(a + 1, end)

    def _bare_subject(self, rng: tuple[int, int]) -> Optional[tuple[int, int]]:
        """The subject of a cue without content, remembered for the cues after it: up to the
        end of the first name the tagger found in it, else the phrase if it is short («ولم
        يستبعد المصدر حصول انشقاقات ...» names no one to remember)."""
        names = self.reader.names
        for k in range(rng[0], rng[1]):
            if k in names:
                end = k
                while end + 1 < rng[1] and end + 1 in names and names[end + 1] == names[k]:
                    end += 1
                if self.reader._is("title", rng[0]) and (k not in self.persons or self.reader._is("title", k)):
                    end = self._titled_person(end + 1, rng[1]) or end
                return rng[0], end + 1
        return rng if rng[1] - rng[0] <= BARE_SUBJECT else None

    def _past_prep(self, rng: tuple[int, int], stop: int, inside: bool = False) -> tuple[int, int]:
        """A title phrase ending at a preposition (``inside``: holding one), extended to the
        person it goes on to name before ``stop`` (``_chain_person``), else as it is."""
        reader = self.reader
        if not reader._is("title", rng[0]):
            return rng
        first = rng[0] + 1 if inside else rng[1]
        p = next((k for k in range(first, min(rng[1] + 1, stop)) if reader.is_prep(k, strip_prefix=True)), None)
        if p is not None:
            end = self._chain_person(p + 1, stop)
            if end is not None and end + 1 >= rng[1]:
                return rng[0], end + 1
        return rng

    def _chain_person(self, k: int, j: int) -> Optional[int]:
        """The last token of the person a title goes on to name past a preposition's phrase
        («ويرى عضو التحالف الوطني النائب عن كتلة الأحرار ... في البرلمان حاكم الزاملي أن», «قال
        النائب عن الحزب الديمقراطي، في برلمان الإقليم، بشار مشير، لـ»): the person must stand
        in apposition (not behind a preposition, «أمام» or «مع») within a dozen tokens, before
        any adjunct, time word, addressee, verbal noun or cue; a person behind a preposition is
        passed over when a name follows in apposition after a comma («محافظ عدن المعين من
        الرئيس هادي، نايف البكري»); else None."""
        toks, reader = self.toks, self.reader
        behind = False  # a person behind a preposition was passed: the next must follow a comma
        for i in range(k, min(j, k + ADDRESSEE_REACH)):
            if i in self.persons and self.persons[i] == i:
                end = i
                while end + 1 < j and self.persons.get(end + 1) == i:
                    end += 1
                t = i - 1
                while t >= k and reader._is("title", t):
                    t -= 1  # «من الرئيس هادي»
                if reader.is_prep(t, strip_prefix=True) and not self._completes_noun(k, i):
                    behind = True  # «محافظ عدن المعين من الرئيس هادي، نايف البكري»: who appointed him
                    continue
                if toks[i - 1].key in ("مع", "امام") or self._completes_noun(k, i) \
                        or (behind and toks[i - 1].text not in "،,"):
                    return None
                return end
            if toks[i].key in THAT or toks[i].text in QUOTE_CHARS or toks[i].text in ":؛;." \
                    or reader.adjunct_noun(i) or reader._is("time", i) or reader.is_media(i) \
                    or reader._is("objhead", i, strip_prefix=False) or self.lex.match(toks[i].key):
                return None
        return None

    def _titled_person(self, k: int, j: int) -> Optional[int]:
        """The last token of the person a title chain goes on to name after the body it
        heads («أعلن رئيس النادي الأدبي الثقافي بمنطقة الباحة الشاعر حسن الزهراني موعد
        ...», «أعلن رئيس نادي الشباب المكلف عبدالله القريني ترشحه», the title tagged as a
        person): the office-holder, not the body nor the title, is the subject. None when a verbal noun, an accusative or a comma comes
        first (the object has begun)."""
        toks, reader = self.toks, self.reader
        for i in range(k, j):
            if i in self.persons:
                end = i
                while end + 1 < j and self.persons.get(end + 1) == self.persons[i]:
                    end += 1
                return end
            if toks[i].text in "،," and i + 1 < j and self.persons.get(i + 1) == i + 1:
                continue  # «محافظ عدن رئيس مجلس المقاومة في المحافظة، نايف البكري»: in apposition
            if not toks[i].is_word or reader._is("objhead", i, strip_prefix=False) or reader.accusative_participle(i):
                return None
        return None

    def _original_source(self, rng: tuple[int, int], stop: int) -> tuple[int, int]:
        """«وأفادت وكالة الأنباء نقلا عن مصدر أمني أن ...»: the outlet passes on the words of
        the source after «نقلا عن», who is the speaker."""
        toks = self.toks
        for k in range(rng[1], min(stop, rng[1] + 4)):
            if toks[k].key.endswith("نقلا") and k + 1 < stop and toks[k + 1].key == "عن":
                sub = self.reader.forward(k + 2, stop)
                return sub if sub is not None else rng
        return rng

    def _split_object(self, rng: tuple[int, int], stop: int) -> bool:
        """For a verb with an object (وصف، اتهم): does ``rng`` hold a subject? Yes when the
        phrase was cut before a definite noun («ووصف بوتين الذكرى»), or starts with a name or
        a title; a lone definite noun is the object («ووصف الوضع»)."""
        i, j = rng
        toks = self.toks
        if j < stop and toks[j].key.startswith("ال") and toks[j - 1].is_word:
            return True
        return not toks[i].key.startswith("ال") or self.reader._is("title", i)

    def _explicit(self, rng: tuple[int, int], gender: str, c: int) -> SpeakerPhrase:
        """Speaker from a phrase; a document («وأضاف البيان») speaks for its issuer."""
        i, j = rng
        toks = self.toks
        if self.reader._is("document", i, strip_prefix=False):
            if j < len(toks) and toks[j].key == "عن" and toks[j - 1].key in ("صدر", "الصادر", "صادر"):
                sub = self.reader.forward(j + 1, min(j + 10, len(toks)))
                if sub:
                    j = sub[1]
            for k in range(i, j - 1):
                if toks[k].key in ("صدر", "الصادر", "صادر") and toks[k + 1].key == "عن":
                    sub = self.reader.trim(k + 2, j)
                    if sub:
                        i, j = sub
                        break
            else:
                if toks[i].key.startswith("ال"):
                    prev = self.tracker.pick("-", toks[c].para)
                    if prev is not None:
                        self.tracker.add(Candidate(prev.text, prev.start, prev.end, gender, toks[c].para, said=prev.said))
                        return SpeakerPhrase(None, prev.text, prev.start, prev.end, gender, False, said=prev.said)
        start, end = toks[i].start, toks[j - 1].end
        phrase = self.text[start:end]
        said = self._said(i, j)
        if not self.reader._is("scripture", i):  # «قال رسول الله ﷺ» is cited, not the article's speaker
            self.tracker.add(Candidate(phrase, start, end, gender, toks[c].para, said=said))
        return SpeakerPhrase(None, phrase, start, end, gender, True, said=said)

    def _said(self, i: int, j: int) -> Optional[int]:
        """Where the speaker phrase ``[i, j)`` ends as reported, when a comma in it opens no
        apposition (``PhraseReader.apposed_end``); None when it is whole."""
        k = self.reader.apposed_end(i, j)
        return self.toks[k - 1].end if k < j else None  # («“تويتر”، مقربة»: the closing mark stays)

    def _inherit(self, gender: str, c: int) -> Optional[SpeakerPhrase]:
        """The current speaker for a subject-less cue. A sentence that opened with another
        verb and its subject («وعبّر الجاسر عن سعادته، وقال:») lends that subject when no
        speaker was named since; with no speaker yet, so do the sentences just before."""
        toks = self.toks
        para = toks[c].para
        s0 = self.sent_start[toks[c].sent]
        cand = self.tracker.pick(gender, para)
        guess = self._clause_subject(s0, c)
        if guess is None or not any(k in self.persons for k in range(*guess)):
            guess = self._sentence_person(s0, c, gender) or guess  # a person named in it before a non-human subject
        if self.quotes and self.quotes[-1].cue is not None and self.quotes[-1].cue.start >= toks[s0].start:
            guess = None  # «وأشار إلى أن ...، مؤكدا»: the sentence's own cue already named its speaker
        if guess is None and cand is None:
            for s in range(toks[c].sent - 1, max(toks[c].sent - 3, -1), -1):
                if s in self.sent_start and para - toks[self.sent_start[s]].para <= 1:
                    if gender == "f":  # «زيارة قامت بها أورسولا فون ديرليان وزيرة الدفاع ... . وقالت»
                        guess = self._woman_named(self.sent_start[s], self.sent_start.get(s + 1, c))
                        if guess:
                            break
                    guess = self._clause_subject(self.sent_start[s], self.sent_start.get(s + 1, c))
                    if guess:
                        break
        if guess is None and cand is None:
            guess = self._earlier_person(c, gender)
        if guess is None and cand is not None and c == s0:
            guess = self._previous_person(c, gender, cand)  # «وانتقل حاكم لويزيانا بوبي جيندال ... . وقال:»
        if guess is not None:
            guess = self._definite_head(guess)  # «ووثق التقرير وفاة 368 شخصاً»: «التقرير», not its object
        if guess is not None and cand is not None and not self._speaker_like(guess):
            guess = None  # «وأرجع تأخر البعض منهم ...، مبينا»: the verb's object, not a new speaker
        if guess is not None and (cand is None or cand.start < toks[s0].start):
            a, b = toks[guess[0]].start, toks[guess[1] - 1].end
            cand = Candidate(self.text[a:b], a, b, gender, para, source="mention", said=self._said(*guess))
        if cand is None:
            return None
        self.tracker.add(Candidate(cand.text, cand.start, cand.end, cand.gender, para, said=cand.said))
        return SpeakerPhrase(cand.entity, cand.text, cand.start, cand.end, cand.gender, False, said=cand.said)

    def _earlier_person(self, c: int, gender: str) -> Optional[tuple[int, int]]:
        """With no speaker yet and no subject in the sentences before, the person those
        sentences name heading a phrase of their own («من جهته بيّن مدير عام الهيئة ... المهندس
        محمد العمرة أن ... .⏎وأضاف أن ...»: a verb the lexicon does not read, or a layout
        it missed, named him): a speaker the article has introduced, not none."""
        toks = self.toks
        para = toks[c].para
        for s in range(toks[c].sent - 1, max(toks[c].sent - 4, -1), -1):
            if s not in self.sent_start or para - toks[self.sent_start[s]].para > 1:
                break
            found = self._sentence_person(self.sent_start[s], self.sent_start.get(s + 1, c), gender)
            if found and gender == "f" and self.person_gender.get(found[0]) != "f":
                found = self._her_title(found)
                if found is None:
                    return None  # («قائلةً» after a man the tagger gave no gender: a woman not named)
            if found:
                return found
        return None

    def _her_title(self, found: tuple[int, int]) -> Optional[tuple[int, int]]:
        """A name the tagger gave no gender, followed at once by a woman's title it tagged
        apart («أورسولا فون ديرليان وزيرة الدفاع الألمانية»): the name with the title, else None."""
        title = found[1]
        if self.persons.get(title) != title or self.person_gender.get(title) != "f":
            return None
        end = title
        while self.persons.get(end + 1) == title:
            end += 1
        return found[0], end + 1

    def _woman_named(self, s0: int, s1: int) -> Optional[tuple[int, int]]:
        """The first woman named in the sentence ``[s0, s1)`` heading a phrase of her own (a
        feminine person, or a name with her title after it), else None."""
        found = self._sentence_person(s0, s1, "f")
        if found is not None and self.person_gender.get(found[0]) != "f":
            found = self._her_title(found)
        return found

    def _clause_subject(self, s0: int, c: int) -> Optional[tuple[int, int]]:
        """The subject of the sentence opening at ``s0`` with «و/ف» + a verb (``PhraseReader.
        clause_subject``), also when the verb's prepositional complement comes first («وتحدث
        عن تلك الأزمة لـ«الشرق الأوسط» الإعلامي السعودي مزيد السبيعي، ...»)."""
        rng = self.reader.clause_subject(s0, c)
        if rng is not None and self.toks[s0].key in RECEIVED:
            # «وتلقى الأمير محمد بن نايف اتصالاً هاتفياً اليوم من الشيخ محمد الخالد ... . وعبر عن
            # عزائه»: who called speaks on, not who took the call
            noun = next((k for k in range(rng[1], min(rng[1] + 3, c)) if self._statement_noun(k)), None)
            sender = self._sender(noun, c) if noun is not None else None
            return sender or rng
        if rng is not None or s0 + 2 >= c:
            return rng
        t, reader = self.toks[s0], self.reader
        if len(t.key) < 4 or t.key[0] not in "وف" or self.reader.opens_with_cue(s0) or t.key in KANA_WORDS \
                or reader.is_prep(s0, strip_prefix=True) or reader._is("opener", s0) or reader._is("stop", s0, True):
            return None
        p = self._past_complement(s0 + 1, c)
        return reader.forward(p, c) if p is not None else None

    def _past_complement(self, a: int, stop: int) -> Optional[int]:
        """Where the subject starts when a verb's prepositional complement stands between
        them («ويجيب عن هذا السؤال أحمد عادل الوايل من قسم التمريض:»): the first person the
        tagger found within a few words of the preposition at ``a``, with the titles before
        it, when the complement ends in a definite word before them (not «عن زيارة الأمير»,
        «عن دور الأمير»: a person completing the complement) and no punctuation, cue or «أن»
        comes first; else None."""
        toks, reader = self.toks, self.reader
        if a >= stop or not reader.is_prep(a, strip_prefix=True) or toks[a].key == "في" and reader.adjunct_noun(a + 1):
            return None  # («وأضاف في مؤتمر صحفي ...»: the circumstance, after which the subject was not named)
        for k in range(a + 2, min(stop, a + COMPLEMENT_REACH)):
            t = toks[k]
            if t.text in "،,:؛;.!?؟()" or t.key in THAT or self.lex.match(t.key) or reader._is("relative", k) \
                    or (reader.is_prep(k, strip_prefix=True) or t.key[:1] == "و" and reader._is("title", k)) \
                    and not reader.is_media(k):
                return None  # a second phrase («عقب محادثات بين وزراء ... ووزير الخارجية الأمريكي»)
            if self.persons.get(k) == k:
                b = k - 1
                while b > a and reader._is("title", b):
                    b -= 1
                before = toks[b]
                if b <= a or reader.is_prep(b, strip_prefix=False) \
                        or not (before.text.lstrip("و").startswith("ال") or before.text in QUOTE_CHARS):
                    return None
                return b + 1
        return None

    def _other_gender(self, a: int, stop: int, gender: str) -> bool:
        """Is the first person the tagger found from ``a`` on (before ``stop``) of the other
        gender than a cue of ``gender`` (m/f)? A verb agrees with its subject, so that person
        is no subject of it."""
        if gender not in ("m", "f"):
            return False
        k = next((k for k in range(a, stop) if self.persons.get(k) == k), None)
        return k is not None and self.person_gender.get(k, "-") not in (gender, "-")

    def _previous_person(self, c: int, gender: str, cand: Candidate) -> Optional[tuple[int, int]]:
        """For a subject-less cue opening its sentence («وقال: ...»), the person who is the
        subject of the sentence just before («وانتقل حاكم لويزيانا الجمهوري بوبي جيندال إثر
        الحادث إلى مدينة لافايت.»), when that sentence is newer than the current speaker
        ``cand`` and the person agrees with the cue's gender: the story moved on to them."""
        toks = self.toks
        s = toks[c].sent - 1
        p0 = self.sent_start.get(s)
        if p0 is None or toks[c].para - toks[p0].para > 1 or cand.start >= toks[p0].start:
            return None
        if self.quotes and self.quotes[-1].cue is not None and self.quotes[-1].cue.start >= toks[p0].start:
            return None  # («ونوه إلى أن ...»: that sentence was the current speaker's words)
        rng = self._clause_subject(p0, c)
        person = next((k for k in range(*rng) if self.persons.get(k) == k and not self.lex.match(toks[k].key)),
                      None) if rng else None
        if person is None or self.person_gender.get(person, "-") not in (gender, "-") and gender in ("m", "f"):
            return None
        return rng

    def _definite_head(self, rng: tuple[int, int]) -> tuple[int, int]:
        """A clause subject guessed after a verb, cut before its object: a definite noun is
        followed by no indefinite noun of its phrase (an adjective agrees: «التقرير الأخير»;
        a construct's first noun has no «ال»), so in «ووثق التقرير وفاة 368 شخصاً» the subject is
        «التقرير». Phrases holding a tagged name, or a title before an untagged one, are kept."""
        a, b = rng
        toks, reader = self.toks, self.reader
        if b - a < 2 or any(k in reader.names for k in range(a, b)) or reader._is("title", a):
            return rng
        head, nxt = toks[a], toks[a + 1]
        if not head.text.lstrip("وف").startswith("ال") or not nxt.is_word or nxt.text.startswith("ال") \
                or nxt.text[:1].isdigit() or reader._is("title", a + 1) or reader.is_prep(a + 1, strip_prefix=True):
            return rng
        return a, a + 1

    def _speaker_like(self, rng: tuple[int, int]) -> bool:
        """Can a phrase guessed as a clause's subject speak: it holds a tagged name, or opens
        with a definite noun, a title, an institution, a place or a noun of number («عدد من»)? An
        indefinite verbal noun («تأخر البعض منهم», «ارتفاع مساهمة الإنفاق») is the object."""
        i = rng[0]
        reader = self.reader
        return any(k in reader.names for k in range(*rng)) or self.toks[i].text.lstrip("و").startswith("ال") \
            or reader._is("title", i) or reader._is("institution", i) or reader._is("quantity", i) \
            or i in self.places  # «وشنت تركيا ... غارات، مشيرة»: a state speaks

    def _sentence_person(self, s0: int, c: int, gender: str) -> Optional[tuple[int, int]]:
        """The first person named in the cue's sentence before it, heading a phrase of its
        own (no preposition's object): «وهو ما استبعده المعارض السوري عبد الرحمن الحاج في
        حديثه، مشيرا», «امتنع المسؤول الإعلامي كرستيان لندمير عن الخوض ...، وقال». A
        person the sentence names is its likelier subject than a speaker quoted before it."""
        toks, persons, reader = self.toks, self.persons, self.reader
        if toks[c].key.endswith(PLURAL_ENDINGS):
            return None  # «وقالوا»: many speak, not the one person named
        for k in range(s0, c):
            if persons.get(k) != k:
                continue
            if k not in self.person_gender:
                continue  # «للرئيس», «بالأمير»: a clitic preposition before the name
            if k > s0 and (reader.is_prep(k - 1, strip_prefix=True) or toks[k - 1].key in ("مع", "ومع")
                           or reader.is_media(k - 1)):
                continue
            if self._completes_noun(s0, k) or gender in ("m", "f") and self.person_gender[k] not in (gender, "-"):
                continue  # a genitive, or a woman for «مضيفا»
            end = k
            while end + 1 < c and persons.get(end + 1) == k:
                end += 1
            if k == s0 and end + 1 < c and toks[end + 1].text[:1] in DASHES:
                continue  # «عبدالله البرقاوي- سبق- الرياض:»: the reporter's byline, not a subject
            return k, end + 1
        return None

    def _completes_noun(self, s0: int, k: int) -> bool:
        """Does the name at ``k``, with the titles right before it, complete an indefinite noun
        in «ة», which no verb ends in («ثقة الأمير محمد بن نايف», «طائرة ابن راشد», «جامعة
        الأميرة نورة»), or a noun behind a fused preposition («لملعب الأمير عبدالله الفيصل»)?"""
        b = k - 1
        while b > s0 and self.reader._is("title", b):
            b -= 1
        if b < s0 or not self.toks[b].is_word or self.reader._is("title", b):
            return False
        key, text = self.toks[b].key, self.toks[b].text
        if b < k - 1 and text[:1] in ("ل", "ب") and len(key) > 3 and b not in self.reader.names \
                and text[1:2] not in "يتنأ" and not text.startswith(("لكن", "بعد")):  # (a title between: «لوري» is a name)
            return True  # «لملعب الأمير عبدالله الفيصل»: a preposition's noun («ليجيب» is a verb)
        return not text.startswith("ال") and key.endswith("ه") and len(key) >= 3

    # ------------------------------------------------------------------ content
    def _emit(self, c: int, m: CueMatch, intro: Intro, speaker: Optional[SpeakerPhrase],
              object_first: Optional[int] = None) -> None:
        toks, ext = self.toks, self.ext
        self.consumed.update(range(c + 1, intro.at))  # «وأردف الكبيسي قائلا:» is one cue
        direct = False
        if intro.how == "quote":
            a, b, direct = self._quoted(intro.at)
        else:
            first = intro.first
            if object_first is not None and intro.how in ("that", "nominal"):
                first = object_first
            if intro.how in ("colon", "that") and first < len(toks) and toks[first].key in THAT \
                    and object_first is None:
                first += 1  # «قال: إن ...»
            if first >= len(toks) or toks[first].para != toks[intro.at].para and not self._quote_below(intro, first):
                return
            if first in self.qspan_at and ext.speech_quote(first, intro.how == "colon" and first == intro.first,
                                                           after_that=intro.how == "that" and first == intro.at + 1):
                a, b, direct = self._quoted(first)
            elif intro.how == "colon":
                a, b = self._range(first, ext.colon_end(first))
                direct = True
            else:
                end, nested = ext.reported_end(first, frame=self._frame(c))
                if nested:
                    return
                a, b = self._range(first, end)
                if intro.how == "nominal" and m.cue.lemma not in DEMANDS \
                        and len(self.text[a:b].split()) < MIN_NOMINAL_WORDS:
                    return
        if b <= a:
            return
        inner = any(a <= sp.open < b for sp in self.qspan_at.values())
        kind = "direct" if direct and not (intro.how == "colon" and inner and not self._one_quote(a, b)) \
            else ("mixed" if inner else "indirect")
        if direct:
            self.claimed.append((a, b))
        self.quotes.append(Quote(kind=kind, content=Span(a, b, self.text[a:b]), speaker=speaker,
                                 cue=self._cue_span(c, m)))

    def _quote_below(self, intro: Intro, first: int) -> bool:
        """Does a colon ending its paragraph introduce the quotation that opens the next one
        («وقال في محادثته لـ«الرياض»:⏎«لقد كان أستاذنا ...»», an interview's «قال لـ«الشرق
        الأوسط»:⏎⏎«علاقتي قديمة ...»»)? Only a quotation mark right after the colon counts:
        a list or a new paragraph of the journalist's follows a colon as well."""
        return intro.how == "colon" and first == intro.at + 1 and first in self.qspan_at

    def _frame(self, c: int) -> Optional[str]:
        """The subordinate clause the cue at ``c`` stands in, read back to its sentence's start:
        "concessive" («وعلى الرغم من أن القرشي جدد تأكيداته بأنه»), "whereas" («وفيما قال
        مسؤول إنه»), or None when a comma or «إلا» comes first (the cue is in the main clause:
        «ورغم ذلك، قال», «رغم ...، إلا أن مصادر أشارت»)."""
        toks, reader = self.toks, self.reader
        for k in range(c - 1, max(self.sent_start[toks[c].sent], c - FRAME_REACH) - 1, -1):
            if toks[k].text in "،,؛;" or toks[k].key == "الا":
                return None
            if reader._is("concessive", k):
                return "concessive"
            if reader._is("whereas", k):
                return "whereas"
        return None

    def _one_quote(self, a: int, b: int) -> bool:
        return self.text[a:b].strip()[:1] in QUOTE_CHARS and self.text[a:b].strip()[-1:] in QUOTE_CHARS

    def _quoted(self, o: int) -> tuple[int, int, bool]:
        """Inner offsets of the quotation opened at token ``o``, without a leading «إن»."""
        sp = self.qspan_at[o]
        a, b = sp.inner
        k = o + 1
        if k + 1 < self.close_tok[o] and self.toks[k].key in THAT_PREPS and self.toks[k + 1].key in THAT:
            k += 1  # «"إلى أن المقاومة ..."»
        if k < self.close_tok[o] and self.toks[k].key in THAT:
            a = self.toks[k].end
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and (self.text[b - 1].isspace() or self.text[b - 1] in ".،,"):
            b -= 1
        return a, b, True

    def _range(self, first: int, end: int) -> tuple[int, int]:
        """Offsets of tokens ``[first, end)`` without trailing punctuation (closing marks kept)
        nor a leading mark that opens no quotation."""
        toks = self.toks
        while first < end and toks[first].text in QUOTE_CHARS and first not in self.qspan_at:
            first += 1  # a stray mark left open («إن ... وزاد: «...»»)
        while end > first and not toks[end - 1].is_word and toks[end - 1].text not in QUOTE_CHARS and toks[end - 1].text != ")":
            end -= 1
        if end <= first:
            return 0, 0
        return toks[first].start, toks[end - 1].end

    def _cue_span(self, c: int, m: CueMatch) -> Span:
        t = self.toks[c]
        start = t.start
        if m.prefix:
            start += 1
            while start < t.end and not self.text[start].isalpha():
                start += 1
        return Span(start, t.end, self.text[start:t.end])

    # ------------------------------------------------------------------ special cues
    def _naql(self, c: int, m: CueMatch) -> None:
        """«نقل X عن Y قوله: ...» and «نقلت X عن Y أن ...»: the speaker is Y."""
        toks = self.toks
        sent = toks[c].sent
        an = next((k for k in range(c + 1, min(c + 14, len(toks)))
                   if toks[k].sent == sent and toks[k].key in ("عن", "عنه", "عنها")), None)
        if an is None:
            return
        if toks[an].key != "عن":  # «ونقلت عنه قوله “...”»: the speaker is the one last named
            q = an + 1
            qm = self.lex.match(toks[q].key) if q < len(toks) else None
            if qm is None or qm.cue.lemma != "قول":
                return
            intro = self.ext.introducer(qm.cue, q)
            if intro is not None:
                self._emit(q, qm, intro, self._inherit("m" if toks[an].key == "عنه" else "f", c))
            return
        for q in range(an + 1, min(an + 16, len(toks))):
            if toks[q].sent != sent:
                return
            qm = self.lex.match(toks[q].key)
            if (qm and qm.cue.lemma == "قول") or toks[q].key in THAT:
                break
        else:
            return
        rng = self.reader.forward(an + 1, q)
        if rng is None:
            return
        # the source's gender is that of «قوله/قولها», not of «نقلت» (the outlet's)
        speaker = self._explicit(rng, qm.cue.gender if qm and qm.cue.lemma == "قول" else UNKNOWN_GENDER, c)
        if qm and qm.cue.lemma == "قول":
            intro = self.ext.introducer(qm.cue, q)
            if intro is not None:
                self._emit(q, qm, intro, speaker)
        else:
            self._emit(c, m, Intro("that", q, q + 1), speaker)

    def _ja(self, c: int, m: CueMatch) -> None:
        """«وجاء في بيان رئيس الإقليم مسعود برزاني: ...», «وجاء في البيان أن ...»: the words of
        a document; its issuer speaks (named after the document's noun, else the last issuer
        or speaker). Any other «جاء» («جاء ذلك خلال», «جاء في المركز الثاني») is no cue."""
        if not self.ext.document_frame(c):
            return
        if c > 0 and self.toks[c - 1].key in WHAT:
            return  # «فإلى تفصيل ما جاء في التقرير الصحفي:»: what the report said, named, not quoted
        intro = self.ext.introducer(m.cue, c + 2)
        if intro is None:
            return
        rng = self.reader.forward(c + 3, intro.at)
        if rng is not None and rng[0] == c + 3 and not self.reader._is("adjunct", rng[0]):
            speaker = self._explicit(rng, "-", c)
        else:
            speaker = self._inherit("-", c)
        self._emit(c, m, intro, speaker)

    def _credited(self, i: int, k: int) -> bool:
        """Is token ``i``, between a leading source and the comma at ``k``, a cue verb with a
        subject of its own after it («فقد أعلنت المقاومة الشعبية،»), so that the source only
        credits that cue's statement? Not a cue in a relative clause («الهيئة التي وصفتها
        الصحافة») nor one whose subject is the source itself («لتقارير طبية ... أفادت بأنه»)."""
        found = self.lex.match(self.toks[i].key) if i not in self.inside else None
        if found is None or found.cue.pos == "prep" or self.reader._is("relative", i - 1, strip_prefix=False):
            return False
        return self.reader.forward(i + 1, k) is not None

    def _closing_credit(self, p: int, rng: tuple[int, int], sent0: int) -> Optional[tuple[int, int]]:
        """«... تنبعث منها الحرارة.وفقا لرويترز.»: a source alone in a sentence of its own after
        a full stop credits the sentence before it, in the same paragraph (a wire story's
        closing credit). The token range of that sentence, else None."""
        toks = self.toks
        if p != sent0 or rng[1] >= len(toks) or rng[1] not in self.sent_end_tok or p == 0 \
                or toks[p - 1].text not in SENT_END or toks[p - 1].para != toks[p].para \
                or rng[1] - rng[0] > CREDIT_WORDS or not all(toks[k].is_word for k in range(*rng)):
            return None  # («وبحسب بيانات السلطات، أدلى المتهمان ...»: a clause of its own)
        prev = self.sent_start.get(toks[p - 1].sent)
        return (prev, p - 1) if prev is not None and prev < p - 1 else None

    def _reporting(self, i: int) -> bool:
        """Is the verb at ``i`` (after «بحسب ما») one that reports words: a cue or a verb of
        the ``reports`` class, also with its object pronoun («ذكرته», «نشرته», «قاله»)?"""
        key = self.toks[i].key
        forms = [key]
        if key.endswith(("ها", "هم")) and len(key) > 4:
            forms.append(key[:-2])
        elif key.endswith("ه") and len(key) > 3:
            forms.append(key[:-1])
        return any(self.lex.match(k) or self.lex.is_a("reports", k, True) for k in forms)

    def _fused_to(self, p: int) -> bool:
        """Does the preposition cue at ``p`` take «لـ» («وفقاً لـ»), which is then fused to its source?"""
        m = self.lex.match(self.toks[p].key)
        return m is not None and m.cue.lemma in ("وفق", "وفقا")

    def _prep(self, p: int) -> None:
        """«بحسب X», «وفقاً لـ X», «نقلاً عن X», «بحسب ما أعلنت X»: the speaker is the object
        of the preposition; the content is the clause before it (or after it, at the start
        of a sentence), unless that clause is already someone's quote (a source credit)."""
        toks, text = self.toks, self.text
        j = p + 1
        if toks[p].key == "حسبما" or (j < len(toks) and toks[j].key in ("ما", "لما")):
            j += 1 if toks[p].key != "حسبما" else 0
            if j < len(toks) and toks[j].is_word and not toks[j].text.startswith("ال"):
                if not self._reporting(j):
                    return  # «وفق ما كفله له النظام», «حسب ما هو متبع»: a rule, no one's words
                j += 1  # the verb after «ما»: «بحسب ما أعلنت», «وفق ما ألمحت الشركة», «حسبما أظهر»
        if toks[p].key.endswith("نقلا"):
            if j >= len(toks) or toks[j].key != "عن":
                return
            j += 1
        last = self.ext.para_last(p)
        rng = self.reader.forward(j, min(j + 12, last + 1))
        if rng is None and j < last and toks[j].key[:1] == "ل" and len(toks[j].key) > 3 and self._fused_to(p):
            rest = self.reader.forward(j + 1, min(j + 12, last + 1))  # «ووفقاً للناطق الإعلامي ...», «وفقا
            rng = (j, rest[1]) if rest and all(toks[i].text in QUOTE_CHARS for i in range(j + 1, rest[0])) \
                else (j, j + 1)  # لوزارة الصحة», «وفقا لوكالة "بنا"»: the «لـ» is «وفقاً»'s
        if rng is None or self.reader._is("nonspeaker", rng[0]):
            return
        if j > p + 1:  # «حسب ما أفادت وزارة الداخلية وكالة فرانس برس»: the outlet told, the ministry said
            told = next((k for k in range(rng[0] + 1, rng[1]) if self.reader._is("mediakind", k, strip_prefix=False)
                         and (toks[k - 1].text.startswith(("ال", "وال")) or k - 1 in self.reader.names)), None)
            if told is not None:
                rng = rng[0], told
        sent0 = self.sent_start[toks[p].sent]
        cut = self.reader.apposed_end(*rng)
        if cut < rng[1] and self.reader.clause_opener(cut + 1):
            rng = rng[0], cut  # «وحسب الهيئة، تم تسجيل ...»: the source ends at its comma, what follows is said
        # «وبحسب البيان، أغرى رجل ...»: at the start of a sentence or of a clause, the
        # attribution covers what follows its comma
        # (not before a relative clause on the source: «، بحسب التقرير، الذي يحمل عنوان ...»)
        leading = p == sent0 or (toks[p - 1].text in "،," and rng[1] < len(toks) and toks[rng[1]].text in "،,"
                                 and not self.reader._is("relative", rng[1] + 1, strip_prefix=False))
        closing = self._closing_credit(p, rng, sent0)
        if closing is not None:
            first, end = closing
        elif leading or self.reader.so_that(rng[1]):
            k = rng[1]
            while k <= last and toks[k].text not in "،," and not self.reader.so_that(k):
                if k in self.sent_end_tok:
                    return
                k += 1
            if k < len(toks) and toks[k].text in "،," and (self.reader.so_that(k + 1) or k == cut and k + 1 < len(toks)
                                                          and toks[k + 1].key in SO_THAT_BARE and k + 1 not in self.reader.names):
                k += 1  # «وحسب المصدر نفسه، فإن ...»: the content follows «فإن» («ووفقا لاحصائيات ...، فان 1280»)
            if k + 1 > last:
                return
            if any(self._credited(i, k) for i in range(rng[1], k)):
                return  # «وحسب موقع "سكاي نيوز عربية"؛ فقد أعلنت المقاومة الشعبية، عن مقتل ...»: the outlet
                # credits the statement of the cue after it, whose speaker is the source
            end, _ = self.ext.reported_end(k + 1)
            first = k + 1
        else:
            first, end = sent0, p
        if any(self.ext.cue_at(k) and self.ext.cue_at(k).pos != "prep"
               for k in range(first, end) if k not in self.inside):
            return  # «وحسب الجزيرة، قال المعلم»: a source credit for another cue
        a, b = self._range(first, end)
        if b <= a or any(min(b, q.content.end) > max(a, q.content.start) for q in self.quotes):
            return
        speaker = self._explicit(rng, "-", p)
        cue = Span(toks[p].start, toks[p].end, text[toks[p].start:toks[p].end])
        self.quotes.append(Quote(kind="indirect", content=Span(a, b, text[a:b]), speaker=speaker, cue=cue))
