"""The per-document pipeline: read, extract, annotate. It knows nothing of scheduling.

The same ``run_document`` serves the CLI, a process pool and (later) the Spark job. A
document that fails gives an ``Outcome`` with the error, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from newsgraph.errors import NewsgraphError
from newsgraph.extract import ExtractOptions, extract
from newsgraph.extract.normalize import article_id, clean_line, content_hash
from newsgraph.model import AnalyzedArticle, Article, RawDocument

STAGES = ("extract", "analyze")


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its result, or the error that stopped it."""

    source: str
    result: Article | AnalyzedArticle | None = None
    error: NewsgraphError | None = None
    raw: RawDocument | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def article_from_text(raw: RawDocument) -> Article:
    """An Article whose body is the given text, unchanged (``--text`` and JSONL input).

    Offsets then point into exactly what the caller sent.
    """
    body = raw.text or ""
    digest = content_hash(body)
    return Article(
        id=raw.id or article_id(raw.url, raw.source, digest), body=body, source=raw.source, url=raw.url,
        title=clean_line(raw.title) if raw.title else None, published=raw.published,
        content_hash=digest, extractor="newsgraph.text-input/1",
    )


def to_article(raw: RawDocument, options: ExtractOptions | None = None) -> Article:
    """Extract an Article from a file-like document, or take given text as it is."""
    if raw.text is not None and raw.data is None and raw.content_type is None:
        if not raw.text.strip():
            from newsgraph.errors import SourceEmpty

            raise SourceEmpty("the text is empty", source=raw.source)
        return article_from_text(raw)
    article = extract(raw, options)
    if raw.published and not article.published:
        article = replace(article, published=raw.published)
    return article


def run_document(raw: RawDocument, stage: str = "analyze",
                 options: ExtractOptions | None = None, analyze_options=None) -> Outcome:
    """Run one document through ``stage``; never raises a NewsgraphError."""
    try:
        article = to_article(raw, options)
        if stage == "extract":
            return Outcome(raw.source, article, raw=raw)
        from newsgraph.annotate import annotate

        return Outcome(raw.source, annotate(article, analyze_options), raw=raw)
    except NewsgraphError as exc:
        exc.source = exc.source or raw.source
        return Outcome(raw.source, error=exc, raw=raw)


def run(documents: Iterable[RawDocument | NewsgraphError], stage: str = "analyze",
        options: ExtractOptions | None = None, analyze_options=None) -> Iterator[Outcome]:
    """Run every document in order; errors met while reading pass through as failed outcomes."""
    for doc in documents:
        if isinstance(doc, NewsgraphError):
            yield Outcome(doc.source or "?", error=doc)
        else:
            yield run_document(doc, stage, options, analyze_options)
