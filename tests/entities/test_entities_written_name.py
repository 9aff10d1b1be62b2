"""An entity's name restores the «ال» that «لل» elides («للمملكة» = ل + المملكة), and leaves a
name that starts with «ل» alone («للندن» = ل + لندن); mention offsets stay exact."""
from __future__ import annotations

from marsad.entities.component import written_name
from marsad.entities.mentions import NameMention
from marsad.model import Article
from marsad.pipeline.build import load, run


def _mention(text: str, name: str) -> NameMention:
    start = text.rindex(name)
    return NameMention(start, start + len(name), name, "ORG", "ner")


def test_written_name_restores_the_article_when_the_text_has_it():
    text = "وقدمت الحكومة خطة، وقال الوزير للحكومة إن"
    m = _mention(text, "لحكومة")
    assert written_name(m, text) == "الحكومة"


def test_written_name_restores_the_article_when_the_lexicon_knows_it():
    text = "وصل الوزير للمملكة العربية السعودية أمس"
    m = _mention(text, "لمملكة العربية السعودية")
    known = {"المملكة العربية السعودية"}
    assert written_name(m, text, lambda name: ("x",) if name in known else ()) == "المملكة العربية السعودية"


def test_written_name_keeps_a_name_that_starts_with_lam():
    text = "وسافر الوزير للندن أمس"
    m = _mention(text, "لندن")
    known = {"لندن"}
    assert written_name(m, text, lambda name: ("x",) if name in known else ()) == "لندن"


def test_pipeline_entity_name_after_lil():
    text = "وصل الرئيس المصري للمملكة العربية السعودية في زيارة رسمية، وقال إن العلاقات متينة."
    record = run(load(), Article(text=text, id="lil", published="2015-08-04")).to_dict()
    names = {e["name"] for e in record["entities"]}
    assert "المملكة العربية السعودية" in names and "لمملكة العربية السعودية" not in names
    for e in record["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_a_bin_alias_inside_a_longer_name_is_another_mans_lineage():
    # «بن مبارك» (a Yemeni minister's alias in the lexicon) inside «محمد بن مبارك بن عبدالله
    # الدوسري», and «بن نايف» inside «سليمان بن نايف الكثيري»: other men, not those the aliases name
    text = ("وقال المتحدث سليمان بن نايف الكثيري إن الأمير محمد بن نايف استقبل الدكتور "
            "محمد بن مبارك بن عبدالله الدوسري في جدة.")
    record = run(load(), Article(text=text, id="nasab", published="2015-08-11")).to_dict()
    by_name = {e["name"]: e for e in record["entities"]}
    assert by_name.get("محمد بن مبارك بن عبدالله الدوسري", {}).get("name_en") != "Ahmed Awad bin Mubarak"
    kathiri = by_name.get("سليمان بن نايف الكثيري")
    assert kathiri is None or all("محمد بن نايف" not in m["text"] for m in kathiri["mentions"])
