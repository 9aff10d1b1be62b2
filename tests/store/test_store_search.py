"""Search: folded Arabic, proclitics, safe query syntax, highlights in the original text."""
from __future__ import annotations

import pytest
from store_fixtures import SYNTH_TEXT, synthetic_record
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.store import ingest_records, open_store
from marsad.store.queries import Filters, search_articles
from marsad.store.search import find_hits, index_fields, parse_query, stripped_forms


@pytest.fixture(scope="module")
def dev(dev_db):
    conn = open_store(dev_db, readonly=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    conn = open_store(tmp_path_factory.mktemp("synth") / "s.db")
    ingest_records(conn, [synthetic_record()])
    yield conn
    conn.close()


@pytest.mark.parametrize("query, original", [
    ("الامبريالية", "الإمبريالية"),  # imperialism: hamza folded
    ("تحذر", "تحذّر"),  # warns: shadda removed
    ("روسيا", "روسيا"),  # Russia
    ("بوتين", "بوتين"),  # Putin
    ('"قمة بوتين"', "قمة"),  # a phrase: summit of Putin
])
def test_store_search_finds_seed(dev, query, original):
    page = search_articles(dev, query)
    hit = next(h for h in page.items if h.id == "seed-000")
    texts = [t for t, on in hit.snippet.segments() + hit.title_snippet.segments() if on]
    assert any(original in t for t in texts), texts  # «روسيا» may be marked in «لروسيا»


def test_store_search_proclitic_and_article(synth):
    for query in ("روسيا", "زيارة", "لروسيا"):  # Russia (text has «لروسيا»), visit («الزيارة»)
        page = search_articles(synth, query)
        assert [h.id for h in page.items] == ["synth-1"], query
    hit = search_articles(synth, "روسيا").items[0]
    marked = [t for t, on in hit.snippet.segments() if on]
    assert marked == ["لروسيا"]  # the original word, not the folded copy


def test_store_search_filters(synth):
    assert search_articles(synth, "موسكو", Filters(actor="RUS")).total == 1
    assert search_articles(synth, "موسكو", Filters(actor="PRK")).total == 1  # event target
    assert search_articles(synth, "موسكو", Filters(actor="USA")).total == 0
    assert search_articles(synth, "", Filters(actor="لافروف")).total == 1
    assert search_articles(synth, "", Filters(actor="Lavrov")).total == 1
    assert search_articles(synth, "", Filters(type="support")).total == 1
    assert search_articles(synth, "", Filters(type="ASSAULT")).total == 0
    assert search_articles(synth, "", Filters(since="2023-09-14", until="2023-09-14")).total == 1
    assert search_articles(synth, "", Filters(since="2023-09-15")).total == 0
    assert search_articles(synth, "", Filters(outlet="synthetic")).total == 1


@pytest.mark.parametrize("query", ['"', '" OR 1', "*", "NEAR(a b)", "a:b", "(", "^", "-x",
                                   "'; DROP TABLE articles; --", "<script>alert(1)</script>",
                                   "AND", "\x00", "ـــ", "\u064b"])
def test_store_search_user_text_never_breaks_the_query(synth, query):
    search_articles(synth, query)
    assert synth.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_store_search_any_text_is_safe(query):
    conn = _hypo_store()
    page = search_articles(conn, query)
    for hit in page.items:
        for a, b in hit.snippet.highlights:
            assert 0 <= a < b <= len(hit.snippet.text)


_CONN = []


def _hypo_store():
    if not _CONN:
        conn = open_store(":memory:")
        ingest_records(conn, [synthetic_record()])
        _CONN.append(conn)
    return _CONN[0]


def test_store_search_index_fields_fold_and_split():
    title, body, extra = index_fields("واشنطن تحذّر", SYNTH_TEXT)
    assert title.split() == ["واشنطن", "تحذر"]
    assert {"لروسيا", "روسيا"} <= set(body.split() + extra.split())
    assert stripped_forms("بالصين") == {"الصين", "صين"}  # in China → China
    assert stripped_forms("للولايات") == {"الولايات", "ولايات"}  # to the States


def test_store_search_hits_index_original_text():
    text = "قمة بوتين – كيم: «ضد الإمبريالية» ولروسيا"
    hits = find_hits(text, parse_query("الامبريالية روسيا"))
    assert [text[a:b] for a, b in hits] == ["الإمبريالية", "ولروسيا"]


def _index_fields_by_token_spans(title, text):
    """The index columns as computed from the tokenizer's spans (the definition that
    index_fields computes faster through word_keys)."""
    import re

    from marsad.store.search import search_fold, seats_folded
    from marsad.text.tokenize import CLITIC, PUNCT, SPACE, token_spans

    def words(t):
        return [w for _, _, kind, norm, _ in token_spans(seats_folded(t))
                if kind not in (CLITIC, PUNCT, SPACE) for w in re.findall(r"\w+", norm)]

    title_words, body_words = words(title or ""), words(text)
    extra = set()
    for word in set(re.findall(r"\w+", search_fold((title or "") + " " + text))):
        extra |= {word} | stripped_forms(word)
    extra -= set(title_words) | set(body_words)
    return " ".join(title_words), " ".join(body_words), " ".join(sorted(extra))


def test_index_fields_equal_the_index_of_the_tokenizer_spans(saudinewsnet_dir):
    import json
    import zipfile

    path = sorted(saudinewsnet_dir.glob("*.zip"))[1]
    with zipfile.ZipFile(path) as z:
        articles = json.loads(z.read(z.namelist()[0]))[:200]
    articles.append({"title": "مسئول ومسؤولون", "content": "وقال المسئول لروسيا: «التعاون»... 2023/9/13 O'Neil x_y"})
    for a in articles:
        title, text = a.get("title"), a.get("content") or ""
        assert index_fields(title, text) == _index_fields_by_token_spans(title, text)
