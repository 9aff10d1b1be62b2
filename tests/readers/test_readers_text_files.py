"""marsad.readers.text: one article per file, the title rule, text exactly as read."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.readers.text import read_text, split_title

BODY = "قال الرئيس إن القمة كانت ناجحة.\nوأضاف: «سنلتقي مجدداً».\n"  # the president said the summit succeeded...


def test_readers_text_seed_matches_dev(seed_path: Path, dev_path: Path, seed_parts) -> None:
    (article,) = read_text(seed_path)
    gold = json.loads(dev_path.read_text(encoding="utf-8").splitlines()[0])
    assert article.id == "putin-kim-summit"
    assert article.title == seed_parts[0] == gold["title"]
    assert article.text == gold["text"]
    assert not article.errors and article.source == str(seed_path)


@pytest.mark.parametrize(
    "content, title_line, title, text",
    [
        ("عنوان الخبر\n" + BODY, None, "عنوان الخبر", BODY),  # news headline
        ("عنوان الخبر\r\n" + BODY, None, "عنوان الخبر", BODY),  # CRLF: the text keeps its own
        ("جملة تنتهي بنقطة.\n" + BODY, None, None, "جملة تنتهي بنقطة.\n" + BODY),  # a sentence
        ("هل هذا سؤال؟\n" + BODY, None, None, "هل هذا سؤال؟\n" + BODY),  # a question
        ("وقال:\n" + BODY, None, None, "وقال:\n" + BODY),  # "and he said:"
        ("ع" * 201 + "\n" + BODY, None, None, "ع" * 201 + "\n" + BODY),
        ("سطر واحد فقط", None, None, "سطر واحد فقط"),  # a single line
        ("عنوان\n   \n", None, None, "عنوان\n   \n"),  # nothing after the first line
        ("\n" + BODY, None, None, "\n" + BODY),
        ("جملة تنتهي بنقطة.\n" + BODY, True, "جملة تنتهي بنقطة.", BODY),
        ("عنوان الخبر\n" + BODY, False, None, "عنوان الخبر\n" + BODY),
    ],
    ids=["title", "crlf", "sentence", "question", "colon", "long", "one-line", "blank-rest", "empty-first", "forced", "off"],
)
def test_readers_text_title_rule(content: str, title_line, title, text) -> None:
    assert split_title(content, title_line) == (title, text)


@pytest.mark.parametrize(
    "name, data, encoding",
    [
        ("cp1256.txt", ("عنوان\n" + BODY).encode("cp1256"), "cp1256"),
        ("utf16.txt", ("عنوان\n" + BODY).encode("utf-16"), "utf-16-le"),
        ("bom.txt", b"\xef\xbb\xbf" + ("عنوان\n" + BODY).encode(), "utf-8-bom"),
    ],
)
def test_readers_text_encodings(tmp_path: Path, name: str, data: bytes, encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (article,) = read_text(path)
    assert (article.title, article.text, article.meta["encoding"]) == ("عنوان", BODY, encoding)


def test_readers_text_latin1(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Résumé\nLe café était très bon à Genève.\n".encode("latin-1"))
    (article,) = read_text(path)
    assert article.title == "Résumé" and article.text == "Le café était très bon à Genève.\n"


@pytest.mark.parametrize(
    "data, code",
    [(b"", "empty_text"), (b" \n\n \t", "empty_text"), (bytes(range(256)) * 20, "binary")],
    ids=["empty", "blank", "binary"],
)
def test_readers_text_error_records(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    (article,) = read_text(path)
    assert article.text == "" and article.id == "bad"
    assert [e.code for e in article.errors] == [code]
    assert str(path) in article.errors[0].message and article.errors[0].source == str(path)


def test_readers_text_keeps_text_exactly(tmp_path: Path) -> None:
    content = "عنوان\r\n  سطر أول\r\n\r\nسطر ثان\u200f  \n"  # CR, double spaces, RLM kept
    path = tmp_path / "exact.txt"
    path.write_bytes(content.encode())
    (article,) = read_text(path)
    assert article.text == content.split("\n", 1)[1]
