"""Options shared by several commands, declared once so their help reads the same everywhere."""

from __future__ import annotations

from pathlib import Path

import typer

from newsgraph.cli.output import Format
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
