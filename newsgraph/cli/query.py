"""``newsgraph actors``, ``quotes`` and ``events``: query what is stored.

Each command opens the database read-only in spirit (``Store(url, create=False)``), calls one
``Store`` method and prints its records as a table, one JSON array, or JSON lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from newsgraph.cli.options import DB, FORMAT
from newsgraph.cli.output import EXIT_OK, Format, dumps, fail, print_table
from newsgraph.errors import NewsgraphError, StoreError, UsageError

ACTOR_COLUMNS = [("name", "actor"), ("country", "country"), ("sector", "sector"),
                 ("kind", "kind"), ("kb_id", "KB id"), ("articles", "articles"),
                 ("mentions", "mentions"), ("last_published", "last seen")]
QUOTE_COLUMNS = [("published", "published"), ("speaker", "speaker"), ("country", "country"),
                 ("kind", "kind"), ("text", "quote"), ("site", "site")]
EVENT_COLUMNS = [("date", "date"), ("type", "type"), ("mode", "mode"), ("source", "source"),
                 ("target", "target"), ("location", "where"), ("flags", "flags"),
                 ("reports", "reports")]
FLAGS = ("negated", "hypothetical", "future", "historical")
# Quotes longer than this are shortened in tables (JSON output always has the whole text).
TABLE_QUOTE_CHARS = 160

LIMIT = typer.Option(50, "--limit", min=1, help="At most this many results.")
SINCE = typer.Option(None, "--from", help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
UNTIL = typer.Option(None, "--to", help="On or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")


def actors(
    name: str = typer.Option(None, "--name", help="The actor's name or an alias (whole words, "
                                                  "any case: \"Xi\" finds Xi Jinping)."),
    country: str = typer.Option(None, "--country", help="ISO 3166 alpha-3 code (CHN)."),
    sector: str = typer.Option(None, "--sector", help="CAMEO/PLOVER sector code (GOV, MIL)."),
    kind: str = typer.Option(None, "--kind", help="person, organization, country, group or "
                                                  "other."),
    limit: int = LIMIT,
    db: str = DB,
    fmt: Format = FORMAT,
) -> None:
    """List the actors of stored articles, one per real-world actor, most reported first.

    Examples:
      newsgraph actors --country PRK
      newsgraph actors --name "Kim Jong Un" --format json
      newsgraph actors --sector MIL --kind organization
    """
    _run(db, fmt, lambda store: store.actors(name=name, country=country, sector=sector,
                                             kind=kind, limit=limit),
         _actor_table, empty="No stored actor matches.")


def quotes(
    speaker: str = typer.Option(None, "--speaker", help="The speaker's name or an alias of "
                                                        "its actor (whole words, any case)."),
    country: str = typer.Option(None, "--country", help="The speaker's country (ISO alpha-3)."),
    contains: str = typer.Option(None, "--contains", help="The quote contains this text "
                                                          "(any case)."),
    since: str = SINCE,
    until: str = UNTIL,
    limit: int = LIMIT,
    db: str = DB,
    fmt: Format = FORMAT,
) -> None:
    """List stored quotes with their speaker, sentence and article, newest article first.

    --from and --to are about the article's publication date.

    Examples:
      newsgraph quotes --speaker "Guo Jiakun"
      newsgraph quotes --country CHN --contains sovereignty --format jsonl
    """
    _run(db, fmt, lambda store: store.quotes(speaker=speaker, country=country,
                                             contains=contains, since=since, until=until,
                                             limit=limit),
         _quote_table, empty="No stored quote matches.")


def events(
    event_id: str = typer.Argument(None, metavar="[ID]", show_default=False,
                                   help="Show this consolidated event with why each report "
                                        "joined it and the near-matches kept apart."),
    actor: str = typer.Option(None, "--actor", help="A source or target actor's name or alias "
                                                    "(whole words, any case)."),
    country: str = typer.Option(None, "--country", help="A source or target actor's country "
                                                        "(ISO alpha-3)."),
    event_type: str = typer.Option(None, "--type", help="PLOVER type (CONSULT, ASSAULT, ...)."),
    quad: int = typer.Option(None, "--quad", min=1, max=4,
                             help="Quad class: 1 verbal cooperation, 2 material cooperation, "
                                  "3 verbal conflict, 4 material conflict."),
    since: str = SINCE,
    until: str = UNTIL,
    include_flagged: bool = typer.Option(False, "--include-flagged",
                                         help="Also list negated, hypothetical, future and "
                                              "historical events."),
    limit: int = LIMIT,
    db: str = DB,
    fmt: Format = FORMAT,
) -> None:
    """List consolidated events: each real-world event once, with every article reporting it.

    --from and --to are about the event's date.

    Examples:
      newsgraph events --actor "Kim Jong Un" --from 2025-09
      newsgraph events --type ASSAULT --country UKR --format json
      newsgraph events --quad 4 --include-flagged
    """
    def query(store) -> list[dict[str, Any]]:
        if event_id is None:
            return [event.to_dict() for event in store.events(
                actor=actor, country=country, type=event_type, quad=quad, since=since,
                until=until, include_flagged=include_flagged, limit=limit)]
        if any(v is not None for v in (actor, country, event_type, quad, since, until)):
            raise UsageError("an ID shows one event; filters apply only to lists", source="ID")
        found = store.event(event_id)
        if found is None:
            raise StoreError("no consolidated event has this id; list them with "
                             "`newsgraph events`", source=event_id, code="E406")
        return [found]

    _run(db, fmt, query, _event_table if event_id is None else _event_detail,
         empty="No stored event matches.", single=event_id is not None)


def _run(db: str | None, fmt: Format, query: Callable[[Any], list[dict[str, Any]]],
         table: Callable[[list[dict[str, Any]]], None], *, empty: str,
         single: bool = False) -> None:
    from newsgraph.store import Store

    try:
        with Store(db, create=False) as store:
            rows = query(store)
    except NewsgraphError as exc:
        raise fail(exc) from None
    if single and fmt is not Format.table:
        typer.echo(dumps(rows[0]))
    elif fmt is Format.json:
        typer.echo(dumps(rows))
    elif fmt is Format.jsonl:
        for row in rows:
            typer.echo(dumps(row))
    elif rows:
        table(rows)
    else:
        typer.echo(empty, err=True)
    raise typer.Exit(EXIT_OK)


def _count(rows: list, noun: str) -> str:
    return f"{len(rows)} {noun}{'s' if len(rows) != 1 else ''}"


def _actor_table(rows: list[dict[str, Any]]) -> None:
    shown = [{**row, "last_published": (row.get("last_published") or "")[:10]} for row in rows]
    print_table(shown, ACTOR_COLUMNS, title=_count(rows, "actor"))


def _quote_table(rows: list[dict[str, Any]]) -> None:
    shown = []
    for row in rows:
        speaker = row.get("speaker") or {}
        text = row["text"]
        if len(text) > TABLE_QUOTE_CHARS:
            text = text[:TABLE_QUOTE_CHARS - 1].rstrip() + "…"
        shown.append({"published": (row["article"].get("published") or "")[:10],
                      "speaker": speaker.get("name"), "country": speaker.get("country"),
                      "kind": row["kind"], "text": text, "site": row["article"].get("site")})
    print_table(shown, QUOTE_COLUMNS, title=_count(rows, "quote"))


def _event_table(rows: list[dict[str, Any]]) -> None:
    shown = []
    for row in rows:
        location = row.get("location") or {}
        shown.append({**row, "source": [a["name"] for a in row["source"]],
                      "target": [a["name"] for a in row["target"]],
                      "location": location.get("name"),
                      "flags": [flag for flag in FLAGS if row.get(flag)],
                      "reports": len(row["sources"])})
    print_table(shown, EVENT_COLUMNS, title=_count(rows, "event"))


def _event_detail(rows: list[dict[str, Any]]) -> None:
    event = rows[0]
    _event_table(rows)
    reasons = {(m["article_id"]): m["reason"] for m in event["members"]}
    print_table([{**s, "reason": reasons.get(s["article_id"])} for s in event["sources"]],
                [("published", "published"), ("site", "site"), ("title", "title"),
                 ("evidence", "evidence"), ("reason", "joined because")], title="reports")
    if event["kept_apart"]:
        print_table(event["kept_apart"], [("article_id", "article"), ("event_seq", "event"),
                                          ("reason", "kept apart because")],
                    title="near-matches kept apart")


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)
    app.command("quotes")(quotes)
    app.command("events")(events)
