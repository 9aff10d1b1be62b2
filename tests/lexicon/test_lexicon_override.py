"""Users' lexicon folders replace or extend shipped rows by key, and only those rows."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.lexicon import Lexicon, name_key


@pytest.fixture()
def user_dir(tmp_path: Path) -> Path:
    (tmp_path / "countries.tsv").write_text(
        "# Jordanian press: «المملكة» (the Kingdom) is Jordan\n"
        "ar\tcode\tkind\ten\tflags\n"
        "المملكة\tJOR\tname\tJordan\tcontext\n"
        "مالي\tMLI\tname\tMali\toff\n", encoding="utf-8")
    (tmp_path / "people.tsv").write_text(
        "names\tname_en\tcountry\tsector\trole\tgender\tfrom\tto\n"
        "فلانة الفلانية|الفلانية\tJane Doe\tJOR\tGOV\tspokesperson\tf\t2024\t\n"
        "فلاديمير بوتين|بوتين|الرئيس الروسي\tVladimir Putin\tRUS\tGOV\thead of state\tm\t2000\t\n",
        encoding="utf-8")
    (tmp_path / "places.tsv").write_text(
        "names\tname_en\tcountry\tkind\tlabel\tlat\tlon\tmetonym\tflags\n"
        "قرية المثال\tExample Village\tJOR\tcity\tLOC\t31.00\t36.00\t\t\n", encoding="utf-8")
    return tmp_path


def test_override_replaces_only_given_keys(user_dir):
    shipped, mine = Lexicon.load(), Lexicon.load([user_dir])
    countries = {name_key(c.name): c for c in mine.countries}
    assert countries[name_key("المملكة")].codes == ("JOR",)
    assert name_key("مالي") not in countries  # switched off
    assert countries[name_key("السعودية")].codes == ("SAU",)  # untouched
    assert len(mine.people) == len(shipped.people) + 1
    putin = next(p for p in mine.people if p.name_en == "Vladimir Putin")
    assert len(putin.terms) == 1 and "الرئيس الروسي" in putin.names
    assert len(mine.places) == len(shipped.places) + 1
    assert len(mine.organizations) == len(shipped.organizations)


def test_override_is_visible_to_the_matcher(user_dir):
    matcher = Lexicon.load([user_dir]).matcher()
    found = {m.text: m.entry for m in matcher.find("قالت الفلانية في قرية المثال إن المملكة ترحب")}
    assert found["الفلانية"].gender == "f"
    assert found["قرية المثال"].coords == (31.0, 36.0)
    assert found["المملكة"].code == "JOR"


def test_override_does_not_leak_into_shipped(user_dir):
    Lexicon.load([user_dir])
    countries = {name_key(c.name): c for c in Lexicon.load().countries}
    assert countries[name_key("المملكة")].codes == ("SAU",)


def test_lexicon_user_folder_petrarch_dictionary(tmp_path):
    """A PETRARCH actor dictionary dropped in a --lexicon folder is matched in text."""
    from marsad.lexicon.loader import Lexicon

    (tmp_path / "mine.petrarch.txt").write_text(
        "سامح_شكري [EGYGOV 140617-]\n+شكري_سامح\n", encoding="utf-8")
    lex = Lexicon.load([tmp_path])
    (match,) = [m for m in lex.matcher().find("التقى وزير الخارجية سامح شكري نظيره") if m.text == "سامح شكري"]
    actor = match.entries[0]
    assert (actor.country, actor.sector, actor.label) == ("EGY", "GOV", "PER")
