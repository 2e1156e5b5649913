"""Actors across stored articles: newsgraph/store/actors.py."""

from __future__ import annotations

import pytest

from newsgraph.errors import UsageError
from newsgraph.store import Store
from newsgraph.store.actors import actor_key_sql, name_matches
from tests.store.stories import harbor_times, save, three_outlets


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("db") / "news.db") as opened:
        for result in three_outlets():
            assert save(opened, result).status == "new"
        yield opened


def names(rows):
    return [row["name"] for row in rows]


def test_actors_group_by_kb_id_across_articles_with_counts(store):
    rows = store.actors()
    assert names(rows[:2]) == ["Tomas Berg", "Ana Ruiz"]
    berg, ruiz = rows[0], rows[1]
    assert (berg["kb_id"], berg["articles"], berg["mentions"]) == ("test:berg", 3, 4)
    assert (ruiz["kb_id"], ruiz["articles"], ruiz["mentions"]) == ("test:ruiz", 2, 3)
    assert berg["aliases"] == ["Berg"] and ruiz["roles"] == ["prime minister"]
    assert berg["first_published"].startswith("2025-03-13")
    assert berg["last_published"] == "2025-03-15"


def test_actors_without_kb_id_group_by_country_sector_and_name(store):
    rows = store.actors(country="prt")
    assert names(rows) == ["Ana Ruiz", "fishing groups", "Portuguese prime minister"]
    assert rows[2]["kb_id"] is None and rows[2]["key"] == "PRT/GOV/portuguese prime minister"
    assert len(store.actors()) == 6


def test_actors_name_matches_whole_words_of_names_and_aliases_any_case(store):
    assert names(store.actors(name="berg")) == ["Tomas Berg"]
    assert names(store.actors(name="TOMAS BERG")) == ["Tomas Berg"]
    assert store.actors(name="Ber") == []
    assert names(store.actors(name="prime minister")) == ["Portuguese prime minister"]


def test_actors_sector_and_kind_filters(store):
    assert names(store.actors(sector="cvl")) == ["fishing groups"]
    assert names(store.actors(kind="group")) == ["fishing groups"]
    assert len(store.actors(sector="GOV")) == 5


def test_actors_limit_and_offset(store):
    assert names(store.actors(limit=1, offset=1)) == ["Ana Ruiz"]
    with pytest.raises(UsageError):
        store.actors(limit=0)


def test_actors_count_only_current_versions(tmp_path):
    with Store(tmp_path / "news.db") as store:
        save(store, harbor_times())
        changed = harbor_times(body=harbor_times().article.body.replace("Ruiz told", "she told"))
        assert save(store, changed).status == "updated"
        ruiz = store.actors(name="Ruiz")[0]
        assert (ruiz["articles"], ruiz["mentions"]) == (1, 1)


def test_actor_key_is_kb_id_else_country_sector_and_name_on_sqlite():
    from sqlalchemy import Column, MetaData, String, Table, create_engine, insert, select

    actors = Table("actors", MetaData(), Column("kb_id", String), Column("name", String),
                   Column("country", String), Column("sector", String))
    engine = create_engine("sqlite://")
    actors.metadata.create_all(engine)
    rows = [("test:x", "X", "USA", "GOV"), (None, "Riot Police", "FRA", "COP"),
            ("", "Riot police", None, "COP"), (None, "Fishers", None, None)]
    with engine.begin() as conn:
        conn.execute(insert(actors), [dict(zip(("kb_id", "name", "country", "sector"), row))
                                      for row in rows])
        keys = conn.execute(select(actor_key_sql(actors)).order_by(actors.c.name)).scalars()
        assert list(keys) == ["-/-/fishers", "FRA/COP/riot police", "-/COP/riot police", "test:x"]


def test_actor_keys_are_the_ids_consolidated_events_give_their_actors(store):
    keys = {row["key"] for row in store.actors()}
    ids = {a.id for e in store.events(include_flagged=True) for a in e.source + e.target}
    assert ids and ids <= keys


def test_name_matches_needs_whole_words():
    assert name_matches("kim jong", ["Kim Jong Un"])
    assert not name_matches("Xi", ["Xinhua", None])
