"""English spelling of an Arabic personal name, for actors the lexicon does not know.

Words whose usual spelling is known come from ``data/name_words_en.tsv`` («محمد» →
"Mohammed"); other words are transliterated letter by letter with a few rules a newsroom
follows: «ال» → "al-", «بن» → "bin", «عبد» joined to the divine name after it, long vowels
read from «ا و ي», and a short vowel put into consonant runs so the result can be said
(«حمود» → "Hamoud"). Words that look like a foreign name in Arabic letters («بويتشينكو»)
keep their clusters and read «و» as "o". The result is approximate by nature: Arabic
script leaves short vowels out.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_SHADDA = "\u0651"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# An Arabic word (letters, shadda, dagger alef) or a run of other letters and digits,
# which is kept as written ("iPhone", "F-16", "3").
_TOKEN = re.compile(r"([\u0620-\u064a\u0651\u0670-\u06d3]+)"
                    r"|([^\W_\u0600-\u06ff]+(?:['’.\-][^\W_\u0600-\u06ff]+)*\.?)")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                       _SHADDA: None})

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "dh",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ء": "",
    "پ": "p", "چ": "ch", "ژ": "zh", "ڤ": "v", "ڨ": "g", "گ": "g", "ک": "k",  # Persian etc.
}
# Foreign names written in Arabic letters: «غ» stands for g («غوتين» Goten), «ق» for k.
_FOREIGN_CONSONANTS = {**_CONSONANTS, "غ": "g", "ق": "k", "ذ": "z", "ظ": "z"}
_LONG = "اىآ"
_VOWEL_LETTERS = "اىآوية"
# Letters that a transliterated foreign name rarely uses, so their presence says "Arabic".
_ARABIC_ONLY = set("حعصضظذقةؤءئط")
_FOREIGN_LETTERS = set("پچژڤڨگک")
# Endings that mark a foreign name even beside an Arabic-only letter (-ova, -ski, -vich,
# -enko), endings and letter pairs that mark one otherwise (-ov, -ev, -o; ch ts sk sp st x
# gl gr ng).
_SLAVIC_ENDINGS = ("وفا", "يفا", "سكي", "سكا", "فيتش", "يتش", "ينكو")
_FOREIGN_ENDINGS = ("وف", "يف", "نكو", "و")
_FOREIGN_PAIRS = ("تش", "تس", "سك", "سب", "ست", "كس", "غل", "غر", "نغ")
# Slavic and other endings spelled as English writes them: «لافروف» Lavrov.
_FOREIGN_SUFFIXES = (("ينكو", "enko"), ("فيتش", "vich"), ("ييف", "iyev"), ("يتش", "ich"),
                     ("سكي", "ski"), ("وفا", "ova"), ("يفا", "eva"), ("وف", "ov"), ("يف", "ev"))
# Two-consonant onsets that English spelling allows at the start of a foreign name.
_ONSETS = {(s, c) for s in ("s", "sh") for c in ("k", "t", "p", "m", "n", "l", "w")} | \
          {(c, r) for c in ("b", "p", "k", "g", "t", "d", "f", "th", "sh", "ch", "kh")
           for r in ("r", "l", "w", "y")} | {("t", "s"), ("s", "ch")}


def transliterate(name: str) -> str:
    """An Arabic personal name («محمد بن سلمان») → a readable English spelling
    ("Mohammed bin Salman"). Latin letters and digits in the name are kept as written,
    Arabic-Indic digits become ASCII, other signs are dropped; input with nothing to
    spell (empty, punctuation, emoji, not a string) gives ''. Never raises."""
    if not isinstance(name, str) or not name:
        return ""
    try:
        return _transliterate(name)
    except Exception:  # a name that trips a rule must not stop an article
        return " ".join(m.group(2) for m in _TOKEN.finditer(name) if m.group(2))


@lru_cache(maxsize=65536)
def _transliterate(name: str) -> str:
    """:func:`transliterate` of a non-empty string, cached: names repeat across articles."""
    words = _tokens(name)
    out: list[str] = []
    i = 0
    while i < len(words):
        word, latin = words[i]
        nxt = words[i + 1][0] if i + 1 < len(words) and not words[i + 1][1] else ""
        i += 1
        if latin:
            out.append(word)
            continue
        key = word.translate(_FOLD)
        if nxt and key == "عبد":  # «عبد الرحمن» is one name: Abdulrahman
            out.append(_word("عبد" + nxt) if nxt.startswith("ال") or
                       "عبد" + nxt.translate(_FOLD) in _table() else "Abd " + _word(nxt))
            i += 1
        elif nxt and nxt.translate(_FOLD) == "الله" and key not in ("ابو", "بن", "ابن"):
            out.append(_word(word + "الله"))  # «نصر الله» → Nasrallah
            i += 1
        elif key == "ابن" and not out:
            out.append("Ibn")  # «ابن خلدون» at the head of a name
        else:
            out.append(_word(word))
    text = " ".join(w for w in out if w)
    return text[:1].upper() + text[1:]


def _tokens(name: str) -> list[tuple[str, bool]]:
    """The words of a name as ``(word, is_latin)``: Arabic words stripped of diacritics
    (shadda kept, to double a letter) and tatweel, other words as written."""
    text = unicodedata.normalize("NFKC", name).translate(_DIGITS)  # NFKC undoes ligatures
    text = "".join(ch for ch in text if ch == _SHADDA or ch == "\u0670" or not (
        unicodedata.combining(ch) or ch == "\u0640" or unicodedata.category(ch) == "Cf"))
    text = text.replace("\u0670", "ا")  # dagger alef («الرحمٰن») is a long a
    out = []
    for m in _TOKEN.finditer(text):
        if m.group(1):
            word = m.group(1).lstrip(_SHADDA)
            if word:
                out.append((word, False))
        else:
            out.append((m.group(2), True))
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Folded Arabic word → English spelling, from data/name_words_en.tsv."""
    path = resources.files("marsad.entities") / "data" / "name_words_en.tsv"
    table: dict[str, str] = {}
    rows = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    for row in rows:
        ar, _, en = row.partition("\t")
        if en.strip() and ar.strip() != "ar":
            table[ar.strip().translate(_FOLD)] = en.strip()
    return table


