"""Acts of force whose sides are not a subject and an object (session 15, #16): projectiles
fallen somewhere, attacks on a place further along their clause, killings in a sentence
of terror, shootings with no side named, armed groups placed by their clause. Sentences of
our own making in the style of the Saudi press of 2015."""
import pytest

from marsad.events.coder import EventCoder

PUBLISHED = "2015-08-01"


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def triples(coder, text):
    return {(e.source.country, e.type, e.target.country if e.target else "")
            for e in coder(text, PUBLISHED).events}


@pytest.mark.parametrize("text, expected", [
    # a projectile from inside Yemen fell on a shop in Najran: Yemen attacks Saudi Arabia
    ("أصيب مقيم إثر سقوط مقذوف عسكري من داخل الأراضي اليمنية على محل تجاري بمدينة نجران.",
     {("YEM", "ASSAULT", "SAU")}),
    # Houthi shells fell on villages in Jazan (the origin is the nationality on the noun)
    ("سقطت قذائف حوثية أمس على عدد من القرى بمنطقة جازان.", {("YEM", "ASSAULT", "SAU")}),
    # the post in Asir came under heavy shelling from Yemeni territory (the place before it)
    ("تعرض مركز حدودي في منطقة عسير لقذائف كثيفة من داخل الأراضي اليمنية.", {("YEM", "ASSAULT", "SAU")}),
])
def test_projectile_is_its_origins_attack_on_the_place(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text", [
    # the side that repelled the shells is no attacker, and no origin is named
    "تصدت القوات السعودية لقذائف أطلقت على منطقة جازان.",
    # no place where it fell
    "سقطت قذائف حوثية أمس.",
])
def test_projectile_without_origin_or_place_is_not_coded(coder, text):
    assert not {t for t in triples(coder, text) if t[1] == "ASSAULT"}


def test_attack_falls_on_the_place_further_along_its_clause(coder):
    # the army's air strikes on a village held by the group, in Aleppo province
    text = "شن الجيش السوري غارات جوية على قرية يسيطر عليها تنظيم داعش في محافظة حلب."
    assert ("SYR", "ASSAULT", "SYR") in triples(coder, text)


def test_attack_place_behind_another_act_is_not_the_target(coder):
    # the Kurdish militants are not struck in Syria: the place is the other attack's
    text = "شنت تركيا غارات على مواقع المسلحين الأكراد بعد هجوم داعش في سوريا."
    assert ("TUR", "ASSAULT", "SYR") not in triples(coder, text)


def test_passive_killing_in_a_sentence_of_terror_is_coded_where_it_happened(coder):
    text = "قتل 12 شخصا أمس عندما فجر انتحاري نفسه في سوق مزدحمة بشمال أفغانستان."
    assert ("AFG", "ASSAULT", "AFG") in triples(coder, text)


def test_passive_killing_with_no_terror_is_not_coded(coder):
    # floods kill too
    assert not triples(coder, "قتل 27 شخصا في بورما بسبب الفيضانات.")


def test_shooting_with_no_side_named_is_coded_where_it_happened(coder):
    text = "قتل شخصان في إطلاق نار على حشد في مدينة كراتشي الباكستانية."
    assert ("PAK", "ASSAULT", "PAK") in triples(coder, text)


def test_armed_group_of_no_country_acts_where_its_clause_places_it(coder):
    text = "دفعت المقاومة بتعزيزات عسكرية كبيرة إلى محافظة تعز."
    assert ("YEM", "MOBILIZE", "YEM") in triples(coder, text)


def test_coalition_aircraft_with_their_adjective_are_one_name(coder):
    # «مقاتلات التحالف العربي» is the Saudi-led coalition, not «مقاتلات التحالف» + an adjective
    text = "شنت مقاتلات التحالف العربي نحو 15 غارة على مواقع المتمردين الحوثيين في صنعاء."
    assert ("SAU", "ASSAULT", "YEM") in triples(coder, text)
