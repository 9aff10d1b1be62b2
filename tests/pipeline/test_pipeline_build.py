"""The pipeline: a spaCy Language whose Doc is the article exactly; failures become errors."""
import pytest
from spacy.language import Language

import marsad
from marsad.model import Article
from marsad.pipeline.build import STEPS, load, process, run
from marsad.schema import problems


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_load_returns_arabic_language_with_steps_in_order(nlp):
    assert isinstance(nlp, Language) and nlp.lang == "ar"
    assert tuple(nlp.pipe_names) == STEPS


def test_doc_text_and_offsets_are_the_original(nlp, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text
    sents = list(doc.sents)
    assert len(sents) > 20
    assert any(s.text.startswith("وأضاف:") for s in sents)


def test_extract_gives_valid_record_for_the_seed(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    record = marsad.extract(Article(text=text, id="seed", published="2023-09-13"))
    assert record.text == text and record.id == "seed"
    assert problems(record.to_dict()) == []


def test_a_failing_step_becomes_an_error_and_the_batch_goes_on():
    @Language.component("test_explodes")
    def explodes(doc):
        if "انفجار" in doc.text:
            raise RuntimeError("boom")
        return doc

    nlp = load(steps=STEPS + ("test_explodes",))
    records = list(process([Article(text="نص عادي"), Article(text="انفجار هنا", source="b.txt"),
                            Article(text="نص آخر")], nlp))
    assert [bool(r.errors) for r in records] == [False, True, False]
    err = records[1].errors[0]
    assert err.code == "step_failed" and "test_explodes" in err.message and "b.txt" in err.message


def test_unreadable_article_passes_through_with_its_errors(nlp):
    from marsad.model import ErrorInfo

    bad = Article(text="", source="x.jsonl:3", errors=[ErrorInfo("json_invalid", "x.jsonl:3: bad")])
    record = run(nlp, bad)
    assert record.errors[0].code == "json_invalid" and record.text == ""


def test_overlong_text_is_cut_and_says_so(nlp):
    text = "قال بوتين إن روسيا فخورة. " * 100
    record = run(nlp, Article(text=text, source="long.txt"), max_chars=500)
    assert record.text == text[:500] and record.id == Article(text=text).id  # id of the whole
    assert record.errors[0].code == "text_truncated"
    assert record.errors[0].message == (f"long.txt: the text has {len(text)} characters; the "
                                        f"first 500 were analysed and kept, the last "
                                        f"{len(text) - 500} dropped (--max-chars)")
    assert all(m.end <= 500 for e in record.entities for m in e.mentions)


def test_keep_hands_the_pipeline_to_the_permanent_generation():
    import gc

    from marsad.pipeline.build import keep

    nlp = load(steps=())
    threshold = gc.get_threshold()
    try:
        assert keep(nlp) is nlp and gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] >= 20_000 and gc.get_threshold()[1] >= 100
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_build_steps_are_found_through_entry_points_not_imports():
    """Every step is a spacy_factories entry point of the installed package; building the
    pipeline module imports none of the steps' packages (they register themselves)."""
    import subprocess
    import sys
    from importlib.metadata import entry_points

    assert set(STEPS) <= {ep.name for ep in entry_points(group="spacy_factories")}
    loaded = subprocess.run([sys.executable, "-c", "import sys, marsad.pipeline.build; "
                             "print(' '.join(m for m in sys.modules if m.startswith('marsad.')))"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert not [m for m in loaded if m.startswith(("marsad.entities", "marsad.quotes", "marsad.events"))]


def test_build_unknown_step_is_a_clear_error():
    from marsad.errors import MarsadError

    with pytest.raises(MarsadError, match="no pipeline step 'marsad_nonesuch'"):
        load(steps=("marsad_sentences", "marsad_nonesuch"))
