"""Quote finding on real seed sentences and on SaudiNewsNet-style sentences written here."""
from __future__ import annotations

import json

import pytest

from marsad.quotes.finder import find_quotes


def quotes_of(text):
    return [(q.kind, q.content.text, q.speaker.text if q.speaker else None, q.cue.text)
            for q in find_quotes(text)]


def one(text, needle):
    """The single quote whose content contains ``needle``."""
    hits = [q for q in find_quotes(text) if needle in q.content.text]
    assert len(hits) == 1, quotes_of(text)
    return hits[0]


# --------------------------------------------------------------------------- seed article

SEED_CASES = [
    # (content starts with, speaker contains, kind)
    ("العلاقات مع روسيا تمثل «الأولوية الأولى» لبلاده", "كيم", "mixed"),          # أكد أن + inner quote
    ("اللقاء يجري «وقت خاص»", "بوتين", "mixed"),                                 # فيما أشار X إلى أن
    ("الاتحاد السوفيتي كان أول من اعترف بها", "بوتين", "indirect"),               # مشيراً (inherited)
    ("روسيا فخورة بإنجازات قطاعها الفضائي", "بوتين", "direct"),                   # قال X: إن
    ("نعقد الآن اجتماعاً خاصاً", "كيم", "direct"),                                 # وقال: (inherited)
    ("روسيا نهضت الآن للنضال المقدس", "كيم", "direct"),                          # وأضاف:
    ("آمل أن نكون دائماً معاً", "كيم", "direct"),                                 # وتابع:
    ("محادثاته مع بوتين ستساعد", "كيم جونغ أون", "indirect"),                     # أعرب عن ثقته في أن
    ("هذا هو السبب الذي أتينا من أجله", "بوتين", "direct"),                       # question before the colon
    ("سنتحدث عن كل القضايا دون عجالة", "بوتين", "direct"),                        # وعندما سئل X ... قال:
    ("زعيمي البلدين سيناقشان", "دميتري بيسكوف", "indirect"),                      # appositive speaker
    ("محادثات بوتين كيم مهمة", "وزارة الخارجية الروسية", "indirect"),             # وكانت X أكدت (SVO)
    ("أحد المواضيع الرئيسية", "ماريا زاخاروفا", "direct"),
    ("«التآزر الذي أظهرته مجموعة العشرين»", "زاخاروفا", "mixed"),                  # أشارت إلى + noun
    ("بالطبع، في ظل هذه الخلفية", "زاخاروفا", "direct"),                          # في حديث لوكالة ...:
    ("الحياة تعود تدريجيا إلى طبيعتها", "زاخاروفا", "direct"),                    # وأضافت: (feminine)
    ("الأولوية ستكون للعلاقات الثنائية", "الخارجية الروسية", "mixed"),             # ردت ... بالقول إن
    ("تراقب بقلق الزيارة", "اليابان", "indirect"),                                 # a state as speaker
]


