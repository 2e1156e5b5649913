"""The ``newsgraph`` command. Each command parses input, calls the Python API, prints output.

Commands live one per module (``cli/ingest.py``, ``cli/articles.py``, ...), each with a
``register(app)`` function; this module builds the app and registers them in one place.
"""

from __future__ import annotations

import importlib

import typer

from newsgraph import __version__

app = typer.Typer(
    name="newsgraph",
    help="Turn news pages into structured, checkable knowledge: articles, actors, quotes and "
         "PLOVER events, stored in SQLite or PostgreSQL and queried from here.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES = (
    "newsgraph.cli.extract",
    "newsgraph.cli.analyze",
    "newsgraph.cli.actor",
    "newsgraph.cli.ingest",
    "newsgraph.cli.articles",
    "newsgraph.cli.query",
    "newsgraph.cli.kb",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """newsgraph: news pages in, structured knowledge out."""


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


_register_commands()


def main() -> None:
    """Run the CLI; a newsgraph error that stops a whole command is one clear line, not a trace."""
    from newsgraph.cli.output import exit_status, print_error
    from newsgraph.errors import NewsgraphError

    try:
        app()
    except NewsgraphError as exc:
        print_error(str(exc))
        raise SystemExit(exit_status(exc)) from None
