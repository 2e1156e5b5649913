"""Annotation: an Article in, an AnalyzedArticle out (actors, mentions, quotes, events, dates).

The body is parsed once by the spaCy pipeline (``annotate.nlp``), paragraph by paragraph, into
one ``Doc`` whose text is exactly ``Article.body``; newsgraph's annotators are spaCy components
over that Doc (registered in ``annotate.components``), each writing its results to a Doc
extension. This module only runs them and collects the results into the frozen artefact.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model import AnalyzedArticle, Article

__all__ = ["AnalyzeOptions", "annotate"]


@dataclass(frozen=True)
class AnalyzeOptions:
    """``kb_files``: extra knowledge-base files merged over the bundled one (``--kb``)."""

    kb_files: tuple[str, ...] = ()


def annotate(article: Article, options: AnalyzeOptions | None = None) -> AnalyzedArticle:
    """Annotate one article. The spaCy model loads once per process, on first use."""
    from newsgraph.annotate.nlp import analyze_body

    return analyze_body(article, options or AnalyzeOptions())
