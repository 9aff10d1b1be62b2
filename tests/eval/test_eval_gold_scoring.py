"""marsad.eval.gold implements the GUIDELINES scoring rules; hand-made gold/system pairs."""
from __future__ import annotations

import pytest

from marsad.eval.gold import format_report, is_bare_title, score, speaker_correct, spans_match

TEXT = "قال الرئيس فلاديمير بوتين إن روسيا فخورة بإنجازات قطاعها الفضائي. وأضاف: «نحن معاً». وقال: «نحن معاً»."


def gold(quotes=(), events=(), text=TEXT, id_="a1"):
    return {"id": id_, "text": text, "quotes": list(quotes), "events": list(events)}


def gq(content, names=("بوتين", "فلاديمير بوتين"), **kw):
    return {"speaker": names[0], "speaker_names": list(names), "cue": "قال", "kind": "direct",
            "content": content, **kw}


def system(quotes=(), events=(), text=TEXT, id_="a1", entities=()):
    return {"id": id_, "text": text, "quotes": list(quotes), "events": list(events),
            "entities": list(entities)}


def sq(start, end, speaker="بوتين", entity=None, text=TEXT):
    return {"kind": "direct", "content": {"start": start, "end": end, "text": text[start:end]},
            "speaker": {"entity": entity, "text": speaker, "start": None, "end": None}, "cue": None}


def span_of(s, text=TEXT, nth=1):
    pos = -1
    for _ in range(nth):
        pos = text.index(s, pos + 1)
    return pos, pos + len(s)


@pytest.mark.parametrize("a, b, ok", [
    ((0, 10), (0, 10), True),
    ((0, 10), (5, 15), True),     # overlap 5 = half of each
    ((0, 10), (6, 16), False),    # overlap 4 < 5
    ((0, 10), (0, 30), False),    # overlap 10 < half of 30
    ((0, 10), (10, 20), False),
])
def test_eval_gold_overlap_rule_half_of_each_span(a, b, ok):
    assert spans_match(a, b) is ok


def test_eval_gold_strips_spaces_and_quotation_marks_at_edges():
    content = "نحن معاً"
    s, e = span_of("«نحن معاً»")  # the system keeps the marks and a space: still one match
    r = score([gold([gq(content)])], [system([sq(s, e + 1)])])
    assert r["quotes"]["matched"] == 1


def test_eval_gold_occurrence_picks_the_nth_copy():
    second = span_of("نحن معاً", nth=2)
    first = span_of("نحن معاً", nth=1)
    g = [gold([gq("نحن معاً", occurrence=2)])]
    assert score(g, [system([sq(*second)])])["quotes"]["matched"] == 1
    assert score(g, [system([sq(*first)])])["quotes"]["matched"] == 0


def test_eval_gold_optional_neither_rewarded_nor_penalised():
    g = [gold([gq("روسيا فخورة بإنجازات قطاعها الفضائي", optional=True)])]
    hit = score(g, [system([sq(*span_of("روسيا فخورة بإنجازات قطاعها الفضائي"))])])["quotes"]
    assert (hit["gold"], hit["system"], hit["matched"]) == (0, 0, 0)
    none = score(g, [system([])])["quotes"]
    assert (none["gold"], none["system"]) == (0, 0)


def test_eval_gold_one_to_one_matching():
    g = [gold([gq("روسيا فخورة بإنجازات قطاعها الفضائي")])]
    s = span_of("روسيا فخورة بإنجازات قطاعها الفضائي")
    r = score(g, [system([sq(*s), sq(*s)])])["quotes"]
    assert r["matched"] == 1 and r["system"] == 2
    assert r["content"]["precision"] == pytest.approx(0.5)


@pytest.mark.parametrize("names_sys, names_gold, ok", [
    (["الرئيس فلاديمير بوتين"], ["بوتين"], True),       # gold name inside the system's
    (["بوتين"], ["الرئيس فلاديمير بوتين"], True),       # system name inside a gold name
    (["الرئيس"], ["الرئيس بوتين"], False),              # a bare title is not enough
    (["المتحدث باسم"], ["المتحدث باسم الوزارة"], False),
    (["كيم"], ["بوتين"], False),
    (["وزارة الخارجية الروسيه"], ["وزارة الخارجية الروسية"], True),  # ta marbuta folded
    (["الناطق باسم الرئاسة الروسية، دميتري بيسكوف"], ["دميتري بيسكوف"], True),
    (["وكالة «رويترز»"], ["رويترز"], True),
    (["بادي"], ["الاتحادي"], False),                    # containment is by whole words
])
def test_eval_gold_speaker_containment(names_sys, names_gold, ok):
    assert speaker_correct(names_sys, names_gold) is ok


