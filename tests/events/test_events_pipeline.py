"""The marsad_events step in the pipeline: the seed article, the dev set floor, the Doc."""
import json

import pytest

from marsad.eval.gold import score
from marsad.eval.events import pipeline, system_records
from marsad.model import Article
from marsad.pipeline.build import make_doc, run

DEV_F1_FLOOR = 0.65  # measured 0.698 (P 0.938, R 0.556) with lexicon actors; see docs/events.md
SEED_F1_FLOOR = 0.85  # measured 0.923
TRAIN_F1_FLOOR = 0.45  # measured 0.567 (P 0.802, R 0.438, session 9); partly in sample: train.jsonl trains the learnt stage
TRAIN_PRECISION_FLOOR = 0.75


@pytest.fixture(scope="module")
def dev(dev_path):
    with open(dev_path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def seed_record(nlp, seed_parts):
    title, body = seed_parts
    return run(nlp, Article(text=body, title=title, published="2023-09-13"))


def _triples(record):
    return {(e.source.country, e.type, e.target.country if e.target else "") for e in record.events}


@pytest.mark.parametrize("triple", [
    ("PRK", "CONSULT", "RUS"), ("RUS", "CONSULT", "PRK"),  # the talks, both ways
    ("USA", "ACCUSE", "RUS"), ("USA", "ACCUSE", "PRK"),  # Washington's warning
    ("RUS", "REJECT", "USA"),  # «دون الالتفات إلى التحذيرات الأميركية»
    ("PRK", "SUPPORT", "RUS"),  # «وقد دعمنا دائما بوتين والحكومة الروسية»
])
def test_pipeline_seed_events(seed_record, triple):
    assert triple in _triples(seed_record)


def test_pipeline_seed_summit_place_and_date(seed_record):
    talks = next(e for e in seed_record.events if (e.source.country, e.type) == ("RUS", "CONSULT"))
    assert talks.evidence.text.endswith("محادثات قمة مع الرئيس فلاديمير بوتين")
    # «في مطار قاعدة فوستوشني الفضائية بمقاطعة آمور في شرق روسيا»: the most specific place
    assert talks.place.name_en == "Vostochny Cosmodrome" and talks.place.country == "RUS"
    assert round(talks.place.lat) == 52 and talks.date == "2023-09-13"
    visit = next(e for e in seed_record.events if (e.source.country, e.type) == ("PRK", "CONSULT"))
    assert visit.mode == "visit" and visit.place.country == "RUS"  # «زيارته لروسيا»


def test_pipeline_seed_evidence_points_into_body(seed_record):
    for e in seed_record.events:
        for span in [e.evidence, e.trigger, *e.evidence_all]:
            assert span.field is None and seed_record.text[span.start:span.end] == span.text


def test_pipeline_seed_f1_floor(seed_record, dev):
    gold = [g for g in dev if g["id"] == "seed-000"]
    record = seed_record.to_dict()
    record["id"] = "seed-000"
    assert score(gold, [record])["events"]["f1"] >= SEED_F1_FLOOR


def test_pipeline_dev_f1_floor(nlp, dev):
    report = score(dev, system_records(dev, nlp))["events"]
    assert report["f1"] >= DEV_F1_FLOOR, report


def test_pipeline_train_f1_floor(nlp, train_path):
    with open(train_path, encoding="utf-8") as fh:
        train = [json.loads(line) for line in fh if line.strip()]
    report = score(train, system_records(train, nlp))["events"]
    assert report["f1"] >= TRAIN_F1_FLOOR and report["precision"] >= TRAIN_PRECISION_FLOOR, report


def test_pipeline_doc_carries_events_and_places(nlp):
    text = "وصل وزير الخارجية البريطاني فيليب هاموند إلى طهران أمس في أول زيارة منذ سنوات."
    doc = make_doc(nlp, Article(text=text, published="2015-08-23"))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(e.type, e.target.country, e.date) for e in doc._.events] == [("CONSULT", "IRN", "2015-08-22")]
    assert [p.name for p in doc._.places] == ["طهران"]


def test_pipeline_events_step_is_registered_with_its_contract(nlp):
    meta = nlp.get_pipe_meta("marsad_events")
    assert set(meta.assigns) == {"doc._.events", "doc._.places"}
    assert nlp.pipe_names[-1] == "marsad_events"


