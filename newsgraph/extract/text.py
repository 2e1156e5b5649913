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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.bylines import (agencies_in_text, has_byline_prefix, looks_like_byline,
                                       parse_byline, parse_editors)
from newsgraph.extract.capture_lines import (CaptureLine, looks_like_markdown, read_lines,
                                             section_names)
from newsgraph.extract.capture_stretch import (LIST_INTRO_MIN_WORDS, META_IN_RUN, SENTENCE_END,
                                               TITLE_MAX_WORDS, find_stretch, has_blank_lines,
                                               is_dateline_or_byline)
from newsgraph.extract.normalize import build_article
from newsgraph.extract.published_dates import date_in_url, parse_date_line
from newsgraph.extract.sites import site_name
from newsgraph.extract.urls import fold_words, host_of, is_share_link, slug_words, unwrap_url
from newsgraph.model import Article, Image, RawDocument

if TYPE_CHECKING:
    from newsgraph.extract import ExtractOptions

__all__ = ["extract_text"]

COMPONENT = "newsgraph.extract.text"

# How far the header reaches above the article and the trailer below it, in lines.
_HEADER_LOOKBACK = 25
_TRAILER_LOOKAHEAD = 12
# Headline candidates: free header lines of at most this many words; the nearest six are
# weighed by length (up to 12 words) against distance (one word per candidate further up).
_TITLE_CANDIDATES = 6
_TITLE_WORDS, _TITLE_DISTANCE = 12, 1
# A header line holding this share of the words of the page's slug at least, and this many
# of them, is its headline; slugs of fewer words say too little.
_SLUG_SHARE, _SLUG_MIN_WORDS = 0.6, 3
# When no header line matches the slug, this many lines above the header are searched.
_SLUG_REACH = 200
# A candidate right above or below a byline or date line counts as this many words more.
_TITLE_NEXT_TO_DATE = 4
# Header lines that are no headline: labels announcing something ("Search for:"), links to
# the previous or next post ("← Older post", "Newer post →"), a handle ("@jane").
_NO_HEADLINE = re.compile(r":$|^[←«‹<]|[→»›>]$|^@\w")
# A trail "Home » Recipes » Olive & Herb Focaccia Bread": crumbs of three words at most
# before the headline.
_TRAIL = re.compile(r"\s+(?:»|›|>|/|→)\s+")
_TRAIL_MIN_PARTS = 3
# Above a byline, a line longer than this right under a shorter one (this many lines above
# it at most) is the standfirst, and the shorter one the headline.
_STANDFIRST_WORDS, _STANDFIRST_GAP = 16, 2
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
    if len(set(slug)) >= _SLUG_MIN_WORDS:
        header = [i for i in range(max(0, start - _HEADER_LOOKBACK), start)
                  if _free_line(lines[i])]
        if _slug_title(lines, header, slug) is not None:
            return start  # the headline is above; the first line is the standfirst or lead
        named = _slug_title(lines, [start], slug) == start
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
        if names := section_names(line.text):
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
                not _NO_HEADLINE.search(line.text) and not _is_byline_like(line.text):
            candidates.append(i)
    slug = slug_words(reading.url or _page_url(reading.urls))
    title_at = _slug_title(lines, candidates, slug)
    if title_at is None and slug:
        # A long header (share buttons, a table of contents) may push the headline further up.
        above = range(max(0, first - _SLUG_REACH), first)
        title_at = _slug_title(lines, [i for i in above if _free_line(lines[i])], slug)
    if title_at is None:
        title_at = _choose_title(reading, candidates, byline_at, _next_to(lines, dated, header))
    reading.title = _headline(lines[title_at].text) if title_at is not None else None
    if title_at is not None:
        reading.standfirst = _standfirst(reading, title_at)
    # The breadcrumb sits just above the headline; run-together words further away are
    # more likely brand names in a menu ("YouTube").
    above = [(i, names) for i, names in breadcrumbs
             if title_at is not None and 0 < title_at - i <= _BREADCRUMB_REACH]
    if above:
        reading.sections = max(above)[1]


def _is_byline_like(text: str) -> bool:
    """Whether a line opening with a byline prefix names someone ("By Jane Doe").

    Headlines open with such words too: "Author says ban reflects repression", "Von der
    Leyen warns of tariffs", "By the numbers: how the vote went".
    """
    return has_byline_prefix(text) and looks_like_byline(text)


