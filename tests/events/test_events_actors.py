"""Actor candidates: spans already taken by lexicon mentions."""
from __future__ import annotations

import random

from marsad.events.actors import Taken


def test_actors_taken_answers_as_a_scan_of_every_span():
    rng = random.Random(3)
    spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 500) for _ in range(60))]
    spans.append((100, 400))  # one long span holding others: its end must still count
    taken = Taken(spans)
    for _ in range(2000):
        s = rng.randint(0, 520)
        e = s + rng.randint(1, 12)
        assert taken.overlaps(s, e) == any(a < e and s < b for a, b in spans)


def test_actors_taken_touching_is_no_overlap():
    taken = Taken([(10, 20)])
    assert not taken.overlaps(20, 25) and not taken.overlaps(5, 10)
    assert taken.overlaps(19, 21) and not Taken([]).overlaps(0, 100)


def test_actors_one_entity_over_two_names_of_two_countries_names_neither():
    # the entities step read «وزارة الدفاع الصينية الولايات المتحدة» (the Chinese defence ministry
    # accused the United States) as one name: neither lexicon mention takes that entity
    from types import SimpleNamespace
    from marsad.events.actors import link_to_entities, mentions_from_lexicon
    from marsad.lexicon.loader import Lexicon
    text = "اتهمت وزارة الدفاع الصينية الولايات المتحدة بمحاولة اختراق مواقع عسكرية."
    start = text.index("وزارة")
    end = text.index(" بمحاولة")
    entity = SimpleNamespace(id="e1", mentions=[SimpleNamespace(start=start, end=end, field=None)])
    linked = link_to_entities(mentions_from_lexicon(text, Lexicon.load([])), [entity])
    assert [(m.country, m.entity) for m in linked] == [("CHN", None), ("USA", None)]


def test_actors_a_state_named_in_full_is_never_a_nationality_adjective():
    # «الإغاثة السعودية»: Saudi, the adjective; «وشكر الحساينة المملكة العربية السعودية»: the
    # Kingdom itself, thanked (after a surname that looks like a definite noun)
    from marsad.events.actors import Mention, attributive

    def mention(text, name):
        start = text.index(name)
        return Mention(start, start + len(name), start, name, "SAU", "GOV", "country")

    text = "حملات الإغاثة السعودية في اليمن"
    assert attributive(text, mention(text, "السعودية"))
    text = "وشكر الحساينة المملكة العربية السعودية وقطر"
    assert not attributive(text, mention(text, "المملكة العربية السعودية"))


def test_actors_a_lexicon_person_inside_a_longer_name_is_that_name():
    # «بن علي» (Tunisia's president in the lexicon) inside «حمد بن علي العطية», a Qatari
    # officer the entities step placed: the mention takes the entity's country
    from types import SimpleNamespace
    from marsad.events.actors import link_to_entities, mentions_from_lexicon
    from marsad.lexicon.loader import Lexicon
    text = "استقبل ولي العهد وزير الدولة لشؤون الدفاع اللواء حمد بن علي العطية."
    start = text.index("حمد بن علي")
    end = start + len("حمد بن علي العطية")
    entity = SimpleNamespace(id="e1", label="PER", country="QAT", sector="MIL",
                             mentions=[SimpleNamespace(start=start, end=end, field=None)])
    linked = [m for m in link_to_entities(mentions_from_lexicon(text, Lexicon.load([])), [entity])
              if m.entity == "e1"]
    assert linked and all(m.country == "QAT" for m in linked)
