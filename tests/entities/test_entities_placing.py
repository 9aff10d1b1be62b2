"""Country from the article (entities.placing, entities.story): every actor with the country
its own words, then its story, then its outlet support, and where that came from."""
from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.pipeline.build import extract, load


@pytest.fixture(scope="module")
def nlp():
    return load()


def _entity(record, name):
    found = [e for e in record.entities if e.name == name or any(m.text == name for m in e.mentions)]
    assert found, f"{name}: not an entity of {[e.name for e in record.entities]}"
    return found[0]


def _placed_record(nlp, text):
    return extract(Article(text=text, published="2015-08-06", outlet="okaz"), nlp)


def _placed(nlp, text, name, **article):
    e = _entity(extract(Article(text=text, **article), nlp), name)
    return e.country, e.country_source


@pytest.mark.parametrize("text, name, expected", [
    # a title with a country before the name
    ("وقال وزير الخارجية المصري محمد علي إن الزيارة مهمة.", "محمد علي", ("EGY", "title")),
    # a nationality adjective inside an anonymous source
    ("وقال مصدر أمني بحريني إن الخلية اعتقلت.", "مصدر أمني بحريني", ("BHR", "title")),
    # an organisation with a country in the description after the name
    ("قال حمود المخلافي، القيادي في حزب المؤتمر الشعبي العام، إن الحرب انتهت.", "حمود المخلافي",
     ("YEM", "affiliation")),
    # a place after «من»
    ("وقال مصدر من حلب إن القصف استمر.", "مصدر", ("SYR", "place")),
])
def test_placing_from_the_words_around_the_actor(nlp, text, name, expected):
    assert _placed(nlp, text, name, published="2015-07-21") == expected


def test_placing_an_organisation_by_the_adjective_after_its_name(nlp):
    # the adjective right after an organisation's name beats the story's country (a Saudi
    # team's camp in Austria made the Italian club Austrian)
    text = ("وقال مدرب الهلال إن الفريق أقام معسكره في النمسا. ويلاقي الهلال فريق أودينيزي الإيطالي "
            "غدا في مدينة سالزبورغ النمساوية، وذكرت صحيفة «دايلي ميل» البريطانية أن المباراة ودية.")
    assert _placed(nlp, text, "أودينيزي", published="2015-07-21") == ("ITA", "adjective")
    assert _placed(nlp, text, "دايلي ميل", published="2015-07-21") == ("GBR", "adjective")


def test_placing_title_after_the_name_without_comma(nlp):
    text = "وقال يواكيم لوف مدرب ألمانيا إن المجموعة صعبة."
    assert _placed(nlp, text, "يواكيم لوف", published="2015-07-21")[0] == "DEU"


def test_placing_description_stops_at_the_reported_clause(nlp):
    # «أنه» opens what was said: the Iranian guards in it say nothing of the speaker, the
    # club he presides does
    text = "أكد فوزي الباشا رئيس نادي الخليج أنه وجد خبراء من الحرس الثوري الإيراني."
    assert _placed(nlp, text, "فوزي الباشا", published="2015-07-21") == ("SAU", "affiliation")
    text = "أكد فوزي الباشا أنه وجد خبراء من الحرس الثوري الإيراني."
    assert _placed(nlp, text, "فوزي الباشا", published="2015-07-21")[1] != "affiliation"


def test_placing_story_then_outlet(nlp):
    yemen = ("قال محمد الصالح إن الوضع مستقر. وأكد الحوثيون في اليمن سيطرتهم على المدينة. "
             "وفي صنعاء قال شهود إن القتال توقف في اليمن.")
    assert _placed(nlp, yemen, "محمد الصالح", published="2015-07-21", outlet="okaz") == ("YEM", "story")
    local = "قال محمد الصالح إن المهرجان يبدأ غدا بمشاركة واسعة."
    assert _placed(nlp, local, "محمد الصالح", published="2015-07-21", outlet="okaz") == ("SAU", "outlet")
    # no outlet and nothing in the article: no country rather than a guess
    assert _placed(nlp, local, "محمد الصالح", published="2015-07-21") == (None, None)


