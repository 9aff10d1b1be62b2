"""The event coder on single sentences: one per PLOVER type, symmetric coding, negation and
hypotheticals, metonymy, place, date and exact evidence offsets. Sentences are written in
the style of SaudiNewsNet (Saudi press, 2015)."""
import pytest

from marsad.events.coder import EventCoder
from marsad.model import DateRef

PUBLISHED = "2015-08-01"


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def triples(coder, text, **kw):
    return {(e.source.country, e.type, e.target.country if e.target else "")
            for e in coder(text, PUBLISHED, **kw).events}


@pytest.mark.parametrize("text, expected", [
    # the Saudi king received the Egyptian president at Al-Yamamah palace (CONSULT, both ways)
    ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر اليمامة بالرياض أمس الرئيس المصري "
     "عبدالفتاح السيسي.", {("SAU", "CONSULT", "EGY"), ("EGY", "CONSULT", "SAU")}),
    # King Salman received a phone call from President Obama
    ("تلقى الملك سلمان اتصالا هاتفيا من الرئيس الأمريكي باراك أوباما.",
     {("SAU", "CONSULT", "USA"), ("USA", "CONSULT", "SAU")}),
    # Saudi Arabia condemned the Israeli attack on Gaza
    ("أدانت المملكة العربية السعودية الهجوم الإسرائيلي على قطاع غزة.", {("SAU", "ACCUSE", "ISR")}),
    # Erdogan threatened Russia with sanctions
    ("هدد الرئيس التركي رجب طيب أردوغان روسيا بفرض عقوبات.", {("TUR", "THREATEN", "RUS")}),
    # the Iraqi government rejected the American demands
    ("رفضت الحكومة العراقية المطالب الأمريكية.", {("IRQ", "REJECT", "USA")}),
    # al-Jubeir called on Iran to stop its interference (the stopping is not an event)
    ("دعا وزير الخارجية السعودي عادل الجبير إيران إلى وقف تدخلاتها في المنطقة.", {("SAU", "REQUEST", "IRN")}),
    # Saudi Arabia and France signed a military cooperation agreement
    ("وقعت المملكة العربية السعودية وفرنسا اتفاقية للتعاون العسكري.",
     {("SAU", "AGREE", "FRA"), ("FRA", "AGREE", "SAU")}),
    # Hollande praised the Saudi role
    ("أشاد الرئيس الفرنسي فرانسوا هولاند بالدور السعودي.", {("FRA", "SUPPORT", "SAU")}),
    # Saudi-American cooperation against terrorism
    ("تعاون سعودي أمريكي في مكافحة الإرهاب.", {("SAU", "COOPERATE", "USA"), ("USA", "COOPERATE", "SAU")}),
    # the Kingdom gave humanitarian aid to Yemen
    ("قدمت المملكة مساعدات إنسانية لليمن.", {("SAU", "AID", "YEM")}),
    # the Egyptian authorities arrested ten people in Cairo (domestic)
    ("اعتقلت السلطات المصرية عشرة أشخاص في القاهرة.", {("EGY", "COERCE", "EGY")}),
    # Turkish artillery shelled positions in northern Iraq
    ("قصفت المدفعية التركية مواقع في شمال العراق.", {("TUR", "ASSAULT", "IRQ")}),
    # Russia deployed more troops on the border (no target)
    ("نشرت روسيا قوات إضافية على الحدود مع أوكرانيا.", {("RUS", "MOBILIZE", "")}),
    # the United States imposed new sanctions on Iran
    ("فرضت الولايات المتحدة عقوبات جديدة على إيران.", {("USA", "SANCTION", "IRN")}),
    # thousands of Palestinians demonstrated in the West Bank
    ("تظاهر آلاف الفلسطينيين في الضفة الغربية.", {("PSE", "PROTEST", "PSE")}),  # at home: its own country
    # Russia announced the withdrawal of its forces from Syria
    ("أعلنت روسيا انسحاب قواتها من سوريا.", {("RUS", "RETREAT", "SYR")}),
    # Israel released Palestinian prisoners
    ("أفرجت إسرائيل عن أسرى فلسطينيين.", {("ISR", "CONCEDE", "PSE")}),
])
def test_coder_codes_each_type(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text", [
    "لم يلتق الرئيس الأمريكي باراك أوباما الرئيس الروسي فلاديمير بوتين.",  # did not meet
    "إذا زار الرئيس الإيراني حسن روحاني الرياض فسيلتقي الملك سلمان.",  # if Rouhani visits
    "نفى الكرملين أن يكون بوتين التقى أوباما.",  # the Kremlin denied that Putin met Obama
    "قد يلتقي الرئيس الروسي فلاديمير بوتين نظيره الأمريكي باراك أوباما.",  # may meet
    "هل يلتقي الرئيس الروسي فلاديمير بوتين نظيره الأمريكي باراك أوباما؟",  # will he meet?
    "تريد إيران توقيع اتفاق مع السعودية.",  # Iran wants to sign a deal
    "دعت الأمم المتحدة إلى وقف إطلاق النار في اليمن.",  # a call for a ceasefire is no ceasefire
])
def test_coder_drops_negated_and_hypothetical(coder, text):
    assert triples(coder, text) == set()


def test_coder_metonymy_capital_acts_but_locates(coder):
    # Washington warned Tehran against interfering in Yemen: Yemen is a place here
    assert triples(coder, "وكانت واشنطن حذرت طهران من التدخل في اليمن.") == {("USA", "ACCUSE", "IRN")}
    # a meeting in Moscow is not a meeting with Moscow
    assert triples(coder, "التقى وزير الخارجية السعودي عادل الجبير نظيره الأمريكي جون كيري في موسكو.") == {
        ("SAU", "CONSULT", "USA"), ("USA", "CONSULT", "SAU")}


def test_coder_attaches_place_and_date(coder):
    text = "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف يوم الخميس."
    thursday = text.index("يوم الخميس")
    dates = [DateRef("يوم الخميس", thursday, thursday + 10, "2015-07-30")]
    events = coder(text, PUBLISHED, dates=dates).events
    assert {e.place.name for e in events} == {"جنيف"}
    assert events[0].place.country == "CHE" and events[0].place.lat is not None
    assert {e.date for e in events} == {"2015-07-30"}


def test_coder_date_falls_back_to_publication_not_for_the_future(coder):
    past = coder("انتقدت إيران السياسة الأمريكية في المنطقة.", PUBLISHED).events
    future = coder("وأكدت الخارجية الروسية أن موسكو ستدعم دمشق.", PUBLISHED).events
    assert past[0].date == PUBLISHED and future[0].date is None


def test_coder_visit_place_and_target(coder):
    events = coder("وصل وزير الخارجية البريطاني فيليب هاموند إلى طهران أمس في أول زيارة منذ سنوات.",
                   PUBLISHED).events
    assert [(e.source.country, e.type, e.target.country, e.mode) for e in events] == [
        ("GBR", "CONSULT", "IRN", "visit")]
    assert events[0].place.name == "طهران"


def test_coder_evidence_and_trigger_offsets_are_exact(coder):
    text = "قال مصدر مطلع إن وزير الخارجية السعودي عادل الجبير بحث مع نظيره التركي العلاقات الثنائية."
    for e in coder(text, PUBLISHED).events:
        for span in [e.evidence, e.trigger, *e.evidence_all]:
            assert text[span.start:span.end] == span.text
        assert e.trigger.text == "بحث"


def test_coder_one_event_per_triple_with_all_evidence(coder):
    text = ("أدانت السعودية الهجوم الإسرائيلي على غزة. "  # Saudi Arabia condemned the Israeli attack
            "وندد وزير الخارجية السعودي عادل الجبير بالعدوان الإسرائيلي.")  # al-Jubeir denounced it
    events = [e for e in coder(text, PUBLISHED).events if e.type == "ACCUSE"]
    assert len(events) == 1 and len(events[0].evidence_all) == 2
    assert events[0].evidence == events[0].evidence_all[0]


def test_coder_ignores_title_before_body_start(coder):
    title = "السعودية تدين الهجوم الإسرائيلي\n\n"  # a headline repeats the body
    events = coder(title + "طقس حار في الرياض.", PUBLISHED, body_start=len(title)).events
    assert events == []


def test_coder_fills_places(coder):
    text = "وصل الرئيس اليمني إلى القاهرة قادما من الرياض."
    places = coder(text, PUBLISHED).places
    assert [p.name for p in places] == ["القاهرة", "الرياض"]
    assert all(text[p.start:p.end] == p.name and p.country and p.lat is not None for p in places)


