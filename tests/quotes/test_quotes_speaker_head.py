"""The speaker is the name heading its phrase, not a name completing it: «رئيس غرفة أبها»
is not Abha, «مدير مركز القاهرة للدراسات» not Cairo, «دعت باكستان مجلس الأمن» is Pakistan
speaking. Sentences written here in the style of SaudiNewsNet; the category comes from
reading unannotated corpus articles (places and bodies taken as speakers)."""
from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.pipeline.build import extract
from marsad.quotes.finder import find_quotes
from marsad.quotes.tokens import paragraph_ends, quote_spans


def _speaker(nlp, text):
    """(speaker text, its entity's label, its entity's country) of the last quote."""
    record = extract(Article(text=text, published="2015-07-21", outlet="okaz"), nlp)
    assert record.quotes, text
    speaker = record.quotes[-1].speaker
    entity = next(e for e in record.entities if e.id == speaker.entity) if speaker.entity else None
    return speaker.text, entity.label if entity else None, entity.country if entity else None


@pytest.mark.parametrize("text, place", [
    ("وأضاف رئيس غرفة أبها إن شباب الأمة هم المقصودون أولاً.", "أبها"),
    ("وقال مدير مركز القاهرة للدراسات الاقتصادية إن القناة الجديدة ستجذب رؤوس الأموال.", "القاهرة"),
    ("وأكد محافظ عدن أن المعركة ستحسم قريبا.", "عدن"),
])
def test_a_place_completing_a_title_is_not_the_speaker(nlp, place, text):
    speaker, label, _ = _speaker(nlp, text)
    assert speaker != place and place in speaker and label != "LOC"


def test_the_place_still_gives_the_description_its_country(nlp):
    _, _, country = _speaker(nlp, "وقال مدير مركز القاهرة للدراسات الاقتصادية إن القناة الجديدة ستجذب رؤوس الأموال.")
    assert country == "EGY"


def test_the_subject_speaks_not_the_object(nlp):
    speaker, _, country = _speaker(nlp, "ودعت باكستان مجلس الأمن الدولي إلى اتخاذ خطوات جادة لمعالجة قضايا الشرق الأوسط.")
    assert speaker == "باكستان" and country == "PAK"


def test_the_person_in_apposition_after_a_title(nlp):
    speaker, label, _ = _speaker(nlp, "وقال وزير الخارجية عادل الجبير إن المملكة ترحب بالاتفاق.")
    assert speaker == "عادل الجبير" and label == "PER"


def test_an_addressee_is_not_the_speaker(nlp):
    speaker, _, _ = _speaker(nlp, "وقال الأمين العام لمنظمة أوبك عبدالله البدري لوزير الطاقة الروسي ألكسندر نوفاك "
                                  "إن أسعار النفط ستتعافى.")
    assert "نوفاك" not in speaker


def test_a_participle_ends_the_speaker_phrase(nlp):
    speaker, _, _ = _speaker(nlp, "وأضاف السيسي موجها حديثه للأمير محمد بن سلمان: «إنني ممتن لكم».")
    assert speaker == "السيسي"


def test_a_name_shaped_like_a_participle_is_kept(nlp):
    # «ماريا»: مـ...ـا like «موجها», but a name
    speaker, _, _ = _speaker(nlp, "وقالت المتحدثة باسم الوزارة ماريا زاخاروفا اليوم: إن الاجتماع مهم.")
    assert "زاخاروفا" in speaker


def _found(text):
    return [(q.cue.text if q.cue else None, q.speaker.text if q.speaker else None) for q in find_quotes(text)]


def test_fahasb_only_is_no_cue():
    # «فحسب» is "only", not «ف» + «حسب» (according to)
    assert _found("ووفق الدراسة، فإن المواقف العدائية لم تقتصر على البحرين فحسب، وإنما شملت كل دول الخليج.") \
        in ([], [("وفق", "الدراسة")], [("ووفق", "الدراسة")])  # «ووفق» is a cue with its «و» (like «وبحسب»)
    assert all(cue != "فحسب" for cue, _ in _found("لم تقتصر على البحرين فحسب، وإنما شملت كل دول الخليج العربي كلها."))


