"""The shipped lexicons parse, agree with each other and use valid codes."""
from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from marsad.lexicon import Lexicon, LexiconError, name_key
from marsad.lexicon.tsv import DATA, read_tsv
from marsad.lexicon.actors import SECTORS, load_countries
from marsad.lexicon.places import load_places

ROOT = Path(__file__).resolve().parents[2]
FILES = ["countries.tsv", "people.tsv", "organizations.tsv", "titles.tsv", "places.tsv", "regions.tsv", "centroids.tsv"]
AMBIGUITY_FLAGS = {"ambiguous", "context", "homograph"}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _valid_code(code: str | None) -> bool:
    return code is None or code == "IGO" or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize("name", FILES)
def test_loader_every_file_parses(name):
    rows = read_tsv(DATA / name, ())
    assert rows, name
    assert all(len(r.cells) >= 2 for r in rows)


def test_loader_counts(lexicon):
    assert len(lexicon.people) >= 300
    assert len(lexicon.organizations) >= 100
    assert len(lexicon.titles) >= 150
    assert len(lexicon.places) >= 300
    assert len(lexicon.country_places) >= 240  # CLDR territories with ISO codes


def test_loader_transnational_groups_keep_their_mark(lexicon):
    # «-» in organizations.tsv: a group acting across borders, which no article places
    isis = next(a for a in lexicon.organizations if a.key == "Islamic State")
    assert isis.country == "-"


def test_loader_load_is_cached(lexicon):
    assert Lexicon.load() is lexicon
    assert lexicon.matcher() is lexicon.matcher()


def test_loader_country_codes_are_iso_or_igo(lexicon):
    for c in lexicon.countries:
        assert all(_valid_code(code) for code in c.codes), c
    for actor in lexicon.people + lexicon.organizations:
        for term in actor.terms:
            assert _valid_code(term.country) or actor.kind == "org" and term.country == "-", actor.key
            assert term.sector is None or term.sector in SECTORS, actor.key
    for place in lexicon.places:
        assert _valid_code(place.country), place.key
    assert all(_valid_code(code) for code in lexicon.country_places)


def test_loader_no_undeclared_conflicting_codes(lexicon):
    """A name that means different countries must say so (ambiguous/context/homograph)."""
    by_name: dict[str, dict[str | None, list]] = {}
    for c in lexicon.countries:
        for code in c.codes:
            by_name.setdefault(name_key(c.name), {}).setdefault(code, []).append(c)
    for actor in lexicon.people + lexicon.organizations:
        for n in actor.names:
            if not actor.is_weak(name_key(n)):
                by_name.setdefault(name_key(n), {}).setdefault(actor.country, []).append(actor)
    for place in lexicon.places:
        for n in place.names:
            by_name.setdefault(name_key(n), {}).setdefault(place.country, []).append(place)
    for key, codes in by_name.items():
        if len(codes) > 1:
            records = [r for rs in codes.values() for r in rs]
            assert any(r.flags & AMBIGUITY_FLAGS for r in records), (key, sorted(map(str, codes)))


def test_loader_people_have_gender_role_and_sane_years(lexicon):
    for person in lexicon.people:
        assert person.gender in ("m", "f"), person.key
        for term in person.terms:
            assert term.role and term.country, person.key
            if term.start and term.end:
                assert term.start <= term.end, person.key


def test_loader_places_have_coordinates(lexicon):
    # every curated place (places.tsv); most compiled towns have them too (GeoNames)
    curated = {p.key for p in load_places(towns=False)}
    for place in lexicon.places:
        assert place.coords is not None or place.key not in curated, place.key
        assert place.label in ("LOC", "FAC")
    vostochny = next(p for p in lexicon.places if p.name_en == "Vostochny Cosmodrome")
    assert (vostochny.country, vostochny.label, vostochny.coords) == ("RUS", "FAC", (51.88, 128.33))


