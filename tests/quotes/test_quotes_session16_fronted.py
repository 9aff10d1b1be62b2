"""Session 16 (quotes29): a phrase put before the cue that is not its subject."""
from marsad.quotes.finder import find_quotes


def _found(text, person=None):
    persons = []
    if person:
        k = text.find(person)
        persons = [(k, k + len(person), "m")]
    return [(q.cue.text, q.speaker.text if q.speaker else None, q.content.text)
            for q in find_quotes(text, persons=persons)]


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
