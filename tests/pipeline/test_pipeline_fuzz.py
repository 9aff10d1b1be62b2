"""Property tests: whatever the text, the pipeline gives a valid marsad/1 record whose
offsets index the text, and no exception escapes."""
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import Article
from marsad.pipeline.build import load, run
from marsad.schema import problems

ARABIC_PIECES = ["قال", "بوتين", "«", "»", "“", "”", '"', "{", "}", ":", "،", ".", "..", "؟", "\n",
                 "إن", "أن", "وأضاف", "أمس", "اليوم", "الرئيس", "لروسيا", "واشنطن", "حذرت", "من",
                 "ـ", "ً", "\u200f", "ﻻ", "١٣", "سبتمبر", "2023", " ", "  ", "\t", "\ud800", "\x00"]


@pytest.fixture(scope="module")
def nlp():
    return load()


def check(nlp, text, title=None, published="2023-09-13"):
    record = run(nlp, Article(text=text, title=title, published=published, id="fuzz"))
    assert record.text == text
    assert problems(record.to_dict()) == []
    assert not [e for e in record.errors if e.code == "step_failed"], record.errors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_pipeline_random_unicode(nlp, text):
    check(nlp, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(ARABIC_PIECES), max_size=80).map("".join),
       st.one_of(st.none(), st.text(max_size=40)))
def test_pipeline_arabic_fragments(nlp, text, title):
    check(nlp, text, title)


def test_pipeline_mutated_real_articles(nlp, dev_path):
    import json

    rng = random.Random(20231013)
    texts = [json.loads(line)["text"] for line in dev_path.read_text(encoding="utf-8").splitlines()]
    tried = 0
    for text in texts:
        for _ in range(6):
            chars = list(text)
            for _ in range(rng.randint(1, 40)):
                i = rng.randrange(len(chars) + 1)
                op = rng.random()
                if op < 0.4 and i < len(chars):
                    del chars[i]
                elif op < 0.8:
                    chars.insert(i, rng.choice(ARABIC_PIECES))
                else:
                    chars[i:i] = chars[rng.randrange(len(chars)):][:rng.randint(1, 30)]
            check(nlp, "".join(chars))
            tried += 1
    assert tried == 6 * len(texts)
