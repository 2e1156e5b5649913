"""Resolution of one phrase (``newsgraph actor``) and of dated offices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.annotate.resolve import day_of, resolve_phrase
from newsgraph.errors import UsageError

CASES = Path(__file__).parent / "data" / "resolve_cases.jsonl"
# Measured on the bundled knowledge base (533/536 = 0.994), rounded down slightly.
RESOLVE_FLOOR = 0.98


def test_resolve_day_of_keeps_the_date_part():
    assert day_of("2025-09-04T10:00:00Z") == "2025-09-04"
    assert day_of("2011") == "2011"
    assert day_of("last week") is None


def test_resolve_empty_phrase_is_a_usage_error():
    with pytest.raises(UsageError):
        resolve_phrase("   ")


def test_resolve_bad_date_is_a_usage_error():
    with pytest.raises(UsageError, match="not YYYY"):
        resolve_phrase("Xi Jinping", date="yesterday")


@pytest.mark.slow
def test_resolve_office_holder_depends_on_the_date(nlp):
    assert resolve_phrase("the president of the United States", date="2025-09-04").name == "Donald Trump"
    assert resolve_phrase("the president of the United States", date="2022-01-01").name == "Joe Biden"


@pytest.mark.slow
def test_resolve_person_roles_follow_the_date(nlp):
    assert "prime minister" in resolve_phrase("Putin", date="2009-06-01").roles
    assert "president" in resolve_phrase("Putin", date="2022-06-01").roles


@pytest.mark.slow
def test_resolve_nationality_and_agent_noun(nlp):
    ship = resolve_phrase("an American destroyer")
    assert (ship.country, ship.sector, ship.kb_id) == ("USA", "MIL", None)
    police = resolve_phrase("riot police")
    assert (police.country, police.sector) == (None, "COP")


@pytest.mark.slow
def test_resolve_capital_names_the_government(nlp):
    actor = resolve_phrase("Pyongyang")
    assert (actor.country, actor.sector, actor.kind) == ("PRK", "GOV", "country")


@pytest.mark.slow
def test_resolve_unknown_phrase_stays_null(nlp):
    actor = resolve_phrase("the blue teapot")
    assert (actor.country, actor.sector, actor.kb_id) == (None, None, None)


@pytest.mark.slow
def test_resolve_context_picks_the_mention_in_its_sentence(nlp):
    actor = resolve_phrase("Kim", date="2025-09-04",
                           context="Kim Jong Un met Xi Jinping. Kim then left Beijing.")
    assert actor.name == "Kim Jong Un"


@pytest.mark.slow
@pytest.mark.parametrize("phrase, date, name", [
    ("Japanese Prime Minister", "2025-09-04", "Shigeru Ishiba"),
    ("German Chancellor", "2025-09-04", "Friedrich Merz"),
    ("the Iranian foreign minister", "2025-09-04", "Abbas Araghchi"),
    ("North Korean leader", "2025-09-04", "Kim Jong Un"),
    ("the U.S. secretary of state", "2025-09-04", "Marco Rubio"),
    ("the U.S. secretary of state", "2010-06-01", "Hillary Clinton"),
])
def test_resolve_role_phrase_alone_is_the_office_holder(nlp, phrase, date, name):
    assert resolve_phrase(phrase, date=date).name == name


@pytest.mark.slow
def test_resolve_role_phrase_without_a_date_is_the_current_holder(nlp):
    actor = resolve_phrase("German Chancellor")
    assert actor.kb_id is not None and "chancellor" in actor.roles


@pytest.mark.slow
def test_resolve_role_phrase_with_no_known_holder_stays_an_unnamed_role(nlp):
    actor = resolve_phrase("the Nauruan foreign minister", date="1990-01-01")
    assert (actor.kb_id, actor.country, actor.sector) == (None, "NRU", "GOV")


@pytest.mark.slow
@pytest.mark.parametrize("phrase, date, sector", [
    ("Joe Biden", "2025-09-04", "ELI"), ("Joe Biden", "2022-01-01", "GOV"),
    ("Angela Merkel", "2024-01-01", "ELI"), ("Elon Musk", "2025-09-04", "BUS"),
    ("a former president", None, "ELI"), ("former U.S. officials", None, "ELI"),
])
def test_resolve_someone_out_of_office_is_a_former_official(nlp, phrase, date, sector):
    assert resolve_phrase(phrase, date=date).sector == sector


@pytest.mark.slow
def test_resolve_group_sector_follows_the_date(nlp):
    assert resolve_phrase("the Taliban", date="2019-01-01").sector == "REB"
    assert resolve_phrase("the Taliban", date="2022-01-01").sector == "GOV"


@pytest.mark.slow
def test_resolve_members_of_a_group_take_its_dated_sector(nlp):
    assert resolve_phrase("Taliban fighters", date="2010-01-01").sector == "REB"
    assert resolve_phrase("Taliban fighters", date="2022-01-01").sector == "GOV"


@pytest.mark.slow
def test_resolve_office_of_a_single_country_needs_no_nationality(nlp):
    assert resolve_phrase("the pope", date="2020-01-01").name == "Pope Francis"
    assert resolve_phrase("the president", date="2025-09-04").kb_id is None


@pytest.mark.slow
def test_resolve_international_office_has_no_national_country(nlp):
    rutte = resolve_phrase("Mark Rutte", date="2025-01-01")
    assert (rutte.country, rutte.sector) == (None, "IGO")
    assert resolve_phrase("Mark Rutte", date="2020-01-01").country == "NLD"


@pytest.mark.slow
def test_resolve_place_name_wins_over_an_agent_noun_in_it(nlp):
    bank = resolve_phrase("the West Bank")
    assert (bank.country, bank.sector) == ("PSE", "GOV")


@pytest.mark.slow
def test_resolve_unknown_place_gets_no_agent_noun_sector(nlp):
    place = resolve_phrase("South Bank")
    assert (place.country, place.sector) == (None, None)


@pytest.mark.slow
def test_resolve_role_naming_a_body_picks_that_bodys_office_holder(nlp):
    assert resolve_phrase("the Kremlin spokesman", date="2025-09-04").name == "Dmitry Peskov"
    spokeswoman = resolve_phrase("the Russian foreign ministry spokeswoman", date="2025-09-04")
    assert spokeswoman.name == "Maria Zakharova"


@pytest.mark.slow
def test_resolve_government_of_a_surname_the_model_missed(nlp):
    actor = resolve_phrase("Trump administration", date="2025-09-04")
    assert (actor.country, actor.sector, actor.kind) == ("USA", "GOV", "country")


@pytest.mark.slow
def test_resolve_stance_modifier_is_not_an_affiliation(nlp):
    assert resolve_phrase("anti-government protesters").sector == "CVL"


def _cases() -> list[dict]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:] if line.strip()]


def evaluate_cases() -> tuple[int, int, list]:
    right, wrong = 0, []
    cases = _cases()
    for case in cases:
        actor = resolve_phrase(case["text"], date=case.get("date"))
        countries = case.get("country_any") or [case["country"]]
        sectors = case.get("sector_any") or [case["sector"]]
        if actor.country in countries and ((actor.sector or "")[:3] or None) in sectors:
            right += 1
        else:
            wrong.append((case["text"], actor.country, actor.sector))
    return right, len(cases), wrong


@pytest.mark.slow
def test_resolve_cases_hold_their_floor(nlp):
    right, total, wrong = evaluate_cases()
    assert total >= 500
    share = right / total
    assert share >= RESOLVE_FLOOR, (f"{right}/{total} = {share:.3f} right on country and primary "
                                    f"sector (floor {RESOLVE_FLOOR}); wrong: {wrong}")
