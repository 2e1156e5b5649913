"""The article's stretch in a text capture: the run of lines richest in paragraph text.

A capture keeps the page's navigation, teasers, comments and footers as lines around the
article. Each line adds to or costs the stretch it is in (paragraph text adds its length,
weighed by its place; short lines, end markers and code cost a little), and the article is
the maximum-sum run of lines; a small tail behind a gap and closing author blurbs are then
cut. docs/extraction.md ("Text captures", step 2) describes every rule.
"""

from __future__ import annotations

import re

from newsgraph.extract.bylines import has_byline_prefix
from newsgraph.extract.capture_lines import THREAD_AFTER_TEXT, CaptureLine, is_bio_line

__all__ = ["find_stretch", "has_blank_lines", "is_dateline_or_byline", "LIST_INTRO_MIN_WORDS",
           "META_IN_RUN", "SENTENCE_END", "TITLE_MAX_WORDS"]

# A short line in the middle of paragraphs costs as much as this many characters of text:
# a subheading or picture is soon paid back, a menu or a list of teasers is not.
_SHORT_LINE_COST = 40
# "Related", "More on this topic": the article is usually over, unless more text follows (a
# box of related links inside the article, which the paragraphs after it soon pay back).
_END_MARKER_COST = 200
_AFTER_END_MARKER = 2
# A "Related" marker and one link standing between two paragraphs of the article is an
# inline teaser: it costs as little as this, all its lines together.
_INLINE_BOX_LINES = 2
_INLINE_BOX_COST = 60
# The article comes before what pages put after it (related items, comments, sign-up forms,
# footers): paragraph text at the end of a capture counts this fraction of the same text at
# its top, falling linearly with the characters before it. A short capture is all article and
# menu: the weight falls over this many characters at least.
_LAST_LINE_WEIGHT = 0.3
_WEIGHT_SPAN_CHARS = 2000
# A paragraph-like line in a block made mostly of short lines (a menu, a teaser list, a form)
# counts this fraction of its length, when the capture separates its blocks by blank lines:
# article paragraphs stand in blocks of their own or among other paragraphs.
_CROWDED_BLOCK_WEIGHT = 0.5
_CROWDED_BLOCK_LINES = 3
# A block of at most this many lines that an end marker opens ("Most read", "Related") is a
# box of teasers: its sentences cost like short lines. A longer block is more of the page.
_BOX_LINES = 30
# Text after a line opening a comment thread ("12 comments") counts this fraction of its
# length: the article never runs past such a line, and a long thread must not beat it.
_THREAD_WEIGHT = 0.3
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
# A long line where more than this share of the characters are such marks is code (a script
# the page printed), not prose, however long it is.
_CODE_SHARE = 0.08
# A line of text ending with a colon announces what follows ("Here are the steps you need:"):
# the short lines after it, up to the next paragraph, are its list and cost this little each.
# Labels of a few words ("Follow us:", "Ingredients:") announce no list of the article's.
_LIST_ITEM_COST = 5
LIST_INTRO_MIN_WORDS = 4
# Numbered lines counting up ("1. ...", "2. ...") are a list of the article's: menus are not
# numbered. From the second on, they cost as little as announced list items.
_ITEM_NUMBER = re.compile(r"^(\d{1,3})[.)]\s")
SENTENCE_END = tuple('.!:;"”’)…。！')
# A date or byline line this close to the first paragraph still belongs to the header.
META_IN_RUN = 3
# Bylines and date lines are this short at most; a byline of several names and no date this.
_BYLINE_MAX_WORDS = 8
_BYLINE_NAMES_MAX_WORDS = 15
# Of several articles in one run, the first with a header of its own is the page's when it
# holds this share of the richest one's text at least.
_HEADED_SHARE = 0.5
_DATE_SHAPE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
# A first line this short may be a short note's title.
TITLE_MAX_WORDS = 30


def find_stretch(lines: list[CaptureLine]) -> tuple[int, int]:
    """(start, end) of the stretch of lines richest in paragraph text.

    Paragraph lines count for their length, other short lines against it (menus and teaser
    lists are many short lines, an article a few among long ones), and an end-of-article
    marker costs more: the best stretch is a maximum-sum subarray. An editor line or a line
    opening a comment thread closes a stretch. Text counts less the further down the capture
    it is, after a comment thread opens, and when it stands in a block of short lines (see
    ``_run_values``); a small tail after a gap is then cut (``_trim_tail``).

    >>> from newsgraph.extract.capture_lines import read_lines
    >>> lines = read_lines("Home\\nWorld\\n\\nTalks end\\n\\nThe talks ended on Monday without "
    ...                    "a deal, diplomats said.\\n\\n2 comments\\n\\nWhat a shame, I had "
    ...                    "hoped they would agree on something this time.")
    >>> start, end = find_stretch(lines)
    >>> [line.text for line in lines[start:end]]
    ['The talks ended on Monday without a deal, diplomats said.']
    """
    boxes = _inline_boxes(lines, _block_counts(lines))
    values = _run_values(lines, boxes)
    best = (0, 0, 0)  # score, start, end
    score, start = 0.0, None
    end_marker_at = -_AFTER_END_MARKER
    for i, line in enumerate(lines):
        if line.rule == "end":
            end_marker_at = i
        if (line.editor or line.thread) and start is not None:
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
    start, end = _split_articles(lines, values, start, end)
    end = _trim_tail(lines, values, start, end, boxes)
    return start, _drop_closing_bios(lines, values, start, end)


