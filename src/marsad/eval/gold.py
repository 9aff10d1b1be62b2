"""Score marsad/1 records against gold annotations (``../shared/eval/GUIDELINES.md``).

Quotes: a system quote matches a gold quote when their content spans overlap by at least half
of *each* span's length, after stripping spaces and quotation marks at the edges; matching is
one-to-one. Optional gold quotes are neither rewarded nor penalised. Attribution is right when
a gold ``speaker_names`` entry is contained in a name the system gives, or a system name (not
a bare title) is contained in a gold name, after Arabic normalisation.

Events: per article, a system (source, type, target) triple matches a gold event when both
country codes are equal and the type is the gold ``type`` or one of its ``also``.

``score(gold, system)`` takes gold dicts (dev.jsonl lines) and marsad/1 record dicts;
``format_report(report, detail)`` renders the result.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from marsad.text.normalize import normalize

# Quotation marks stripped at span edges (GUIDELINES: «» “” "" {} '' and their cousins).
QUOTE_MARKS = "«»“”„‟\"'‘’‚‛{}"
_EDGE = " \t\r\n\u00a0" + QUOTE_MARKS

# A system name made only of these words is a bare title and is not accepted on its own
# when it is contained in a gold name (e.g. «الرئيس» inside «الرئيس بوتين»).
TITLE_WORDS = frozenset(normalize(w) for w in (
    "الرئيس رئيس الوزير وزير الوزيرة وزيرة المتحدث متحدث المتحدثة الناطق الناطقة ناطق نائب "
    "نائبة السفير سفير القاضي الشيخ الدكتور الدكتورة المسؤول مسؤول المسؤولة الملك الأمير "
    "الأمين العام المدير مدير المديرة العقيد اللواء العميد الفريق المستشار مستشار الزعيم "
    "المرشد الجنرال السيد السيدة الرسمي باسم الأول السابق"
).split())

_PUNCT = re.compile(r"[\s«»“”„‟\"'‘’‚‛{}()\[\]،,؛;:.!?؟\-–—_/]+")


# --------------------------------------------------------------------------- spans

def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and quotation marks at both edges."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _find_occurrence(text: str, content: str, occurrence: int = 1) -> Optional[tuple[int, int]]:
    """Offsets of the ``occurrence``-th (1-based) exact occurrence of ``content`` in ``text``."""
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(content, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(content)


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the overlap of two (stripped) spans is at least half of each one's length."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return False
    return 2 * overlap >= (a[1] - a[0]) and 2 * overlap >= (b[1] - b[0])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --------------------------------------------------------------------------- names

def name_key(name: str) -> str:
    """Matching key of a name: normalised, punctuation and quotation marks to single spaces."""
    return " ".join(_PUNCT.sub(" ", normalize(name or "")).split())


def is_bare_title(name: str) -> bool:
    """True when every word of ``name`` is a title word (الرئيس، المتحدث باسم ...)."""
    words = name_key(name).split()
    return bool(words) and all(w in TITLE_WORDS for w in words)


def _contains(outer: str, inner: str) -> bool:
    return bool(inner) and f" {inner} " in f" {outer} "


def speaker_correct(system_names: Iterable[str], gold_names: Iterable[str]) -> bool:
    """GUIDELINES attribution rule: a gold name inside a system name, or a system name (not a
    bare title) inside a gold name, both compared as :func:`name_key`."""
    sys_keys = [(name_key(n), n) for n in system_names if n and name_key(n)]
    gold_keys = [name_key(n) for n in gold_names if n and name_key(n)]
    for skey, raw in sys_keys:
        for gkey in gold_keys:
            if _contains(skey, gkey):
                return True
            if not is_bare_title(raw) and _contains(gkey, skey):
                return True
    return False


def system_speaker_names(quote: dict[str, Any], entities: dict[str, dict[str, Any]]) -> list[str]:
    """Names a record gives for a quote's speaker: ``speaker.text`` and, when the speaker is
    linked, the entity's ``name`` and every mention text."""
    speaker = quote.get("speaker") or {}
    names = [speaker.get("text") or ""]
    ent = entities.get(speaker.get("entity") or "")
    if ent:
        names.append(ent.get("name") or "")
        names.extend(m.get("text") or "" for m in ent.get("mentions") or [])
    return [n for n in names if n]


def system_speaker_country(quote: dict[str, Any], entities: dict[str, dict[str, Any]]) -> str:
    """The country of a quote's speaker: its entity's ``country`` ("" when unlinked or none)."""
    ent = entities.get((quote.get("speaker") or {}).get("entity") or "")
    return (ent or {}).get("country") or ""


# --------------------------------------------------------------------------- quotes

