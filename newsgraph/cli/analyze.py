"""``newsgraph analyze``: extraction (for files) and annotation, printed, not stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer

from newsgraph.annotate import AnalyzeOptions
from newsgraph.cli.options import FORMAT, KB, MAX_BYTES, PATHS, read_jsonl, source_options
from newsgraph.cli.output import Format, emit_all, iter_records, print_table
from newsgraph.errors import NewsgraphError
from newsgraph.extract import ExtractOptions
from newsgraph.model import RawDocument
from newsgraph.pipeline import run
from newsgraph.sources import iter_documents


def analyze(
    paths: list[Path] = PATHS,
    text: str = typer.Option(None, "--text", help="Analyse this text (taken as the body, unchanged)."),
    jsonl: Path = typer.Option(None, "--jsonl", help='Analyse each line {"id", "text", '
                               '"published"?, "url"?, "title"?} of this file ("-": stdin); '
                               "one result line per input line, with the same id."),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) "
                                  "for inputs that do not give one; anchors relative dates."),
    url: str = typer.Option(None, "--url", help="The page's URL, when the input does not say it."),
    kb: list[Path] = KB,
    fmt: Format = FORMAT,
    max_bytes: int = MAX_BYTES,
) -> None:
    """Extract and annotate: actors, mentions, quotes, events and dates, with offsets into the body.

    Examples:
      newsgraph analyze page.html --format json
      newsgraph analyze --text "Xi Jinping met Kim Jong Un in Beijing on Thursday." --published 2025-09-04
      newsgraph analyze --jsonl stories.jsonl --format jsonl
    """
    given = [bool(paths), text is not None, jsonl is not None]
    if sum(given) != 1:
        raise typer.BadParameter("give exactly one of PATH..., --text or --jsonl")
    if text is not None:
        documents = iter([RawDocument(source="<text>", text=text, url=url, published=published)])
    elif jsonl is not None:
        documents = jsonl_documents(jsonl, published=published)
    else:
        documents = (_with_default_date(d, published)
                     for d in iter_documents(paths, source_options(max_bytes)))
    options = AnalyzeOptions(kb_files=tuple(str(p) for p in kb or ()))
    outcomes = run(documents, stage="analyze", options=ExtractOptions(url=url),
                   analyze_options=options)
    records = iter_records(outcomes, lambda result: result.to_dict())
    raise typer.Exit(emit_all(records, fmt, table=print_analysis))


def jsonl_documents(path: Path, *, published: str | None = None
                    ) -> Iterator[RawDocument | NewsgraphError]:
    """Documents from JSON Lines input; a bad line becomes an error record, the rest go on."""
    lines = read_jsonl(path, ("published", "url", "title"))

    def documents():
        for entry in lines:
            if isinstance(entry, NewsgraphError):
                yield entry
                continue
            number, item = entry
            ident = str(item.get("id", number))
            yield RawDocument(source=ident, id=ident, text=item["text"], url=item.get("url"),
                              title=item.get("title"),
                              published=item.get("published") or published)

    return documents()


def _with_default_date(doc, published: str | None):
    if published and isinstance(doc, RawDocument) and not doc.published:
        from dataclasses import replace

        return replace(doc, published=published)
    return doc


def print_analysis(rows: list[dict]) -> None:
    """For people: per article, its actors, quotes and events."""
    for row in rows:
        title = row.get("title") or row.get("source")
        if row.get("not_annotated"):
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(
                f"[bold]{title}[/]: not annotated ({row['not_annotated']})")
            continue
        print_table(row.get("actors", []), [("id", "id"), ("name", "actor"), ("country", "country"),
                    ("sector", "sector"), ("kind", "kind"), ("roles", "roles")],
                    title=f"{title} ({row.get('published') or 'no date'}): actors")
        names = {a["id"]: a["name"] for a in row.get("actors", [])}
        quotes = [{**q, "speaker": (q.get("speaker") or {}).get("name")} for q in row.get("quotes", [])]
        print_table(quotes, [("kind", "kind"), ("speaker", "speaker"), ("text", "quote")],
                    title="quotes")
        events = [{**e, "source": [names.get(i, i) for i in e["source"]],
                   "target": [names.get(i, i) for i in e["target"]],
                   "evidence": e["evidence"]["text"]} for e in row.get("events", [])]
        print_table(events, [("type", "type"), ("mode", "mode"), ("source", "source"),
                             ("target", "target"), ("date", "date"), ("location", "where"),
                             ("evidence", "evidence")], title="events")


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
