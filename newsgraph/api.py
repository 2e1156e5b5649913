"""The Python API. The CLI only parses arguments, calls these and prints the results.

Functions raise ``newsgraph.errors.NewsgraphError`` subclasses with a code and a message that
names the input; batch helpers (``pipeline.run``) turn them into failed outcomes instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from newsgraph.annotate import AnalyzeOptions, annotate
from newsgraph.errors import UsageError
from newsgraph.extract import ExtractOptions
from newsgraph.model import AnalyzedArticle, Article, RawDocument
from newsgraph.pipeline import to_article
from newsgraph.sources import SourceOptions, read_file

__all__ = ["read", "extract", "analyze"]

PathLike = str | os.PathLike


def read(path: PathLike, *, max_bytes: int | None = None) -> RawDocument:
    """Read one file (HTML, gzipped HTML, or a text capture) as a RawDocument."""
    options = SourceOptions(max_bytes=max_bytes) if max_bytes else SourceOptions()
    return read_file(path, options)


def extract(source: PathLike | RawDocument, *, url: str | None = None) -> Article:
    """The Article in one page (no NLP).

    >>> article = extract("page.html")                         # doctest: +SKIP
    >>> article.title, article.authors, article.agencies      # doctest: +SKIP
    """
    raw = source if isinstance(source, RawDocument) else read(source)
    return to_article(raw, ExtractOptions(url=url))


def analyze(source: PathLike | RawDocument | Article | None = None, *, text: str | None = None,
            published: str | None = None, url: str | None = None, title: str | None = None,
            kb: Iterable[str] = ()) -> AnalyzedArticle:
    """Extract (for a file) and annotate one article.

    Give a path, a RawDocument or an Article, or ``text=`` (the body, taken as it is, so offsets
    point into exactly that text). ``published`` ("YYYY-MM-DD") anchors relative dates.

    >>> result = analyze(text="Xi Jinping met Kim Jong Un in Beijing on Thursday.",
    ...                  published="2025-09-04")                   # doctest: +SKIP
    >>> [e.type for e in result.events]                            # doctest: +SKIP
    ['CONSULT']
    """
    if (source is None) == (text is None):
        raise UsageError("give either a source (path, document or article) or text=")
    if isinstance(source, Article):
        article = source
    else:
        if text is not None:
            raw = RawDocument(source="<text>", text=text, url=url, published=published,
                              title=title)
        else:
            raw = source if isinstance(source, RawDocument) else read(source)
        article = to_article(raw, ExtractOptions(url=url))
    if published:
        from dataclasses import replace

        article = replace(article, published=published)
    return annotate(article, AnalyzeOptions(kb_files=tuple(kb)))
