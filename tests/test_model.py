"""The marsad/1 record: JSON round-trip and the shipped JSON Schema."""
import json

import pytest

from marsad.model import (Actor, Article, DateRef, Entity, ErrorInfo, Event, Place, Quote, Record,
                          Span, Speaker, content_id)
from marsad.schema import problems, schema

TEXT = "قال الرئيس فلاديمير بوتين إن روسيا فخورة. وأعلنت اليابان أمس أنها تراقب."


def full_record() -> Record:
    putin = Entity("e1", "PER", "فلاديمير بوتين", "Vladimir Putin", "RUS", "GOV", "head of state",
                   [Span(11, 25, "فلاديمير بوتين")])
    japan = Entity("e2", "LOC", "اليابان", "Japan", "JPN", "GOV", None, [Span(49, 56, "اليابان")])
    return Record(
        id="t-1", text=TEXT, title="بوتين", published="2023-09-13", url="https://example.org/a",
        outlet="tishreen",
        entities=[putin, japan],
        quotes=[Quote("indirect", Span(29, 41, "روسيا فخورة."),
                      Speaker("e1", "فلاديمير بوتين", 11, 25), Span(0, 3, "قال"))],
        events=[Event("ACCUSE", Span(43, 72, TEXT[43:72]), Actor("e2", "JPN", "GOV"), None,
                      mode=None, place=Place("طوكيو", "JPN", 35.68, 139.69),
                      date="2023-09-12", evidence_all=[Span(43, 72, TEXT[43:72])])],
        dates=[DateRef("أمس", 57, 60, "2023-09-12", "day", relative=True)],
        places=[Place("روسيا", "RUS", 61.5, 105.3, kind="country", start=29, end=34)],
        errors=[ErrorInfo("text_truncated", "x: cut", "x")],
        meta={"author": "وكالات"},
    )


def test_record_round_trips_through_json():
    record = full_record()
    again = Record.from_json(record.to_json())
    assert again == record
    assert again.to_json() == record.to_json()


def test_record_is_valid_marsad1():
    assert problems(full_record().to_dict()) == []


def test_schema_rejects_bad_offsets_and_labels():
    d = full_record().to_dict()
    d["entities"][0]["mentions"][0]["start"] = 12
    assert any("offsets" in p for p in problems(d))
    d = full_record().to_dict()
    d["entities"][0]["label"] = "PERSON"
    assert problems(d)
    d = full_record().to_dict()
    d["events"][0]["type"] = "MEET"
    assert problems(d)


def test_record_fields_are_the_contract():
    d = full_record().to_dict()
    for key in ("schema", "id", "url", "outlet", "title", "published", "text", "entities", "quotes",
                "events", "dates", "errors"):
        assert key in d
    assert d["schema"] == "marsad/1"
    assert set(d["quotes"][0]) >= {"kind", "speaker", "cue", "content"}
    assert set(d["events"][0]) >= {"type", "mode", "source", "target", "place", "date", "evidence"}
    assert set(schema()["required"]) <= set(d)


def test_lone_surrogate_and_controls_survive_json():
    text = "نص\ud800 مع\x00\x1b تحكم"
    record = Record(id="s", text=text)
    line = record.to_json()
    line.encode("utf-8")  # writable as UTF-8
    assert Record.from_json(line).text == text
    assert json.loads(line)["text"] == text


@pytest.mark.parametrize("title", [None, "عنوان"])
def test_content_id_is_stable(title):
    assert content_id("نص", title) == content_id("نص", title)
    assert content_id("نص", title) != content_id("نص آخر", title)
    assert Article(text="نص", title=title).id == content_id("نص", title)


@pytest.mark.parametrize("date, precision, start, end", [
    ("2023-09-12", "day", "2023-09-12", "2023-09-12"),
    ("2015-W29", "week", "2015-07-13", "2015-07-19"),
    ("2015-07", "month", "2015-07-01", "2015-07-31"),
    ("2015", "year", "2015-01-01", "2015-12-31"),
    (None, None, None, None),
])
def test_model_event_carries_its_date_precision_and_days(date, precision, start, end):
    record = full_record()
    record.events[0].date = date
    d = record.to_dict()["events"][0]
    assert (d["date"], d["date_precision"], d["date_start"], d["date_end"]) == (date, precision, start, end)
    assert problems(record.to_dict()) == []
    assert Record.from_dict(record.to_dict()) == record


def test_model_reads_an_event_written_before_date_precision():
    d = full_record().to_dict()
    for key in ("date_precision", "date_start", "date_end"):
        del d["events"][0][key]
    d["events"][0]["date"] = "2015-W29"
    event = Record.from_dict(d).events[0]
    assert event.date == "2015-W29" and event.date_precision == "week"
    assert event.to_dict()["date_start"] == "2015-07-13"
