"""marsad.readers.read: files, folders, stdin, format choice, options and failures."""
from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from marsad.readers import FORMATS, ReaderError, read
from marsad.readers import dispatch
from marsad.readers.dispatch import format_of, sniff

TEXT = "قال الوزير إن الاجتماع كان مثمرا وإن البلدين سيتعاونان."  # the minister said...
PAGE = f"<html><head><title>عنوان</title></head><body><p>{TEXT}</p></body></html>"
FEED = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title><item><title>t</title><description>{TEXT}</description></item></channel></rss>'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("عنوان\n" + TEXT, encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "b" / "d.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b" / "e.xml").write_text(FEED, encoding="utf-8")
    (tmp_path / "b" / "f.xml").write_text("<config><x/></config>", encoding="utf-8")  # not a feed
    (tmp_path / "b" / "g.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "g1", "text": TEXT}).encode()))
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    return tmp_path


def test_readers_dispatch_formats_listed() -> None:
    assert FORMATS == ("txt", "jsonl", "json", "html", "rss", "warc", "zip")


def test_readers_dispatch_directory(tree: Path) -> None:
    articles = list(read([str(tree)]))
    assert [Path(a.source.split(":")[0].split("#")[0]).name for a in articles] == ["a.txt", "c.jsonl", "d.html", "e.xml", "g.jsonl.gz"]
    assert all(not a.errors for a in articles)
    assert [a.id for a in articles][:2] == ["a", "c1"]


def test_readers_dispatch_directory_forced_format(tree: Path) -> None:
    assert [a.id for a in read([str(tree)], format="jsonl")] == ["c1", "g1"]


@pytest.mark.parametrize(
    "name, fmt",
    [("a.txt", "txt"), ("A.HTM", "html"), ("x.warc.gz", "warc"), ("x.warc", "warc"), ("x.jsonl.gz", "jsonl"),
     ("x.json", "json"), ("x.atom", "rss"), ("x.md", None)],
)
def test_readers_dispatch_format_of(name: str, fmt) -> None:
    assert format_of(name) == fmt


@pytest.mark.parametrize(
    "head, fmt",
    [(b'  {"text": "x"}', "jsonl"), (b"[{", "json"), (b"<!DOCTYPE html><html>", "html"), (FEED.encode(), "rss"),
     (b"WARC/1.0\r\n", "warc"), (gzip.compress(b"WARC/1.0\r\n"), "warc"), (TEXT.encode(), "txt"), (b"", None)],
    ids=["jsonl", "json", "html", "rss", "warc", "warc-gz", "txt", "empty"],
)
def test_readers_dispatch_sniff(head: bytes, fmt) -> None:
    assert sniff(head) == fmt


@pytest.mark.parametrize(
    "data, fmt, texts",
    [
        (json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": "ثان"}), None, [TEXT, "ثان"]),  # "second"
        (PAGE, None, [TEXT]),
        ("عنوان\n" + TEXT, None, [TEXT]),
        ("عنوان\n" + TEXT, "txt", [TEXT]),
    ],
    ids=["jsonl", "html", "txt", "forced"],
)
def test_readers_dispatch_stdin(monkeypatch, data: str, fmt, texts) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data.encode())))
    articles = list(read(["-"], format=fmt))
    assert [a.text for a in articles] == texts and articles[0].source.startswith("stdin")


def test_readers_dispatch_options(tree: Path) -> None:
    (article,) = read([str(tree / "a.txt")], title_line=False)
    assert article.title is None and article.text.startswith("عنوان\n")


@pytest.mark.parametrize(
    "inputs, kwargs, message",
    [
        (["/no/such/file.txt"], {}, "no such file"),
        (["-"], {"format": "pdf"}, "unknown format"),
        (["-"], {"colour": "red"}, "unknown reader option"),
    ],
)
def test_readers_dispatch_refusals(inputs, kwargs, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        read(inputs, **kwargs)  # raised at once, before any article is asked for


def test_readers_dispatch_unrecognised_file(tree: Path) -> None:
    (article,) = read([str(tree / "b" / "f.xml")])
    assert article.errors[0].code == "unsupported_format"
    (article,) = read([str(tree / "notes.md")])  # unknown extension: sniffed, read as text
    assert article.text == "not an input"


def test_readers_dispatch_reader_failure_is_contained(tree: Path, monkeypatch) -> None:
    def broken(path, **_):
        yield from ()
        raise RuntimeError("boom")

    monkeypatch.setitem(dispatch.READERS, "html", broken)
    articles = list(read([str(tree)]))
    failed = [a for a in articles if a.errors]
    assert len(articles) == 5 and [a.errors[0].code for a in failed] == ["read_failed"]
    assert "boom" in failed[0].errors[0].message