@pytest.mark.parametrize("text, expected", [
    # exchange of expertise between the Kingdom and the state of Turkey
    ("جرى تبادل الخبرات بين المملكة ودولة تركيا الشقيقة.", {("SAU", "COOPERATE", "TUR"), ("TUR", "COOPERATE", "SAU")}),
    # Egypt and the Republic of Sudan signed an agreement
    ("وقعت مصر وجمهورية السودان اتفاقية للتعاون.", {("EGY", "AGREE", "SDN"), ("SDN", "AGREE", "EGY")}),
])
def test_coder_state_word_before_a_coordinated_country(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_place_phrase_before_the_complement(coder):
    # the Bahraini community in the Kingdom condemned the hostile statements Iran repeats:
    # «بالمملكة» says where; the target is the doer of what is condemned
    text = "نددت الجالية البحرينية بالمملكة بالتصريحات العدائية التي ترددها ايران."
    assert triples(coder, text) == {("BHR", "ACCUSE", "IRN")}


@pytest.mark.parametrize("text, expected", [
    # Bahrain expressed its condolences to the Saudi people: «ـها» stands for the state
    ("وأعربت مملكة البحرين عن تعازيها ومواساتها للشعب السعودي.", {("BHR", "SUPPORT", "SAU")}),
    # ... but an organisation's own meeting in a city is no event with the host country
    ("عقدت منظمة اليونسكو اليوم اجتماعها الـ 39 في مدينة بون.", set()),
])
def test_coder_feminine_possessive_owned_by_a_state(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_freezing_funds_is_a_sanction_on_their_owner(coder):
    # Turkey froze the funds of the former Yemeni president
    text = "جمدت تركيا رسميا أموال الرئيس اليمني السابق علي عبدالله صالح وعدد من قادة التمرد."
    assert triples(coder, text) == {("TUR", "SANCTION", "YEM")}


@pytest.mark.parametrize("text, expected", [
    # a review of cooperation during a reception: the talks, not cooperation done
    ("وجرى خلال اللقاء استعراض آفاق التعاون بين المملكة والأردن.",
     {("SAU", "CONSULT", "JOR"), ("JOR", "CONSULT", "SAU")}),
    # «بحث وتبادل الخبرات»: discussion and an exchange of expertise, which is cooperation
    ("وتم بحث وتبادل الخبرات بين المملكة والأردن في مجال الأمن.",
     {("SAU", "COOPERATE", "JOR"), ("JOR", "COOPERATE", "SAU")}),
    # cooperation done, no talks about it
    ("وقالت الخارجية الأمريكية إن التعاون بين الولايات المتحدة والأردن مستمر في مكافحة الإرهاب.",
     {("USA", "COOPERATE", "JOR"), ("JOR", "COOPERATE", "USA")}),
])
def test_coder_cooperation_talks_were_about_is_the_talks(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the king received the Egyptian president; the two sides discussed cooperation (talks
    # about cooperation are the talks: CONSULT, no COOPERATE)
    ("استقبل خادم الحرمين الشريفين الملك سلمان الرئيس المصري عبدالفتاح السيسي. "
     "وبحث الجانبان سبل التعاون بين البلدين.",
     {("SAU", "CONSULT", "EGY"), ("EGY", "CONSULT", "SAU")}),
    # Najib said the emir of Qatar is interested; «the two met»
    ("قال رئيس الوزراء الماليزي نجيب عبد الرزاق إن أمير قطر الشيخ تميم بن حمد مهتم بالاستثمار. "
     "والتقى الاثنان في ماليزيا الجمعة الماضية.", {("MYS", "CONSULT", "QAT"), ("QAT", "CONSULT", "MYS")}),
    # three countries named before: «the two» is not resolved
    ("اجتمع وزير الخارجية السعودي عادل الجبير مع نظيره الروسي سيرغي لافروف بحضور وزير الخارجية الأمريكي "
     "جون كيري. والتقى الاثنان مجددا أمس.",
     {("SAU", "CONSULT", "RUS"), ("RUS", "CONSULT", "SAU")}),
    # «the two parties» of a clash are most often factions of one country: not coded (the
    # strike on the Houthis' positions is)
    ("قصفت الطائرات السعودية مواقع للحوثيين في اليمن. ودارت اشتباكات عنيفة بين الطرفين.",
     {("SAU", "ASSAULT", "YEM")}),
    # «يزورها الاثنين»: Monday, not «the two»
    ("قال وزير الخارجية الفرنسي لوران فابيوس إن الجزائر التي يزورها الاثنين شريك مهم.", set()),
])
def test_coder_the_two_sides_named_before(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the crown prince arrived; «His Highness received» the Egyptian president
    ("وصل ولي العهد السعودي الأمير محمد بن نايف إلى الرياض أمس. واستقبل سموه الرئيس المصري "
     "عبد الفتاح السيسي في قصر اليمامة.", {("SAU", "CONSULT", "EGY"), ("EGY", "CONSULT", "SAU")}),
    # «His Excellency condemned»: the minister named before
    ("أكد وزير الخارجية السعودي عادل الجبير أن المملكة حريصة على الأمن. وأدان معاليه الهجوم الذي "
     "شنته إيران على السفارة.", {("SAU", "ACCUSE", "IRN")}),
    # «His Highness» is the prince, not the ambassador who spoke last
    ("استقبل ولي العهد السعودي الأمير محمد بن نايف السفير الكوري. وأشاد السفير الكوري بالتطور. "
     "وأدان سموه الهجوم الذي شنته إيران على السفارة.", {("SAU", "ACCUSE", "IRN")}),
    # no prince named before: «سموه» stands for no one the text gives
    ("أشاد الرئيس الأمريكي باراك أوباما بالتطور. وأدان سموه الهجوم الذي شنته إيران على السفارة.", set()),
])
def test_coder_honorific_subject_is_the_person_so_named_before(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_adverbial_phrase_after_a_verb_is_no_subject(coder):
    # «وأشاد خلال استقباله»: «خلال» opens a phrase; the praise is the president's, the topic
    text = ("التقى الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي جون كيري. وأشاد خلال "
            "اللقاء بالدور الأمريكي.")
    assert ("EGY", "SUPPORT", "USA") in triples(coder, text)


@pytest.mark.parametrize("text, expected", [
    # Manama recalled its ambassador to Tehran the same day: the aside between commas does
    # not hide the ambassador, and «سفيرها» (its own) is a recall, not a summons
    ("واستدعت المنامة، في اليوم نفسه، سفيرها لدى طهران للتشاور.", {("BHR", "SANCTION", "IRN")}),
    ("واستدعت البحرين سفيرها لدى طهران للتشاور.", {("BHR", "SANCTION", "IRN")}),
    # ... the Iranian ambassador summoned is a protest to Iran
    ("استدعت وزارة الخارجية البحرينية السفير الإيراني.", {("BHR", "ACCUSE", "IRN")}),
])
def test_coder_ambassador_recalled_past_an_aside(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # who announces arrests made them; after «وكانت المنامة أعلنت», «كما أعلنت» is Manama's
    ("وكانت المنامة أعلنت الجمعة الماضية إحباط عملية تهريب. كما أعلنت عن توقيف خمسة أشخاص.",
     {("BHR", "COERCE", "BHR")}),
    ("أعلنت وزارة الداخلية السعودية عن توقيف خمسة أشخاص.", {("SAU", "COERCE", "SAU")}),
    # those behind the trigger's own preposition are its target, not its doer's genitive
    ("أعلن الجيش اللبناني عن إلقاء القبض على سوريين.", {("LBN", "COERCE", "SYR")}),
])
def test_coder_an_announced_act_is_the_announcers(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an agent of no country arrests where it stands: the police in Riyadh are Saudi
    ("ألقت الشرطة القبض على ثلاثة أشخاص في الرياض.", {("SAU", "COERCE", "SAU")}),
    ("أعلنت وزارة الداخلية والأمن الوطني في غزة، عن توقيف عناصر يشتبه في ضلوعهم في التفجيرات.",
     {("PSE", "COERCE", "PSE")}),
    # a passive arrest: the authorities of the place named in its clause
    ("وتم القبض على المتهم في جدة.", {("SAU", "COERCE", "SAU")}),
    # ... not a place of another clause («بينما»: the strikes were in Syria, the arrests at home)
    ("شنت غاراتها على مواقع له في سوريا، بينما نفذت الشرطة حملة توقيفات في مختلف انحاء البلاد.", set()),
    ("فيما تم القبض على ثلاثة آخرين، تدرب بعضهم في إيران.", set()),
])
def test_coder_arrests_by_the_authorities_of_the_place(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_arrester_placed_by_the_place_is_a_state_not_the_town(coder):
    event, = coder("وتم القبض على المتهم في جدة.", PUBLISHED).events
    assert (event.source.entity, event.source.country, event.source.sector) == (None, "SAU", "GOV")


@pytest.mark.parametrize("text, expected", [
    # the king sent a cable of condolence to the Egyptian president
    ("بعث خادم الحرمين الشريفين الملك سلمان برقية عزاء للرئيس المصري.", {("SAU", "SUPPORT", "EGY")}),
    # the German minister expressed his government's consolation to the Kingdom
    ("وأعرب وزير الخارجية الألماني عن مواساة الحكومة الألمانية للمملكة.", {("DEU", "SUPPORT", "SAU")}),
    # receiving condolences at home is no event between states
    ("وتقبل أبناء الفقيد العزاء في منزلهم بالرياض.", set()),
])
def test_coder_condolence_is_support(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_meeting_of_two_named_in_its_genitive(coder):
    # a source said the meeting of Khaled Meshaal and the Russian foreign minister Lavrov
    text = "وكشف مصدر أن لقاء خالد مشعل ووزير الخارجية الروسي سيرغي لافروف تناول الحصار."
    assert triples(coder, text) == {("PSE", "CONSULT", "RUS"), ("RUS", "CONSULT", "PSE")}


def test_coder_companion_past_the_comma_closing_a_subject(coder):
    # the Egyptian foreign ministry, expressed its condemnation of the Israeli attack
    text = "وأعربت وزارة الخارجية المصرية، عن إدانتها للهجوم الإسرائيلي."
    assert triples(coder, text) == {("EGY", "ACCUSE", "ISR")}


@pytest.mark.parametrize("text, expected", [
    # the meeting that brought together the Syrian president and the Iraqi prime minister's envoy
    ("كشف مسؤول أمني عراقي أن اللقاء الذي جمع الرئيس السوري بشار الأسد بمبعوث رئيس الوزراء العراقي تناول الأوضاع.",
     {("SYR", "CONSULT", "IRQ"), ("IRQ", "CONSULT", "SYR")}),
    # «جمع» collected: no actor brought together, no event
    ("جمعت الشرطة الأدلة من موقع الحادث.", set()),
])
def test_coder_a_meeting_that_brought_two_together(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_a_phone_call_received_from(coder):
    # the deputy king received a phone call today from King Mohammed VI of Morocco (the verb
    # «تلقى» is too far from «اتصالا» past the long title: the noun reads «من» itself)
    text = ("تلقى نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز اتصالاً هاتفياً "
            "اليوم من جلالة الملك محمد السادس ملك المملكة المغربية الشقيقة.")
    assert triples(coder, text) == {("SAU", "CONSULT", "MAR"), ("MAR", "CONSULT", "SAU")}


@pytest.mark.parametrize("text, expected", [
    # the deputy of the Custodian received a call from the Bahraini interior minister, named
    # first by a name the lexicon does not know, then by his title «بمملكة البحرين»
    ("وتلقى نائب خادم الحرمين الشريفين اتصالا هاتفيا أمس من الفريق الركن الشيخ راشد بن عبدالله آل خليفة "
     "وزير الداخلية بمملكة البحرين.", {("SAU", "CONSULT", "BHR"), ("BHR", "CONSULT", "SAU")}),
])
def test_coder_deputy_and_title_with_its_state(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_deputy_is_a_mention_of_his_own(coder):
    from marsad.events.actors import mentions_from_lexicon
    text = "وتلقى نائب خادم الحرمين الشريفين اتصالا هاتفيا."
    m, = mentions_from_lexicon(text, coder.lexicon)
    assert (m.text, m.country, m.kind, m.entity) == ("نائب خادم الحرمين الشريفين", "SAU", "title", None)


def test_coder_a_chain_of_titles_after_a_person_is_his(coder):
    # the deputy crown prince, second deputy prime minister, minister of defence, held a phone
    # call with King Abdullah II (whose «الثاني» is no surname for «النائب الثاني»)
    text = ("أجرى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس "
            "الوزراء وزير الدفاع اليوم اتصالا هاتفيا بجلالة الملك عبدالله الثاني بن الحسين ملك المملكة الأردنية الهاشمية.")
    assert triples(coder, text) == {("SAU", "CONSULT", "JOR"), ("JOR", "CONSULT", "SAU")}


def test_actors_regnal_number_is_no_surname(coder):
    from marsad.events.actors import mentions_from_lexicon
    text = "التقى الملك عبدالله الثاني ولي العهد. وقال النائب الثاني إن اللقاء مهم."
    assert [m.text for m in mentions_from_lexicon(text, coder.lexicon) if m.text == "الثاني"] == []


@pytest.mark.parametrize("text, expected", [
    # the king received, in Al-Salam palace in Jeddah today (Wednesday), the US defence secretary
    ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبد العزيز، في قصر السلام بجدة اليوم (الأربعاء)، "
     "وزير الدفاع الأميركي اشتون كارتر والوفد المرافق له.", {("SAU", "CONSULT", "USA"), ("USA", "CONSULT", "SAU")}),
    # ... the minister of state for defence affairs «بدولة قطر»: Qatar's
    ("استقبل الأمير محمد بن سلمان في قصر السلام بجدة مساء اليوم معالي وزير الدولة لشئون الدفاع بدولة قطر "
     "اللواء ركن حمد بن علي العطية.", {("SAU", "CONSULT", "QAT"), ("QAT", "CONSULT", "SAU")}),
])
def test_coder_received_past_a_day_in_parentheses_and_a_state_behind_b(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Obama called his Turkish counterpart: «بنظيره التركي», a counterpart's nationality
    ("اتصل الرئيس الأميركي باراك أوباما بنظيره التركي رجب طيب إردوغان.", {("USA", "CONSULT", "TUR"), ("TUR", "CONSULT", "USA")}),
    # ... spoke by phone with
    ("وتحدث الرئيس الروسي هاتفياً مع العاهل السعودي.", {("RUS", "CONSULT", "SAU"), ("SAU", "CONSULT", "RUS")}),
    # minister Adel al-Jubeir, the Saudi foreign minister, had met his German counterpart
    ("وكان الوزير عادل الجبير، وزير الخارجية السعودي، التقى نظيره الألماني فرانك فالتر شتاينماير في برلين.",
     {("SAU", "CONSULT", "DEU"), ("DEU", "CONSULT", "SAU")}),
    # praising the Saudi position: an adjective after a plain noun is still its owner
    ("أشاد الرئيس المصري بالموقف السعودي.", {("EGY", "SUPPORT", "SAU")}),
])
def test_coder_counterparts_calls_and_appositions(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the fighter jets of the Arab coalition shelled Houthi positions: the coalition acts through
    # its aircraft, the positions are the Houthis'
    ("وفي وقت مبكر امس، قصفت الطائرات المقاتلة التابعة للتحالف العربي مواقع للحوثيين في جبهة الجفينة.",
     {("SAU", "ASSAULT", "YEM")}),
    # air strikes «على مواقع للحوثيين»: the positions after the preposition are the Houthis'
    ("وشنت طائرات التحالف العربي صباح امس غارات جوية على مواقع للحوثيين في الجفينة.",
     {("SAU", "ASSAULT", "YEM")}),
    # strikes on camps of no country («على معسكرات الحزب») in a place: the place's country
    ("بدأت أنقرة حملة ضربات جوية على معسكرات الحزب في شمال العراق.", {("TUR", "ASSAULT", "IRQ")}),
    # an armed group struck abroad is coded by where it is struck (PKK camps in northern Iraq)
    ("قصفت المدفعية التركية أمس مواقع حزب العمال الكردستاني في شمال العراق.", {("TUR", "ASSAULT", "IRQ")}),
    ("قصفت المدفعية التركية أمس مواقع حزب العمال الكردستاني في ديار بكر.", {("TUR", "ASSAULT", "TUR")}),
    # a light verb past a series word («سلسلة غارات»), after a relative pronoun («التي تشن»), or
    # opening a conjunct with the running subject («وبدأت حملة قصف»)
    ("شن طيران التحالف سلسلة غارات جوية على عدد من مواقع الميليشيات في محافظة صعدة.",
     {("SAU", "ASSAULT", "YEM")}),
    ("وكشف المسؤول أن الولايات المتحدة التي تشن ضربات جوية ضد أهداف لتنظيم داعش في سوريا ستواصلها.",
     {("USA", "ASSAULT", "SYR")}),
    ("شنت مقاتلات تركية أمس غارات جوية على مواقع لتنظيم داعش في سوريا وبدأت حملة ضربات جوية على "
     "معسكرات في شمال العراق.", {("TUR", "ASSAULT", "SYR"), ("TUR", "ASSAULT", "IRQ")}),
    # «على غرار»: like, not on; «على هامش»: on the sidelines of (idiom markers)
    ("وشنت إسرائيل هجمات على غرار ما فعلته مصر.", set()),
    # ... not past a side of its own: the Houthis' positions are the Houthis'
    ("شن طيران التحالف غارات على مواقع الحوثيين في مأرب.", {("SAU", "ASSAULT", "YEM")}),
    # the IAEA, affiliated to the UN, asked: «التابعة للأمم المتحدة» is its own, no target
    ("وطلبت الوكالة الدولية للطاقة الذرية التابعة للأمم المتحدة دخول موقع بارشين.", set()),
])
def test_coder_forces_act_for_their_owner(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # «الذي شنه»: a geminate light verb under a pronoun suffix; the settlers launched the attack
    # and are the subject of «حيث أحرقوا», not the OIC body that condemned it
    ("أدانت الهيئة الدائمة المستقلة لحقوق الإنسان التابعة لمنظمة التعاون الإسلامي وبشدة الهجوم الإرهابي "
     "الذي شنه مستوطنون إسرائيليون بإضرام النار، حيث أحرقوا فلسطينيين أبرياء.",
     {("IGO", "ACCUSE", "ISR"), ("ISR", "ASSAULT", "PSE")}),
])
def test_coder_light_verb_with_a_pronoun_suffix_sets_the_topic(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # «بدعم من X» right after an actor: X backs that actor, not the reverse
    ("وتواصل قوات عراقية بدعم من التحالف الدولي تنفيذ عمليات في الأنبار.", {("USA", "SUPPORT", "IRQ")}),
    ("وحققت القوات الموالية للرئيس عبد ربه منصور هادي ومعها المقاومة الشعبية الجنوبية وبدعم من قوات "
     "التحالف، أمس، نصرا جديدا.", {("SAU", "SUPPORT", "YEM")}),
    # support received («حصل ... على دعم X», «تلقت ... دعما من X»): X backs the receiver
    ("وحصل النص الروسي على دعم فنزويلا والصين.", {("VEN", "SUPPORT", "RUS"), ("CHN", "SUPPORT", "RUS")}),
    ("وتلقت الحكومة اليمنية دعما من المملكة العربية السعودية.", {("SAU", "SUPPORT", "YEM")}),
    # governed by the praise before it: the Kingdom's support, praised by the Yemeni president
    ("وأشاد الرئيس اليمني بدعم المملكة لليمن.", {("YEM", "SUPPORT", "SAU"), ("SAU", "SUPPORT", "YEM")}),
])
def test_coder_backing_phrase_after_an_actor(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a noun and its nationality (and one more adjective) before a name describe the person
    # named: the name is the subject's, the object comes after it
    ("وطالب السياسي السعودي عادل الجبير الحكومة الإيرانية بوقف التدخل.", {("SAU", "REQUEST", "IRN")}),
    ("وطالب السياسي السعودي الليبرالي عادل الجبير الحكومة الإيرانية بوقف التدخل.", {("SAU", "REQUEST", "IRN")}),
    ("وطالب السياسي السعودي عادل الجبير بوقف التدخل.", set()),
])
def test_coder_described_subject_then_its_name(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the raid «التي شنتها طائرات إسرائيلية» happened, whatever the refusal to comment on it
    ("ولا يزال الحزب يرفض التعليق على الغارة التي شنتها طائرات إسرائيلية على بعض عناصره في سورية.",
     {("ISR", "ASSAULT", "SYR")}),
    # a warning of strikes to come stays unasserted
    ("وحذرت تركيا من غارات جوية على معسكرات في شمال العراق.", set()),
])
def test_coder_an_act_told_by_its_relative_clause_happened(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # declining to comment or to be named rejects no one (reticence markers)
    ("وقال مسؤول تركي رفض الكشف عن اسمه لوكالة فرانس برس إن حزب العمال الكردستاني يقف وراء الهجوم.", set()),
    ("ورفض وزير الخارجية الأمريكي جون كيري التعليق على التصريحات الإيرانية.", set()),
    ("ورفض وزير الخارجية الأمريكي جون كيري التصريحات الإيرانية.", {("USA", "REJECT", "IRN")}),
])
def test_coder_a_refusal_to_speak_is_no_rejection(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # «هجوما حادا على»: a sharp attack in words is criticism (ACCUSE); a violent one is force
    ("شن الفريق خليفة حفتر القائد العام للجيش الليبي هجومًا حادًا على قطر.", {("LBY", "ACCUSE", "QAT")}),
    ("شنت القوات السعودية هجوما عنيفا على مواقع الحوثيين في اليمن.", {("SAU", "ASSAULT", "YEM")}),
])
def test_coder_a_sharp_attack_is_words(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # «وافقت X على بيع صواريخ للسعودية»: the sale approved is X's act
    ("وافقت وزارة الخارجية الاميركية يوم الاربعاء الماضي على بيع صواريخ باتريوت الاعتراضية للسعودية.",
     {("USA", "AID", "SAU")}),
    # a consent with its own complement stays an agreement
    ("ووافقت إيران على تفتيش الوكالة الدولية للطاقة الذرية لموقع بارشين.", {("IRN", "AGREE", "IGO")}),
])
def test_coder_an_approved_act_is_the_approvers(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_a_state_named_in_full_after_a_definite_word_is_no_adjective(coder):
    # «وشكر الحساينة المملكة العربية السعودية وقطر ...»: after a surname, the list thanked; the
    # Kingdom's full name is no nationality on «الحساينة», so the list is no subject
    text = "وشكر الحساينة المملكة العربية السعودية وقطر والكويت ومصر والأردن وماليزيا على جهودهم."
    assert triples(coder, text) == set()


@pytest.mark.parametrize("text, expected", [
    ("وشكر وزير الأشغال الفلسطيني المملكة العربية السعودية وقطر على جهودهما.",
     {("PSE", "SUPPORT", "SAU"), ("PSE", "SUPPORT", "QAT")}),
])
def test_coder_thanks_to_a_list_of_states(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the OIC's permanent human rights commission condemned the attack Israeli settlers launched:
    # a body «التابعة لـ» the OIC acts for it; the doer named by a nationality in the relative clause
    ("أدانت الهيئة الدائمة المستقلة لحقوق الإنسان التابعة لمنظمة التعاون الإسلامي وبشدة الهجوم الإرهابي "
     "الذي شنه مستوطنون إسرائيليون.", {("IGO", "ACCUSE", "ISR")}),
])
def test_coder_a_body_belonging_to_another_and_a_doer_by_nationality(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_a_verb_after_haythu_opens_its_clause(coder):
    # the UN envoy visited Beijing yesterday, where he met the Chinese deputy foreign minister
    text = ("وزار مبعوث الأمم المتحدة الخاص إلى سوريا ستيفان دي ميستورا بكين، أمس، حيث التقى مع نائب وزير "
            "الشؤون الخارجية الصيني.")
    assert {("IGO", "CONSULT", "CHN"), ("CHN", "CONSULT", "IGO")} <= triples(coder, text)


@pytest.mark.parametrize("text, expected", [
    # the popular resistance advanced; then «the resistance» captured many Houthis: the head noun
    # alone stands for the body named before with it
    ("وحققت المقاومة الشعبية تقدما في عدن. وقال قائد ميداني إن المقاومة أسرت العديد من الحوثيين.",
     {("YEM", "COERCE", "YEM")}),
    # a body's own session in a city is no meeting with that country
    ("أكد الائتلاف الوطني السوري أن الهيئة العامة للائتلاف عقدت اجتماعها الثاني والعشرين في إسطنبول.", set()),
])
def test_coder_a_body_named_again_by_its_head(coder, text, expected):
    assert triples(coder, text) == expected


def test_actors_head_alone_not_another_body(coder):
    from marsad.events.actors import mentions_from_lexicon
    text = "وصل وفد حركة حماس إلى القاهرة. وقالت الحركة إن الزيارة ناجحة. وأدانت الحركة الإسلامية القرار."
    found = [(m.text, m.country) for m in mentions_from_lexicon(text, coder.lexicon) if "حركة" in m.text]
    assert found == [("حركة حماس", "PSE"), ("الحركة", "PSE")]  # «الحركة الإسلامية» is no Hamas


def test_coder_target_is_whom_the_phrase_belongs_to(coder):
    # Saudi Arabia works in coordination with the committee of the Yemeni government
    text = "تعمل السعودية بالتنسيق مع اللجنة العليا للإغاثة التابعة للحكومة اليمنية."
    assert triples(coder, text) == {("SAU", "COOPERATE", "YEM"), ("YEM", "COOPERATE", "SAU")}


@pytest.mark.parametrize("text, expected", [
    # the United States and the other great powers refuse to hand Israel the secret annexes
    ("وشكا كوهين من أن الولايات المتحدة وبقية القوى العظمى ترفض تسليم إسرائيل الملاحق السرية للاتفاق.",
     {("USA", "REJECT", "ISR")}),
    # «المالكي وأفراد أسرته»: his family, not «أسر» (captured) with al-Maliki as subject
    ("وعبر نوري المالكي وأفراد أسرته عن شكرهم للوزير.", set()),
])
def test_coder_subject_with_a_conjunct_naming_no_actor(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_a_demand_targets_the_doer_of_what_it_would_stop(coder):
    # the Egyptian president demanded a halt to the strikes Israel launches on Gaza
    assert triples(coder, "وطالب الرئيس المصري بوقف الغارات التي تشنها إسرائيل على غزة.") == {("EGY", "REQUEST", "ISR")}


@pytest.mark.parametrize("text, expected", [
    # praising the centrality of the Kingdom's role: the actor at the end of a short genitive chain
    ("أشاد الرئيس المصري بمحورية دور المملكة.", {("EGY", "SUPPORT", "SAU")}),
    # expressing confidence «ب» the Saudi role
    ("وأعرب الرئيس المصري عن ثقته بالدور السعودي.", {("EGY", "SUPPORT", "SAU")}),
])
def test_coder_support_for_a_role_named_deeper(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Moscow denied any involvement and accused the Ukrainian military: «العسكريين» (an
    # accusative plural) is the object, the verb after the comma a clause of its own
    ("ونفت موسكو بشكل قاطع اي تورط، واتهمت العسكريين الاوكرانيين.", {("RUS", "ACCUSE", "UKR")}),
    # Russia accused the Ukrainians (the accusative «ـيين» is no subject after the verb)
    ("واتهمت روسيا الأوكرانيين بقصف المدنيين.", {("RUS", "ACCUSE", "UKR")}),
    # Turkish warplanes struck positions in Iraq: the nominative noun phrase is the subject
    ("وقصفت طائرات حربية تركية مواقع في العراق.", {("TUR", "ASSAULT", "IRQ")}),
])
def test_coder_accusative_plural_is_the_object(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_embedding_still_governs_a_verbal_noun_after_a_comma(coder):
    # Russia called for a ceasefire and the withdrawal of Ukrainian forces: «وسحب» may be
    # the noun (withdrawal), so it stays inside the call
    text = "دعت روسيا إلى وقف إطلاق النار، وسحب القوات الأوكرانية من دونيتسك."
    assert ("UKR", "RETREAT", "") not in triples(coder, text) and ("RUS", "RETREAT", "UKR") not in triples(coder, text)


@pytest.mark.parametrize("text, expected", [
    # President Ghani's government and the Taliban began direct peace talks
    ("بدأت حكومة الرئيس أشرف غني وطالبان مفاوضات سلام مباشرة قبل أسبوعين في باكستان.",
     {("AFG", "CONSULT", "AFG")}),
    # ... but a minister meeting his own president is no event
    ("والتقى الرئيس الأفغاني أشرف غني وزير الداخلية الأفغاني في كابول.", set()),
])
def test_coder_talks_between_a_state_and_insurgents_at_home(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative pronoun with no pronoun back on the verb is its subject: Iran supports
    ("وقالت الوزارة إن إيران التي تدعم الحوثيين بالسلاح تهدد المنطقة.", {("IRN", "SUPPORT", "YEM")}),
    # ... with the pronoun back («يدعمها»), the actor after the verb is the subject: no Iranian support
    ("وقالت الوزارة إن إيران التي تدعمها روسيا تهدد المنطقة.", set()),
    # talks between the Afghan government and «the insurgents of» the Taliban (domestic talks)
    ("وقال إن الجولة المقبلة من محادثات السلام بين الحكومة الأفغانية ومتمردي حركة طالبان ستجري في باكستان.",
     {("AFG", "CONSULT", "AFG")}),
    # a meeting with his Russian counterpart (named) and his Saudi one: both are met
    ("وسيعقد وزير الخارجية الأمريكي جون كيري اجتماعا مع نظيريه الروسي سيرغي لافروف والسعودي عادل الجبير.",
     {(a, "CONSULT", b) for a, b in (("USA", "RUS"), ("RUS", "USA"), ("USA", "SAU"), ("SAU", "USA"))}),
    # ... but talks with a group of no country in Qatar are talks in Qatar
    ("وبدأ وزير الخارجية الأمريكي جون كيري محادثات مع دول الخليج العربية في قطر.", {("USA", "CONSULT", "QAT")}),
    # «was supposed to» meet: it did not happen
    ("وكان من المفترض أن يلتقي الرئيس الأمريكي باراك أوباما نظيره الروسي فلاديمير بوتين.", set()),
    # «ياسر بن علي» is a man's name, not «يأسر» (captures) with Ben Ali as its subject
    ("وقال المتحدث ياسر بن علي إن الشركة ناقشت القضية.", set()),
])
def test_coder_argument_reader_session11(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_date_not_from_a_clause_of_another_event(coder):
    # met (no date of its own), «but» will visit Japan in February: the meeting is not dated February
    text = ("والتقى وزير الخارجية الأمريكي جون كيري رئيس الوزراء الماليزي نجيب عبد الرزاق في كوالالمبور، "
            "لكنه سيزور اليابان في فبراير القادم.")
    k = text.index("في فبراير")
    events = coder(text, PUBLISHED, dates=[DateRef("في فبراير القادم", k, k + 16, "2016-02")]).events
    assert events and {e.date for e in events} == {PUBLISHED}


def test_coder_date_not_from_before_a_turn_to_another_thread(coder):
    # «في سبتمبر الماضي» tells when the talks stopped; after «غير أن» (however) the sentence
    # turns to another thread: the meeting is not dated September
    text = ("وكانت المحادثات قد توقفت في سبتمبر الماضي، غير أن وزير الخارجية الأمريكي جون كيري "
            "التقى نظيره الروسي سيرغي لافروف.")
    k = text.index("في سبتمبر")
    events = coder(text, PUBLISHED, dates=[DateRef("في سبتمبر الماضي", k, k + 16, "2014-09")]).events
    assert events and {e.date for e in events} == {PUBLISHED}
    # «غير» negating an adjective («زيارة غير معلنة») turns nothing: the visit keeps «أمس»
    text = "وصل وزير الدفاع الأمريكي أمس إلى بغداد في زيارة غير معلنة، ثم التقى رئيس الوزراء العراقي."
    k = text.index("أمس")
    events = coder(text, PUBLISHED, dates=[DateRef("أمس", k, k + 3, "2015-07-24")]).events
    assert events and {e.date for e in events} == {"2015-07-24"}


@pytest.mark.parametrize("text, expected", [
    # a dual verb agrees with a subject before it: the American consulate is the object
    ("ومن بينها هجومان استهدفا القنصلية الأمريكية في أنقرة.", set()),
    # a verbal noun names its doer in the genitive and its object after it («أمس» between)
    ("وأنبأت عن اتهام الحكومة البريطانية أمس أسبانيا بانتهاك سيادتها.", {("GBR", "ACCUSE", "ESP")}),
    # ... or behind «ل»: the doer as a nationality on the noun, the object's nationality on its noun
    ("أدى القصف الهندي للقرى الحدودية الباكستانية إلى تضرر المنازل.", {("IND", "ASSAULT", "PAK")}),
    ("وأشارت الصحف إلى زيارة سمو ولي ولي العهد الأمير محمد بن سلمان لمصر.", {("SAU", "CONSULT", "EGY")}),
    # sentences by a court, restored ties, fighter jets deployed (triggers.tsv)
    ("قضت محكمة إثيوبية، الاثنين، بحبس 17 ناشطا.", {("ETH", "COERCE", "ETH")}),
    ("وقالت الوكالة إن تونس اعادت علاقاتها الدبلوماسية مع سوريا.", {("TUN", "COOPERATE", "SYR")}),
    ("نشرت الولايات المتحدة ست مقاتلات في قاعدة انجرليك جنوب تركيا.", {("USA", "MOBILIZE", "TUR")}),
    # incited, planned, liable to: not done (markers.tsv, modal)
    ("حرض داعش على قتل الرئيس التونسي الباجي قائد السبسي.", set()),
    # clashes between a state's forces and insurgents of no country: where they fight, at home
    ("ودارت اشتباكات عنيفة بين القوات العراقية وتنظيم داعش في الرمادي.", {("IRQ", "ASSAULT", "IRQ")}),
    # «التحالف» after «قوات التحالف الدولي» is that coalition, not the Saudi-led one
    ("نفذت قوات التحالف الدولي غارات ضد داعش في العراق. وأضاف البيان أن التحالف شن أيضا 13 غارة جوية في سوريا.",
     {("USA", "ASSAULT", "IRQ"), ("USA", "ASSAULT", "SYR")}),
    # «حزب العمال» after «حزب العمال الكردستاني» is the PKK (TUR), not the British Labour Party
    ("شنت تركيا غارات على حزب العمال الكردستاني. وكان حزب العمال قتل شرطيين تركيين.",
     {("TUR", "ASSAULT", "TUR")}),
])
def test_coder_unseen_articles_session11_fifth(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_no_event_in_a_trailing_tag_line(coder):
    # 3alyoum closes an article with keywords («سمات»): «الغارات الأمريكية على سوريا» is no report
    text = "أصدر القضاء أحكاما على خمسة أشخاص. سمات الغارات الأمريكية على سوريا "
    assert not [e for e in coder(text, PUBLISHED).events if e.trigger.start > text.index("سمات")]


def test_coder_a_past_event_is_not_dated_after_its_article(coder):
    # met (past tense); the year in the sentence is the election's, after publication: the
    # meeting keeps the publication date. A future-tense event may take a later date.
    text = "والتقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف لبحث انتخابات عام 2018."
    k = text.index("عام 2018")
    year = [DateRef("عام 2018", k, k + 8, "2018")]
    assert {e.date for e in coder(text, PUBLISHED, dates=year).events} == {PUBLISHED}
    future = "وسيلتقي وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في عام 2018."
    k = future.index("عام 2018")
    events = coder(future, PUBLISHED, dates=[DateRef("عام 2018", k, k + 8, "2018")]).events
    assert events and {e.date for e in events} == {"2018"}


@pytest.mark.parametrize("text, expected", [
    # a verb whose own last letters read like a pronoun («تتهم») after «التي»: Kyiv accuses
    ("وقالت كييف التي تتهم الكرملين بتسليح المتمردين إن الوضع خطير.", {("UKR", "ACCUSE", "RUS")}),
    # an indefinite adjective spelt like «ب» + a noun between a noun and its nationality
    ("وشكك مركز بحثي أمريكي في رواية إيران للأحداث.", {("USA", "ACCUSE", "IRN")}),
    # «عبر» the verb (expressed), not the preposition (via): its subject is free
    ("وعبر الشيخ محمد بن زايد عن تقديره لدور المملكة.", {("ARE", "SUPPORT", "SAU")}),
    # an adverb and the subject's conjunct between a stance verb and its object
    ("وأيدت فرنسا وشركاؤها في الاتحاد الأوروبي دبلوماسيا تونس.", {("FRA", "SUPPORT", "TUN")}),
    ("انتقد الرئيس الروسي شخصيا أوكرانيا.", {("RUS", "ACCUSE", "UKR")}),
    # the members a plural subject names after «بينهم» take the stance
    ("وأيد حلفاء كثيرون بينهم بريطانيا وفرنسا الاجراءات الأمريكية.",
     {("GBR", "SUPPORT", "USA"), ("FRA", "SUPPORT", "USA")}),
    # an object after an aside of time words between commas
    ("اتهمت الحكومة البريطانية، أمس (الأحد)، روسيا بانتهاك أجوائها.", {("GBR", "ACCUSE", "RUS")}),
    # condolences expressed are the speaker's, to whom they go
    ("أعرب رئيس الوزراء الأردني عن خالص تعازيه للمملكة العربية السعودية.", {("JOR", "SUPPORT", "SAU")}),
    # a verb after an independent pronoun is no complement of the threat named before
    ("وقال الوزير البريطاني إن هناك تهديدا للمنطقة ونحن ندعم السعودية.", {("GBR", "SUPPORT", "SAU")}),
    # accusations «إلى» someone, owned by a people named before them
    ("عاود الإيرانيون توجيه اتهاماتهم إلى الجارة السعودية.", {("IRN", "ACCUSE", "SAU")}),
])
def test_coder_stance_arguments_session15(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_a_statement_speaks_for_its_issuer(coder):
    text = ("وأوضحت الجالية البحرينية في بيان لها أن التصريحات الإيرانية مرفوضة. وتابع البيان أن المنطقة "
            "تواجه أخطارا. وطالب البيان المجتمع الدولي بتحمل مسؤولياته.")
    assert ("BHR", "REQUEST", "IGO") in triples(coder, text)


def test_coder_a_state_organ_takes_no_stance_on_its_own_name(coder):
    # a travel warning to its own citizens is no accusation of the state by itself
    assert triples(coder, "وحذرت وزارة الخارجية الأمريكية مواطني الولايات المتحدة من السفر.") == set()


@pytest.mark.parametrize("text, expected", [
    # a verb of two letters after «و»
    ("وحث الرئيس الأمريكي باراك أوباما الكونغرس على إقرار الاتفاق.", {("USA", "REQUEST", "USA")}),
    # a designation in the imperfect is a standing fact, not news; in the perfect it is an act
    ("وتصنف الولايات المتحدة الحزب منظمة إرهابية.", set()),
    ("صنفت الولايات المتحدة إيران دولة راعية للإرهاب.", {("USA", "ACCUSE", "IRN")}),
    # the place of the act a denial of allegations is about
    ("نفى الجيش التركي مزاعم بأنه قصف قرى في شمال العراق.", {("TUR", "REJECT", "IRQ")}),
])
def test_coder_stance_triggers_session15(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a modal verb in any person or number: wished, not done (markers.tsv, modalverb)
    ("وقال إن الذين يقولون ذلك يريدون أن تقصف تركيا مواقع في العراق.", set()),
    ("وأرادت إيران أن تلتقي الرئيس المصري.", set()),
    # a verb of halting before the act: suspended aid is no aid (haltverb)
    ("كما علقت الولايات المتحدة مساعداتها العسكرية إلى مصر.", set()),
    # «وسعت» is "expanded", not «و» + «سعت» "sought": the sanctions were widened
    ("ووسعت الولايات المتحدة عقوباتها على سورية.", {("USA", "SANCTION", "SYR")}),
])
def test_coder_modal_and_halting_verbs_in_every_form(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # «أوقف» arrests someone (a people word, a number), or stops something: no arrest
    ("أوقفت الشرطة السعودية المتهم في جدة.", {("SAU", "COERCE", "SAU")}),
    ("أوقفت الشرطة السعودية ثلاثة مطلوبين في جدة.", {("SAU", "COERCE", "SAU")}),
    ("أوقفت الخطوط الجوية اليمنية اليوم رحلاتها من وإلى مطار صنعاء.", set()),
    ("ذكرت تقارير أن البنك المركزي الروسي أوقف بشكل مؤقت شراء الدولار.", set()),
])
def test_coder_stopping_is_no_arrest(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a named civilian's «هجوم» is in words; an army's is in arms
    ("وشن الرئيس الإيراني حسن روحاني هجوما على الحكومة الأمريكية.", {("IRN", "ACCUSE", "USA")}),
    ("وشن وزير الخارجية الإيراني هجوما على السعودية.", {("IRN", "ACCUSE", "SAU")}),
    ("وشن الجيش اليمني هجوما على مواقع للحوثيين في تعز.", {("YEM", "ASSAULT", "YEM")}),
])
def test_coder_a_civilians_attack_is_in_words(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # readiness and refraining are not acts; «بحث عن» is seeking, not talks
    ("ونشرت القناة استعداد إيران للتعاون مع السعودية لحل أزمات المنطقة.", set()),
    ("وقالت المصادر إن السلطات الإسرائيلية امتنعت عن تقديم أحد المتطرفين للمحاكمة.", set()),
    ("وقال إن إيران تبحث عن تطبيع العلاقات مع السعودية.", set()),
])
def test_coder_readiness_refraining_and_seeking_are_no_acts(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # «و» + «ال» after a subject joins a second subject, never an object: both strike the place
    ("قصفت الطائرات التركية والطائرات الأمريكية مواقع لداعش في سوريا.",
     {("TUR", "ASSAULT", "SYR"), ("USA", "ASSAULT", "SYR")}),
    ("هاجمت القوات العراقية والقوات الأمريكية مواقع داعش في العراق.",
     {("IRQ", "ASSAULT", "IRQ"), ("USA", "ASSAULT", "IRQ")}),
    # a plan («بحيث») and a prevention («تمنع ... من») report no act
    ("واتفقتا على خطة بحيث تقوم المقاتلات التركية بقصف مسلحي التنظيم في سوريا.", set()),
    ("وطالب بضمانات تمنع الحوثيين من ارتكاب أية اعتداءات في اليمن.", set()),
])
def test_coder_conjoined_subjects_plans_and_preventions(coder, text, expected):
    assert {t for t in triples(coder, text) if t[1] == "ASSAULT"} == expected


