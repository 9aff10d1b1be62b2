"""What is not an actor, and what a name inside another name is not."""
from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.pipeline.build import extract, load


@pytest.fixture(scope="module")
def nlp():
    return load()


def _names(nlp, text):
    record = extract(Article(text=text, published="2015-07-21", outlet="okaz"), nlp)
    return {e.name: e for e in record.entities}


def test_not_actors_god_and_currencies(nlp):
    names = _names(nlp, "وقال رحمه الله إن الحمد لله، والسعر 5 دولارات و10 ريالات و3 يورو. "
                        "وقال عبد الله بن زايد إن حزب الله في رام الله.")
    assert not {"الله", "لله", "رحمه الله", "دولارات", "ريالات", "يورو"} & set(names)
    assert {"عبد الله بن زايد", "حزب الله", "رام الله"} <= set(names)


def test_not_actors_a_son_is_not_his_father(nlp):
    names = _names(nlp, "استقبل الأمير سلطان بن سلمان بن عبدالعزيز الوفد. وقال الملك سلمان بن عبدالعزيز إن الزيارة مهمة.")
    son = names["سلطان بن سلمان بن عبدالعزيز"]
    assert son.name_en != "King Salman bin Abdulaziz"
    king = [e for e in names.values() if e.name_en == "King Salman bin Abdulaziz"]
    assert len(king) == 1 and all("سلطان" not in m.text for m in king[0].mentions)


def test_not_actors_an_institution_named_after_a_king(nlp):
    names = _names(nlp, "وقال المتحدث باسم مركز الملك سلمان للإغاثة إن المساعدات وصلت. ودرس في جامعة الملك سعود.")
    assert not [e for e in names.values() if e.name_en == "King Salman bin Abdulaziz"]


@pytest.mark.parametrize("text, name", [
    ("وقال الأمير تركي الفيصل إن الزيارة مهمة.", "تركي الفيصل"),
    ("وقال الأمير تركي بن محمد بن فهد إن الزيارة مهمة.", "تركي بن محمد بن فهد"),
])
def test_not_actors_nationality_word_as_first_name(nlp, text, name):
    entity = _names(nlp, text)[name]  # the name keeps «تركي», and Turkey is not its country
    assert entity.country != "TUR"


def test_not_actors_clubs_are_civilians(nlp):
    names = _names(nlp, "وقال رئيس نادي النصر إن الفريق جاهز. وفاز نادي الهلال على نادي الاتحاد.")
    clubs = [e for e in names.values() if e.label == "ORG" and e.name.startswith("نادي")]
    assert clubs and all(e.sector != "GOV" for e in clubs)


def test_described_speakers_become_actors(nlp):
    record = extract(Article(text="وقال مصدر أمني بحريني إن الخلية اعتقلت. وأضافت الصحيفة أن التحقيق مستمر.",
                             published="2015-07-21", outlet="okaz"), nlp)
    entities = {e.id: e for e in record.entities}
    speakers = [entities[q.speaker.entity] for q in record.quotes]
    assert [s.country for s in speakers][:1] == ["BHR"]
    assert all(s.name_en for s in speakers)


def test_not_actors_a_short_form_is_the_long_name_before_it(nlp):
    # «حزب العمال» alone is British Labour in the lexicon; after «حزب العمال الكردستاني» it is the PKK
    names = _names(nlp, "وقال مسؤولون إن مقاتلي حزب العمال الكردستاني هاجموا موقعا للجيش التركي. "
                        "ودعا دمرتاش الحكومة التركية وحزب العمال إلى وقف العنف.")
    assert "حزب العمال" not in names
    assert {m.text for m in names["حزب العمال الكردستاني"].mentions} == {"حزب العمال الكردستاني", "حزب العمال"}
    # ... unless the article named the short form's own reading before the long name
    names = _names(nlp, "تدور شكوك في أوساط حركة طالبان الأفغانية حول الزعيم الجديد. وعرض زعيم باكستاني "
                        "مؤيد لطالبان أفغانستان وطالبان باكستان وساطته. والصراع داخل طالبان بلغ حدة.")
    assert "داخل طالبان" not in {m.text for e in names.values() if e.name == "طالبان باكستان" for m in e.mentions}
    assert all(m.text != "طالبان" for e in names.values() if e.name == "طالبان باكستان" for m in e.mentions)


def test_not_actors_a_quoted_newspaper_is_no_place(nlp):
    record = extract(Article(text="وقال عبد الكريم لـ«الشرق الأوسط» إن المهاجرين عبروا. وأوضح لـ\"الرياض\" أن المشروع "
                                  "سيكتمل. ووصل الوزير إلى الرياض أمس.", published="2015-08-10"), nlp)
    assert [p.name for p in record.places] == ["الرياض"]  # the city, not the two newspapers
    papers = {e.name_en: e for e in record.entities if e.sector == "MED"}
    assert set(papers) == {"Asharq Al-Awsat", "Al Riyadh (newspaper)"}
    assert all(e.country == "SAU" and e.label == "ORG" for e in papers.values())
