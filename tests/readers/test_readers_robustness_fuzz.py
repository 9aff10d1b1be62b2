"""No reader input crashes: arbitrary bytes decode or are refused with a DecodeError, and
arbitrary markup or JSON lines give articles or error records."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.readers.encoding import decode
from marsad.readers.errors import DecodeError
from marsad.readers.html import html_article
from marsad.readers.jsonl import _line_article

FAST = settings(max_examples=150, deadline=None)


@FAST
@given(st.binary(max_size=600))
def test_readers_fuzz_decode_bytes(data: bytes) -> None:
    try:
        assert isinstance(decode(data).text, str)
    except DecodeError as exc:
        assert exc.code in ("binary", "encoding_unknown")


@FAST
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' pdivhtmlbody&;#x0ابت\n")), max_size=200))
def test_readers_fuzz_html_markup(page: str) -> None:
    article = html_article(page, "fuzz.html")
    assert article.text.strip() or article.errors


@FAST
@given(st.text(max_size=120))
def test_readers_fuzz_jsonl_line(line: str) -> None:
    article = _line_article(line, "fuzz.jsonl:1", None)
    assert article.text.strip() or article.errors
