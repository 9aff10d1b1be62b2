"""marsad.readers.jsonl: JSON Lines and JSON arrays, good records and every bad kind."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.model import content_id
from marsad.readers import jsonl
from marsad.readers.jsonl import read_json, read_jsonl

TEXT = "قال المتحدث باسم الوزارة إن الاجتماع سيعقد غداً."  # the ministry spokesman said...
BIG = "خبر " * 600_000  # a 2.4 MB one-line text ("news ")

GOOD = [
    {"id": "a1", "title": "عنوان", "text": TEXT, "published": "2023-09-13T10:00:00+03:00", "url": "http://x/a1", "outlet": "tishreen", "author": "وكالات"},
    {"id": 42, "content": TEXT, "date_extracted": "2015-07-21 02:51:32", "source": "aawsat", "tags": ["x"]},
    {"body": TEXT, "date": "13 سبتمبر 2023"},  # no id: a content hash
    {"text": TEXT, "published_at": "yesterday-ish"},  # unparsable date kept in meta
    {"text": BIG},
    {"text": "تحكم\x01\x1f\x7f ونص", "title": "t"},  # control characters ("control and text")
]
BAD = {
    '{"id": "cut", "text": "نص مقطو': "json_invalid",  # a truncated line
    "[1, 2, 3]": "not_object",
    '"just a string"': "not_object",
    '{"id": "nt", "title": "بلا نص"}': "no_text",  # "without text"
    '{"id": "nt2", "text": null, "content": 5}': "text_not_string",
    '{"id": "n5", "text": 5}': "text_not_string",
    '{"id": "nl", "body": ["نص"], "title": "t"}': "text_not_string",  # "text" in an array
    '{"id": "et", "text": "  \\n "}': "empty_text",
}


@pytest.fixture
def mixed_jsonl(tmp_path: Path) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in GOOD]
    lines.append('{"id": "sur", "text": "lone \\ud800 surrogate"}')
    lines.append("")  # blank lines are not items
    lines.extend(BAD)
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_readers_jsonl_good_records(mixed_jsonl: Path) -> None:
    articles = list(read_jsonl(mixed_jsonl))
    good = [a for a in articles if not a.errors]
    assert len(articles) == len(GOOD) + 1 + len(BAD)
    first, second, third, fourth, big, control, surrogate = good
    assert (first.id, first.title, first.published, first.url, first.outlet, first.author) == (
        "a1", "عنوان", "2023-09-13", "http://x/a1", "tishreen", "وكالات")
    assert (second.id, second.text, second.published, second.outlet) == ("42", TEXT, "2015-07-21", "aawsat")
    assert second.meta == {"published_from": "date_extracted", "tags": ["x"]}
    assert third.id == content_id(TEXT, None) and third.published == "2023-09-13"
    assert fourth.published is None and fourth.meta["published_raw"] == "yesterday-ish"
    assert big.text == BIG
    assert control.text == "تحكم\x01\x1f\x7f ونص"
    assert surrogate.text == "lone \ud800 surrogate"
    assert first.source == f"{mixed_jsonl}:1"


def test_readers_jsonl_bad_lines(mixed_jsonl: Path) -> None:
    errors = [a for a in read_jsonl(mixed_jsonl) if a.errors]
    assert [a.errors[0].code for a in errors] == list(BAD.values())
    first_bad_line = len(GOOD) + 3  # after the surrogate line and the blank line
    for n, article in enumerate(errors):
        source = f"{mixed_jsonl}:{first_bad_line + n}"
        assert article.text == "" and article.source == source == article.errors[0].source
        assert article.errors[0].message.startswith(source)
    assert "truncated" in errors[0].errors[0].message
    assert errors[3].id == "nt" and errors[3].title == "بلا نص"
    assert "no text field" in errors[3].errors[0].message
    assert errors[4].errors[0].message.endswith("the text field «content» is a JSON number, not a string")
    assert errors[5].errors[0].message.endswith("the text field «text» is a JSON number, not a string")
    assert errors[6].errors[0].message.endswith("the text field «body» is a JSON array, not a string")
    assert len({a.id for a in errors}) == len(errors)  # error records do not share an id


def test_readers_jsonl_invalid_utf8_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "ok"}\n{"text": "bad \xff byte"}\n')
    ok, bad = read_jsonl(path)
    assert ok.text == "ok" and not ok.errors
    assert bad.text == "bad \ufffd byte" and bad.meta["encoding_notes"]


def test_readers_jsonl_utf16(tmp_path: Path) -> None:
    path = tmp_path / "u16.jsonl"
    path.write_bytes('{"text": "نص"}\n{"text": "آخر"}\n'.encode("utf-16"))
    assert [a.text for a in read_jsonl(path)] == ["نص", "آخر"]


@pytest.mark.parametrize("chunk", [7, 1 << 20], ids=["tiny-chunks", "default"])
def test_readers_json_array_streamed(tmp_path: Path, monkeypatch, chunk: int) -> None:
    monkeypatch.setattr(jsonl, "_CHUNK", chunk)
    records = [{"source": "okaz", "title": f"خبر {i}", "content": f"{TEXT} {i}", "date_extracted": "2015-07-21 02:51:32"} for i in range(5)]
    path = tmp_path / "day.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=4), encoding="utf-8")
    articles = list(read_json(path))
    assert [a.title for a in articles] == [r["title"] for r in records]
    assert [a.source for a in articles] == [f"{path}:{2 + 6 * i}" for i in range(5)]  # 6 lines per object
    assert all(a.outlet == "okaz" and a.published == "2015-07-21" for a in articles)


@pytest.mark.parametrize(
    "content, texts, codes",
    [
        ('[{"text": "a"}, 3, {"text": "b"}]', ["a", "", "b"], [None, "not_object", None]),
        ('[{"text": "a"}, {"text": "b"', ["a", ""], [None, "truncated"]),
        ('[{"text": "a"}, {"text": "b"}', ["a", "b", ""], [None, None, "truncated"]),  # no "]"
        ('[{"text": "a"}, {"text": b, "title": "a title long enough"}]', ["a", ""],
         [None, "json_invalid"]),
        ('{"text": "a"}\n{"text": "b"}', ["a", "b"], [None, None]),
        ("[]", [], []),
        ("", [], []),
    ],
    ids=["non-object", "truncated", "not-closed", "invalid", "sequence", "empty-array", "empty-file"],
)
def test_readers_json_array_items(tmp_path: Path, content: str, texts, codes) -> None:
    path = tmp_path / "items.json"
    path.write_text(content, encoding="utf-8")
    articles = list(read_json(path))
    assert [a.text for a in articles] == texts
    assert [a.errors[0].code if a.errors else None for a in articles] == codes