def test_coder_a_backer_is_no_object(coder):
    # «بدعم من طائرات التحالف» after the place: the coalition backs the storming, it is not stormed
    text = "اقتحمت المقاومة الشعبية في اليمن بدعم من طائرات التحالف العربي مدينة عدن."
    assert ("YEM", "COERCE", "SAU") not in triples(coder, text)


@pytest.mark.parametrize("text, expected", [
    # a relative clause on the trigger noun past its adjective names the striker
    ("وقتل 12 شخصا في غارات جوية نفذها الجيش السوري على قرية في محافظة حلب.", {("SYR", "ASSAULT", "SYR")}),
    # ... and past the noun's «لـ» target, pointing back to the noun («قدمتها»)
    ("وبلغ إجمالي المساعدات الإنسانية للأشقاء اليمنيين التي قدمتها المملكة العربية السعودية 274 مليون دولار.",
     {("SAU", "AID", "YEM")}),
    # a suicide bombing no one is named for is coded where it happened
    ("قتل 15 شخصا أمس في تفجير انتحاري في سوق مزدحمة بشمال أفغانستان.", {("AFG", "ASSAULT", "AFG")}),
    # ... not a plain attack (a crime as often), nor clashes another country speaks of
    ("وقتل 15 شخصا أمس في هجوم على سوق في شمال أفغانستان.", set()),
    ("وأعربت وزارة الخارجية الأمريكية عن قلقها من اشتباكات في شمال بوروندي.", set()),
    # the ambassador the companion word names with his country is the one summoned
    ("استدعت البحرين السفير الإيراني.", {("BHR", "ACCUSE", "IRN")}),
    # medical services to refugees of a country are aid to it
    ("واصلت العيادات التخصصية السعودية تقديم الخدمات الطبية للاشقاء اللاجئين السوريين.", {("SAU", "AID", "SYR")}),
    # a light verb governs its noun past a number, in a relative clause on its subject
    ("واستفاد المقاتلون من دعم التحالف العربي الذي شن 15 غارة على مواقع المتمردين الحوثيين.",
     {("SAU", "ASSAULT", "YEM")}),
    # «the two presidents» are the two people named last (not the country they spoke about), and agree
    ("وجرى اتصال هاتفي بين الرئيسين التركي رجب طيب أردوغان والأمريكي باراك أوباما لبحث الأوضاع في سورية. "
     "واتفق الرئيسان على العمل سويا.",
     {("TUR", "CONSULT", "USA"), ("USA", "CONSULT", "TUR"), ("TUR", "AGREE", "USA"), ("USA", "AGREE", "TUR")}),
    # regaining control of a city is a capture
    ("وقالت المصادر إن الجيش العراقي استعاد السيطرة على مدينة الرمادي.", {("IRQ", "ASSAULT", "IRQ")}),
])
def test_coder_unseen_political_news_session14(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_an_unclaimed_bombing_names_no_place_as_its_doer(coder):
    # coded in the country it happened in (GUIDELINES), but Kabul did not bomb
    events = coder("قتل 15 شخصا في تفجير انتحاري في كابول أمس.", PUBLISHED).events
    assert [(e.source.country, e.type, e.target.country) for e in events] == [("AFG", "ASSAULT", "AFG")]
    assert events[0].source.entity is None


@pytest.mark.parametrize("text", [
    "وتشهد السعودية معركة انتخابية غير مسبوقة في محافظة حفر الباطن.",  # a contest of votes
    "ونقل الأمير تعازي ومواساة خادم الحرمين الشريفين لأسر الشهداء في حادث التفجير الإرهابي الذي استهدف مسجدا في عسير.",
])
def test_coder_no_doer_from_a_figure_or_a_genitive(coder, text):
    # an electoral battle is no assault; the king whose condolences are conveyed did not bomb
    assert all(e.source is None or e.source.entity is None or e.type != "ASSAULT"
               for e in coder(text, PUBLISHED).events)
    assert "معركة انتخابية" not in text or not coder(text, PUBLISHED).events


def test_coder_an_act_that_occurred_has_no_doer_before_it(coder):
    # «وعقب وقوع التفجير»: the security services did not bomb
    text = "وتمكنت الأجهزة الأمنية الكويتية وعقب وقوع التفجير الإرهابي في مسجد الإمام الصادق من القبض على السائق."
    assert all(e.source.entity is None for e in coder(text, PUBLISHED).events if e.type == "ASSAULT")


@pytest.mark.parametrize("text, expected", [
    # a verbal noun after a verb and a time word is the verb's subject, its doer the force's owner
    ("استمر أمس قصف المدفعية السعودية العنيف والمتواصل لتجمعات ميليشيات الحوثي في صعدة.",
     {("SAU", "ASSAULT", "YEM")}),
    # after a time of day and a day the same form is the verb
    ("وفي وقت متأخر من مساء الاربعاء قصف الطيران الإسرائيلي موقعا لحركة حماس في غزة.",
     {("ISR", "ASSAULT", "PSE")}),
])
def test_coder_verbal_noun_after_a_time_word(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an ambassador summoned who serves in a third state is the summoner's own, recalled
    ("استدعت وزارة الخارجية البحرينية سفير المملكة لدى الجمهورية الإسلامية الإيرانية للتشاور.",
     {("BHR", "SANCTION", "IRN")}),
    # ... one serving in the summoner's capital is another state's, summoned in protest
    ("استدعت الخارجية المصرية سفير قطر لدى القاهرة.", {("EGY", "ACCUSE", "QAT")}),
])
def test_coder_own_ambassador_recalled_from_a_third_state(coder, text, expected):
    assert triples(coder, text) == expected