def _block_counts(lines: list[CaptureLine]) -> dict[int, list[int]]:
    """Lines and paragraph lines of each block."""
    blocks: dict[int, list[int]] = {}
    for line in lines:
        counts = blocks.setdefault(line.block, [0, 0])
        counts[0] += 1
        counts[1] += line.paragraph
    return blocks


def _run_values(lines: list[CaptureLine], boxes: set[int]) -> list[float]:
    """What each line adds to the stretch of article text it is in, weighed by its place.

    ``boxes`` are the lines of inline "Related" boxes (``_inline_boxes``).
    """
    blocks = _block_counts(lines)
    blank_lines = has_blank_lines(lines)
    values: list[float] = []
    # Place is measured in characters, not lines: a menu of a hundred one-word lines above
    # the article is a small part of the page and must not push the article's text down.
    place, total = [], 0
    for line in lines:
        place.append(total)
        total += len(line.text) + 1
    last = max(total, _WEIGHT_SPAN_CHARS)
    thread_weight = 1.0
    in_list = False
    text_above = 0  # characters of paragraph text so far
    marker_block = -1  # the block of the last end marker
    last_number = -1  # the number of the last numbered line ("3. Bruce Dickinson")
    for i, line in enumerate(lines):
        if line.thread and text_above >= THREAD_AFTER_TEXT:
            thread_weight = _THREAD_WEIGHT
        if line.paragraph:
            text_above += len(line.text)
        value: float = _line_value(line)
        if i in boxes:
            # An inline box costs as a couple of short lines, its links included.
            value = -_INLINE_BOX_COST if line.rule == "end" else 0
        elif line.rule == "end":
            marker_block = line.block
        elif value > 0 and blank_lines and line.block == marker_block and \
                blocks[line.block][0] <= _BOX_LINES:
            value = -_SHORT_LINE_COST  # a teaser in the box under "Most read", "Related"
        if line.paragraph or line.rule == "end":
            in_list = False
        elif in_list and value < 0:
            value = -_LIST_ITEM_COST  # an item of a list the article's text announced
        number = _ITEM_NUMBER.match(line.text)
        if number and value < 0 and int(number.group(1)) == last_number + 1:
            value = -_LIST_ITEM_COST  # the next item of a numbered list: a ranking, steps
        last_number = int(number.group(1)) if number else last_number
        if line.text.endswith(":") and not line.rule and line.words >= LIST_INTRO_MIN_WORDS:
            in_list = True
        if value < 0 and i + 1 < len(lines) and lines[i + 1].credit and \
                lines[i + 1].block == line.block:
            value = 0  # a picture's description, whose caption line follows
        elif value < 0 and _opens_paragraphs(lines, i) and is_dateline_or_byline(line):
            value = 0  # the article's byline or date, between its standfirst and its body
        if value > 0:
            size, paragraphs = blocks[line.block]
            if blank_lines and size >= _CROWDED_BLOCK_LINES and paragraphs * 2 < size:
                value *= _CROWDED_BLOCK_WEIGHT
            value *= thread_weight * (1 - (1 - _LAST_LINE_WEIGHT) * place[i] / last)
        values.append(value)
    return values


def _inline_boxes(lines: list[CaptureLine], blocks: dict[int, list[int]]) -> set[int]:
    """The lines of short "Related" boxes with article text on both sides, marker first.

    ("... the court said." / "Related" / "Vietnam turns to medical tourism" / "The ruling
    means ..." / "...": the article goes on after the box.) Only captures with blank lines
    show where a box ends.
    """
    found: set[int] = set()
    if not has_blank_lines(lines):
        return found
    for i, line in enumerate(lines):
        block = line.block
        if line.rule != "end" or line.thread or blocks[block][0] > _INLINE_BOX_LINES or \
                blocks[block][1]:
            continue
        before = next((j for j in range(i - 1, -1, -1) if lines[j].rule != "skip"), None)
        after = next((j for j in range(i + 1, len(lines)) if lines[j].block != block), None)
        if (before is not None and after is not None and lines[before].paragraph
                and lines[after].paragraph and not lines[after].rule
                and after + 1 < len(lines) and lines[after + 1].paragraph):
            found.update(range(i, after))
    return found


