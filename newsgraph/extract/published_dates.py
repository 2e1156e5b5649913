"""Publication dates in short lines (date lines of captures, header lines of pages) and URLs.

"September 4, 2025", "04.09.2025", "Published 4 Sep 2025, 10:02 GMT", "Veröffentlicht am
4. September 2025", "Publicado el 3 de marzo de 2024", "2025年9月4日", "٤ سبتمبر ٢٠٢٥": numeric
forms are read here, written ones by dateparser once a cheap test has found that the line may
hold a date, so ordinary lines never reach it. Labels say which date is which ("Published
... Updated ..."): the words are data (``newsgraph/data/date_words.csv``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from newsgraph.extract.lexicon_files import Row, read_rows

__all__ = ["parse_date_line", "dates_in_line", "date_in_url", "ascii_digits", "MIN_YEAR",
           "PUBLISHED", "MODIFIED", "label_at_end", "marks_modified"]

DATE_WORDS_FILE = "date_words.csv"
PUBLISHED, MODIFIED = "published", "modified"
_KINDS = (PUBLISHED, MODIFIED, "label", "month_first", "modified_markup")
# Dates before this year are placeholders, copyright lines or typos, not news.
MIN_YEAR = 1990

_MAX_WORDS = 14
# Arabic-Indic, Persian (Extended Arabic-Indic) and full-width digits read as ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
_YEAR = re.compile(r"(?<!\d)(?:19[7-9]\d|20\d\d)(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?!\d)")
# Year first: ISO "2025-09-04", and "2025.09.04", "2025/09/04" as written in East Asia.
_YEAR_FIRST = re.compile(r"(?<![\d.])((?:19|20)\d\d)([-./])(\d{1,2})\2(\d{1,2})(?!\d)")
# "2025年9月4日", "2025년 9월 4일".
_CJK = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})")
# Dotted dates are day first wherever they are written ("04.09.2025").
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?!\d)")
# "04/09/2025": day first except in English, where the United States' month first prevails;
# a number over 12 settles it either way.
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)")
# A day number (1-31) within a few characters of the year: "4 Sep 2025", "Sept. 4, 2025",
# "2025年9月4日"; "1,200 people in 2025" has none.
_DAY_NEAR_YEAR = re.compile(r"(?<![\d,.])(?:0?[1-9]|[12]\d|3[01])(?!\d|,\d)\D{0,16}(?:19|20)\d\d|"
                            r"(?:19|20)\d\d\D{0,16}(?<![\d,.])(?:0?[1-9]|[12]\d|3[01])(?!\d)")
_SEPARATORS = re.compile(r"\s*(?:[|•·]|\s[–—-]\s)\s*")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and full-width digits as ASCII digits.

    >>> ascii_digits("٤ سبتمبر ٢٠٢٥")
    '4 سبتمبر 2025'
    """
    return text.translate(_DIGITS)


def parse_date_line(line: str, *, language: str | None = None) -> str | None:
    """The date ("YYYY-MM-DD") a short line states, or None.

    A date labelled as the publication date comes first, then an unlabelled one, then one
    labelled as a modification (a line that only says "Updated 4 May" still dates the page).
    ``language`` (ISO 639-1, the page's, with its region if known: "en-GB") lets month
    names be read in it as well as in English; without it only English names are read,
    which keeps this fast. The region decides whether "04/09/2025" is day first.

    >>> parse_date_line("September 4, 2025"), parse_date_line("Published 04.09.2025 | 10:02")
    ('2025-09-04', '2025-09-04')
    >>> parse_date_line("Aktualisiert: 05.09.2025, erstellt: 04.09.2025")
    '2025-09-04'
    >>> parse_date_line("The minister arrived in Lima by bus on Tuesday in 2025 with her deputy.")
    """
    found = dates_in_line(line, language=language)
    for kind in (PUBLISHED, "", MODIFIED):
        for day, label in found:
            if label == kind:
                return day
    return None


def dates_in_line(line: str, *, language: str | None = None) -> list[tuple[str, str]]:
    """Every date of a short line, with what its label says: "published", "modified" or "".

    >>> dates_in_line("Publié le 3 mars 2025 à 10h00, mis à jour le 4 mars 2025", language="fr")
    [('2025-03-03', 'published'), ('2025-03-04', 'modified')]
    """
    line = ascii_digits(line)
    words = line.split()
    if not words or len(words) > _MAX_WORDS or not (_YEAR.search(line) or _NUMERIC.search(line)):
        return []
    if line.rstrip().endswith((".", "!", "?")) and len(words) > 6:
        return []
    found = []
    for kind, segment in _segments(line):
        day = _segment_date(segment, language)
        if day:
            found.append((day, kind))
    return found


def _segments(line: str) -> list[tuple[str, str]]:
    """(label kind, text) of each part of a line: parts start at separators and labels."""
    words = _date_words()
    parts = []
    for piece in _SEPARATORS.split(line):
        start, kind = 0, ""
        for match in words.kind_labels.finditer(piece):
            parts.append((kind, piece[start:match.start()]))
            start, kind = match.end(), match.lastgroup
        parts.append((kind, piece[start:]))
    cleaned = []
    for kind, text in parts:
        text = words.labels.sub("", text.strip(" ,;:()[]")).strip(" ,;:()[]")
        if text and (_YEAR.search(text) or _NUMERIC.search(text)):
            cleaned.append((kind, text))
    return cleaned