def test_coder_asyndetic_relative_clause_asserts_the_act(coder):
    # «هجوم شنته الطائرات»: an indefinite noun's relative clause with no «الذي» says it happened
    text = ("قال رئيس الوزراء التركي إن العمليات سوف تستمر ما دامت بلاده تواجه تهديدا وذلك بعد يوم من "
            "هجوم شنته الطائرات الحربية التركية على تنظيم الدولة الاسلامية في سوريا.")
    assert ("TUR", "ASSAULT", "SYR") in triples(coder, text)


def test_coder_support_after_a_preposition_is_a_noun(coder):
    # «في دعم مصر»: no verb after a preposition; the kingdom's support, Egypt supported
    text = "وقال الجبير إن موقف المملكة في دعم مصر وجهودها في الحفاظ على أمنها الداخلي لم يتغير."
    assert triples(coder, text) == {("SAU", "SUPPORT", "EGY")}


@pytest.mark.parametrize("text", [
    "وذكرت الصحيفة أن الجهاديين البريطانيين يخططون لاستهداف ملكة بريطانيا.",  # a plan
    "وأحبطت الشرطة السعودية هجوما إرهابيا في الرياض.",  # foiled: no attack
    "ودعت الشرطة المواطنين رغم المؤامرة المزعومة لاغتيال الملكة في لندن.",  # an alleged plot
    "وكان أمام أوباما الخيار بين غزو كامل لإيران أو الاتفاق.",  # an option
])
def test_coder_plans_plots_and_foiled_acts_are_not_done(coder, text):
    assert not [e for e in coder(text, PUBLISHED).events if e.type == "ASSAULT"]