def test_placing_outlet_from_url_when_the_outlet_is_missing(nlp):
    local = "قال محمد الصالح إن المهرجان يبدأ غدا بمشاركة واسعة."
    assert _placed(nlp, local, "محمد الصالح", published="2015-07-21",
                   url="https://www.okaz.com.sa/news/1") == ("SAU", "outlet")


def test_placing_transnational_group_stays_unplaced(nlp):
    text = "قال تنظيم داعش في سوريا إن الهجوم وقع في حلب."
    assert _placed(nlp, text, "تنظيم داعش", published="2015-07-21", outlet="okaz") == (None, None)


def test_placing_lexicon_wins(nlp):
    text = "وقال جون كيري في الرياض إن السعودية حليف."
    assert _placed(nlp, text, "جون كيري", published="2015-07-21", outlet="okaz") == ("USA", "lexicon")


def test_placing_every_source_is_in_the_schema():
    import json

    from marsad.entities.placing import SOURCES
    from marsad.schema import schema

    text = json.dumps(schema())
    assert all(f'"{source}"' in text for source in SOURCES)


def test_placing_regional_description_has_no_country(nlp):
    # a Western diplomat is of no one country: no story guess for him
    text = "وقال دبلوماسي غربي إن المحادثات في موسكو صعبة. وأكدت روسيا أن المحادثات مستمرة في روسيا."
    record = extract(Article(text=text, published="2015-07-21", outlet="okaz"), nlp)
    entities = {e.id: e for e in record.entities}
    (quote,) = [q for q in record.quotes if q.speaker.text and "دبلوماسي" in q.speaker.text]
    assert entities[quote.speaker.entity].country is None
    # a surname that is also a regional adjective is no description
    assert _placed(nlp, "وقال أحمد العربي إن المهرجان ناجح.", "أحمد العربي",
                   published="2015-07-21", outlet="okaz")[0] == "SAU"


@pytest.mark.parametrize("body", ["باسم الحزب", "باسم للحزب", "في الحزب"])
def test_placing_a_body_named_back_by_its_kind(nlp, body):
    # «المتحدث باسم الحزب»: the party the article named before, and its country
    text = f"أعلن حزب المؤتمر الشعبي العام موقفه. وقال المتحدث {body} عبده الجندي إن الحزب يرفض الاتفاق."
    assert _placed(nlp, text, "عبده الجندي", published="2015-07-21", outlet="okaz") == ("YEM", "affiliation")


def test_a_nationality_adjective_ending_a_name_is_a_family_name(nlp):
    # «عبدالله التركي» (the Saudi secretary-general of the Muslim World League) is not Turkish,
    # and his family name does not make the story Turkish either
    text = ("قال الأمين العام لرابطة العالم الإسلامي الدكتور عبدالله بن عبدالمحسن التركي إن المؤتمر مهم. "
            "وبيّن عبدالله التركي أن الإعلام الجديد مؤثر.")
    record = extract(Article(text=text, published="2015-07-21", outlet="okaz"), nlp)
    assert "TUR" not in {e.country for e in record.entities}


def test_a_title_before_the_adjective_still_places(nlp):
    country, _ = _placed(nlp, "وقال الرئيس التركي رجب طيب أردوغان إن العملية مستمرة.", "رجب طيب أردوغان",
                         published="2015-07-21", outlet="okaz")
    assert country == "TUR"


def test_the_un_adjective_places_an_actor_in_the_un_not_the_story(nlp):
    text = ("وقال المبعوث الأممي إلى اليمن إن لدى دولة الإمارات سمعة طيبة في مجال المساعدات. "
            "ودعت المملكة أمام المجالس الدولية والأممية إلى تجريم الإساءة للأديان.")
    record = extract(Article(text=text, published="2015-07-21", outlet="okaz"), nlp)
    assert _entity(record, "المبعوث الأممي").country == "IGO"
    assert all(e.country != "IGO" for e in record.entities if e.label == "LOC")