def _opens_paragraphs(lines: list[CaptureLine], i: int) -> bool:
    """Whether a paragraph follows line ``i`` within a few lines (share buttons aside)."""
    seen = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.paragraph and not line.rule:
            return True
        if line.rule != "skip":
            seen += 1
            if seen >= META_IN_RUN:
                return False
    return False


def is_dateline_or_byline(line: CaptureLine) -> bool:
    """Whether a short line is a byline ("By Jane Doe") or states a date."""
    if line.words > _BYLINE_MAX_WORDS or line.rule == "end":
        return False
    # A year or a numeric date is enough here (the header reads the date itself later):
    # parsing every such line of a long capture would cost seconds.
    return bool(_DATE_SHAPE.search(line.text)) or has_byline_prefix(line.text)


def _split_articles(lines: list[CaptureLine], values: list[float], start: int,
                    end: int) -> tuple[int, int]:
    """The run's main article, when the page runs several one after another.

    Pages that load the next story under the first ("infinite scroll") repeat the header:
    a byline ("By Jane Doe", "von Jane Doe") next to a date line, then paragraphs. Such a
    header inside the run starts another article. The first part that opens with such a
    header is the article (a part before it is a sidebar or a promotion), unless it holds less
    than half the text of the richest part (text weighed by place, as the run was).
    """
    cuts = [start]
    for i in range(start + META_IN_RUN, end):
        if lines[i].paragraph or lines[i].words > _BYLINE_NAMES_MAX_WORDS or \
                not has_byline_prefix(lines[i].text):
            continue
        near = [j for j in (_next_kept(lines, i, -1), _next_kept(lines, i, 1)) if j is not None]
        date = next((j for j in near if _DATE_SHAPE.search(lines[j].text)
                     and lines[j].words <= _BYLINE_MAX_WORDS and not lines[j].paragraph), None)
        if date is not None and min(i, date) > cuts[-1] and \
                _opens_paragraphs(lines, max(i, date)):
            cuts.append(min(i, date))
    if len(cuts) == 1:
        return start, end
    cuts.append(end)
    parts = [(sum(v for v in values[a:b] if v > 0), a, b) for a, b in zip(cuts, cuts[1:])]
    richest = max(parts)
    headed = [part for n, part in enumerate(parts) if n or _has_header(lines, start)]
    _, first, last = next((part for part in headed if part[0] >= _HEADED_SHARE * richest[0]),
                          richest)
    # Each part without the teasers and headline lines around its paragraphs.
    first = next((j for j in range(first, last) if values[j] > 0), first)
    last = next((j + 1 for j in range(last - 1, first - 1, -1) if values[j] > 0), last)
    return first, last


def _has_header(lines: list[CaptureLine], start: int) -> bool:
    """Whether a byline or date line stands just above line ``start``."""
    return any(is_dateline_or_byline(lines[j]) and not lines[j].paragraph
               for j in range(max(0, start - META_IN_RUN), start))


def _next_kept(lines: list[CaptureLine], i: int, step: int) -> int | None:
    """The nearest line before (``step`` -1) or after (1) line ``i`` that is not skipped."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].rule != "skip":
            return j
        j += step
    return None


def _drop_closing_bios(lines: list[CaptureLine], values: list[float], start: int,
                       end: int) -> int:
    """The end of the run without the author blurbs that close it ("Jane Doe is a ...")."""
    for _ in range(_CLOSING_BIOS):
        last = next((i for i in range(end - 1, start, -1) if values[i] > 0), None)
        if last is None or not is_bio_line(lines[last].text):
            break
        end = last
    return end


def _trim_tail(lines: list[CaptureLine], values: list[float], start: int, end: int,
               boxes: set[int]) -> int:
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
        elif i in boxes:
            continue  # an inline box is within the article, no gap after it
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
        if len(_CODE_MARKS.findall(line.text)) > _CODE_SHARE * len(line.text):
            return -_CODE_LINE_COST  # a script or a long line of code, no prose
        return len(line.text)
    if line.rule in ("skip", "meta") or line.url or line.credit or line.image_src:
        return 0
    if len(_CODE_MARKS.findall(line.text)) >= _CODE_MARKS_MIN:
        return -_CODE_LINE_COST
    if line.text.endswith(SENTENCE_END) and line.words >= 2:
        return -_SHORT_LINE_COST // 2
    return -_SHORT_LINE_COST


def _first_content(lines: list[CaptureLine]) -> int:
    content = [i for i, line in enumerate(lines) if not line.rule and not line.url]
    if len(content) >= 2 and lines[content[0]].words <= TITLE_MAX_WORDS:
        return content[1]
    return content[0] if content else len(lines)


def has_blank_lines(lines: list[CaptureLine]) -> bool:
    """Whether the capture has blank lines at all (else blocks tell nothing)."""
    return bool(lines) and lines[0].block != lines[-1].block

