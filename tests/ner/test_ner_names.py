"""The name list the neural tagger reads: building it, matching it over a sentence, and the
WikiFANE reader's clitic rejoining it is built from."""
from __future__ import annotations

import gzip

from marsad.ner.features import FeatureExtractor
from marsad.ner.names import MASKS, N_TAGS, NameList, build
from marsad.ner.train import rejoin_clitics

PER, LOC, ORG = 1, 2, 4  # type bits (marsad.ner.names.TYPES order)


def _tags(names: dict[str, int], sentence: str, stem=None) -> list[int]:
    return NameList(names, stem).tags(sentence.split())


def test_names_longest_match_and_positions():
    names = {"دونالد رامسفيلد": PER, "رامسفيلد": PER, "بغداد": LOC}
    # "Donald Rumsfeld arrived in Baghdad"
    tags = _tags(names, "وصل دونالد رامسفيلد إلى بغداد.")
    assert tags == [1, 2 + MASKS + PER, 2 + 2 * MASKS + PER, 1, 2 + LOC]
    assert all(0 < t < N_TAGS for t in tags)


def test_names_type_mask_keeps_every_type():
    tags = _tags({"الاردن": LOC | ORG}, "فاز الأردن")  # hamza normalised by word_key
    assert tags == [1, 2 + (LOC | ORG)]


def test_names_first_word_may_carry_a_proclitic():
    names = {"رامسفيلد": PER, "دونالد رامسفيلد": PER}
    stem = FeatureExtractor().stem
    assert _tags(names, "ولرامسفيلد رأي", stem)[0] == 2 + PER
    assert _tags(names, "ودونالد رامسفيلد", stem)[:2] == [2 + MASKS + PER, 2 + 2 * MASKS + PER]
    assert _tags(names, "ولرامسفيلد")[0] == 1  # without a stemmer only the written form


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
