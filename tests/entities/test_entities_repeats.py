"""Repeats of names the article has given: found where the NER missed them, not spread to
common words, never over a mention already found, offsets exact."""
from __future__ import annotations

from marsad.entities.mentions import NameMention
from marsad.entities.repeats import repeats
from marsad.lexicon.loader import Lexicon
from marsad.model import Article
from marsad.pipeline.build import load, run


def _mention(text: str, name: str, label: str, nth: int = 0) -> NameMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return NameMention(start, start + len(name), name, label, "ner")


def _found(text, mentions):
    out = repeats(text, mentions)
    for m in out:
        assert text[m.start:m.end] == m.text  # offsets index the text exactly
    return [(m.text, m.label) for m in out]


def test_repeats_surname_of_a_person_named_in_full():
    text = "وكان محمد عطا قائد المجموعة . وبدا عطا صامتا ، ثم قال لعطا زميله"
    assert _found(text, [_mention(text, "محمد عطا", "PER")]) == [("عطا", "PER"), ("عطا", "PER")]


def test_repeats_first_name_before_bin():
    text = "أعلن الوليد بن طلال أمس أن الوليد سيتبرع بثروته"
    assert _found(text, [_mention(text, "الوليد بن طلال", "PER")]) == [("الوليد", "PER")]


def test_repeats_exact_repeat_keeps_the_label_and_what_is_known():
    text = "أعلنت جماعة أنصار الشريعة مسؤوليتها ، وقالت أنصار الشريعة إن"
    source = _mention(text, "أنصار الشريعة", "ORG")
    source.country = "YEM"
    found = repeats(text, [source])
    assert [(m.text, m.label, m.origin) for m in found] == [("أنصار الشريعة", "ORG", "repeat")]


def test_repeats_not_spread_to_common_words():
    # «الثاني» (the second) ends a name but is mostly an ordinal; «الدين» ends «صلاح الدين»
    text = "قال فهد الثاني إن صلاح الدين حضر . وفي اليوم الثاني تحدث رجل الدين"
    mentions = [_mention(text, "فهد الثاني", "PER"), _mention(text, "صلاح الدين", "PER")]
    assert _found(text, mentions) == []


def test_repeats_of_a_short_word_or_link_word_are_not_looked_for():
    text = "قال بان كي مون إن لي هونغ زار بكين ، وأكد لي أن كي"
    mentions = [_mention(text, "بان كي مون", "PER"), _mention(text, "لي هونغ", "PER")]
    assert _found(text, mentions) == []  # «لي» (to me) and «كي» (so that): too short


def test_repeats_do_not_overlap_mentions_already_found():
    text = "قال محمد عطا إن عطا الله وصل"
    first, other = _mention(text, "محمد عطا", "PER"), _mention(text, "عطا الله", "PER")
    assert _found(text, [first, other]) == []


def test_repeats_of_a_lexicon_person_come_from_the_lexicon_only():
    # the lexicon lists its people's short names; the last word of «خادم الحرمين الشريفين»
    # is not one
    lexicon = Lexicon.load()
    king = next(m.entries[0] for m in lexicon.matcher(["people"]).find("خادم الحرمين الشريفين"))
    text = "وجه خادم الحرمين الشريفين بخدمة الحرمين الشريفين"
    source = _mention(text, "خادم الحرمين الشريفين", "PER")
    source.actor = king
    assert _found(text, [source]) == []


def test_repeats_in_the_pipeline_join_the_person():
    # the tagger, one sentence at a time, does not take «الجراح» (the surgeon) or «عطا» (a
    # gift) alone for a name; the article named them in full before
    nlp = load()
    for text, full, short in [
        ("وكان زياد الجراح على متن الطائرة . وكتب الجراح رسالة إلى خطيبته قبل أيام من الهجوم .",
         "زياد الجراح", "الجراح"),
        ("وصل محمد عطا إلى المطار . وبدا عطا أكثر صمتا من رفاقه .", "محمد عطا", "عطا"),
    ]:
        record = run(nlp, Article(text=text, id="t"))
        person = [e for e in record.entities if any(text[m.start:m.end] == full for m in e.mentions)]
        assert len(person) == 1 and person[0].label == "PER"
        assert [text[m.start:m.end] for m in person[0].mentions] == [full, short]


def test_repeats_one_word_name_needs_more_tagged_than_passed_over():
    once = "أقام المطرب حفلا كبيرا ، وكان الحفل حفلا ناجحا"
    assert _found(once, [_mention(once, "حفلا", "PER")]) == []  # tagged once, passed over once
    text = "قال رامسفيلد إن رامسفيلد لن يستقيل ، وأضاف رامسفيلد"
    mentions = [_mention(text, "رامسفيلد", "PER"), _mention(text, "رامسفيلد", "PER", nth=1)]
    assert _found(text, mentions) == [("رامسفيلد", "PER")]


def test_repeats_part_of_a_name_only_after_the_full_name():
    # «سعيد» (happy) before «أشرف سعيد» is named is not him
    text = "قال إنه سعيد بالنتيجة . وأكد أشرف سعيد أن سعيد سيعود"
    assert [(m.start, m.text) for m in repeats(text, [_mention(text, "أشرف سعيد", "PER")])] \
        == [(text.rindex("سعيد"), "سعيد")]


def test_repeats_a_name_without_a_word_is_passed_over():
    # A corpus article («بلاتر.. 7 أشهر عسيرة لترميم سمعة فيفا») lost its entities to an
    # IndexError: the tagger took a run of tatweels «ــ» for a person, a name of no word.
    text = "قال سيب بلاتر ــ رئيس الاتحاد ــ إن بلاتر لن يترشح"
    mentions = [_mention(text, "ــ", "PER"), _mention(text, "سيب بلاتر", "PER")]
    assert _found(text, mentions) == [("بلاتر", "PER")]


def test_a_lexicon_person_known_only_by_full_names_is_repeated_by_the_family_name():
    # people.tsv gives «رأفت الصباغ» no one-word name: the article's «الصباغ» after the full
    # name is him (a person listed with a short name, «جون كيري|كيري», is matched by it instead)
    nlp = load()
    text = "وقال المتحدث رأفت الصباغ إن الطائرة وصلت. وأضاف الصباغ أن الرحلة خصصت للأدوية."
    record = run(nlp, Article(text=text, published="2015-08-01"))
    people = [e for e in record.entities if e.label == "PER"]
    assert [(e.name_en, [m.text for m in e.mentions if m.text != "المتحدث"]) for e in people] == \
        [("Raafat al-Sabbagh", ["رأفت الصباغ", "الصباغ"])]
