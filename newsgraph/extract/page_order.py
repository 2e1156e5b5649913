"""The body's paragraphs in the order the page shows them.

trafilatura's fallback extractors (readability, its own rescue passes) may return the blocks
they keep out of order: a live blog's entries with the introduction between the first and the
second, a box moved to the end. Readers, quotes and offsets need the page's order, so each
paragraph is looked for in the page's text and, when every one is found once, they are put
back in that order.
"""

from __future__ import annotations

from lxml import etree

from newsgraph.extract.html_metadata import unspaced, visible_text

__all__ = ["in_page_order"]

# Tags whose text a reader never sees.
_UNSEEN = frozenset({"script", "style", "noscript", "template", "head", "title"})
# A paragraph is looked for by its opening: long enough to be unique, short enough not to
# cross an element the page breaks it with.
KEY_CHARS = 60


def in_page_order(paragraphs: list[str], tree: etree._Element) -> list[str]:
    """The paragraphs in page order, or as they are when the page cannot tell.

    The order changes only when every paragraph is found in the page's visible text, each at
    one place: a paragraph found twice (a repeated teaser) or not at all (text the extractor
    joined or rewrote) leaves the order as given.

    >>> tree = etree.fromstring("<html><body><p>Follow the debate live.</p><article><p>The vote "
    ...     "passed.</p></article><article><p>The session opened.</p></article></body></html>")
    >>> in_page_order(["The vote passed.", "Follow the debate live.", "The session opened."],
    ...               tree)
    ['Follow the debate live.', 'The vote passed.', 'The session opened.']
    """
    if len(paragraphs) < 2:
        return paragraphs
    text = _page_text(tree)
    positions = []
    for paragraph in paragraphs:
        key = unspaced(paragraph)[:KEY_CHARS]
        first = text.find(key) if key else -1
        if first < 0 or text.find(key, first + 1) >= 0:
            return paragraphs
        positions.append(first)
    if positions == sorted(positions):
        return paragraphs
    return [p for _, p in sorted(zip(positions, paragraphs), key=lambda pair: pair[0])]


def _page_text(tree: etree._Element) -> str:
    return unspaced(visible_text(tree, _UNSEEN, ""))