def _free_line(line: CaptureLine) -> bool:
    """Whether a line could be a headline at all: short text, no rule, link or picture."""
    return bool(line.text) and not (line.rule or line.url or line.credit or line.link_only
                                    or line.image_src) and 1 <= line.words <= TITLE_MAX_WORDS


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
            line.text.endswith(":") or _is_byline_like(line.text) or \
            is_dateline_or_byline(line) or line.text == lines[title_at].text or \
            parse_date_line(line.text, language=reading.language):
        return None
    return line.text


def _headline(text: str) -> str:
    """The headline in a header line, without the breadcrumb trail some pages put before it.

    >>> _headline("Home » Recipes » Olive & Herb Focaccia Bread")
    'Olive & Herb Focaccia Bread'
    """
    parts = [part for part in _TRAIL.split(text) if part.strip()]
    if len(parts) >= _TRAIL_MIN_PARTS and all(len(p.split()) <= 3 for p in parts[:-1]):
        return parts[-1].strip()
    return text


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


def _slug_title(lines: list[CaptureLine], candidates: list[int],
                slug: tuple[str, ...]) -> int | None:
    """The header line the page's address is named after, when one clearly is.

    Most sites write the headline into the address ("/talks-end-in-geneva-without-a-deal");
    menus, teasers and the site's name do not match it. A line matches when it holds most of
    the slug's words, three at least; of several, the one holding most, then the nearest to
    the article.
    """
    wanted = set(slug)
    if len(wanted) < _SLUG_MIN_WORDS:
        return None
    best, best_share = None, _SLUG_SHARE
    for i in sorted(candidates):
        text = lines[i].text
        words = set(fold_words(text)) | set(fold_words(text, umlauts=True))
        share = len(wanted & words) / len(wanted)
        if share >= best_share and len(wanted & words) >= _SLUG_MIN_WORDS:
            best, best_share = i, share
    return best


def _next_to(lines: list[CaptureLine], dated: list[int], header: range) -> set[int]:
    """The header lines right above or below a byline or date line (skipped lines aside).

    The headline sits next to the article's byline and date ("Title" / "March 3, 2025" /
    "By Jane Doe", or the date first), menus and teasers seldom do.
    """
    near: set[int] = set()
    for i in dated:
        for step in (-1, 1):
            j = i + step
            while j in header and (lines[j].rule == "skip" or lines[j].url):
                j += step
            if j in header:
                near.add(j)
    return near


def _choose_title(reading: _Reading, candidates: list[int], byline_at: int | None,
                  dated_near: set[int]) -> int | None:
    """The line of the headline among the header's free lines (``candidates``).

    ``dated_near`` are the lines next to a byline or date line.
    """
    lines = reading.lines
    for i in sorted(candidates):
        if lines[i].heading == 1:
            return i
    headings = [i for i in candidates if lines[i].heading]
    if headings:
        return min(headings, key=lambda i: (lines[i].heading, -i))
    usable = [i for i in candidates if lines[i].words >= 2 and not lines[i].text.endswith(".")
              and lines[i].rule != "meta"]
    if byline_at is not None:
        before = [i for i in usable if i < byline_at]
        if before:
            # A long line right under a shorter one is the standfirst under the headline.
            nearest = max(before)
            above = [i for i in before if nearest - _STANDFIRST_GAP <= i < nearest
                     and lines[i].words < lines[nearest].words]
            if lines[nearest].words > _STANDFIRST_WORDS and above:
                return max(above)
            return nearest
    if not usable:
        return max(candidates) if candidates else None
    # Menus and labels are one or two words, the headline a longer line near the article:
    # the nearest lines are preferred, a longer one a little further up wins.
    nearest = sorted(usable, reverse=True)[:_TITLE_CANDIDATES]
    return max(nearest, key=lambda i: (min(lines[i].words, _TITLE_WORDS) -
                                        _TITLE_DISTANCE * nearest.index(i) +
                                        _TITLE_NEXT_TO_DATE * (i in dated_near), i))


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
        if _is_bio(line.text, authors):
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


def _is_bio(text: str, authors: set[str]) -> bool:
    """An author's bio line ("Jane Doe Reporter covering Asia.@JaneDoe")."""
    return any(text.startswith(author) for author in authors) and bool(_HANDLE.search(text))


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

    Picture credits ("Image: China Daily/REUTERS") are no agency credit of the story;
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
