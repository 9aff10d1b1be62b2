"""find_quotes never fails and always returns exact offsets, whatever the text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.quotes.finder import find_quotes

PIECES = ["قال", "وقال", "وأضافت", "مشيراً", "إن", "أن", "إلى", "الوزير", "خالد", "بحسب", "نقلا",
          "عن", "قوله", "في", "بيان", "لرويترز", "«", "»", "“", "”", '"', "'", ":", "،", ".", "\n",
          "  ", "؟", "وحسب", "حسبما", "التقارير", "كما", "بين", "وصف", "بأنه", "م.",
          "ـ", "أكد", "ضرورة", "هذا", "ما", "قاله", "فإن", "فيه", "بيانا", "طالبوا", "داعيا", "سموه"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join))
def test_quotes_finder_robust_on_any_sequence(text):
    for q in find_quotes(text):
        assert text[q.content.start:q.content.end] == q.content.text
        assert q.content.end <= len(text) and q.kind in ("direct", "indirect", "mixed")
