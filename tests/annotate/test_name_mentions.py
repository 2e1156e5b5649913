"""Proper names beyond the model's entities (surnames of people in office) and names that are
places, not actors."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _actors(text, published):
    from newsgraph.annotate.actors import annotate_actors
    from newsgraph.annotate.nlp import parse_body
    from newsgraph.kb import load_kb

    doc = parse_body(text)
    doc._.published = published
    doc._.kb = load_kb()
    return annotate_actors(doc)._.ng_actors


def test_surname_alone_at_sentence_start_is_the_person_in_office(nlp):
    text = "Rubio is expected to meet Japanese Foreign Minister Takeshi Iwaya on Thursday."
    names = {a.name: a for a in _actors(text, "2025-03-13")}
    assert "Marco Rubio" in names and names["Marco Rubio"].country == "USA"


def test_surname_alone_is_nobody_when_no_one_holds_office_then(nlp):
    text = "Rubio is expected to meet Japanese Foreign Minister Takeshi Iwaya on Thursday."
    assert "Marco Rubio" not in {a.name for a in _actors(text, "2005-03-13")}


def test_surname_alone_is_nobody_without_a_date(nlp):
    text = "Rubio is expected to meet Japanese Foreign Minister Takeshi Iwaya on Thursday."
    assert "Marco Rubio" not in {a.name for a in _actors(text, None)}


def test_surname_of_a_leader_without_a_national_office_links_through_his_dated_post(nlp):
    text = "Dodik rejected the arrest warrant on Wednesday."
    (dodik,) = [a for a in _actors(text, "2025-03-14") if a.kind == "person"]
    assert (dodik.name, dodik.country) == ("Milorad Dodik", "BIH")


def test_place_the_model_took_for_a_person_is_no_actor(nlp):
    text = ("Dodik rejected the arrest warrant, telling journalists in the regional capital, "
            "Banja Luka, on Wednesday that it was politically motivated.")
    assert "Banja Luka" not in {a.name for a in _actors(text, "2025-03-14")}


def test_region_the_model_took_for_an_organisation_is_no_actor(nlp):
    names = {a.name for a in _actors("A mob beat a Muslim man to death in Uttar Pradesh.",
                                     "2025-06-15")}
    assert "Uttar Pradesh" not in names


def test_place_qualifying_a_noun_is_no_actor(nlp):
    text = "Israel rejected the International Court of Justice's order to halt the Rafah offensive."
    assert "Rafah" not in {a.name for a in _actors(text, "2025-06-15")}
