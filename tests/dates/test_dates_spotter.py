"""The spotter tries some patterns only where they can match; it finds what a full scan finds."""
import pytest

from marsad.dates.spotter import default_spotter
from marsad.text.normalize import normalize


@pytest.mark.parametrize("text", [
    "في 2015-07-21 و13/9/2023 وب2015.7.1 ثم 3.5 بالمئة و1436/10/5هـ",  # numeric, glued to و/ب
    "عام 1436 هـ وسنة 1437هـ والعام 1438 للهجرة و1439 ه ومنذ 1440",  # Hijri years
    "في عام 2015 وخلال 2014 و2013 وبين عامي 2010 و2012 ومطلع عام 1999",  # years
    "لا أرقام هنا ولا سنوات",  # nothing to find
])
def test_spotter_finders_give_what_a_full_scan_gives(text, seed_path):
    for key in (normalize(text), normalize(seed_path.read_text(encoding="utf-8"))):
        for pattern, _, find in default_spotter()._patterns:
            assert [m.span() for m in find(pattern, key)] == [m.span() for m in pattern.finditer(key)]
