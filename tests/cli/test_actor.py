"""``newsgraph actor``: one phrase, JSON Lines batches, errors, exit codes (run in-process)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


def test_actor_resolves_one_phrase_as_of_a_date(nlp):
    result = runner.invoke(app, ["actor", "the president of the United States",
                                 "--date", "2025-09-04", "--format", "json"])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.output)
    assert record["name"] == "Donald Trump"
    assert (record["country"], record["sector"], record["kind"]) == ("USA", "GOV", "person")
    assert set(record) >= {"id", "name", "country", "sector", "kind", "kb_id", "roles"}


def test_actor_jsonl_keeps_ids_and_reports_bad_lines(nlp, tmp_path):
    path = tmp_path / "phrases.jsonl"
    path.write_text('{"id": "p1", "text": "riot police"}\n'
                    'not json\n'
                    '{"id": "p3", "text": "Kim", "date": "2025-09-04", '
                    '"context": "Kim Jong Un arrived. Kim left."}\n', encoding="utf-8")
    result = runner.invoke(app, ["actor", "--jsonl", str(path), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [line.get("id") for line in lines] == ["p1", None, "p3"]
    assert lines[0]["sector"] == "COP" and lines[0]["country"] is None
    assert lines[1]["error"]["code"] == "E500" and "line 2" in lines[1]["error"]["message"]
    assert lines[2]["name"] == "Kim Jong Un"


def test_actor_needs_exactly_one_input():
    result = runner.invoke(app, ["actor"])
    assert result.exit_code == 2


def test_actor_bad_date_is_an_error_record(nlp):
    result = runner.invoke(app, ["actor", "Xi Jinping", "--date", "someday", "--format", "jsonl"])
    assert result.exit_code == 1
    assert json.loads(result.output)["error"]["code"] == "E500"


def test_actor_bad_kb_file_names_file_and_line(tmp_path):
    bad = tmp_path / "mine.jsonl"
    bad.write_text('{"id": "ng:person/x", "name": "X", "kind": "person"}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["actor", "X", "--kb", str(bad)])
    assert result.exit_code == 2
    assert "mine.jsonl:2" in result.output
