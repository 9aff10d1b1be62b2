"""Find date expressions in Arabic text.

The spotter matches compiled regular expressions, built once from the name lists in
``data/calendar.json`` and ``data/relative.json``, against the *folded* text
(:func:`marsad.text.normalize.normalize_with_map`) and maps every match back to exact
offsets of the original text. It says *what* was written (a :class:`Spot`: kind and parts);
:mod:`marsad.dates.resolve` says which date that is.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Iterator, Optional

from marsad.text.normalize import folding_classes, normalize, normalize_with_map

_DATA = resources.files("marsad.dates") / "data"

# Left edge of a word, allowing the proclitics و/ف (and) and, where PRE is used, ب/ل/ك.
_WF = r"(?<!\w)(?:[وف](?=\w))?"
_PRE = r"(?<!\w)(?:(?:[وف][بلك]?|[بلك])(?=\w))?"
# Left edge of a number: not glued to a word, a digit or a separator, except «و13», «ب2015».
_NUM = r"(?:(?<![\w.,/:\-])|(?<=(?<!\w)[وبل]))"
_END = r"(?!\w)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_OLD_YEAR = r"1[0-8]\d\d(?!\d)"  # a Gregorian year before 1900: only where it plainly ends a date
_OLD_YEAR_AFTER = re.compile(r"\s*(?P<year>" + _OLD_YEAR + r")")
_HYEAR = r"1[2-4]\d\d(?!\d)"
_DAY = _NUM + r"(?P<day>[0-3]?\d)(?!\d)"


@dataclass(frozen=True)
class Spot:
    """One date expression: ``kind`` and what was read (``parts``), at ``start:end`` of the
    original text."""

    kind: str  # numeric, gregorian, hijri, year, deictic, weekday, period, offset, vague
    start: int
    end: int
    parts: dict[str, Any] = field(default_factory=dict, compare=False)


def _load(name: str) -> dict[str, Any]:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


def _fold_map(table: dict[str, list[str]]) -> dict[str, int]:
    """``{"1": ["يناير", ...]}`` -> ``{"يناير": 1, ...}`` with folded names."""
    return {_fold(w): int(k) for k, words in table.items() for w in words}


def _fold(word: str) -> str:
    return " ".join(normalize(word).split())


def _alt(words) -> str:
    """A regex alternation of folded ``words`` as a trie (fast to match: one branch per
    first letter), longer words before their prefixes, spaces as ``\\s+``."""
    trie: dict = {}
    for word in {_fold(w) for w in words}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


def _with_lam(words) -> list[str]:
    """Add the «لل» spelling of article words (العام -> للعام: 'for the year')."""
    out = list(words)
    out += ["لل" + _fold(w)[2:] for w in words if _fold(w).startswith("ال")]
    return out


def _key_of(s: str) -> str:
    return " ".join(s.split())


class Spotter:
    """Compiled patterns for one set of name lists; build once, use for many texts."""

    def __init__(self, calendar: dict[str, Any], relative: dict[str, Any]) -> None:
        self.months = _fold_map(calendar["gregorian_months"])
        self.needs_anchor = {_fold(w) for w in calendar["needs_anchor"]}
        self.hmonths = _fold_map(calendar["hijri_months"])
        self.weekdays = _fold_map(calendar["weekdays"])
        self.ordinals = _fold_map(calendar["ordinal_days"])
        self.per_day = {_fold(w) for w in relative["per_day_before"]}
        self.month_triggers = {_fold(w) for w in calendar["month_triggers"]}
        self.weekday_blockers = {_fold(w) for w in calendar["weekday_blockers_before"]}
        self.name_heads = {_fold(w) for w in calendar["name_heads_before"]}
        self.deictic = {_fold(k): v for k, v in relative["deictic"].items()}
        self.guarded = {_fold(w) for w in relative["deictic_guarded"]}
        self.blockers_before = {_fold(w) for w in relative["blockers_before"]}
        self.blockers_after = {_fold(w) for w in relative["blockers_after"]}
        self.directions = {_fold(k): v for k, v in relative["directions"].items()}
        self.periods = {_fold(k): v for k, v in relative["periods"].items()}
        self.periods.update({"لل" + k[2:]: v for k, v in self.periods.items()})
        self.period_blockers = {_fold(w) for w in relative["period_blockers_before"]}
        self.units = {_fold(w): (unit, form) for unit, forms in relative["units"].items()
                      for form, words in forms.items() for w in words}
        self.numbers = {_fold(k): v for k, v in relative["number_words"].items()}
        self.ago = {_fold(k): v for k, v in relative["ago"].items()}
        self.offset_blockers = {_fold(w) for w in relative["offset_blockers_after"]}
        self._patterns = self._compile(calendar, relative)

    # -- building -------------------------------------------------------------------------
    def _compile(self, cal: dict[str, Any], rel: dict[str, Any]) -> list[tuple[re.Pattern, Callable, Finder]]:
        wd = _alt(self.weekdays)
        gm = _alt(self.months)
        hm = _alt(self.hmonths)
        ywords = _alt(_with_lam(cal["year_words"]))
        gmark = r"(?:\s?" + _alt(cal["gregorian_markers"]) + _END + r")?"
        hmark = r"\s?(?P<hmark>" + _alt(cal["hijri_markers"] + ["ه"]) + r")" + _END
        day_fill = r"\s*(?:" + _alt(cal["day_of_month_fillers"]) + r"\s+)?"
        day = (r"(?:" + _DAY + day_fill + r"|(?<!\w)(?P<oday>" + _alt(self.ordinals) + r")\s+من\s+(?:شهر\s+)?)")
        lead_wd = r"(?:" + _WF + r"(?:يوم\s+)?(?P<wd>" + wd + r")\s*[،,]?\s*(?:الموافق\s+)?)?"
        dirs = _alt(self.directions)
        # A year before 1900 after a month only where it ends the date (a mark or punctuation
        # follows): «8 أغسطس (آب) 1516،» is 1516, not this year's 8 August.
        old_year = (r"(?P<oldyear>" + _OLD_YEAR + r")(?=\s?" + _alt(cal["gregorian_markers"]) + _END
                    + r"|\s*[^\w\s]|\s*\Z)")
        year_tail = (r"(?:\s*[،,]?\s*(?:من\s+)?(?:" + ywords + r"\s+)?(?:(?P<year>" + _YEAR + r")|" + old_year + r")" + gmark
                     + r"|\s+(?:من\s+)?(?P<yword>" + ywords + r")\s+(?P<ydir>" + dirs + r")" + _END
                     + r"|\s+(?P<mdir>" + dirs + r")" + _END + r")?")
        # What stands before a month name (weekday, day) is read backwards from it by
        # self._left: a pattern starting with optional parts is slow to scan with.
        self._left = re.compile(lead_wd + day + r"?\Z")
        greg = (_WF + r"(?P<m1>" + gm + r")" + _END
                + r"(?:\s*[/(\-]?\s*(?P<m2>" + gm + r")" + _END + r"(?:\s*\))?)?" + year_tail)
        hijri = (_WF + r"(?P<hm>" + hm + r")" + _END
                 + r"(?:\s*[،,]?\s*(?:من\s+)?(?:" + ywords + r"\s+)?(?P<year>" + _HYEAR + r")(?:" + hmark + r")?)?")
        hyear = r"(?:" + _PRE + r"(?P<yword>" + ywords + r")\s+)?" + _NUM + r"(?P<year>" + _HYEAR + r")" + hmark
        numeric = (_NUM + r"(?:(?P<y1>(?:19|20|1[34])\d\d)(?P<s1>[\-.]|\s*/\s*)(?P<m1>[01]?\d)(?P=s1)(?P<d1>[0-3]?\d)"
                   r"|(?P<d2>[0-3]?\d)(?P<s2>[\-.]|\s*/\s*)(?P<m2>[01]?\d)(?P=s2)(?P<y2>(?:19|20|1[34])\d\d))"
                   r"(?!\d|[\-/.]\d)(?:" + hmark + r"|" + gmark + r")?")
        triggers = _alt(cal["year_triggers"])
        year = (r"(?:" + _PRE + r"(?P<yword>" + ywords + r"|" + _alt(cal["year_list_words"]) + r")"
                + r"|" + _WF + r"(?P<trig>" + triggers + r"))\s+(?P<year>" + _YEAR + r")" + gmark
                + r"(?!\s?[\-/.]\d|[.,]\d|\s?ه(?!\w)|\s*(?:%|بالمئ|في\s+المئ|الف|مليون|مليار))"
                + r"(?:\s*(?:و|-|–|/|الى|حتى)\s*(?P<year2>" + _YEAR + r")" + gmark + r")?")
        parts = _alt(rel["day_parts"])
        deictic = (_WF + r"(?:(?P<part>" + parts + r")\s+)?(?P<deic>" + _alt(self.deictic) + r")" + _END
                   + r"(?:\s*\(\s*(?P<wdp>" + wd + r")\s*\)|\s*[،,\-]?\s*(?P<wd>" + wd + r")" + _END + r")?")
        wdir = _alt(k for k, v in self.directions.items() if v)
        weekday = _WF + r"(?P<core>(?:يوم\s+)?(?P<wd>" + wd + r")" + _END + r"(?:\s+(?P<dir>" + wdir + r")" + _END + r")?)"
        period = (_PRE + r"(?:(?P<this>" + _alt(rel["this"]) + r")\s+(?P<pn>" + _alt(self.periods) + r")" + _END
                  + r"|(?P<pn2>" + _alt(self.periods) + r")\s+(?P<dir>" + dirs + r")" + _END + r")")
        offset = (_WF + r"(?P<ago>" + _alt(self.ago) + r")\s+(?:" + _alt(rel["approximators"]) + r"\s+)?"
                  r"(?:(?P<n>\d{1,4}|" + _alt(self.numbers) + r")\s+)?(?P<unit>" + _alt(self.units) + r")" + _END
                  + r"(?:\s+(?P<one>واحد|واحده)" + _END + r")?")
        vague_words = _alt(rel["vague"])
        vague = _WF + r"(?P<v>" + vague_words + r")" + _END
        # Some patterns are tried only where they can match: a numeric date begins at a
        # number's first digit; a Hijri year needs its marker («1436 هـ», «1436 للهجرة»);
        # a year after a word needs a space, then 19xx or 20xx; the others need one of
        # their words (a Hijri month, a weekday...), looked for first on its own.
        hmarks = "".join(sorted({_fold(w)[0] for w in cal["hijri_markers"] + ["ه"]}))
        hyear_mark = _HYEAR + r"\s?[" + re.escape(hmarks) + "]"
        specs = [(numeric, self._numeric, _at_starts(r"\d+")),
                 (greg, self._gregorian, None),
                 (hijri, self._hijri, _if_found(hm)),
                 (hyear, self._hijri_year, _if_found(hyear_mark)),
                 (year, self._year, _if_found(r"\s" + _YEAR)),
                 (deictic, self._deictic, _if_found(_alt(self.deictic))),
                 (weekday, self._weekday, _if_found(wd)),
                 (period, self._period, _if_found(_alt(self.periods))),
                 (offset, self._offset, None),
                 (vague, lambda m, key: [("vague", m.start("v"), m.end(), {})], _if_found(vague_words))]
        return [(re.compile(p), h, find or _everywhere) for p, h, find in specs]

    # -- matching -------------------------------------------------------------------------
    def spot(self, text: str, folded: Optional[tuple[str, list[int]]] = None) -> list[Spot]:
        """Every date expression of ``text``, in text order, without overlaps (the longest
        wins). ``folded``: ``normalize_with_map(text)`` when the caller has it already."""
        key, origin = folded or normalize_with_map(text)
        to_orig = origin.__getitem__
        dropped = folding_classes()[0]
        found: list[tuple[str, int, int, dict]] = []
        for pattern, handle, find in self._patterns:
            for m in find(pattern, key):
                found.extend(handle(m, key) or ())
        found.sort(key=lambda f: (f[1] - f[2], f[1]))
        taken: list[tuple[int, int]] = []
        spots = []
        for kind, s, e, parts in found:
            if "\n" in key[s:e] or any(s < te and ts < e for ts, te in taken):
                continue  # a date is written on one line («1» ending a title is no day of «سبتمبر»)
            taken.append((s, e))
            start, end = to_orig(s), to_orig(e - 1) + 1
            while end < len(text) and dropped.match(text, end):
                end += 1  # keep the marks that close the word: «غداً», «1436هـ»
            spots.append(Spot(kind, start, end, parts))
        return sorted(spots, key=lambda sp: sp.start)

    # -- handlers: match -> [(kind, start, end, parts)] or None ----------------------------
    def _numeric(self, m: re.Match, key: str):
        y, mo, d = (m["y1"], m["m1"], m["d1"]) if m["y1"] else (m["y2"], m["m2"], m["d2"])
        y, mo, d = int(y), int(mo), int(d)
        if mo > 12 and d <= 12:  # 9/13/2023: month-first, unambiguous
            mo, d = d, mo
        hijri = y < 1900
        return [("numeric", m.start(), m.end(), {"year": y, "month": mo, "day": d, "hijri": hijri})]

    def _gregorian(self, m: re.Match, key: str):
        m1 = _key_of(m["m1"])
        day, weekday, start = self._before_month(m, "m1", key)
        parts = {"month": self.months[m1], "day": day, "year": _int(m["year"] or m["oldyear"]), "weekday": weekday,
                 "year_dir": self.directions.get(_key_of(m["ydir"] or "")),
                 "month_dir": self.directions.get(_key_of(m["mdir"] or ""))}
        end = m.end()
        if day is not None and parts["year"] is None and not m["mdir"] and not m["ydir"]:
            # a full date: a number before 1900 right after its month is its year
            # («8 أغسطس 1516 وقعت»), not a count («8 أغسطس 1500 شخص» is not written)
            if old := _OLD_YEAR_AFTER.match(key, end):
                parts["year"], end = int(old["year"]), old.end()
        if day is not None and parts["year"] is None and self._names_it(key, start):
            return None  # «ثورة 25 يناير»: a name, not a day
        anchored = any(parts[k] is not None for k in ("day", "year", "year_dir", "month_dir"))
        if not anchored:
            before = _prev_word(key, m.start("m1"))
            names = {m1, _key_of(m["m2"] or m1)}
            if before not in self.month_triggers or (names & self.needs_anchor and before != "شهر"):
                return None
        return [("gregorian", start, end, parts)]

    def _names_it(self, key: str, start: int) -> bool:
        """Is the word before ``start`` (without a proclitic) a head that makes the date after
        it a name (``name_heads_before``)?"""
        before = _prev_word(key, start)
        return before in self.name_heads or any(
            before[:n] in _CLITICS and before[n:] in self.name_heads for n in (1, 2))

    def _hijri(self, m: re.Match, key: str):
        day, weekday, start = self._before_month(m, "hm", key)
        if day is None and m["year"] is None:
            return None
        parts = {"month": self.hmonths[_key_of(m["hm"])], "day": day, "year": _int(m["year"]),
                 "weekday": weekday}
        return [("hijri", start, m.end(), parts)]

    def _before_month(self, m: re.Match, group: str, key: str) -> tuple[Optional[int], Optional[int], int]:
        """``(day, weekday, start)`` written before the month name of ``m``: «الأحد 12 يوليو»,
        «الأول من سبتمبر»; ``start`` is where the whole expression begins."""
        pos = m.start(group)
        left = self._left.search(key, max(0, pos - 60), pos) if pos == m.start() else None
        if not left or left.start() == pos:
            return None, None, pos
        day = int(left["day"]) if left["day"] else self.ordinals.get(_key_of(left["oday"] or ""))
        return day, self.weekdays.get(_key_of(left["wd"] or "")), _first(left, "wd", "day", "oday")

    def _hijri_year(self, m: re.Match, key: str):
        start = m.start("yword") if m["yword"] else m.start("year")
        return [("hijri", start, m.end(), {"year": int(m["year"])})]

    def _year(self, m: re.Match, key: str):
        start = m.start("yword") if m["yword"] else m.start("year")
        out = [("year", start, m.end("year") if m["year2"] else m.end(), {"year": int(m["year"])})]
        if m["year2"]:
            out.append(("year", m.start("year2"), m.end(), {"year": int(m["year2"])}))
        return out

    def _deictic(self, m: re.Match, key: str):
        deic = _key_of(m["deic"])
        wd = m["wdp"] or m["wd"]
        if deic in self.guarded and not m["part"] and not wd:
            if not self.blockers_before.isdisjoint(_prev_words(key, m.start("deic"))):
                return None
            if _next_word(key, m.end()) in self.blockers_after:
                return None
            if _media_name(key, m.start("deic"), m.end()) or self._per_day(key, m.start("deic")):
                return None
        start = m.start("part") if m["part"] else m.start("deic")
        return [("deictic", start, m.end(), {"offset": self.deictic[deic],
                                             "weekday": self.weekdays.get(_key_of(wd or ""))})]

    def _per_day(self, key: str, pos: int) -> bool:
        """«3 ساعات في اليوم» (three hours a day), «في وقت محدد من اليوم» (a time of day)."""
        words = re.findall(r"\w+", key[max(0, pos - 40):pos])[-3:]
        return (len(words) >= 2 and words[-1] in ("في", "من")
                and (words[-2] in self.per_day or any(w.isdigit() for w in words[:-1])))

    def _weekday(self, m: re.Match, key: str):
        if _prev_word(key, m.start()) in self.weekday_blockers:
            return None
        return [("weekday", m.start("core"), m.end(), {"weekday": self.weekdays[_key_of(m["wd"])],
                                             "dir": self.directions.get(_key_of(m["dir"] or ""))})]

    def _period(self, m: re.Match, key: str):
        pn = _key_of(m["pn"] or m["pn2"])
        if m["pn2"] and _prev_word(key, m.start("pn2")) in self.period_blockers:
            return None
        direction = 0 if m["this"] else self.directions[_key_of(m["dir"])]
        start = m.start("this") if m["this"] else m.start("pn2")
        return [("period", start, m.end(), {"unit": self.periods[pn], "dir": direction})]

    def _offset(self, m: re.Match, key: str):
        unit, form = self.units[_key_of(m["unit"])]
        n = m["n"]
        n = int(n) if n and n.isdigit() else self.numbers.get(_key_of(n or ""))
        nxt = _next_word(key, m.end())
        if m["ago"] == "بعد" and (unit == "year" or (n or 0) > 12):
            return None  # «بعد 33 عاما» is nearly always a duration, not a future date
        if nxt in self.offset_blockers or (m["ago"] != "منذ" and nxt.startswith("ال") and n is None):
            return None
        if n is None:
            if form == "dual":
                n = 2
            elif form == "singular" and (m["one"] or (unit != "day" and not _starts_date(nxt))):
                n = 1
            else:
                return None  # «منذ سنوات» (for years): vague, «بعد يوم الأحد»: not an offset
        if n <= 0:
            return None
        return [("offset", m.start("ago"), m.end(), {"unit": unit, "n": n * self.ago[_key_of(m["ago"])]})]




Finder = Callable[[re.Pattern, str], Iterable[re.Match]]  # pattern.finditer(key), or as good


def _everywhere(pattern: re.Pattern, key: str) -> Iterator[re.Match]:
    return pattern.finditer(key)


def _at_starts(starts: str) -> Finder:
    """A finder for a pattern that can only begin where ``starts`` matches: the pattern is
    tried at those places alone, giving what ``finditer`` gives (leftmost, non-overlapping)."""
    where = re.compile(starts)

    def find(pattern: re.Pattern, key: str) -> Iterator[re.Match]:
        pos = 0
        for candidate in where.finditer(key):
            if candidate.start() >= pos and (m := pattern.match(key, candidate.start())):
                yield m
                pos = max(m.end(), m.start() + 1)
    return find


def _if_found(gate: str) -> Finder:
    """A finder for a pattern whose every match holds a match of ``gate``: a text without
    one is not scanned."""
    needed = re.compile(gate)

    def find(pattern: re.Pattern, key: str) -> Iterable[re.Match]:
        return pattern.finditer(key) if needed.search(key) else ()
    return find


def _int(s: Optional[str]) -> Optional[int]:
    return int(s) if s else None


_PREV = re.compile(r"(\w+)\W*$")
_CLITICS = {"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}  # proclitics a name head may carry
_NEXT = re.compile(r"^\W*(\w+)")
_MEDIA = {"قناه", "صحيفه", "جريده", "موقع", "شبكه", "مجله", "وكاله", "لقناه", "لصحيفه", "لجريده",
          "لموقع", "لشبكه", "لمجله", "بحسب", "اذاعه"}  # channel, newspaper, site, network ...


def _prev_word(key: str, pos: int) -> str:
    m = _PREV.search(key, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def _prev_words(key: str, pos: int) -> tuple[str, str]:
    """The word before ``pos`` and the two words before it («مثل هذا»)."""
    words = re.findall(r"\w+", key[max(0, pos - 40):pos])[-2:]
    return (words[-1] if words else "", " ".join(words))


def _next_word(key: str, pos: int) -> str:
    m = _NEXT.match(key[pos:pos + 40])
    return m.group(1) if m else ""


def _media_name(key: str, pos: int, end: int) -> bool:
    """True when «اليوم» closes a name: «قناة روسيا اليوم», «صحيفة إسرائيل اليوم», or a
    short quoted title «الفلسفة اليوم»."""
    words = re.findall(r"\w+", key[max(0, pos - 40):pos])[-2:]
    if words and words[0] in _MEDIA:
        return True
    opening = max(key.rfind(q, max(0, pos - 30), pos) for q in "«\"“")
    return (key[end:end + 1] in ("»", '"', "”") and opening >= 0
            and len(key[opening + 1:pos].split()) <= 3)


def _first(m: re.Match, *groups: str) -> int:
    """Start of the first of ``groups`` that took part in the match."""
    return next(m.start(g) for g in groups if m[g] is not None)


def _starts_date(word: str) -> bool:
    return word.isdigit() or word.startswith("ال")


@lru_cache(maxsize=1)
def default_spotter() -> Spotter:
    """The spotter built from the package's data files (built on first use, then cached)."""
    return Spotter(_load("calendar.json"), _load("relative.json"))


@lru_cache(maxsize=1)
def future_words() -> frozenset[str]:
    """Words of the future that make a bare weekday after them in the clause the coming one
    (``relative.json`` ``future_before``, folded)."""
    return frozenset(normalize(w) for w in _load("relative.json")["future_before"])


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """The Gregorian months' names (folded), in every spelling the spotter knows («نيسان»,
    «أبريل», «تشرين الأول»)."""
    return frozenset(normalize(name) for names in _load("calendar.json")["gregorian_months"].values()
                     for name in names)


def iter_spots(text: str) -> Iterator[Spot]:
    """Shortcut: the spots of ``text`` with the default spotter."""
    yield from default_spotter().spot(text)
