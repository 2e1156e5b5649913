"""``newsgraph actor TEXT [--date D]`` / ``--jsonl FILE``: a name or phrase resolved to an actor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from newsgraph.cli.options import FORMAT, KB, read_jsonl
from newsgraph.cli.output import Format, emit_all, error_record, print_table
from newsgraph.errors import NewsgraphError

ACTOR_COLUMNS = [("source", "input"), ("name", "name"), ("country", "country"),
                 ("sector", "sector"), ("kind", "kind"), ("kb_id", "KB id"), ("roles", "roles")]


def actor(
    text: str = typer.Argument(None, help="The name or phrase to resolve (\"riot police\", "
                                          "\"Xi Jinping\", \"an American destroyer\")."),
    date: str = typer.Option(None, "--date", help="Resolve as of this date (YYYY-MM-DD): who "
                             "held an office then. Default: the latest known positions."),
    jsonl: Path = typer.Option(None, "--jsonl", help='Resolve each line {"id", "text", "date"?, '
                               '"context"?} of this file ("-": stdin); one result line per input '
                               "line, with the same id."),
    kb: list[Path] = KB,
    fmt: Format = FORMAT,
) -> None:
    """Resolve a name or phrase to an actor: name, country (ISO3), sector, kind, KB id, roles.

    Examples:
      newsgraph actor "the president of the United States" --date 2025-09-04
      newsgraph actor "riot police" --format json
      newsgraph actor --jsonl phrases.jsonl --format jsonl
    """
    if (text is None) == (jsonl is None):
        raise typer.BadParameter("give exactly one of TEXT or --jsonl")
    from newsgraph.kb import load_kb

    try:
        knowledge = load_kb(tuple(str(p) for p in kb or ()))
    except NewsgraphError as error:
        from newsgraph.cli.output import print_error

        print_error(str(error))
        raise typer.Exit(2) from None
    if jsonl is not None:
        items = _read_jsonl(jsonl, date)
    else:
        items = iter([{"id": text, "text": text, "date": date}])
    records = (_resolve(item, knowledge) for item in items)
    raise typer.Exit(emit_all(records, fmt, table=lambda rows: print_table(rows, ACTOR_COLUMNS)))


def _resolve(item: dict[str, Any] | NewsgraphError, kb) -> dict[str, Any]:
    from newsgraph.annotate.resolve import resolve_phrase

    if isinstance(item, NewsgraphError):
        return error_record(item.source or "", item)
    try:
        found = resolve_phrase(item["text"], date=item.get("date"), kb=kb,
                               context=item.get("context"))
    except NewsgraphError as error:
        return error_record(item["id"], error)
    record = {"source": item["id"], "id": item["id"], "text": item["text"]}
    record.update(found.to_dict())
    record["id"] = item["id"]
    record["date"] = item.get("date")
    return record


def _read_jsonl(path: Path, default_date: str | None) -> Iterator[dict[str, Any] | NewsgraphError]:
    """Lines {"id", "text", "date"?, "context"?}; a bad line becomes an error record."""
    lines = read_jsonl(path, ("date", "context"))

    def items():
        for entry in lines:
            if isinstance(entry, NewsgraphError):
                yield entry
                continue
            number, item = entry
            yield {"id": str(item.get("id", number)), "text": item["text"],
                   "date": item.get("date") or default_date, "context": item.get("context")}

    return items()


def register(app: typer.Typer) -> None:
    app.command("actor")(actor)
