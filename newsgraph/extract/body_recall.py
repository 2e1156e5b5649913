"""Article text trafilatura leaves out: a standfirst above the text block, a body it missed.

Two general cases, each confirmed by the page's own metadata so that no sidebar or teaser gets
in:

- the standfirst: a paragraph shown above the article (in its header, outside the text block
  trafilatura picks) whose text is the page's description;
- a body trafilatura found too short: a page whose text is rendered by scripts often declares
  the whole article in its JSON-LD ``articleBody``; when that is several times longer than what
  was extracted, it is the body.

A third case: the article split over sibling sections of the same kind (block-based page
builders put each run of paragraphs in its own ``<section>``, pictures between them), of which
trafilatura keeps the first; the sections after it that hold prose continue the body.

It also tells when trafilatura gave up on the page's structure (``is_flattened``): the whole
text of an ``<article>`` or of the page run together as one paragraph, menus and share
buttons included.
"""

from __future__ import annotations

import re
from html import unescape

from lxml import etree

from newsgraph.extract.html_metadata import read_jsonld, unspaced, visible_text
from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.normalize import clean_line

__all__ = ["visible_standfirst", "declared_paragraphs",
           "recover_short_body", "is_flattened", "continued_sections"]

# Below this many letters an extracted body may be a caption or a teaser rather than the text.
SHORT_BODY_LETTERS = 500
# The declared body replaces the extracted one only when it is this many times longer.
DECLARED_BODY_FACTOR = 3
# A standfirst is a sentence or more, not a label.
MIN_STANDFIRST_CHARS = 40
_PARAGRAPH_BREAKS = re.compile(r"\s*\n\s*")
# Some sites declare the body as HTML: block ends become paragraph breaks, tags go.
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote)\s*>", re.I)
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
# A series of sections is looked for this many levels above the last paragraph, among these.
SERIES_DEPTH = 8
SERIES_TAGS = ("section", "div")
_BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
_FURNITURE_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "form", "button"})
# A section continues the article when it holds a paragraph of prose: a sentence or more.
MIN_PROSE_CHARS = 80
_PROSE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# What trafilatura's last-resort extractor leaves out of the text it runs together.
_UNREAD_TAGS = frozenset({"script", "style", "aside", "footer", "noscript", "template"})
# A run-together text shorter than this is a short note, not a page's worth of text.
MIN_FLATTENED_CHARS = 200
# How much of its start and end a run-together text shares with the element it comes from,
# and how much of the element's text it holds at least.
FLATTENED_ENDS = 100
FLATTENED_SHARE = 0.8


def visible_standfirst(tree: etree._Element, description: str | None,
                       body_text: str) -> str | None:
    """The paragraph of the page that shows its description, when the body lacks it.

    >>> tree = etree.fromstring("<html><body><header><p>Snow on solar panels costs power and "
    ...     "weighs on the frames.</p></header><article><p>Text.</p></article></body></html>")
    >>> visible_standfirst(tree, "Snow on solar panels costs power and weighs on the frames.",
    ...                    "Text.")
    'Snow on solar panels costs power and weighs on the frames.'
    """
    if not description or len(description) < MIN_STANDFIRST_CHARS:
        return None
    key = _key(description)
    if key in _key(body_text):
        return None
    # XPath picks the few elements that open like the description; Python compares them whole.
    start = " ".join(description.split())[:MIN_STANDFIRST_CHARS]
    for xpath in selectors().xpath["standfirst"]:
        for element in xpath(tree, start=start):
            text = clean_line(" ".join(element.itertext()))
            if text and _key(text) == key:
                return text
    return None



def recover_short_body(paragraphs: list[str], declared: str | None) -> list[str]:
    """The paragraphs, or the declared ``articleBody`` (``JsonLd.article_body``) when what was
    extracted is short and the declared body several times longer (a page rendered by its
    scripts)."""
    text = "".join(paragraphs)
    # Counting letters costs more than measuring length; a long body is never short.
    if len(text) >= 2 * SHORT_BODY_LETTERS or _letters(text) >= SHORT_BODY_LETTERS:
        return paragraphs
    letters = _letters(text)
    if not declared or _letters(declared) < max(SHORT_BODY_LETTERS,
                                                DECLARED_BODY_FACTOR * letters):
        return paragraphs
    return _paragraphs_of(declared)


def declared_paragraphs(tree: etree._Element) -> list[str]:
    """The paragraphs of the JSON-LD ``articleBody`` (markup removed), or [] when there is none.

    >>> tree = etree.fromstring('<html><head><script type="application/ld+json">'
    ...     '{"articleBody": "&lt;p&gt;The council met.&lt;/p&gt;&lt;p&gt;Talks ended.&lt;/p&gt;"}'
    ...     '</script></head></html>')
    >>> declared_paragraphs(tree)
    ['The council met.', 'Talks ended.']
    """
    declared = read_jsonld(tree).article_body
    return _paragraphs_of(declared) if declared else []


def _paragraphs_of(declared: str) -> list[str]:
    declared = _TAG.sub(" ", _BLOCK_END.sub("\n", declared))
    return [p for p in (clean_line(unescape(x)) for x in _PARAGRAPH_BREAKS.split(declared)) if p]


