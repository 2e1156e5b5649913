"""Finding quotation-mark spans in a body, from its characters alone.

Marks: straight and curly double quotes, « guillemets », „low-high“ quotes, and single quotes
('…' and ‘…’) where no double quote is open. A straight mark is an opening or a closing mark by
what is around it; a double mark right after a digit with nothing open is an inch or second
sign (5'11", 30"), not a quotation mark. Quotes are bound to their paragraph: an opening mark
left open at a paragraph's end continues only when the next paragraph opens again (the
convention for a quotation that runs over several paragraphs); otherwise the quote stops at
the paragraph's end, and is dropped when that would make it longer than ``MAX_UNCLOSED``
characters, so an unbalanced mark never swallows the rest of an article.

Single quotes inside a double-quoted span are quotes inside quotes: they stay part of it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MarkSpan", "find_mark_spans", "paragraph_bounds", "MAX_UNCLOSED"]

# An unclosed quotation longer than this is more likely a stray mark than a quotation.
MAX_UNCLOSED = 600

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_SINGLE_CLOSE = "’›"
_BEFORE_OPENING = " \t\n([{—–-/:;,"  # characters after which a straight mark opens
_AFTER_CLOSING = " \t\n)]}.,;:!?—–-/…"  # characters before which a straight mark closes
_PARAGRAPH = "\n\n"


@dataclass(frozen=True)
class MarkSpan:
    """A quotation between marks: ``start``/``end`` is the quoted text (marks excluded, trimmed
    of spaces and a trailing comma); ``open``/``close`` are the marks' offsets (``close`` None
    when the paragraph ended first). Pieces of one quotation over several paragraphs share
    ``chain``. ``single`` is True for a quotation in single quotes."""

    start: int
    end: int
    open: int
    close: int | None
    chain: int | None = None
    single: bool = False


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the body ("\\n\\n" separated, blank ones skipped).

    >>> paragraph_bounds("One.\\n\\nTwo.")
    [(0, 4), (6, 10)]
    """
    bounds = []
    start = 0
    while start <= len(body):
        cut = body.find(_PARAGRAPH, start)
        end = len(body) if cut < 0 else cut
        if body[start:end].strip():
            bounds.append((start, end))
        if cut < 0:
            break
        start = cut + len(_PARAGRAPH)
    return bounds


def find_mark_spans(body: str) -> list[MarkSpan]:
    """Every quotation between marks in the body, in order.

    >>> [(s.start, s.end) for s in find_mark_spans('He said "we will win," and left.')]
    [(9, 20)]
    >>> find_mark_spans('He is 5\\'11" tall and ran 30" faster.')
    []
    """
    spans: list[MarkSpan] = []
    paragraphs = paragraph_bounds(body)
    carried: int | None = None  # chain id of a quotation open at the previous paragraph's end
    next_chain = 0
    for index, (start, end) in enumerate(paragraphs):
        pairs, open_at, broken = _double_pairs(body, start, end)
        for i, (o, c) in enumerate(pairs):
            chain = carried if (i == 0 and o == start) else None
            spans.append(_span(body, o, c, chain))
        for o, stop in broken:
            if stop - o <= MAX_UNCLOSED:
                spans.append(_span(body, o, None, None, stop))
        spans.sort(key=lambda span: span.open)
        spans.extend(_single_pairs(body, start, end, pairs + broken, open_at))
        continues = carried if (open_at == start and not pairs) else None
        carried = None
        if open_at is None:
            continue
        if index + 1 < len(paragraphs) and _opens(body, paragraphs[index + 1][0]):
            if continues is None:
                continues = next_chain
                next_chain += 1
            carried = continues
        elif end - open_at > MAX_UNCLOSED:
            continue
        spans.append(_span(body, open_at, None, continues, end))
    return spans


def _opens(body: str, at: int) -> bool:
    """A paragraph starting at ``at`` begins with an opening double mark."""
    return at < len(body) and (body[at] in _DOUBLE_OPEN or body[at] == '"')


def _double_pairs(body: str, start: int, end: int
                  ) -> tuple[list[tuple[int, int]], int | None, list[tuple[int, int]]]:
    """Paired double marks of one paragraph, the offset of a mark left open at its end, and
    (opening mark, next opening mark) of marks never closed inside the paragraph."""
    pairs: list[tuple[int, int]] = []
    broken: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = body[i]
        if ch == "“" and open_at is not None and body[open_at] == "„":
            pairs.append((open_at, i))  # German „…“
            open_at = None
        elif ch in _DOUBLE_OPEN:
            # An opening mark while one is open: the earlier one was never closed; it runs to
            # this mark (a speaker's next sentence, its closing mark forgotten).
            if open_at is not None:
                broken.append((open_at, i))
            open_at = i
        elif ch in _DOUBLE_CLOSE:
            if open_at is not None:
                pairs.append((open_at, i))
                open_at = None
        elif ch == '"':
            before = body[i - 1] if i > start else " "
            after = body[i + 1] if i + 1 < end else " "
            if open_at is None:
                if before.isdigit() and not after.isalnum():
                    continue  # 30" or 5'11": a unit sign
                if after in " \t\n" and before not in _BEFORE_OPENING:
                    continue  # a closing mark with nothing open: stray
                open_at = i
            elif before in " \t" and after.isalnum() and body[open_at + 1:i].rstrip()[-1:] in ".?!":
                # '... only . While ... position. "Unless': shaped like an opening mark, after a
                # finished sentence: the earlier quotation was never closed.
                broken.append((open_at, i))
                open_at = i
            else:
                pairs.append((open_at, i))
                open_at = None
    return pairs, open_at, broken


def _single_pairs(body: str, start: int, end: int, pairs: list[tuple[int, int]],
                  open_at: int | None) -> list[MarkSpan]:
    """Quotations in single quotes, outside every double-quoted span of the paragraph."""
    covered = [(o, c) for o, c in pairs] + ([(open_at, end)] if open_at is not None else [])

    def inside(i: int) -> bool:
        return any(o <= i <= c for o, c in covered)

    spans = []
    opening: int | None = None
    for i in range(start, end):
        ch = body[i]
        if ch not in "'" + _SINGLE_OPEN + _SINGLE_CLOSE or inside(i):
            continue
        before = body[i - 1] if i > start else " "
        after = body[i + 1] if i + 1 < end else " "
        can_open = (before in _BEFORE_OPENING or before in '"“') and after.isalpha() \
            and ch not in _SINGLE_CLOSE[:1] + "›"
        can_close = (before.isalpha() or before in ".,!?") and (after in _AFTER_CLOSING or after in '"”') \
            and ch not in _SINGLE_OPEN
        if opening is None:
            if can_open:
                opening = i
        elif can_close and not (before == "s" and _looks_possessive(body, i, end)):
            spans.append(_span(body, opening, i, None, single=True))
            opening = None
    return spans


def _looks_possessive(body: str, i: int, end: int) -> bool:
    """"the talks' future": a plural possessive apostrophe followed by a lower-case noun."""
    rest = body[i + 1:min(end, i + 20)]
    return rest.startswith(" ") and rest[1:2].islower() and not rest[1:].startswith(("and ", "or "))


def _span(body: str, open_: int, close: int | None, chain: int | None, para_end: int | None = None,
          *, single: bool = False) -> MarkSpan:
    start = open_ + 1
    end = close if close is not None else para_end
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return MarkSpan(start, end, open_, close, chain, single)
