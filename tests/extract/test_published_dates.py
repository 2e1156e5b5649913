"""Date lines and dates in URLs."""

from __future__ import annotations

import doctest

import pytest

from newsgraph.extract import published_dates
from newsgraph.extract.published_dates import (date_in_url, dates_in_line, label_at_end,
                                               marks_modified, parse_date_line)


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
    "Jane Roe AP, AFP, dpa",
    "1,200 people came in 2025",
    "The minister arrived in Lima by bus on Tuesday, September 2, 2025, and was greeted by officials.",
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


@pytest.mark.parametrize("line, language, expected", [
    ("3 de marzo de 2024", "es", "2024-03-03"),
    ("Opublikowano: 3 marca 2024", "pl", "2024-03-03"),
    ("Gepubliceerd op 3 maart 2024", "nl", "2024-03-03"),
    ("3 марта 2024 г.", "ru", "2024-03-03"),
    ("2024.03.03 10:30", "ko", "2024-03-03"),
    ("2024년 3월 3일", "ko", "2024-03-03"),
    ("发布时间：2024-03-03 10:30", "zh", "2024-03-03"),
    ("٣ مارس ٢٠٢٤", "ar", "2024-03-03"),
    ("۱۳ مارس ۲۰۲۴", None, None),  # a Persian month name is not read without the language
    ("２０２４年３月３日", "ja", "2024-03-03"),
    ("Posted on September 21, 2020 by Jane Doe", None, "2020-09-21"),
    ("Posted by Jane Doe on March 3, 2024", None, "2024-03-03"),
    ("Written by Jane Doe on 3rd March 2024", None, "2024-03-03"),
    ("Von Anna Schmidt am 3. März 2024", "de", "2024-03-03"),
    ("Top 10 2024 films", None, None),
])
def test_date_lines_in_more_scripts_and_digits(line, language, expected):
    assert parse_date_line(line, language=language) == expected


def test_publication_date_beats_modification_date_on_one_line():
    assert parse_date_line("Updated 5 May 2024, first published 3 May 2024") == "2024-05-03"
    assert parse_date_line("Aktualisiert: 05.05.2024, erstellt: 03.05.2024",
                           language="de") == "2024-05-03"
    assert dates_in_line("Published 3 May 2024 | Updated 5 May 2024") == [
        ("2024-05-03", "published"), ("2024-05-05", "modified")]


def test_modification_date_alone_still_dates_a_capture():
    assert parse_date_line("Updated 5 May 2024") == "2024-05-05"


@pytest.mark.parametrize("language, expected", [
    (None, "2024-05-03"), ("en", "2024-05-03"), ("en-US", "2024-05-03"),
    ("en-GB", "2024-03-05"), ("fr", "2024-03-05"), ("de-AT", "2024-03-05"),
])
def test_slashed_dates_are_day_first_outside_american_english(language, expected):
    assert parse_date_line("05/03/2024", language=language) == expected


def test_day_over_twelve_settles_the_order():
    assert parse_date_line("25/03/2024", language="en") == "2024-03-25"
    assert parse_date_line("03/25/2024", language="fr") == "2024-03-25"


def test_future_and_pre_1990_dates_are_placeholders():
    assert parse_date_line("Published 4 May 2099") is None
    assert parse_date_line("© 1985 Example Corp") is None
    assert parse_date_line("01.01.1970") is None


def test_labels_at_the_end_of_a_text():
    assert label_at_end("Last updated:") == "modified"
    assert label_at_end("Veröffentlicht am") == "published"
    assert label_at_end("By Jane Doe") == ""
    assert marks_modified("post-date updated") and not marks_modified("post-date published")


def test_docstring_examples_hold():
    result = doctest.testmod(published_dates)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("line, language, expected", [
    ("Yayınlanma: 3 Mart 2024 10:15", "tr", [("2024-03-03", "published")]),
    ("Dodano: 3 marca 2024", "pl", [("2024-03-03", "published")]),
    ("Data publikacji: 03.03.2024", "pl", [("2024-03-03", "published")]),
    ("Aktualizacja: 5 marca 2024", "pl", [("2024-03-05", "modified")]),
    ("Изменено: 05.03.2024", "ru", [("2024-03-05", "modified")]),
    ("2024-03-03 · 更新 2024-03-05", "zh", [("2024-03-03", ""), ("2024-03-05", "modified")]),
    ("发布时间：2024-03-03 10:15", "zh", [("2024-03-03", "published")]),
])
def test_published_and_modified_labels_in_more_languages(line, language, expected):
    assert dates_in_line(line, language=language) == expected
