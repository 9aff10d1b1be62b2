"""Inputs cut short are said to be: every archive format, cut inside each of its items,
gives the items before the cut whole and one error record naming the file and where it is
cut (a byte offset, or the line of the item), never a shorter input read as if whole."""
from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.cli.main import cli
from marsad.readers import read

pytestmark = pytest.mark.faults

N = 4
# "The minister said meeting number N was fruitful and discussed cooperation."
SENTENCE = "قال الوزير إن الاجتماع رقم {} كان مثمرا وناقش التعاون بين البلدين في مجالات عدة."
OBJECTS = [{"id": f"a{i}", "title": f"خبر {i}", "text": " ".join([SENTENCE.format(i)] * 6)}
           for i in range(N)]  # "news item i"


def _html(i: int) -> bytes:
    body = "".join(f"<p>{SENTENCE.format(i)} {j}</p>" for j in range(6))
    return f"<html><head><title>خبر {i}</title></head><body><article>{body}</article></body></html>".encode()


def _warc(gz: bool) -> tuple[bytes, list[int]]:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    starts = []
    for i in range(N):
        starts.append(out.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"http://x/{i}", "response", payload=io.BytesIO(_html(i)), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2023-09-14T08:00:00Z"}))
    return out.getvalue(), starts


def _jsonl() -> tuple[bytes, list[int]]:
    lines = [json.dumps(o, ensure_ascii=False).encode() + b"\n" for o in OBJECTS]
    return b"".join(lines), [sum(map(len, lines[:i])) for i in range(N)]


def _json() -> tuple[bytes, list[int]]:
    data = json.dumps(OBJECTS, ensure_ascii=False, indent=1).encode()
    return data, [data.index(f'"id": "a{i}"'.encode()) for i in range(N)]


def _zip(member_per_article: bool) -> tuple[bytes, list[int]]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if member_per_article:
            for i, obj in enumerate(OBJECTS):
                archive.writestr(f"{i}.json", json.dumps([obj], ensure_ascii=False))
        else:  # SaudiNewsNet's layout: one member, one array
            archive.writestr("day.json", json.dumps(OBJECTS, ensure_ascii=False))
    data = out.getvalue()
    if not member_per_article:  # cuts spread over the one member's data
        begin, end = 30 + len("day.json"), data.index(b"PK\x01\x02")
        return data, [begin + (end - begin) * i // N for i in range(N)]
    return data, [data.index(f"{i}.json".encode()) - 30 for i in range(N)]


def _gzipped(maker) -> tuple[bytes, list[int]]:
    data, _ = maker()
    packed = gzip.compress(data, mtime=0)
    return packed, [len(packed) * i // N for i in range(N)]


FORMATS = {
    "x.warc": lambda: _warc(False),
    "x.warc.gz": lambda: _warc(True),
    "x.jsonl": _jsonl,
    "x.json": _json,
    "x.jsonl.gz": lambda: _gzipped(_jsonl),
    "x.json.gz": lambda: _gzipped(_json),
    "x.zip": lambda: _zip(True),
    "day.zip": lambda: _zip(False),
}


def _articles(path: Path) -> list:
    return list(read([str(path)], note=lambda message: None))


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("inside", [0, 1, 3])  # the item cut (its start + a few bytes)
@pytest.mark.parametrize("into", [1, 25, 90])  # how far into it
def test_readers_truncation_reported(tmp_path, name, inside, into):
    data, starts = FORMATS[name]()
    whole = tmp_path / name
    whole.write_bytes(data)
    full = _articles(whole)
    assert len(full) == N and not any(a.errors for a in full)
    cut = tmp_path / "cut" / name
    cut.parent.mkdir()
    cut.write_bytes(data[: min(starts[inside] + into, len(data) - 1)])
    articles = _articles(cut)
    good = [a for a in articles if not a.errors]
    bad = [a for a in articles if a.errors]
    # the records before the cut, whole and in order; nothing cut read as if whole
    assert [(a.id, a.text) for a in good] == [(a.id, a.text) for a in full[: len(good)]]
    assert len(bad) == 1 and articles[-1] is bad[0], [a.errors for a in articles]
    error = bad[0].errors[0]
    assert error.code == "truncated", error
    assert str(cut) in error.message and str(cut) in bad[0].source
    assert "byte" in error.message or ":" in bad[0].source[len(str(cut)):]  # where: a byte or a line
    if not name.endswith(".gz") and name != "day.zip":  # gzip and deflate: cut a bit earlier
        assert len(good) == inside


def test_readers_truncation_text_and_html_gz(tmp_path):
    for name, data in (("a.txt.gz", ("عنوان\n" + SENTENCE * 40).encode()),
                       ("a.html.gz", _html(1) * 5)):
        path = tmp_path / name
        packed = gzip.compress(data)
        path.write_bytes(packed[: len(packed) // 2])
        (article,) = _articles(path)
        assert article.errors[0].code == "truncated" and not article.text
        assert article.errors[0].message.startswith(f"{path}: cut short: the file ends at byte")


def test_readers_truncation_gzip_of_unknown_extension_does_not_stop_the_run(tmp_path):
    """A cut .gz whose format is sniffed (no known extension inside) is an error record,
    and the next input is read."""
    cut = tmp_path / "a.gz"
    packed = gzip.compress(_jsonl()[0])
    cut.write_bytes(packed[: len(packed) // 2])
    after = tmp_path / "b.jsonl"
    after.write_bytes(_jsonl()[0])
    articles = list(read([str(cut), str(after)]))
    assert any(e.code == "truncated" for a in articles for e in a.errors)
    assert [a.id for a in articles[-N:]] == [o["id"] for o in OBJECTS]


def test_readers_truncation_counted_by_extract_and_ingest(tmp_path):
    data, starts = _warc(True)
    cut = tmp_path / "crawl.warc.gz"
    cut.write_bytes(data[: starts[2] + 50])
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(cut), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "3 articles, 1 with errors" in result.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["errors"][0]["code"] if r["errors"] else None for r in records] == [None, None, "truncated"]
    db = tmp_path / "news.db"
    result = runner.invoke(cli, ["ingest", str(cut), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 added, 0 updated, 0 already stored, 1 with errors" in result.stderr