def test_coder_a_relative_clause_past_a_feminine_adjective(coder):
    # «غارات عنيفة شنتها طائرات التحالف»: the clause after the adjective names the doer
    text = "وقتل العشرات في غارات عنيفة شنتها طائرات التحالف العربي على مواقع المتمردين الحوثيين في صنعاء."
    assert triples(coder, text) == {("SAU", "ASSAULT", "YEM")}


@pytest.mark.parametrize("text, expected", [
    # in a story set in Syria «التحالف» is the US-led coalition (coded USA, as its leader) ...
    ("وقالت القيادة المركزية إن طائرات الولايات المتحدة والتحالف نفذت 27 غارة ضد مسلحي التنظيم في سوريا.",
     {("USA", "ASSAULT", "SYR")}),
    # ... and in a Yemeni one the Saudi-led coalition, as the Saudi press means it
    ("وشن طيران التحالف غارات على مواقع الحوثيين في صعدة.", {("SAU", "ASSAULT", "YEM")}),
])
def test_coder_the_coalition_of_the_storys_theatre(coder, text, expected):
    assert triples(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a state lets another use its bases: consent, AGREE (also COOPERATE)
    ("وأعلن مسؤول أمريكي أن تركيا سمحت للولايات المتحدة باستخدام قاعدة إنجرليك الجوية.",
     {("TUR", "AGREE", "USA")}),
    # a noun of permission completing «وافق على»: the approver lets the one after «ل»
    ("وقال مسؤولون إن أنقرة وافقت على السماح للطائرات الأمريكية باستخدام قواعدها.",
     {("TUR", "AGREE", "USA")}),
    # the act allowed named first: the «ل» after it is its purpose, no one is allowed
    ("وقالت الحكومة البريطانية إنها قررت السماح باستخدام القوة لحماية السفن الفرنسية.", set()),
    # «ولن»: a negation the word reader leaves whole (three letters)
    ("وقال وزير الخارجية السعودي ولن نسمح لإيران بالتدخل في اليمن.", set()),
])
def test_coder_permission_is_consent(coder, text, expected):
    assert {t for t in triples(coder, text) if t[1] == "AGREE"} == expected


