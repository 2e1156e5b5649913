"""Resolution of one phrase (``newsgraph actor``) and of dated offices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.annotate.resolve import day_of, resolve_phrase
from newsgraph.errors import UsageError

CASES = Path(__file__).parent / "data" / "resolve_cases.jsonl"
# Measured on the bundled knowledge base, rounded down slightly.
RESOLVE_FLOOR = 0.95


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
    assert total >= 150
    share = right / total
    assert share >= RESOLVE_FLOOR, (f"{right}/{total} = {share:.3f} right on country and primary "
                                    f"sector (floor {RESOLVE_FLOOR}); wrong: {wrong}")
