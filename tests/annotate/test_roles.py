"""Roles read from the text around a name."""

from __future__ import annotations

import pytest

from newsgraph.annotate.roles import apposition, country_of_words, title_before

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kb():
    from newsgraph.kb import load_kb

    return load_kb()


def _name(doc, name):
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    return span.start, span.end


def _parse(text):
    from newsgraph.annotate.nlp import parse_body

    return parse_body(text)


def test_roles_title_before_name_gives_country_office_and_sector(nlp, kb):
    doc = _parse("Chinese Foreign Ministry spokesperson Zhao Lijun said the talks went well.")
    role = title_before(doc, *_name(doc, "Zhao Lijun"), kb)
    assert (role.country, role.sector) == ("CHN", "GOV")
    assert role.title == "foreign ministry spokesperson"


def test_roles_possessive_country_before_title(nlp, kb):
    doc = _parse("Pakistan's Prime Minister Anwar Qadir arrived in Beijing.")
    role = title_before(doc, *_name(doc, "Anwar Qadir"), kb)
    assert (role.country, role.sector, role.title) == ("PAK", "GOV", "prime minister")


def test_roles_apposition_after_name(nlp, kb):
    doc = _parse("Liu Ming, a spokesperson for the Chinese foreign ministry, declined to comment.")
    role = apposition(doc, *_name(doc, "Liu Ming"), kb)
    assert (role.country, role.sector) == ("CHN", "GOV")


def test_roles_subject_matter_after_for_is_not_a_nationality(nlp, kb):
    doc = _parse("Ann Berg, the special representative for North Korea, left on Monday.")
    role = apposition(doc, *_name(doc, "Ann Berg"), kb)
    assert role is None or role.country != "PRK"


def test_roles_body_before_office_noun_gives_the_sector(nlp, kb):
    doc = _parse("Pakistani army spokesperson Omar Baig denied the report.")
    role = title_before(doc, *_name(doc, "Omar Baig"), kb)
    assert (role.country, role.sector) == ("PAK", "MIL")


def test_roles_former_is_marked(nlp, kb):
    doc = _parse("Former Kenyan President Paul Odera spoke.")
    role = title_before(doc, *_name(doc, "Paul Odera"), kb)
    assert role.former and role.country == "KEN"


def test_roles_country_words(kb):
    assert country_of_words("North Korean", kb) == "PRK"
    assert country_of_words("Pyongyang", kb) == "PRK"
    assert country_of_words("Atlantis", kb) is None


def _nominal_role(text, noun, kb):
    from newsgraph.annotate.roles import read_phrase

    doc = _parse(text)
    head = next(t for t in doc if t.text == noun)
    return read_phrase(doc, head, kb)


@pytest.mark.parametrize("text, noun, country", [
    ("Police in Tunisia arrested a dozen protesters.", "Police", "TUN"),
    ("Officials in Brazzaville said turnout was high.", "Officials", "COG"),
    ("Farmers in Poland blocked the border crossings.", "Farmers", "POL"),
    ("Police in the city of Goma arrested a man.", "Police", "COD"),
])
def test_roles_nominal_takes_the_country_of_the_place_it_is_in(nlp, kb, text, noun, country):
    role = _nominal_role(text, noun, kb)
    assert role is not None and role.country == country, role


@pytest.mark.parametrize("text, noun", [
    ("Diplomats in Beijing said they were worried.", "Diplomats"),
    ("Foreign fighters in Syria attacked a base.", "fighters"),
    ("Refugees in Lebanon protested on Sunday.", "Refugees"),
])
def test_roles_visitors_do_not_take_the_country_of_the_place(nlp, kb, text, noun):
    role = _nominal_role(text, noun, kb)
    assert role is None or role.country is None, role


@pytest.mark.parametrize("text, noun, country", [
    ("Protesters across Iran chanted slogans.", "Protesters", "IRN"),
    ("Diplomats from China attended the meeting.", "Diplomats", "CHN"),
    ("Refugees from Syria crossed the border.", "Refugees", "SYR"),
])
def test_roles_nominal_takes_the_country_it_comes_from_or_spreads_across(nlp, kb, text, noun,
                                                                          country):
    role = _nominal_role(text, noun, kb)
    assert role is not None and role.country == country, role


def _actors(text, published="2025-03-13"):
    from newsgraph.annotate.actors import annotate_actors

    doc = _parse(text)
    doc._.published = published
    from newsgraph.kb import load_kb

    doc._.kb = load_kb()
    return {a.name: a for a in annotate_actors(doc)._.ng_actors}


def test_roles_party_members_with_seats_keep_the_legislature_sector(nlp):
    actors = _actors("Republican lawmakers praised the plan.")
    assert (actors["Republican lawmakers"].country, actors["Republican lawmakers"].sector) \
        == ("USA", "LEG")


def test_roles_party_named_in_a_nominal_gives_its_country(nlp):
    actors = _actors("On Friday, Geza was expelled from the Zanu PF party.")
    assert {(a.country, a.sector) for a in actors.values()} == {("ZWE", "PTY")}


def test_roles_word_of_a_longer_name_is_not_the_party(nlp):
    actors = _actors("Saddam's Republican Guard attacked the town.", "2002-01-01")
    assert actors["Republican Guard"].country is None


def test_roles_end_of_a_longer_name_is_not_the_party(nlp):
    # "Democratic Party" is the US party; "Social Democratic Party" is another one.
    actors = _actors("The Social Democratic Party criticized the plan on Monday.")
    assert actors["Social Democratic Party"].country is None
    actors = _actors("Germany's Social Democratic Party criticized the plan on Monday.")
    assert actors["Social Democratic Party"].country == "DEU"


def test_roles_region_before_a_public_office_gives_its_country(nlp, kb):
    doc = _parse("Ontario Premier Doug Ford imposed a surcharge on electricity.")
    role = title_before(doc, *_name(doc, "Doug Ford"), kb)
    assert (role.country, role.sector) == ("CAN", "GOV")


def test_roles_located_role_reads_the_place_it_is_in_before_an_apposition(nlp):
    actors = _actors("Officials in Lahore, the capital of Punjab province, said schools "
                     "would close.")
    assert actors["Officials"].country == "PAK"
