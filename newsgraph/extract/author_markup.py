"""Author markup of an HTML page beyond bylines and metas: what ``html_authors`` reads with
the author tables of ``newsgraph/data/html_selectors.toml`` (``not_byline`` to
``labelled_line``).

- byline selectors that skip picture credits and licences (an ``author-name`` inside a
  licence box names the photographer);
- labelled metas ("twitter:label1" = "Written by", "twitter:data1" = "Jane Doe");
- lines labelled as a byline anywhere on the page ("Auteur : Jane Doe");
- the owner of a personal site: a Creative Commons attribution, a copyright line, a social
  media handle, confirmed by the site's host or an author page's address.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import etree

from newsgraph.extract.bylines import has_byline_prefix, is_bare_byline_prefix, parse_byline
from newsgraph.extract.html_metadata import element_text
from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.normalize import clean_line

__all__ = ["credited_first_of_each", "labelled_meta_authors", "labelled_lines", "owner_names",
           "copyright_names", "handle_names", "name_key", "author_page_slugs", "is_owner",
           "name_in_url", "author_cards"]

# A labelled byline line: the label, a colon, a few words of names.
MAX_LABELLED_LINE_WORDS = 8
# "© 2012-2020 Jane Doe. All rights reserved." → "Jane Doe"
_COPYRIGHT = re.compile(r"(?i)^.*?(?:©|\(c\)|copyright)\s*(?:(?:©|\(c\)|copyright)\s*)*"
                        r"(?:(?:19|20)\d\d\s*(?:[-–—]\s*(?:(?:19|20)\d\d)?)?\s*)?(?:by\s+)?")
_COPYRIGHT_END = re.compile(r"[.|,;•·]|\s[-–—]\s|\s(?:19|20)\d\d\b|\ball rights\b", re.I)
# "JaneDoe" → "Jane Doe"; "jane_doe" → "jane doe"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|[_.\-]+")


def _credits_something_else(element) -> bool:
    if not isinstance(element, etree._Element):
        return False
    return any(xpath(element) for xpath in selectors().xpath["not_byline"])


def credited_first_of_each(tree: etree._Element, table: str) -> list[str]:
    """The first value of every selector of an ``html_selectors`` table, in priority order,
    leaving out elements that credit a picture or a licence (``[not_byline]``)."""
    values = []
    for xpath in selectors().xpath[table]:
        value = next((v for match in xpath(tree) if not _credits_something_else(match)
                      for v in [element_text(match)] if v), None)
        if value:
            values.append(value)
    return values


def author_cards(tree: etree._Element) -> list[str]:
    """The first author name of each ``[author_card]`` selector (hCards of class "author")."""
    found = []
    for xpath in selectors().xpath["author_card"]:
        value = next((v for v in map(element_text, xpath(tree)) if v), None)
        if value:
            found.append(value)
    return found


def labelled_meta_authors(tree: etree._Element) -> list[str]:
    """Values of label/value meta pairs whose label is a byline prefix.

    >>> page = etree.fromstring('<html><head><meta name="twitter:label1" content="Written by"/>'
    ...     '<meta name="twitter:data1" content="Jane Doe"/><meta name="twitter:label2" '
    ...     'content="Est. reading time"/><meta name="twitter:data2" content="4 minutes"/>'
    ...     '</head></html>')
    >>> labelled_meta_authors(page)
    ['Jane Doe']
    """
    found = []
    for xpath in selectors().xpath["labelled_meta"]:
        for label in xpath(tree):
            if not isinstance(label, etree._Element):
                continue
            text = (label.get("content") or "").strip()
            if not (is_bare_byline_prefix(text) or is_bare_byline_prefix(text + ":")):
                continue
            attribute = "name" if label.get("name") else "property"
            key = label.get(attribute, "").replace("label", "data")
            for meta in tree.iter("meta"):
                if meta.get(attribute) == key and (meta.get("content") or "").strip():
                    found.append(meta.get("content").strip())
                    break
    return found


def labelled_lines(tree: etree._Element) -> list[str]:
    """Short lines that are a byline label with a colon and names ("Auteur : Jane Doe"), in
    page order.

    >>> page = etree.fromstring('<html><body><p>Text.</p><p>Auteur : Jane Doe</p></body></html>')
    >>> labelled_lines(page)
    ['Auteur : Jane Doe']
    """
    found = []
    for xpath in selectors().xpath["labelled_line"]:
        for element in xpath(tree):
            for text in _lines_of(element):
                head, colon, rest = text.partition(":")
                if (colon and rest.strip() and len(text.split()) <= MAX_LABELLED_LINE_WORDS
                        and is_bare_byline_prefix(head.strip()) and has_byline_prefix(text)
                        and text not in found):
                    found.append(text)
    return found


def _lines_of(element: etree._Element) -> list[str]:
    """The text of an element cut at its line breaks ("Author: Jane Doe<br>Google+")."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            parts.append("\n" if node.tag == "br" else node.text or "")
            for child in node:
                walk(child)
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return [line for line in (clean_line(p) for p in "".join(parts).split("\n")) if line]


