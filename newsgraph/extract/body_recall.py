"""Article text trafilatura leaves out: a standfirst above the text block, a body it missed.

Two general cases, each confirmed by the page's own metadata so that no sidebar or teaser gets
in:

- the standfirst: a paragraph shown above the article (in its header, outside the text block
  trafilatura picks) whose text is the page's description;
- a body trafilatura found too short: a page whose text is rendered by scripts often declares
  the whole article in its JSON-LD ``articleBody``; when that is several times longer than what
  was extracted, it is the body.
"""

from __future__ import annotations

import json
import re
from html import unescape

from lxml import etree

from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.normalize import clean_line

__all__ = ["visible_standfirst", "jsonld_article_body", "recover_short_body"]

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



def jsonld_article_body(tree: etree._Element) -> str | None:
    """The ``articleBody`` the page declares in its JSON-LD (the first one found)."""
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").casefold() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and body.strip():
                    return body
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return None


def recover_short_body(paragraphs: list[str], tree: etree._Element) -> list[str]:
    """The paragraphs, or the declared ``articleBody`` when what was extracted is short and the
    declared body several times longer (a page rendered by its scripts)."""
    text = "".join(paragraphs)
    # Counting letters costs more than measuring length; a long body is never short.
    if len(text) >= 2 * SHORT_BODY_LETTERS or _letters(text) >= SHORT_BODY_LETTERS:
        return paragraphs
    letters = _letters(text)
    declared = jsonld_article_body(tree)
    if not declared or _letters(declared) < max(SHORT_BODY_LETTERS,
                                                DECLARED_BODY_FACTOR * letters):
        return paragraphs
    declared = _TAG.sub(" ", _BLOCK_END.sub("\n", declared))
    return [p for p in (clean_line(unescape(x)) for x in _PARAGRAPH_BREAKS.split(declared)) if p]


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" .…")
