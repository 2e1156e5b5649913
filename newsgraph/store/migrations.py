"""The database schema, as an ordered list of named migrations.

The schema is created and changed only here. Each migration is a function of a connection,
written with SQLAlchemy Core so that the same one runs on SQLite and PostgreSQL; ``migrate``
applies, in order, those not yet recorded in the ``migrations`` table (name, applied_at), each
in its own transaction, so opening an old database brings it up to date. A migration is never
edited once released: a change to the schema is a new migration appended to ``MIGRATIONS``.

Lists (authors, sections, roles, ...) are stored as JSON text; offsets are character offsets
into ``articles.body`` (``start_char``/``end_char``, like spaCy's spans).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, UniqueConstraint, inspect, select, text)
from sqlalchemy.engine import Connection, Engine

from newsgraph.errors import StoreError

Migration = Callable[[Connection], None]


def _article_fk() -> Column:
    return Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False)


def initial_schema(conn: Connection) -> None:
    """Documents seen, article versions, their annotations and the components that made them."""
    meta = MetaData()
    Table(
        "documents", meta,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("source", Text, nullable=False),  # the path (or id) as given
        Column("url", Text),
        Column("raw_hash", String(64), nullable=False, default=""),  # "" when nothing was read
        Column("size", Integer),
        Column("content_type", String(100)),
        Column("encoding", String(40)),
        Column("fetched_at", String(40)),
        Column("status", String(8), nullable=False),  # ok | failed
        Column("error_code", String(8)),
        Column("error_message", Text),
        Column("first_seen_at", String(40), nullable=False),
        Column("ingested_at", String(40), nullable=False),  # the last time it was seen
        UniqueConstraint("source", "raw_hash", name="uq_documents_source_hash"),
    )
    Table(
        "articles", meta,
        Column("id", String(32), primary_key=True),
        Column("canonical_key", Text, nullable=False),  # canonical URL, else the source path
        Column("version", Integer, nullable=False),
        Column("is_current", Boolean, nullable=False),  # the page's content as last seen
        Column("content_hash", String(64), nullable=False),
        Column("document_id", Integer, ForeignKey("documents.id")),
        Column("source", Text),
        Column("url", Text),
        Column("host", String(255)),
        Column("site", Text),
        Column("language", String(16)),
        Column("title", Text),
        Column("sections", Text, nullable=False, default="[]"),
        Column("categories", Text, nullable=False, default="[]"),
        Column("tags", Text, nullable=False, default="[]"),
        Column("authors", Text, nullable=False, default="[]"),
        Column("agencies", Text, nullable=False, default="[]"),
        Column("editors", Text, nullable=False, default="[]"),
        Column("published", String(40)),
        Column("lead", Text),
        Column("subheadings", Text, nullable=False, default="[]"),
        Column("images", Text, nullable=False, default="[]"),
        Column("description", Text),
        Column("encoding", String(40)),
        Column("body", Text, nullable=False),
        Column("extractor", String(100), nullable=False),
        Column("analyzed", Boolean, nullable=False, default=False),
        Column("ingested_at", String(40), nullable=False),
        Column("seen_at", String(40), nullable=False),
        UniqueConstraint("canonical_key", "content_hash", name="uq_articles_key_hash"),
        UniqueConstraint("canonical_key", "version", name="uq_articles_key_version"),
        Index("ix_articles_published", "published"),
        Index("ix_articles_site", "site"),
        Index("ix_articles_host", "host"),
    )
    Table(
        "components", meta, _article_fk(),
        Column("component", String(100), nullable=False),
        Column("version", String(100), nullable=False),
        UniqueConstraint("article_id", "component", name="uq_components_article"),
    )
    Table(
        "actors", meta, _article_fk(),
        Column("local_id", String(32), nullable=False),
        Column("name", Text, nullable=False),
        Column("country", String(8)),
        Column("sector", String(8)),
        Column("kind", String(16), nullable=False),
        Column("kb_id", String(100)),
        Column("roles", Text, nullable=False, default="[]"),
        Column("aliases", Text, nullable=False, default="[]"),
        UniqueConstraint("article_id", "local_id", name="uq_actors_article_local"),
        Index("ix_actors_name", "name"),
        Index("ix_actors_kb_id", "kb_id"),
    )
    Table(
        "mentions", meta, _article_fk(),
        Column("seq", Integer, nullable=False),
        Column("actor_id", String(32), nullable=False),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
        Column("text", Text, nullable=False),
        UniqueConstraint("article_id", "seq", name="uq_mentions_article_seq"),
    )
    Table(
        "quotes", meta, _article_fk(),
        Column("seq", Integer, nullable=False),
        Column("kind", String(16), nullable=False),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("speaker_name", Text),
        Column("speaker_actor_id", String(32)),
        Column("speaker_start", Integer),
        Column("speaker_end", Integer),
        Column("cue", Text),
        Column("channel", Text),
        UniqueConstraint("article_id", "seq", name="uq_quotes_article_seq"),
    )
    Table(
        "events", meta, _article_fk(),
        Column("seq", Integer, nullable=False),
        Column("type", String(16), nullable=False),
        Column("mode", String(40)),
        Column("source_actors", Text, nullable=False, default="[]"),
        Column("target_actors", Text, nullable=False, default="[]"),
        Column("date", String(16)),
        Column("date_granularity", String(16)),
        Column("date_basis", String(16)),
        Column("location_name", Text),
        Column("location_country", String(8)),
        Column("location_start", Integer),
        Column("location_end", Integer),
        Column("negated", Boolean, nullable=False),
        Column("hypothetical", Boolean, nullable=False),
        Column("future", Boolean, nullable=False),
        Column("historical", Boolean, nullable=False),
        Column("quad_class", Integer, nullable=False),
        Column("intensity", Float, nullable=False),
        Column("pattern", String(100)),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
        Column("evidence", Text, nullable=False),
        UniqueConstraint("article_id", "seq", name="uq_events_article_seq"),
        Index("ix_events_type", "type"),
        Index("ix_events_date", "date"),
    )
    Table(
        "event_actors", meta, _article_fk(),
        Column("event_seq", Integer, nullable=False),
        Column("role", String(8), nullable=False),  # source | target
        Column("actor_id", String(32), nullable=False),
        UniqueConstraint("article_id", "event_seq", "role", "actor_id",
                         name="uq_event_actors"),
    )
    Table(
        "dates", meta, _article_fk(),
        Column("seq", Integer, nullable=False),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("value", String(16)),
        Column("granularity", String(16)),
        Column("relative", Boolean, nullable=False),
        UniqueConstraint("article_id", "seq", name="uq_dates_article_seq"),
    )
    # A partly applied migration (SQLite runs DDL outside the transaction) can be re-run.
    meta.create_all(conn, checkfirst=True)


def consolidated_events(conn: Connection) -> None:
    """Events across articles: one row per real-world event, its members, and near-matches
    kept apart with the reason (newsgraph/store/consolidation.py keeps them up to date)."""
    from sqlalchemy import ForeignKeyConstraint

    meta = MetaData()
    # Members point at the article's event row, so deleting an article version or its
    # annotations deletes its memberships; this stub only lets the foreign key resolve.
    Table("events", meta, Column("article_id", String(32)), Column("seq", Integer))
    Table(
        "consolidated_events", meta,
        Column("id", String(32), primary_key=True),
        Column("type", String(16), nullable=False),
        Column("mode", String(40)),
        Column("date", String(16)),
        Column("date_granularity", String(16)),
        # The days the event may fall on (ISO dates, the union of its members' spans): the
        # window in which a new article's event looks for it.
        Column("span_start", String(10)),
        Column("span_end", String(10)),
        Column("location_name", Text),
        Column("location_country", String(8)),
        Column("negated", Boolean, nullable=False),
        Column("hypothetical", Boolean, nullable=False),
        Column("future", Boolean, nullable=False),
        Column("historical", Boolean, nullable=False),
        Column("flagged", Boolean, nullable=False),  # any of the four flags
        Column("quad_class", Integer, nullable=False),
        Column("intensity", Float, nullable=False),
        # [{id, name, country, sector}], the actor id being its actor key (store/actors.py)
        Column("source_actors", Text, nullable=False, default="[]"),
        Column("target_actors", Text, nullable=False, default="[]"),
        Column("reports", Integer, nullable=False),  # articles reporting it
        Column("created_at", String(40), nullable=False),
        Column("updated_at", String(40), nullable=False),
        Index("ix_consolidated_type_span", "type", "span_start"),
        Index("ix_consolidated_span_end", "span_end"),
        Index("ix_consolidated_date", "date"),
    )
    Table(
        "consolidated_members", meta,
        Column("consolidated_id", String(32),
               ForeignKey("consolidated_events.id", ondelete="CASCADE"), nullable=False),
        Column("article_id", String(32), nullable=False),
        Column("event_seq", Integer, nullable=False),
        Column("reason", Text, nullable=False),  # why it joined ("first report" for the first)
        Column("joined_at", String(40), nullable=False),
        ForeignKeyConstraint(["article_id", "event_seq"], ["events.article_id", "events.seq"],
                             ondelete="CASCADE"),
        UniqueConstraint("article_id", "event_seq", name="uq_consolidated_members_event"),
        Index("ix_consolidated_members_consolidated", "consolidated_id"),
    )
    Table(
        "consolidated_kept_apart", meta,
        Column("consolidated_id", String(32),
               ForeignKey("consolidated_events.id", ondelete="CASCADE"), nullable=False),
        Column("article_id", String(32), nullable=False),
        Column("event_seq", Integer, nullable=False),
        Column("reason", Text, nullable=False),
        ForeignKeyConstraint(["article_id", "event_seq"], ["events.article_id", "events.seq"],
                             ondelete="CASCADE"),
        UniqueConstraint("article_id", "event_seq", "consolidated_id",
                         name="uq_consolidated_kept_apart"),
        Index("ix_consolidated_kept_apart_consolidated", "consolidated_id"),
    )
    for name in ("consolidated_events", "consolidated_members", "consolidated_kept_apart"):
        meta.tables[name].create(conn, checkfirst=True)


def not_annotated_reason(conn: Connection) -> None:
    """``articles.not_annotated``: why an analysed article has no annotations (its body is
    not English), else NULL."""
    columns = {c["name"] for c in inspect(conn).get_columns("articles")}
    if "not_annotated" not in columns:  # a partly applied run on SQLite may have added it
        conn.execute(text("ALTER TABLE articles ADD COLUMN not_annotated TEXT"))


# In order. Append only; never rename, reorder or edit a released migration.
MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial_schema", initial_schema),
    ("0002_consolidated_events", consolidated_events),
    ("0003_not_annotated_reason", not_annotated_reason),
]


def _migrations_table(meta: MetaData) -> Table:
    return Table("migrations", meta,
                 Column("name", String(200), primary_key=True),
                 Column("applied_at", String(40), nullable=False))


def applied(engine: Engine) -> list[str]:
    """The names of the migrations recorded in the database, oldest first."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("migrations"):
            return []
        table = _migrations_table(MetaData())
        rows = conn.execute(select(table.c.name).order_by(table.c.applied_at, table.c.name))
        return [row.name for row in rows]


def migrate(engine: Engine, migrations: list[tuple[str, Migration]] | None = None) -> list[str]:
    """Apply the migrations the database lacks, in order; return the names applied.

    Raises ``StoreError`` (E402) when the database records a migration this version of
    newsgraph does not know (it was written by a newer version).
    """
    migrations = MIGRATIONS if migrations is None else migrations
    known = [name for name, _ in migrations]
    done = set(applied(engine))
    unknown = sorted(done - set(known))
    if unknown:
        raise StoreError(f"this database was migrated by a newer newsgraph ({', '.join(unknown)}); "
                         "upgrade newsgraph to use it", code="E402")
    table = _migrations_table(MetaData())
    ran: list[str] = []
    with engine.begin() as conn:
        table.create(conn, checkfirst=True)
    for name, migration in migrations:
        if name in done:
            continue
        with engine.begin() as conn:
            migration(conn)
            conn.execute(table.insert().values(name=name, applied_at=_now()))
        ran.append(name)
    return ran


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")
