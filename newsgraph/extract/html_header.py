"""The lines around an article's headline, where readers see its byline and its date.

Pages show them just below the headline ("By Jane Doe | March 3, 2024", "Posted on 3 March
2024 by Jane Doe", "11.12.2019 - Jane Doe", "Publicado el 3 de marzo de 2024"), sometimes
just above it. When the page's markup names no author or declares no date, these lines
are the next best witness: closer to the article than anything else on the page, and read
in the page's own language.

A line is the text of one block element (a paragraph, a ``div``, a list item, ...) in
document order; scripts, styles and form controls are no text. Below the headline, the
header ends where the body starts: at the first line of more than ``MAX_HEADER_LINE_WORDS``
words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from lxml import etree

from newsgraph.extract.bylines import byline_in_line, has_byline_prefix, parse_byline
from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.normalize import clean_line
from newsgraph.extract.published_dates import MODIFIED, PUBLISHED, dates_in_line

__all__ = ["Header", "read_header", "header_bylines", "header_date"]

MAX_LINES_AFTER = 8
MAX_LINES_BEFORE = 3
# A longer line is the standfirst or the body: the header is over.
MAX_HEADER_LINE_WORDS = 25
# Text nodes looked at on either side of the headline (a bound on the work per page).
MAX_NODES_AFTER = 120
MAX_NODES_BEFORE = 40
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "header", "footer", "section", "article",
    "aside", "nav", "main", "figure", "figcaption", "blockquote", "address", "table", "tr",
    "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "form", "body", "br", "hr"})
_NOT_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "button", "select",
                            "option", "textarea", "svg", "title"})
_SEPARATORS = re.compile(r"\s*(?:[|•·]|\s[–—-]\s)\s*")


@dataclass(frozen=True)
class Header:
    """Lines next to the headline: below it (nearest first) and above it (nearest first)."""

    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()


def read_header(tree: etree._Element) -> Header:
    """The lines around the page's headline (``[headline]`` selectors); empty without one.

    The authors and the date of a page both ask for them: ``extract_html`` reads them once
    and gives them to both.
    """
    headline = _headline(tree)
    if headline is None:
        return Header()
    kept = []
    for line in _lines(islice(_following_texts(headline), MAX_NODES_AFTER)):
        if len(kept) == MAX_LINES_AFTER or len(line.split()) > MAX_HEADER_LINE_WORDS:
            break
        kept.append(line)
    nearest = list(islice(_preceding_texts(headline), MAX_NODES_BEFORE))
    before = [line for line in reversed(list(_lines(reversed(nearest))))
              if len(line.split()) <= MAX_HEADER_LINE_WORDS][:MAX_LINES_BEFORE]
    return Header(after=tuple(kept), before=tuple(before))


def _headline(tree: etree._Element) -> etree._Element | None:
    for xpath in selectors().xpath["headline"]:
        for match in xpath(tree):
            if isinstance(match, etree._Element) and clean_line(" ".join(match.itertext())):
                return match
    return None


# A text node: (its text, the element it lies in, the line break it follows, if any).
_Text = tuple[str, etree._Element, etree._Element | None]


def _following_texts(element: etree._Element) -> Iterator[_Text]:
    """The non-blank text nodes after ``element`` (not inside it), in document order."""
    node = element
    while node is not None:
        parent = node.getparent()
        if parent is None:
            return
        if node.tail and node.tail.strip():
            yield node.tail, parent, node if _is_break(node) else None
        for sibling in node.itersiblings():
            yield from _texts_in(sibling)
            if sibling.tail and sibling.tail.strip():
                yield sibling.tail, parent, sibling if _is_break(sibling) else None
        node = parent


def _preceding_texts(element: etree._Element) -> Iterator[_Text]:
    """The non-blank text nodes before ``element`` (not around it), nearest first."""
    node = element
    while node is not None:
        parent = node.getparent()
        if parent is None:
            return
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail and sibling.tail.strip():
                yield sibling.tail, parent, sibling if _is_break(sibling) else None
            yield from _texts_in_reversed(sibling)
        if parent.text and parent.text.strip() and not _skipped(parent):
            yield parent.text, parent, None
        node = parent


def _texts_in(element: etree._Element) -> Iterator[_Text]:
    """The non-blank text nodes inside ``element``, in document order; none of a script."""
    if _skipped(element):
        return
    if element.text and element.text.strip():
        yield element.text, element, None
    for child in element:
        yield from _texts_in(child)
        if child.tail and child.tail.strip():
            yield child.tail, element, child if _is_break(child) else None


def _texts_in_reversed(element: etree._Element) -> Iterator[_Text]:
    """The non-blank text nodes inside ``element``, last first."""
    if _skipped(element):
        return
    for child in reversed(element):
        if child.tail and child.tail.strip():
            yield child.tail, element, child if _is_break(child) else None
        yield from _texts_in_reversed(child)
    if element.text and element.text.strip():
        yield element.text, element, None


def _skipped(element: etree._Element) -> bool:
    return not isinstance(element.tag, str) or element.tag.lower() in _NOT_TEXT_TAGS


def _is_break(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and element.tag.lower() in ("br", "hr")


def _lines(nodes: Iterable[_Text]) -> Iterator[str]:
    """Text nodes grouped into the lines of their block elements, in document order."""
    current: list[str] = []
    current_block = None
    for text, holder, after_break in nodes:
        block = _block_of(holder)
        if current and (block is not current_block or after_break is not None):
            line = clean_line(" ".join(current))
            if line:
                yield line
            current = []
        current_block = block
        current.append(text)
    line = clean_line(" ".join(current))
    if line:
        yield line


def _block_of(element: etree._Element):
    for ancestor in (element, *element.iterancestors()):
        if isinstance(ancestor.tag, str) and ancestor.tag.lower() in _BLOCK_TAGS:
            return ancestor
    return element


def header_bylines(header: Header) -> list[str]:
    """Bylines of the lines below the headline, nearest first.

    A part of a line that opens with a byline prefix ("By Jane Doe" in "yas! | By Jane Doe |
    April 13, 2020"), a prefix after a date or a label ("Posted on 3 May 2024 by Jane Doe"),
    or a bare name beside a date ("11.12.2019 - Jane Doe").

    >>> header_bylines(Header(after=("Politics", "11.12.2019 - Jane Doe", "By Max Roe")))
    ['Jane Doe', 'By Max Roe']
    """
    found = []
    for line in header.after:
        parts = [p for p in _SEPARATORS.split(line) if p.strip()]
        prefixed = [p for p in parts if has_byline_prefix(p) and parse_byline(p).authors]
        if not prefixed:
            inline = byline_in_line(line)
            prefixed = [inline] if inline else []
        if not prefixed and len(parts) > 1 and any(dates_in_line(p) for p in parts):
            prefixed = [p for p in parts if not dates_in_line(p) and _bare_name(p)]
        found.extend(prefixed)
    return found


def _bare_name(text: str) -> bool:
    byline = parse_byline(text)
    return len(byline.authors) == 1 and byline.authors[0].casefold() == text.strip().casefold()


def header_date(header: Header, language: str | None) -> tuple[str | None, bool]:
    """(the publication date the header lines show, whether a label says it is one).

    A date labelled as published wins, then an unlabelled one below the headline, then one
    above it; a date labelled as a modification is never taken.

    >>> header_date(Header(after=("Updated 5 May 2024", "Published 3 May 2024")), "en")
    ('2024-05-03', True)
    """
    unlabelled = None
    for line in [*header.after, *header.before]:
        for day, kind in dates_in_line(line, language=language):
            if kind == PUBLISHED:
                return day, True
            if kind != MODIFIED and unlabelled is None:
                unlabelled = day
    return unlabelled, False
