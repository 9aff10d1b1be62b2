"""The gazetteer (lexicon.places): curated places.tsv, compiled towns.tsv, the common-noun
guard (issue #23)."""
from __future__ import annotations

import pytest

from marsad.lexicon.loader import Lexicon
from marsad.lexicon.places import in_place_context, load_places, placed_matches


@pytest.fixture(scope="module")
def lex():
    return Lexicon.load()


def _by_name(lex, name):
    return [p for p in lex.places if name in p.names]


@pytest.mark.parametrize("name, country, kind", [
    ("عسير", "SAU", "region"), ("الأحساء", "SAU", "region"), ("القطيف", "SAU", "city"),
    ("الجوف", "SAU", "region"), ("لحج", "YEM", "region"), ("أبين", "YEM", "region"),
    ("رفحاء", "SAU", "city"), ("الزبداني", "SYR", "city"), ("البحر الأحمر", None, "water"),
    ("الشرق الأوسط", None, "region"),
])
def test_lexicon_places_curated_has_coordinates(lex, name, country, kind):
    place = _by_name(lex, name)[0]
    assert (place.country, place.kind) == (country, kind)
    assert place.coords is not None


def test_lexicon_places_towns_are_weak_and_after_curated(lex):
    towns = [p for p in lex.places if "weak" in p.flags and p.population]
    assert len(towns) > 500
    assert all(p.country and p.kind == "city" for p in towns)
    curated = load_places(towns=False)
    assert lex.places[:len(curated)] == curated  # a curated place comes first


def test_lexicon_places_towns_left_out_known_names(lex):
    # «القطيف» is curated: the compiled row of the same town is left out
    assert len(_by_name(lex, "القطيف")) == 1
    # mislabelled Wikidata rows are not compiled in (Aden as «فيروسات غدانية»)
    assert not _by_name(lex, "فيروسات غدانية") and not _by_name(lex, "ميدينا")


@pytest.mark.parametrize("text, name, placed", [
    ("قتل ثلاثة في درعا أمس", "درعا", True),
    ("انتقدت الاتفاق بحجة أن", "حجة", False),  # «بحجة أن»: on the pretext that
    ("حيث لفيف من أصدقاء الوالد", "لفيف", False),  # «لفيف من»: a group of
    ("وصل إلى محافظة درعا", "درعا", True),
    ("وقدم له درعا تذكاريا", "درعا", False),  # a commemorative shield
    ("وقال إن الرس ستشهد", "الرس", False),
    ("تعرض للضرب بالوجه", "الوجه", False),  # «بالوجه»: with the face, not in Al Wajh
    ("سعت فنزويلا دوما من اجل", "دوما", False),  # «دوما»: always (ANERcorp test)
    ("كما أنه مهدد بعقوبة أخرى", "بعقوبة", False),  # «بعقوبة»: with a penalty
    ("انفجار في بعقوبة", "بعقوبة", True),
])
def test_lexicon_places_in_place_context(text, name, placed):
    start = text.index(name)
    clitic = text[text.rfind(" ", 0, start) + 1:start]
    assert in_place_context(text, start, clitic) is placed


def test_lexicon_places_placed_matches_keep_other_names(lex):
    text = "وقدم له درعا تذكاريا في الرياض"
    kept = [m.text for m in placed_matches(text, lex.matcher().find(text))]
    assert "الرياض" in kept and "درعا" not in kept


def test_lexicon_places_idiom_is_no_place(lex):
    text = "انشق من مسقط رأس الأسد، ووصل الوزير إلى مسقط أمس"  # «مسقط رأس»: birthplace
    kept = [m.start for m in placed_matches(text, lex.matcher().find(text)) if m.text == "مسقط"]
    assert kept == [text.rindex("مسقط")]


def test_lexicon_places_spanning_countries_have_region_codes(lex):
    from marsad.lexicon.places import load_regions
    regions = load_regions()
    assert regions["europe"].m49 == "150" and regions["middle_east"].m49 is None
    spanning = [p for p in lex.places if not p.country]
    # Jerusalem is left without a country on purpose, and is no region either
    assert {p.name_en for p in spanning if p.region is None} == {"Jerusalem"}
    assert all(p.region in regions for p in spanning if p.region)
    assert all(p.region is None for p in lex.places if p.country)


