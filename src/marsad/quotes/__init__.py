"""Quotes: speech cues, quotation marks, quote content and the speaker phrase.

``find_quotes(text)`` (in :mod:`marsad.quotes.finder`) is the entry point.
"""
