"""What the steps share through the Doc: the folded text, worked out once."""
import spacy

from marsad.dates.spotter import default_spotter
from marsad.lexicon.loader import Lexicon
from marsad.pipeline.extensions import folded_of
from marsad.pipeline.tokenizer import MarsadTokenizer
from marsad.text.normalize import normalize_with_map


def test_folded_of_is_worked_out_once_and_matches_by_it_are_the_same(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    doc = MarsadTokenizer(spacy.blank("ar").vocab)(text)
    folded = folded_of(doc)
    assert folded == normalize_with_map(text) and folded_of(doc) is folded
    matcher = Lexicon.load([]).matcher()
    assert matcher.find(text, folded) == matcher.find(text)
    assert default_spotter().spot(text, folded) == default_spotter().spot(text)