def test_a_description_never_joins_a_known_person_of_another_country(nlp):
    # a keyword line («إعلان القاهرة مجلس الوزراء محمد بن نايف») gives a phrase attached to
    # the Saudi crown prince the country of Cairo; Egypt's head of state must still be Sisi
    text = ("رأس الأمير محمد بن نايف ولي العهد الجلسة. وأشاد المجلس بالعلاقات مع الرئيس عبدالفتاح "
            "السيسي، واستمع إلى نتائج زيارة الأمير محمد بن سلمان لجمهورية مصر العربية واجتماعه "
            "مع فخامة رئيس جمهورية مصر العربية.\n سمات إعلان القاهرة مجلس الوزراء محمد بن نايف")
    record = extract(Article(text=text, published="2015-08-03"), nlp)
    holder = next(e for e in record.entities if any(m.text == "فخامة رئيس جمهورية مصر العربية" for m in e.mentions))
    assert holder.country == "EGY" and "السيسي" in holder.name


@pytest.mark.parametrize("text, name, expected", [
    ("وأكدت وكالة الطاقة الدولية في أحدث تقاريرها أن النفط سيظل المصدر الأول للطاقة في الولايات المتحدة "
     "وأمريكا.", "وكالة الطاقة الدولية", ("IGO", "adjective")),
    # a nationality adjective after the name still wins
    ("وقالت المنظمة العالمية الألمانية إن المشروع تأخر في برلين.", "المنظمة العالمية الألمانية", ("DEU", "adjective")),
])
def test_an_international_body_by_its_name_belongs_to_no_one_country(nlp, text, name, expected):
    assert _placed(nlp, text, name, published="2015-08-01", outlet="alriyadh") == expected


def test_the_feminine_moroccan_adjective_places_its_actor(nlp):
    # «مغربي» is flagged (the sunset prayer «المغرب»); the feminine adjective is not the prayer
    text = "وسلط الدكتور أحمد أوموس من وزارة الثقافة المغربية في ورقته الضوء على التراث الصخري."
    assert _placed(nlp, text, "أحمد أوموس", published="2015-08-01", outlet="alriyadh") == ("MAR", "affiliation")


def test_a_bare_body_noun_names_back_the_last_body_of_its_kind(nlp):
    text = ("وذكرت وزارة الخارجية الروسية أن لافروف والجبير سيبحثان الأوضاع في ليبيا. وعلى صعيد آخر، "
            "أفادت الوزارة بأن الطرفين سيبحثان العلاقات الاقتصادية بين روسيا والمملكة العربية السعودية.")
    record = extract(Article(text=text, published="2015-08-11", outlet="alriyadh"), nlp)
    by_id = {e.id: e for e in record.entities}
    speaker = next(q.speaker for q in record.quotes if q.cue.text == "أفادت")
    assert by_id[speaker.entity].name == "وزارة الخارجية الروسية"
    assert by_id[speaker.entity].country == "RUS"


def test_placing_turki_before_a_family_name_is_a_first_name():
    # «تركي» (Turki) before «الحربي»: a Saudi spokesman's first name, not "Turkish"
    from marsad.model import Article
    from marsad.pipeline.build import load, run
    text = "وقال المتحدث باسم الأمانة تركي الحربي إن العمل مستمر في المشروع."
    record = run(load(), Article(text=text, id="turki", published="2015-08-11")).to_dict()
    assert all(e["country"] != "TUR" for e in record["entities"])
    text = "وقال مسؤول تركي إن أنقرة لن تسمح بذلك."  # here it is the nationality
    record = run(load(), Article(text=text, id="turkish", published="2015-08-11")).to_dict()
    assert any(e["country"] == "TUR" and e["label"] == "PER" for e in record["entities"])


def test_placing_an_envoy_is_not_of_the_country_he_is_posted_to():
    # «لدى الأمم المتحدة», «لدى الأردن»: where the envoy serves, not whose he is
    from marsad.model import Article
    from marsad.pipeline.build import load, run
    text = "وقال مندوب مصر لدى الأمم المتحدة الدكتور عمرو أبو العطا إن القرار مهم."
    record = run(load(), Article(text=text, id="envoy", published="2015-08-11")).to_dict()
    assert {e["name"]: e["country"] for e in record["entities"]}.get("عمرو أبو العطا") == "EGY"
    text = "وقال السفير السعودي لدى الأردن محمد الدوسري إن الزيارة ناجحة."
    record = run(load(), Article(text=text, id="envoy2", published="2015-08-11")).to_dict()
    assert {e["name"]: e["country"] for e in record["entities"]}.get("محمد الدوسري") == "SAU"


