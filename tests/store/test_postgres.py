"""The same Store on PostgreSQL, when a server is reachable (else skipped).

Set NEWSGRAPH_TEST_POSTGRES to a URL of a server where the user may create databases
(default: postgresql://postgres@127.0.0.1:5432/postgres). Each run creates and drops its own
database. With NEWSGRAPH_REQUIRE_POSTGRES=1 (set by .ci/run, which starts a throwaway server)
an unreachable server fails instead of skipping.
"""

from __future__ import annotations

import os
import uuid

import pytest

from newsgraph.store import Store
from newsgraph.store.migrations import MIGRATIONS
from tests.store.pages import write_page
from tests.store.test_store import fake_annotate

MIGRATED = [name for name, _ in MIGRATIONS]
SERVER = os.environ.get("NEWSGRAPH_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="module")
def postgres_url():
    pytest.importorskip("psycopg", reason="newsgraph[postgres] is not installed")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from newsgraph.store.database import resolve_url

    server = make_url(resolve_url(SERVER))
    admin = create_engine(server, isolation_level="AUTOCOMMIT",
                          connect_args={"connect_timeout": 2})
    try:
        with admin.connect() as conn:
            name = f"newsgraph_test_{uuid.uuid4().hex[:10]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # any failure to reach or use the server means: no server here
        admin.dispose()
        reason = (f"no usable PostgreSQL server at {server.render_as_string()} "
                  f"({type(exc).__name__}: {exc})")
        if os.environ.get("NEWSGRAPH_REQUIRE_POSTGRES"):
            pytest.fail(reason + " and NEWSGRAPH_REQUIRE_POSTGRES is set")
        pytest.skip(reason)
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_postgres_store_ingests_versions_queries_and_reads_annotations(postgres_url, tmp_path,
                                                                      monkeypatch):
    plain_url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    page = write_page(tmp_path, "a.html", url="https://example.org/a", published="2025-03-12")
    write_page(tmp_path, "b.html", url="https://example.org/b", published="2025-04-01",
               title="Ferry strike ends")
    (tmp_path / "empty.html").write_bytes(b"")
    monkeypatch.setattr("newsgraph.annotate.annotate", fake_annotate)
    with Store(plain_url) as store:
        assert store.migrations == MIGRATED
        report = store.ingest([tmp_path])
        assert report.counts == {"new": 2, "updated": 0, "unchanged": 0, "annotated": 0,
                                 "failed": 1}
        assert store.ingest([page]).items[0].status == "unchanged"
        write_page(tmp_path, "a.html", url="https://example.org/a", published="2025-03-12",
                   extra="An update.")
        assert store.ingest([page]).items[0].status == "updated"
        assert [r["title"] for r in store.articles(until="2025-03", contains="UPDATE")] == \
            ["Council approves transport budget"]
        full = store.article(store.articles(site="example.org", since="2025-04")[0]["id"])
        assert full["events"][0]["type"] == "AGREE" and full["actors"][0]["roles"] == ["council"]
        stats = store.stats()
        assert stats["articles"] == 2 and stats["article_versions"] == 3
        assert stats["failed_documents"] == 1 and "postgresql+psycopg" in stats["database"]
    with Store(plain_url) as again:  # reopening applies nothing twice
        assert again.migrations == MIGRATED


def test_postgres_answers_actors_quotes_and_consolidated_events_like_sqlite(postgres_url,
                                                                           tmp_path):
    from tests.store.stories import save, three_outlets

    answers = []
    for url in (postgres_url, str(tmp_path / "news.db")):
        with Store(url) as store:
            for result in three_outlets() * 2:  # the second round changes nothing
                save(store, result)
            events = [e for kind in ("CONSULT", "PROTEST")
                      for e in store.events(type=kind, include_flagged=True)]
            answers.append((
                # (the server's database also holds the pages of the test above)
                [(a["key"], a["articles"], a["mentions"]) for country in ("PRT", "NOR", "KOR")
                 for a in store.actors(country=country)],
                [(q["text"], q["sentence"]["text"]) for q in store.quotes(speaker="tomas berg")],
                sorted((e.type, e.date, tuple(s.site for s in e.sources)) for e in events),
                [e.type for e in store.events(country="KOR", since="2025-03-13")]))
    assert answers[0] == answers[1]
    assert any(len(sites) == 3 for _, _, sites in answers[0][2])
