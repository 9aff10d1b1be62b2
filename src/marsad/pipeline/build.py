"""Build the marsad pipeline and run it over articles.

:func:`load` spells out the order of the steps. :func:`process` runs them one article at a
time, so a failure in one article becomes an error on its record and the batch goes on.
"""
from __future__ import annotations

import gc
import traceback
from itertools import islice
from functools import lru_cache
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from marsad.errors import MarsadError
from marsad.lexicon.loader import Lexicon
from marsad.model import Article, ErrorInfo, Record
from marsad.pipeline.extensions import register
from marsad.pipeline.limits import ArticleTimeout, bound_text, deadline
from marsad.pipeline.record import to_record
from marsad.pipeline.tokenizer import MarsadTokenizer

# The steps, in order. Each name is a spaCy component registered in its own module, which
# spaCy imports through the package's ``spacy_factories`` entry points (pyproject.toml):
# this module imports none of them.
STEPS = ("marsad_sentences", "marsad_dates", "marsad_ner", "marsad_actors", "marsad_quotes", "marsad_events")
# Steps that take the user's lexicon folders in their config.
_LEXICON_STEPS = {"marsad_actors", "marsad_events"}

TITLE_SEPARATOR = "\n\n"
DEFAULT_MAX_CHARS = 200_000  # longer texts are cut to this (limits.bound_text), the record says so
ZONE = 256  # articles per vocabulary memory zone (see process): 64 made the tokenizer 15 % slower
DEFAULT_TIME_LIMIT = 30.0  # seconds of analysis per article before its remaining steps are dropped


def load(steps: Iterable[str] = STEPS, known_words: Iterable[str] = (),
         lexicon_dirs: Iterable[str] = (), max_chars: int = DEFAULT_MAX_CHARS,
         time_limit: Optional[float] = DEFAULT_TIME_LIMIT) -> Language:
    """A spaCy ``Language`` for Arabic with marsad's tokenizer and components.

    ``steps`` selects components (default: all, in order); ``known_words`` are extra
    normalised words that proclitics may be split from; ``lexicon_dirs`` are folders of the
    user's own lexicon files, added to the built-in ones. ``max_chars`` and ``time_limit``
    (seconds, None for none) bound the work on one article (see :func:`run`).
    """
    lexicon_dirs = [str(d) for d in lexicon_dirs]
    register()
    nlp = spacy.blank("ar")
    nlp.meta["marsad"] = {"max_chars": max_chars, "time_limit": time_limit}
    known = set(known_words) | clitic_hosts(Lexicon.load(lexicon_dirs))
    nlp.tokenizer = MarsadTokenizer(nlp.vocab, known=known)
    for name in steps:
        if not nlp.has_factory(name):
            raise UnknownStepError(f"no pipeline step {name!r} (marsad's are {', '.join(STEPS)}; "
                                   "spaCy finds them through the installed package: pip install -e .)")
        config = {"lexicon_dirs": lexicon_dirs} if name in _LEXICON_STEPS else {}
        nlp.add_pipe(name, config=config)
    return nlp


class UnknownStepError(MarsadError, ValueError):
    """:func:`load` was asked for a step no installed package registers."""


def clitic_hosts(lexicon: Lexicon) -> set[str]:
    """Normalised words a proclitic may be split from: every lexicon name's first word
    («لروسيا» → ل + روسيا; «للولايات المتحدة» → ل + الولايات), but not those of weak
    places (the compiled towns: «بلاتر» is Blatter, not ب + the Indian town «لاتر»)."""
    from marsad.lexicon.matcher import name_key
    from marsad.lexicon.places import Place

    return {name_key(name).split(" ", 1)[0] for name, record in lexicon.entries()
            if not (isinstance(record, Place) and "weak" in record.flags)}


GC_YOUNG = 20_000  # allocations between young-generation collections once a pipeline is kept
GC_MIDDLE = 100  # young collections between two of the middle generation (Python's default: 10)


