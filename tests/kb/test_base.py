"""The knowledge base's queries on the bundled data (newsgraph/kb/base.py)."""

from __future__ import annotations

import pytest

from newsgraph.kb import load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("on, name", [
    ("2025-09-04", "Donald Trump"), ("2022-01-01", "Joe Biden"), ("2025-01-20", "Donald Trump"),
    ("2025-01-19", "Joe Biden"), ("2010-06-01", "Barack Obama"), ("2003", "George W. Bush"),
])
def test_holders_of_the_us_presidency_follow_the_date(kb, on, name):
    assert [e.name for e, _ in kb.holders("president", "USA", on)] == [name]


def test_holders_match_a_generic_title_and_its_spellings(kb):
    assert [e.name for e, _ in kb.holders("foreign minister", "USA", "2025-09-04")] == ["Marco Rubio"]
    assert [e.name for e, _ in kb.holders("defense minister", "USA", "2025-09-04")] == ["Pete Hegseth"]
    assert [e.name for e, _ in kb.holders("Chancellor", "DEU", "2025-09-04")] == ["Friedrich Merz"]
    assert [e.name for e, _ in kb.holders("premier", "CHN", "2025-09-04")] == ["Li Qiang"]


def test_holders_without_a_date_list_every_holder_latest_first(kb):
    names = [e.name for e, _ in kb.holders("president", "RUS", None)]
    assert names[:2] == ["Vladimir Putin", "Dmitry Medvedev"]


def test_holders_of_an_unknown_title_or_a_date_outside_any_term_are_empty(kb):
    assert kb.holders("grand vizier", "USA", "2025-01-01") == []
    assert kb.holders("president", "USA", "1850-01-01") == []


@pytest.mark.parametrize("on, title", [
    ("2009-06-01", "prime minister"), ("2022-01-01", "president"), ("2004", "president"),
    (None, "president"),
])
def test_position_on_follows_putins_terms(kb, on, title):
    putin = kb.lookup("Putin")[0] if kb.lookup("Putin") else kb.lookup("Vladimir Putin")[0]
    assert kb.position_on(putin, on).title == title


def test_position_on_prefers_the_most_senior_position(kb):
    xi = kb.lookup("Xi Jinping")[0]
    assert kb.position_on(xi, "2025-09-04").title == "general secretary"
    assert kb.position_on(xi, "2010-01-01").title == "vice president"
    assert kb.position_on(xi, "1990-01-01") is None


@pytest.mark.parametrize("name, kb_id", [
    ("Kim Jong-un", "ng:person/kim-jong-un"), ("KIM JONG UN", "ng:person/kim-jong-un"),
    ("Volodymyr Zelensky", "ng:person/volodymyr-zelenskyy"), ("MBS", "ng:person/mohammed-bin-salman"),
    ("Recep Tayyip Erdogan", "ng:person/recep-tayyip-erdogan"), ("Xinhua", "ng:org/xinhua"),
    ("the Pentagon", "ng:org/pentagon"), ("Daesh", "ng:org/islamic-state"),
    ("Hezbollah", "ng:org/hezbollah"), ("World Health Organization", "ng:org/who"),
])
def test_lookup_finds_aliases_and_transliterations(kb, name, kb_id):
    assert kb_id in [e.id for e in kb.lookup(name)]


def test_lookup_of_an_acronym_needs_capitals(kb):
    assert kb.lookup("who") == []
    assert [e.id for e in kb.lookup("WHO")] == ["ng:org/who"]
    assert kb.lookup("us") == [] and kb.lookup("US")[0].id == "ng:country/USA"


@pytest.mark.parametrize("text, code", [
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("the US", "USA"), ("U.S.", "USA"),
    ("America", "USA"), ("Britain", "GBR"), ("UK", "GBR"), ("South Korea", "KOR"),
    ("Beijing", "CHN"), ("Pyongyang", "PRK"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
    ("the Kremlin", "RUS"), ("the White House", "USA"), ("Downing Street", "GBR"),
    ("the Elysee", "FRA"), ("Zhongnanhai", "CHN"), ("the Blue House", "KOR"),
    ("Chinese", "CHN"), ("Saudi", "SAU"), ("Emirati", "ARE"), ("CN", "CHN"), ("DEU", "DEU"),
    ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"), ("Russian Federation", "RUS"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Myanmar", "MMR"), ("Burma", "MMR"),
])
def test_country_reads_names_codes_demonyms_capitals_and_seats(kb, text, code):
    assert kb.country(text).id == f"ng:country/{code}"


def test_country_codes_need_capitals_and_unknown_text_is_none(kb):
    assert kb.country("it") is None
    assert kb.country("Atlantis") is None
    assert kb.country("") is None


@pytest.mark.parametrize("word, code", [
    ("North Korean", "PRK"), ("Saudi", "SAU"), ("Saudis", "SAU"), ("Chinese", "CHN"),
    ("Emirati", "ARE"), ("British", "GBR"), ("Britons", "GBR"), ("Frenchmen", "FRA"),
    ("Filipinos", "PHL"), ("Ukrainian", "UKR"), ("Israelis", "ISR"), ("Palestinians", "PSE"),
])
def test_demonym_maps_nationality_words_to_iso3(kb, word, code):
    assert kb.demonym(word) == code