@lru_cache(maxsize=65536)
def _word(word: str) -> str:
    """One Arabic word (no diacritics but shadda) → its English spelling, capitalised
    except for the article ("al-Badri") and the particles ("bin")."""
    known = _table().get(word.translate(_FOLD))
    if known:
        return known
    plain = word.replace(_SHADDA, "")  # affixes are cut from the letters alone
    if plain.startswith("عبدال") and len(plain) > 5:  # «عبدالرحمن» → Abdul + rahman
        return "Abdul" + _bare(plain[5:], True).lower()
    if plain.endswith("الله") and len(plain) > 4:  # «جادالله» → Jadallah
        return _word(plain[:-4]) + "allah"
    if plain.endswith("الدين") and len(plain) > 5:  # «نورالدين» → Nour al-Din
        return _word(plain[:-5]) + " al-Din"
    if plain.startswith("ال") and len(plain) > 3:  # not «إلهام»: the article has no hamza
        return "al-" + _bare(word[word.index("ل") + 1:].lstrip(_SHADDA), True)
    return _bare(word)


def _bare(word: str, arabic: bool = False) -> str:
    """A word without the article → table spelling or rule transliteration; ``arabic``
    when the word had the article, which foreign names do not take."""
    known = _table().get(word.translate(_FOLD))
    if known:
        return known
    foreign = not arabic and _is_foreign(word)
    suffix = next((s for s in _FOREIGN_SUFFIXES if foreign and word.endswith(s[0])
                   and len(word) > len(s[0]) + 1), ("", ""))
    text = _spell(word[:len(word) - len(suffix[0])], foreign) + suffix[1]
    text = re.sub(r"(.)\1\1+", r"\1\1", text)  # «ععا» and the like: no "aaa"
    return text[:1].upper() + text[1:]