def keep(nlp: Language) -> Language:
    """Mark ``nlp`` — with its lexicons, tables and models, everything allocated so far — as
    permanent for Python's garbage collector (``gc.freeze``), and return it. For a process
    that keeps one pipeline until it ends: the collector's full passes otherwise walk these
    few hundred thousand objects again and again (about 2 ms an article). The young
    generation is also collected every ``GC_YOUNG`` allocations instead of 700: an article
    makes tens of thousands of short-lived objects, few of them in cycles (2-3% faster).
    The middle generation is collected every ``GC_MIDDLE`` young collections instead of 10:
    what a young collection finds alive is mostly the article being analysed, gone by refcount
    soon after, and walking it again cost 0.09 s of 0.19 s of collections over 500 articles
    (docs/watch.md, session 13)."""
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG), max(middle, GC_MIDDLE), old)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The default pipeline, built once per process."""
    return keep(load())


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise the article into a Doc carrying the article. The title, when there is one,
    comes first, followed by a blank line, so that a name in the title and in the body is
    one entity; ``doc.user_data["body_start"]`` is where the body begins. The record maps
    every span back to the title or the body (see :mod:`marsad.pipeline.record`)."""
    title = article.title or ""
    prefix = title + TITLE_SEPARATOR if title.strip() else ""
    text = prefix + article.text
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text
    doc.user_data["body_start"] = len(prefix)
    doc._.article = article
    doc._.errors = []
    return doc


def run(nlp: Language, article: Article, max_chars: Optional[int] = None) -> Record:
    """Run every step on one article and return its record. Never raises for the article's
    sake: a failing step is recorded in ``errors`` and the remaining steps still run.

    Limits (from :func:`load`): a text longer than ``max_chars`` is cut to its first
    ``max_chars`` characters, analysed and kept (``text_truncated``, see
    :func:`~marsad.pipeline.limits.bound_text`); an article still being analysed after
    ``time_limit`` seconds keeps what the finished steps found and its remaining steps are
    skipped (``time_limit``).
    """
    if article.errors and not article.text:
        return Record.from_article(article)  # nothing to analyse: the reader said why
    limits = nlp.meta.get("marsad", {})
    article = bound_text(article, max_chars or limits.get("max_chars") or DEFAULT_MAX_CHARS)
    return _analyse(nlp, article, limits.get("time_limit"))


def _analyse(nlp: Language, article: Article, time_limit: Optional[float]) -> Record:
    step = "tokenizer"
    notes: list[ErrorInfo] = []
    with deadline(time_limit) as timer:
        try:
            doc = make_doc(nlp, article)
            for step, proc in nlp.pipeline:
                try:
                    doc = proc(doc)
                except ArticleTimeout:
                    raise
                except Exception as exc:  # noqa: BLE001 - one article must never stop the batch
                    doc._.errors.append(_failure(step, article, exc))
        except ArticleTimeout:
            notes.append(ErrorInfo("time_limit", f"{article.source or article.id}: analysis "
                                   f"stopped after {timer.seconds:g} s in step {step}; later "
                                   "steps skipped", article.source))
            if step == "tokenizer":
                return _with_errors(article, notes)
        except Exception as exc:  # noqa: BLE001 - the tokenizer itself failed
            return _with_errors(article, [*notes, _failure(step, article, exc)])
    record = to_record(doc)
    at = len(article.errors)  # after the reader's (and the size limit's), before the steps'
    record.errors[at:at] = notes
    return record


def _with_errors(article: Article, errors: list[ErrorInfo]) -> Record:
    record = Record.from_article(article)
    record.errors.extend(errors)
    return record


def _failure(step: str, article: Article, exc: Exception) -> ErrorInfo:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    return ErrorInfo("step_failed", f"{article.source or article.id}: step {step} failed: "
                     f"{type(exc).__name__}: {exc}{at}", article.source)


def process(articles: Iterable[Article], nlp: Optional[Language] = None) -> Iterator[Record]:
    """Records for ``articles``, in input order.

    Every ``ZONE`` articles, the strings and lexemes they added to the vocabulary are freed
    (spaCy's memory zones), so memory stays flat over millions of articles while words
    repeated within a zone are looked up once."""
    nlp = nlp or default_nlp()
    articles = iter(articles)
    while True:
        chunk = list(islice(articles, ZONE))
        if not chunk:
            return
        with nlp.memory_zone():
            records = [run(nlp, article) for article in chunk]
        yield from records


def extract(article: Article, nlp: Optional[Language] = None) -> Record:
    """The marsad/1 record of one article."""
    return next(process([article], nlp))

