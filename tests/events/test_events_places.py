"""Where an event happened: the place the pipeline attaches to it (issue #23)."""
import pytest

from marsad.model import Article
from marsad.pipeline.build import run


@pytest.mark.parametrize("text, place", [
    ("اعتقلت قوات الاحتلال الإسرائيلي خمسة شبان في بلدة بيت أمر شمال الخليل.", "بيت أمر"),  # «في بلدة X»
    ("قصفت الطائرات الروسية أمس مواقع المعارضة في ريف حلب.", "حلب"),  # «في ريف X»
])
def test_events_places_behind_a_settlement_noun(nlp, text, place):
    # «بلدة», «ريف», «مديرية»...: the place after such a noun is where the event happened
    record = run(nlp, Article(text=text, published="2015-08-01"))
    assert record.events and record.events[0].place is not None
    assert record.events[0].place.name == place


def test_events_places_weak_town_is_no_place_unconfirmed(nlp):
    # «فرح» is an Afghan town and "joy": only a place entity makes it the town
    record = run(nlp, Article(text="عبر الحضور عن فرح كبير بالنتيجة في بيشة.", published="2015-08-01"))
    assert "AFG" not in {p.country for p in record.places}
