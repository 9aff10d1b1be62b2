"""outlets.tsv: an article's outlet and its home country, by name or by URL."""
from __future__ import annotations

import pytest

from marsad.lexicon.tsv import LexiconError
from marsad.lexicon.loader import Lexicon


@pytest.mark.parametrize("outlet, url, country", [
    ("okaz", None, "SAU"),
    ("OKAZ ", None, "SAU"),
    (None, "https://www.okaz.com.sa/news/local/2015", "SAU"),
    ("tishreen", None, "SYR"),
    (None, "http://aawsat.com/home/article/410391", "SAU"),
    ("unknown-outlet", "https://example.com/x", None),
    (None, "not a url", None),
    (None, "http://[::1", None),  # a malformed URL is no outlet, not an error
])
def test_outlets_find(outlet, url, country):
    found = Lexicon.load().outlets.find(outlet, url)
    assert (found.country if found else None) == country


def test_outlets_user_file_overrides_and_checks(tmp_path):
    (tmp_path / "outlets.tsv").write_text("outlet\tname_en\tcountry\tdomains\nokaz\tOkaz\tJOR\t\n",
                                          encoding="utf-8")
    assert Lexicon.load([tmp_path]).outlets.find("okaz").country == "JOR"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "outlets.tsv").write_text("outlet\tname_en\tcountry\nx\tX\tSaudi\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="outlets.tsv:2: country must be an alpha-3 code"):
        Lexicon.load([bad])