def test_pipeline_entities_mode_runs(dev):
    nlp = pipeline(actors="entities")
    records = system_records(dev[:3], nlp)
    assert all(not r["errors"] for r in records)


@pytest.mark.parametrize("text, triple", [
    ("وأدان الرئيس الروسي فلاديمير بوتين الهجوم الذي شنته أوكرانيا على دونيتسك.", ("RUS", "ACCUSE", "UKR")),
    ("أعرب الرئيس اليمني عبدربه منصور هادي عن تقديره للدور الذي يلعبه التحالف العربي بقيادة السعودية.",
     ("YEM", "SUPPORT", "SAU")),
])
def test_pipeline_target_is_the_doer_in_a_relative_clause_on_the_object(nlp, text, triple):
    assert triple in _triples(run(nlp, Article(text=text, published="2015-07-20")))


@pytest.fixture()
def rules_only(nlp):
    coder = nlp.get_pipe("marsad_events").coder
    coder.model = {"weights": {}, "bias": 0.0, "threshold": 2.0}  # the learnt stage off
    yield nlp
    coder.model = None


def test_pipeline_title_then_its_holder_is_one_subject(rules_only):
    # The Malaysian prime minister Najib Razak met the emir of Qatar; then «the two met».
    # With entities the title and the name are two mentions: the name is the title's
    # holder, not whom he met, and the emir is the object.
    text = ("التقى رئيس الوزراء الماليزي نجيب عبد الرزاق أمير قطر الشيخ تميم بن حمد. "
            "والتقى الاثنان في ماليزيا الجمعة الماضية.")
    assert _triples(run(rules_only, Article(text=text, published="2015-07-20"))) == {
        ("MYS", "CONSULT", "QAT"), ("QAT", "CONSULT", "MYS")}


def test_pipeline_title_of_no_country_in_a_complement_is_its_holder(rules_only):
    # the king received a call from «His Royal Highness Prince Salman bin Hamad Al Khalifa»:
    # the honorific has no country; the prince it introduces is the caller
    text = ("تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اتصالا هاتفيا أمس من صاحب السمو الملكي "
            "الأمير سلمان بن حمد آل خليفة ولي العهد بمملكة البحرين.")
    assert _triples(run(rules_only, Article(text=text, published="2015-08-07"))) == {
        ("SAU", "CONSULT", "BHR"), ("BHR", "CONSULT", "SAU")}


@pytest.mark.parametrize("official", ["الأمين العام للأمم المتحدة بان كي مون",
                                      "الأمين العام لجامعة الدول العربية نبيل العربي"])
def test_pipeline_a_bodys_official_named_after_it_is_the_subject(rules_only, official):
    # «the secretary-general of the UN Ban Ki-moon received the Saudi foreign minister»: the
    # name after the body is the title's holder, not the object (and «بان» is no «بأن»)
    text = f"استقبل {official} وزير الخارجية السعودي عادل الجبير في نيويورك أمس."
    assert _triples(run(rules_only, Article(text=text, published="2015-08-06"))) == {
        ("IGO", "CONSULT", "SAU"), ("SAU", "CONSULT", "IGO")}


def test_pipeline_a_time_aside_after_the_subject_leaves_the_object(nlp):
    # «، اليوم،» between the subject and the object; and the learnt stage does not read the
    # trigger the rules coded a second way (the border town named later is no target)
    text = ("استهدفت طائرات الأباتشي السعودية، اليوم، تجمعات لمليشيات الحوثي، والمخلوع علي عبد الله صالح، "
            "بقصف مكثف، نتج عنه تدمير 4 آليات عسكرية، وعدة نقاط تجمع، قرب المنطقة المحظورة قبالة حدود جازان.")
    assert _triples(run(nlp, Article(text=text, published="2015-08-06"))) == {("SAU", "ASSAULT", "YEM")}


def test_pipeline_a_body_meeting_in_a_country_is_no_meeting_with_it(nlp):
    # the IOC (a body the entities step names, of no country) in its current session in
    # Malaysia: Malaysia is where, not with whom
    record = run(nlp, Article(text="وحضر الرئيس السويسري الاجتماع الحالي للجنة الأولمبية الدولية في ماليزيا.",
                              title="خبر", published="2015-08-03"))
    assert ("CHE", "CONSULT", "MYS") not in _triples(record)


