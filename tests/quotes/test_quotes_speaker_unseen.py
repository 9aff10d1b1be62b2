"""Speakers on unseen news, session 11 (second part): the reporter's byline, the person a
title chain names after the body it heads, and a name preferred to a title tagged as one."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract
from marsad.quotes.finder import find_quotes


def _speakers(nlp, text):
    record = extract(Article(text=text, published="2015-08-01", outlet="okaz"), nlp)
    entities = {e.id: e for e in record.entities}
    return [(q.cue.text, entities[q.speaker.entity].name if q.speaker.entity else q.speaker.text)
            for q in record.quotes]


def test_a_byline_is_no_subject_of_the_first_sentence():
    text = "سعد المطيري- سبق- الرياض: أعلنت الوزارة نتائج الفحص الجديدة، مؤكدة أن المرضى في حالة مستقرة."
    found = find_quotes(text, names=[(0, 11)], persons=[(0, 11, "-")])
    assert found and all(q.speaker is None or "المطيري" not in q.speaker.text for q in found)


def test_a_noun_shaped_like_faa3ila_after_the_verb_is_its_subject():
    # «باحثة» is a researcher, not «بـ» + a noun of manner («ويضيف بحسرة»)
    found = find_quotes("حذرت باحثة متخصصة في مجال مكافحة الإرهاب من تنامي وسائل التغرير بصغار السن.")
    assert found and found[0].speaker.text.startswith("باحثة متخصصة")
    found = find_quotes("وقال بثقة إن الفريق سيفوز باللقب هذا العام.")
    assert found and (found[0].speaker is None or found[0].speaker.text != "بثقة")


def test_the_office_holder_not_the_body_he_heads(nlp):
    speakers = _speakers(nlp, "أعلن رئيس النادي الأدبي الثقافي بمنطقة الباحة الشاعر حسن بن محمد الزهراني "
                              "في جلسة مجلس الإدارة موعد ملتقى القصة، مؤكدا أن النادي أكمل أركان الأجناس الأدبية.")
    assert speakers and speakers[0][1] == "حسن بن محمد الزهراني"


def test_a_name_before_a_title_tagged_as_a_person(nlp):
    speakers = _speakers(nlp, "أعلن رئيس نادي الشباب المكلف عبدالله القريني ترشحه لرئاسة مجلس الإدارة في الدورة "
                              "المقبلة، مشددا على اعتزازه بهذه الثقة الكبيرة.")
    assert speakers and speakers[0][1] == "عبدالله القريني"


def test_a_title_reaches_its_name_past_a_preposition(nlp):
    speakers = _speakers(nlp, "وقال النائب عن اسطنبول مراد اوزشليك إن الحكومة تساهلت مع المتطرفين.")
    assert speakers == [("قال", "مراد اوزشليك")]
    speakers = _speakers(nlp, "وقال النائب عن الحزب الديمقراطي، في برلمان الإقليم، بشار مشير، لـ«الشرق الأوسط»، "
                              "إن الحزب سيوافق على المقترح.")
    assert speakers == [("قال", "بشار مشير")]
    # a person completing a noun is no apposition: «عن زيارة الأمير ...» is what he spoke of
    found = find_quotes("وقال الوزير عن زيارة الأمير محمد بن سلمان إن المشروع اكتمل.",
                        names=[(21, 41)], persons=[(21, 41, "m")])
    assert found and found[0].speaker.text == "الوزير"


def test_who_says_it_too_carries_on(nlp):
    speakers = _speakers(nlp, "أعلن وزير الخارجية المصري سامح شكري ونظيره الأميركي جون كيري إطلاق الحوار. وأكد كيري "
                              "أنه أجرى محادثات اتسمت بالصراحة الشديدة، وهو ما أكده شكري بدوره، قائلا إن الحوار جرى "
                              "في أجواء إيجابية، مشيرا إلى أنه ناقش مع كيري اهتمام البلدين.")
    # («أعلن X إطلاق الحوار» is the announcement itself, a quote of its own since session 14)
    assert speakers[0] == ("أعلن", "سامح شكري")
    assert [name for _, name in speakers[1:]] == ["جون كيري", "سامح شكري", "سامح شكري"]