def is_flattened(body: etree._Element | None, tree: etree._Element) -> bool:
    """Whether trafilatura's body is the text of the page's ``<article>`` (or ``<body>``) run
    together as one paragraph: its last resort when no block of text was long enough, which
    keeps headline, dates, share buttons and author boxes in one line.

    >>> tree = etree.fromstring("<html><body><article><h1>Snow</h1><p>Snow on solar panels "
    ...     "costs power.</p><ul><li>Share</li></ul></article></body></html>")
    >>> body = etree.fromstring("<body><p>Snow Snow on solar panels costs power. Share</p></body>")
    >>> is_flattened(body, tree)
    False
    """
    if body is None or len(body) != 1 or body[0].tag != "p" or len(body[0]):
        return False
    text = unspaced(body[0].text or "")
    if len(text) < MIN_FLATTENED_CHARS:
        return False
    # trafilatura prunes a few nodes (comment boxes, hidden parts) before running the text
    # together: its text opens and closes like the element's and holds most of it.
    ends = text[:FLATTENED_ENDS], text[-FLATTENED_ENDS:]
    for element in (*tree.iterfind(".//article"), *tree.iterfind(".//body")):
        whole = unspaced(_element_text(element))
        if all(end in whole for end in ends) and len(text) >= FLATTENED_SHARE * len(whole):
            return True
    return False


def _element_text(element: etree._Element) -> str:
    """The element's text without the parts a reader does not see."""
    return visible_text(element, _UNREAD_TAGS)


def continued_sections(paragraphs: list[str], tree: etree._Element) -> list[str]:
    """The paragraphs of the sections that continue the article after its last paragraph.

    The last paragraph is found in the page; the nearest container around it (a ``section``
    or ``div`` with a class, a few levels up, inside ``main``) that is followed by siblings of
    the same tag and class is one section of a series. The following sections of the series
    continue the article: their paragraphs, headings and list items are taken, sections
    without text (a picture) are passed, and the series ends at a section with no prose paragraph (tags, a sign-up box) or
    with a headline of its own (``h1``: the next article). Short lines closing what is taken
    (a list of related links) are left out.

    >>> tree = etree.fromstring(
    ...     "<html><body><main><section class='s'><p>The council met in Leeds on Tuesday, the "
    ...     "first time in years.</p></section><section class='s'><figure>Photo</figure>"
    ...     "</section><section class='s'><p>The talks lasted two hours and ended with a "
    ...     "dinner for the councillors at the town hall.</p><ul><li>More news</li></ul>"
    ...     "</section><section class='s'><h3>Tags</h3></section></main></body></html>")
    >>> continued_sections(["The council met in Leeds on Tuesday, the first time in years."],
    ...                    tree)
    ['The talks lasted two hours and ended with a dinner for the councillors at the town hall.']
    """
    if not paragraphs:
        return []
    last = paragraphs[-1]
    anchor = next((p for p in tree.iter("p") if clean_line(_element_text(p)) == last), None)
    if anchor is None:
        return []
    section = _series_member(anchor)
    if section is None:
        return []
    known = set(paragraphs)
    added: list[str] = []
    for sibling in section.itersiblings():
        if not _same_kind(sibling, section):
            continue
        if sibling.find(".//h1") is not None:
            break
        blocks = [b for b in _blocks(sibling) if b not in known]
        if not blocks:
            continue
        if not any(_is_prose(b) for b in blocks):
            break
        added.extend(blocks)
        known.update(blocks)
    # A run of titles closing the last section is a list of links (related stories).
    while added and not _is_prose(added[-1]):
        added.pop()
    return added


def _series_member(element: etree._Element) -> etree._Element | None:
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= SERIES_DEPTH or ancestor.tag in ("body", "html", "main"):
            return None
        # A wrapper without a class is layout, not a section of a series.
        if ancestor.tag in SERIES_TAGS and ancestor.get("class") and any(
                _same_kind(s, ancestor) for s in ancestor.itersiblings()):
            return ancestor
    return None


def _same_kind(a: etree._Element, b: etree._Element) -> bool:
    return a.tag == b.tag and (a.get("class") or "") == (b.get("class") or "")


def _blocks(section: etree._Element) -> list[str]:
    """The text blocks of a section in page order, without pictures and page furniture."""
    blocks = []
    for element in section.iter(*_BLOCK_TAGS):
        if _inside_other_block(element, section):
            continue
        text = clean_line(_element_text(element))
        if text:
            blocks.append(text)
    return blocks


def _inside_other_block(element: etree._Element, section: etree._Element) -> bool:
    """Whether a block lies in another block (its text is read there) or in furniture."""
    for ancestor in element.iterancestors():
        if ancestor is section:
            return False
        if ancestor.tag in _BLOCK_TAGS or ancestor.tag in _FURNITURE_TAGS:
            return True
    return False


def _is_prose(text: str) -> bool:
    return len(text) >= MIN_PROSE_CHARS and bool(_PROSE_END.search(text))


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" .…")
