"""Lexicons (countries, people, organisations, titles, places) and dictionary matching.

Data files live in ``data/``; see ``docs/lexicons.md``. Nothing is loaded at import time:
call ``Lexicon.load()``.
"""
from marsad.lexicon.loader import Lexicon
from marsad.lexicon.matcher import Match, Matcher, name_key
from marsad.lexicon.tsv import LexiconError

__all__ = ["Lexicon", "LexiconError", "Match", "Matcher", "name_key"]