def owner_names(tree: etree._Element) -> list[str]:
    """The names a Creative Commons licence attributes the site's work to."""
    return [v for xpath in selectors().xpath["owner"] for v in map(element_text, xpath(tree))
            if v]


def copyright_names(tree: etree._Element) -> list[str]:
    """The holders named by the page's copyright lines, as written ("Jane Doe").

    >>> page = etree.fromstring('<html><body><p>Copyright (c) 2012- Jane Doe. All rights '
    ...     'reserved.</p><p>© 2020 by Max Roe | Imprint</p></body></html>')
    >>> copyright_names(page)
    ['Jane Doe', 'Max Roe']
    """
    found = []
    for xpath in selectors().xpath["copyright"]:
        for text in xpath(tree):
            line = " ".join(str(text).split())
            match = _COPYRIGHT.match(line)
            if not match or len(line) > 200:
                continue
            holder = _COPYRIGHT_END.split(line[match.end():], maxsplit=1)[0].strip()
            if holder and holder not in found:
                found.append(holder)
    return found


def handle_names(tree: etree._Element) -> list[str]:
    """Social media handles of the page's owner, split into words ("@JaneDoe" → "Jane Doe")."""
    found = []
    for xpath in selectors().xpath["owner_handle"]:
        for value in map(element_text, xpath(tree)):
            handle = value.strip().lstrip("@")
            if handle and " " not in handle:
                found.append(" ".join(_CAMEL.split(handle)).strip())
    return found


def name_key(name: str) -> str:
    """A name's letters in lower case, as hosts and address slugs write it.

    >>> name_key("Jane O'Doe-Roe")
    'janeodoeroe'
    """
    return re.sub(r"\W+|_", "", name.casefold())


def author_page_slugs(tree: etree._Element) -> set[str]:
    """The keys of the author pages the page links to ("/author/janedoe/" → "janedoe"): the
    ``[author_page]`` addresses and the links of ``html_selectors.toml [author_link]``."""
    slugs = set()
    links = [link.get("href") or "" for xpath in selectors().xpath["author_link"]
             for link in xpath(tree) if isinstance(link, etree._Element)]
    hrefs = [href for xpath in selectors().xpath["author_page"] for href in xpath(tree)]
    for href in hrefs + links:
        path = re.split(r"[?#]", str(href))[0].rstrip("/")
        slug = name_key(path.rsplit("/", 1)[-1]) if "/" in path else ""
        if slug:
            slugs.add(slug)
    return slugs


def is_owner(name: str, keys: set[str]) -> bool:
    """Whether a person's name, written as one word, is one of ``keys`` (the site's host
    labels and author page slugs)."""
    return bool(parse_byline(name).authors) and name_key(name) in keys


# A name spelled in an address: two to four words of letters ("jane-doe", "max_roe").
_SLUG_NAME = re.compile(r"^[^\W\d_]+(?:[-_+ ][^\W\d_]+){1,3}$")


def name_in_url(value: str) -> str:
    """The name an author page's address spells ("https://example.com/author/jane-doe/" →
    "Jane Doe"), else ``value`` unchanged: some pages give the author as a link.

    >>> name_in_url("https://example.com/author/jane-doe/"), name_in_url("Max Roe")
    ('Jane Doe', 'Max Roe')
    >>> name_in_url("https://www.facebook.com/janedoe")
    ''
    """
    if not re.match(r"(?i)^https?://", value.strip()):
        return value
    path = re.split(r"[?#]", value.strip())[0].rstrip("/")
    slug = unquote(path.rsplit("/", 1)[-1]) if path.count("/") > 2 else ""
    if not _SLUG_NAME.match(slug):
        return ""
    return " ".join(word.capitalize() for word in re.split(r"[-_+ ]", slug))
