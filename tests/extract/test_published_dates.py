"""Date lines and dates in URLs."""

from __future__ import annotations

import pytest

from newsgraph.extract.published_dates import date_in_url, parse_date_line


@pytest.mark.parametrize("line, language, expected", [
    ("September 4, 2025", None, "2025-09-04"),
    ("04.09.2025", None, "2025-09-04"),
    ("2025-09-04T10:00:00Z", None, "2025-09-04"),
    ("Published 4 Sep 2025, 10:02 GMT", None, "2025-09-04"),
    ("Updated 10:02 AM EDT, Thu September 4, 2025", None, "2025-09-04"),
    ("Sep 4, 2025 · 5 min read", None, "2025-09-04"),
    ("Veröffentlicht am 4. September 2025", "de", "2025-09-04"),
    ("4 septembre 2025", "fr", "2025-09-04"),
    ("2025年9月4日", "zh", "2025-09-04"),
])
def test_date_lines_in_many_formats_and_languages(line, language, expected):
    assert parse_date_line(line, language=language) == expected


@pytest.mark.parametrize("line", [
    "John Silk AP, AFP, dpa",
    "1,200 people came in 2025",
    "Kim arrived in Beijing by train on Tuesday, September 2, 2025, and was greeted by officials.",
    "September 2025",
])
def test_lines_without_a_full_date_give_none(line):
    assert parse_date_line(line) is None


def test_unknown_language_falls_back_to_english():
    assert parse_date_line("March 3, 2025", language="xx") == "2025-03-03"


def test_date_in_url():
    assert date_in_url("https://example.com/world/2025/09/04/talks.html") == "2025-09-04"
    assert date_in_url("https://example.com/news/20250904-talks") == "2025-09-04"
    assert date_in_url("https://example.com/2025/13/45/x") is None
    assert date_in_url(None) is None
