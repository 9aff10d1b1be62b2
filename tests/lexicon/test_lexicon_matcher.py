"""Dictionary matching on sentences of the seed article (Tishreen, 13 September 2023)."""
from __future__ import annotations

import pytest

from marsad.lexicon import Lexicon, Matcher
from marsad.lexicon.actors import Actor, CountryName
from marsad.lexicon.places import Place

# Sentences of corpus/seed/putin-kim-summit.txt.
HEADLINE = "واشنطن تحذّر وطوكيو قلقة وبكين تراقب.. قمة بوتين – كيم: «معاً في الكفاح ضد الإمبريالية»"
VISIT = ("من دون تحديد موعد لانتهائها، يواصل رئيس كوريا الديمقراطية، كيم جونغ أون، زيارته لروسيا، "
         "حيث شهدت في يومها الثاني بدء محادثات قمة مع الرئيس فلاديمير بوتين في مطار قاعدة فوستوشني "
         "الفضائية بمقاطعة آمور في شرق روسيا")
VICTORY = "ووصف بوتين الذكرى الـ70 لانتصار بيونغ يانغ في الحرب الكورية بأنها «تاريخ مشهود»"
G20 = ("وكأمثلة على ذلك، أشارت زاخاروفا إلى «التآزر الذي أظهرته مجموعة العشرين» وتوسيع مجموعة «بريكس» "
       "والتي تخلقها الولايات المتحدة")
WARNING = ("وكانت واشنطن حذرت قبيل الزيارة من التعاون العسكري بين موسكو وبيونغ يانغ، فيما ردت الخارجية "
           "الروسية بالقول")
PESKOV = "وفي وقت سابق قال الناطق باسم الرئاسة الروسية، دميتري بيسكوف، إن زعيمي البلدين سيناقشان"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Lexicon.load().matcher()


def _find(matcher: Matcher, text: str, name: str):
    """The match whose name text is ``name`` (fails if absent)."""
    found = [m for m in matcher.find(text) if m.text == name]
    assert found, f"{name!r} not in {[m.text for m in matcher.find(text)]}"
    return found[0]


def _code(record) -> str | None:
    if isinstance(record, CountryName):
        return record.code
    return record.country


@pytest.mark.parametrize(("text", "name", "clitic", "code", "kind"), [
    (VISIT, "روسيا", "ل", "RUS", CountryName),  # «لروسيا» "to Russia"
    (HEADLINE, "طوكيو", "و", "JPN", Place),  # «وطوكيو» "and Tokyo"
    (HEADLINE, "بكين", "و", "CHN", Place),
    (HEADLINE, "واشنطن", "", "USA", Place),
    (VISIT, "كوريا الديمقراطية", "", "PRK", CountryName),
    (VISIT, "كيم جونغ أون", "", "PRK", Actor),
    (VISIT, "فلاديمير بوتين", "", "RUS", Actor),
    (VISIT, "مقاطعة آمور", "ب", "RUS", Place),  # «بمقاطعة آمور» "in Amur Oblast"
    (VICTORY, "بيونغ يانغ", "", "PRK", Place),
    (WARNING, "بيونغ يانغ", "و", "PRK", Place),
    (WARNING, "موسكو", "", "RUS", Place),
    (G20, "مجموعة العشرين", "", "IGO", Actor),
    (G20, "بريكس", "", "IGO", Actor),
    (G20, "الولايات المتحدة", "", "USA", CountryName),
    (G20, "زاخاروفا", "", "RUS", Actor),
    (PESKOV, "دميتري بيسكوف", "", "RUS", Actor),
])
def test_matcher_seed_sentences(matcher, text, name, clitic, code, kind):
    m = _find(matcher, text, name)
    assert text[m.start:m.end] == name
    assert m.clitic == clitic and text[m.clitic_start:m.start] == clitic
    assert isinstance(m.entry, kind) and _code(m.entry) == code


def test_matcher_facility_with_coordinates(matcher):
    m = _find(matcher, VISIT, "قاعدة فوستوشني الفضائية")  # the Vostochny cosmodrome
    assert isinstance(m.entry, Place)
    assert (m.entry.label, m.entry.country, m.entry.coords) == ("FAC", "RUS", (51.88, 128.33))


def test_matcher_kremlin_stands_for_the_government(matcher):
    text = "وقال الكرملين إن المحادثات ستستمر"  # "The Kremlin said the talks will go on"
    m = _find(matcher, text, "الكرملين")
    assert (m.entry.country, m.entry.metonym, m.entry.label) == ("RUS", "GOV", "FAC")


def test_matcher_title_and_adjective(matcher):
    names = [(m.text, type(m.entry).__name__) for m in matcher.find(WARNING)]
    assert ("الخارجية", "Title") in names  # the foreign ministry
    assert ("الروسية", "CountryName") in names  # Russian (f.)
    assert [m.entry.codes for m in matcher.find(VICTORY) if m.text == "الكورية"] == [("PRK", "KOR")]


