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
from newsgraph.extract.capture_lines import (CaptureLine, is_bio_line, looks_like_markdown,
                                             read_lines, section_names)
from newsgraph.extract.normalize import build_article
from newsgraph.extract.published_dates import date_in_url, parse_date_line
from newsgraph.extract.sites import site_name
from newsgraph.extract.urls import host_of, is_share_link, unwrap_url
from newsgraph.model import Article, Image, RawDocument

if TYPE_CHECKING:
    from newsgraph.extract import ExtractOptions

__all__ = ["extract_text"]

COMPONENT = "newsgraph.extract.text"

# A short line in the middle of paragraphs costs as much as this many characters of text:
# a subheading or picture is soon paid back, a menu or a list of teasers is not.
_SHORT_LINE_COST = 40
# "Related", "More on this topic": the article is usually over, unless more text follows (a
# box of related links inside the article, which the paragraphs after it soon pay back).
_END_MARKER_COST = 300
_AFTER_END_MARKER = 2
# The article comes before what pages put after it (related items, comments, sign-up forms,
# footers): paragraph text at the end of a capture counts this fraction of the same text at
# its top, falling linearly in between. A short capture is all article and menu: the weight
# falls over this many lines at least.
_LAST_LINE_WEIGHT = 0.3
_WEIGHT_SPAN_LINES = 100
# A paragraph-like line in a block made mostly of short lines (a menu, a teaser list, a form)
# counts this fraction of its length, when the capture separates its blocks by blank lines:
# article paragraphs stand in blocks of their own or among other paragraphs.
_CROWDED_BLOCK_WEIGHT = 0.5
_CROWDED_BLOCK_LINES = 3
# After the richest stretch is found, a tail of at most this many paragraphs holding less than
# this fraction of the stretch's text, behind a gap costing at least this much (two short
# lines, or an end marker), is a promotion or an author box after the article, not its end.
_TAIL_PARAGRAPHS = 2
_TAIL_SHARE = 0.2
_TAIL_GAP = 2 * _SHORT_LINE_COST
# Author blurbs closing an article (one per author) are left out, this many at most.
_CLOSING_BIOS = 3
# Prose of this many words has some punctuation; a tag cloud or a row of links has none.
_WORD_LIST_MIN_WORDS = 30
_PUNCTUATION = re.compile(r"[.,;:!?…，。、！？؟।]")
# A line of code (brackets, operators, underscores: "total = int(x.find('total'))") is part of
# a listing the article shows; menus and teasers do not read like that. It costs little.
_CODE_MARKS = re.compile(r"[(){}\[\]=;_<>#$\\]")
_CODE_MARKS_MIN = 2
_CODE_LINE_COST = 5
_SENTENCE_END = tuple('.!:;"”’)…。！')
# How far the header reaches above the article and the trailer below it, in lines.
_HEADER_LOOKBACK = 25
_TRAILER_LOOKAHEAD = 12
# Headline candidates: free header lines of at most this many words; the nearest six are
# weighed by length (up to 12 words) against distance (one word per candidate further up).
_TITLE_MAX_WORDS = 30
_TITLE_CANDIDATES = 6
_TITLE_WORDS, _TITLE_DISTANCE = 12, 1
# A breadcrumb is read this many lines above the headline at most.
_BREADCRUMB_REACH = 4
# A date or byline line this close to the first paragraph still belongs to the header.
_META_IN_RUN = 3
_SUBHEADING_MAX_WORDS = 20
# Bylines and date lines are this short at most.
_BYLINE_MAX_WORDS = 8
_DATE_SHAPE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
# Short lines in a row within one block that make a list, a table or code.
_LISTING_LINES = 3
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")


@dataclass
class _Reading:
    """What the extractor has learned so far about one capture."""

    lines: list[CaptureLine]
    language: str | None = None
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
    reading = _Reading(lines=lines, language=language)
    if reading.lines:
        reading.start, reading.end = _find_run(reading.lines)
        _read_header(reading)
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


def _find_run(lines: list[CaptureLine]) -> tuple[int, int]:
    """(start, end) of the stretch of lines richest in paragraph text.

    Paragraph lines count for their length, other short lines against it (menus and teaser
    lists are many short lines, an article a few among long ones), and an end-of-article
    marker or an editor line closes a stretch: the best stretch is a maximum-sum subarray.
    Text counts less the further down the capture it is and when it stands in a block of
    short lines (see ``_run_values``); a small tail after a gap is then cut (``_trim_tail``).
    """
    values = _run_values(lines)
    best = (0, 0, 0)  # score, start, end
    score, start = 0.0, None
    end_marker_at = -_AFTER_END_MARKER
    for i, line in enumerate(lines):
        if line.rule == "end":
            end_marker_at = i
        if line.editor and start is not None:
            score, start = 0.0, None
            continue
        value = values[i]
        if start is None:
            # Right after "Related" or a commenter's name comes a teaser or a comment,
            # not the start of the article.
            if value <= 0 or i - end_marker_at <= _AFTER_END_MARKER:
                continue
            score, start = 0.0, i
        score += value
        if score <= 0:
            score, start = 0.0, None
        elif value > 0 and score > best[0]:
            best = (score, start, i + 1)
    if best[0] == 0:
        # No paragraph at all: a short note; everything that is not boilerplate is its body.
        return _first_content(lines), len(lines)
    start, end = best[1], best[2]
    end = _trim_tail(lines, values, start, end)
    return start, _drop_closing_bios(lines, values, start, end)


