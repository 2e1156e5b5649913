"""Article extraction: a RawDocument in, an Article out.

HTML goes through trafilatura and newsgraph's own additions (captions and credits, wire
agencies, editors, sections, lead, subheadings); text captures (pages saved or pasted as text)
through general rules over the shapes such captures have. Both end in the same normalisation,
so offsets into ``Article.body`` are stable from here on.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.errors import NoContent
from newsgraph.extract.normalize import looks_like_html
from newsgraph.model import Article, RawDocument
from newsgraph.sources.decoding import decode_document

__all__ = ["ExtractOptions", "extract"]


@dataclass(frozen=True)
class ExtractOptions:
    """How to extract. ``url`` overrides the page's own URL (``--url``)."""

    url: str | None = None
    images: bool = True


def extract(raw: RawDocument, options: ExtractOptions | None = None) -> Article:
    """Extract the article from one document.

    >>> from newsgraph.model import RawDocument
    >>> art = extract(RawDocument(source="x.txt", text="Title\\n\\nFirst paragraph of text here."))

    Raises ``NoContent`` (E201) when the document holds no usable text.
    """
    options = options or ExtractOptions()
    text, encoding = decode_document(raw)
    if options.url:
        raw = _with_url(raw, options.url)
    if _is_html(raw, text):
        from newsgraph.extract.html import extract_html

        article = extract_html(text, raw, encoding=encoding, options=options)
    else:
        from newsgraph.extract.text import extract_text

        article = extract_text(text, raw, encoding=encoding, options=options)
    if not article.body.strip():
        raise NoContent("no article text found in this page; is it an article?", source=raw.source)
    return article


def _is_html(raw: RawDocument, text: str) -> bool:
    if raw.content_type:
        return "html" in raw.content_type
    return looks_like_html(text)


def _with_url(raw: RawDocument, url: str) -> RawDocument:
    from dataclasses import replace

    return replace(raw, url=url)