def _is_foreign(word: str) -> bool:
    """Whether a word (without the article) looks like a foreign name written in Arabic
    letters: Persian letters, or no Arabic-only letter and a long word, a foreign ending
    («ـوف», «ـسكي») or a cluster such as «تش» (ch)."""
    if any(ch in _FOREIGN_LETTERS for ch in word) or word.endswith(_SLAVIC_ENDINGS) \
            or len(word) >= 6 and word.endswith(("وف", "يف")):
        return True  # «قاديروف» Kadyrov, though «ق» is mostly Arabic
    if any(ch in _ARABIC_ONLY for ch in word):
        return False
    return (len(word) >= 7 or word.endswith(_FOREIGN_ENDINGS)
            or any(p in word for p in _FOREIGN_PAIRS)
            or sum(ch in "اوي" for ch in word[1:-1]) >= 2  # «جونسون»: Arabic has one
            or len(word) >= 5 and not any(ch in _VOWEL_LETTERS for ch in word[-2:]))  # «كيلسن»


def _units(word: str, foreign: bool) -> list[tuple[str, str]]:
    """Letters as ``("C", latin)`` consonants and ``("V", latin)`` vowels, the long-vowel
    letters «ا و ي» read as vowels or consonants by where they stand."""
    consonants = _FOREIGN_CONSONANTS if foreign else _CONSONANTS
    letters: list[tuple[str, bool]] = []  # (letter, doubled by a shadda)
    for ch in word:
        if ch != _SHADDA:
            letters.append((ch, False))
        elif letters:
            letters[-1] = (letters[-1][0], True)
    units: list[tuple[str, str]] = []
    n, i = len(letters), 0
    while i < n:
        ch, double = letters[i]
        nxt = letters[i + 1][0] if i + 1 < n else ""
        after = letters[i + 2][0] if i + 2 < n else ""  # the letter after nxt
        prev = units[-1] if units else ("", "")
        i += 1
        if ch in "اأآ" and i == 1 and nxt == "و" and after not in _VOWEL_LETTERS:
            units.append(("V", "o"))  # «أوباما» Obama, «أولمرت» Olmert
            i += 1
        elif ch in "اأآ" and i == 1 and foreign and nxt == "ي" and n > 2:
            units.append(("V", "i"))  # «ايزي» Izi
            i += 1
        elif ch == "إ":
            units.append(("V", "i"))
            if nxt == "ي":  # «إيران», «إيمان»: the ي lengthens the i
                i += 1
        elif ch in _LONG or ch == "أ":
            units.append(("V", "a"))
        elif ch == "ة":
            units.append(("V", "a") if i == n else ("C", "t"))
        elif ch == "ؤ" and nxt == "و":
            units.append(("V", "aou"))  # «رؤوف» Raouf
            i += 1
        elif ch == "ؤ":
            units.append(("V", "u"))
        elif ch == "ئ" and nxt == "ي":
            units.append(("V", "ei"))  # «خامنئي» Khamenei, «رئيسي» Raisi
            i += 1
        elif ch == "ئ":
            units.append(("V", "e") if prev[0] == "V" else ("C", "y") if nxt and nxt in _LONG
                         else ("V", "i"))
        elif ch == "ء" and i == n and prev[0] == "V":
            units.append(("V", "a"))  # «علاء» Alaa
        elif ch == "ت" and nxt == "ش":
            units.append(("C", "ch"))  # «تشرشل» Churchill
            i += 1
        elif ch == "ن" and nxt == "غ" and after not in _VOWEL_LETTERS:
            units.append(("C", "ng"))  # «يونغ» Yong, «هيمنغتون» Hemington
            i += 1
        elif ch == "و" and not foreign and nxt == "ي" and i + 1 == n and prev[0] == "C":
            units += [("V", "a"), ("C", "w"), ("V", "i")]  # «بدوي» Badawi
            i += 1
        elif ch in "وي":
            units.append(_glide(ch, i - 1, n, nxt, prev, double, foreign))
        elif ch == "ه" and i == n and n > 3 and prev[0] == "C" and not foreign:
            units.append(("V", "a"))  # «فاطمه»: final ه written for ة
        else:
            latin = consonants.get(ch, "")
            units.append(("C", latin + latin if double and len(latin) == 1 else latin))
    return units


