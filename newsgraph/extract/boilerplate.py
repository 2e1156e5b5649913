"""Page furniture inside an extracted body: prompts, "Advertisement", related links, tags lines.

trafilatura keeps some of a page's furniture inside the main text: a newsletter prompt between
two paragraphs, "Read more: ..." links, a tags line at the end, a list of related stories
after a "Related" marker. The shapes of such lines are data (``newsgraph/data/boilerplate.csv``,
in several languages). A paragraph goes only when it is such a line as a whole; lines whose
words could be news elsewhere are matched only at the body's edges, where furniture sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.extract.lexicon_files import Row, check_pattern, compile_pattern, read_rows

__all__ = ["strip_boilerplate", "strip_author_bio", "load_rules", "BOILERPLATE_FILE"]

BOILERPLATE_FILE = "boilerplate.csv"
_KINDS = ("line", "edge", "tail", "end", "bio", "teaser", "appeal")
# Furniture lines are short; a longer paragraph is article text even when it mentions them.
MAX_LINE_CHARS = 300
# A marker of related items is a label, not a sentence.
MAX_MARKER_CHARS = 80
# Where furniture sits: the first paragraphs (tags, disclosures, comment counts) and the last
# ones (prompts, links, tags).
HEAD_PARAGRAPHS = 3
TAIL_PARAGRAPHS = 5
# An author's blurb closes the article.
BIO_PARAGRAPHS = 3
# A related-items marker ends the article only near its end...
END_MARKER_WINDOW = 10
# ... and only when what follows it is small beside what comes before (teasers, not the rest
# of the article after a box of links).
END_TAIL_SHARE = 0.5

# A reader's appeal for support closes the article and may run to a few sentences.
APPEAL_PARAGRAPHS = 3
MAX_APPEAL_CHARS = 1200
# Teasers of other posts closing the body: two at least, and at least half of what follows the
# first of them.
MIN_TEASERS = 2
TEASER_SHARE = 0.5

# A paragraph of the article ends like a sentence; a teaser's title does not (or asks).
_SENTENCE_END = re.compile(r"[.!…][\"'”’»)]*$")


@dataclass(frozen=True)
class _Rules:
    line: tuple[re.Pattern[str], ...]
    edge: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    bio: tuple[re.Pattern[str], ...]
    teaser: tuple[re.Pattern[str], ...]
    appeal: tuple[re.Pattern[str], ...]


def _check(row: Row) -> None:
    if row["kind"] not in _KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_KINDS)}")
    check_pattern(row, flags=re.I)


@cache
def _rules() -> _Rules:
    return load_rules()


def load_rules(path: Path | None = None) -> _Rules:
    """The rules of ``boilerplate.csv`` (or of the file at ``path``), validated: a bad row
    raises ``ExtractError`` naming the file and the line."""
    rows = read_rows(BOILERPLATE_FILE, ("kind", "pattern"), check=_check, path=path)
    by_kind = {kind: tuple(compile_pattern(r["pattern"], re.I) for r in rows if r["kind"] == kind)
               for kind in _KINDS}
    return _Rules(**by_kind)


def strip_boilerplate(paragraphs: list[str]) -> list[str]:
    """The body's paragraphs without page furniture.

    Whole-line furniture goes wherever it is; edge lines only among the first three or last
    five paragraphs; a related-items marker near the end takes the teasers after it along.
    A closing run of teasers (excerpts of other posts ending "[…]") goes from its first, and
    so does an appeal for support among the last three paragraphs. When
    nothing with letters would be left, the paragraphs are returned as they are: a page
    that is only furniture is for the caller to refuse, not to empty silently.

    >>> strip_boilerplate(["The council met in Leeds on Tuesday.", "Advertisement",
    ...                    "The talks lasted two hours.", "Related", "Mayor visits York"])
    ['The council met in Leeds on Tuesday.', 'The talks lasted two hours.']
    """
    rules = _rules()
    kept = _cut_teasers(_cut_related_tail(paragraphs, rules), rules)
    count = len(kept)
    result = []
    for index, paragraph in enumerate(kept):
        if len(paragraph) <= MAX_LINE_CHARS and _is_furniture(paragraph, index, count, rules):
            continue
        result.append(paragraph)
    result = _cut_appeals(result, rules)
    if not any(ch.isalpha() for p in result for ch in p):
        return list(paragraphs)
    return result


def strip_author_bio(paragraphs: list[str], authors: list[str] | tuple[str, ...]) -> list[str]:
    """The paragraphs without the authors' closing blurbs: among the last three, those that
    open with an author's name (full, or the family name) and read like a blurb.

    >>> strip_author_bio(["The council met in Leeds.", "Jane Doe is a reporter covering Leeds "
    ...                   "for the Daily Planet."], ["Jane Doe"])
    ['The council met in Leeds.']
    """
    names = {n for author in authors for n in (author, author.split()[-1]) if len(n) > 1}
    if not names or not paragraphs:
        return list(paragraphs)
    rules = _rules()
    start = max(1, len(paragraphs) - BIO_PARAGRAPHS)
    kept = paragraphs[:start]
    for paragraph in paragraphs[start:]:
        opens_with_author = any(paragraph.startswith(name) for name in names)
        if opens_with_author and len(paragraph) <= MAX_LINE_CHARS and _any(rules.bio, paragraph):
            continue
        kept.append(paragraph)
    return kept


def _is_furniture(paragraph: str, index: int, count: int, rules: _Rules) -> bool:
    if _any(rules.line, paragraph):
        return True
    if len(paragraph) <= MAX_MARKER_CHARS and _any(rules.end, paragraph):
        return True
    at_tail = index >= count - TAIL_PARAGRAPHS
    if (index < HEAD_PARAGRAPHS or at_tail) and _any(rules.edge, paragraph):
        return True
    return at_tail and _any(rules.tail, paragraph)


def _cut_related_tail(paragraphs: list[str], rules: _Rules) -> list[str]:
    """The paragraphs up to a related-items marker near the end, when little text follows it."""
    start = max(1, len(paragraphs) - END_MARKER_WINDOW)
    for index in range(start, len(paragraphs)):
        paragraph = paragraphs[index]
        if len(paragraph) <= MAX_MARKER_CHARS and _any(rules.end, paragraph):
            before = sum(len(p) for p in paragraphs[:index])
            rest = paragraphs[index + 1:]
            after = sum(len(p) for p in rest)
            titles = sum(1 for p in rest if not _SENTENCE_END.search(p))
            # Teasers are mostly titles; the rest of an article is sentences.
            if after < END_TAIL_SHARE * before and 2 * titles >= len(rest):
                return paragraphs[:index]
    return paragraphs


def _cut_appeals(paragraphs: list[str], rules: _Rules) -> list[str]:
    """The paragraphs without a closing appeal for support ("Do you like our magazine? ...")."""
    start = max(1, len(paragraphs) - APPEAL_PARAGRAPHS)
    return paragraphs[:start] + [p for p in paragraphs[start:]
                                 if len(p) > MAX_APPEAL_CHARS or not _any(rules.appeal, p)]


def _cut_teasers(paragraphs: list[str], rules: _Rules) -> list[str]:
    """The paragraphs before a closing run of excerpts of other posts ("... with other […]")."""
    marked = [i for i, p in enumerate(paragraphs) if i > 0 and _any(rules.teaser, p)]
    for first in marked:
        count = sum(1 for i in marked if i >= first)
        if count >= MIN_TEASERS and count >= TEASER_SHARE * (len(paragraphs) - first):
            return paragraphs[:first]
    return paragraphs


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)
