"""Storage: the one ``Store`` class over SQLite (default) or PostgreSQL, SQLAlchemy Core.

    with Store("news.db") as store:                 # or "postgresql://user@host/news"
        report = store.ingest(["pages/"])           # extract + annotate + save, idempotent
        print(report.counts)                        # {"new": 12, "updated": 0, ...}
        for row in store.articles(site="voanews.com", since="2025-03"):
            print(row["id"], row["title"])
        full = store.article(row["id"])            # with actors, quotes, events, dates
        store.actors(country="PRK")                 # one row per real-world actor
        store.quotes(speaker="Guo Jiakun")          # with speaker, sentence and article
        store.events(actor="Kim Jong Un")           # ConsolidatedEvent: one per real event

Opening a database applies the migrations it lacks (``store.migrations``). Saving an analysed
article also joins its events to the consolidated events they report (store/consolidation.py).
The CLI commands ``ingest``, ``articles``, ``actors``, ``quotes`` and ``events`` only wrap
these methods. See docs/storage.md for the tables.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from newsgraph.errors import (AnnotateError, ExtractError, ModelNotInstalled, NewsgraphError,
                              SourceError, StoreError)
from newsgraph.model import AnalyzedArticle, Article, ConsolidatedEvent, RawDocument
from newsgraph.store.database import connect, resolve_url, safe_url
from newsgraph.store.event_views import ReportCache
from newsgraph.store.ingest import IngestItem, IngestReport, find_article, save_outcome
from newsgraph.store.migrations import applied, migrate
from newsgraph.store.records import canonical_key

__all__ = ["Store", "IngestReport", "IngestItem"]

Progress = Callable[[IngestItem, int, int], None]


class Store:
    """A newsgraph database. ``url``: a SQLAlchemy or PostgreSQL URL, or a SQLite file path;
    None means NEWSGRAPH_DB, else newsgraph.db in the user's data directory. With
    ``create=False`` a SQLite file that does not exist is an error instead of a new database
    (for commands that only read).

    Raises ``StoreError`` (E4xx) when the database cannot be opened or migrated.
    """

    def __init__(self, url: str | os.PathLike | None = None, *, create: bool = True):
        from sqlalchemy import MetaData
        from sqlalchemy.exc import SQLAlchemyError

        self.url = resolve_url(url)
        if not create:
            _require_sqlite_file(self.url)
        self.engine = connect(self.url)
        try:
            migrate(self.engine)
            self._meta = MetaData()
            self._meta.reflect(bind=self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open the database: {_reason(exc)}",
                             source=safe_url(self.url), code="E403") from None
        except StoreError as exc:
            self.engine.dispose()
            exc.source = exc.source or safe_url(self.url)
            raise
        self.tables = self._meta.tables
        # Set when the NLP layer cannot load: every later document would fail the same way,
        # so they fail at once with that reason instead of retrying a slow load each time.
        self._analysis_unavailable: ModelNotInstalled | None = None
        # Stored events already read by consolidation, kept across the saves of an ingest.
        self._reports = ReportCache()

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Release the connections (the database file stays)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    @property
    def migrations(self) -> list[str]:
        """The names of the migrations applied to this database, oldest first."""
        return applied(self.engine)

    # -- writing ---------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | os.PathLike], *, on_progress: Progress | None = None,
               analyze: bool = True, source_options=None, analyze_options=None,
               extract_options=None) -> IngestReport:
        """Read, extract, (annotate) and save every document under ``paths``.

        Each document is committed on its own; one that fails is recorded with its reason
        and the batch goes on. An article already stored unchanged is not annotated again.
        ``on_progress(item, done, total)`` is called after each document.
        """
        from newsgraph.sources import SourceOptions, find_documents, read_file

        options = source_options or SourceOptions()
        self._analysis_unavailable = None  # a model installed since the last ingest is used
        found = find_documents(paths, options)
        report = IngestReport()
        for done, item in enumerate(found, 1):
            if isinstance(item, SourceError):
                result = self._save(item.source or "?", None, None, item)
            else:
                try:
                    raw = read_file(item, options)
                except SourceError as exc:
                    result = self._save(str(item), None, None, exc)
                else:
                    result = self.ingest_document(raw, analyze=analyze,
                                                  analyze_options=analyze_options,
                                                  extract_options=extract_options)
            report.items.append(result)
            if on_progress is not None:
                on_progress(result, done, len(found))
        return report

    def ingest_document(self, raw: RawDocument, *, analyze: bool = True, analyze_options=None,
                        extract_options=None) -> IngestItem:
        """Extract, annotate (unless already stored with annotations) and save one document."""
        from newsgraph.pipeline import run_document

        outcome = _guarded(lambda: run_document(raw, stage="extract", options=extract_options),
                           raw, ExtractError)
        if outcome.error is not None or not analyze:
            return self._save(raw.source, raw, outcome.result, outcome.error)
        article: Article = outcome.result
        with self.engine.connect() as conn:
            stored = find_article(conn, self.tables, canonical_key(article, raw.source),
                                  article.content_hash)
        if stored is not None and stored.analyzed:
            return self._save(raw.source, raw, article, None)
        if self._analysis_unavailable is not None:
            error = ModelNotInstalled(self._analysis_unavailable.message, source=raw.source)
            return self._save(raw.source, raw, None, error)
        analysed = _guarded(lambda: _annotate(article, analyze_options), raw, AnnotateError)
        if isinstance(analysed.error, ModelNotInstalled):
            self._analysis_unavailable = analysed.error
        return self._save(raw.source, raw, analysed.result, analysed.error)

    def save(self, outcome) -> IngestItem:
        """Save one ``pipeline.Outcome`` (an Article, an AnalyzedArticle, or an error)."""
        return self._save(outcome.source, outcome.raw, outcome.result, outcome.error)

    def _save(self, source: str, raw: RawDocument | None,
              result: Article | AnalyzedArticle | None,
              error: NewsgraphError | None) -> IngestItem:
        from sqlalchemy.exc import IntegrityError, SQLAlchemyError

        try:
            try:
                with self.engine.begin() as conn:
                    return save_outcome(conn, self.tables, source, raw, result, error,
                                        self._reports)
            except IntegrityError:
                # Another ingest stored the same page between our read and our write; saving
                # again finds its row and reports the page unchanged.
                self._reports.forget()  # what the failed transaction read may not exist
                with self.engine.begin() as conn:
                    return save_outcome(conn, self.tables, source, raw, result, error,
                                        self._reports)
        except SQLAlchemyError as exc:
            self._reports.forget()
            raise StoreError(f"cannot save to the database: {_reason(exc)}",
                             source=source, code="E404") from None
        except (Exception, RecursionError) as exc:
            if error is not None:
                raise
            # A bug while saving (in consolidation, say) rolled the document back: it fails
            # with the reason, recorded like any failed input, and the batch goes on.
            self._reports.forget()
            failure = StoreError(f"unexpected {type(exc).__name__} while saving this document: "
                                 f"{exc}; please report it with the file", source=source,
                                 code="E404")
            return self._save(source, raw, None, failure)

    # -- reading ---------------------------------------------------------------------------

    def articles(self, site: str | None = None, since: str | None = None,
                 until: str | None = None, contains: str | None = None, limit: int | None = 50,
                 offset: int = 0, all_versions: bool = False) -> list[dict[str, Any]]:
        """Stored articles (current versions unless ``all_versions``), newest first, no body.

        ``site`` matches the site name or the URL's host; ``since``/``until`` are YYYY,
        YYYY-MM or YYYY-MM-DD, inclusive; ``contains`` searches title and body, any case.
        """
        from newsgraph.store.queries import list_articles

        with self.engine.connect() as conn:
            return list_articles(conn, self.tables, site=site, since=since, until=until,
                                 contains=contains, limit=limit, offset=offset,
                                 all_versions=all_versions)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article in full (body, annotations, document, versions), or None."""
        from newsgraph.store.queries import get_article

        with self.engine.connect() as conn:
            return get_article(conn, self.tables, article_id.strip())

    def actors(self, name: str | None = None, country: str | None = None,
               sector: str | None = None, kind: str | None = None, limit: int | None = 50,
               offset: int = 0) -> list[dict[str, Any]]:
        """Actors across current articles, one per KB id (else name + country + sector), with
        the number of articles and mentions; most articles first.

        ``name`` matches the name or an alias as whole words, any case ("Xi" finds "Xi
        Jinping", not "Xinhua"); ``country``/``sector``/``kind`` keep rows with that code.
        """
        from newsgraph.store.actors import list_actors

        with self.engine.connect() as conn:
            return list_actors(conn, self.tables, name=name, country=country, sector=sector,
                               kind=kind, limit=limit, offset=offset)

    def quotes(self, speaker: str | None = None, country: str | None = None,
               contains: str | None = None, since: str | None = None, until: str | None = None,
               limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes of current articles (newest article first) with speaker, sentence, article.

        ``speaker`` matches the speaker's name or any name of its actor (whole words, any
        case); ``country`` the speaker actor's country; ``contains`` the quote's text;
        ``since``/``until`` the article's publication date (YYYY[-MM[-DD]], inclusive).
        """
        from newsgraph.store.quotes import list_quotes

        with self.engine.connect() as conn:
            return list_quotes(conn, self.tables, speaker=speaker, country=country,
                               contains=contains, since=since, until=until, limit=limit,
                               offset=offset)

    def events(self, actor: str | None = None, country: str | None = None,
               type: str | None = None, quad: int | None = None, since: str | None = None,
               until: str | None = None, include_flagged: bool = False,
               limit: int | None = 50, offset: int = 0) -> list[ConsolidatedEvent]:
        """Consolidated events: each real-world event once, ``sources`` listing every article
        that reports it with its evidence; latest first.

        ``actor`` matches a source or target actor's name or alias (whole words, any case);
        ``country`` a source or target actor's country; ``type`` the PLOVER type; ``quad``
        the quad class; ``since``/``until`` (YYYY[-MM[-DD]], inclusive) the event's days.
        Negated, hypothetical, future and historical events only with ``include_flagged``.
        """
        from newsgraph.store.events import list_events

        with self.engine.connect() as conn:
            return list_events(conn, self.tables, actor=actor, country=country, type=type,
                               quad=quad, since=since, until=until,
                               include_flagged=include_flagged, limit=limit, offset=offset)

    def event(self, consolidated_id: str) -> dict[str, Any] | None:
        """One consolidated event (JSON shape) with why each report joined (``members``) and
        the near-matches kept apart with the reason (``kept_apart``); None if unknown."""
        from newsgraph.store.events import get_event

        with self.engine.connect() as conn:
            return get_event(conn, self.tables, consolidated_id.strip())

    def stats(self) -> dict[str, Any]:
        """What the database holds: documents, articles, sites, date range, annotations."""
        from newsgraph.store.queries import stats

        with self.engine.connect() as conn:
            out = stats(conn, self.tables)
        out["database"] = safe_url(self.url)
        out["migrations"] = self.migrations
        return out


def _require_sqlite_file(url: str) -> None:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if not Path(parsed.database).is_file():
        raise StoreError("no database here yet; store articles first with `newsgraph ingest` "
                         "(or give --db / NEWSGRAPH_DB)", source=parsed.database, code="E403")


def _annotate(article: Article, options):
    from newsgraph.pipeline import Outcome

    from newsgraph.annotate import annotate

    try:
        result = annotate(article, options)
    except ImportError as exc:  # the NLP layer (or one of its modules) is not installed
        raise ModelNotInstalled(f"the annotation layer cannot be loaded ({exc}); ingest with "
                                "--no-analyze to store articles without annotations") from None
    return Outcome(article.source or "", result)


def _guarded(step, raw: RawDocument, error_class: type[NewsgraphError]):
    """Run one pipeline step; any failure, even a bug, fails this document and not the batch."""
    from newsgraph.pipeline import Outcome

    try:
        return step()
    except NewsgraphError as exc:
        exc.source = exc.source or raw.source
        return Outcome(raw.source, error=exc, raw=raw)
    except (Exception, RecursionError) as exc:  # recorded with its reason, never dropped
        stage = "extracting" if error_class is ExtractError else "annotating"
        error = error_class(f"unexpected {type(exc).__name__} while {stage} this document: "
                            f"{exc}; please report it with the file", source=raw.source)
        return Outcome(raw.source, error=error, raw=raw)


def _reason(exc: Exception) -> str:
    original = getattr(exc, "orig", None)
    text = str(original or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
