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


SPANISH = ("El Congreso aprobó el martes una nueva ley de presupuesto para el transporte público "
           "después de un largo debate. La oposición criticó el plan y pidió más dinero para "
           "reparar carreteras.")


def test_analyze_text_not_in_english_is_returned_unannotated_with_the_reason():
    result = CliRunner().invoke(app, ["analyze", "--text", SPANISH, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["not_annotated"].startswith("the body is in Spanish (es)")
    assert record["actors"] == record["events"] == record["quotes"] == []
    table = CliRunner().invoke(app, ["analyze", "--text", SPANISH])
    assert "not annotated (the body is in Spanish (es)" in table.stdout
