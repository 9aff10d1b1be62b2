"""PETRARCH actor dictionaries: entries, synonyms, CAMEO codes and date restrictions."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.lexicon import Lexicon, LexiconError, Matcher
from marsad.lexicon.petrarch import load_agents, load_petrarch, parse_agents, parse_petrarch, split_code

SAMPLE = """\
# a hand-written sample in the PETRARCH format
فلاديمير_بوتين_  [RUSGOV]
+بوتين_
حماس
\t[PSEREB >19870101]
نوري_المالكي_
\t[IRQGOV 20060520-20140908]
\t[IRQELI 20140908-18000101]
جيش  [MIL]
اتحاد_أفريقي_  [IGO]
أمانة  [IGOGOV <20100101]
بلا_رمز_
"""


def test_petrarch_sample_entries():
    actors = {a.key: a for a in parse_petrarch(SAMPLE)}
    assert set(actors) == {"فلاديمير بوتين", "حماس", "نوري المالكي", "جيش", "اتحاد أفريقي", "أمانة"}
    putin = actors["فلاديمير بوتين"]
    assert putin.names == ("فلاديمير بوتين", "بوتين")
    assert (putin.country, putin.sector, putin.terms[0].code) == ("RUS", "GOV", "RUSGOV")


def test_petrarch_sample_dates():
    actors = {a.key: a for a in parse_petrarch(SAMPLE)}
    hamas = actors["حماس"].terms[0]
    assert (hamas.country, hamas.sector, hamas.start, hamas.end) == ("PSE", "REB", date(1987, 1, 1), None)
    maliki = actors["نوري المالكي"]
    assert [(t.sector, t.start, t.end) for t in maliki.terms] == [
        ("GOV", date(2006, 5, 20), date(2014, 9, 8)), ("ELI", date(2014, 9, 8), None)]
    assert maliki.term_at(2010).sector == "GOV"
    assert maliki.term_at(date(2014, 10, 1)).sector == "ELI"
    assert actors["أمانة"].terms[0].end == date(2010, 1, 1)


@pytest.mark.parametrize(("code", "expected"), [
    ("RUSGOV", ("RUS", "GOV")),
    ("MIL", (None, "MIL")),
    ("IGO", ("IGO", "IGO")),
    ("IGOGOV", ("IGO", "GOV")),
    ("PSECVLELI", ("PSE", "CVL")),
    ("SYR", ("SYR", None)),
])
def test_petrarch_split_code(code, expected):
    assert split_code(code) == expected


def test_petrarch_synonym_first_is_an_error():
    with pytest.raises(LexiconError, match="synonym before any entry"):
        parse_petrarch("+بوتين_\n")


def test_petrarch_entries_feed_the_matcher():
    actors = parse_petrarch(SAMPLE)
    matcher = Matcher((n, a) for a in actors for n in a.names)
    found = matcher.find("وقال بوتين إن حماس")
    assert [(m.text, m.entry.country) for m in found] == [("بوتين", "RUS"), ("حماس", "PSE")]


def test_petrarch_real_arabic_dictionary(shared):
    path = shared / "data" / "petrarch_arabic_dicts" / "actor_dict_ar_v4.txt"
    if not path.exists():
        pytest.skip(f"{path} not available")
    with pytest.warns(UserWarning, match="unreadable codes"):
        actors = load_petrarch(path)
    assert len(actors) > 5000
    assert sum(len(a.terms) for a in actors) > 6500
    by_key = {a.key: a for a in actors}
    assert by_key["حماس"].country == "PSE"


# ---------------------------------------------------------------------- agent dictionaries
AGENTS = """\
# a hand-written sample in the format of UniversalPetrarch's agents.all.ar_v3.txt
متمرد [~REB]
لاجئ [~REF]
جيش_تحرير [~REB]
حكومة_مؤقتة {حكومات_مؤقتة} [~GOV]
منظمة_دولية [IGO~]
قائد_عام_ل_جيش [~MIL قائد عام ل جيش ]
فلاح [~AGR]
"""


def test_petrarch_agents_are_titles_of_their_sector():
    with pytest.warns(UserWarning, match=r"\[CODE text\] 1, AGR 1"):
        titles = {t.name: t for t in parse_agents(AGENTS, "a.agents.txt")}
    # rebel: with «ال» and in the sound plurals, never bare (a bare singular is often a verb)
    assert {"المتمرد", "متمردون", "المتمردين"} <= set(titles) and "متمرد" not in titles
    assert (titles["المتمردين"].sector, titles["المتمردين"].complement) == ("REB", "country")
    assert titles["جيش تحرير"].sector == "REB" and "الجيش تحرير" in titles
    assert titles["حكومات مؤقتة"].sector == "GOV"  # the {plural}
    assert titles["منظمة دولية"].sector == "IGO"  # «[IGO~]»: the code before the actor's
    assert titles["قائد عام ل جيش"].sector == "MIL"  # «[~MIL text]»: read as [~MIL]
    assert not [t for t in titles.values() if "فلاح" in t.name]  # AGR: no marsad sector


def test_petrarch_agent_line_without_code_names_file_and_line():
    with pytest.raises(LexiconError, match=r"a.agents.txt:2: an agent line is"):
        parse_agents("متمرد [~REB]\nلاجئ\n", "a.agents.txt")


def test_petrarch_agents_folder_adds_titles_shipped_ones_win(tmp_path):
    (tmp_path / "mine.agents.txt").write_text("متمرد [~REB]\nرئيس [~MIL]\n", encoding="utf-8")
    lexicon = Lexicon.load([tmp_path])
    by_name = {t.name: t for t in lexicon.titles}
    assert by_name["المتمردين"].sector == "REB"
    assert by_name["الرئيس"].sector == "GOV"  # the shipped title, not the agent's MIL
    # Syrian rebels: the agent takes the nationality after it, as «الجيش السوري» does
    found = lexicon.matcher(["countries", "titles"]).find("وقال المتمردين السوريين")
    assert [m.text for m in found] == ["المتمردين", "السوريين"]


def test_petrarch_real_agent_dictionary(shared):
    path = shared / "data" / "petrarch_arabic_dicts" / "agents.all.ar_v3.txt"
    if not path.exists():
        pytest.skip(f"{path} not available")
    with pytest.warns(UserWarning, match="agents skipped or read in part"):
        titles = load_agents(path)
    assert len(titles) > 3000
    assert {t.sector for t in titles} >= {"GOV", "MIL", "REB", "OPP", "CVL", "REF"}
