"""Name keys, acronyms and noun inflection (newsgraph/kb/names.py)."""

from __future__ import annotations

import pytest

from newsgraph.kb.names import fold, is_acronym, name_key, query_keys, singular_forms


@pytest.mark.parametrize("a, b", [
    ("Kim Jong-un", "Kim Jong Un"),
    ("Erdoğan", "Erdogan"),
    ("the Kremlin", "Kremlin"),
    ("U.S.", "US"),
    ("Côte d’Ivoire", "Cote d'Ivoire"),
    ("Gideon Sa'ar", "Gideon Saar"),
    ("  Zelenskyy  ", "zelenskyy"),
    ("Łukasz Żółw", "lukasz zolw"),
])
def test_name_key_ignores_case_diacritics_hyphens_dots_and_the(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("Kim Jong Un") != name_key("Kim Jong Il")
    assert name_key("Theresa May") != name_key("Theresa Mayo")


def test_fold_handles_letters_nfkd_does_not_decompose():
    assert fold("Støre") == "store"
    assert fold("Straße") == "strasse"


@pytest.mark.parametrize("text, expected", [
    ("US", True), ("U.S.", True), ("DPRK", True), ("WHO", True), ("Oz", False),
    ("Kremlin", False), ("A", False), ("OPEC+", True), ("G7", False),
])
def test_is_acronym(text, expected):
    assert is_acronym(text) is expected


def test_query_keys_reach_acronyms_only_in_capitals():
    assert query_keys("who") == ["who"]
    assert query_keys("WHO") == ["who", "^who"]


@pytest.mark.parametrize("plural, singular", [
    ("policemen", "policeman"), ("militias", "militia"), ("parties", "party"),
    ("wolves", "wolf"), ("churches", "church"), ("soldiers", "soldier"),
    ("riot police", "riot police"), ("tradespeople", "tradesperson"),
])
def test_singular_forms_include_the_singular(plural, singular):
    assert singular in singular_forms(plural)


def test_singular_forms_start_with_the_noun_itself():
    assert singular_forms("press")[0] == "press"
    assert "pres" not in singular_forms("press")
