"""LOC entities resolved by the gazetteer, with proclitics and the common-noun guard (#23)."""
from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.pipeline.build import extract, load


@pytest.fixture(scope="module")
def nlp():
    return load()


def _places(nlp, text):
    record = extract(Article(text=text), nlp)
    return ({e.name: e.country for e in record.entities if e.label == "LOC"},
            {p.name: (p.country, p.coords if hasattr(p, "coords") else (p.lat, p.lon)) for p in record.places})


@pytest.mark.parametrize("text, name, country", [
    ("وصل الوفد إلى عدن وأبين ولحج.", "أبين", "YEM"),  # «وأبين»: and Abyan
    ("وصل الوفد إلى عدن وأبين ولحج.", "لحج", "YEM"),
    ("زار الأمير بعسير عددا من المشاريع.", "عسير", "SAU"),  # «بعسير»: in Asir
    ("توجه إلى حفر الباطن ورفحاء أمس.", "رفحاء", "SAU"),  # «ورفحاء»: and Rafha
    ("ارتفعت الأسعار في الأحساء والقطيف.", "القطيف", "SAU"),
])
def test_entities_places_proclitic_comes_off(nlp, text, name, country):
    entities, places = _places(nlp, text)
    assert entities.get(name) == country
    assert places[name][1][0] is not None  # coordinates


def test_entities_places_common_word_only_in_place_context(nlp):
    entities, places = _places(nlp, "وقدم له درعا تذكاريا تقديرا لجهوده.")  # a commemorative shield
    assert "درعا" not in entities and "درعا" not in places
    entities, places = _places(nlp, "قتل ثلاثة في درعا أمس.")
    assert entities["درعا"] == "SYR" and places["درعا"][0] == "SYR"


def test_entities_places_month_is_not_ibb(nlp):
    # «آب» is August; only «محافظة إب» / «مدينة إب» name Ibb (names are compared hamza-folded)
    entities, places = _places(nlp, "مع مهلة حتى 20 أغسطس (آب) لبدء البرنامج.")
    assert "YEM" not in entities.values() and not places


@pytest.mark.parametrize("text, country", [
    ("قصف طيران التحالف مواقع الحوثيين في الجوف ومأرب شرقي صنعاء.", "YEM"),  # Yemeni governorate
    ("افتتح أمير منطقة الجوف مشروعا جديدا في سكاكا.", "SAU"),  # Saudi region
    ("ارتفعت الأسعار في الجوف.", "SAU"),  # no country named: the first reading
])
def test_entities_places_ambiguous_name_takes_article_country(nlp, text, country):
    entities, places = _places(nlp, text)
    assert entities["الجوف"] == country
    assert next(p for name, p in places.items() if "الجوف" in name)[0] == country


def _entities(nlp, text):
    return {e.name: e for e in extract(Article(text=text), nlp).entities if e.label in ("LOC", "FAC")}


@pytest.mark.parametrize("name, region", [
    ("الشرق الأوسط", "middle_east"), ("البحر الأحمر", "red_sea"), ("دول الخليج", "gulf_states"),
    ("شمال أفريقيا", "north_africa"),
])
def test_entities_places_region_spanning_countries_has_code(nlp, name, region):
    text = f"بحث الوزيران في الرياض الأوضاع في الشرق الأوسط والبحر الأحمر ودول الخليج وشمال أفريقيا."
    e = _entities(nlp, text)[name]
    assert (e.country, e.region) == (None, region)
    assert e.lat is not None and e.lon is not None
    record = extract(Article(text=text), nlp)
    assert region in {p.region for p in record.places}  # on the map too


def test_entities_places_have_coordinates(nlp):
    entities = _entities(nlp, "وصل الوزير إلى جنيف قادما من جيبوتي ثم زار ولاية فرجينيا.")
    assert (entities["جنيف"].country, round(entities["جنيف"].lat)) == ("CHE", 46)
    assert entities["جيبوتي"].country == "DJI" and entities["جيبوتي"].lat is not None  # a country: its centroid
    assert entities["فرجينيا"].country == "USA" and entities["فرجينيا"].region is None
    assert "region" not in extract(Article(text="زار الوزير جنيف."), nlp).entities[0].to_dict()