@pytest.mark.parametrize("text, expected", [
    # praise of the coordination with the coalition: support for the partner after «مع»
    ("وقال القائد اليمني أحمد اليافعي إن الجيش يتقدم، مشيدا بمستوى التنسيق المتكامل مع قوات التحالف العربي.",
     {("YEM", "SUPPORT", "SAU")}),
    # «بدعم وتنسيق مع»: backing received by the one before, not support given to the partner
    ("وتقدمت المقاومة الشعبية اليمنية بدعم وتنسيق مع قوات التحالف العربي.", set()),
])
def test_coder_praised_cooperation_names_the_partner(coder, text, expected):
    assert {t for t in triples(coder, text) if t[1] == "SUPPORT" and t[0] == "YEM"} == expected


@pytest.mark.parametrize("text, expected", [
    # Egypt rejected what the Turkish president said: «ما قاله X» is X's words
    ("ورفضت مصر ما قاله الرئيس التركي رجب طيب أردوغان أمس.", {("EGY", "REJECT", "TUR")}),
    # Kuwait condemned the hostile statements by Iranian officials: «من قبل X» names the doer
    ("وأدانت دولة الكويت التصريحات العدائية من قبل مسؤولي الحكومة الإيرانية.", {("KWT", "ACCUSE", "IRN")}),
    # ... but a rejection "by" someone in a complement is no object of the verb
    ("وقال أوباما إن رفضا للاتفاق من جانب الكونغرس سيضر بمصداقية أمريكا.", set()),
])
def test_coder_the_owner_deeper_in_a_stance_object(coder, text, expected):
    assert {t for t in triples(coder, text) if t[1] in ("ACCUSE", "REJECT")} == expected


