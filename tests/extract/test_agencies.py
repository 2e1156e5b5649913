"""Wire agencies named by whole texts, or at the start or end of a byline's tokens."""

from __future__ import annotations

from newsgraph.extract.agencies import agency_at_end, agency_at_start, match_agency


def test_agency_full_names_match_in_any_case_short_aliases_only_in_their_own():
    assert match_agency("associated press") == "AP"
    assert match_agency("AP") == "AP"
    assert match_agency("ap") is None  # a short alias is matched in its own case only
    assert match_agency("Jane Doe") is None
    assert match_agency("") is None


def test_agency_at_end_takes_the_longest_alias_and_ignores_edge_punctuation():
    assert agency_at_end("By Jane Doe , The Associated Press".split()) == ("AP", 3)
    assert agency_at_end("Jane Doe (Reuters)".split()) == ("Reuters", 1)
    assert agency_at_end("Jane Doe".split()) is None


def test_agency_at_start_counts_its_tokens():
    assert agency_at_start("Agence France-Presse and Jane Doe".split()) == ("AFP", 2)
    assert agency_at_start("Jane Doe AFP".split()) is None
