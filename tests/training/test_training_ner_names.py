"""Building the neural tagger's name list from its sources, and the WikiFANE reader's clitic
rejoining it is built from."""
from __future__ import annotations

import gzip

from marsad.ner.names import NameList
from marsad.training.ner.corpora import rejoin_clitics
from marsad.training.ner.names import build

PER = 1  # type bit (marsad.ner.names.TYPES order)


def test_names_build_reads_all_sources(tmp_path):
    anetac = tmp_path / "anetac.txt"
    anetac.write_text("PERSON Donald Rumsfeld دونالد رامسفيلد\nORGANIZATION Fiat فيات\n"
                      "LOCATION Basra البصرة\n", encoding="utf-8")
    cities = tmp_path / "cities.csv"
    cities.write_text("\ufeffCountryNameAr,CountryNameEn,CityNameAr,CityNameEn,Population\n"
                      '"العراق","Iraq","الموصل","Mosul",1\n', encoding="utf-8")
    corpus = tmp_path / "fane.txt"
    corpus.write_text("زار\tO\nو\tB-Politician\nليد\tI-Politician\nجنبلاط\tI-Politician\n"
                      "مقر\tO\nها\tO\n", encoding="utf-8")
    out = tmp_path / "names.tsv.gz"
    assert build(out, [anetac], [cities], [corpus]) == 5
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        rows = dict(line.rstrip("\n").split("\t") for line in fh)
    # ANETAC's ORGANIZATION entries (brands, clubs) are left out; clitics are rejoined
    assert rows == {"دونالد رامسفيلد": "PER", "البصره": "LOC", "العراق": "LOC", "الموصل": "LOC",
                    "وليد جنبلاط": "PER"}
    assert NameList.load(out).names["وليد جنبلاط"] == PER
    again = tmp_path / "again.tsv.gz"
    build(again, [anetac], [cities], [corpus])
    assert again.read_bytes() == out.read_bytes()  # same sources, same bytes


def test_rejoin_clitics_like_anercorp():
    words = "و هران مدينة و مقر ها في و سط".split()
    labels = ["B-LOC", "I-LOC", "O", "O", "O", "O", "O", "O", "O"]
    assert rejoin_clitics(words, labels) == (
        "وهران مدينة ومقرها في وسط".split(), ["B-LOC", "O", "O", "O", "O"])
