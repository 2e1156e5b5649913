"""The headline among the header lines of a text capture.

Most sites write the headline into the page's address (its slug); otherwise it is the
header line next to the byline and date, or the best balance of length and nearness among
the free lines above the article. ``text.py`` reads the header and asks this module which
of its lines is the headline. docs/extraction.md ("Text captures", step 3) describes every
rule.
"""

from __future__ import annotations

import re

from newsgraph.extract.bylines import has_byline_prefix, looks_like_byline
from newsgraph.extract.capture_lines import CaptureLine
from newsgraph.extract.capture_stretch import TITLE_MAX_WORDS
from newsgraph.extract.urls import fold_words

__all__ = ["SLUG_MIN_WORDS", "choose_title", "free_line", "headline", "is_byline_like",
           "next_to", "slug_title"]

# Headline candidates: free header lines of at most this many words; the nearest six are
# weighed by length (up to 12 words) against distance (one word per candidate further up).
_TITLE_CANDIDATES = 6
_TITLE_WORDS, _TITLE_DISTANCE = 12, 1
# A header line holding this share of the words of the page's slug at least, and this many
# of them, is its headline; slugs of fewer words say too little.
_SLUG_SHARE, SLUG_MIN_WORDS = 0.6, 3
# A candidate right above or below a byline or date line counts as this many words more.
_TITLE_NEXT_TO_DATE = 4
# A trail "Home » Recipes » Olive & Herb Focaccia Bread": crumbs of three words at most
# before the headline.
_TRAIL = re.compile(r"\s+(?:»|›|>|/|→)\s+")
_TRAIL_MIN_PARTS = 3
# Above a byline, a line longer than this right under a shorter one (this many lines above
# it at most) is the standfirst, and the shorter one the headline.
_STANDFIRST_WORDS, _STANDFIRST_GAP = 16, 2


def is_byline_like(text: str) -> bool:
    """Whether a line opening with a byline prefix names someone ("By Jane Doe").

    Headlines open with such words too: "Author says ban reflects repression", "Von der
    Leyen warns of tariffs", "By the numbers: how the vote went".
    """
    return has_byline_prefix(text) and looks_like_byline(text)


def free_line(line: CaptureLine) -> bool:
    """Whether a line could be a headline at all: short text, no rule, link or picture."""
    return bool(line.text) and not (line.rule or line.url or line.credit or line.link_only
                                    or line.image_src) and 1 <= line.words <= TITLE_MAX_WORDS


def headline(text: str) -> str:
    """The headline in a header line, without the breadcrumb trail some pages put before it.

    >>> headline("Home » Recipes » Olive & Herb Focaccia Bread")
    'Olive & Herb Focaccia Bread'
    """
    parts = [part for part in _TRAIL.split(text) if part.strip()]
    if len(parts) >= _TRAIL_MIN_PARTS and all(len(p.split()) <= 3 for p in parts[:-1]):
        return parts[-1].strip()
    return text


def slug_title(lines: list[CaptureLine], candidates: list[int],
                slug: tuple[str, ...]) -> int | None:
    """The header line the page's address is named after, when one clearly is.

    Most sites write the headline into the address ("/talks-end-in-geneva-without-a-deal");
    menus, teasers and the site's name do not match it. A line matches when it holds most of
    the slug's words, three at least; of several, the one holding most, then the nearest to
    the article.
    """
    wanted = set(slug)
    if len(wanted) < SLUG_MIN_WORDS:
        return None
    best, best_share = None, _SLUG_SHARE
    for i in sorted(candidates):
        text = lines[i].text
        words = set(fold_words(text)) | set(fold_words(text, umlauts=True))
        share = len(wanted & words) / len(wanted)
        if share >= best_share and len(wanted & words) >= SLUG_MIN_WORDS:
            best, best_share = i, share
    return best


def next_to(lines: list[CaptureLine], dated: list[int], header: range) -> set[int]:
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


def choose_title(lines: list[CaptureLine], candidates: list[int], byline_at: int | None,
                 dated_near: set[int]) -> int | None:
    """The line of the headline among the header's free lines (``candidates``).

    ``byline_at`` is the header's byline line, ``dated_near`` are the lines next to a byline
    or date line.
    """
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