def _gold_quote_spans(article: dict[str, Any]) -> list[dict[str, Any]]:
    text = article.get("text") or ""
    out = []
    for i, q in enumerate(article.get("quotes") or []):
        found = _find_occurrence(text, q["content"], int(q.get("occurrence", 1)))
        span = _strip_span(text, *found) if found else (0, 0)
        out.append({"i": i, "span": span, "gold": q, "found": found is not None,
                    "optional": bool(q.get("optional"))})
    return out


def _system_quote_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    text = record.get("text") or ""
    entities = {e.get("id"): e for e in record.get("entities") or []}
    out = []
    for i, q in enumerate(record.get("quotes") or []):
        c = q.get("content") or {}
        if c.get("field") == "title" or c.get("start") is None:
            continue
        out.append({"i": i, "span": _strip_span(text, c["start"], c["end"]), "quote": q,
                    "names": system_speaker_names(q, entities),
                    "country": system_speaker_country(q, entities)})
    return out


def _greedy_match(sys_items, gold_items, taken_sys: set) -> list[tuple[dict, dict]]:
    """One-to-one matching, largest overlap first."""
    pairs = []
    for s in sys_items:
        if s["i"] in taken_sys:
            continue
        for g in gold_items:
            if g["found"] and spans_match(s["span"], g["span"]):
                pairs.append((_overlap(s["span"], g["span"]), s, g))
    pairs.sort(key=lambda p: (-p[0], p[1]["i"], p[2]["i"]))
    used_g: set = set()
    out = []
    for _, s, g in pairs:
        if s["i"] in taken_sys or g["i"] in used_g:
            continue
        taken_sys.add(s["i"])
        used_g.add(g["i"])
        out.append((s, g))
    return out


def score_quotes_article(gold: dict[str, Any], record: Optional[dict[str, Any]]) -> dict[str, Any]:
    """Match one article's quotes; returns counts and the lists of hits, misses, false alarms."""
    text = gold.get("text") or ""
    golds = _gold_quote_spans(gold)
    systems = _system_quote_spans(record) if record else []
    required = [g for g in golds if not g["optional"]]
    optional = [g for g in golds if g["optional"]]
    taken: set = set()
    matched = _greedy_match(systems, required, taken)
    ignored = _greedy_match(systems, optional, taken)
    hits, wrong, countries = [], [], []
    for s, g in matched:
        ok = speaker_correct(s["names"], g["gold"].get("speaker_names") or [g["gold"].get("speaker", "")])
        item = {"gold": g["gold"], "system": s["quote"], "names": s["names"], "speaker_ok": ok,
                "country": s["country"]}
        hits.append(item)
        if not ok:
            wrong.append(item)
        if g["gold"].get("speaker_country"):
            countries.append(item)
    matched_g = {g["i"] for _, g in matched}
    misses = [g["gold"] for g in required if g["i"] not in matched_g]
    false = [s["quote"] for s in systems if s["i"] not in taken]
    return {
        "id": gold.get("id"), "gold": len(required), "system": len(systems) - len(ignored),
        "matched": len(matched), "speaker_ok": sum(h["speaker_ok"] for h in hits),
        "with_country": len(countries),
        "country_ok": sum(h["country"] == h["gold"]["speaker_country"] for h in countries),
        "wrong_country": [h for h in countries if h["country"] != h["gold"]["speaker_country"]],
        "hits": hits,
        "ignored": len(ignored), "misses": misses, "false": false, "wrong_speaker": wrong,
        "unfound_gold": [g["gold"]["content"] for g in golds if not g["found"]],
        "text_len": len(text),
    }


# --------------------------------------------------------------------------- events

def _code(side: Any) -> str:
    if isinstance(side, dict):
        return side.get("country") or ""
    return side or ""


def score_events_article(gold: dict[str, Any], record: Optional[dict[str, Any]]) -> dict[str, Any]:
    """Match one article's event triples (distinct system triples, one-to-one)."""
    triples: list[tuple[str, str, str]] = []
    for e in (record or {}).get("events") or []:
        t = (_code(e.get("source")), e.get("type") or "", _code(e.get("target")))
        if t not in triples:
            triples.append(t)
    golds = list(enumerate(gold.get("events") or []))
    used: set = set()
    matched, ignored, false = [], [], []
    # Required gold events claim triples first, so an optional one never steals a hit.
    order = sorted(golds, key=lambda ig: bool(ig[1].get("optional")))
    claimed: dict[int, int] = {}
    for gi, g in order:
        types = {g["type"], *(g.get("also") or [])}
        for ti, (src, typ, tgt) in enumerate(triples):
            if ti in used:
                continue
            if src == (g.get("source") or "") and tgt == (g.get("target") or "") and typ in types:
                used.add(ti)
                claimed[gi] = ti
                break
    for gi, g in golds:
        if gi in claimed:
            (ignored if g.get("optional") else matched).append((g, triples[claimed[gi]]))
    misses = [g for gi, g in golds if gi not in claimed and not g.get("optional")]
    false = [triples[ti] for ti in range(len(triples)) if ti not in used]
    return {"id": gold.get("id"), "gold": sum(1 for _, g in golds if not g.get("optional")),
            "system": len(triples) - len(ignored), "matched": len(matched),
            "misses": misses, "false": false}


