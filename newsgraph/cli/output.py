"""Printing results: ``--format json|jsonl|table``, error lines, and the exit status.

Batch rules (DESIGN.md): with several inputs, one record per input, in input order, each with
``"source"``; an input that failed gives ``{"source": ..., "error": {"code", "message"}}`` and
the batch goes on; the exit status is 0 when every input succeeded, 1 when some failed, 2 for
a usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import Any

from newsgraph.errors import NewsgraphError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def error_record(source: str, error: NewsgraphError) -> dict[str, Any]:
    """The JSON shape of a failed input (pinned by tests/cli/test_output.py)."""
    return {"source": source, "error": error.to_dict()}


def dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)


class Emitter:
    """Writes records as they come, so a long batch streams, and counts failures.

    ``table_row`` turns a successful record into the row(s) a person reads; failures always
    go to stderr in table mode, so stdout stays clean for pipes.
    """

    def __init__(self, fmt: Format, *, table: Callable[[list[dict]], None] | None = None,
                 out=None):
        self.fmt = fmt
        self.out = out or sys.stdout
        self.failed = 0
        self.total = 0
        self._table = table
        self._rows: list[dict] = []
        self._json_first = True

    def __enter__(self) -> Emitter:
        if self.fmt is Format.json:
            self.out.write("[")
        return self

    def emit(self, record: dict[str, Any]) -> None:
        self.total += 1
        if "error" in record:
            self.failed += 1
        if self.fmt is Format.jsonl:
            self.out.write(dumps(record) + "\n")
            self.out.flush()
        elif self.fmt is Format.json:
            self.out.write(("\n" if self._json_first else ",\n") + dumps(record))
            self._json_first = False
        elif "error" in record:
            err = record["error"]
            print_error(f"{record.get('source')}: {err['message']} [{err['code']}]")
        else:
            self._rows.append(record)

    def __exit__(self, *exc) -> None:
        if self.fmt is Format.json:
            self.out.write("\n]\n" if not self._json_first else "]\n")
        elif self.fmt is Format.table and self._table and self._rows:
            self._table(self._rows)

    @property
    def exit_code(self) -> int:
        return EXIT_SOME_FAILED if self.failed else EXIT_OK


def emit_all(records: Iterable[dict[str, Any]], fmt: Format, *,
             table: Callable[[list[dict]], None] | None = None) -> int:
    """Emit every record; returns the exit status."""
    with Emitter(fmt, table=table) as emitter:
        for record in records:
            emitter.emit(record)
    return emitter.exit_code


def exit_status(error: NewsgraphError) -> int:
    """The exit status of a command stopped by ``error``: 2 for a usage error or a database
    URL that cannot be used (E401), else 1."""
    from newsgraph.errors import UsageError

    return EXIT_USAGE if isinstance(error, UsageError) or error.code == "E401" else EXIT_SOME_FAILED


def fail(error: NewsgraphError):
    """Print ``error`` as one line and return the typer.Exit to raise with its status."""
    import typer

    print_error(str(error))
    return typer.Exit(exit_status(error))


def print_error(message: str) -> None:
    from rich.console import Console

    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]error:[/] {message}",
                                                                markup=True)


def print_table(rows: list[dict], columns: list[tuple[str, str]], title: str | None = None) -> None:
    """A rich table of ``rows``; ``columns`` are (key, header). Lists are joined with commas."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(key)) for key, _ in columns))
    Console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("name") or dumps(value)
    return str(value)


def iter_records(outcomes: Iterable, to_dict: Callable[[Any], dict]) -> Iterator[dict]:
    """Pipeline outcomes as output records, each with its ``source``."""
    for outcome in outcomes:
        if outcome.error is not None:
            yield error_record(outcome.source, outcome.error)
        else:
            record = {"source": outcome.source}
            record.update(to_dict(outcome.result))
            yield record
