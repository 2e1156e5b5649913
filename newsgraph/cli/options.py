"""Options shared by several commands, declared once so their help reads the same everywhere."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from newsgraph.cli.output import Format
from newsgraph.errors import UsageError
from newsgraph.sources import DEFAULT_MAX_BYTES, SourceOptions

FORMAT = typer.Option(Format.table, "--format", "-f",
                      help="table for people, json (one array) or jsonl (one line per input) "
                           "for programs.")
PATHS = typer.Argument(None, help="Files or directories (walked recursively): HTML, .html.gz, "
                                  "or text captures (.txt, .md).", show_default=False)
MAX_BYTES = typer.Option(None, "--max-bytes", min=1,
                         help=f"Refuse documents larger than this after decompression "
                              f"(default: NEWSGRAPH_MAX_BYTES, else {DEFAULT_MAX_BYTES:,}).")
DB = typer.Option(None, "--db", help="Database URL or SQLite file (default: NEWSGRAPH_DB, "
                                     "else newsgraph.db in the user data directory).")
KB = typer.Option(None, "--kb", help="Extra knowledge-base file (JSON Lines), merged over the "
                                     "bundled one; repeatable.")


def source_options(max_bytes: int | None) -> SourceOptions:
    """``--max-bytes``, else NEWSGRAPH_MAX_BYTES, else the default."""
    return SourceOptions.from_env(max_bytes)


def require_paths(paths: list[Path] | None) -> list[Path]:
    if not paths:
        raise typer.BadParameter("give at least one file or directory", param_hint="PATH...")
    return paths


def read_jsonl(path: Path, optional_strings: tuple[str, ...] = ()
               ) -> Iterator[tuple[int, dict[str, Any]] | UsageError]:
    """The objects of a JSON Lines input ("-": stdin) with their line numbers.

    Each must have a "text" string, and the keys in ``optional_strings`` must be strings when
    present; a bad line becomes a UsageError naming it, and the lines after it go on. A file
    that cannot be opened is a usage error at once.
    """
    try:
        handle = typer.open_file("-") if str(path) == "-" else open(path, encoding="utf-8")
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc.strerror}",
                                 param_hint="--jsonl") from None
    return _jsonl_lines(handle, path, optional_strings)


def _jsonl_lines(handle, path: Path, optional_strings: tuple[str, ...]
                 ) -> Iterator[tuple[int, dict[str, Any]] | UsageError]:
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError('each line must be an object with a "text" string')
                for key in optional_strings:
                    if item.get(key) is not None and not isinstance(item[key], str):
                        raise ValueError(f'"{key}" must be a string')
            except ValueError as exc:
                yield UsageError(f"line {number}: {exc}", source=f"{path}:{number}")
                continue
            yield number, item
