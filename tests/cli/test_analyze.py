"""`newsgraph analyze` input handling (no model needed: every input here fails early)."""

import json

from typer.testing import CliRunner

from newsgraph.cli import app


def test_analyze_jsonl_missing_file_is_a_usage_error():
    result = CliRunner().invoke(app, ["analyze", "--jsonl", "no-such-file.jsonl"])
    assert result.exit_code == 2
    assert "cannot read no-such-file.jsonl" in result.output


def test_analyze_jsonl_bad_lines_give_error_records_in_order(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('not json\n{"id": "x"}\n{"id": "y", "text": "t", "published": 5}\n')
    result = CliRunner().invoke(app, ["analyze", "--jsonl", str(path), "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["error"]["code"] for x in lines] == ["E500", "E500", "E500"]
    assert [x["source"] for x in lines] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert result.exit_code == 1
