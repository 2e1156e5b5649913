"""Reading what is stored: article lists with filters, one article in full, statistics."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from newsgraph.errors import UsageError
from newsgraph.store.records import annotations_dict, article_dict

_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# The shortest id prefix accepted by ``article`` (ids are 16 hex digits).
MIN_ID_PREFIX = 4


def check_date(value: str | None, name: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD filter value, or UsageError naming the option.

    >>> check_date("2025-03", "--from")
    '2025-03'
    """
    if value is None:
        return None
    value = value.strip()
    if not _PARTIAL_DATE.fullmatch(value):
        raise UsageError(f"{name} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD",
                         source=name)
    return value


def published_between(column, since: str | None, until: str | None) -> list:
    """SQL conditions keeping dates in [since, until], both checked partial dates, inclusive."""
    # A partial date compares with the same number of leading characters of the column, so
    # "--to 2025-03" keeps every day of March.
    conditions = []
    if since:
        conditions.append(func.substr(column, 1, len(since)) >= since)
    if until:
        conditions.append(func.substr(column, 1, len(until)) <= until)
    return conditions


def check_limit(limit: int | None) -> int | None:
    """A ``--limit`` of at least 1 (or None for no limit), else UsageError."""
    if limit is not None and limit < 1:
        raise UsageError(f"the limit must be at least 1, not {limit}", source="--limit")
    return limit


def escape_like(text: str) -> str:
    """``text`` for a LIKE pattern (escape character ``\\``), ``%`` and ``_`` taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_articles(conn: Connection, tables, *, site: str | None = None, since: str | None = None,
                  until: str | None = None, contains: str | None = None, limit: int | None = 50,
                  offset: int = 0, all_versions: bool = False) -> list[dict[str, Any]]:
    """Articles matching the filters, newest published first, without their bodies."""
    articles = tables["articles"]
    since, until = check_date(since, "--from"), check_date(until, "--to")
    conditions = [] if all_versions else [articles.c.is_current.is_(True)]
    if site:
        wanted = site.strip().lower().removeprefix("www.")
        conditions.append(or_(func.lower(articles.c.site) == wanted, articles.c.host == wanted,
                              articles.c.host.like("%." + escape_like(wanted), escape="\\")))
    conditions.extend(published_between(articles.c.published, since, until))
    if contains:
        pattern = "%" + escape_like(contains) + "%"
        conditions.append(or_(articles.c.title.ilike(pattern, escape="\\"),
                              articles.c.body.ilike(pattern, escape="\\")))
    columns = [c for c in articles.c if c.name != "body"]
    query = (select(*columns, func.length(articles.c.body).label("body_chars"))
             .where(and_(True, *conditions))
             .order_by(articles.c.published.desc().nulls_last(), articles.c.ingested_at.desc(),
                       articles.c.id)
             .offset(offset))
    if check_limit(limit) is not None:
        query = query.limit(limit)
    return [article_dict(row, body=False) for row in conn.execute(query)]


def get_article(conn: Connection, tables, article_id: str) -> dict[str, Any] | None:
    """One article in full, with annotations, its document and its other versions.

    ``article_id`` is an id or an unambiguous prefix of one (at least 4 characters).
    """
    articles = tables["articles"]
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None and len(article_id) >= MIN_ID_PREFIX:
        matches = conn.execute(select(articles).where(
            articles.c.id.like(escape_like(article_id) + "%", escape="\\")).limit(2)).all()
        if len(matches) > 1:
            raise UsageError(f"{article_id!r} is the start of several article ids; give more "
                             "characters", source=article_id)
        row = matches[0] if matches else None
    if row is None:
        return None
    out = article_dict(row)
    annotations = {}
    for name in ("actors", "mentions", "quotes", "events", "dates", "components"):
        table = tables[name]
        annotations[name] = conn.execute(select(table).where(table.c.article_id == row.id)).all()
    out.update(annotations_dict(annotations))
    documents = tables["documents"]
    doc = conn.execute(select(documents).where(documents.c.id == row.document_id)).first()
    out["document"] = dict(doc._mapping) if doc is not None else None
    versions = conn.execute(select(articles.c.id, articles.c.version, articles.c.is_current,
                                   articles.c.ingested_at)
                            .where(articles.c.canonical_key == row.canonical_key)
                            .order_by(articles.c.version)).all()
    out["versions"] = [{"id": v.id, "version": v.version, "current": bool(v.is_current),
                        "ingested_at": v.ingested_at} for v in versions]
    return out


def stats(conn: Connection, tables) -> dict[str, Any]:
    """Counts a newcomer reads first: documents, articles, sites, dates, annotations."""
    articles, documents = tables["articles"], tables["documents"]
    current = articles.c.is_current.is_(True)

    def scalar(query):
        return conn.execute(query).scalar() or 0

    site = func.coalesce(articles.c.site, articles.c.host)
    sites = conn.execute(select(site.label("site"), func.count().label("n")).where(current)
                         .group_by(site).order_by(func.count().desc(), site)).all()
    first, last = conn.execute(select(func.min(articles.c.published),
                                      func.max(articles.c.published)).where(current)).one()
    events = tables["events"]
    by_type = conn.execute(select(events.c.type, func.count()).group_by(events.c.type)
                           .order_by(func.count().desc(), events.c.type)).all()
    return {
        "documents": scalar(select(func.count()).select_from(documents)),
        "failed_documents": scalar(select(func.count()).select_from(documents)
                                   .where(documents.c.status == "failed")),
        "articles": scalar(select(func.count()).select_from(articles).where(current)),
        "article_versions": scalar(select(func.count()).select_from(articles)),
        "analyzed": scalar(select(func.count()).select_from(articles)
                           .where(current, articles.c.analyzed.is_(True))),
        "not_annotated": scalar(select(func.count()).select_from(articles)
                                .where(current, articles.c.not_annotated.is_not(None))),
        "sites": [{"site": s.site, "articles": s.n} for s in sites],
        "published": {"first": first, "last": last},
        "actors": scalar(select(func.count()).select_from(tables["actors"])),
        "quotes": scalar(select(func.count()).select_from(tables["quotes"])),
        "events": scalar(select(func.count()).select_from(events)),
        "events_by_type": {t: n for t, n in by_type},
        "consolidated_events": scalar(select(func.count())
                                      .select_from(tables["consolidated_events"])),
    }