def test_demonym_of_a_non_nationality_word_is_none(kb):
    assert kb.demonym("president") is None


@pytest.mark.parametrize("noun, sector, title", [
    ("police", "COP", None), ("riot police", "COP", None), ("riot policemen", "COP", None),
    ("paris railway police", "COP", None), ("soldiers", "MIL", None), ("troops", "MIL", None),
    ("rebels", "REB", None), ("militants", "UAF", None), ("protesters", "CVL", None),
    ("lawmakers", "LEG", None), ("judge", "JUD", None), ("spokesperson", "GOV", "spokesperson"),
    ("foreign ministry", "GOV", None), ("president", "GOV", "president"),
    ("foreign minister", "GOV", "foreign minister"), ("journalists", "MED", None),
    ("refugees", "REF", None), ("doctors", "HLH", None), ("farmers", "AGR", None),
])
def test_agent_nouns_give_sector_and_title(kb, noun, sector, title):
    agent = kb.agent(noun)
    assert (agent.sector, agent.title) == (sector, title)


def test_agent_modifiers_give_the_affiliation(kb):
    assert kb.agent("military authorities").sector == "MIL"
    assert kb.agent("rebel commanders").sector == "REB"
    former = kb.agent("former president")
    assert former.sector == "ELI" and former.title is None
    assert kb.agent("minister for agriculture").sector == "GOV"


def test_agent_of_a_non_agent_word_is_none(kb):
    assert kb.agent("banana") is None
    assert kb.agent("") is None


def test_aliases_yield_names_aliases_and_seats_but_not_demonyms(kb):
    pairs = set(kb.aliases())
    assert ("Xinhua News Agency", "ng:org/xinhua") in pairs
    assert ("the Kremlin", "ng:country/RUS") in pairs
    assert ("Chinese", "ng:country/CHN") not in pairs


def test_stats_count_what_the_kb_holds(kb):
    counts = kb.stats()
    assert counts["countries"] == len([e for e in kb if e.kind == "country"])
    assert counts["people"] == len([e for e in kb if e.kind == "person"])
    assert counts["positions"] == sum(len(e.positions) for e in kb)


@pytest.mark.parametrize("country, on, name", [
    ("PRK", "2025-09-04", "Kim Jong Un"), ("DEU", "2025-09-04", "Friedrich Merz"),
    ("GBR", "2019-01-01", "Theresa May"), ("IRN", "2025-09-04", "Ali Khamenei"),
    ("ITA", "2025-09-04", "Giorgia Meloni"), ("USA", "2022-01-01", "Joe Biden"),
    ("MMR", "2019-01-01", "Win Myint"),
])
def test_leader_means_the_executive_leader_of_the_country(kb, country, on, name):
    assert [e.name for e, _ in kb.holders("leader", country, on)] == [name]


def test_leader_agent_nouns_ask_for_the_leader(kb):
    assert kb.agent("leader").title == "leader"
    assert kb.agent("leaders").title == "leader"


@pytest.mark.parametrize("text", ["Владимир Путин", "习近平", "🙂", "   ", "the", "—"])
def test_lookups_of_other_scripts_or_symbols_find_nothing_without_error(kb, text):
    assert kb.lookup(text) == []
    assert kb.country(text) is None
    assert kb.demonym(text) is None
    assert kb.agent(text) is None


def test_title_spellings_are_agent_nouns_with_their_title(kb):
    agent = kb.agent("minister of foreign affairs")
    assert (agent.sector, agent.title) == ("GOV", "foreign minister")
    assert kb.agent("chancellor of the exchequer").title == "finance minister"
    assert kb.agent("secretary-general").sector == "IGO"


@pytest.mark.parametrize("phrase, sector", [
    ("anti-government protesters", "CVL"), ("anti government protesters", "CVL"),
    ("antigovernment protesters", "CVL"), ("pro-government militias", "UAF"),
    ("government forces", "MIL"), ("military authorities", "MIL"),
])
def test_agent_stance_prefix_is_no_affiliation(kb, phrase, sector):
    assert kb.agent(phrase).sector == sector


def test_agent_security_forces_are_police_and_forces_are_military(kb):
    assert kb.agent("security forces").sector == "COP"
    assert kb.agent("forces").sector == "MIL"
    assert kb.agent("Russian forces") is not None and kb.agent("Russian forces").sector == "MIL"


@pytest.mark.parametrize("on, sector", [
    ("2010-06-01", "REB"), ("2021-08-14", "REB"), ("2021-08-15", "GOV"), ("2025-09-04", "GOV"),
])
def test_period_on_dates_an_organisations_sector(kb, on, sector):
    taliban = kb.lookup("the Taliban")[0]
    assert kb.period_on(taliban, on).sector == sector


def test_period_on_an_entry_without_periods_is_none(kb):
    assert kb.period_on(kb.lookup("Hezbollah")[0], "2020") is None


def test_place_names_are_countries_not_agent_nouns(kb):
    assert kb.country("West Bank").id == kb.country("Gaza").id == "ng:country/PSE"
    assert kb.country("Tel Aviv").id == "ng:country/ISR"


def test_office_country_is_known_only_for_a_single_countrys_office(kb):
    assert kb.office_country("pope") == "VAT"
    assert kb.office_country("president") is None
    assert kb.office_country("leader") is None