@pytest.mark.parametrize("text, expected", [
    # security forces of no country in the words of a state organ: that state's arrests
    ("وقالت وزارة الداخلية التونسية إن قوات الأمن أوقفت، منذ أمس الجمعة، 320 شخصاً من المنتمين إلى تنظيم داعش.",
     {("TUN", "COERCE", "TUN")}),
    ("وأعلنت وزارة الداخلية التونسية أنه تم القبض على خمسة عناصر إرهابية.", {("TUN", "COERCE", "TUN")}),
    # «التركي» closing a Saudi spokesman's name is a surname, not Turkey
    ("وأكد المتحدث الأمني لوزارة الداخلية اللواء منصور التركي أن منفذ التفجير تم توقيفه بالسابق.", set()),
    # a call and an incitement to assassinate: no assassination
    ("تمكنت القوات الأمنية التونسية من عنصر داعشي قام بنشر فيديو يدعو الى اغتيال الرئيس التونسي الباجي قائد "
     "السبسي، وله علاقة بأطراف في ليبيا قام بالتنسيق معها في إعداد الفيديو للتحريض على اغتيال الرئيس السبسي والغنوشي.",
     set()),
])
def test_events_unseen_articles_in_the_pipeline(nlp, text, expected):
    record = run(nlp, Article(text=text, title="خبر", published="2015-08-01"))
    assert _triples(record) == expected


@pytest.mark.parametrize("text, rejects", [
    # «رفض الكشف عن اسمه», «رفض التعليق على»: declined to be named or to comment: no
    # rejection (reticence markers: the trigger is not asserted, for the rules and the
    # learnt stage alike)
    ("وأكد مسؤول تركي رفض الكشف عن اسمه لفرانس برس أن حزب العمال الكردستاني يقف وراء الهجوم.", False),
    ("ورفض وزير الخارجية الأمريكي جون كيري التعليق على تصريحات الرئيس الإيراني حسن روحاني.", False),
    ("ورفض وزير الخارجية الأمريكي جون كيري تصريحات الرئيس الإيراني حسن روحاني.", True),
])
def test_pipeline_a_refusal_to_speak_is_no_rejection(nlp, text, rejects):
    record = run(nlp, Article(text=text, published="2015-07-20"))
    assert any(e.type == "REJECT" for e in record.events) == rejects
def _named(record, kind):
    names = {e.id: e.name for e in record.entities}
    return [(names.get(e.source.entity), e.source.country, e.target.country if e.target else None)
            for e in record.events if e.type == kind]


def test_pipeline_reporter_is_not_the_doer(nlp):
    # the speaker reports the attacks; who made them is not named
    record = run(nlp, Article(text="أفادت مصادر أمنية عراقية أمس بمقتل 37 مسلحا من داعش و16 من قوات "
                                   "البيشمركة في هجمات متفرقة بالعراق.", published="2015-08-10"))
    assert all(name is None for name, _, _ in _named(record, "ASSAULT"))


def test_pipeline_speaker_pronoun_is_the_doer(nlp):
    # «أنه/إنها» before the act: the speaker did it, with a verb or a light verb and a noun
    record = run(nlp, Article(text="أعلن الجيش التركي أنه قصف مواقع لحزب العمال الكردستاني في شمال العراق.",
                              published="2015-08-10"))
    # (the PKK struck in northern Iraq is coded by the place: IRQ, docs/events.md session 13)
    assert ("الجيش التركي", "TUR", "IRQ") in _named(record, "ASSAULT")
    record = run(nlp, Article(text="وقالت وزارة الدفاع الروسية إنها شنت غارات على مواقع لتنظيم داعش في سوريا.",
                              published="2015-08-10"))
    assert [c for _, c, _ in _named(record, "ASSAULT")] == ["RUS"]


def test_pipeline_a_town_is_not_named_as_a_doer(nlp):
    record = run(nlp, Article(text="استنكر رئيس الجالية اليمنية في منطقة عسير وعميدها في المملكة ناصر العزيزي، "
                                   "العمل الإرهابي الذي استهدف المصلين في مسجد قوات الطوارئ.", published="2015-08-10"))
    names = {e.id: e.name for e in record.entities}
    assert "عسير" in names.values()
    assert all(names.get(e.source.entity) != "عسير" for e in record.events)