@pytest.mark.parametrize(("text", "name", "clitic"), [
    ("أرسلت رسالة للولايات المتحدة أمس", "لولايات المتحدة", "ل"),  # li- + al- -> «لل»
    ("وللولايات المتحدة مصالح", "لولايات المتحدة", "ول"),
    ("عقد الاجتماع بالرياض", "الرياض", "ب"),  # «بالرياض» "in Riyadh"
    ("ووصل وبالرياض وفد", "الرياض", "وب"),
    ("فروسيا تقول", "روسيا", "ف"),
    ("كموسكو تماما", "موسكو", "ك"),
])
def test_matcher_proclitics(matcher, text, name, clitic):
    m = _find(matcher, text, name)
    assert m.clitic == clitic
    assert text[m.clitic_start:m.end] == clitic + name


@pytest.mark.parametrize("text", [
    "استخدام السلاح الكيماوي محظور",  # "chemical weapons": «كيم» inside a word
    "قال كيمياوي إن",
    "زار الروسياني",
])
def test_matcher_only_whole_words(matcher, text):
    assert not [m for m in matcher.find(text) if m.text in ("كيم", "روسيا")]


def test_matcher_no_split_of_plain_words(matcher):
    # «وزير» "minister" must not read as و + «زير»; «بكين» is Beijing, not ب + «كين».
    text = "التقى وزير الخارجية في بكين"
    assert [(m.text, m.clitic) for m in matcher.find(text)] == [("وزير الخارجية", ""), ("بكين", "")]


def test_matcher_longest_match_wins():
    m = Matcher([("المتحدة", "united"), ("الولايات المتحدة", "USA"), ("الولايات", "states")])
    found = m.find("تخلقها الولايات المتحدة”.")
    assert [(x.text, x.entry) for x in found] == [("الولايات المتحدة", "USA")]


def test_matcher_longest_match_wins_in_lexicon(matcher):
    text = "وأعرب كيم جونغ أون عن ثقته"
    assert [m.text for m in matcher.find(text)] == ["كيم جونغ أون"]


def test_matcher_offsets_survive_diacritics_and_spaces():
    m = Matcher([("روسيا", "RUS"), ("بيونغ يانغ", "PRK")])
    text = "زار رُوسْيَا ثم بيونغ   يانغ"  # vowel marks, a run of spaces
    found = m.find(text)
    assert [text[x.start:x.end] for x in found] == ["رُوسْيَا", "بيونغ   يانغ"]
    assert [x.text for x in found] == ["رُوسْيَا", "بيونغ   يانغ"]


def test_matcher_shared_names_keep_every_record(matcher):
    # «خادم الحرمين الشريفين» (Custodian of the Two Holy Mosques): the reigning Saudi king.
    m = _find(matcher, "وقال خادم الحرمين الشريفين", "خادم الحرمين الشريفين")
    assert {a.name_en for a in m.entries} == {"King Abdullah bin Abdulaziz", "King Salman bin Abdulaziz"}
    assert {a.term_at(2020).role for a in m.entries} == {"head of state"}


def test_matcher_weak_names_are_marked(matcher):
    m = _find(matcher, "وقال الرئيس هادي", "هادي")  # Hadi; also "calm"
    assert m.entry.is_weak(m.key)


def test_matcher_lookup_and_contains(matcher):
    assert "بوتين" in matcher
    assert matcher.lookup("بُوتين")[0].name_en == "Vladimir Putin"
    assert matcher.lookup("لا شيء") == ()


def test_matcher_empty():
    assert Matcher([]).find("روسيا") == []


def test_matcher_whole_seed(matcher, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    found = matcher.find(text)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.clitic_start for a, b in zip(found, found[1:]))
    names = {m.text for m in found}
    for expected in ("واشنطن", "طوكيو", "بكين", "روسيا", "بيونغ يانغ", "قاعدة فوستوشني الفضائية",
                     "مجموعة العشرين", "بريكس", "ماريا زاخاروفا", "اليابان", "الصين"):
        assert expected in names, expected


def test_a_fathers_name_gives_way_to_the_name_it_is_part_of():
    # «محمد بن سلمان بن عبدالعزيز»: the prince with his lineage, not King Salman, although
    # the king's name is the longer match
    m = Matcher([("محمد بن سلمان", "MBS"), ("سلمان بن عبدالعزيز", "king"), ("بن سلمان", "MBS")])
    found = m.find("رؤية محمد بن سلمان بن عبدالعزيز")
    assert [(x.text, x.entries) for x in found] == [("محمد بن سلمان", ("MBS",))]
    # with no other name over it, the father's name still matches (the entities step reads
    # «بن» before it as a patronymic)
    found = m.find("سلطان بن سلمان بن عبدالعزيز")
    assert [x.text for x in found] == ["سلمان بن عبدالعزيز"]