@pytest.mark.parametrize("text, expected", [
    # the PKK threatened to end the truce with Ankara: the threatened act falls on Turkey
    ("وهدد حزب العمال الكردستاني بقطع الهدنة مع أنقرة.", {("TUR", "THREATEN", "TUR")}),
    # past an apposition between commas, the act's party behind «على»
    ("وهدد الجيش الكوري الجنوبي، اليوم، بالرد على كوريا الشمالية.", {("KOR", "THREATEN", "PRK")}),
    # a place in the act's phrase is no party to it
    ("وهدد وزير الدفاع الإسرائيلي بتشديد الإجراءات في القدس.", set()),
])
def test_coder_whom_a_threatened_act_falls_on(coder, text, expected):
    assert {t for t in triples(coder, text) if t[1] == "THREATEN"} == expected


@pytest.mark.parametrize("text", [
    # talks about cooperation: the talks are the event, the cooperation their subject
    "استقبل ولي العهد السعودي وزير الخارجية المصري وبحثا خلال اللقاء أوجه التعاون بين البلدين.",
    "وجرى خلال الاستقبال استعراض آفاق التعاون بين المملكة ومصر.",
    "والتقى وزير الدفاع السعودي نظيره الأمريكي وبحثا سبل تعزيز التعاون العسكري بين البلدين.",
])
def test_coder_cooperation_as_the_subject_of_talks_is_no_cooperation(coder, text):
    assert not [e for e in coder(text, PUBLISHED).events if e.type == "COOPERATE"]


