"""Publication dates in text captures: date lines in many formats and languages, and URLs.

"September 4, 2025", "04.09.2025", "Published 4 Sep 2025, 10:02 GMT", "Veröffentlicht am
4. September 2025": dateparser reads them once a cheap test has found that the line may hold
a date, so ordinary lines never reach it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from newsgraph.extract.lexicon_files import Row, read_rows

__all__ = ["parse_date_line", "date_in_url"]

DATE_WORDS_FILE = "date_words.csv"
_KINDS = ("label", "separator")

_MAX_WORDS = 14
_YEAR = re.compile(r"(?<!\d)(?:19[7-9]\d|20\d\d)(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?!\d)")
# Dotted dates are day first wherever they are written ("04.09.2025"), ISO dates year first.
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?!\d)")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
# A day number (1-31) within a few characters of the year: "4 Sep 2025", "Sept. 4, 2025",
# "2025年9月4日"; "1,200 people in 2025" has none.
_DAY_NEAR_YEAR = re.compile(r"(?<![\d,.])(?:0?[1-9]|[12]\d|3[01])(?!\d|,\d)\D{0,16}(?:19|20)\d\d|"
                            r"(?:19|20)\d\d\D{0,16}(?<![\d,.])(?:0?[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def parse_date_line(line: str, *, language: str | None = None) -> str | None:
    """The date ("YYYY-MM-DD") a short line states, or None.

    ``language`` (ISO 639-1, the page's) lets month names be read in it as well as in
    English; without it only English names are read, which keeps this fast.

    >>> parse_date_line("September 4, 2025"), parse_date_line("Published 04.09.2025 | 10:02")
    ('2025-09-04', '2025-09-04')
    >>> parse_date_line("Kim arrived in Beijing by train on Tuesday in 2025 with his daughter.")
    """
    words = line.split()
    if not words or len(words) > _MAX_WORDS or not (_YEAR.search(line) or _NUMERIC.search(line)):
        return None
    if line.rstrip().endswith((".", "!", "?")) and len(words) > 6:
        return None
    for pattern, order in ((_ISO, (1, 2, 3)), (_DOTTED, (3, 2, 1))):
        match = pattern.search(line)
        if match:
            found = _valid(*(int(match.group(i)) for i in order))
            if found:
                return found
    if not _DAY_NEAR_YEAR.search(line):
        return None
    languages = _languages(language)
    labels, separators = _date_words()
    for segment in [line, *separators.split(line)]:
        segment = labels.sub("", segment.strip(" ,:")).strip()
        if not segment or not (_YEAR.search(segment) or _NUMERIC.search(segment)):
            continue
        parsed = _dateparser(segment, languages)
        if parsed and 1970 <= parsed.year <= date.today().year + 1:
            return parsed.date().isoformat()
    return None


def _check(row: Row) -> None:
    if row["kind"] not in _KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_KINDS)}")


@cache
def _date_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(labels before a date, separators between dates) as patterns."""
    rows = read_rows(DATE_WORDS_FILE, ("kind", "term"), check=_check)

    def words(kind: str) -> str:
        """The terms of one kind as a regex alternation, longest first."""
        terms = sorted((r["term"] for r in rows if r["kind"] == kind), key=len, reverse=True)
        return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)

    labels = re.compile(rf"^(?:(?:{words('label')})\b\s*:?\s*)+", re.I)
    separators = re.compile(rf"\s*(?:[|•·]|\s[–—-]\s|\b(?:{words('separator')})\b)\s*", re.I)
    return labels, separators


def _languages(language: str | None) -> tuple[str, ...]:
    if language and language != "en" and language.isalpha() and language.islower():
        return (language, "en")
    return ("en",)


@cache
def _dateparser(segment: str, languages: tuple[str, ...]):
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first"}
    try:
        return dateparser.parse(segment, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError, KeyError):
        # An unknown language code: English alone.
        if languages != ("en",):
            return _dateparser(segment, ("en",))
        return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_in_url(url: str | None) -> str | None:
    """A full date in a URL path ("/2025/09/04/", "2025-09-04", "20250904").

    >>> date_in_url("https://example.com/world/2025/09/04/talks.html")
    '2025-09-04'
    """
    if not url:
        return None
    for match in _URL_DATE.finditer(url):
        found = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if found:
            return found
    return None