def test_eval_gold_bare_title():
    assert is_bare_title("الرئيس") and is_bare_title("المتحدث باسم")
    assert not is_bare_title("الرئيس بوتين")


def test_eval_gold_entity_names_count_for_the_speaker():
    g = [gold([gq("روسيا فخورة بإنجازات قطاعها الفضائي")])]
    ent = {"id": "e1", "label": "PER", "name": "فلاديمير بوتين",
           "mentions": [{"start": 0, "end": 5, "text": "بوتين"}]}
    q = sq(*span_of("روسيا فخورة بإنجازات قطاعها الفضائي"), speaker="هو", entity="e1")
    r = score(g, [system([q], entities=[ent])])["quotes"]
    assert r["speaker_ok"] == 1 and r["end_to_end"]["f1"] == 1.0


def test_eval_gold_end_to_end_needs_content_and_speaker():
    g = [gold([gq("روسيا فخورة بإنجازات قطاعها الفضائي"), gq("نحن معاً")])]
    s = system([sq(*span_of("روسيا فخورة بإنجازات قطاعها الفضائي")),
                sq(*span_of("نحن معاً"), speaker="كيم")])
    r = score(g, [s])["quotes"]
    assert r["content"]["f1"] == 1.0
    assert r["attribution"] == pytest.approx(0.5)
    assert r["end_to_end"]["f1"] == pytest.approx(0.5)


def ev(src, typ, tgt):
    return {"type": typ, "source": {"entity": None, "country": src},
            "target": {"entity": None, "country": tgt} if tgt else None}


def test_eval_gold_events_type_or_also():
    g = [gold(events=[{"source": "USA", "type": "ACCUSE", "target": "RUS", "also": ["THREATEN"]}])]
    assert score(g, [system(events=[ev("USA", "THREATEN", "RUS")])])["events"]["f1"] == 1.0
    assert score(g, [system(events=[ev("USA", "REJECT", "RUS")])])["events"]["f1"] == 0.0
    assert score(g, [system(events=[ev("RUS", "ACCUSE", "USA")])])["events"]["matched"] == 0


def test_eval_gold_events_optional_and_empty_target():
    g = [gold(events=[{"source": "JPN", "type": "ACCUSE", "target": "PRK", "optional": True},
                      {"source": "SAU", "type": "MOBILIZE", "target": ""}])]
    r = score(g, [system(events=[ev("JPN", "ACCUSE", "PRK"), ev("SAU", "MOBILIZE", None)])])["events"]
    assert (r["gold"], r["system"], r["matched"]) == (1, 1, 1)
    r = score(g, [system(events=[])])["events"]
    assert r["gold"] == 1 and r["recall"] == 0.0


def test_eval_gold_missing_record_counts_every_gold_item_as_missed():
    r = score([gold([gq("نحن معاً")])], [])
    assert r["quotes"]["gold"] == 1 and r["quotes"]["end_to_end"]["recall"] == 0.0


def test_eval_gold_report_lists_misses_false_alarms_and_wrong_speakers():
    g = [gold([gq("روسيا فخورة بإنجازات قطاعها الفضائي"), gq("نحن معاً", occurrence=2)])]
    s = system([sq(*span_of("روسيا فخورة بإنجازات قطاعها الفضائي"), speaker="كيم"),
                sq(*span_of("قال الرئيس"))])
    out = format_report(score(g, [s]), detail=True)
    assert "MISS" in out and "FALSE" in out and "WHO" in out
    assert "MISS" not in format_report(score(g, [s]))


def test_eval_gold_speaker_country_on_matched_quotes():
    # Two matched quotes whose gold speaker has a country; the entity places one right.
    g = [gold([gq("روسيا فخورة بإنجازات قطاعها الفضائي", speaker_country="RUS"),
               gq("نحن معاً", speaker_country="PRK"), gq("نحن معاً", occurrence=2)])]
    ents = [{"id": "e1", "label": "PER", "name": "فلاديمير بوتين", "country": "RUS", "mentions": []},
            {"id": "e2", "label": "PER", "name": "كيم", "country": None, "mentions": []}]
    s = system([sq(*span_of("روسيا فخورة بإنجازات قطاعها الفضائي"), entity="e1"),
                sq(*span_of("نحن معاً"), speaker="كيم", entity="e2")], entities=ents)
    report = score(g, [s])
    q = report["quotes"]
    assert (q["with_country"], q["country_ok"], q["speaker_country"]) == (2, 1, 0.5)
    assert "speaker country 0.500  (1/2)" in format_report(report)
    assert "WHERE" in format_report(report, detail=True)
