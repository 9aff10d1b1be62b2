"""Zip archives: SaudiNewsNet's layout (members are JSON arrays of articles), folders of
archives, files that are not news skipped with a note, broken archives as error records."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from marsad.readers import read
from marsad.readers.dispatch import sniff
from marsad.readers.errors import first_error
from marsad.readers.formats import not_article

# "Riyadh hosts a summit" / "The minister said the talks were constructive"
SNN = [
    {"source": "aawsat", "url": "http://aawsat.com/1", "date_extracted": "2015-07-21 02:51:32",
     "title": "الرياض تستضيف قمة", "author": "", "content": "استضافت الرياض اليوم قمة خليجية."},
    {"source": "spa", "url": "http://spa.gov.sa/2", "date_extracted": "2015-07-21 03:10:00",
     "title": "الوزير: المحادثات بناءة", "content": "قال الوزير إن المحادثات كانت بناءة."},
]


def snn_zip(path: Path, articles=SNN, extra: dict | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{path.stem}.json", json.dumps(articles, ensure_ascii=False, indent=4))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def test_readers_zip_saudinewsnet_members_become_articles(tmp_path: Path) -> None:
    archive = snn_zip(tmp_path / "2015-07-21.zip")
    articles = list(read([str(archive)], note=lambda m: None))
    assert [a.title for a in articles] == [SNN[0]["title"], SNN[1]["title"]]
    assert all(not a.errors for a in articles)
    assert articles[0].text == SNN[0]["content"]
    assert (articles[0].outlet, articles[0].url, articles[0].published) == ("aawsat", "http://aawsat.com/1", "2015-07-21")
    assert articles[0].source.startswith(f"{archive}!2015-07-21.json:")


def test_readers_zip_same_ids_as_the_json_member(tmp_path: Path) -> None:
    (tmp_path / "day.json").write_text(json.dumps(SNN, ensure_ascii=False), encoding="utf-8")
    archive = snn_zip(tmp_path / "day.zip")
    assert [a.id for a in read([str(archive)])] == [a.id for a in read([str(tmp_path / "day.json")])]


def test_readers_zip_folder_recurses_and_skips_readme_with_a_note(tmp_path: Path) -> None:
    snn_zip(tmp_path / "2015-07-21.zip", extra={"README.md": "about", "LICENSE": "CC"})
    snn_zip(tmp_path / "2015-07-22.zip", SNN[:1])
    (tmp_path / "README.txt").write_text("SaudiNewsNet: 31,030 articles.", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("CC BY-NC-SA", encoding="utf-8")
    notes: list[str] = []
    articles = list(read([str(tmp_path)], note=notes.append))
    assert len(articles) == 3 and all(not a.errors for a in articles)
    assert not any("README" in a.source for a in articles)
    skipped = sorted(n.split(": skipped")[0].rsplit("/", 1)[-1] for n in notes)
    assert skipped == ["2015-07-21.zip!LICENSE", "2015-07-21.zip!README.md", "LICENSE", "README.txt"]


def test_readers_zip_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    archive = snn_zip(tmp_path / "corpus.zip")
    renamed = archive.rename(tmp_path / "corpus.bin")
    assert sniff(renamed.read_bytes()[:64]) == "zip"
    assert [a.title for a in read([str(renamed)])] == [SNN[0]["title"], SNN[1]["title"]]


def test_readers_zip_broken_archive_is_one_error_record(tmp_path: Path) -> None:
    broken = tmp_path / "cut.zip"
    broken.write_bytes(snn_zip(tmp_path / "whole.zip").read_bytes()[:40])  # inside a header
    articles = list(read([str(broken)]))
    assert len(articles) == 1 and first_error(articles[0]) == "truncated"
    assert str(broken) in articles[0].errors[0].message
    broken.write_bytes(b"PK\x05\x06 not a zip at all")
    articles = list(read([str(broken)]))
    assert len(articles) == 1 and first_error(articles[0]) == "zip_invalid"


def test_readers_zip_bad_member_does_not_stop_the_others(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.json", "[{\"title\": \"x\", \"content\": ")  # truncated
        zf.writestr("b.jsonl", json.dumps(SNN[0], ensure_ascii=False))
    articles = list(read([str(archive)]))
    assert [first_error(a) for a in articles] == ["truncated", None]


def test_readers_zip_from_stdin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = snn_zip(tmp_path / "s.zip").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert len(list(read(["-"]))) == 2


@pytest.mark.parametrize("name, skipped", [
    ("README.txt", True), ("readme", True), ("LICENSE", True), ("notes.md", True),
    ("README_upstream.md", True), ("2015-07-21.json", False), ("story.txt", False),
])
def test_readers_zip_not_article_names(name: str, skipped: bool) -> None:
    assert bool(not_article(name)) is skipped
