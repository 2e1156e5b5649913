"""``newsgraph actors``, ``quotes`` and ``events``: newsgraph/cli/query.py."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from tests.store.stories import save, three_outlets

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("db") / "news.db")
    with Store(path) as store:
        for result in three_outlets():
            save(store, result)
    return path


def run(*args: str):
    # A wide terminal, so that table cells are not wrapped.
    return runner.invoke(app, list(args), env={"COLUMNS": "250"})


def test_actors_as_json_with_filters(db):
    result = run("actors", "--db", db, "--country", "NOR", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["name"], r["articles"]) for r in rows] == [("Tomas Berg", 3)]


def test_actors_as_a_table_for_people(db):
    result = run("actors", "--db", db, "--sector", "GOV", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "Tomas Berg" in result.stdout and "Ana Ruiz" in result.stdout
    assert "Kenji Sato" not in result.stdout


def test_quotes_by_speaker_as_jsonl_with_sentence_and_article(db):
    result = run("quotes", "--db", db, "--speaker", "Tomas Berg", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["site"] for r in rows] == ["Coast Herald", "Harbor Times"]
    assert rows[0]["sentence"]["text"].startswith("Norway's Berg called the meeting")
    assert rows[0]["speaker"]["kb_id"] == "test:berg"


def test_quotes_table_and_date_filters(db):
    result = run("quotes", "--db", db, "--from", "2025-03-14", "--to", "2025-03-14")
    assert result.exit_code == 0, result.output
    assert "We agreed on the quotas" in result.stdout and "productive" not in result.stdout


def test_events_list_each_real_event_once_with_its_sources(db):
    result = run("events", "--db", db, "--actor", "Ruiz", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 1 and len(rows[0]["sources"]) == 3
    assert rows[0]["type"] == "CONSULT" and rows[0]["date"] == "2025-03-13"
    flagged = json.loads(run("events", "--db", db, "--actor", "Ruiz", "--include-flagged",
                             "--format", "json").stdout)
    assert len(flagged) == 2 and any(e["future"] for e in flagged)


def test_events_table_and_filters(db):
    result = run("events", "--db", db, "--quad", "4")
    assert result.exit_code == 0, result.output
    assert "PROTEST" in result.stdout and "CONSULT" not in result.stdout
    result = run("events", "--db", db, "--country", "KOR", "--type", "consult", "--from",
                 "2025-03-13", "--to", "2025-03-13")
    assert "Min-jun Park" in result.stdout and "Berg" not in result.stdout


def test_one_event_in_full_with_why_its_reports_joined(db):
    listed = json.loads(run("events", "--db", db, "--actor", "Ruiz", "--format", "json").stdout)
    result = run("events", listed[0]["id"], "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    full = json.loads(result.stdout)
    assert full["id"] == listed[0]["id"] and len(full["members"]) == 3
    table = run("events", listed[0]["id"], "--db", db)
    assert table.exit_code == 0 and "Coast Herald" in table.stdout
    missing = run("events", "0000000000000000", "--db", db)
    assert missing.exit_code == 1 and "E406" in missing.output


def test_nothing_found_is_an_empty_result_not_an_error(db):
    result = run("quotes", "--db", db, "--speaker", "Nobody Atall", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    table = run("actors", "--db", db, "--name", "Nobody Atall")
    assert table.exit_code == 0 and "No stored actor matches" in table.output


def test_bad_option_values_are_usage_errors_naming_the_option(db):
    result = run("quotes", "--db", db, "--from", "last week")
    assert result.exit_code == 2 and "--from" in result.output
    result = run("events", "--db", db, "--quad", "5")
    assert result.exit_code == 2


def test_a_missing_database_is_a_clear_error(tmp_path):
    for command in ("actors", "quotes", "events"):
        result = run(command, "--db", str(tmp_path / "none.db"))
        assert result.exit_code == 1 and "E403" in result.output
        assert not (tmp_path / "none.db").exists()
