"""HTML pages to Articles: trafilatura for the text, newsgraph's additions for the rest.

The page is parsed once. newsgraph reads its own fields from the pristine tree (JSON-LD, meta
tags, figures, bylines, breadcrumbs: see ``html_metadata`` and ``figures``), then hands the same
tree to trafilatura (which works on a copy) for the main text and its metadata (title, author,
date through htmldate, site name, categories, tags, description). The body is rebuilt from
trafilatura's output tree: paragraphs, list items and table rows as paragraphs, headings as
subheadings, without the headline, captions, credits or editor lines, and without the page
furniture trafilatura keeps (prompts, "Read more" links, tags lines: ``boilerplate``), in the
page's order (``page_order``). A standfirst shown above the text block, the sections that
continue the article after the one trafilatura picked, or a body the page declares in JSON-LD
when trafilatura found little, is added back (``body_recall``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from newsgraph.errors import ExtractError, NoContent
from newsgraph.extract.body_recall import (continued_sections, is_flattened, recover_short_body,
                                          visible_standfirst)
from newsgraph.extract.boilerplate import strip_author_bio, strip_boilerplate
from newsgraph.extract.bylines import agencies_in_text, is_editor_line, parse_editors
from newsgraph.extract.captions import ends_with_labelled_credit, split_credit
from newsgraph.extract.figures import caption_texts, find_images
from newsgraph.extract.html_authors import authors_and_agencies, registered_name
from newsgraph.extract.html_dates import published_date
from newsgraph.extract.html_header import read_header
from newsgraph.extract.html_metadata import (JsonLd, all_values, first_of_each, first_value,
                                             read_jsonld, site_keys,
                                             strip_site_name)
from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.language import (declared_language_tag, detect_language,
                                        normalize_language_tag)
from newsgraph.extract.normalize import build_article, clean_line, has_letters
from newsgraph.extract.page_order import in_page_order
from newsgraph.extract.sites import site_name as known_site_name
from newsgraph.extract.urls import host_of, unwrap_url
from newsgraph.model import Article, RawDocument

if TYPE_CHECKING:
    from newsgraph.extract import ExtractOptions

__all__ = ["extract_html", "COMPONENT"]

COMPONENT = "newsgraph.extract.html"
# Headings trafilatura marks h1 are the headline; lower ones are the article's subheadings.
_SUBHEADING_RENDS = {"h2", "h3", "h4", "h5", "h6"}
# trafilatura's own tags, and the HTML ones its fallback extractors leave in place.
_HEADING_TAGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}
_LIST_TAGS = {"list", "ul", "ol"}
_ITEM_TAGS = {"item", "li"}
_TABLE_TAGS = {"table"}
_ROW_TAGS = ("row", "tr")
_CELL_TAGS = {"cell", "td", "th"}
_CONTAINER_TAGS = {"div", "section", "article", "main", "quote", "blockquote", "header",
                   "footer", "aside", "figure", "span", "body", "center", "font"}
_BLOCK_TAGS = (_HEADING_TAGS | _LIST_TAGS | _ITEM_TAGS | _TABLE_TAGS | _CONTAINER_TAGS
               | {"p", "pre", "code", "row", "tr"}) - {"span", "font"}
# Children of a cell or an item that stand apart from the text around them: blocks and line
# breaks (``code`` is also a phrase inside a sentence).
_SPACED_CHILDREN = (_BLOCK_TAGS - {"code"}) | {"lb", "br"}
# A lead shorter than this is a kicker or a label, not a standfirst.
MIN_LEAD_CHARS = 40
# A description written from the standfirst may shorten its end; a long common opening
# still confirms it.
MIN_SHARED_OPENING = 60
# A dateline ("LOS ANGELES (Reuters) - ") may open the paragraph a summary repeats.
MAX_DATELINE_CHARS = 60
# Credits standing alone in the body are short; a longer paragraph is text that mentions one.
MAX_CREDIT_LINE = 120
# A page title shorter than this ("News", "Home") names a section, not the article.
MIN_PAGE_TITLE_WORDS = 3
# The headline repeated in the body stands among its first paragraphs.
HEADLINE_PARAGRAPHS = 3
# A caption closed by a labelled credit ("... in Kyiv. Photo: dpa") is a sentence or two.
MAX_CAPTION_LINE = 250
# Paragraphs near the start and end of the body hold datelines and closing agency credits.
DATELINE_PARAGRAPHS = 3
# Above this many characters a page is huge: scripts and styles are cut before parsing and
# trafilatura runs without its fallback extractors (their cost grows with the page).
LARGE_PAGE_CHARS = 1_500_000
# What is left of a huge page after that must fit here; an article page never comes close.
MAX_PAGE_CHARS = 8_000_000
# libxml2's HTML parser stops nesting at 256 levels and drops deeper content.
PARSER_MAX_DEPTH = 255
# A body shorter than this (in letters) is a menu or a label, not an article.
MIN_BODY_LETTERS = 20
# A short text trafilatura's main extractor found replaces its run-together last resort only
# when it holds a sentence or two, not a label.
MIN_PRECISE_LETTERS = 80
_BULK = re.compile(r"<script\b(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>"
                   r"|\bsrc=[\"']data:[^\"']*[\"']|<!--.*?-->", re.I | re.S)
# Elements at the parser's depth limit (a path of that many steps, walked in C).
_AT_MAX_DEPTH = etree.XPath("/*" * PARSER_MAX_DEPTH)
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|section|font|center)\b[^>]*>", re.I)


@dataclass
class _Body:
    paragraphs: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # h1 inside the text block
    # The lines of paragraphs broken by <br> ("Autor: Jane Doe<br>Google+"), by paragraph.
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)


def extract_html(text: str, raw: RawDocument, *, encoding: str | None,
                 options: ExtractOptions) -> Article:
    """The Article of an HTML page.

    Raises ``NoContent`` (E201) when the page cannot be parsed or holds no main text.
    """
    tree = _parse(text, raw.source)
    jsonld = read_jsonld(tree)
    page_url = _page_url(tree, jsonld, raw)
    images = find_images(tree, page_url) if options.images else ()
    captions = caption_texts(tree, images)
    headline = first_value(tree, "headline")
    # A standfirst container that also holds the headline is the whole header, not the lead.
    lead_markup = first_value(tree, "lead", lambda v: len(v) >= MIN_LEAD_CHARS
                              and not (headline and v.startswith(headline)))
    document = _run_trafilatura(tree, page_url, raw.source, large=len(text) > LARGE_PAGE_CHARS)

    body = _body_from(document.body)
    body.paragraphs = in_page_order(body.paragraphs, tree)
    site = clean_line(document.sitename or "") or None
    host = host_of(page_url) if page_url else None
    publisher_names = first_of_each(tree, "publisher")
    site_names = site_keys(site, jsonld.publisher, *publisher_names,
                           registered_name(host))
    title = _checked_title(_title(headline, jsonld.headline, document.title, site), tree,
                           site_names | site_keys(host))
    paragraphs = _drop_headline(body, title)
    paragraphs = [p for p in paragraphs if not _is_caption(p, captions)]
    paragraphs, editors = _take_editor_lines(paragraphs)
    paragraphs = recover_short_body(paragraphs, jsonld.article_body)
    paragraphs = paragraphs + [p for p in continued_sections(paragraphs, tree)
                               if not _is_caption(p, captions)]
    # Bylines are looked for in the body as trafilatura gave it: "Posted by ..." lines are
    # furniture for the body but signs of the author.
    # Each keeps its <br> as a line break: a byline line ends there ("Autor: Jane Doe<br>
    # Google+").
    byline_paragraphs = ["\n".join(body.lines.get(p, (p,))) for p in paragraphs]
    paragraphs = strip_boilerplate(paragraphs)
    description = clean_line(document.description or jsonld.description
                             or first_value(tree, "description") or "") or None
    if title and lead_markup and _is_title(lead_markup, title):
        lead_markup = None
    if title and description and _is_title(description, title):
        description = None
    if not lead_markup:
        lead_markup = visible_standfirst(tree, description, "\n".join(paragraphs))
    lead, paragraphs = _lead(paragraphs, lead_markup, description, captions)

    # A well-known outlet's name (sites.csv) is a publisher too: "CNA" on channelnewsasia.com
    # is the outlet crediting itself, not Taiwan's agency of the same letters.
    publishers = site_names | site_keys(host) | site_keys(known_site_name(page_url))
    # The lines around the headline: a witness of both the authors and the date.
    header = read_header(tree)
    byline_authors, agencies = authors_and_agencies(tree, jsonld, document.author, site,
                                                    publishers, site_names,
                                                    byline_paragraphs, header,
                                                    publisher_names)
    paragraphs = strip_author_bio(paragraphs, byline_authors)
    dateline_text = "\n".join(paragraphs[:DATELINE_PARAGRAPHS] + paragraphs[-DATELINE_PARAGRAPHS:])
    agencies = list(dict.fromkeys(agencies + list(agencies_in_text(dateline_text))))
    # build_article composes the text (NFC), the body's as every other field's.
    subheadings = [s for s in body.subheadings if s in paragraphs]
    body_text = "\n".join(paragraphs)
    if not has_letters(body_text, MIN_BODY_LETTERS):
        raise NoContent("no article text found in this page (only a few words outside "
                        "navigation); is it an article?", source=raw.source)
    return build_article(
        body_paragraphs=paragraphs, component=COMPONENT, url=page_url, source=raw.source,
        site=site, language=_language(tree, jsonld, body_text), title=title,
        sections=_sections(tree, jsonld, title), categories=list(document.categories or ()),
        tags=_split_tags(document.tags), authors=byline_authors, agencies=agencies,
        editors=editors,
        published=published_date(raw.published, jsonld, tree, document.date, page_url,
                                 header),
        lead=lead, subheadings=subheadings,
        images=images, description=description, encoding=encoding)


def _parse(text: str, source: str) -> etree._Element:
    """The page as a tree; pages too large or too deeply nested are made workable or refused."""
    if len(text) > LARGE_PAGE_CHARS:
        # Scripts, styles and inline data are most of a huge page and none of its text.
        text = _BULK.sub(" ", text)
        if len(text) > MAX_PAGE_CHARS:
            raise NoContent(f"the page has {len(text):,} characters of markup besides scripts and "
                            f"styles, over the {MAX_PAGE_CHARS:,} an article page can have; is it "
                            "an article?", source=source)
    tree = _load(text, source)
    if _depth_reached(tree):
        # The parser stops nesting at its depth limit and drops what lies deeper: flatten the
        # layout tags (they carry no text) and parse again.
        tree = _load(_LAYOUT_TAGS.sub(" ", text), source)
        if _depth_reached(tree):
            raise NoContent("the page is nested too deeply to be read", source=source)
    return tree


def _load(text: str, source: str) -> etree._Element:
    try:
        tree = load_html(text)
        if tree is None and "<html" not in text[:4096].lower():
            # A bare fragment ("<div>...</div>" saved alone) is refused unless it is wrapped.
            tree = load_html(f"<html><body>{text}</body></html>")
    except (ValueError, TypeError, etree.ParserError) as exc:
        raise NoContent(f"the HTML cannot be parsed ({exc}); is it a web page?",
                        source=source) from None
    if tree is None:
        raise NoContent("the HTML cannot be parsed (no document element); is it a web page?",
                        source=source)
    return tree


def _depth_reached(tree: etree._Element) -> bool:
    return bool(_AT_MAX_DEPTH(tree))


def _run_trafilatura(tree: etree._Element, url: str | None, source: str, *, large: bool):
    try:
        document = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            fast=large, date_extraction_params=set_date_params(extensive=not large))
    except RecursionError:
        raise NoContent("the page is nested too deeply to extract an article",
                        source=source) from None
    except Exception as exc:  # the third-party boundary: its failures become ours, with why
        raise ExtractError(f"trafilatura failed on this page ({type(exc).__name__}: {exc}); "
                           "please report it with the page", source=source) from exc
    if document is None:
        # trafilatura returns None for every rejection; the common one is too little text.
        raise NoContent("no article text found in this page (the main text block is missing "
                        "or too short); is it an article?", source=source)
    if not large and is_flattened(document.body, tree):
        document = _without_last_resort(document, tree, url)
    return document


def _without_last_resort(document, tree: etree._Element, url: str | None):
    """trafilatura's document with the text its main extractor found, when its last resort ran
    the whole article (headline, dates, share buttons, author box) into one paragraph because
    the text was short.

    In precision mode trafilatura keeps what its main extractor found, however short; that
    short text is the article, unless it is only a label.
    """
    try:
        precise = trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, include_comments=False, include_tables=True,
            favor_precision=True)
    except Exception:  # the first run succeeded: keep its result rather than fail the page
        return document
    if precise is None or precise.body is None:
        return document
    if not has_letters(" ".join(precise.body.itertext()), MIN_PRECISE_LETTERS):
        return document
    document.body = precise.body
    return document


def _body_from(root: etree._Element | None) -> _Body:
    body = _Body()
    if root is None:
        return body
    # Text can sit directly in the body, before or between blocks: it is a paragraph too.
    body.paragraphs.append(clean_line(root.text or ""))
    for child in root:
        _add_block(body, child)
        body.paragraphs.append(clean_line(child.tail or ""))
    body.paragraphs = [p for p in body.paragraphs if p]
    return body


def _add_block(body: _Body, child: etree._Element) -> None:
    tag = child.tag if isinstance(child.tag, str) else ""
    if tag in _HEADING_TAGS:
        text = _inline_text(child)
        if text:
            rend = tag if tag != "head" else (child.get("rend") or "").lower()
            (body.subheadings if rend in _SUBHEADING_RENDS else body.headings).append(text)
            body.paragraphs.append(text)
    elif tag in _LIST_TAGS:
        items = [c for c in child if c.tag in _ITEM_TAGS] or [child]
        for item in items:
            _add_text(body, item)
    elif tag in _TABLE_TAGS:
        for row in child.iter(*_ROW_TAGS):
            cells = [_inline_text(cell) for cell in row if cell.tag in _CELL_TAGS]
            body.paragraphs.append(" | ".join(c for c in cells if c))
    elif tag in _CONTAINER_TAGS and any(d.tag in _BLOCK_TAGS for d in child.iterdescendants()):
        # trafilatura's fallback extractors return the page's own markup: a container of
        # paragraphs stays paragraphs, not one run of text.
        body.paragraphs.append(clean_line(child.text or ""))
        for grandchild in child:
            _add_block(body, grandchild)
            body.paragraphs.append(clean_line(grandchild.tail or ""))
    elif tag:
        _add_text(body, child)


def _add_text(body: _Body, element: etree._Element) -> None:
    parts = _inline_parts(element)
    text = clean_line("".join(" " if part is None else part for part in parts))
    body.paragraphs.append(text)
    if None in parts:
        lines = tuple(line for line in map(clean_line, "".join(
            "\n" if part is None else part.replace("\n", " ") for part in parts).split("\n"))
            if line)
        if len(lines) > 1:
            body.lines[text] = lines


def _inline_text(element: etree._Element) -> str:
    return clean_line("".join(" " if part is None else part for part in _inline_parts(element)))


def _inline_parts(element: etree._Element) -> list[str | None]:
    """The element's text in pieces, a line break (``lb``, trafilatura's <br>) as None."""
    parts: list[str | None] = []

    def walk(node: etree._Element) -> None:
        if node.tag == "lb":
            parts.append(None)
        elif node.text:
            parts.append(node.text)
        for child in node:
            # A block inside a cell or an item ("Jane Doe<p>John Roe</p>") is a word apart.
            block = child.tag in _SPACED_CHILDREN
            if block:
                parts.append(" ")
            walk(child)
            if block:
                parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return parts


def _title(headline: str | None, jsonld_headline: str | None, page_title: str | None,
           site: str | None) -> str | None:
    """The headline readers see: the page title without the site name, or the page's
    headline element when it is the same headline without extras.

    A headline element holding the title plus more (a kicker, a date, a subtitle in the same
    element) gives way to the title; one that is a part of the title, or words it mostly
    shares, is the visible form and wins.
    """
    separators = selectors().pattern["title_separator"]
    base = next((strip_site_name(t, site, separators) for t in (page_title, jsonld_headline)
                 if t and clean_line(t)), None)
    if not headline or not base:
        return base or headline
    head_key, base_key = headline.casefold(), base.casefold()
    if head_key in base_key:
        return headline
    if base_key in head_key:
        return base
    return headline if _similar(headline, base) else base


def _checked_title(title: str | None, tree: etree._Element, site_names: set[str]) -> str | None:
    """The title, or the page's own when the title is doubtful.

    trafilatura now and then takes a menu heading, a section or the site's name for the title
    ("Hauptmenü", "Themen", "Daily Planet"). Such a title, one word or a name of the site, gives
    way to the ``<title>`` element, which names the page in every browser tab: its main part
    (the longest between spaced separators, three words at least, not the site's name), or an
    ``h1`` that is the same headline.
    """
    if title and len(title.split()) > 1 and not _names_site(title, site_names):
        return title
    element = tree.find(".//title")
    page_title = clean_line(element.text_content() if element is not None else "")
    parts = [page_title]
    for separator in selectors().pattern["title_separator"][:2]:
        split = [p.strip() for p in separator.split(page_title) if p.strip()]
        if len(split) > 1:
            parts = split
            break
    main = max(parts, key=len)
    if len(main.split()) < MIN_PAGE_TITLE_WORDS or _names_site(main, site_names):
        return title
    for heading in tree.iter("h1"):
        text = clean_line(heading.text_content())
        if len(text.split()) >= MIN_PAGE_TITLE_WORDS and _similar(text, main):
            return text
    return main


def _names_site(text: str, site_names: set[str]) -> bool:
    key = re.sub(r"\W+", "", text.casefold())
    return bool(key) and any(key == name or (len(key) >= 3 and (key in name or name in key))
                             for name in site_names)


def _similar(a: str, b: str) -> bool:
    """Whether two titles are the same headline (one contains the other, or most words shared)."""
    a_key, b_key = a.casefold(), b.casefold()
    if a_key in b_key or b_key in a_key:
        return True
    a_words, b_words = set(re.findall(r"\w+", a_key)), set(re.findall(r"\w+", b_key))
    if not a_words or not b_words:
        return False
    return len(a_words & b_words) / min(len(a_words), len(b_words)) >= 0.6


def _is_title(text: str, title: str) -> bool:
    """Whether a summary is only the headline again (then it is no lead)."""
    return len(text) < 2 * len(title) and _similar(text, title)


def _drop_headline(body: _Body, title: str | None) -> list[str]:
    """The body without the headline: the h1 trafilatura keeps, or a first paragraph that
    repeats the title, alone or as the page title ("Title | Section | Site | 23.05.2011")."""
    paragraphs = list(body.paragraphs)
    for heading in body.headings:
        if heading in paragraphs and (not title or _similar(heading, title)):
            paragraphs.remove(heading)
    if title:
        # Above the text a page may repeat its title (a print header, a hidden page title)
        # before a notice or a kicker: the first paragraphs are asked, not the rest.
        paragraphs = [p for i, p in enumerate(paragraphs)
                      if i >= HEADLINE_PARAGRAPHS or not _is_title_line(p, title)]
    return paragraphs


def _is_title_line(paragraph: str, title: str) -> bool:
    """Whether a paragraph is the title, alone or followed by the page title's other parts
    ("Title | Section | Site"): a spaced separator after it, as in the page's <title>."""
    first, key = paragraph.casefold(), title.casefold()
    if first == key:
        return True
    if not first.startswith(key):
        return False
    rest = first[len(key):]
    # The spaced separators (" | ", " - "), not a hyphen that may join two words: the first
    # two of the data file's list, which says so.
    return any(p.match(rest) for p in selectors().pattern["title_separator"][:2])


def _is_caption(paragraph: str, captions: set[str]) -> bool:
    """Whether a body paragraph is a caption or a credit: one of the page's, a short line
    that is only a credit, a caption of the page followed by a credit, or a line closed by a
    labelled credit ("... in Kyiv. Photo: dpa", "... (Foto: Jane Doe/REUTERS).")."""
    if paragraph in captions:
        return True
    if len(paragraph) <= MAX_CAPTION_LINE and ends_with_labelled_credit(paragraph):
        return True
    if len(paragraph) <= MAX_CREDIT_LINE:
        # A body paragraph is no picture block: a glued label there is prose.
        caption, credit = split_credit(paragraph, picture=False)
        if credit and (caption is None or caption in captions):
            return True
    for caption in captions:
        if len(caption) > MIN_LEAD_CHARS and paragraph.startswith(caption):
            rest = paragraph[len(caption):].strip(" .,;:|–—-")
            if not rest or (len(rest) <= MAX_CREDIT_LINE
                            and (rest in captions or split_credit(rest, picture=False)[1])):
                return True
    return False


def _take_editor_lines(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without editor lines, and the editors those lines name. The same reading
    as a text capture's (``bylines.is_editor_line``: the labels in every language of
    ``bylines.csv``)."""
    kept, editors = [], []
    for paragraph in paragraphs:
        if is_editor_line(paragraph):
            editors.extend(parse_editors(paragraph))
            continue
        kept.append(paragraph)
    return kept, list(dict.fromkeys(editors))


def _lead(paragraphs: list[str], lead_markup: str | None, description: str | None,
          captions: set[str]) -> tuple[str | None, list[str]]:
    """The standfirst and the body with it first.

    A standfirst marked up as such is the lead when the body starts with it; when trafilatura
    left it out, it is added first only if the page's description confirms it (markup named
    "intro" or "summary" also holds sign-up boxes and author blurbs). Otherwise the description
    is the lead when the body starts with it.
    """
    if lead_markup and lead_markup not in captions:
        if paragraphs and _starts_with(paragraphs[0], lead_markup):
            return paragraphs[0], paragraphs
        if (not _holds(paragraphs, lead_markup) and description
                and (_starts_with(lead_markup, description)
                     or _starts_with(description, lead_markup)
                     or _shared_opening(lead_markup, description) >= MIN_SHARED_OPENING)):
            return lead_markup, [lead_markup, *paragraphs]
    if description and paragraphs and _starts_with(paragraphs[0], description):
        return paragraphs[0], paragraphs
    return None, paragraphs


def _holds(paragraphs: list[str], text: str) -> bool:
    """Whether some paragraphs in a row are the text, perhaps cut in other places (a table
    read as rows); a phrase inside a sentence does not count."""
    if text in paragraphs:
        return True
    key = _letters_key(text)
    keys = [_letters_key(p) for p in paragraphs]
    for start in range(len(keys)):
        joined = ""
        for part in keys[start:]:
            joined += part
            if len(joined) >= len(key):
                break
        if joined == key:
            return True
    return False


def _letters_key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _shared_opening(a: str, b: str) -> int:
    """How many characters two texts share from their start (case-folded)."""
    return len(os.path.commonprefix([a.casefold(), b.casefold()]))


def _starts_with(paragraph: str, summary: str) -> bool:
    """Whether the paragraph opens with the summary, possibly after a dateline."""
    summary = summary.rstrip(" .…")
    if summary.endswith("..."):
        summary = summary[:-3]
    if len(summary) < MIN_LEAD_CHARS:
        return False
    position = paragraph.casefold().find(summary.casefold())
    return 0 <= position <= MAX_DATELINE_CHARS


def _page_url(tree: etree._Element, jsonld: JsonLd, raw: RawDocument) -> str | None:
    if raw.url:
        return raw.url
    found = first_value(tree, "canonical", lambda v: v.startswith(("http://", "https://")))
    found = found or (jsonld.url if jsonld.url and jsonld.url.startswith("http") else None)
    return unwrap_url(found) if found else None


def _sections(tree: etree._Element, jsonld: JsonLd, title: str | None) -> list[str]:
    if jsonld.sections:
        return jsonld.sections
    meta = all_values(tree, "section_meta")
    if meta:
        return meta
    crumbs = jsonld.breadcrumbs or all_values(tree, "breadcrumb")
    # The first crumb is the home page and the last is often the article itself.
    crumbs = crumbs[1:] if len(crumbs) > 1 else crumbs
    return [c for c in crumbs if not title or not _similar(c, title)]


def _split_tags(tags: list[str] | None) -> list[str]:
    """Tags as single keywords: a keywords meta arrives as one comma-separated string."""
    return [t.strip() for tag in tags or () for t in tag.split(",") if t.strip()]


def _language(tree: etree._Element, jsonld: JsonLd, body_text: str) -> str | None:
    return (normalize_language_tag(declared_language_tag(tree))
            or normalize_language_tag(jsonld.language)
            or detect_language(body_text))