def test_entities_places_compiled_town_has_coordinates(nlp):
    # a town compiled from world_cities_ar takes GeoNames' coordinates (tools/build_towns.py)
    entities = _entities(nlp, "قتل خمسة في هجوم على سوق في مدينة بيجي شمال بغداد.")
    town = entities.get("بيجي")
    assert town is not None and town.country == "IRQ" and town.lat is not None


def test_entities_places_weak_town_places_nothing_unconfirmed(nlp):
    # «فرح» is a town of Afghanistan and "joy": without the NER's support, no place
    record = extract(Article(text="عبر الحضور عن فرح كبير بالنتيجة في بيشة."), nlp)
    assert "AFG" not in {p.country for p in record.places}


def test_entities_places_spelt_otherwise(nlp):
    # the NER's place, spelt unlike the gazetteer: known by its consonants, and on the map
    record = extract(Article(text="وقعت حادثة في مدينة مينابوليس الأمريكية قبل أيام."), nlp)
    town = next(e for e in record.entities if e.name == "مينابوليس")
    assert (town.country, town.name_en) == ("USA", "Minneapolis") and town.lat is not None
    assert any(p.name == "مينابوليس" and p.lat is not None for p in record.places)


@pytest.mark.parametrize("text, country", [
    ("دمرت القوات المصرية في سيناء البنية التحتية للتنظيم جنوب رفح بالقرب من الشيخ زويد.", "EGY"),
    ("قصفت طائرات الاحتلال الإسرائيلي منزلا في رفح جنوب قطاع غزة.", "PSE"),
])
def test_entities_places_border_town_takes_article_country(nlp, text, country):
    # «رفح» lies on both sides of the Egypt-Gaza border: the article's places choose
    assert _entities(nlp, text)["رفح"].country == country


@pytest.mark.parametrize("text, country", [
    ("عاد الحجاج العمانيون بعد أداء العمرة في طريق عودتهم إلى عمان عبر الأحساء.", "OMN"),
    ("زار العاهل الأردني عمان أمس بعد عودته من واشنطن، وقال رئيس الوزراء الأردني إن", "JOR"),
    ("قال الوزير إن عمان ستستضيف الاجتماع.", "JOR"),  # no country named: Amman, as before
])
def test_entities_places_oman_or_amman(nlp, text, country):
    # «عُمان» (Oman) and «عمّان» (Amman) fold to one name: the article's countries choose
    assert _entities(nlp, text)["عمان"].country == country


def test_entities_places_a_district_is_no_town_abroad(nlp):
    # a compiled town behind «حي» of a country the article never names is the local district
    text = "اندلع حريق بمنزل في حي الخالدية غرب مدينة بريدة، وباشرت فرق الدفاع المدني إطفاءه."
    entities, places = _places(nlp, text)
    assert "الخالدية" not in places and entities.get("الخالدية") != "JOR"
    # the district of a city in the article's country stays
    entities, places = _places(nlp, "سيطرت المقاومة على القصر الرئاسي بحي التواهي في عدن باليمن أمس.")
    assert places["التواهي"][0] == "YEM"


def test_entities_places_quneitra_by_the_article_country(nlp):
    _, places = _places(nlp, "سقطت القذائف على المناطق السورية في القنيطرة قرب الجولان.")
    assert places["القنيطرة"][0] == "SYR"
    _, places = _places(nlp, "وصل الملك إلى مدينة القنيطرة المغربية قادما من الرباط.")
    assert places["القنيطرة"][0] == "MAR"


def test_entities_places_a_common_word_in_a_list_of_places(nlp):
    _, places = _places(nlp, "رابط الخبر بصحيفة الوئام: أمطار على الرياض.")
    assert "الخبر" not in places  # "the news", not Khobar
    _, places = _places(nlp, "تمتد الأمطار إلى الدمام والخبر والقطيف اليوم.")
    assert places["الخبر"][0] == "SAU"
    _, places = _places(nlp, "وقعت اشتباكات في حلب ودمشق ودرعا وحمص أمس.")
    assert places["درعا"][0] == "SYR"
    _, places = _places(nlp, "افتتحت الشركة فروعا في الرياض وجدة والدمام.")
    assert places.get("وجدة", ("",))[0] != "MAR"
