"""A person named again by the last two or three words of their name («بن حلي», «تشاووش
أوغلو») is the one person whose name ends so; never after «بن», which names the father."""
from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.pipeline.build import extract, load


@pytest.fixture(scope="module")
def nlp():
    return load()


def _entity_of(record, mention):
    found = [e for e in record.entities if any(m.text == mention for m in e.mentions)]
    assert found, f"{mention}: no entity in {[e.name for e in record.entities]}"
    return found[0]


def test_a_family_name_of_two_words_joins_the_full_name(nlp):
    text = ("وقال نائب الأمين العام للجامعة العربية السفير أحمد بن حلي إن الجامعة ترحب بالهدنة. "
            "وأضاف بن حلي في تصريح للصحفيين أن الواجب الوطني يحتم على الجميع احترامها.")
    record = extract(Article(text=text, published="2015-05-13", outlet="alriyadh"), nlp)
    short, full = _entity_of(record, "بن حلي"), _entity_of(record, "أحمد بن حلي")
    assert short.id == full.id


def test_a_fathers_name_after_bin_stays_apart(nlp):
    text = "وقال الشيخ أحمد بن خالد العتيبي إن الأمر واضح. وأضاف خالد العتيبي أن الحل قريب."
    record = extract(Article(text=text, published="2015-07-21", outlet="alriyadh"), nlp)
    assert _entity_of(record, "خالد العتيبي").id != _entity_of(record, "أحمد بن خالد العتيبي").id
