"""Session 16 (quotes28): cue forms the corpus uses often that the lexicon missed."""
from tests.quotes.finder_helpers import cue_speaker_content as _found


def test_biqawlihi_after_a_verb_that_is_no_cue():
    # «بقوله:» after a verb of commenting: the words are its subject's; scripture is not reported
    text = ("وعلق المدرب سالم العتيبي على المباراة بقوله: «لعبنا جيدا وسنعود أقوى في المباراة المقبلة». "
            "واستشهد الخطيب بقوله تعالى: «إن الله مع الصابرين في كل حين».")
    found = _found(text)
    said = [(cue, speaker) for cue, speaker, content in found if content.startswith("لعبنا جيدا")]
    assert said and said[0][0] == "بقوله" and said[0][1].startswith("المدرب")  # the subject of «علق»
    assert not any("الصابرين" in content for _, _, content in found)


def test_a_reporting_verb_takes_a_colon_but_not_a_phrase_quoted_after_its_speaker():
    text = ("وأشار المدرب: «نشعر بخيبة أمل كبيرة بعد هذه المباراة الصعبة». "
            "وأشارت الوزيرة إلى «التعاون الذي أظهرته الدول» وتوسيع الشراكات الاقتصادية بين البلدين.")
    found = [(cue, content) for cue, _, content in _found(text)]
    assert ("أشار", "نشعر بخيبة أمل كبيرة بعد هذه المباراة الصعبة") in found
    assert not any(content == "التعاون الذي أظهرته الدول" for _, content in found)


def test_wawafq_with_its_waw_cites_a_source():
    found = _found("وصل الوفد أمس. ووفق المصادر، فإن القوات تحاصر المتمردين في المدينة منذ يومين.")
    assert found == [("ووفق", "المصادر", "القوات تحاصر المتمردين في المدينة منذ يومين")]


def test_a_closing_wire_credit_glued_after_the_full_stop():
    # «...الحرارة.وفقا لرويترز.»: the source alone after a full stop credits the sentence before
    text = "وصل الوفد أمس. وتنبعث الحرارة من جبال بركانية جليدية على سطح القمر.وفقا لرويترز. وعاد الوفد."
    found = _found(text)
    assert ("وفقا", "لرويترز", "وتنبعث الحرارة من جبال بركانية جليدية على سطح القمر") in found
    # not a clause of its own after the source
    assert not any(cue == "وبحسب" for cue, _, _ in _found(
        "وقاتل المتهم في العراق. وبحسب بيانات السلطات، أدلى المتهمان باعترافات موسعة."))


def test_verbs_of_comment_report_with_their_own_colon_only():
    text = ("وعلق المدير العام خالد هباب: «سيستمتع النزلاء بالتأكيد بتجربة الطهي الجديدة». "
            "وقال المتحدث إن عيون الناس دائما معلقة في السماء ويدعون الله أن يحفظهم من كل سوء.")
    found = _found(text)
    assert any(cue == "علق" and content.startswith("سيستمتع النزلاء") for cue, _, content in found)
    said = next(content for cue, _, content in found if cue == "قال")
    assert said.endswith("من كل سوء")  # «معلقة» (hanging) opens no new quote


def test_a_quotation_after_the_speaker_and_the_occasion_of_his_words():
    text = ("وقال النادي الانجليزي في بيان عبر موقعه \"كلنا في مانشستر سيتي نتمنى التوفيق لستيفان في مسيرته المقبلة\" "
            "ثم غادر الوفد.")
    found = _found(text)
    assert any(cue == "قال" and content.startswith("كلنا في مانشستر") for cue, _, content in found)


def test_a_municipality_is_no_manner_adverbial():
    # «بلدية» is shaped like «ب» + a noun in «ة» («بحسرة»), but it heads a body
    assert _found("وقالت بلدية جدة إن المشروع الجديد سيضفي على الطريق جمالا كبيرا.")[0][1] == "بلدية جدة"