@pytest.fixture(scope="module")
def seed_quotes(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    return text, find_quotes(text)


@pytest.mark.parametrize("start, speaker, kind", SEED_CASES)
def test_quotes_finder_seed_sentences(seed_quotes, start, speaker, kind):
    _, quotes = seed_quotes
    hits = [q for q in quotes if q.content.text.startswith(start)]
    assert len(hits) == 1, [q.content.text[:40] for q in quotes]
    assert speaker in hits[0].speaker.text and hits[0].kind == kind


@pytest.mark.parametrize("not_content", [
    "وإذا ما لزم الأمر",          # «حسب التقارير المتداولة»: no speaker
    "الصين ليست بعيدة",           # «يرى المراقبون»: the journalist's voice
    "بعض أجندة لقائهما",          # «كشف عن» a topic, not words said
    "امتنانه للجانب الروسي",       # «أعرب عن» without an أن clause
])
def test_quotes_finder_seed_non_quotes(seed_quotes, not_content):
    _, quotes = seed_quotes
    assert not any(not_content in q.content.text for q in quotes)


def test_quotes_finder_seed_title_quote_is_not_in_the_body(seed_quotes):
    text, quotes = seed_quotes
    # the headline line has a colon after «كيم» but no cue: no quote starts in it
    assert all(q.content.start > text.index("\n") for q in quotes)


# --------------------------------------------------------------------------- written cases

@pytest.mark.parametrize("text, needle, speaker, kind", [
    ("قال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن.",
     "المملكة تدعم الحل السياسي", "وزير الخارجية عادل الجبير", "indirect"),
    ("وكانت وزارة الداخلية أعلنت أنها ألقت القبض على خمسة مشتبه بهم.",
     "ألقت القبض على خمسة", "وزارة الداخلية", "indirect"),
    ("وقال المتحدث باسم التحالف، العميد أحمد عسيري، إن الغارات استهدفت مخازن أسلحة.",
     "الغارات استهدفت مخازن أسلحة", "العميد أحمد عسيري", "indirect"),
    ("وقال أمير المنطقة لـ«عكاظ» «نحن نعمل على راحة الحجاج في كل المواقع».",
     "نحن نعمل على راحة الحجاج", "أمير المنطقة", "direct"),
    ("وقال مصدر أمني لرويترز إن الانفجار نجم عن عبوة ناسفة.",
     "الانفجار نجم عن عبوة ناسفة", "مصدر أمني", "indirect"),
    ("ونقلت وكالة الأنباء الرسمية عن وزير الصحة قوله إن الوضع تحت السيطرة تماما.",
     "الوضع تحت السيطرة", "وزير الصحة", "indirect"),
    ("وأصيب عشرة أشخاص في الحادث، بحسب ما أعلنت وزارة الصحة.",
     "أصيب عشرة أشخاص في الحادث", "وزارة الصحة", "indirect"),
    ("وأكد الوزير أن العلاقات بين البلدين تمر «بأفضل مراحلها» حاليا.",
     "العلاقات بين البلدين", "الوزير", "mixed"),
    ("وذكرت الوكالة أن الرئيس قال إن الانتخابات ستجري في موعدها المحدد.",  # nested: the president's
     "الانتخابات ستجري في موعدها", "الرئيس", "indirect"),
    ("من جهته أوضح مدير الدفاع المدني م. عادل الملحم أن فرق الإطفاء سيطرت على الحريق.",
     "فرق الإطفاء سيطرت على الحريق", "عادل الملحم", "indirect"),
    ("وقال ناصر الكبيسي في بيان \"أكدت الأدلة كافة المعلومات التي جمعها المحققون.\"، ولم يفصح عن التفاصيل.",
     "أكدت الأدلة كافة المعلومات", "ناصر الكبيسي", "direct"),
])
def test_quotes_finder_written_sentences(text, needle, speaker, kind):
    q = one(text, needle)
    assert speaker in q.speaker.text and q.kind == kind
    assert text[q.content.start:q.content.end] == q.content.text


def test_quotes_finder_colon_speech_runs_to_the_end_of_the_paragraph():
    text = ("وأضاف الوزير: المشروع سيكتمل العام المقبل.. سنعمل على توفير كل الإمكانات للمواطنين.\n"
            "وفي سياق آخر افتتح الأمير معرض الكتاب.")
    q = one(text, "المشروع سيكتمل")
    assert q.content.text.endswith("للمواطنين") and q.kind == "direct"


def test_quotes_finder_new_cue_ends_colon_speech():
    text = "وقال الوزير: نحن مستعدون للحوار. وأضاف: لن نتنازل عن حقوقنا المشروعة."
    got = quotes_of(text)
    assert [g[1] for g in got] == ["نحن مستعدون للحوار", "لن نتنازل عن حقوقنا المشروعة"]
    assert got[1][2] == "الوزير"


def test_quotes_finder_gender_chooses_between_recent_speakers():
    text = ("قالت الوزيرة سارة الأميري إن الإطلاق نجح بالكامل.\n"
            "وقال المدير العام خالد السالم إن الفريق عمل لسنوات طويلة.\n"
            "وأضافت: نحن فخورون بهذا الإنجاز الكبير.\n"
            "وأضاف: سنطلق قمرا آخر العام المقبل.")
    assert one(text, "نحن فخورون").speaker.text == "الوزيرة سارة الأميري"
    q = one(text, "سنطلق قمرا")
    assert q.speaker.text == "المدير العام خالد السالم" and not q.speaker.explicit
    assert q.speaker.gender == "m"


def test_quotes_finder_participle_continues_the_speaker():
    text = "وأكد المتحدث باسم الهلال الأحمر خالد السهلي أن الفرق وصلت إلى الموقع، مشيراً إلى أن المصابين نقلوا إلى المستشفى."
    first, second = find_quotes(text)
    assert first.content.text == "الفرق وصلت إلى الموقع"
    assert second.content.text == "المصابين نقلوا إلى المستشفى"
    assert second.speaker.text == first.speaker.text and second.cue.text == "مشيراً"


def test_quotes_finder_document_speaks_for_its_issuer():
    text = ("وقالت وزارة الخارجية في بيان إن السفير استدعي إلى مقر الوزارة. "
            "وأضاف البيان أن الوزارة تحتفظ بحقها في الرد.")
    assert one(text, "تحتفظ بحقها").speaker.text == "وزارة الخارجية"


def test_quotes_finder_unclosed_quote_stops_at_the_paragraph():
    text = ("وقال شاهد عيان لرويترز «رأيت النيران تشتعل في المبنى. كان الدخان كثيفا\n"
            "وفي الرياض، افتتح الأمير معرض الكتاب الدولي بحضور عدد من المسؤولين.")
    q = one(text, "رأيت النيران")
    assert q.content.text.endswith("كان الدخان كثيفا")


@pytest.mark.parametrize("text", [
    "وسئل الوزير عما إذا كانت المفاوضات ستستأنف قريبا.",                 # a question put to him
    "يذكر أن المشروع بدأ العمل فيه عام 2010 بتكلفة كبيرة.",               # impersonal
    "ويرى المراقبون أن الأزمة ستطول في ظل غياب الحلول.",                  # generic observers
    "وأفادت تقارير صحفية بأن الاجتماع سيعقد الأسبوع المقبل.",             # reports, no speaker
    "وتستمر المحادثات «على مستوى ثنائي مغلق» حسب التقارير المتداولة.",   # according to reports
    "ودعا الشيخ الله سبحانه وتعالى أن يرحم الفقيد ويسكنه فسيح جناته.",     # a prayer
    "وشارك في الحفل عدد من المسؤولين في «الهيئة العامة للسياحة».",        # a name in quotes
])
def test_quotes_finder_non_quotes(text):
    assert quotes_of(text) == []


def test_quotes_finder_offsets_are_exact_on_the_dev_set(dev_path):
    for line in dev_path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for q in find_quotes(text):
            assert text[q.content.start:q.content.end] == q.content.text
            assert text[q.cue.start:q.cue.end] == q.cue.text and q.cue.text[0] not in "وف" or \
                q.cue.text.startswith(("وصف", "واصل", "واصف"))
            if q.speaker and q.speaker.start is not None:
                assert text[q.speaker.start:q.speaker.end] == q.speaker.text