def test_an_accusative_word_ends_the_subject():
    # «عددًا» carries the accusative tanwin: the object begins there
    found = _found("وأقر مجلس الوزراء عددًا من الإجراءات من بينها أن يكون لكل شاطئ حرم مفتوح للعامة.")
    assert found and found[0][1] == "مجلس الوزراء"


def test_an_adverb_is_no_speaker():
    found = _found("وأكدت المملكة مرارا وتكرارا أن أمن الخليج كل لا يتجزأ عن أمنها.")
    assert found and found[0][1] == "المملكة"


def test_a_quantity_of_people_is_one_speaker():
    found = _found("وأكد عدد من المتخصصين أن بناء المستشفيات التأهيلية ضرورة ملحة في كل المناطق.")
    assert found and found[0][1].startswith("عدد من المتخصصين")


@pytest.mark.parametrize("group", ["بعض المحللين", "بضعة دبلوماسيين", "معظم النواب"])
def test_some_people_speak_for_themselves(nlp, group):
    # «بعض» and «بضعة» head a speaker phrase: not a connector, not «ب» + a noun, and not a
    # reason to hand the words to the speaker named before
    text = f"وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات جيدة. وقال {group} إن التصويت سيجري يوم الجمعة."
    speaker, _, _ = _speaker(nlp, text)
    assert speaker == group


@pytest.mark.parametrize("text, speaker", [
    ("وقال الأمين العام للأمم المتحدة بان كي مون إن المجلس سيصوت الجمعة.", "بان كي مون"),
    ("وقالت شبكة سي إن إن إن الهجوم وقع ليلا.", "شبكة سي إن إن"),
])
def test_a_names_word_that_folds_like_that_is_the_name(nlp, text, speaker):
    # «بان» folds like «بأن» and «إن» is «that»: inside a name they open no content
    assert _speaker(nlp, text)[0] == speaker


def test_a_connector_is_no_speaker(nlp):
    record = extract(Article(text="لذلك يقول: إن الأمر يحتاج إلى صبر طويل ومتابعة دائمة من الجميع.",
                             published="2015-07-21", outlet="okaz"), nlp)
    assert not [q for q in record.quotes if q.speaker and q.speaker.text == "لذلك"]


def test_a_possessed_verbal_noun_opens_the_object():
    # «سعادته», «التأكيد»: inflected forms of the lexicon's verbal nouns begin the object
    found = _found("وأبدى أمير المنطقة سعادته بنجاح حفل افتتاح المهرجان في ليلته الأولى.")
    assert found and found[0][1] == "أمير المنطقة"
    found = _found("وجدد الطرفان المعارضان التأكيد على التزامهما بمحاربة الإرهاب بكل أشكاله.")
    assert found and found[0][1] == "الطرفان المعارضان"


def test_a_quotation_mark_never_closed_does_not_swallow_the_next_quotation():
    text = ("وتابع قائلا: «إن الجيوش حمت الأنظمة وليس الوطن والمواطنين، مطالبا ببناء دولة مدنية. "
            "وزاد: «لا بأس من بناء لواءين أو ثلاثة من القوات الخاصة لمواجهة الإرهاب». وأكد العفيفي أن اليمن بخير.")
    contents = [q.content.text for q in find_quotes(text)]
    assert "لا بأس من بناء لواءين أو ثلاثة من القوات الخاصة لمواجهة الإرهاب" in contents
    assert not any(c.startswith("«") for c in contents)


def test_a_quoted_word_inside_a_quotation_nests():
    text = "وقال: «لا نعتقد أن التقدم «محزن» كما يقال». وانتهى."
    spans = quote_spans(text, paragraph_ends(text))
    outer = text.index("«"), text.index("».")
    assert any((s.open, s.close) == outer for s in spans)


def test_mimma_yushir_is_the_journalist():
    # «مما يشير إلى أن»: "which shows that", no speaker
    assert not _found("تراجعت المعنويات بمنطقة اليورو في أغسطس بقدر قليل، مما يشير إلى أن النمو الاقتصادي يتعافى.")