# --------------------------------------------------------------------------- totals

def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> dict[str, Any]:
    """Score system records (marsad/1 dicts) against gold articles, matched by ``id``.

    Returns ``{"quotes": {...}, "events": {...}, "articles": [...]}`` where ``quotes`` holds
    ``content`` and ``end_to_end`` P/R/F1, ``attribution`` accuracy and raw counts, and each
    article entry keeps its misses, false alarms and wrong speakers for the report."""
    by_id = {r.get("id"): r for r in system}
    articles = []
    q = {"gold": 0, "system": 0, "matched": 0, "speaker_ok": 0, "with_country": 0, "country_ok": 0}
    ev = {"gold": 0, "system": 0, "matched": 0}
    for g in gold:
        rec = by_id.get(g.get("id"))
        qa = score_quotes_article(g, rec)
        ea = score_events_article(g, rec)
        for k in q:
            q[k] += qa[k]
        for k in ev:
            ev[k] += ea[k]
        articles.append({"id": g.get("id"), "quotes": qa, "events": ea, "missing": rec is None})
    quotes = dict(q)
    quotes["content"] = _prf(q["matched"], q["system"], q["gold"])
    quotes["attribution"] = q["speaker_ok"] / q["matched"] if q["matched"] else 0.0
    quotes["speaker_country"] = q["country_ok"] / q["with_country"] if q["with_country"] else 0.0
    quotes["end_to_end"] = _prf(q["speaker_ok"], q["system"], q["gold"])
    events = dict(ev)
    events.update(_prf(ev["matched"], ev["system"], ev["gold"]))
    return {"quotes": quotes, "events": events, "articles": articles}


def _short(s: str, n: int = 70) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def format_report(report: dict[str, Any], detail: bool = False) -> str:
    """Human-readable summary; with ``detail`` every miss, false alarm and wrong speaker."""
    q, e = report["quotes"], report["events"]
    c, ee = q["content"], q["end_to_end"]
    lines = [
        f"quotes  gold {q['gold']}  system {q['system']}  matched {q['matched']}",
        f"  content     P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}",
        f"  attribution {q['attribution']:.3f}  ({q['speaker_ok']}/{q['matched']})"
        f"  speaker country {q['speaker_country']:.3f}  ({q['country_ok']}/{q['with_country']})",
        f"  end-to-end  P {ee['precision']:.3f}  R {ee['recall']:.3f}  F1 {ee['f1']:.3f}",
        f"events  gold {e['gold']}  system {e['system']}  matched {e['matched']}"
        f"  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}",
    ]
    if not detail:
        return "\n".join(lines)
    for art in report["articles"]:
        qa, ea = art["quotes"], art["events"]
        if not (qa["misses"] or qa["false"] or qa["wrong_speaker"] or ea["misses"] or ea["false"]
                or qa["unfound_gold"] or qa["wrong_country"]):
            continue
        lines.append(f"\n== {art['id']}" + ("  (no system record)" if art["missing"] else ""))
        for content in qa["unfound_gold"]:
            lines.append(f"  !gold content not in text: {_short(content)}")
        for g in qa["misses"]:
            lines.append(f"  MISS   [{g.get('kind')}/{g.get('cue')}] {g.get('speaker')}: {_short(g['content'])}")
        for s in qa["false"]:
            sp = (s.get("speaker") or {}).get("text")
            lines.append(f"  FALSE  [{s.get('kind')}/{(s.get('cue') or {}).get('text')}] {sp}: "
                         f"{_short((s.get('content') or {}).get('text', ''))}")
        for h in qa["wrong_speaker"]:
            lines.append(f"  WHO    {h['names']} != {h['gold'].get('speaker')}: {_short(h['gold']['content'])}")
        for h in qa["wrong_country"]:
            lines.append(f"  WHERE  {h['names'][:2]} {h['country'] or '-'} != {h['gold']['speaker_country']}"
                         f" ({h['gold'].get('speaker')})")
        for g in ea["misses"]:
            lines.append(f"  EMISS  {g.get('source')} {g.get('type')} {g.get('target')}: {_short(g.get('evidence', ''))}")
        for t in ea["false"]:
            lines.append(f"  EFALSE {t[0]} {t[1]} {t[2]}")
    return "\n".join(lines)
