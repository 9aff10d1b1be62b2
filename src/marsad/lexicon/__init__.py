"""Lexicons (countries, people, organisations, titles, places) and dictionary matching.

Data files live in ``data/``; see ``docs/lexicons.md``. Nothing is loaded at import time:
call ``Lexicon.load()``.
"""
from marsad.lexicon._tsv import LexiconError
from marsad.lexicon.loader import Lexicon
from marsad.lexicon.matcher import Match, Matcher, name_key

__all__ = ["Lexicon", "LexiconError", "Match", "Matcher", "name_key"]