def _segment_date(segment: str, language: str | None) -> str | None:
    for pattern, order in ((_YEAR_FIRST, (1, 3, 4)), (_CJK, (1, 2, 3)), (_DOTTED, (3, 2, 1))):
        match = pattern.search(segment)
        if match:
            found = _valid(*(int(match.group(i)) for i in order))
            if found:
                return found
    match = _SLASHED.search(segment)
    if match:
        first, second, year = (int(g) for g in match.groups())
        month_first = second > 12 or (first <= 12 and _month_first(language))
        found = _valid(year, first, second) if month_first else _valid(year, second, first)
        if found:
            return found
    if not _DAY_NEAR_YEAR.search(segment):
        return None
    languages = _languages(language)
    parsed = _dateparser(segment, languages)
    if parsed is None:
        parsed = _date_within(segment, languages)
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


# Words before a day number that may belong to its date ("Monday, March 3, 2024").
_WORDS_BEFORE_DAY = 3


def _date_within(segment: str, languages: tuple[str, ...]):
    """The date inside a segment holding other words ("by Jane Doe on March 3, 2024",
    "September 21, 2020 by Jane Doe"): around each day number near a year, the shortest
    span with up to three words before it that dateparser reads."""
    for match in _DAY_NEAR_YEAR.finditer(segment):
        words = segment[:match.start()].split()
        for count in range(_WORDS_BEFORE_DAY + 1):
            if count > len(words):
                break
            span = " ".join([*words[len(words) - count:], match.group()])
            parsed = _dateparser(span.strip(" ,;:"), languages)
            if parsed:
                return parsed
    return None


class _Words:
    def __init__(self, kind_labels: re.Pattern[str], labels: re.Pattern[str],
                 month_first: frozenset[str], last_label: re.Pattern[str],
                 modified_markup: tuple[str, ...]):
        self.kind_labels = kind_labels  # published and modified labels, named by kind
        self.labels = labels  # neutral labels opening a part
        self.month_first = month_first  # languages and regions writing the month first
        self.last_label = last_label  # a published or modified label ending a text
        self.modified_markup = modified_markup  # class parts of modification dates


def _check(row: Row) -> None:
    if row["kind"] not in _KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_KINDS)}")


@cache
def _date_words() -> _Words:
    rows = read_rows(DATE_WORDS_FILE, ("kind", "term"), check=_check)
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row["kind"], row["term"].casefold())
        if key in seen:
            raise row.fail(f"{row['term']!r} is listed twice as {row['kind']} (first on line "
                           f"{seen[key]})")
        seen[key] = row.line

    def words(kind: str) -> str:
        """The terms of one kind as an alternation, longest first; Latin words whole."""
        terms = sorted((r["term"] for r in rows if r["kind"] == kind), key=len, reverse=True)
        return "|".join(_term_pattern(t) for t in terms)

    kind_labels = re.compile(
        rf"(?P<{PUBLISHED}>{words(PUBLISHED)})\s*:?|(?P<{MODIFIED}>{words(MODIFIED)})\s*:?", re.I)
    labels = re.compile(rf"^(?:(?:{words('label')})\s*:?\s*)+", re.I)
    month_first = frozenset(r["term"].casefold() for r in rows if r["kind"] == "month_first")
    last_label = re.compile(rf"(?:(?P<{PUBLISHED}>{words(PUBLISHED)})|(?P<{MODIFIED}>"
                            rf"{words(MODIFIED)}))(?:\s+(?:{words('label')}))?\s*:?\s*$", re.I)
    markup = tuple(r["term"].casefold() for r in rows if r["kind"] == "modified_markup")
    return _Words(kind_labels, labels, month_first, last_label, markup)


def label_at_end(text: str) -> str:
    """The kind of the label that ends ``text`` ("published", "modified"), or "".

    >>> label_at_end("Story by Jane Doe. Last updated:"), label_at_end("Veröffentlicht am")
    ('modified', 'published')
    """
    match = _date_words().last_label.search(text)
    return match.lastgroup if match else ""


def marks_modified(markup: str) -> bool:
    """Whether a class, id or itemprop marks a modification date ("updated", "dateModified").

    >>> marks_modified("entry-date updated"), marks_modified("entry-date published")
    (True, False)
    """
    markup = markup.casefold()
    return any(part in markup for part in _date_words().modified_markup)


def _month_first(language: str | None) -> bool:
    """Whether "04/09/2025" is April 9 for a page in ``language`` ("en", "en-GB", None).

    >>> _month_first("en-US"), _month_first("en-GB"), _month_first(None), _month_first("fr")
    (True, False, True, False)
    """
    tag = (language or "en").casefold().replace("_", "-")
    return tag in _date_words().month_first


def _term_pattern(term: str) -> str:
    pattern = re.escape(term).replace(r"\ ", r"\s+")
    if term[0].isascii() or "\u00c0" <= term[0] <= "\u024f":
        # A Latin-script word matches whole; other scripts are written without spaces or
        # with particles glued on, so their terms match wherever they stand.
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return pattern


def _languages(language: str | None) -> tuple[str, ...]:
    language = re.split(r"[-_]", language)[0].casefold() if language else None
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
    """The date as "YYYY-MM-DD" when it exists and is neither before MIN_YEAR nor after
    tomorrow (a later date is a placeholder or an event announced, not a publication)."""
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found.year < MIN_YEAR or found > date.today() + timedelta(days=1):
        return None
    return found.isoformat()


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
