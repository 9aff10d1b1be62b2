"""False quotes across the pool of annotated articles (issue #17, session 15: quotes27): a
second speaker introduced after a comma by a transition. The sentences are written here in
the corpus's style."""
from __future__ import annotations

from tests.quotes.finder_helpers import quotes_of


def test_a_transition_and_a_perfect_cue_after_a_comma_open_a_new_statement():
    for text, first, second in (
            ("وذكر المتحدث أن المسلحين ما زالوا داخل الفندق، من جهتها قالت السفارة إن التقارير غير صحيحة.",
             "المسلحين ما زالوا داخل الفندق", "التقارير غير صحيحة"),
            ("وأعلنت الحكومة أن خمسة جنود قتلوا في الهجوم، في حين أعلن مصدر عسكري عن سقوط ثمانية قتلى بينهم ثلاثة عسكريين.",
             "خمسة جنود قتلوا في الهجوم", "سقوط ثمانية قتلى بينهم ثلاثة عسكريين")):
        said = [c for c, _, _ in quotes_of(text)]
        assert said == [first, second], quotes_of(text)


def test_and_then_or_an_imperfect_after_the_transition_stays_the_speakers():
    for text, kept in (
            ("وأكدت الوزارة أن المتهمين أقروا بتهريب الأسلحة، ومن ثم نقل المواد إلى قوارب أخرى.", "ومن ثم نقل"),
            ("وأوضح البائع أن عسل الشوكة مفيد للمعدة، في حين يفيد عسل الزهور الأطفال.", "في حين يفيد")):
        assert any(kept in c for c, _, _ in quotes_of(text)), quotes_of(text)


def test_renewed_reports_only_a_noun_of_something_said():
    for text, said in (
            ("وجدد الوزير تحذيره من خطورة التصعيد العسكري في المنطقة.", "تحذيره من خطورة التصعيد العسكري في المنطقة"),
            ("وجددت الهيئة الدعوة إلى وقف إطلاق النار في جميع المدن.", "الدعوة إلى وقف إطلاق النار في جميع المدن"),
            ("جدد الرئيس اليمني، عبدربه منصور هادي، التأكيد على ضرورة تطبيق القرارات الدولية.",
             "التأكيد على ضرورة تطبيق القرارات الدولية")):
        assert [c for c, _, _ in quotes_of(text)] == [said], quotes_of(text)


def test_a_contract_or_shelling_renewed_is_no_statement():
    for text in ("جددت إدارة النادي عقد لاعب الفريق الأول لمدة موسمين قادمين.",
                 "وجددت القوات قصفها على القرى الواقعة في ريف المدينة الشمالي.",
                 "ومن ثم جددت الغرفة الاتفاقية لثلاث سنوات، وبعد ذلك من الدعم المادي وجدت الغرفة عدم الجدوى."):
        assert quotes_of(text) == [], quotes_of(text)
