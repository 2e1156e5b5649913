"""The language of a page: the one it declares, else the one detected in its text."""

from __future__ import annotations

import doctest

from newsgraph.extract import language
from newsgraph.extract.language import (declared_language_tag, detect_language,
                                        normalize_language_tag)


def test_detect_language_names_english_and_german():
    assert detect_language("The government announced new measures against inflation on "
                           "Monday, days after the central bank raised interest rates.") == "en"
    assert detect_language("Die Bundesregierung hat am Montag neue Maßnahmen gegen die "
                           "Inflation angekündigt, wenige Tage nach der Zinserhöhung.") == "de"


def test_detect_language_declines_on_too_little_text():
    assert detect_language("OK 123") is None
    assert detect_language("") is None


def test_normalize_language_tag_keeps_the_primary_subtag():
    assert normalize_language_tag("en-US") == "en"
    assert normalize_language_tag("pt_BR") == "pt"
    assert normalize_language_tag("x") is None
    assert normalize_language_tag("en-") == "en"
    assert normalize_language_tag(None) is None


def test_docstring_examples_hold():
    result = doctest.testmod(language)
    assert result.attempted > 0 and result.failed == 0


def test_declared_language_tag_keeps_the_region_and_skips_values_that_are_no_tag():
    from lxml import html

    page = html.fromstring('<html lang="English"><head><meta property="og:locale" '
                           'content="de_AT"></head><body><p>x</p></body></html>')
    assert declared_language_tag(page) == "de-at"
    assert declared_language_tag(html.fromstring("<html><body><p>x</p></body></html>")) is None
