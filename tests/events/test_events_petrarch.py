"""PETRARCH verb dictionaries as event triggers: the reader on a small dictionary written
here, its errors (file and line), the CAMEO -> PLOVER table, loading from a --lexicon folder,
and the UniversalPetrarch Arabic dictionary from ../shared (read in place, never copied)."""
from __future__ import annotations

import pytest

from marsad.events.coder import EventCoder
from marsad.events.lexicon import PLOVER_TYPES, EventLexiconError, load_event_lexicon
from marsad.events.petrarch import (Known, PetrarchError, cameo_plover, guess_imperfect,
                                    parse_verb_dictionary)
from marsad.text.normalize import normalize

SAMPLE = """\
# a hand-written sample in the format of UniversalPetrarch's CAMEO.ar.0.4.txt
####### SYNONYM SETS #######
&MILITARY
+جيش_
+قوات_مسلحة_
_جنود+

####### VERB PATTERNS #######
--- ندد [---] ---
ندد+ب                    # denounce (someone): no code of its own
شجب            [111]     # condemn
- * (ل) [111] # «ندد ل»
- * إدانة [111]
- $ * (مع +) [045]
- حكومة * {حالة تأهب} [152]
- * (ب نار) (في $) [180]
- * (إلى بيان) [010]
- * &MILITARY [154]
- * (ل حد [154]
- * &UNDEFINED [154]
- * خطوة [---]

--- اختطف [181] ---
اختطف                    # abduct
خطف           [120]      # in a second block below with another type
رفض                       # a verb the built-in lexicon has

--- سحب [0874] ---
خطف                      # snatch: 0874 RETREAT here, 120 REJECT above
حول            [0874]    # «حول» (about) is no verb here
رتبة           [0874]    # a noun in «ة»
لم                        # two letters: a particle
"""


@pytest.fixture(scope="module")
def book():
    known = Known(triggers={normalize("رفض"), normalize("محادثات")}, markers={normalize("قال")},
                  defaults={"ACCUSE": (("obj", "ب"), ("embed",))})
    return parse_verb_dictionary(SAMPLE, "sample.verbs.txt", known)


def rows_of(book, verb):
    return [r for _, r in book.rows if r["ar"].split()[0] == normalize(verb)]


def test_petrarch_bare_verb_takes_its_code_and_a_guessed_imperfect(book):
    (row,) = [r for r in rows_of(book, "شجب") if not r["then"] and "pattern" not in r["en"]]
    assert (row["ar"], row["type"], row["flags"]) == ("شجب يشجب", "ACCUSE", "embed")
    assert row["target"].split()[0] == "obj"  # PETRARCH's target: the object first


def test_petrarch_verb_particle_is_its_target_preposition(book):
    # «ندد+ب» has no code of its own: its patterns give it one; its target follows «ب»
    assert {r["target"] for r in rows_of(book, "ندد") if r["type"] == "ASSAULT"} == {"ب obj"}


@pytest.mark.parametrize("then, target, plover", [
    ("", "ل", "ACCUSE"),  # «(ل)»: the pattern names the preposition of the target
    ("~ادانه|ادانات", None, "ACCUSE"),  # a word after the verb, with its plural
    ("", "مع", "CONSULT"),  # «$ * (مع +)»: the target after «مع»; the source is marsad's
    ("~حاله|حالات تاهب|تاهبه|تاهبات", None, "MOBILIZE"),  # a compound: its words in a row
    ("~نار|ناره|نارات", None, "ASSAULT"),  # «(ب نار)»: «ب» is read off «بالنار»
])
def test_petrarch_patterns_become_companions_and_targets(book, then, target, plover):
    rows = [r for r in rows_of(book, "ندد") if r["then"] == then and r["type"] == plover]
    assert rows, [(r["then"], r["target"], r["type"]) for r in rows_of(book, "ندد")]
    if target:
        assert rows[0]["target"] == target


def test_petrarch_synonym_sets_give_alternatives(book):
    (row,) = [r for r in rows_of(book, "شجب") if r["mode"] == "deployment"]
    words = set(row["then"].lstrip("~").split("|"))
    assert {"جيش", "قوات", "جنود"} <= words  # «قوات_مسلحة_» by its first word; «_جنود+» mirrored
    assert row["mode"] == "deployment"


