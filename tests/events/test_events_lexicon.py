"""The event lexicon: readable data files, verb and noun inflection, users' own rows."""
import pytest

from marsad.events.lexicon import (PLOVER_TYPES, EventLexiconError, load_event_lexicon, noun_forms,
                                   numbered_forms, verb_forms)
from marsad.text.normalize import normalize


@pytest.fixture(scope="module")
def lex():
    return load_event_lexicon()


def test_lexicon_covers_every_plover_type(lex):
    types = {f.entry.type for forms in lex.forms.values() for f in forms}
    assert types == PLOVER_TYPES


@pytest.mark.parametrize("word, tense", [
    ("التقى", "perf"), ("التقت", "perf"), ("التقيا", "perf"), ("التقوا", "perf"),  # met: m, f, dual, pl
    ("يلتقي", "impf"), ("تلتقي", "impf"), ("سيلتقي", "fut"), ("التقينا", "perf1"),
    ("دعت", "perf"), ("يدعون", "impf"), ("ندعو", "impf1"),  # called (on)
    ("حذّرت", "perf"), ("زرنا", "perf1"),  # warned; we visited
])
def test_lexicon_verb_forms_are_generated(lex, word, tense):
    assert any(f.tense == tense for f in lex.lookup(normalize(word)))


@pytest.mark.parametrize("word", ["زيارة", "الزيارة", "زيارتين", "اجتماعاً", "المحادثات", "اتصالا"])
def test_lexicon_noun_forms_are_generated(lex, word):
    assert lex.lookup(normalize(word))


def test_lexicon_verb_forms_of_a_defective_verb():
    forms = dict(verb_forms("دعا", "يدعو"))  # call
    assert forms[normalize("دعوا")] == "perf" and forms[normalize("يدعون")] == "impf"
    assert normalize("يدع") not in forms  # «يدع» (lets) is another verb


def test_lexicon_verb_forms_of_a_hamza_final_verb_are_sound():
    forms = dict(verb_forms("بدأ", "يبدأ"))  # began: its alif is a hamza's seat, not a defective verb's
    assert forms[normalize("بدأت")] == "perf" and forms[normalize("بدأوا")] == "perf"
    assert normalize("بدت") not in forms  # «بدت» (appeared) is another verb


def test_lexicon_light_verbs_of_a_geminate_take_a_pronoun_suffix(lex):
    assert {"light"} <= lex.kinds_of(normalize("شنه")) and {"light"} <= lex.kinds_of(normalize("شنها"))


def test_lexicon_noun_forms_keep_ta_marbuta_dual():
    assert normalize("زيارتان") in noun_forms("زيارة")


@pytest.mark.parametrize("kind, word", [("negation", "لم"), ("conditional", "إذا"), ("modal", "يريد"),
                                        ("speech", "قال"), ("stop", "وزارة")])
def test_lexicon_markers_are_loaded(lex, kind, word):
    assert lex.is_(kind, normalize(word))


def test_lexicon_users_rows_are_added(tmp_path):
    (tmp_path / "triggers.tsv").write_text(
        "# my triggers\nkind\tar\tthen\ttype\tmode\ttarget\tflags\ten\n"
        "verb\tقاطع يقاطع\t-\tSANCTION\tboycott\tobj\t-\tboycott\n", encoding="utf-8")
    lex = load_event_lexicon([tmp_path])
    assert [f.entry.type for f in lex.lookup(normalize("قاطعت"))] == ["SANCTION"]


def test_lexicon_bad_row_names_file_and_line(tmp_path):
    (tmp_path / "triggers.tsv").write_text(
        "kind\tar\tthen\ttype\tmode\ttarget\tflags\ten\nverb\tقاطع\t-\tBOYCOTT\t-\tobj\t-\tx\n",
        encoding="utf-8")
    with pytest.raises(EventLexiconError, match=r"triggers.tsv:2: 'BOYCOTT' is not a PLOVER type"):
        load_event_lexicon([tmp_path])


def test_event_lexicon_kinds_of_shares_one_set_per_combination():
    # «قال» said, «وقال» and said, «يقول» says: speech verbs; the memo holds one set for them
    lex = load_event_lexicon()
    kinds = [lex.kinds_of(normalize(w)) for w in ("قال", "وقال", "يقول")]
    assert "speech" in kinds[0] and kinds[0] == kinds[1] == kinds[2]
    assert kinds[0] is kinds[1] is kinds[2]


def test_lexicon_numbered_forms_are_dual_and_plural_only():
    forms = numbered_forms("استهدف يستهدف")
    assert {"استهدفا", "استهدفوا", "يستهدفون", "يستهدفان"} <= forms
    assert not {"استهدف", "استهدفت", "يستهدف", "تستهدف"} & forms  # singular: the subject may follow
    assert {"التقيا", "التقوا"} <= numbered_forms("التقى يلتقي") and "التقت" not in numbered_forms("التقى يلتقي")
