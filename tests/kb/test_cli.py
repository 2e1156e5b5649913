"""``newsgraph kb stats`` and ``newsgraph kb import-wikidata`` (newsgraph/cli/kb.py)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app

SAMPLE = Path(__file__).parent / "data" / "wikidata-sample.json"
runner = CliRunner()


def test_kb_stats_prints_counts_as_json():
    result = runner.invoke(app, ["kb", "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["countries"] >= 249 and counts["people"] > 0 and counts["agent_nouns"] > 0


def test_kb_stats_with_a_bad_kb_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ng:person/x", "name": "X", "kind": "alien"}\n')
    result = runner.invoke(app, ["kb", "stats", "--kb", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:1" in result.output and "E302" in result.output


def test_import_wikidata_writes_a_kb_file_and_a_summary(tmp_path):
    out = tmp_path / "wd.jsonl"
    result = runner.invoke(app, ["kb", "import-wikidata", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "people: 5" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert any(r["id"] == "wd:Q22686" for r in rows)
    assert not (tmp_path / "wd.jsonl.partial").exists()


def test_import_wikidata_to_standard_output(tmp_path):
    result = runner.invoke(app, ["kb", "import-wikidata", str(SAMPLE)])
    assert result.exit_code == 0
    assert '"wd:Q7747"' in result.stdout


def test_import_wikidata_of_a_missing_dump_fails_cleanly(tmp_path):
    out = tmp_path / "wd.jsonl"
    result = runner.invoke(app, ["kb", "import-wikidata", str(tmp_path / "nope.json"), "-o", str(out)])
    assert result.exit_code == 1
    assert "not found" in result.output
    assert not out.exists() and not (tmp_path / "wd.jsonl.partial").exists()
