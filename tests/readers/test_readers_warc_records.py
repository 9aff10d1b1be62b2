"""marsad.readers.warc: HTML responses of a real (gzipped) WARC file as articles."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.readers.warc import read_warc

WARC_DATE = "2023-09-14T08:00:00Z"


def _write_warc(path: Path, seed_html: str) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(url: str, body: bytes, content_type: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": WARC_DATE}
            )
            writer.write_record(record)

        writer.write_record(writer.create_warc_record("http://x/seed", "request", payload=io.BytesIO(b"GET /seed HTTP/1.1\r\n\r\n")))
        response("http://x/seed", seed_html.encode("utf-8"), "text/html; charset=utf-8")
        response("http://x/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        undated = "<html><body><p>قال الوزير إن الاجتماع كان مثمرا.</p></body></html>"  # the minister said...
        response("http://x/old", undated.encode("cp1256"), "text/html; charset=windows-1256")
        response("http://x/menu", b"<html><body><nav><a href='/'>home</a></nav></body></html>", "text/html")


@pytest.fixture
def warc_path(tmp_path: Path, seed_html: str) -> Path:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path, seed_html)
    return path


def test_readers_warc_html_responses(warc_path: Path, seed_parts) -> None:
    seed, undated, menu = read_warc(warc_path)
    assert (seed.url, seed.title, seed.published, seed.meta["published_from"]) == ("http://x/seed", seed_parts[0], "2023-09-13", "page")
    assert seed.text == seed_parts[1].strip()
    assert (undated.url, undated.published, undated.meta["published_from"]) == ("http://x/old", "2023-09-14", "warc-date")
    assert undated.text == "قال الوزير إن الاجتماع كان مثمرا."
    assert menu.errors[0].code == "no_main_text" and menu.url == "http://x/menu"
    offsets = [int(a.source.rsplit("#", 1)[1]) for a in (seed, undated, menu)]
    assert all(a.source.startswith(f"{warc_path}#") for a in (seed, undated, menu))
    assert offsets == sorted(offsets) and offsets[0] > 0  # the request record comes first


def test_readers_warc_record_offsets_point_at_records(warc_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    for article in read_warc(warc_path):
        offset = int(article.source.rsplit("#", 1)[1])
        with open(warc_path, "rb") as fh:
            fh.seek(offset)
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_headers.get_header("WARC-Target-URI") == article.url


def test_readers_warc_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not a web archive\n")
    (article,) = read_warc(path)
    assert article.errors[0].code == "warc_invalid" and str(path) in article.errors[0].message
