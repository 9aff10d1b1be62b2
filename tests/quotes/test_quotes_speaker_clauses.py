"""Speakers read from the clause around the cue: openers, «كان ... قد», addressee pronouns,
words that only look like cues, and titles that name a person introduced earlier."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract
from marsad.quotes.finder import find_quotes


def _speakers(nlp, text):
    record = extract(Article(text=text, published="2015-08-01", outlet="okaz"), nlp)
    entities = {e.id: e for e in record.entities}
    return [(entities[q.speaker.entity].name if q.speaker.entity else q.speaker.text, q.speaker.text)
            for q in record.quotes]


def _found(text):
    return [(q.speaker.text if q.speaker else None, q.cue.text, q.content.text) for q in find_quotes(text)]


def test_verb_after_an_opener_lends_its_subject():
    # «بدوره استعرض X ...، وأشار»: X points out, not the speaker quoted before
    found = _found("وقال النجيدي إن العنف خطر. بدوره استعرض الدكتور اللويم إحصاءات الضحايا، "
                   "وأشار إلى أن السكوت جريمة.")
    assert found[-1][0].startswith("الدكتور اللويم")


def test_kana_subject_reaches_back_over_an_apposition():
    found = _found("وكان عضو المجلس السياسي للجماعة، محمد البخيتي، قد أكد أن الحوار ممكن.")
    assert "محمد البخيتي" in found[0][0]


def test_wa_qad_opens_a_new_clause_not_a_kana_subject():
    found = _found("وكان السبب هو الاسم، وقد رأت الناظرة أن تهب لنجدتي فورا.")
    assert all(not (s or "").startswith("السبب") for s, _, _ in found)


def test_addressee_pronoun_is_not_the_speaker():
    found = _found("سألت عن السبب فقالوا لي إن المدير سوف يتقاعد قريبا.")
    assert found and found[0][0] != "لي"
    found = _found("رد عليه أبو فهد بأن الحلال لا يصرف عليك شيئا أبدا.")
    assert found and found[0][0] == "أبو فهد"


def test_comma_after_the_verb_then_the_object():
    # «وجدد، التأكيد بإحكام المقاومة»: the resistance is what he spoke of, not the speaker
    found = _found("وجدد، التأكيد بإحكام المقاومة والجيش الوطني السيطرة على مديريات عدن كافة.")
    assert all("المقاومة" not in (s or "") for s, _, _ in found)
    found = _found("وكانت الجبهة قد أعلنت أمس، انسحابها من المواقع، معتبرة أن الخطوة تخدم مصالح أنقرة.")
    assert all((s or "") != "انسحابها" for s, _, _ in found)


def test_honorific_pronoun_is_a_whole_subject():
    found = _found("ودعا سماحته الوعاظ إلى أن يربوا الشباب على الخير.")
    assert found[0][0] == "سماحته"


def test_cue_shaped_nouns():
    assert not _found("ومن الممكن أن يتم ذكر حسنات الشخص المتوفى في المجالس العامة.")
    assert not any(cue == "رأي" for _, cue, _ in _found("وهو يعبر عن رأي شخصي إلا أنه يعبر عن المجتمع."))


def test_prayer_to_al_bari_is_not_a_statement():
    assert not _found("ودعا سموه الباري عز وجل أن يحفظ على بلادنا أمنها واستقرارها.")


def test_title_refers_to_the_person_introduced_with_it(nlp):
    text = ("شدد وزير خارجية المملكة عادل الجبير على أن المخرج الوحيد هو الحل السياسي. "
            "وتابع وزير الخارجية قائلا: \"نحن مستعدون لدعم عملية سياسية في اليمن\".")
    assert [name for name, _ in _speakers(nlp, text)] == ["عادل الجبير", "عادل الجبير"]


def test_indefinite_title_is_someone_new(nlp):
    text = ("وقال مدير المعارض محمد العلي إن المبيعات ارتفعت كثيرا. "
            "وقال مدير كبير في سلسلة متاجر إن المبيعات تراجعت بنسبة كبيرة.")
    assert _speakers(nlp, text)[-1][0] != "محمد العلي"


def test_speaker_span_is_the_name_not_a_place_before_its_title(nlp):
    text = ("نوه رئيس هيئة الأركان العامة في اليمن اللواء محمد المقدشي، بالدور المحوري الذي أسهمت "
            "به دول التحالف العربي.")
    assert _speakers(nlp, text)[0] == ("محمد المقدشي", "محمد المقدشي")


def test_sentence_opening_with_a_titled_name_lends_it(nlp):
    text = ("وقال المدرب خالد العطوي إن الفريق جاهز. رئيس اللجنة البارالمبية أحمد المقيرن رفع التهنئة "
            "للقيادة، مؤكداً أن القيادة حريصة على دعم الرياضيين.")
    assert _speakers(nlp, text)[-1][0] == "أحمد المقيرن"


def test_byline_is_no_speaker(nlp):
    text = "بدر الجبل –سبق– تيماء: يلاحق مواطن إدارة السجون بمنطقة تبوك مطالبًا بحقوق مالية له عن قيمة عقد."
    record = extract(Article(text=text, published="2015-08-01"), nlp)
    assert all("الجبل" not in (q.speaker.text or "") for q in record.quotes)


def test_a_cited_prophet_does_not_carry_over():
    found = _found("وقال الخطيب إن الأمانة واجبة. قال رسول الله صلى الله عليه وسلم: «لا إيمان لمن لا أمانة له». "
                   "وشدد على ضرورة كشف مخططات الفئة الضالة.")
    assert not any(cue == "شدد" and (s or "").startswith("رسول") for s, cue, _ in found)


def test_an_before_qabl_is_a_conjunction():
    assert not _found("فيما أضاف بدر النخلي الهدف الثالث للأهلي في الدقيقة 57، قبل أن تضرب النيران الصديقة الفتح.")
    assert _found("وقال الوزير بعد أن التقى نظيره إن العلاقات قوية.")[0][2] == "العلاقات قوية"


def test_person_named_in_the_sentence_speaks_for_its_participle(nlp):
    # the one named in the cue's own sentence, not the speaker quoted before it
    text = ("وقال المحلل خالد العمري إن المعارضة منقسمة. ويرسم التطور الأخير أسئلة حول مستقبل الجبهة، "
            "وهو ما استبعده المعارض السوري عبد الرحمن الحاج في حديثه للصحيفة، مشيرا إلى أن الجبهة "
            "لن تهاجم مصالح أجنبية.")
    assert _speakers(nlp, text)[-1][0] == "عبد الرحمن الحاج"


def test_person_completing_a_noun_does_not_speak(nlp):
    text = ("وقال المحلل خالد العمري إن المعارضة تعول على الحوار. وأشار إلى أن المعارضة تعول على "
            "زيارة وزير الخارجية عادل الجبير إلى موسكو، مؤكدا أن المملكة هي الضمانة الحقيقية.")
    assert _speakers(nlp, text)[-1][0] == "خالد العمري"


def test_cue_verbs_with_an_object_pronoun():
    found = _found('وقال الباراغوياني خوان نابوت: إن أمريكا الجنوبية ستدعم بلاتيني ووصفه بـ"الرجل الاستثنائي".')
    assert ("الباراغوياني خوان نابوت", "وصفه", "الرجل الاستثنائي") in found
    assert not any(cue == "وصفه" for _, cue, _ in _found("ويتوقع العميد بحسب وصفه أن التحرير مسألة وقت قصير جدا."))


def test_demand_content_starts_at_its_addressee():
    # the guidelines' content of «دعا/طالب X Y إلى/بـ Z» is «Y إلى Z»
    found = _found("وقال ظريف إن البديل حرب، داعيا الكونغرس الذي يسيطر عليه خصومه إلى عدم عرقلة النص.")
    assert found[-1][2] == "الكونغرس الذي يسيطر عليه خصومه إلى عدم عرقلة النص"
    found = _found("ودعا العمري إلى تبني مشروع قرار في البرلمان الأوروبي.")
    assert found[0][2] == "تبني مشروع قرار في البرلمان الأوروبي"
    found = _found("ودعا الاتحاد الأوروبي الذي أعفى باكستان من الرسوم إلى مراجعة القرار سريعا.")
    assert all(not content.startswith("الذي") for _, _, content in found)


def test_quotation_before_this_is_what_he_said():
    found = _found('"نحن سعداء تماما بالعودة إلى دوري المسابقة"، هذا ما قاله جون ألكسندر أمين عام يونايتد، '
                   'مضيفا "الكرة البلجيكية قوية".')
    assert found[0][1:] == ("قاله", "نحن سعداء تماما بالعودة إلى دوري المسابقة")
    assert found[0][0].startswith("جون ألكسندر") and found[1][0].startswith("جون ألكسندر")
    assert not _found("وكان القرار صعبا وهذا ما قاله الوزير أمس للصحفيين.")


def test_plural_verb_carries_its_subject():
    # a verb before its subject is singular: «وطالبوا» has its subject and the noun after it is the object
    found = _found("وقال المشاركون إن الاحتلال مسؤول. وطالبوا المجتمع الدولي بتحمل مسؤولياته تجاه الشعب الفلسطيني.")
    assert found[-1][0] == "المشاركون"


def test_according_to_x_fa_inna():
    found = _found("وحسب المصدر نفسه، فإن عضوا في الحرس الثوري كان يشرح للخلية كيفية تجنب الرصد.")
    assert found[0][0] == "المصدر نفسه" and found[0][2].startswith("عضوا في الحرس الثوري")
    found = _found("وبحسب أقارب الضحية فإن السيدة مطلقة منذ عامين.")
    assert found[0][:1] == ("أقارب الضحية",) and found[0][2] == "السيدة مطلقة منذ عامين"


def test_a_lone_tatweel_is_no_crash():
    # a corpus article with «ـ» standing alone made object_head index an empty key
    found = _found("وأكد وزير الاقتصاد ـ ضرورة الإسراع في تنفيذ خطة التنمية العاشرة للمملكة.")
    assert isinstance(found, list)
