"""Dated roles (entities.offices, entities.described): a title that names one office-holder
is the person in office on the article's day."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.lexicon.actors import Term
from marsad.lexicon.loader import Lexicon
from marsad.model import Article
from marsad.pipeline.build import extract, load


@pytest.fixture(scope="module")
def nlp():
    return load()


def _speaker(nlp, text, published, outlet="okaz"):
    record = extract(Article(text=text, published=published, outlet=outlet), nlp)
    entities = {e.id: e for e in record.entities}
    (quote,) = record.quotes
    return entities[quote.speaker.entity]


@pytest.mark.parametrize("text, published, name_en", [
    # the Custodian of the Two Holy Mosques: Abdullah until 23 January 2015, then Salman
    ("وقال خادم الحرمين الشريفين إن المملكة ماضية.", "2012-07-21", "King Abdullah bin Abdulaziz"),
    ("وقال خادم الحرمين الشريفين إن المملكة ماضية.", "2015-07-21", "King Salman bin Abdulaziz"),
    ("وقال الرئيس الأمريكي إن بلاده قلقة.", "2015-07-21", "Barack Obama"),
    ("وقال الرئيس الأمريكي إن بلاده قلقة.", "2023-07-21", "Joe Biden"),
    ("وقال أمير الكويت إن الخليج واحد.", "2015-07-21", "Sabah Al-Ahmad Al-Jaber Al-Sabah"),
    # a bare title takes the story's (here the outlet's) country, and the day decides
    ("وقال ولي العهد إن المملكة ترحب.", "2015-03-01", "Muqrin bin Abdulaziz"),
    ("وقال ولي العهد إن المملكة ترحب.", "2015-07-21", "Muhammad bin Nayef"),
    ("وقال معالي وزير الخارجية إن المملكة ترحب.", "2015-07-21", "Adel al-Jubeir"),
])
def test_offices_title_names_the_holder_on_the_day(nlp, text, published, name_en):
    assert _speaker(nlp, text, published).name_en == name_en


def test_offices_description_joins_the_named_holder(nlp):
    text = "وصل عادل الجبير إلى موسكو. وقال وزير الخارجية السعودي إن المحادثات مثمرة."
    record = extract(Article(text=text, published="2015-08-11", outlet="okaz"), nlp)
    jubeir = [e for e in record.entities if e.name_en == "Adel al-Jubeir"]
    assert len(jubeir) == 1
    assert {m.text for m in jubeir[0].mentions} >= {"عادل الجبير", "وزير الخارجية السعودي"}


def test_offices_a_city_is_no_country_for_an_office(nlp):
    # «أمير منطقة الرياض» is a governor, not the head of state
    record = extract(Article(text="وقال أمير منطقة الرياض إن المهرجان ناجح.", published="2015-07-21",
                             outlet="okaz"), nlp)
    assert not [e for e in record.entities if e.name_en == "King Salman bin Abdulaziz"]


def test_offices_one_holder_or_none():
    from marsad.entities.offices import Offices

    offices = Offices(Lexicon.load().people)
    assert offices.holder("king", "SAU", date(2015, 7, 21)).name_en == "King Salman bin Abdulaziz"
    assert offices.holder("president", "USA", None) is None  # no day, no holder
    assert offices.holder("chancellor of the exchequer", "GBR", date(2015, 7, 21)) is None


@pytest.mark.parametrize("when, covered", [
    (2015, True), (date(2015, 1, 22), True), (date(2015, 1, 24), False), (2016, False),
])
def test_offices_terms_cover_days_and_years(when, covered):
    abdullah = Term("head of state", "SAU", "GOV", date(2005, 8, 1), date(2015, 1, 23))
    assert abdullah.covers(when) is covered
    assert Term("x", None, None, 2012, 2015).end == date(2015, 12, 31)


def test_offices_people_file_days_read(tmp_path):
    (tmp_path / "people.tsv").write_text(
        "names\tname_en\tcountry\tsector\trole\tgender\tfrom\tto\tflags\n"
        "فلان الفلاني\tFulan\tSAU\tGOV\tforeign minister\tm\t2015-04\t2015-13-01\n", encoding="utf-8")
    from marsad.lexicon.tsv import LexiconError

    with pytest.raises(LexiconError, match=r"people.tsv:2: column 'to'"):
        Lexicon.load([tmp_path])


@pytest.mark.parametrize("published, name_en", [
    ("2015", "King Salman bin Abdulaziz"),  # only the year: who held it longest that year
    (None, "King Salman bin Abdulaziz"),  # no date: the latest to take office
    ("2015-01-10", "King Abdullah bin Abdulaziz"),
])
def test_offices_shared_name_without_a_day(nlp, published, name_en):
    record = extract(Article(text="وقال خادم الحرمين الشريفين إن المملكة ماضية.", published=published,
                             outlet="okaz"), nlp)
    assert record.entities[0].name_en == name_en
