"""Random bytes and mutated real pages through every reader and then the pipeline: no
exception escapes, every article has text or errors, every record is valid marsad/1."""
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.pipeline.build import load, process
from marsad.readers import read
from marsad.schema import problems

EXTENSIONS = ["txt", "jsonl", "json", "html", "rss", "atom", "warc", "warc.gz"]


@pytest.fixture(scope="module")
def nlp():
    return load()


def through_everything(nlp, path):
    articles = list(read([str(path)]))
    for article in articles:
        assert article.text or article.errors
    for record in process(articles, nlp):
        assert problems(record.to_dict()) == []


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=800), st.sampled_from(EXTENSIONS))
def test_fuzz_random_bytes_every_reader(nlp, tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("fuzz") / f"input.{ext}"
    path.write_bytes(data)
    through_everything(nlp, path)


def test_fuzz_mutated_seed_page(nlp, tmp_path, seed_html):
    rng = random.Random(4242)
    pieces = ["<", ">", "</p>", "<div>", "&amp;", "&#x", "\x00", "«", "»", '"', "\ud800", "</html>",
              "<script>", "<!--", "]]>", "\n"]
    for n in range(40):
        chars = list(seed_html)
        for _ in range(rng.randint(1, 60)):
            i = rng.randrange(len(chars))
            if rng.random() < 0.5:
                del chars[i:i + rng.randint(1, 200)]
            else:
                chars.insert(i, rng.choice(pieces))
        page = tmp_path / f"page{n}.html"
        page.write_bytes("".join(chars).encode("utf-8", "surrogatepass"))
        through_everything(nlp, page)