def test_coder_cooperation_after_a_talk_word_and_a_conjunction_is_coded(coder):
    # «بحث وتبادل الخبرات»: a second act, done, not what was discussed
    text = "وتم خلال اللقاء بحث وتبادل الخبرات بين المملكة وتركيا."
    assert ("SAU", "COOPERATE", "TUR") in triples(coder, text)


def test_coder_a_welcome_to_a_guest_is_no_support(coder):
    # hospitality: the French president welcomed the visiting king
    text = "وجدد الرئيس الفرنسي فرانسوا هولاند ترحيبه بخادم الحرمين الشريفين خلال زيارته لفرنسا."
    assert not [e for e in coder(text, PUBLISHED).events if e.type == "SUPPORT"]
    # a welcome to a decision is backing
    assert ("FRA", "SUPPORT", "IGO") in triples(coder, "رحبت فرنسا بقرار مجلس الأمن الدولي بشأن اليمن.")


def test_coder_a_name_inside_a_date_is_no_actor(coder):
    # «أبريل نيسان»: the Levantine month, not Nissan (JPN), when the dates step read it
    text = "وأطلقت قوات الأمن العراقية في أبريل نيسان عملية عسكرية في محافظة الأنبار."
    span = "أبريل نيسان"
    dates = [DateRef(text=span, start=text.index(span), end=text.index(span) + len(span), value="2015-04")]
    assert triples(coder, text, dates=dates) == {("IRQ", "ASSAULT", "IRQ")}


@pytest.mark.parametrize("text", [
    # «as for the agreement with Iran, he said …»: the agreement is the topic, told before
    "وقال مسؤول أمريكي إن العلاقات مهمة. وبالنسبة للاتفاق مع إيران قال إن بلاده تتابع التنفيذ.",
])
def test_coder_a_topic_phrase_names_no_new_act(coder, text):
    assert not [e for e in coder(text, PUBLISHED).events if e.type == "AGREE"]


def test_coder_going_to_a_court_is_no_visit(coder):
    text = "وقال الرئيس الفلسطيني محمود عباس إن القيادة الفلسطينية ستتوجه إلى المحكمة الجنائية الدولية."
    assert not [e for e in coder(text, PUBLISHED).events if e.type == "CONSULT"]


def test_coder_countries_as_sides_in_a_sports_story_are_teams(coder):
    # a story with three sport words: «ليبيا مع رواندا» are two national teams meeting
    text = ("قال المدرب إن اللاعبين جاهزون للبطولة بعد المباراة الودية. "
            "وفي الجولة الأولى تلتقي ليبيا مع رواندا في كيغالي.")
    assert not [e for e in coder(text, PUBLISHED).events if e.type == "CONSULT"]
    # the same meeting words in a political story are a meeting of states
    text = "قال المتحدث إن الرئيس الليبي التقى نظيره الرواندي في كيغالي."
    assert ("LBY", "CONSULT", "RWA") in triples(coder, text)
