"""Annotation: an Article in, an AnalyzedArticle out (actors, mentions, quotes, events, dates).

The body is parsed once by the spaCy pipeline (``annotate.nlp``), paragraph by paragraph, into
one ``Doc`` whose text is exactly ``Article.body``; newsgraph's annotators are spaCy components
over that Doc (registered in ``annotate.components``), each writing its results to a Doc
extension. This module only runs them and collects the results into the frozen artefact.

The model and every lexicon read English. A body in another language (py3langid, on the body
itself: declared page languages are often a template's default) is not annotated: the
English model would find "actors" in most capitalised words and events in none. The article
comes back with no annotations and the reason in ``not_annotated``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.model import AnalyzedArticle, Article

__all__ = ["AnalyzeOptions", "annotate", "unannotatable"]

# A body is left unannotated when it is this unlikely to be English and long enough to tell
# (short English sentences about Nigeria score as Nigerian Pidgin, with English at 0.09).
MAX_ENGLISH_PROBABILITY = 0.01
MIN_LETTERS = 100
# English prose is a third or more function words ("the", "of", "said": spaCy's English stop
# words); other languages score far less. Above this share a body is English without asking
# the language identifier, whose model takes most of a second to load (VOA stories: 0.35 to
# 0.55; the German, Spanish and French pages of html-eval: 0.17 at most, 0.32 for a German
# page quoting English at length).
ENGLISH_FUNCTION_WORDS = 0.3
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class AnalyzeOptions:
    """``kb_files``: extra knowledge-base files merged over the bundled one (``--kb``)."""

    kb_files: tuple[str, ...] = ()


def annotate(article: Article, options: AnalyzeOptions | None = None) -> AnalyzedArticle:
    """Annotate one article. The spaCy model loads once per process, on first use."""
    from newsgraph.annotate.nlp import analyze_body

    reason = unannotatable(article.body)
    if reason:
        return AnalyzedArticle(article=article, not_annotated=reason)
    return analyze_body(article, options or AnalyzeOptions())


def unannotatable(body: str) -> str | None:
    """Why ``body`` cannot be annotated (it is not English, the language the annotators
    read), or None. A body too short to tell is annotated.

    >>> unannotatable("Der Bundestag hat am Donnerstag ein neues Gesetz zur Rente beschlossen. "
    ...               "Die Opposition kritisierte den Entwurf scharf und kündigte Klagen an.")
    'the body is in German (de); the annotators read English only'
    >>> unannotatable("Gunmen killed 12 villagers in northern Nigeria on Saturday.") is None
    True
    """
    from newsgraph.extract.language import detect_language, language_probability
    from newsgraph.extract.normalize import has_letters

    sample = body[:5000]
    if not has_letters(sample, MIN_LETTERS):
        return None
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(sample.lower())
    if sum(w in STOP_WORDS for w in words) >= ENGLISH_FUNCTION_WORDS * len(words):
        return None
    english = language_probability(body, "en")
    if english is None or english >= MAX_ENGLISH_PROBABILITY:
        return None
    import pycountry

    code = detect_language(body)
    found = pycountry.languages.get(alpha_2=code) if code else None
    name = f"{found.name} ({code})" if found else (code or "another language")
    return f"the body is in {name}; the annotators read English only"
