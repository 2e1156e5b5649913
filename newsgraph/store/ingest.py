"""Saving pipeline outcomes: documents seen, article versions, annotations; the ingest report.

One document is saved in one transaction (``save_outcome`` is called inside it), so an ingest
killed half-way keeps everything it committed and a re-run adds nothing twice:

- the page's identity is its canonical key (canonical URL, else resolved path);
- the same key with the same content hash is the same article ("unchanged");
- the same key with a new content hash is a new version ("updated"), which becomes current;
- an article stored without annotations that is ingested again with them gets them
  ("annotated");
- an input that failed is kept in ``documents`` with its error code and message ("failed").

In the same transaction the page's events join their consolidated events
(``store/consolidation.py``): those of its current version only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from newsgraph.errors import NewsgraphError
from newsgraph.model import AnalyzedArticle, Article, RawDocument
from newsgraph.store.consolidation import release_article, sync_page
from newsgraph.store.event_views import ReportCache
from newsgraph.store.records import annotation_rows, article_row, canonical_key

STATUSES = ("new", "updated", "unchanged", "annotated", "failed")
# Annotation tables, children first (the order rows are deleted in).
ANNOTATION_TABLES = ("event_actors", "events", "quotes", "mentions", "dates", "actors",
                     "components")


@dataclass
class IngestItem:
    """What became of one input: its status, and the stored article or the error."""

    source: str
    status: str
    article_id: str | None = None
    version: int | None = None
    title: str | None = None
    error: NewsgraphError | None = None
    not_annotated: str | None = None  # why the stored article has no annotations

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"source": self.source, "status": self.status, "error": self.error.to_dict()}
        return {"source": self.source, "status": self.status, "article_id": self.article_id,
                "version": self.version, "title": self.title,
                "not_annotated": self.not_annotated}


@dataclass
class IngestReport:
    """The result of an ingest: one item per input, in input order, and the counts."""

    items: list[IngestItem] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def new(self) -> int:
        return self.count("new")

    @property
    def updated(self) -> int:
        return self.count("updated")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def annotated(self) -> int:
        return self.count("annotated")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def failures(self) -> list[IngestItem]:
        return [item for item in self.items if item.status == "failed"]

    @property
    def not_annotated(self) -> list[IngestItem]:
        """Stored articles left without annotations, each with the reason."""
        return [item for item in self.items if item.not_annotated]

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUSES}

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts, "items": [item.to_dict() for item in self.items]}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def raw_hash(raw: RawDocument | None) -> str:
    """SHA-256 of the bytes (after gzip) or text as read; "" when nothing was read."""
    if raw is None:
        return ""
    data = raw.data if raw.data is not None else (raw.text or "").encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def find_article(conn: Connection, tables, key: str, digest: str):
    """The stored row for this page and content, or None."""
    articles = tables["articles"]
    return conn.execute(select(articles).where(articles.c.canonical_key == key,
                                               articles.c.content_hash == digest)).first()


def save_outcome(conn: Connection, tables, source: str, raw: RawDocument | None,
                 result: Article | AnalyzedArticle | None, error: NewsgraphError | None,
                 reports: ReportCache | None = None) -> IngestItem:
    """Record the document and, when it succeeded, its article and annotations, and bring
    the page's consolidated events up to date (``reports``: stored events already read)."""
    stamp = now()
    article = result.article if isinstance(result, AnalyzedArticle) else result
    document_id = _record_document(conn, tables, source, raw, article, error, stamp)
    if error is not None or article is None:
        return IngestItem(source, "failed", error=error)
    key = canonical_key(article, raw.source if raw else source)
    articles = tables["articles"]
    existing = find_article(conn, tables, key, article.content_hash)
    analysis = result if isinstance(result, AnalyzedArticle) else None
    if existing is not None:
        status = "unchanged"
        if not existing.is_current:  # the page went back to an earlier content
            _make_current(conn, articles, key, existing.id)
            status = "updated"
        values: dict[str, Any] = {"seen_at": stamp}
        if analysis is not None and not existing.analyzed:
            _write_annotations(conn, tables, analysis, existing.id, reports)
            values.update(analyzed=True, not_annotated=analysis.not_annotated)
            status = "annotated" if status == "unchanged" else status
        conn.execute(update(articles).where(articles.c.id == existing.id).values(**values))
        sync_page(conn, tables, key, reports)
        return IngestItem(source, status, existing.id, existing.version, existing.title,
                          not_annotated=existing.not_annotated if analysis is None or
                          existing.analyzed else analysis.not_annotated)
    latest = conn.execute(select(func.max(articles.c.version))
                          .where(articles.c.canonical_key == key)).scalar()
    version = (latest or 0) + 1
    row = article_row(article)
    row["id"] = _free_id(conn, articles, article.id, key, article.content_hash)
    row.update(canonical_key=key, version=version, is_current=True, document_id=document_id,
               analyzed=analysis is not None, ingested_at=stamp, seen_at=stamp,
               not_annotated=analysis.not_annotated if analysis is not None else None)
    conn.execute(update(articles).where(articles.c.canonical_key == key)
                 .values(is_current=False))
    conn.execute(articles.insert().values(**row))
    if analysis is not None:
        _write_annotations(conn, tables, analysis, row["id"], reports)
    sync_page(conn, tables, key, reports)
    return IngestItem(source, "new" if version == 1 else "updated", row["id"], version,
                      article.title, not_annotated=row["not_annotated"])


def _record_document(conn: Connection, tables, source: str, raw: RawDocument | None,
                     article: Article | None, error: NewsgraphError | None, stamp: str) -> int:
    documents = tables["documents"]
    digest = raw_hash(raw)
    values = {
        "url": (article.url if article else None) or (raw.url if raw else None),
        "size": len(raw.data) if raw is not None and raw.data is not None else None,
        "content_type": raw.content_type if raw else None,
        "encoding": article.encoding if article else None,
        "fetched_at": raw.fetched_at if raw else None,
        "status": "failed" if error is not None else "ok",
        "error_code": error.code if error is not None else None,
        "error_message": error.message if error is not None else None,
        "ingested_at": stamp,
    }
    found = conn.execute(select(documents.c.id).where(documents.c.source == source,
                                                      documents.c.raw_hash == digest)).scalar()
    if found is not None:
        conn.execute(update(documents).where(documents.c.id == found).values(**values))
        return found
    result = conn.execute(documents.insert().values(source=source, raw_hash=digest,
                                                    first_seen_at=stamp, **values))
    return result.inserted_primary_key[0]


def _make_current(conn: Connection, articles, key: str, article_id: str) -> None:
    conn.execute(update(articles).where(articles.c.canonical_key == key)
                 .values(is_current=articles.c.id == article_id))


def _free_id(conn: Connection, articles, wanted: str, key: str, digest: str) -> str:
    # Article ids hash the URL or the source *as given*; two different resolved paths given as
    # the same relative path would collide, so the stored id then hashes the canonical key.
    taken = conn.execute(select(articles.c.id).where(articles.c.id == wanted)).first()
    if taken is None:
        return wanted
    return hashlib.sha256(f"{key}\n{digest}".encode("utf-8")).hexdigest()[:16]


def _write_annotations(conn: Connection, tables, result: AnalyzedArticle, article_id: str,
                       reports: ReportCache | None) -> None:
    release_article(conn, tables, article_id, reports)
    for name in ANNOTATION_TABLES:
        table = tables[name]
        conn.execute(table.delete().where(table.c.article_id == article_id))
    for name, rows in annotation_rows(result).items():
        if rows:
            for row in rows:
                row["article_id"] = article_id
            conn.execute(tables[name].insert(), rows)
