"""Limits on one article: size and time. Nothing hangs the batch, nothing is lost."""
import time

from spacy.language import Language

from marsad.model import Article
from marsad.pipeline.build import STEPS, load, process


@Language.component("test_slow")
def slow(doc):
    if "بطيء" in doc.user_data["text"]:  # "slow"
        time.sleep(5)
    return doc


def test_article_over_time_limit_keeps_earlier_results_and_batch_goes_on():
    nlp = load(steps=("marsad_sentences", "marsad_dates", "test_slow", "marsad_actors"), time_limit=0.5)
    started = time.perf_counter()
    records = list(process([Article(text="نص بطيء جدا أمس", id="slow", published="2023-09-13"),
                            Article(text="زار بوتين الصين أمس.", id="fast", published="2023-09-13")], nlp))
    assert time.perf_counter() - started < 4
    slow_record, fast_record = records
    assert [e.code for e in slow_record.errors] == ["time_limit"]
    assert "test_slow" in slow_record.errors[0].message and "slow" in slow_record.errors[0].message
    assert slow_record.dates and not slow_record.entities  # dates ran before, actors were skipped
    assert not fast_record.errors and fast_record.entities


def test_size_limit_comes_from_load():
    nlp = load(steps=STEPS, max_chars=1000)
    text = "قال الرئيس فلاديمير بوتين إن روسيا فخورة. " * 100
    (record,) = process([Article(text=text, id="long")], nlp)
    assert record.text == text[:1000] and record.errors[0].code == "text_truncated"
    assert record.meta["text_chars"] == len(text) and str(len(text)) in record.errors[0].message
    assert all(m.end <= 1000 for e in record.entities for m in e.mentions)
