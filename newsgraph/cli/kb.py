"""``newsgraph kb``: the knowledge base. ``kb stats`` counts what it holds; ``kb import-wikidata``
turns a Wikidata JSON dump into a KB file to pass with ``--kb`` or ``NEWSGRAPH_KB``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer

from newsgraph.cli.options import FORMAT, KB
from newsgraph.cli.output import (EXIT_SOME_FAILED, EXIT_USAGE, Format, dumps, print_error,
                                  print_table)
from newsgraph.errors import NewsgraphError

kb_app = typer.Typer(name="kb", help="The knowledge base: statistics, Wikidata import.",
                     no_args_is_help=True)


@kb_app.command("stats")
def stats(kb: list[Path] = KB, fmt: Format = FORMAT) -> None:
    """Count the knowledge base's entries (people, organisations, countries), positions, offices,
    aliases and agent nouns, with the extra files given by --kb and NEWSGRAPH_KB merged in.

    Example:
      newsgraph kb stats --kb my-people.jsonl
    """
    from newsgraph.kb import load_kb

    started = time.perf_counter()
    try:
        knowledge = load_kb(tuple(str(p) for p in kb or ()))
    except NewsgraphError as error:
        print_error(str(error))
        raise typer.Exit(EXIT_USAGE) from None
    counts = knowledge.stats()
    counts["load_seconds"] = round(time.perf_counter() - started, 3)
    if fmt is Format.table:
        print_table([{"what": k, "count": v} for k, v in counts.items()],
                    [("what", "what"), ("count", "count")], title="knowledge base")
    else:
        typer.echo(dumps(counts))


@kb_app.command("import-wikidata")
def import_wikidata(
    dump: Path = typer.Argument(..., help="A Wikidata JSON dump (.json, .json.gz or .json.bz2): "
                                          "the full latest-all dump or an extract in its format."),
    out: Path = typer.Option(None, "--output", "-o", help="Write the KB entries to this JSON "
                             "Lines file [default: standard output]."),
) -> None:
    """Write KB entries for the humans (with the offices they held, P39 with start and end),
    organisations and countries of a Wikidata dump. The dump is streamed, never loaded whole.

    Example:
      newsgraph kb import-wikidata latest-all.json.bz2 -o wikidata-people.jsonl
      newsgraph analyze page.html --kb wikidata-people.jsonl
    """
    from newsgraph.kb.wikidata import import_wikidata as run

    try:
        if out is None:
            report = run(dump, sys.stdout)
        else:
            # Written aside and renamed at the end: a failed import leaves no half-written file.
            partial = out.with_name(out.name + ".partial")
            try:
                with partial.open("w", encoding="utf-8") as handle:
                    report = run(dump, handle)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            partial.replace(out)
    except NewsgraphError as error:
        print_error(str(error))
        raise typer.Exit(EXIT_SOME_FAILED) from None
    except OSError as error:
        print_error(f"{out}: cannot write ({error})")
        raise typer.Exit(EXIT_SOME_FAILED) from None
    summary = report.to_dict()
    typer.echo(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in summary.items()), err=True)


def register(app: typer.Typer) -> None:
    """Add the ``kb`` command group to the ``newsgraph`` app."""
    app.add_typer(kb_app, name="kb")
