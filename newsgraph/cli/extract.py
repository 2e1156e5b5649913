"""``newsgraph extract PATH...``: article extraction only, no NLP, no storage."""

from __future__ import annotations

from pathlib import Path

import typer

from newsgraph.cli.options import FORMAT, MAX_BYTES, PATHS, require_paths, source_options
from newsgraph.cli.output import Format, emit_all, iter_records, print_table
from newsgraph.extract import ExtractOptions
from newsgraph.pipeline import run
from newsgraph.sources import iter_documents

ARTICLE_COLUMNS = [("source", "source"), ("title", "title"), ("site", "site"),
                   ("published", "published"), ("authors", "authors"),
                   ("agencies", "agencies"), ("words", "words")]


def extract(
    paths: list[Path] = PATHS,
    url: str = typer.Option(None, "--url", help="The page's URL, when the file does not say it."),
    fmt: Format = FORMAT,
    max_bytes: int = MAX_BYTES,
) -> None:
    """Extract the article from pages: title, authors, agencies, date, body, images.

    Example: newsgraph extract page.html capture.txt --format json
    """
    documents = iter_documents(require_paths(paths), source_options(max_bytes))
    outcomes = run(documents, stage="extract", options=ExtractOptions(url=url))
    records = iter_records(outcomes, lambda article: article.to_dict())
    raise typer.Exit(emit_all(records, fmt, table=_table))


def _table(rows: list[dict]) -> None:
    for row in rows:
        row["words"] = len(row.get("body", "").split())
    print_table(rows, ARTICLE_COLUMNS)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
