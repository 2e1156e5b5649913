"""Captions and their credits: "Kim in Beijing.Image: China Daily/REUTERS" in two parts.

Credit labels ("Image:", "Foto:", "Credit:") and picture sources ("Getty Images", "AP Photo")
are data (``newsgraph/data/credits.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.lexicon_files import Row, read_rows
from newsgraph.extract.normalize import clean_line

__all__ = ["split_credit", "is_credit_line"]

CREDITS_FILE = "credits.csv"
_KINDS = ("label", "photo_source")
_CAP = "[A-ZÀ-ÖØ-ÞĀ-Ž]"


@dataclass(frozen=True)
class _Credits:
    label: re.Pattern[str]
    glued_label: re.Pattern[str]
    trailing_parens: re.Pattern[str]
    trailing_source: re.Pattern[str]
    trailing_bare: re.Pattern[str]


def _check(row: Row) -> None:
    if row["kind"] not in _KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_KINDS)}")


def _alternation(terms: list[str]) -> str:
    terms = sorted(terms, key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)


@cache
def _credits() -> _Credits:
    rows = read_rows(CREDITS_FILE, ("kind", "term"), check=_check)
    labels = _alternation([r["term"] for r in rows if r["kind"] == "label"])
    sources = _alternation([r["term"] for r in rows if r["kind"] == "photo_source"])
    return _Credits(
        # "Caption. Photo: X", "Photo: X", "Caption (Foto: X)"; the label in any case.
        label=re.compile(rf"(?:^|(?<=[\s(\[|]))(?:{labels})\s*:\s*", re.I),
        # "six yearsImage: X": glued labels only with their capital, so words are not split.
        glued_label=re.compile(rf"(?<=[^\W\d_])(?:{labels})\s*:\s*"),
        # "... (AP Photo/Jane Doe)", "(Photo: dpa)", "(© Reuters)"
        trailing_parens=re.compile(
            rf"\s*[(\[]((?:©|\(c\))?\s*(?:(?:{labels})\s*:\s*)?[^()\[\]]*?(?:{sources}|\S/\S)[^()\[\]]*)[)\]]\s*$"),
        # "... in Kyiv. Jane Doe/Getty Images", "... Kyiv Max Roe/dpa", "... Kyiv. © Max Roe"
        trailing_source=re.compile(
            rf"(?:(?<=[.!?\"”’)])\s*|\s+)((?:©|\(c\))\s*.+|(?:{_CAP}[\w'’-]*\s+|{_CAP}\.\s*){{0,1}}"
            rf"{_CAP}[\w'’-]*\s*/\s*(?:{sources}))\s*$"),
        # "... in Kyiv. Getty Images": a bare source only after the caption's last sentence.
        trailing_bare=re.compile(rf"(?:(?<=[.!?\"”’)])\s*|^)((?:{sources}))\s*$"),
    )


def split_credit(text: str) -> tuple[str | None, str | None]:
    """(caption, credit) of a caption line; either may be None.

    >>> split_credit("Kim is on his first visit to China in six yearsImage: China Daily/REUTERS")
    ('Kim is on his first visit to China in six years', 'China Daily/REUTERS')
    >>> split_credit("Rescuers in Kyiv on Monday (AP Photo/Jane Doe)")
    ('Rescuers in Kyiv on Monday', 'AP Photo/Jane Doe')
    >>> split_credit("Photo: dpa")
    (None, 'dpa')
    >>> split_credit("A quiet street in Kyiv")
    ('A quiet street in Kyiv', None)
    """
    text = clean_line(text)
    credits = _credits()
    match = credits.trailing_parens.search(text)
    if match:
        credit = credits.label.sub("", _without_copyright(match.group(1)), count=1)
        return _parts(text[:match.start()], credit)
    for pattern in (credits.label, credits.glued_label):
        match = pattern.search(text)
        if match:
            return _parts(text[:match.start()], text[match.end():])
    for pattern in (credits.trailing_source, credits.trailing_bare):
        match = pattern.search(text)
        if match:
            return _parts(text[:match.start()], _without_copyright(match.group(1)))
    if text.startswith("©"):
        return None, text.lstrip("© ").strip() or None
    return _parts(text, "")


def is_credit_line(text: str) -> bool:
    """Whether a whole line is only a credit ("Image: dpa", "© Reuters", "Getty Images")."""
    caption, credit = split_credit(text)
    return credit is not None and caption is None


def _without_copyright(credit: str) -> str:
    return re.sub(r"^(?:©|\(c\))\s*", "", credit.strip())


def _parts(caption: str, credit: str) -> tuple[str | None, str | None]:
    caption = clean_line(caption).rstrip(" |–—-([")
    credit = clean_line(credit).strip(" ()[]|")
    return caption or None, credit or None