def test_petrarch_counts_what_is_degraded_and_skipped(book):
    counts = book.counts
    assert counts["words before the verb dropped"] == 1
    assert counts["source phrases dropped"] == 1
    assert counts["patterns with unbalanced brackets skipped"] == 1
    assert counts["patterns with an undefined synonym set skipped"] == 1
    assert counts["patterns coded [---] skipped"] == 1
    assert counts["codes with no PLOVER type (01 statements): skipped"] == 1  # «(إلى بيان) [010]»
    assert counts["verbs the loaded lexicon already has: left to it"] == 1  # «رفض»
    assert counts["verbs spelt like a preposition or a noun in «ة» skipped"] == 2
    assert counts["verbs of fewer than 3 letters skipped"] == 1
    assert "sample.verbs.txt" in book.summary() and "e.g. line" in book.summary()


def test_petrarch_verb_with_codes_of_two_types_keeps_no_bare_row(book):
    assert book.counts["verbs with codes of several PLOVER types: bare rows dropped"] == 1
    assert not [r for r in rows_of(book, "خطف") if not r["then"]]
    assert [r["type"] for r in rows_of(book, "اختطف") if not r["then"]] == ["ASSAULT"]
    assert [r["mode"] for r in rows_of(book, "اختطف")] == ["abduction"]


def test_petrarch_pattern_word_that_is_a_known_trigger_is_left_to_it():
    text = "--- بدء [---] ---\nبدء\n- * محادثات [040]\n- * محادثات|اجتماع [040]\n"
    book = parse_verb_dictionary(text, "t.verbs.txt", Known(triggers={normalize("محادثات")}))
    assert book.counts["patterns on a word the loaded lexicon triggers on: left to it"] == 1
    assert not [r for _, r in book.rows if "محادثات" in r["then"]]


def test_petrarch_rows_differing_in_their_last_word_are_merged():
    text = "--- طلب [---] ---\nطلب\n- * صفح [0351]\n- * عفو [0351]\n- * عفو [0351]\n"
    book = parse_verb_dictionary(text)
    assert [r["then"] for _, r in book.rows] == ["~صفح|صفحه|صفحات|عفو|عفوه|عفوات"]
    assert book.counts["duplicate rows dropped"] == 1


@pytest.mark.parametrize("perfect, imperfect", [
    ("اجتمع", "يجتمع"), ("استقبل", "يستقبل"), ("ندد", "يندد"), ("تباحث", "يتباحث"),
    ("دعا", "يدعو"), ("رمى", "يرمي"), ("وصل", "يصل"), ("أرسل", "يرسل"),
    ("زار", None), ("أخذ", None),  # hollow; three-letter hamzated: the letters do not tell
])
def test_petrarch_guess_imperfect(perfect, imperfect):
    assert guess_imperfect(normalize(perfect)) == (imperfect and normalize(imperfect))


@pytest.mark.parametrize("text, message", [
    ("- * خطوة [111]\n", r"x.verbs.txt:1: pattern before any verb block"),
    ("--- ندد [---] ---\nندد\n- خطوة [111]\n", r"x.verbs.txt:3: pattern without «\*»"),
    ("--- ندد [---] ---\nندد\n- * خطوة\n", r"x.verbs.txt:3: pattern without a \[CODE\]"),
    ("--- ندد [abc] ---\n", r"x.verbs.txt:1: \[abc\] is not a CAMEO code"),
    ("--- ندد ---\n", r"x.verbs.txt:1: a verb block header is"),
    ("--- ندد [---] ---\nندد [111] [112]\n", r"x.verbs.txt:2: a verb line is"),
    ("\n+جيش_\n", r"x.verbs.txt:2: synonym «\+جيش_» before any &SET line"),
    ("ندد\n", r"x.verbs.txt:1: verb «ندد» before any verb block"),
    ("# nothing\n&SET\n+جيش\n", r"x.verbs.txt: no verb block"),
])
def test_petrarch_errors_name_file_and_line(tmp_path, text, message):
    (tmp_path / "x.verbs.txt").write_text(text, encoding="utf-8")
    with pytest.raises(EventLexiconError, match=message):
        load_event_lexicon([tmp_path])


def test_petrarch_not_utf8_is_an_error(tmp_path):
    (tmp_path / "x.verbs.txt").write_bytes("--- ندد [---] ---".encode("cp1256"))
    with pytest.raises(EventLexiconError, match=r"x.verbs.txt: not UTF-8"):
        load_event_lexicon([tmp_path])


