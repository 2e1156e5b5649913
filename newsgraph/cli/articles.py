"""``newsgraph articles``: list stored articles with filters, or show one in full."""

from __future__ import annotations

from typing import Any

import typer

from newsgraph.cli.options import DB, FORMAT
from newsgraph.cli.output import EXIT_OK, Format, dumps, fail, print_table
from newsgraph.errors import NewsgraphError, StoreError, UsageError

LIST_COLUMNS = [("id", "id"), ("published", "published"), ("site", "site"), ("title", "title"),
                ("authors", "authors")]
# Ids are shown this long in tables; any unambiguous prefix of 4 or more finds an article.
SHORT_ID = 10


def articles(
    article_id: str = typer.Argument(None, metavar="[ID]", show_default=False,
                                     help="Show this article in full (an id, or its first "
                                          "characters)."),
    db: str = DB,
    site: str = typer.Option(None, "--site", help="Only this site: its name (DW) or the "
                                                  "URL's host (dw.com)."),
    since: str = typer.Option(None, "--from", help="Published on or after (YYYY, YYYY-MM or "
                                                   "YYYY-MM-DD)."),
    until: str = typer.Option(None, "--to", help="Published on or before (YYYY, YYYY-MM or "
                                                 "YYYY-MM-DD)."),
    contains: str = typer.Option(None, "--contains", help="Title or body contains this "
                                                          "text (any case)."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many articles."),
    all_versions: bool = typer.Option(False, "--all-versions",
                                      help="List earlier versions of changed pages too."),
    fmt: Format = FORMAT,
) -> None:
    """List stored articles, newest first, or show one article in full with its annotations.

    Examples:
      newsgraph articles --site voanews.com --from 2025-03-12 --to 2025-03-13
      newsgraph articles --contains ceasefire --format jsonl
      newsgraph articles 3f9c2a7b
    """
    from newsgraph.store import Store

    try:
        with Store(db, create=False) as store:
            if article_id is not None:
                if any(v is not None for v in (site, since, until, contains)):
                    raise UsageError("an ID shows one article; filters apply only to lists",
                                     source="ID")
                found = store.article(article_id)
                if found is None:
                    raise StoreError("no stored article has this id; list them with "
                                     "`newsgraph articles`", source=article_id, code="E405")
                _show_one(found, fmt)
            else:
                rows = store.articles(site=site, since=since, until=until, contains=contains,
                                      limit=limit, all_versions=all_versions)
                _show_list(rows, fmt)
    except NewsgraphError as exc:
        raise fail(exc) from None
    raise typer.Exit(EXIT_OK)


def _show_list(rows: list[dict[str, Any]], fmt: Format) -> None:
    if fmt is Format.json:
        typer.echo(dumps(rows))
    elif fmt is Format.jsonl:
        for row in rows:
            typer.echo(dumps(row))
    elif rows:
        shown = [{**row, "id": row["id"][:SHORT_ID], "published": (row.get("published") or "")[:10],
                  "site": row.get("site") or row.get("host")} for row in rows]
        plural = "s" if len(rows) != 1 else ""
        print_table(shown, LIST_COLUMNS, title=f"{len(rows)} article{plural}")
    else:
        typer.echo("No stored article matches.", err=True)


def _show_one(article: dict[str, Any], fmt: Format) -> None:
    if fmt is not Format.table:
        typer.echo(dumps(article))
        return
    print_article(article)


def print_article(article: dict[str, Any]) -> None:
    """One stored article for a person: metadata, body, pictures, then its annotations."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]{article.get('title') or '(no title)'}[/]")
    facts = [("id", article["id"]), ("site", article.get("site")), ("url", article.get("url")),
             ("published", article.get("published")),
             ("authors", ", ".join(article.get("authors") or [])),
             ("agencies", ", ".join(article.get("agencies") or [])),
             ("editors", ", ".join(article.get("editors") or [])),
             ("sections", " > ".join(article.get("sections") or [])),
             ("language", article.get("language")), ("source", article.get("source")),
             ("version", f"{article.get('version')} of {len(article.get('versions') or [])}")]
    for label, value in facts:
        if value:
            console.print(f"  [dim]{label:>9}[/]  {value}")
    console.print()
    console.print(article.get("body") or "", markup=False)
    for image in article.get("images") or []:
        text = " | ".join(v for v in (image.get("caption"), image.get("credit")) if v)
        if text:
            console.print(f"  [dim]picture:[/] {text}", markup=True)
    console.print()
    names = {a["id"]: a["name"] for a in article.get("actors") or []}
    if article.get("actors"):
        print_table(article["actors"], [("name", "actor"), ("country", "country"),
                                        ("sector", "sector"), ("kind", "kind")], title="actors")
    if article.get("quotes"):
        quotes = [{**q, "speaker": (q.get("speaker") or {}).get("name")} for q in article["quotes"]]
        print_table(quotes, [("speaker", "speaker"), ("kind", "kind"), ("text", "quote")],
                    title="quotes")
    if article.get("events"):
        events = [{**e, "source": [names.get(i, i) for i in e["source"]],
                   "target": [names.get(i, i) for i in e["target"]],
                   "evidence": e["evidence"]["text"]} for e in article["events"]]
        print_table(events, [("type", "type"), ("source", "source"), ("target", "target"),
                             ("date", "date"), ("evidence", "evidence")], title="events")
    if not article.get("analyzed"):
        console.print("[dim]Stored without annotations (ingested with --no-analyze).[/]")


def register(app: typer.Typer) -> None:
    app.command("articles")(articles)