@pytest.mark.parametrize(("form", "codes"), [
    ("كوريا الشمالية", ("PRK",)),  # CLDR name
    ("كوريا الديمقراطية", ("PRK",)),
    ("الاتحاد الروسي", ("RUS",)),
    ("أميركا", ("USA",)),
    ("سورية", ("SYR",)),
    ("الروسية", ("RUS",)),  # generated feminine with article
    ("الأمريكيين", ("USA",)),  # generated plural
    ("الروس", ("RUS",)),
    ("الكورية الشمالية", ("PRK",)),
    ("الكورية", ("PRK", "KOR")),  # ambiguous alone
])
def test_loader_country_forms(lexicon, form, codes):
    found = {name_key(c.name): c for c in lexicon.countries}
    assert found[name_key(form)].codes == codes


def test_loader_flags(lexicon):
    found = {name_key(c.name): c for c in lexicon.countries}
    assert "context" in found[name_key("المملكة")].flags  # "the Kingdom": Saudi Arabia in Saudi press
    assert found[name_key("الكورية")].ambiguous
    assert found[name_key("الخليجي")].codes == ()  # a region, not a country
    assert "homograph" in found[name_key("مالي")].flags  # Mali / "financial"


def test_loader_country_place_has_centroid(lexicon):
    russia = lexicon.place_of_country("RUS")
    assert russia is not None and russia.coords == (61.5, 105.3)
    assert "روسيا" in russia.names  # Russia


def test_loader_person_terms_by_date(lexicon):
    putin = next(p for p in lexicon.people if p.name_en == "Vladimir Putin")
    assert putin.term_at(2010).role == "head of government"
    assert putin.term_at(2023).role == "head of state"
    assert (putin.country, putin.sector, putin.gender) == ("RUS", "GOV", "m")
    zakharova = next(p for p in lexicon.people if p.name_en == "Maria Zakharova")
    assert (zakharova.gender, zakharova.role) == ("f", "spokesperson")


def test_loader_titles(lexicon):
    titles = {name_key(t.name): t for t in lexicon.titles}
    assert titles[name_key("المتحدثة باسم")].gender == "f"  # the (female) spokesperson of
    assert titles[name_key("وزير الخارجية")].complement == "country"
    assert titles[name_key("الجيش")].sector == "MIL"
    assert titles[name_key("الخارجية")].label == "ORG"  # the foreign ministry


def test_loader_bad_file_names_file_and_line(tmp_path):
    (tmp_path / "people.tsv").write_text(
        "names\tname_en\tcountry\tsector\trole\tgender\nفلان\tSomeone\tRUS\tXXX\tx\tm\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"people.tsv:2: unknown sector"):
        Lexicon.load([tmp_path])


def test_loader_unknown_kind_is_named_error(lexicon):
    with pytest.raises(LexiconError, match="unknown lexicon kinds"):
        list(lexicon.entries(["nope"]))


def test_docs_lexicons_describes_every_file():
    doc = (ROOT / "docs" / "lexicons.md").read_text(encoding="utf-8")
    for name in FILES:
        assert f"`{name}`" in doc, name


def test_loader_countries_without_user_dirs_are_stable():
    assert load_countries() == load_countries(())


def test_loader_acronym_of_organisation_is_a_name(lexicon):
    matcher = lexicon.matcher(["organizations"])
    found = {m.text: m.entry.name_en for m in matcher.find("كابول ( CNN ) - - قالت BBC إن حلف NATO اجتمع")}
    assert found == {"CNN": "CNN", "BBC": "BBC", "NATO": "NATO"}
    assert [m.text for m in matcher.find("نقلت RT عن")] == []  # two letters: not matched


def test_loader_companies_in_arabic_and_latin_letters(lexicon):
    matcher = lexicon.matcher(["organizations"])
    text = "أعلنت Apple وسابك وشركة سوني ، وقال مسؤول في إعمار العقارية إن إعادة إعمار المصنع تبدأ في نيسان"
    found = {m.text: (m.entry.name_en, m.entry.is_weak(m.key)) for m in matcher.find(text)}
    assert found["Apple"] == ("Apple", False)
    assert found["سابك"] == ("SABIC", False)
    assert found["سوني"] == ("Sony", False)
    assert found["إعمار العقارية"] == ("Emaar", False)
    # «إعمار» (reconstruction) and «نيسان» (April) are also common words: weak alone
    assert found["إعمار"] == ("Emaar", True)
    assert found["نيسان"] == ("Nissan", True)
    sabic = next(m.entry for m in matcher.find("سابك"))
    assert (sabic.terms[0].country, sabic.terms[0].sector) == ("SAU", "BUS")
