"""``newsgraph articles``: newsgraph/cli/articles.py."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from tests.store.pages import write_page

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    write_page(folder, "a.html", title="Budget passes", url="https://www.example.org/a",
               published="2025-03-10")
    write_page(folder, "b.html", title="Ferry strike ends", url="https://other.example/b",
               published="2025-03-12", site="Other News")
    path = str(folder / "news.db")
    with Store(path) as store:
        store.ingest([folder], analyze=False)
    return path


def articles(*args: str):
    # A wide terminal, so that table cells are not wrapped.
    return runner.invoke(app, ["articles", *args], env={"COLUMNS": "200"})


def test_list_as_jsonl_with_filters(db):
    result = articles("--db", db, "--site", "example.org", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in rows] == ["Budget passes"]
    result = articles("--db", db, "--from", "2025-03-11", "--contains", "ferry", "--format", "json")
    assert [r["title"] for r in json.loads(result.stdout)] == ["Ferry strike ends"]


def test_list_as_a_table_for_people(db):
    result = articles("--db", db, "--limit", "1")
    assert result.exit_code == 0
    assert "Ferry strike ends" in result.stdout and "Budget passes" not in result.stdout


def test_one_article_in_full(db):
    listed = json.loads(articles("--db", db, "--format", "json").stdout)
    ident = listed[0]["id"]
    result = articles(ident, "--db", db, "--format", "json")
    assert result.exit_code == 0
    full = json.loads(result.stdout)
    assert full["id"] == ident and full["body"].startswith("The city council")
    assert full["actors"] == [] and full["versions"][0]["current"] is True
    table = articles(ident[:8], "--db", db)
    assert table.exit_code == 0 and "Ferry strike ends" in table.stdout
    assert "The city council approved" in table.stdout


def test_unknown_id_fails_with_a_hint(db):
    result = articles("0000000000000000", "--db", db)
    assert result.exit_code == 1
    assert "E405" in result.stderr and "newsgraph articles" in result.stderr


def test_bad_date_is_a_usage_error_naming_the_option(db):
    result = articles("--db", db, "--to", "yesterday")
    assert result.exit_code == 2 and "--to" in result.stderr


def test_an_id_with_filters_is_a_usage_error(db):
    result = articles("abcdef", "--db", db, "--site", "x")
    assert result.exit_code == 2


def test_no_match_says_so(db):
    result = articles("--db", db, "--contains", "zeppelin")
    assert result.exit_code == 0 and result.stdout == ""
    assert "No stored article matches" in result.stderr


def test_a_database_that_does_not_exist_is_not_created(tmp_path):
    missing = tmp_path / "typo.db"
    result = articles("--db", str(missing))
    assert result.exit_code == 1 and "newsgraph ingest" in result.stderr
    assert not missing.exists()