@pytest.mark.parametrize("text, name, expected", [
    # «لدى» before a state word: «لدى جمهورية مصر العربية» is still a posting
    ("وحضر سفير خادم الحرمين الشريفين لدى جمهورية مصر العربية مندوب المملكة الدائم لدى جامعة الدول العربية "
     "أحمد قطان الحفل.", "أحمد قطان", "SAU"),
    # «في» behind an envoy's title in the same clause is a posting too
    ("برعاية سفير خادم الحرمين الشريفين في المملكة المتحدة الأمير محمد بن نواف بن عبدالعزيز.",
     "محمد بن نواف بن عبدالعزيز", "SAU"),
])
def test_placing_an_envoy_posted_to_a_state_or_in_a_country(nlp, text, name, expected):
    assert _placed(nlp, text, name, id="envoy", published="2015-07-25")[0] == expected


def test_a_title_after_a_comma_and_wa_describes_the_next_person_not_the_name_before(nlp):
    # «قطان، وسفير جمهورية مصر العربية … عفيفي»: the «و» opens a new conjunct
    text = ("وحضر مندوب المملكة الدائم لدى جامعة الدول العربية أحمد قطان، وسفير جمهورية مصر العربية "
            "لدى المملكة عفيفي عبدالوهاب.")
    assert _placed(nlp, text, "أحمد قطان", id="wa", published="2015-07-25")[0] == "SAU"
    assert _placed(nlp, text, "عفيفي عبدالوهاب", id="wa", published="2015-07-25")[0] == "EGY"


@pytest.mark.parametrize("text, name, expected", [
    # a grandson of King Abdulaziz, in a story set abroad
    ("وصل إلى طهران أمس فيصل بن خالد بن عبدالعزيز في زيارة خاصة.", "فيصل بن خالد بن عبدالعزيز", "SAU"),
    ("وفي أبوظبي استقبل الشيخ حمدان بن زايد آل نهيان الوفد المصري.", "حمدان بن زايد آل نهيان", "ARE"),
])
def test_placing_a_ruling_familys_member_by_the_name(nlp, text, name, expected):
    assert _placed(nlp, text, name, id="royal", published="2015-08-03")[0] == expected


def test_a_shared_family_name_without_a_link_of_bin_places_no_one():
    # «آل ثاني» is also a Saudi family: only «X بن Y آل ثاني» is the Qatari house
    from marsad.entities.dynasties import dynasty_country
    assert dynasty_country("فيصل آل ثاني") is None
    assert dynasty_country("أحمد بن محمد آل ثاني") == "QAT"
    assert dynasty_country("أحمد بن عبدالعزيز الفارس") is None  # a son of anyone called Abdulaziz


@pytest.mark.parametrize("text, expected", [
    ("قال رئيس الوزراء العراقي إن قوات التحالف قصفت مواقع داعش في الرمادي.", "USA"),
    # a Yemeni mark («للشعب اليمني») keeps the Saudi-led reading, though Iraq is named too
    ("أثنى مجلس الوزراء على الهدنة التي قررتها قيادة التحالف لإدخال المساعدات للشعب اليمني الشقيق. "
     "وندد المجلس بالتفجير في العراق.", "SAU"),
])
def test_a_bare_coalition_is_the_one_of_the_storys_theatre(nlp, text, expected):
    record = extract(Article(text=text, id="coalition", published="2015-08-03"), nlp)
    assert [e.country for e in record.entities if "التحالف" in e.name] == [expected]


@pytest.mark.parametrize("text, expected", [
    # Harad is a Yemeni district on the Saudi border and a Saudi town: the story chooses
    ("وقصفت مقاتلات التحالف مواقع الحوثيين في مديرية حرض بمحافظة حجة.", "YEM"),
    ("وزار وزير البترول منطقة حرض في المنطقة الشرقية بالمملكة.", "SAU"),
])
def test_a_place_two_countries_share_is_the_storys(nlp, text, expected):
    record = extract(Article(text=text, id="harad", published="2015-08-03"), nlp)
    assert [e.country for e in record.entities if "حرض" in e.name] == [expected]