def _run_values(lines: list[CaptureLine]) -> list[float]:
    """What each line adds to the stretch of article text it is in, weighed by its place."""
    blocks: dict[int, list[int]] = {}
    for line in lines:
        counts = blocks.setdefault(line.block, [0, 0])  # lines, paragraph lines
        counts[0] += 1
        counts[1] += line.paragraph
    blank_lines = _has_blank_lines(lines)
    values: list[float] = []
    last = max(_WEIGHT_SPAN_LINES, len(lines) - 1)
    for i, line in enumerate(lines):
        value: float = _line_value(line)
        if value < 0 and i + 1 < len(lines) and lines[i + 1].credit and \
                lines[i + 1].block == line.block:
            value = 0  # a picture's description, whose caption line follows
        elif value < 0 and _opens_paragraphs(lines, i) and _is_dateline_or_byline(line):
            value = 0  # the article's byline or date, between its standfirst and its body
        if value > 0:
            size, paragraphs = blocks[line.block]
            if blank_lines and size >= _CROWDED_BLOCK_LINES and paragraphs * 2 < size:
                value *= _CROWDED_BLOCK_WEIGHT
            value *= 1 - (1 - _LAST_LINE_WEIGHT) * i / last
        values.append(value)
    return values


def _opens_paragraphs(lines: list[CaptureLine], i: int) -> bool:
    """Whether a paragraph follows line ``i`` within a few lines (share buttons aside)."""
    seen = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.paragraph and not line.rule:
            return True
        if line.rule != "skip":
            seen += 1
            if seen >= _META_IN_RUN:
                return False
    return False


def _is_dateline_or_byline(line: CaptureLine) -> bool:
    """Whether a short line is a byline ("By Jane Doe") or states a date."""
    if line.words > _BYLINE_MAX_WORDS or line.rule == "end":
        return False
    # A year or a numeric date is enough here (the header reads the date itself later):
    # parsing every such line of a long capture would cost seconds.
    return bool(_DATE_SHAPE.search(line.text)) or has_byline_prefix(line.text)


def _drop_closing_bios(lines: list[CaptureLine], values: list[float], start: int,
                       end: int) -> int:
    """The end of the run without the author blurbs that close it ("Jane Doe is a ...")."""
    for _ in range(_CLOSING_BIOS):
        last = next((i for i in range(end - 1, start, -1) if values[i] > 0), None)
        if last is None or not is_bio_line(lines[last].text):
            break
        end = last
    return end


def _trim_tail(lines: list[CaptureLine], values: list[float], start: int, end: int) -> int:
    """The end of the run without a small tail of paragraphs behind a gap.

    A sign-up prompt, a disclaimer or an author's blurb after the article pays back the few
    short lines before it; the article's own last paragraphs are more than a fifth of it.
    """
    tail_text = tail_paragraphs = 0.0
    gap = 0.0
    for i in range(end - 1, start - 1, -1):
        value = values[i]
        if value > 0:
            if gap <= -_TAIL_GAP:
                body_text = sum(v for v in values[start:i + 1] if v > 0)
                if tail_paragraphs <= _TAIL_PARAGRAPHS and tail_text < _TAIL_SHARE * body_text:
                    return next(j for j in range(i + 1, end)
                                if values[j] < 0 or lines[j].rule == "skip")
                return end
            gap = 0.0
            tail_text += value
            tail_paragraphs += 1
        elif value < 0 or lines[i].rule == "skip":
            # Share buttons and sign-up links separate the article from what follows it.
            gap += -_TAIL_GAP if lines[i].rule == "end" else min(value, -_SHORT_LINE_COST)
    return end


def _line_value(line: CaptureLine) -> int:
    """What a line adds to the stretch of article text it is in."""
    if line.rule == "end":
        return -_END_MARKER_COST
    if line.paragraph and not line.rule:
        if line.words >= _WORD_LIST_MIN_WORDS and not _PUNCTUATION.search(line.text):
            return -_SHORT_LINE_COST  # a tag cloud or a row of links run together, no prose
        return len(line.text)
    if line.rule in ("skip", "meta") or line.url or line.credit or line.image_src:
        return 0
    if len(_CODE_MARKS.findall(line.text)) >= _CODE_MARKS_MIN:
        return -_CODE_LINE_COST
    if line.text.endswith(_SENTENCE_END) and line.words >= 2:
        return -_SHORT_LINE_COST // 2
    return -_SHORT_LINE_COST


def _first_content(lines: list[CaptureLine]) -> int:
    content = [i for i, line in enumerate(lines) if not line.rule and not line.url]
    if len(content) >= 2 and lines[content[0]].words <= _TITLE_MAX_WORDS:
        return content[1]
    return content[0] if content else len(lines)


