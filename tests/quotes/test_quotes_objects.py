"""Statements whose words are the verb's object (session 11): a verbal noun before a
preposition, accusations and demands that start at the one accused or addressed, cues in
relative clauses, and «إلا أن», which opens no reported words."""
from __future__ import annotations

from marsad.model import Article
from marsad.pipeline.build import extract


def _quotes(nlp, text):
    record = extract(Article(text=text, published="2015-08-01", outlet="okaz"), nlp)
    entities = {e.id: e for e in record.entities}
    return [(entities[q.speaker.entity].name if q.speaker.entity else (q.speaker.text if q.speaker else None),
             q.cue.text if q.cue else None, q.content.text) for q in record.quotes]


def test_verbal_noun_object_keeps_its_preposition(nlp):
    # «على» belongs to «حرص»: the content is the whole object, not «التعاون مع الجامعة»
    found = _quotes(nlp, "وأكد رئيس مدينة الملك عبدالعزيز للعلوم والتقنية الأمير تركي بن سعود "
                         "حرص المدينة على التعاون مع الجامعة.")
    assert any(content.startswith("حرص المدينة على التعاون") for _, _, content in found)


def test_accusation_starts_at_the_accused(nlp):
    text = ("وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد للعالم. "
            "واتهم حاكم نيوجيرسي كريس كريستي الرئيس باراك أوباما بالكذب على الأميركيين في خطاب أمس.")
    found = [q for q in _quotes(nlp, text) if q[1] == "اتهم"]
    assert found and found[0][2].startswith("الرئيس باراك أوباما بالكذب")
    assert "كريستي" in found[0][0]


def test_urging_is_a_demand_made_of_an_addressee(nlp):
    text = ("وقال وزير الخارجية الأميركي جون كيري إن الحرب يجب أن تنتهي. "
            "وحث جميع الأطراف في اليمن على السماح للمنظمات الإنسانية بالوصول إلى المحتاجين.")
    found = [q for q in _quotes(nlp, text) if q[1] == "حث"]
    assert found and found[0][2].startswith("جميع الأطراف")
    assert "كيري" in found[0][0]  # the addressees do not speak


def test_a_call_for_a_verbal_noun_with_a_fused_lam(nlp):
    found = _quotes(nlp, "ودعا رئيس الإقليم مسعود البرزاني في بيانه حزب العمال الكردستاني "
                         "لإبعاد القتال عن أراضي كردستان العراق.")
    assert any(content.startswith("حزب العمال الكردستاني لإبعاد") for _, _, content in found)
    # «داعيا للفقيد بالرحمة» is a prayer, not a call
    assert not _quotes(nlp, "وقدم الأمير خالد العزاء لأسرة الشهيد داعيا للفقيد بالرحمة والمغفرة.")


def test_possessed_statement_noun_ends_the_speaker(nlp):
    # «في بيانها» is where she said it, not part of her name
    found = _quotes(nlp, "وقالت وزارة الخارجية الصينية في بيانها إن جولة الوزير ستستغرق ثلاثة أيام.")
    assert found and "بيان" not in found[0][0]


def test_cue_in_a_relative_clause(nlp):
    # the antecedent that agrees with the verb speaks
    found = _quotes(nlp, "وشهدت الأمسية ندوة مع كاتب السيناريو علي سعيد الذي أشار إلى أن الفيلم "
                         "مستلهم من موقف قد يمر به أي إنسان مسلم.")
    assert any(speaker and "علي سعيد" in speaker and content.startswith("الفيلم مستلهم")
               for speaker, _, content in found)
    # a body that is no name: no quote is made up for it
    assert not _quotes(nlp, "وأضاف أن إخلاء سبيلهم إجراء رأته المحكمة، التي رأت أن لا ضرورة لحبسهم.")[1:]


def test_but_that_opens_no_reported_words(nlp):
    text = ("وأضاف المصدر الذي لم يكشف عن اسمه أن الحكومة الأفغانية أكدت الخبر في جلسة عقدت صباح أمس، "
            "إلا أنها تريثت في الإعلان عنه.")
    found = _quotes(nlp, text)
    assert any(speaker == "المصدر" and content.startswith("الحكومة الأفغانية أكدت الخبر")
               for speaker, _, content in found)
