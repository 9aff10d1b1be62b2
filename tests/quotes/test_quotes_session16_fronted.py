"""Session 16 (quotes29): a phrase put before the cue that is not its subject."""
from tests.quotes.finder_helpers import cue_speaker_content as _found


def test_a_verb_the_cue_goes_on_from_is_no_speaker():
    # «ومضى يقول:» goes on with the speaker before, «ومضى» is no one
    text = ("وأوضح المحلل سالم العتيبي أن السوق تتحسن ببطء هذا العام. "
            "ومضى يقول: «الأسعار سترتفع في الربع الأخير من العام المقبل».")
    said = [speaker for _, speaker, content in _found(text) if content.startswith("الأسعار")]
    assert said and said[0] != "ومضى"


def test_a_fronted_adverbial_leaves_the_subject_after_the_verb():
    # «وبخصوص X أفاد الوزير أن», «وحينها أكد المدرب أن»: the topic or time before the verb is no subject
    found = _found("وبخصوص المشروع الجديد أفاد الوزير أن العمل سيبدأ في الشهر المقبل بعد توقيع العقد.")
    assert [(cue, speaker) for cue, speaker, _ in found] == [("أفاد", "الوزير")]
    found = _found("وحينها أكد المدرب أن الفريق سيعود أقوى في المباراة المقبلة أمام ضيفه.")
    assert [(cue, speaker) for cue, speaker, _ in found] == [("أكد", "المدرب")]


def _sourced(nlp, text):
    from marsad.model import Article
    from marsad.pipeline.build import extract

    record = extract(Article(text=text, published="2015-08-01", outlet="okaz"), nlp)
    return [(q.cue.text if q.cue else "", q.content.text) for q in record.quotes]


def test_people_cited_as_a_group_and_a_wire_service_are_sources(nlp):
    text = ("ارتفعت أسعار الحديد في الأسواق المحلية هذا الشهر. ووفقا لمحللين، فإن الطلب سيتراجع في الربع المقبل. "
            "وانفجرت عبوة ناسفة قرب السوق صباح اليوم. وحسب عدد من الشهود، فإن الانفجار وقع قرب مدخل السوق. "
            "وبحسب \"الفرنسية\"، فإن الحكومة تدرس خفض الضرائب على الشركات الصغيرة.")
    cues = [cue for cue, _ in _sourced(nlp, text)]
    assert cues == ["ووفقا", "وحسب", "وبحسب"]


def test_a_number_of_conditions_is_no_source(nlp):
    text = "ويحق لكل مواطن الترشح للمجلس وفق عدد من الشروط المحددة في اللائحة الجديدة."
    assert _sourced(nlp, text) == []


def test_an_aside_between_dashes_ends_the_speaker():
    # an aside after the speaker («-طالبا عدم كشف هويته-», «- فضل عدم ذكر اسمه -») is not part of the
    # speaker phrase; a dash inside a name («المصري - الأوروبي») is
    found = _found("وقال صديق للعائلة -طالبا عدم كشف هويته-: «لم نسمع عنه شيئا منذ أسبوع كامل».")
    assert [speaker for _, speaker, _ in found] == ["صديق للعائلة"]
    found = _found("وبين المصدر - فضل عدم ذكر اسمه - أن المحتجزين نقلوا إلى سجن آخر في المدينة.")
    assert [speaker for _, speaker, _ in found] == ["المصدر"]
    found = _found("وأكد رئيس مجلس الأعمال المصري - الأوروبي أن الاستثمارات سترتفع هذا العام.")
    assert [speaker for _, speaker, _ in found] == ["رئيس مجلس الأعمال المصري - الأوروبي"]


def test_a_title_after_a_colon_is_not_said():
    # «ويختتم البرنامج ... بمحاضرة بعنوان: "..."»: the colon opens the lecture's title
    text = "ويختتم البرنامج فعالياته يوم الخميس بمحاضرة بعنوان: \"مسؤولية المراقبين بين الواقع والمأمول في المدارس\"."
    assert _found(text) == []


def test_who_a_pronoun_or_a_time_word_leaves_the_speaker_to():
    # «فهو يقول إن» and «ومضى يقول إن» go on with the speaker before; «أول من أمس» is a time,
    # «فيما يتعلق بـ» a topic, «لتؤكد» a purpose: none of them speaks; «قد يقول قائل» is no one
    said = _found("وقال الوزير إن الاتفاق مهم جدا. فهو يعترف بأنه لم يتوقع النتيجة في البداية.")
    assert [speaker for _, speaker, _ in said] == ["الوزير", "الوزير"]
    said = _found("كما صرح أول من أمس مدير الشركة محمد أحمد بأن الأسطول قديم ويحتاج إلى تجديد.")
    assert [speaker for _, speaker, _ in said] == ["مدير الشركة محمد أحمد"]
    said = _found("وذكرت الوزارة في بيانها أن العقود تمددت. وذكرت فيما يتعلق بالمشاريع أن الجهة أعطيت صلاحية التمديد.")
    assert [speaker for _, speaker, _ in said] == ["الوزارة", "الوزارة"]
    assert _found("وقد يقول قائل إن مثل هذه المقاربة غير مناسبة للسوق المحلية.") == []
    said = _found("ووزارة الداخلية إذ تعلن ذلك لتؤكد للعموم حرص الحكومة على استتباب الأمن.")
    assert said and all(speaker and "لتؤكد" not in speaker for _, speaker, _ in said)


def test_a_passive_names_no_speaker_for_the_participle_after_it():
    # «وتم التعامل مع الحادث بسرعة، مشيرا إلى أن»: the one who spoke before, not «التعامل»
    said = _found("وقال مدير الشرطة العقيد سالم أحمد إن البلاغ ورد في الصباح الباكر. "
                  "وتم التعامل مع الحادث بسرعة، مشيرا إلى أن التحقيقات مستمرة.")
    assert [speaker for _, speaker, _ in said] == ["مدير الشرطة العقيد سالم أحمد"] * 2
