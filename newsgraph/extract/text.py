"""Articles from text captures: pages saved or pasted as text, plain or Markdown.

A capture keeps the page's navigation, captions and footers as lines of text. The article is
the stretch of lines richest in paragraph text (short lines inside it cost a little: a
subheading or a picture is soon paid back, a menu is not; text further down the page and text
crowded among short lines counts less, and a small tail after a gap is cut off); what comes
before it is the header (sections, title, byline, date), what follows it the trailer (editor
line, author bio, related links). Inside the stretch, general rules tell body paragraphs and
subheadings from pictures (a description line and a caption line with its credit), teasers of
related items, bare links and credit lines. docs/extraction.md ("Text captures") describes
every rule.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.bylines import (agencies_in_text, has_byline_prefix, job_titles,
                                       looks_like_byline, parse_byline, parse_editors)
from newsgraph.extract.capture_headline import (SLUG_MIN_WORDS, choose_title, free_line,
                                                headline, is_byline_like, next_to, slug_title)
from newsgraph.extract.capture_lines import (CaptureLine, looks_like_markdown, read_lines,
                                             section_names)
from newsgraph.extract.capture_stretch import (LIST_INTRO_MIN_WORDS, META_IN_RUN, SENTENCE_END,
                                               TITLE_MAX_WORDS, find_stretch, has_blank_lines,
                                               is_dateline_or_byline)
from newsgraph.extract.normalize import build_article
from newsgraph.extract.published_dates import date_in_url, parse_date_line
from newsgraph.extract.sites import site_name
from newsgraph.extract.urls import host_of, is_share_link, slug_words, unwrap_url
from newsgraph.model import Article, Image, RawDocument

if TYPE_CHECKING:
    from newsgraph.extract import ExtractOptions

__all__ = ["extract_text"]

COMPONENT = "newsgraph.extract.text"

# How far the header reaches above the article and the trailer below it, in lines.
_HEADER_LOOKBACK = 25
_TRAILER_LOOKAHEAD = 12
# When no header line matches the slug, this many lines above the header are searched.
_SLUG_REACH = 200
# Header lines that are no headline: labels announcing something ("Search for:"), links to
# the previous or next post ("← Older post", "Newer post →"), a handle ("@jane").
_NO_HEADLINE = re.compile(r":$|^[←«‹<]|[→»›>]$|^@\w")
# A standfirst under the headline is a sentence of this many words.
_STANDFIRST_MIN_WORDS, _STANDFIRST_MAX_WORDS = 10, 60
# A breadcrumb is read this many lines above the headline at most.
_BREADCRUMB_REACH = 4
_SUBHEADING_MAX_WORDS = 20
# A run's first line is its headline when a byline or date line follows within this many lines
# and it is this short (a standfirst above the byline is longer).
_HEADLINE_TO_BYLINE, _HEADLINE_MAX_WORDS = 2, 14
_HEADLINE_ABOVE_WORDS = 4
# Short lines in a row within one block that make a list, a table or code.
_LISTING_LINES = 3
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_WORD = re.compile(r"\w+")
# A menu item is a line of this many words at most.
_MENU_ITEM_WORDS = 3
# Job nouns ("reporter", "editor") that an author's bio box names; the byline words' file.


@dataclass
class _Reading:
    """What the extractor has learned so far about one capture."""

    lines: list[CaptureLine]
    language: str | None = None
    url: str | None = None  # the caller's
    start: int = 0  # first line of the run
    end: int = 0  # one past its last line
    body: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    sections: tuple[str, ...] = ()
    title: str | None = None
    published: str | None = None
    urls: list[str] = field(default_factory=list)
    standfirst: str | None = None  # the line under the headline that the body opens with
    used: set[int] = field(default_factory=set)  # lines that are no body text
    # The run's words and the capture's short lines, case-folded, once asked for (_PageWords).
    words: tuple[frozenset[str], Counter[str]] | None = None


def extract_text(text: str, raw: RawDocument, *, encoding: str | None,
                 options: ExtractOptions | None) -> Article:
    """The Article in a text capture.

    >>> from newsgraph.model import RawDocument
    >>> art = extract_text("Home\\nWorld\\n\\nTalks end in Geneva\\n\\nBy Jane Doe, AP\\n"
    ...                    "March 3, 2025\\n\\nTalks ended in Geneva on Monday without a deal, "
    ...                    "diplomats said.", RawDocument(source="x.txt"), encoding=None,
    ...                    options=None)
    >>> art.title, art.authors, art.agencies, art.published
    ('Talks end in Geneva', ('Jane Doe',), ('AP',), '2025-03-03')
    """
    markdown = (raw.content_type == "text/markdown") or looks_like_markdown(text)
    lines = read_lines(text, markdown=markdown)
    # The page's language, from its paragraph-like lines, so date lines are read in it.
    language = _language("\n".join(line.text for line in lines if line.paragraph))
    reading = _Reading(lines=lines, language=language, url=raw.url)
    if reading.lines:
        reading.start, reading.end = find_stretch(reading.lines)
        reading.start = _after_headline(reading)
        _read_header(reading)
        if reading.standfirst:
            reading.body.append(reading.standfirst)
        _read_run(reading)
        _read_trailer(reading)
    url = raw.url or _page_url(reading.urls)
    published = raw.published or reading.published or date_in_url(url)
    body_text = "\n".join(reading.body)
    agencies = [*reading.agencies, *agencies_in_text(body_text), *_closing_agencies(reading)]
    return build_article(
        body_paragraphs=reading.body, component=COMPONENT, url=url, source=raw.source,
        site=site_name(url), language=_language(body_text) or language,
        title=raw.title or reading.title,
        sections=list(reading.sections), authors=reading.authors, agencies=agencies,
        editors=reading.editors, published=published,
        lead=reading.body[0] if reading.body else None, subheadings=reading.subheadings,
        images=tuple(reading.images) if getattr(options, "images", True) else (),
        encoding=encoding)


def _after_headline(reading: _Reading) -> int:
    """The run's start, past its first line when that line is the headline.

    A headline that ends like a sentence ("Want a more diverse community? So do we.") reads
    like a paragraph and may open the run. When the page's address names the article and no
    header line matches it, the first line is the headline if it is named after the address
    and is short (20 words at most, no final full stop) or a byline or date line follows
    within three lines. Without an address, a line of 14 words at most with
    a byline or date line within two lines under it is the headline, unless a headline-like
    line stands above it (four words or more, no final stop): then it is the standfirst.
    """
    lines, start = reading.lines, reading.start
    if reading.end - start < 3 or lines[start].words > TITLE_MAX_WORDS:
        return start
    slug = slug_words(reading.url or _page_url(
        [lines[i].text for i in range(start) if lines[i].url]))
    if len(set(slug)) >= SLUG_MIN_WORDS:
        header = [i for i in range(max(0, start - _HEADER_LOOKBACK), start)
                  if free_line(lines[i])]
        if slug_title(lines, header, slug) is not None:
            return start  # the headline is above; the first line is the standfirst or lead
        named = slug_title(lines, [start], slug) == start
        # A lead restating the headline ends with a full stop; a headline seldom does.
        short = lines[start].words <= _SUBHEADING_MAX_WORDS and \
            not lines[start].text.endswith(".")
        near = _byline_follows(lines, start, reading.end, _HEADLINE_TO_BYLINE + 1)
        return start + 1 if named and (short or near) else start
    if lines[start].words > _HEADLINE_MAX_WORDS or \
            not _byline_follows(lines, start, reading.end, _HEADLINE_TO_BYLINE):
        return start
    above = next((i for i in range(start - 1, -1, -1)
                  if not lines[i].rule and not lines[i].url), None)
    if above is not None and lines[above].words >= _HEADLINE_ABOVE_WORDS and \
            not lines[above].text.endswith(SENTENCE_END):
        return start
    return start + 1


def _byline_follows(lines: list[CaptureLine], i: int, end: int, reach: int) -> bool:
    """Whether a byline or date line follows line ``i`` within ``reach`` lines."""
    seen = 0
    for j in range(i + 1, end):
        if lines[j].rule == "skip" or lines[j].url:
            continue
        if is_dateline_or_byline(lines[j]) and not lines[j].paragraph:
            return True
        seen += 1
        if seen >= reach:
            return False
    return False


def _read_header(reading: _Reading) -> None:
    """Sections, title, byline, date, hero picture and page link before the run."""
    lines = reading.lines
    first = max(0, reading.start - _HEADER_LOOKBACK)
    header = range(first, reading.start)
    _read_pictures(reading, header)
    candidates: list[int] = []
    breadcrumbs: list[tuple[int, tuple[str, ...]]] = []
    byline_at = None
    # Bylines, date lines and "Posted ..." lines: the headline stands just above them.
    dated: list[int] = []
    for i in reversed(header):
        line = lines[i]
        if line.rule == "meta":
            dated.append(i)
            reading.published = reading.published or parse_date_line(
                line.text, language=reading.language)
        if i in reading.used or line.rule or not line.text:
            continue
        if line.url:
            reading.urls.insert(0, line.text)
            continue
        run_together = " " not in line.text  # only such a line needs the page's words
        if names := section_names(line.text, _PageWords(reading, i) if run_together else ()):
            breadcrumbs.append((i, names))
            continue
        if byline_at is None and _is_header_byline(lines, i, reading):
            byline = parse_byline(line.text)
            reading.authors.extend(byline.authors)
            reading.agencies.extend(byline.agencies)
            reading.published = reading.published or parse_date_line(
                line.text, language=reading.language)
            byline_at = i
            dated.append(i)
            continue
        if line.editor:
            reading.editors.extend(parse_editors(line.text))
            continue
        date = parse_date_line(line.text, language=reading.language)
        if date:
            reading.published = reading.published or date
            dated.append(i)
            continue
        if 1 <= line.words <= TITLE_MAX_WORDS and not line.link_only and \
                not _NO_HEADLINE.search(line.text) and not is_byline_like(line.text):
            candidates.append(i)
    slug = slug_words(reading.url or _page_url(reading.urls))
    title_at = slug_title(lines, candidates, slug)
    if title_at is None and slug:
        # A long header (share buttons, a table of contents) may push the headline further up.
        above = range(max(0, first - _SLUG_REACH), first)
        title_at = slug_title(lines, [i for i in above if free_line(lines[i])], slug)
    if title_at is None:
        title_at = choose_title(lines, candidates, byline_at, next_to(lines, dated, header))
    reading.title = headline(lines[title_at].text) if title_at is not None else None
    if title_at is not None:
        reading.standfirst = _standfirst(reading, title_at)
    # The breadcrumb sits just above the headline; run-together words further away are
    # more likely brand names in a menu ("YouTube").
    above = [(i, names) for i, names in breadcrumbs
             if title_at is not None and 0 < title_at - i <= _BREADCRUMB_REACH]
    if above:
        reading.sections = max(above)[1]


class _PageWords:
    """The page's words other than header line ``i``, case-folded: the words of the article's
    run and the short lines (menu items) of the whole capture. They confirm a run-together
    breadcrumb ("EnvironmentEurope" under a menu listing "Environment", "ScienceAfrica" over
    a story about Africa; see ``section_names``). Read once per capture, when first asked.
    """

    def __init__(self, reading: _Reading, i: int):
        if reading.words is None:
            run = reading.lines[reading.start:reading.end]
            reading.words = (
                frozenset(_WORD.findall(" ".join(line.text for line in run).casefold())),
                Counter(line.text.casefold() for line in reading.lines
                        if line.text and line.words <= _MENU_ITEM_WORDS))
        self.article, self.items = reading.words
        self.own = reading.lines[i].text.casefold()

    def __contains__(self, word: object) -> bool:
        return word in self.article or self.items[word] > (word == self.own)


def _standfirst(reading: _Reading, title_at: int) -> str | None:
    """The standfirst: the long line right under the headline, above the article's byline.

    "Penalties for refusing to self-isolate rise to £10,000" under the headline is the
    article's lead, not furniture; sites show it in the header, so the run starts below it.
    """
    lines = reading.lines
    nxt = next((j for j in range(title_at + 1, reading.start)
                if lines[j].rule != "skip" and not lines[j].url), None)
    if nxt is None or nxt in reading.used:
        return None
    line = lines[nxt]
    if line.rule or line.credit or line.editor or line.link_only or line.heading or \
            line.words < _STANDFIRST_MIN_WORDS or line.words > _STANDFIRST_MAX_WORDS or \
            line.text.endswith(":") or is_byline_like(line.text) or \
            is_dateline_or_byline(line) or line.text == lines[title_at].text or \
            parse_date_line(line.text, language=reading.language):
        return None
    return line.text


def _is_header_byline(lines: list[CaptureLine], i: int, reading: _Reading) -> bool:
    """Whether header line ``i`` is the byline.

    A line of two title-case words may be a name or a headline ("Leadership Styles"): without
    "By", an agency or several names, a byline must sit next to a date line.
    """
    text = lines[i].text
    if not looks_like_byline(text):
        return False
    byline = parse_byline(text)
    if has_byline_prefix(text) or byline.agencies or len(byline.authors) >= 2:
        return True
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and not lines[j].rule]
    return any(parse_date_line(lines[j].text, language=reading.language) for j in neighbours)


def _read_pictures(reading: _Reading, indexes: range) -> None:
    """Pictures among ``indexes``: a caption line with its credit, and the line describing it."""
    lines = reading.lines
    for i in indexes:
        line = lines[i]
        if line.image_src or line.image_alt:
            caption = credit = None
            nxt = i + 1
            if nxt < len(lines) and nxt in indexes and lines[nxt].credit:
                caption, credit = lines[nxt].caption, lines[nxt].credit
                reading.used.add(nxt)
            elif line.text:
                caption = line.text
            reading.images.append(Image(description=line.image_alt, caption=caption,
                                        credit=credit, src=line.image_src))
            reading.used.add(i)
            continue
        if not line.credit or i in reading.used:
            continue
        caption, description = line.caption, None
        prev = i - 1
        if caption is None and prev in indexes and _describes(lines, prev, i, reading.used):
            caption = lines[prev].text
            reading.used.add(prev)
            prev -= 1
        if prev in indexes and _describes(lines, prev, i, reading.used):
            description = lines[prev].text
            reading.used.add(prev)
        reading.images.append(Image(description=description, caption=caption, credit=line.credit))
        reading.used.add(i)


def _describes(lines: list[CaptureLine], prev: int, caption_at: int, used: set[int]) -> bool:
    """Whether line ``prev`` belongs to the picture whose caption is line ``caption_at``."""
    if prev < 0 or prev in used:
        return False
    line = lines[prev]
    if line.rule or line.url or line.credit or line.heading or not line.text:
        return False
    if line.block == lines[caption_at].block and has_blank_lines(lines):
        return True
    return not line.paragraph


def _read_run(reading: _Reading) -> None:
    """Body paragraphs and subheadings of the run; pictures, links and credits set aside."""
    lines = reading.lines
    indexes = range(reading.start, reading.end)
    _read_pictures(reading, indexes)
    authors = set(reading.authors)
    listing = _listing_blocks(lines, indexes)
    context = _short_line_context(lines, indexes)
    for i in indexes:
        line = lines[i]
        if line.rule == "meta" and i - reading.start <= META_IN_RUN:
            reading.published = reading.published or parse_date_line(
                line.text, language=reading.language)
        if i in reading.used or line.rule or not line.text:
            continue
        if line.url:
            reading.urls.append(line.text)
            continue
        if line.editor:
            reading.editors.extend(parse_editors(line.text))
            continue
        if _is_bio(lines, i, reading, authors):
            continue
        if not line.paragraph:
            if (not reading.authors and i - reading.start <= META_IN_RUN
                    and looks_like_byline(line.text)):
                byline = parse_byline(line.text)
                reading.authors.extend(byline.authors)
                reading.agencies.extend(byline.agencies)
                continue
            date = parse_date_line(line.text, language=reading.language)
            if date:
                if i - reading.start <= META_IN_RUN:
                    reading.published = reading.published or date
                continue
            kind = _short_line_kind(lines, i, reading, listing, context)
            if kind == "subheading":
                reading.subheadings.append(line.text)
            if kind != "teaser":
                reading.body.append(line.text)
            continue
        reading.body.append(line.text)


def _listing_blocks(lines: list[CaptureLine], indexes: range) -> set[int]:
    """Blocks with three or more short lines in a row: lists, tables, code, verse."""
    counts: dict[int, int] = {}
    run_block, run = None, 0
    for i in indexes:
        line = lines[i]
        if line.paragraph or line.rule or line.url or line.credit:
            run_block, run = None, 0
            continue
        run = run + 1 if line.block == run_block else 1
        run_block = line.block
        counts[line.block] = max(counts.get(line.block, 0), run)
    return {block for block, n in counts.items() if n >= _LISTING_LINES}


def _short_line_kind(lines: list[CaptureLine], i: int, reading: _Reading,
                     listing: set[int], context: dict[int, str]) -> str:
    """"subheading", "text" (a short sentence, a list item) or "teaser" (left out).

    A subheading is a short line that opens the paragraphs after it (a question, no final
    period), also right under a picture (slideshows put a heading under each picture). A
    teaser of a related item precedes another short line, with no paragraph of its own.
    """
    line = lines[i]
    if line.link_only:
        return "teaser"
    nxt = _next_content(lines, i, reading)
    opens_paragraph = nxt is not None and lines[nxt].paragraph and nxt not in reading.used
    if line.heading:
        return "subheading" if opens_paragraph else "teaser"
    if context.get(i) == "end":
        return "teaser"  # a list of links under "Related" is no list of the article's
    if line.block in listing or context.get(i) == "intro":
        return "text"
    if line.text.endswith(SENTENCE_END) and line.words >= 2:
        return "text"
    if opens_paragraph and line.words <= _SUBHEADING_MAX_WORDS:
        return "subheading"
    return "teaser"


def _short_line_context(lines: list[CaptureLine], indexes: range) -> dict[int, str]:
    """What stands above each line of the run with only short lines between: "end" for a
    "Related"-like marker, "intro" for a line announcing a list ("Here are a few guides I
    found useful:"; a label of a few words, "Follow us:", announces none). One pass over the
    run, so that a capture of short lines only stays fast.
    """
    context: dict[int, str] = {}
    state = None
    for i in indexes:
        if state:
            context[i] = state
        line = lines[i]
        if line.paragraph:
            state = None
        if line.rule == "end":
            state = "end"
        elif (state != "end" and line.text.endswith(":") and not line.rule
              and line.words >= LIST_INTRO_MIN_WORDS):
            state = "intro"
    return context


def _next_content(lines: list[CaptureLine], i: int, reading: _Reading) -> int | None:
    for j in range(i + 1, reading.end):
        if lines[j].rule == "skip" or lines[j].url:
            continue
        return j
    return None


def _is_bio(lines: list[CaptureLine], i: int, reading: _Reading, authors: set[str]) -> bool:
    """Whether line ``i`` is an author's bio box: "Jane Doe Reporter covering Asia.@JaneDoe".

    Author boxes under an article open with the author's name, give the author's job and a
    handle to follow, and stand after the article's text. Each of these alone is common in
    news ("Jane Doe (@jdoe) first reported the leak"), so all are asked: the name first, a
    handle, a job title (``job_title`` words of ``data/bylines.csv``) and no paragraph of the
    article after the line.
    """
    text = lines[i].text
    if not any(text.startswith(author) for author in authors) or not _HANDLE.search(text):
        return False
    if not job_titles().intersection(_WORD.findall(text.casefold())):
        return False
    return not any(lines[j].paragraph and not lines[j].rule and j not in reading.used
                   for j in range(i + 1, reading.end))


def _read_trailer(reading: _Reading) -> None:
    """Editors and page links right after the run, up to the next end-of-article marker."""
    lines = reading.lines
    for i in range(reading.end, min(len(lines), reading.end + _TRAILER_LOOKAHEAD)):
        line = lines[i]
        if line.rule == "end":
            break
        if line.url:
            reading.urls.append(line.text)
        elif line.editor:
            reading.editors.extend(parse_editors(line.text))


def _closing_agencies(reading: _Reading) -> tuple[str, ...]:
    """Agencies credited on short lines of the run and trailer that are not body text.

    Picture credits ("Image: Harbour Daily/REUTERS") are no agency credit of the story;
    ``agencies_in_text`` tells them apart.
    """
    lines = reading.lines
    body = set(reading.body)
    stop = min(len(lines), reading.end + _TRAILER_LOOKAHEAD)
    texts = [lines[i].text for i in range(reading.start, stop)
             if lines[i].words <= 8 and lines[i].text not in body]
    return agencies_in_text("\n".join(texts))


def _page_url(urls: list[str]) -> str | None:
    """The page's own address among the capture's bare links (unwrapped from proxies)."""
    for url in urls:
        url = unwrap_url(url)
        if host_of(url) and not is_share_link(url):
            return url
    return None


def _language(body: str) -> str | None:
    if not body:
        return None
    try:
        from newsgraph.extract.language import detect_language
    except ImportError:
        return None
    return detect_language(body)