def test_petrarch_parse_raises_its_own_error():
    with pytest.raises(PetrarchError, match=r"<text>:1: pattern before any verb block"):
        parse_verb_dictionary("- * x [111]\n")


# ---------------------------------------------------------------------- CAMEO -> PLOVER
@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(1, 21)])
def test_cameo_plover_covers_every_root_code(root):
    assert root in cameo_plover().rows


def test_cameo_plover_types_are_plover_types():
    types = {t for t, _ in cameo_plover().rows.values() if t is not None}
    assert types <= PLOVER_TYPES
    assert len(types) == 16  # every PLOVER type is reachable from some CAMEO code


@pytest.mark.parametrize("code, plover", [
    ("010", None), ("0213", "REQUEST"), ("042", "CONSULT"), ("1124", "ACCUSE"),
    ("0841", "CONCEDE"), ("0874", "RETREAT"), ("1712", "ASSAULT"), ("173", "COERCE"),
    ("1383", "THREATEN"), ("195", "ASSAULT"), ("2042", "ASSAULT"),
])
def test_cameo_plover_looks_up_by_longest_prefix(code, plover):
    assert cameo_plover().plover(code)[0] == plover


def test_cameo_plover_unknown_root_is_none():
    assert cameo_plover().plover("99") is None


# ---------------------------------------------------------------------- --lexicon folders
FOLDER_SAMPLE = """\
--- اشتكى [---] ---
اشتكى+من       [114]   # complain (about someone)
التقى          [040]   # meet: the built-in lexicon has it
"""


def test_petrarch_folder_adds_triggers_and_leaves_known_verbs(tmp_path):
    (tmp_path / "mine.verbs.txt").write_text(FOLDER_SAMPLE, encoding="utf-8")
    base, lex = load_event_lexicon(), load_event_lexicon([tmp_path])
    assert not base.lookup(normalize("اشتكت"))
    assert [f.entry.type for f in lex.lookup(normalize("اشتكت"))] == ["ACCUSE"]
    assert lex.lookup(normalize("يشتكون"))  # the guessed imperfect, inflected
    assert lex.lookup(normalize("التقت")) == base.lookup(normalize("التقت"))
    assert "mine.verbs.txt" in lex.notes[0] and "left to it: 1" in lex.notes[0]


def test_petrarch_other_txt_files_are_not_read(tmp_path):
    (tmp_path / "notes.txt").write_text("not a dictionary", encoding="utf-8")
    assert load_event_lexicon([tmp_path]).notes == ()


def test_petrarch_folder_codes_an_event(tmp_path):
    (tmp_path / "mine.verbs.txt").write_text(FOLDER_SAMPLE, encoding="utf-8")
    # the Yemeni government complained about Iran to the Security Council
    text = "اشتكت الحكومة اليمنية من إيران إلى مجلس الأمن."
    events = EventCoder([tmp_path])(text, "2015-08-01").events
    assert {(e.source.country, e.type, e.target.country) for e in events} == {("YEM", "ACCUSE", "IRN")}


# ---------------------------------------------------------------------- ../shared
@pytest.fixture(scope="module")
def shared_verbs(tmp_path_factory, request):
    shared = request.getfixturevalue("shared")
    source = shared / "data" / "petrarch_arabic_dicts" / "CAMEO.ar.0.4.txt"
    if not source.exists():
        pytest.skip(f"{source} not available")
    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "CAMEO.ar.verbs.txt").symlink_to(source)  # linked, never copied
    return folder


def test_petrarch_shared_dictionary_loads_with_counts(shared_verbs):
    lex = load_event_lexicon([shared_verbs])
    (note,) = lex.notes
    assert "patterns read: 2665" in note and "trigger rows" in note
    assert len(lex.forms) > len(load_event_lexicon().forms)


def test_petrarch_shared_dictionary_codes_a_sentence(shared_verbs):
    # the Yemeni government complained about Iran to the Security Council («اشتكى من»:
    # CAMEO 114 complain officially -> ACCUSE); the built-in lexicon has no such verb
    text = "اشتكت الحكومة اليمنية من إيران إلى مجلس الأمن."
    assert not EventCoder()(text, "2015-08-01").events
    events = EventCoder([shared_verbs])(text, "2015-08-01").events
    assert {(e.source.country, e.type, e.target.country) for e in events} == {("YEM", "ACCUSE", "IRN")}
