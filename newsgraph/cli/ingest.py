"""``newsgraph ingest PATH...``: extract, annotate and store; idempotent; progress on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from newsgraph.cli.options import DB, FORMAT, KB, MAX_BYTES, PATHS, require_paths
from newsgraph.cli.output import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    Emitter,
    Format,
    fail,
    print_error,
)
from newsgraph.errors import NewsgraphError, StoreError, UsageError

EXIT_INTERRUPTED = 130  # the shell's convention for a command stopped by Ctrl-C
# Statuses in the order the summary lists them, with what each means to a reader.
SUMMARY = (("new", "new articles"), ("updated", "new versions of stored pages"),
           ("unchanged", "already stored, unchanged"),
           ("annotated", "already stored, annotations added"), ("failed", "failed"))


def ingest(
    paths: list[Path] = PATHS,
    db: str = DB,
    no_analyze: bool = typer.Option(False, "--no-analyze",
                                    help="Store articles without annotations (no NLP model "
                                         "needed); a later ingest with analysis adds them."),
    kb: list[Path] = KB,
    fmt: Format = FORMAT,
    max_bytes: int = MAX_BYTES,
) -> None:
    """Extract, annotate and store pages; a page already stored unchanged is not added twice.

    Each document is committed on its own: an interrupted ingest keeps what it stored, and
    running it again adds only what is missing. Inputs that fail are recorded with their
    reason and the rest go on (exit status 1).

    Examples:
      newsgraph ingest pages/ captures/ --db news.db
      newsgraph ingest page.html.gz --db postgresql://me@localhost/news --format jsonl
    """
    from newsgraph.annotate import AnalyzeOptions
    from newsgraph.sources import SourceOptions
    from newsgraph.store import Store

    paths = require_paths(paths)
    try:
        options = SourceOptions.from_env(max_bytes)
    except UsageError as exc:
        raise typer.BadParameter(exc.message, param_hint="--max-bytes") from None
    try:
        store = Store(db)
    except StoreError as exc:
        raise fail(exc) from None
    analyze_options = AnalyzeOptions(kb_files=tuple(str(p) for p in kb or ()))
    with store, Emitter(fmt) as emitter:
        show = _progress_wanted(fmt)
        finished = []
        with _Progress(show) as progress:
            def on_progress(item, done, total):
                finished.append(item)
                progress.advance(item, done, total)
                if fmt is not Format.table:
                    emitter.emit(item.to_dict())

            try:
                report = store.ingest(paths, on_progress=on_progress, analyze=not no_analyze,
                                      source_options=options, analyze_options=analyze_options)
            except NewsgraphError as exc:  # the database failed mid-way; what is saved stays
                print_error(str(exc))
                raise typer.Exit(EXIT_SOME_FAILED) from None
            except KeyboardInterrupt:
                print_error(f"interrupted after {len(finished)} inputs; what they stored is "
                            "kept, and the same command resumes where this one stopped")
                raise typer.Exit(EXIT_INTERRUPTED) from None
        if fmt is Format.table:
            print_summary(report, store)
    raise typer.Exit(EXIT_SOME_FAILED if report.failed else EXIT_OK)


def print_summary(report, store) -> None:
    """The counts, then each failure with its reason, for a person."""
    from rich.console import Console

    from newsgraph.store.database import safe_url

    console = Console(highlight=False, soft_wrap=True)
    counts = report.counts
    total = len(report.items)
    console.print(f"[bold]Ingested {total} input{'s' if total != 1 else ''}[/] into "
                  f"{safe_url(store.url)}")
    for status, meaning in SUMMARY:
        if counts[status] or status in ("new", "failed"):
            style = "red" if status == "failed" and counts[status] else ""
            console.print(f"  [{style}]{counts[status]:>6}  {meaning}[/]" if style
                          else f"  {counts[status]:>6}  {meaning}")
    skipped = len(report.not_annotated)
    if skipped:
        console.print(f"  {skipped:>6}  of them stored without annotations: not in English, "
                      "the language the annotators read")
    for item in report.failures:
        error = item.error
        print_error(f"{item.source}: {error.message} [{error.code}]")


def _progress_wanted(fmt: Format) -> bool:
    # A bar is for a person watching a terminal; piped or redirected output gets none.
    return fmt is Format.table and sys.stdout.isatty() and sys.stderr.isatty()


class _Progress:
    """A rich progress bar on stderr, or nothing."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar = None
        self._task = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), TextColumn("{task.description}"),
                                 console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("", total=None)
        return self

    def advance(self, item, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total,
                             description=Path(item.source).name[:40])

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
