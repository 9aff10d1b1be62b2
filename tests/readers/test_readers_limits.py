"""Unbounded inputs end quickly and in little memory: plainly binary bytes are refused on
their first 64 KB, and nothing larger than the maximum input size is read whole."""
from __future__ import annotations

import json
import os
import time
import tracemalloc

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.readers import read

TEXT = "قال المتحدث إن الاجتماع عقد في موسكو.\n"  # "The spokesman said the meeting was held in Moscow."


def _codes(articles) -> list[str]:
    return [e.code for a in articles for e in a.errors]


@pytest.mark.parametrize("name", ["zeros.html", "zeros.txt", "zeros.rss", "zeros.bin"])
def test_readers_limits_gigabyte_of_nul_is_binary_at_once(tmp_path, name):
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(1 << 30)  # 1 GB of NUL bytes (sparse: no disk used)
    tracemalloc.start()
    started = time.monotonic()
    articles = list(read([str(path)]))
    seconds = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert _codes(articles) == ["binary"]
    assert seconds < 5 and peak < 16 << 20, (seconds, peak)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_readers_limits_dev_zero_ends():
    assert _codes(read(["/dev/zero"])) == ["binary"]
    assert _codes(read(["/dev/zero"], format="jsonl", max_bytes=1 << 20)) == ["too_large"]


def test_readers_limits_file_larger_than_the_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(TEXT * 100, encoding="utf-8")
    size = path.stat().st_size
    (article,) = read([str(path)], max_bytes=size - 1)
    assert _codes([article]) == ["too_large"]
    assert article.errors[0].message.startswith(f"{path}: larger than the maximum input size")
    (article,) = read([str(path)], max_bytes=size)  # exactly at the limit: read
    assert not article.errors and article.text.startswith("قال")


def test_readers_limits_jsonl_line_larger_than_the_limit_stops_the_file(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False),
             json.dumps({"id": "b", "text": TEXT * 1000}, ensure_ascii=False),
             json.dumps({"id": "c", "text": TEXT}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(read([str(path)], max_bytes=10_000))
    assert [a.id for a in articles][:1] == ["a"] and not articles[0].errors
    assert len(articles) == 2 and _codes(articles[1:]) == ["too_large"]
    assert articles[1].source == f"{path}:2" and "reading" in articles[1].errors[0].message


def test_readers_limits_utf16_is_not_binary(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))  # NULs at one byte parity, no BOM
    (article,) = read([str(path)])
    assert not article.errors and article.text.strip() == TEXT.strip()


def test_readers_limits_cli_option(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 40_000, encoding="utf-8")  # about 2.6 MB
    result = CliRunner().invoke(cli, ["extract", str(path), "--max-input-size", "1", "-q"])
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert [e["code"] for e in record["errors"]] == ["too_large"]
    assert "--max-input-size" in record["errors"][0]["message"]


def test_readers_limits_json_object_larger_than_the_limit_stops_the_file(tmp_path):
    path = tmp_path / "in.json"
    items = [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT * 1000}, {"id": "c", "text": TEXT}]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    articles = list(read([str(path)], max_bytes=10_000))
    assert articles[0].id == "a" and not articles[0].errors
    assert len(articles) == 2 and _codes(articles[1:]) == ["too_large"]
    assert len(list(read([str(path)]))) == 3  # under the default limit: all read


def test_readers_limits_huge_html_page_is_cut_before_extraction(tmp_path, monkeypatch):
    import marsad.readers.html as html_reader

    monkeypatch.setattr(html_reader, "MAX_PAGE_CHARS", 5000)
    paragraphs = "".join(f"<p>{TEXT.strip()} {i}</p>" for i in range(400))
    path = tmp_path / "huge.html"
    path.write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    (article,) = read([str(path)])
    assert _codes([article]) == ["text_truncated"] and article.text.startswith("قال")
    assert len(article.text) < 5000 and f"the first 5000" in article.errors[0].message


def test_readers_limits_warc_response_larger_than_the_limit(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name, repeat in (("big", 2000), ("small", 3)):
            body = f"<html><body><article><p>{TEXT * repeat}</p></article></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"http://x/{name}", "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=headers))
    big, small = read([str(path)], max_bytes=10_000)
    assert _codes([big]) == ["too_large"] and big.url == "http://x/big"
    assert big.source.startswith(f"{path}#") and "--max-input-size" in big.errors[0].message
    assert not small.errors and small.text.startswith("قال")


def test_readers_limits_reach_zip_members(tmp_path):
    import zipfile

    path = tmp_path / "day.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", TEXT * 1000)
        archive.writestr("small.txt", TEXT)
    big, small = read([str(path)], max_bytes=10_000)
    assert _codes([big]) == ["too_large"] and big.source == f"{path}!big.txt"
    assert not small.errors


def test_readers_limits_endless_zip_on_stdin_ends(monkeypatch):
    import io
    import sys

    class EndlessZip(io.RawIOBase):
        """A zip member's header, then NUL bytes without end."""

        def __init__(self):
            self.head = b"PK\x03\x04"

        def readable(self):
            return True

        def readinto(self, buffer):
            n = len(buffer)
            data, self.head = (self.head[:n] + bytes(max(0, n - len(self.head)))), b""
            buffer[:n] = data
            return n

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(EndlessZip())))
    assert _codes(read(["-"], max_bytes=1 << 20)) == ["too_large"]
