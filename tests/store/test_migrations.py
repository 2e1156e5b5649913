"""Recorded migrations: newsgraph/store/migrations.py."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, inspect, text

from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.store.database import connect, resolve_url
from newsgraph.store.migrations import MIGRATIONS, applied, migrate

TABLES = {"documents", "articles", "components", "actors", "mentions", "quotes", "events",
          "event_actors", "dates", "migrations", "consolidated_events", "consolidated_members",
          "consolidated_kept_apart"}


def test_new_database_gets_every_migration_recorded_in_order(tmp_path):
    engine = connect(resolve_url(tmp_path / "a.db"))
    assert migrate(engine) == [name for name, _ in MIGRATIONS]
    assert applied(engine) == [name for name, _ in MIGRATIONS]
    assert set(inspect(engine).get_table_names()) == TABLES
    assert migrate(engine) == []  # nothing left to do
    engine.dispose()


def test_opening_an_old_database_applies_only_what_is_missing(tmp_path):
    engine = connect(resolve_url(tmp_path / "a.db"))
    migrate(engine, MIGRATIONS[:1])

    def add_notes(conn):
        Table("notes", MetaData(), Column("id", Integer, primary_key=True)).create(conn)

    newer = MIGRATIONS + [("9999_add_notes", add_notes)]
    assert migrate(engine, newer) == [name for name, _ in MIGRATIONS[1:]] + ["9999_add_notes"]
    assert "notes" in inspect(engine).get_table_names()
    assert applied(engine)[-1] == "9999_add_notes"
    engine.dispose()


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    db = tmp_path / "a.db"
    engine = connect(resolve_url(db))
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO migrations (name, applied_at) VALUES ('9999_future', 'x')"))
    engine.dispose()
    with pytest.raises(StoreError) as info:
        Store(db)
    assert info.value.code == "E402" and "9999_future" in info.value.message


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with Store(tmp_path / "a.db") as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_database_from_before_consolidation_gains_its_tables_and_keeps_its_rows(tmp_path):
    from newsgraph.pipeline import Outcome
    from tests.store.stories import save, three_outlets

    engine = connect(resolve_url(tmp_path / "old.db"))
    assert migrate(engine, MIGRATIONS[:1]) == ["0001_initial_schema"]
    engine.dispose()
    with Store(tmp_path / "old.db") as store:
        assert store.migrations == [name for name, _ in MIGRATIONS]
        first, *rest = three_outlets()
        assert store.save(Outcome("a", first.article)).status == "new"
        for result in rest:
            save(store, result)
        assert save(store, first).status == "annotated"
        assert len(store.events()) == 3


def test_a_database_from_before_the_not_annotated_column_gains_it_and_keeps_its_rows(tmp_path):
    from tests.store.pages import write_page

    write_page(tmp_path, "a.html", url="https://example.org/a")
    with Store(tmp_path / "old.db") as store:
        item = store.ingest([tmp_path / "a.html"], analyze=False).items[0]
    engine = connect(resolve_url(tmp_path / "old.db"))
    with engine.begin() as conn:  # back to the schema of 0002
        conn.execute(text("ALTER TABLE articles DROP COLUMN not_annotated"))
        conn.execute(text("DELETE FROM migrations WHERE name = '0003_not_annotated_reason'"))
    engine.dispose()
    with Store(tmp_path / "old.db") as store:
        assert store.migrations[-1] == "0003_not_annotated_reason"
        full = store.article(item.article_id)
        assert full["title"] == "Council approves transport budget"
        assert full["not_annotated"] is None