def test_lexicon_places_region_must_be_known(tmp_path):
    from marsad.lexicon.tsv import LexiconError
    (tmp_path / "places.tsv").write_text(
        "names\tname_en\tcountry\tkind\tlabel\tlat\tlon\tmetonym\tflags\tregion\n"
        "بحر الظلمات\tSea of Darkness\t\twater\tLOC\t30\t-30\t\t\tdarkness\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="regions.tsv"):
        load_places([tmp_path])


def test_lexicon_places_compiled_towns_mostly_have_coordinates(lex):
    towns = [p for p in lex.places if "weak" in p.flags and p.population]
    assert len(towns) > 3000
    assert sum(p.coords is not None for p in towns) / len(towns) > 0.95


@pytest.mark.parametrize("name, name_en", [
    ("مينابوليس", "Minneapolis"),  # «مينيابولس» in the gazetteer
    ("ريودي جانيرو", "Rio de Janeiro"),  # the space moved
    ("هورست", None),  # too few consonants to look up
])
def test_lexicon_places_by_skeleton(lex, name, name_en):
    place = lex.place_by_skeleton(name)
    assert (place.name_en if place else None) == name_en


def test_lexicon_places_li_before_lam_is_the_article(lex):
    # «للحج»: «ل» + «الحج» (for the Hajj), not «ل» + «لحج» (Lahij); «في لحج» is Lahij
    text = "تأشيرة العمل الموسمي للحج ثلاثة أشهر، وقتل خمسة في لحج"
    kept = [m.start for m in placed_matches(text, lex.matcher().find(text)) if m.text == "لحج"]
    assert kept == [text.rindex("لحج")]


@pytest.mark.parametrize("text, name, placed", [
    ("وابنه من كريمة الشيخ فلان", "ريمة", False),  # «كريمة»: the daughter of
    ("قتل خمسة في محافظة ريمة", "ريمة", True),
    ("مكافحة حشرة سوسة النخيل الحمراء", "سوسة", False),  # the red palm weevil
    ("هجوم على فندق في سوسة", "سوسة", True),
    ("فكلنا حماة لديننا ووطننا", "حماة", False),  # protectors
    ("قصف الطيران ريف حماة", "حماة", True),
    ("تثقيف الشباب في أمور دينهم", "أمور", False),  # matters, not Amur (hamza-folded)
])
def test_lexicon_places_words_that_are_not_the_place(lex, text, name, placed):
    kept = [m.text for m in placed_matches(text, lex.matcher().find(text)) if any(
        isinstance(e, type(lex.places[0])) for e in m.entries)]
    assert any(name in k for k in kept) is placed


@pytest.mark.parametrize("text, name, placed", [
    ("تمت مواراته في مسقط رأسه العقلة", "مسقط", False),  # his birthplace
    ("حديثهم لاذع ينبع من غضبة الضمير", "ينبع", False),  # springs from
    ("افتتح محافظ ينبع المشروع", "ينبع", True),
    ("عملاء الشركة في الرياض وجدة", "وجدة", False),  # «و» + Jeddah, not Oujda
    ("وصل الوفد إلى مدينة وجدة المغربية", "وجدة", True),
])
def test_lexicon_places_idioms_and_conjunction_names(lex, text, name, placed):
    kept = [m.text for m in placed_matches(text, lex.matcher().find(text))]
    assert any(name in k for k in kept) is placed


@pytest.mark.parametrize("text, name, placed", [
    ("حيث انطلقت الحملة بعد صلاة المغرب مباشرة", "المغرب", False),  # the sunset prayer
    ("حتى بعد أذان المغرب لأسباب صحية", "المغرب", False),
    ("وصل الوزير إلى المغرب أمس", "المغرب", True),
    ("وطلب منه إرسال مبلغ مالي له", "مالي", False),  # financial
    ("والتي تطلب وجود دعم مالي كبير", "مالي", False),
    ("بتقديمه بأفضل عرض فني ومالي مع شركائنا", "مالي", False),
    ("وقعت الهجمات في شمال مالي", "مالي", True),
    ("وأعلنت حكومة مالي حالة الطوارئ", "مالي", True),
    ("قدمت الجزائر دعمها لمالي الشقيقة", "مالي", True),
    ("مالي تعلن حالة الطوارئ", "مالي", True),
])
def test_lexicon_places_country_names_that_are_common_words(lex, text, name, placed):
    kept = [m.text for m in placed_matches(text, lex.matcher().find(text))]
    assert any(name in k for k in kept) is placed


@pytest.mark.parametrize("text, placed", [
    ("وسجل السهم الحد الأقصى اليومي للتقلب", False),  # the maximum
    ("إن حد المنفعة الأقصى لكل شخص 100 ألف ريال", False),
    ("ذنوب وصلت حدها الأقصى", False),
    ("منعت الشرطة المصلين من دخول الأقصى أمس", True),  # the mosque, in a construct
    ("اقتحم المستوطنون باحة الأقصى", True),
    ("وصل المصلون إلى الأقصى فجرا", True),
    ("اقتحم المستوطنون المسجد الأقصى", True),
])
def test_lexicon_places_a_name_that_is_also_an_adjective(lex, text, placed):
    kept = [m.text for m in placed_matches(text, lex.matcher().find(text))]
    assert any("الأقصى" in k for k in kept) is placed