def _read_header(reading: _Reading) -> None:
    """Sections, title, byline, date, hero picture and page link before the run."""
    lines = reading.lines
    first = max(0, reading.start - _HEADER_LOOKBACK)
    header = range(first, reading.start)
    _read_pictures(reading, header)
    candidates: list[int] = []
    breadcrumbs: list[tuple[int, tuple[str, ...]]] = []
    byline_at = None
    for i in reversed(header):
        line = lines[i]
        if line.rule == "meta":
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
            continue
        if line.editor:
            reading.editors.extend(parse_editors(line.text))
            continue
        date = parse_date_line(line.text, language=reading.language)
        if date:
            reading.published = reading.published or date
            continue
        if 1 <= line.words <= _TITLE_MAX_WORDS and not line.link_only:
            candidates.append(i)
    title_at = _choose_title(reading, candidates, byline_at)
    reading.title = lines[title_at].text if title_at is not None else None
    # The breadcrumb sits just above the headline; run-together words further away are
    # more likely brand names in a menu ("YouTube").
    above = [(i, names) for i, names in breadcrumbs
             if title_at is not None and 0 < title_at - i <= _BREADCRUMB_REACH]
    if above:
        reading.sections = max(above)[1]


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


def _choose_title(reading: _Reading, candidates: list[int], byline_at: int | None) -> int | None:
    """The line of the headline among the header's free lines (``candidates``)."""
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
            return max(before)
    if not usable:
        return max(candidates) if candidates else None
    # Menus and labels are one or two words, the headline a longer line near the article:
    # the nearest lines are preferred, a longer one a little further up wins.
    nearest = sorted(usable, reverse=True)[:_TITLE_CANDIDATES]
    return max(nearest, key=lambda i: (min(lines[i].words, _TITLE_WORDS) -
                                        _TITLE_DISTANCE * nearest.index(i), i))


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
    if line.block == lines[caption_at].block and _has_blank_lines(lines):
        return True
    return not line.paragraph


def _has_blank_lines(lines: list[CaptureLine]) -> bool:
    """Whether the capture has blank lines at all (else blocks tell nothing)."""
    return bool(lines) and lines[0].block != lines[-1].block


def _read_run(reading: _Reading) -> None:
    """Body paragraphs and subheadings of the run; pictures, links and credits set aside."""
    lines = reading.lines
    indexes = range(reading.start, reading.end)
    _read_pictures(reading, indexes)
    authors = set(reading.authors)
    listing = _listing_blocks(lines, indexes)
    for i in indexes:
        line = lines[i]
        if line.rule == "meta" and i - reading.start <= _META_IN_RUN:
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
            if (not reading.authors and looks_like_byline(line.text)
                    and i - reading.start <= _META_IN_RUN):
                byline = parse_byline(line.text)
                reading.authors.extend(byline.authors)
                reading.agencies.extend(byline.agencies)
                continue
            date = parse_date_line(line.text, language=reading.language)
            if date:
                if i - reading.start <= _META_IN_RUN:
                    reading.published = reading.published or date
                continue
            kind = _short_line_kind(lines, i, reading, listing)
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
                     listing: set[int]) -> str:
    """"subheading", "text" (a short sentence, a list item) or "teaser" (left out).

    A subheading is a short line that opens the paragraphs after it (a question, no final
    period). A teaser of a related item follows a picture or precedes another short line,
    with no paragraph of its own.
    """
    line = lines[i]
    if line.link_only:
        return "teaser"
    nxt = _next_content(lines, i, reading)
    opens_paragraph = nxt is not None and lines[nxt].paragraph and nxt not in reading.used
    if line.heading:
        return "subheading" if opens_paragraph else "teaser"
    if line.block in listing:
        return "text"
    if line.text.endswith(_SENTENCE_END) and line.words >= 2:
        return "text"
    prev = _previous_content(lines, i, reading)
    after_picture = prev is not None and (lines[prev].credit or lines[prev].image_src)
    if line.text.endswith("?"):
        after_picture = False  # a question opening paragraphs is a subheading wherever it is
    if (opens_paragraph and not after_picture and line.words <= _SUBHEADING_MAX_WORDS
            and not _after_end_marker(lines, i, reading)):
        return "subheading"
    return "teaser"


def _after_end_marker(lines: list[CaptureLine], i: int, reading: _Reading) -> bool:
    """Whether only short lines separate line ``i`` from a "Related"-like marker above it."""
    for j in range(i - 1, reading.start - 1, -1):
        if lines[j].rule == "end":
            return True
        if lines[j].paragraph:
            return False
    return False


def _next_content(lines: list[CaptureLine], i: int, reading: _Reading) -> int | None:
    for j in range(i + 1, reading.end):
        if lines[j].rule == "skip" or lines[j].url:
            continue
        return j
    return None


def _previous_content(lines: list[CaptureLine], i: int, reading: _Reading) -> int | None:
    for j in range(i - 1, reading.start - 1, -1):
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
