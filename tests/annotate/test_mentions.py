"""Finding mentions: gazetteer, named entities, nominal role phrases, places that are not actors."""

from __future__ import annotations

import pytest

from newsgraph.annotate.mentions import find_mentions, gazetteer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kb():
    from newsgraph.kb import load_kb

    return load_kb()


def _mentions(nlp, kb, text):
    from newsgraph.annotate.nlp import parse_body

    doc = parse_body(text)
    return {text[c.start:c.end]: c for c in find_mentions(doc, kb)}


def test_mentions_gazetteer_finds_known_names_the_model_mislabels(nlp, kb):
    found = _mentions(nlp, kb, "The DPRK rejected the offer.")
    assert "DPRK" in found
    assert found["DPRK"].source == "country" and found["DPRK"].country == "PRK"


def test_mentions_gazetteer_needs_name_case(nlp, kb):
    from newsgraph.annotate.nlp import parse_body

    doc = parse_body("Let us see who comes: WHO officials said so.")
    words = {doc[start:end].text for start, end in gazetteer(kb).find(doc)}
    assert "us" not in words and "who" not in words
    assert "WHO" in words


def test_mentions_capital_as_object_of_with_is_an_actor(nlp, kb):
    found = _mentions(nlp, kb, "Seoul has tense relations with Pyongyang.")
    assert found["Pyongyang"].country == "PRK"
    assert found["Seoul"].country == "KOR"


def test_mentions_place_after_locative_preposition_is_not_an_actor(nlp, kb):
    found = _mentions(nlp, kb, "The leaders held talks in Beijing on Monday.")
    assert not any("Beijing" in text for text in found)


def test_mentions_possessive_capital_with_stance_noun_is_one_mention(nlp, kb):
    found = _mentions(nlp, kb, "Beijing's position on the issue will not change.")
    assert found["Beijing's position"].country == "CHN"


def test_mentions_trump_administration_names_the_government(nlp, kb):
    found = _mentions(nlp, kb, "Donald Trump spoke. Critics of the Trump administration were not surprised.")
    government = [c for t, c in found.items() if "administration" in t]
    assert government and government[0].government


def test_mentions_nominal_role_phrases_get_country_and_sector(nlp, kb):
    found = _mentions(nlp, kb, "Riot police fired tear gas. An American destroyer shot down a drone.")
    police = [c for t, c in found.items() if t.lower().startswith("riot police")]
    assert police and police[0].source == "nominal" and police[0].agent.sector == "COP"
    ship = [c for t, c in found.items() if "destroyer" in t]
    assert ship and ship[0].country == "USA"


def test_mentions_title_words_are_not_separate_mentions(nlp, kb):
    found = _mentions(nlp, kb, "Japan's Prime Minister Shigeru Ishiba arrived on Monday.")
    assert "Shigeru Ishiba" in found
    assert not any(t.startswith("Japan") for t in found)


def test_mentions_text_without_entities_gives_none(nlp, kb):
    assert _mentions(nlp, kb, "it rained all day and the rivers rose slowly.") == {}


def test_mentions_body_modifying_another_noun_is_a_mention(nlp, kb):
    found = _mentions(nlp, kb, "Protesters denounced Israeli police actions around the mosque.")
    police = found.get("Israeli police")
    assert police is not None and police.country == "ISR" and police.agent.sector == "COP"


def test_mentions_place_name_with_an_agent_noun_in_it_is_no_nominal(nlp, kb):
    found = _mentions(nlp, kb, "Settlers attacked a village in the West Bank on Monday.")
    assert not any(c.source == "nominal" and "Bank" in t for t, c in found.items())


def test_mentions_nationality_mislabelled_as_a_name_is_read_with_its_noun(nlp, kb):
    found = _mentions(nlp, kb, "Sri Lankan authorities lifted the nationwide curfew.")
    assert "Sri Lankan" not in found
    assert all(c.source != "name" for c in found.values())


def test_mentions_list_of_known_names_in_one_entity_gives_one_mention_each(nlp, kb):
    found = _mentions(nlp, kb, "Mali, Burkina Faso and Niger withdrew from the bloc.")
    assert "Mali, Burkina Faso" not in found
    assert (found["Mali"].country, found["Burkina Faso"].country) == ("MLI", "BFA")


def test_mentions_possessive_country_before_a_capitalised_title_is_no_mention(nlp, kb):
    found = _mentions(nlp, kb, "Suga's travels will include meeting India's Prime Minister "
                               "Narendra Modi and Philippine President Rodrigo Duterte.")
    assert "India" not in found and "Narendra Modi" in found