def _glide(ch: str, i: int, n: int, nxt: str, prev: tuple[str, str], double: bool,
           foreign: bool) -> tuple[str, str]:
    """«و» or «ي» at index ``i`` of ``n`` letters after unit ``prev``: a consonant at the
    start, doubled, after a vowel or (و only) before a long vowel; else a long vowel."""
    y = ch == "ي"
    if double:
        return ("C", "yy" if y else "ww")
    if i == 0:
        return ("C", "y" if y else "w")
    if prev[0] == "V":
        if not y and prev[1] == "i" and nxt not in _LONG:
            return ("V", "o")  # «ليون» Leon, «روبيو» Rubio
        if y and foreign and nxt and nxt not in _VOWEL_LETTERS and prev[1] in ("a", "o"):
            return ("V", "i" if prev[1] == "a" else "y")  # «شتاينماير» Steinmeier, «بويكو» Boyko
        return ("C", "y" if y else "w")
    if y and nxt == "ة" and i + 2 == n:
        return ("V", "iy")  # «ـية» → -iya
    if not y and nxt and nxt in _LONG + "ة":
        return ("C", "w")  # «جواد» Jawad
    if i == n - 1:
        return ("V", "i" if y else "o")
    return ("V", "i" if y else "o" if foreign else "ou")


def _spell(word: str, foreign: bool) -> str:
    """Latin spelling of a word's letters with short vowels put into consonant runs:
    Arabic words take "a" after their first consonant and between the last two of a run
    (CaCaC, CaCCaC, "e" in the CāCiC of «خالد» Khaled); foreign words keep clusters that
    English spells and only break longer ones."""
    units = _units(word, foreign)
    if not foreign:  # a doubled consonant stands between vowels: «الدخيّل» al-Dakhayyel
        spaced: list[tuple[str, str]] = []
        for unit in units:
            if spaced and spaced[-1][0] == "C" and _doubled(unit):
                spaced.append(("V", "a"))
            spaced.append(unit)
        units = spaced
    out: list[str] = []
    i, n = 0, len(units)
    while i < n:
        if units[i][0] == "V":
            out.append(units[i][1])
            i += 1
            continue
        j = i
        while j < n and units[j][0] == "C":
            j += 1
        run = [u[1] for u in units[i:j]]
        at_start, at_end = i == 0, j == n
        after_long = i >= 2 and units[i - 1][0] == "V"  # not the word's first vowel
        out.append(_foreign_run(run, at_start) if foreign
                   else _arabic_run(run, at_start, at_end, after_long))
        i = j
    return "".join(out)


def _doubled(unit: tuple[str, str]) -> bool:
    """Whether a unit is a consonant written twice (a shadda): "ss", "yy"."""
    latin = unit[1]
    return unit[0] == "C" and len(latin) == 2 and latin[0] == latin[1]


def _arabic_run(run: list[str], at_start: bool, at_end: bool, after_long: bool) -> str:
    """A run of consonants in an Arabic word with short vowels inserted: "a" after the
    word's first consonant, then one vowel before the last consonant of every three; a
    final pair after a long vowel takes "e" (CāCiC: «كامل» Kamel, «صابر» Saber)."""
    if at_start:
        if len(run) == 1:
            return run[0]
        return run[0] + "a" + _arabic_run(run[1:], False, at_end, False)
    if len(run) == 1:
        return run[0]
    if at_end and len(run) == 2:
        return run[0] + ("e" if after_long else "a") + run[1]
    if len(run) == 2:
        return run[0] + run[1]
    return run[0] + run[1] + "a" + _arabic_run(run[2:], False, at_end, False)


def _foreign_run(run: list[str], at_start: bool) -> str:
    """A run of consonants in a foreign word: kept, but a start that English does not
    allow, or four consonants in a row, take an "e"."""
    if at_start and len(run) >= 2 and (run[0], run[1]) not in _ONSETS:
        return run[0] + "e" + _foreign_run(run[1:], False)
    if len(run) >= 4:
        return run[0] + run[1] + "e" + _foreign_run(run[2:], False)
    return "".join(run)