def test_a_months_name_inside_a_date_is_no_actor(nlp):
    # «أبريل (نيسان)»: the Levantine month, not Nissan; outside a date the company stays
    record = extract(Article(text="وقعت الهجمات في أبريل (نيسان) الماضي في الأنبار.", id="m", published="2015-07-27"), nlp)
    assert not [e for e in record.entities if e.name == "نيسان"]
    record = extract(Article(text="وقالت شركة نيسان إنها ستبيع سيارات أكثر في أبريل.", id="n", published="2015-07-27"), nlp)
    assert [e.country for e in record.entities if "نيسان" in e.name] == ["JPN"]


def test_placing_rebels_of_a_story_are_the_armed_group_it_names(nlp):
    # a Saudi outlet's story of the Yemen war: the bare «المتمردين» are the Houthis it names,
    # not the state striking them
    text = ("وكانت ميليشيات الحوثي قد قصفت القرى الحدودية في جازان، وأكدت المملكة أن الرد سيكون حازما.\n"
            "وفر المتمردون من مواقعهم بعد غارات جوية مكثفة.\nوفي اليمن، تواصلت المعارك في تعز.")
    entity = _entity(_placed_record(nlp, text), "المتمردون")
    assert (entity.country, entity.country_source) == ("YEM", "story")


def test_placing_clients_and_unnamed_countries_keep_the_story(nlp):
    # «المسلحين الموالين لها»: gunmen loyal to the regime are its clients, not the armed group
    # the story names; and an armed group whose country the article never names sets nothing
    text = ("تتواصل المعارك بين قوات النظام السوري والمسلحين الموالين لها من جهة، ومقاتلي المعارضة "
            "من جهة أخرى في ريف إدلب، فيما أرسل حزب الله اللبناني تعزيزات إلى المنطقة.")
    assert _entity(_placed_record(nlp, text), "المسلحين").country != "LBN"


def test_an_athlete_or_coach_the_lexicon_knows_marks_no_country(nlp):
    # people.tsv's footballers and coaches (sector CVL) keep their own nationality, but a
    # Saudi club's Romanian coach does not make the story, nor the others in it, Romanian
    text = "قال محمد الصالح إن الفريق جاهز للموسم. وأشرك لازلو بولوني اللاعبين في التدريب."
    assert _placed(nlp, text, "لازلو بولوني", published="2015-07-21", outlet="okaz") == ("ROU", "lexicon")
    assert _placed(nlp, text, "محمد الصالح", published="2015-07-21", outlet="okaz") == ("SAU", "outlet")


CAMP = "يواصل فريق الهلال معسكره الإعدادي في النمسا، وشارك {} في التدريبات إلى جانب المدافع فهد الزهراني الذي عاد من الإصابة."


def test_a_player_of_the_outlets_team_is_not_of_its_training_camp(nlp):
    # two Saudi internationals the lexicon knows make the story one about a Saudi team: the
    # defender it does not know is Saudi, not Austrian like the camp's country
    text = CAMP.format("ياسر القحطاني وسالم الدوسري")
    assert _placed(nlp, text, "فهد الزهراني", published="2015-07-25", outlet="okaz") == ("SAU", "story")


def test_one_known_player_or_a_foreign_team_makes_no_squad(nlp):
    # one known athlete is too little to say whose team it is; a Spanish team's known
    # players are not the outlet's, so its unknown player keeps the story's country
    one = CAMP.format("ياسر القحطاني")
    assert _placed(nlp, one, "فهد الزهراني", published="2015-07-25", outlet="okaz") == ("AUT", "story")
    foreign = ("يواصل برشلونة استعداده في إسبانيا، وشارك ليونيل ميسي وإيكر كاسياس في التدريبات إلى "
               "جانب المدافع بيدرو رودريغيز الذي عاد من الإصابة.")
    assert _placed(nlp, foreign, "بيدرو رودريغيز", published="2015-07-25", outlet="okaz") == ("ESP", "story")
