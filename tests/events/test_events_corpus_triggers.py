"""Trigger rows added from the corpus frequency scan (session 16, events23): each codes the
event it names, in sentences of our own."""
from __future__ import annotations

import pytest

from tests.events.pipeline_helpers import coded


@pytest.mark.parametrize("text, event", [
    ("وتوصلت الولايات المتحدة وتركيا إلى اتفاق بشأن القاعدة.", ("USA", "AGREE", "TUR")),
    ("وجه الرئيس الفرنسي دعوة إلى الرئيس المصري لزيارة باريس.", ("FRA", "REQUEST", "EGY")),
    ("واستخدمت روسيا الفيتو ضد مشروع قرار بريطاني في مجلس الأمن.", ("RUS", "REJECT", "GBR")),
    ("وأعرب الملك سلمان عن أصدق التهاني للرئيس الكولومبي بمناسبة ذكرى الاستقلال.", ("SAU", "SUPPORT", "COL")),
    ("وأعلنت كوبا إعادة العلاقات مع الولايات المتحدة.", ("CUB", "COOPERATE", "USA")),
    ("وأحكمت القوات السعودية سيطرتها على مواقع الحوثيين.", ("SAU", "ASSAULT", "YEM")),
])
def test_corpus_trigger_codes_its_event(nlp, text, event):
    assert event in coded(nlp, text, "2015-07-25")



@pytest.mark.parametrize("text", [
    "التقى السفير السعودي في القاهرة عددا من رؤساء تحرير الصحف المصرية.",
    "وقال رئيس هيئة الإغاثة الإيرانية إن الشحنة وصلت إلى اليمن.",
])
def test_a_trigger_noun_after_the_head_of_an_office_names_the_office(nlp, text):
    # «رئيس تحرير» is an editor-in-chief, «هيئة الإغاثة» a relief board: no act of liberating
    # or of aid
    assert not {e for e in coded(nlp, text, "2015-08-06") if e[1] in ("ASSAULT", "AID")}
