"""Outlet names for quote attribution: from the wire agencies and the knowledge base."""

from __future__ import annotations

from newsgraph.annotate.outlets import outlet_names, split_names


def test_outlets_come_from_agencies_and_media_organisations_of_the_knowledge_base():
    names = outlet_names()
    assert {"AP", "KCNA", "dpa"} <= names.exact  # agencies.csv
    assert {"xinhua", "reuters", "politico"} <= names.folded  # Politico: only in the KB
    assert "Global Times" in names.phrases and "Korean Central News Agency" in names.phrases


def test_journalists_coded_as_media_are_no_outlets():
    names = outlet_names()
    assert not any("Assange" in p for p in names.phrases)


def test_short_names_match_in_their_case_and_phrases_as_proper_names():
    names = split_names(["AP", "Dawn", "Xinhua", "The Economist", "The Associated Press"])
    assert names.named_in(["AP"], "AP") and not names.named_in(["ap"], "ap")
    assert not names.named_in(["At", "dawn", ","], "At dawn ,")
    assert names.named_in(["XINHUA"], "XINHUA")
    assert names.named_in(["the", "Economist"], "the Economist")
    assert not names.named_in(["an", "economist"], "an economist")
    assert names.named_in(["Associated", "Press"], "Associated Press")