def test_a_cue_word_inside_a_recognised_name_is_the_name():
    text = "قال المخرج والكاتب المسرحي أمين طالب، إن مسرحيات الطفل بصيف الشرقية هدفها الترفيه والتعليم."
    start = text.index("أمين")
    found = [(q.cue.text, q.speaker.text) for q in find_quotes(text, names=[(start, start + len("أمين طالب"))])]
    assert found == [("قال", "المخرج والكاتب المسرحي أمين طالب")]


def test_a_long_title_chain_reaches_the_name():
    text = ("وأوضح مدير أعلى خدمات الأصول والمشاريع بشركة المياه الوطنية بمكة المكرمة والطائف المهندس "
            "سعيد بن علي العمري أن المحطة ستعمل بكامل طاقتها قريبا.")
    found = _found(text)
    assert found and found[0][1].endswith("سعيد بن علي العمري")


def test_the_verb_after_wifqa_ma_is_no_speaker():
    # «وفق ما ألمحت الشركة»: the verb after «ما» (even one folded like a definite noun)
    found = _found("تعتزم شركة سوني الكشف عن هاتف ذكي يمتاز بسرعته العالية، وفق ما ألمحت الشركة في تغريدة.")
    assert found and found[0] == ("وفق", "الشركة")


def test_a_possessed_noun_after_a_comma_is_no_apposition():
    found = _found("وأكد نائب مدير مصلحة الزكاة والدخل، عملهم على تطوير الأنظمة بأن الإقرارات ستقدم إلكترونيا.")
    assert found and found[0][1] == "نائب مدير مصلحة الزكاة والدخل"


def test_a_relative_clause_with_its_own_saying_ends_the_content():
    # «قرية ... قال إنه أسفر»: the relative clause is someone's words of their own
    text = ("دان مسعود البرزاني رئيس اقليم كردستان العراق السبت قصف تركيا لقرية في الاقليم قال إنه أسفر "
            "عن سقوط عدد من القتلى المدنيين.")
    contents = [q.content.text for q in find_quotes(text)]
    assert "قصف تركيا لقرية في الاقليم" in contents


@pytest.mark.parametrize("text, speaker", [
    ("وقال ل\"الرياض\" الشيخ فالح الشبلي المتحدث باسم الائتلاف بأن أيادي الشر تعود مرة أخرى.",
     "الشيخ فالح الشبلي المتحدث باسم الائتلاف"),
    ("وقال لرويترز وزير الخارجية إن المحادثات كانت مثمرة جدا.", "وزير الخارجية"),
    # a kind of outlet: its name follows, so no speaker is read after it
    ("وأضاف لقناة سكاي نيوز اليوم الجمعة “نحقق تقدما لكن هناك حاجة لفعل المزيد”.", None),
])
def test_an_addressee_before_the_speaker_is_skipped(text, speaker):
    found = _found(text)
    assert found and found[0][1] == speaker


def test_an_oblique_plural_after_the_verb_is_its_object():
    # «المواطنين» (not «المواطنون») is no subject: the current speaker asks them
    found = _found("وقال العنزي إن الحادث وقع ليلا. ودعا المواطنين إلى أخذ الحيطة والحذر عند القيادة ليلا.")
    assert [s for _, s in found] == ["العنزي", "العنزي"]


@pytest.mark.parametrize("text", [
    "ذئاب ضالة لم ترد أن يخرج شهر العبادة والصيام إلا بكثير من الدماء والأشلاء.",
    "وواصل النصر ضغطه في الشوط الثاني، ويبدو أن الفريق استعاد لياقته بعد المعسكر الطويل.",
])
def test_a_colon_cue_takes_no_that_clause(text):
    # «ترد», «واصل», «تساءل» introduce words only after a colon or in quotation marks
    assert not _found(text)


def test_a_definite_title_opening_the_phrase_heads_no_genitive(nlp):
    speaker, label, _ = _speaker(nlp, "وفي الأسبوع الماضي حذر الأمير بندر بن سلطان الرئيس السابق للمخابرات السعودية "
                                      "من أن الاتفاق النووي سيجعل إيران تعيث فسادا في المنطقة.")
    assert "بندر" in speaker and label == "PER"

