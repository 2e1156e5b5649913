"""The JSON shapes and exit statuses every command shares (DESIGN.md, batch behaviour)."""

import io
import json

from newsgraph.cli.output import EXIT_OK, EXIT_SOME_FAILED, Emitter, Format, error_record
from newsgraph.errors import SourceNotFound


def test_error_record_shape_is_source_and_code_and_message():
    record = error_record("missing.html", SourceNotFound("no such file", source="missing.html"))
    assert record == {"source": "missing.html",
                      "error": {"code": "E101", "message": "no such file"}}


def test_jsonl_writes_one_line_per_input_in_order_and_counts_failures():
    out = io.StringIO()
    with Emitter(Format.jsonl, out=out) as emitter:
        emitter.emit({"source": "a", "title": "A"})
        emitter.emit(error_record("b", SourceNotFound("no such file")))
        emitter.emit({"source": "c", "title": "C"})
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["source"] for x in lines] == ["a", "b", "c"]
    assert "error" in lines[1]
    assert emitter.exit_code == EXIT_SOME_FAILED


def test_json_writes_one_valid_array():
    out = io.StringIO()
    with Emitter(Format.json, out=out) as emitter:
        emitter.emit({"source": "a"})
        emitter.emit({"source": "b"})
    assert [x["source"] for x in json.loads(out.getvalue())] == ["a", "b"]
    assert emitter.exit_code == EXIT_OK


def test_json_with_no_records_is_an_empty_array():
    out = io.StringIO()
    with Emitter(Format.json, out=out):
        pass
    assert json.loads(out.getvalue()) == []