def test_pipeline_matches_of_national_teams_are_no_talks(nlp):
    record = run(nlp, Article(text="يقيم الفريق معسكرا تحضيريا بسبب معسكر المنتخب السعودي التحضيري لمباراتي تيمور الشرقية "
                                   "يوم الثالث من شهر سبتمبر المقبل، ولقاء ماليزيا يوم الثامن من الشهر ذاته.",
                              published="2015-08-10"))
    assert not record.events


def test_pipeline_a_power_to_act_is_no_act(nlp):
    record = run(nlp, Article(text="وتشمل الاستراتيجية زيادة صلاحيات الحكومة البريطانية في توقيف جماعات داخل البلاد "
                                   "تنشر الفكر المتطرف.", published="2015-08-10"))
    assert not [e for e in record.events if e.type == "COERCE"]


@pytest.mark.parametrize("text", [
    "وقال مسؤول تركي رفض الكشف عن هويته لوكالة فرانس برس إن المحادثات مستمرة.",  # an anonymous source
    "نفت الفنانة المصرية غادة عبدالرازق ما تردد عن زواجها.",  # show business
])
def test_pipeline_refusals_that_reject_nothing(nlp, text):
    assert not [e for e in run(nlp, Article(text=text, published="2015-08-10")).events if e.type == "REJECT"]


def test_pipeline_his_trial_is_the_state_trying_him(nlp):
    record = run(nlp, Article(text="وأضافت الوكالة أن مرسي أبلغ القاضي خلال محاكمته وعشرة آخرين من قيادات الإخوان "
                                   "بتهمة التخابر.", published="2015-08-10"))
    names = {e.id: e.name for e in record.entities}
    trials = [e for e in record.events if e.type == "COERCE"]
    assert trials and all(e.source.entity is None and e.source.country == "EGY"
                          and names.get(e.target.entity) == "مرسي" for e in trials)


def test_pipeline_stopping_an_act_is_not_doing_it(nlp):
    record = run(nlp, Article(text="ودعا سليم الزعنون إلى تطبيق قرارات المجلس المركزي ووقف التنسيق الأمني مع "
                                   "الاحتلال الإسرائيلي.", published="2015-07-31"))
    assert not [e for e in record.events if e.type == "COOPERATE"]


@pytest.mark.parametrize("text", [
    "ومن المقرر أن يلتقي المنتخبان المصري والتونسي في الجولة الأولى يوم الأحد المقبل.",
    "وتجري إدارة النادي مفاوضات مع ماكسي موراليز لاعب الوسط المهاجم لفريق أتالانتا الإيطالي.",
])
def test_pipeline_players_and_national_teams_are_no_states(nlp, text):
    assert not run(nlp, Article(text=text, published="2015-08-06")).events


def test_pipeline_an_agent_the_story_places_strikes_at_home(nlp):
    # «the armed forces» of an Egyptian story target a hideout of no country: EGY ASSAULT EGY
    text = ("أعلنت القوات المسلحة المصرية مقتل 20 إرهابيا في شمال سيناء. وقال المتحدث العسكري المصري إن "
            "القوات المسلحة قامت باستهداف مقر لتجمع العناصر الإرهابية.")
    record = run(nlp, Article(text=text, published="2015-07-22"))
    assert ("EGY", "ASSAULT", "EGY") in _triples(record)


def test_events_an_arrest_perfect_before_a_person_is_a_passive():
    # «واعتقل رضائيان»: the journalist was arrested (by his state), he arrested no one
    from marsad.pipeline.build import load, run
    text = "وقالت الصحيفة إن مراسلها جيسون رضائيان محتجز في إيران. واعتقل رضائيان في طهران الشهر الماضي."
    record = run(load(), Article(text=text, id="passive", published="2015-08-11")).to_dict()
    names = {e["id"]: e["name"] for e in record["entities"]}
    arrests = [e for e in record["events"] if e["type"] == "COERCE"]
    assert arrests and all(e["source"]["entity"] is None and names.get(e["target"]["entity"]) == "جيسون رضائيان"
                           for e in arrests)


def test_attacking_a_leaders_militias_is_an_attack_in_arms(nlp):
    # «ميليشيات صالح» is a force: attacking positions with it is no attack in words (ACCUSE)
    text = "هاجم الحوثيون وميليشيات صالح مواقع للمقاومة الشعبية في مأرب."
    record = run(nlp, Article(text=text, id="militias", published="2015-08-01")).to_dict()
    assert {(e["source"]["country"], e["type"]) for e in record["events"]} == {("YEM", "ASSAULT")}
