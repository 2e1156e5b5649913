"""The demo behind ``make demo``: ingest the bundled samples into a fresh database and show it.

    python -m newsgraph.demo [--db demo.db] [--samples samples] [--no-analyze]

It starts from an empty SQLite file (``demo.db`` in the current folder, replaced if present),
ingests ``samples/pages`` and ``samples/captures``, and prints what a newcomer wants to see:
how many articles from which sites over which dates, the list, then one article in full with
its actors, quotes and events. When the NLP model cannot be loaded it says so and stores the
articles without annotations, so the demo always runs to the end.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgraph.errors import NewsgraphError

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FOLDERS = ("pages", "captures")
DEFAULT_DB = "demo.db"


def main(argv: list[str] | None = None) -> int:
    """Run the demo; returns the exit status (0, or 1 when a sample failed)."""
    parser = argparse.ArgumentParser(prog="python -m newsgraph.demo",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLite file to create (replaced).")
    parser.add_argument("--samples", default=str(SAMPLES), help="The samples folder.")
    parser.add_argument("--no-analyze", action="store_true", help="Skip the NLP stage.")
    args = parser.parse_args(argv)

    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    samples = Path(args.samples)
    inputs = [samples / name for name in SAMPLE_FOLDERS if (samples / name).is_dir()]
    if not inputs:
        console.print(f"[red]No samples found in {samples}[/] "
                      f"(expected {', '.join(SAMPLE_FOLDERS)}/).")
        return 2
    db = Path(args.db)
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)

    analyze = not args.no_analyze and _nlp_ready(console)
    from newsgraph.store import Store

    started = time.monotonic()
    try:
        with Store(db) as store:
            console.print(f"[bold]Ingesting the samples[/] from {samples} into a fresh {db} ...")
            report = store.ingest(inputs, analyze=analyze)
            elapsed = time.monotonic() - started
            _print_report(console, report, elapsed)
            _print_overview(console, store.stats())
            rows = store.articles(limit=None)
            _print_list(rows)
            if rows:
                chosen = _most_annotated(store, rows)
                console.rule(f"One article in full: newsgraph articles {chosen['id']} --db {db}")
                from newsgraph.cli.articles import print_article

                print_article(chosen)
    except NewsgraphError as exc:
        console.print(f"[red]error:[/] {exc}")
        return 1
    console.rule()
    console.print("Explore it yourself:\n"
                  f"  newsgraph articles --db {db} --contains ceasefire\n"
                  f"  newsgraph articles --db {db} --site voanews.com --from 2025-03-13 "
                  "--format json\n"
                  f"  newsgraph ingest YOUR-PAGES/ --db {db}")
    return 1 if report.failed else 0


def _nlp_ready(console) -> bool:
    """Load the NLP model once (ingest reuses it); on failure, say why and go on without it."""
    console.print("Loading the NLP model ...")
    try:
        from newsgraph.annotate import annotate
        from newsgraph.model import Article

        # One tiny article loads the model and every annotator the ingest will use.
        annotate(Article(id="demo", body="The minister met reporters in the capital on Monday."))
    except Exception as exc:  # whatever stops the NLP stage, the demo goes on without it
        exc = exc if isinstance(exc, NewsgraphError) else f"{type(exc).__name__}: {exc}"
        console.print(f"[yellow]The NLP stage is not available ({exc}); the demo stores the "
                      "articles without actors, quotes and events.[/]")
        return False
    return True


def _print_report(console, report, elapsed: float) -> None:
    counts = report.counts
    console.print(f"  {counts['new']} new, {counts['updated']} updated, {counts['unchanged']} "
                  f"unchanged, {counts['failed']} failed, in {elapsed:.1f} s")
    for item in report.failures:
        console.print(f"  [red]failed[/] {item.source}: {item.error.message} [{item.error.code}]")


def _print_overview(console, stats: dict) -> None:
    console.print()
    console.print(f"[bold]{stats['articles']} articles[/] from {len(stats['sites'])} sites, "
                  f"published {(stats['published']['first'] or '?')[:10]} to "
                  f"{(stats['published']['last'] or '?')[:10]}; "
                  f"{stats['analyzed']} analysed: {stats['actors']} actors, {stats['quotes']} "
                  f"quotes, {stats['events']} events.")
    for site in stats["sites"]:
        console.print(f"  {site['articles']:>3}  {site['site'] or '(site unknown)'}")
    console.print()


def _print_list(rows: list[dict]) -> None:
    from newsgraph.cli.output import print_table

    shown = [{**row, "published": (row.get("published") or "")[:10],
              "site": row.get("site") or row.get("host"), "id": row["id"][:8]} for row in rows]
    print_table(shown, [("id", "id"), ("published", "published"), ("site", "site"),
                        ("title", "title")], title="Stored articles (newest first)")


def _most_annotated(store, rows: list[dict]) -> dict:
    """The article with the most events and quotes: the one that shows the most."""
    best, score = None, -1
    for row in rows:
        full = store.article(row["id"])
        if full is None:
            continue
        value = len(full["events"]) * 2 + len(full["quotes"]) + (1 if full["images"] else 0)
        if value > score:
            best, score = full, value
    return best


if __name__ == "__main__":
    sys.exit(main())
