"""Listing and reading stored articles: newsgraph/store/queries.py."""

from __future__ import annotations

import pytest

from newsgraph.errors import UsageError
from newsgraph.store import Store
from newsgraph.store.migrations import MIGRATIONS
from tests.store.pages import write_page


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    write_page(folder, "a.html", title="Budget passes", url="https://www.example.org/a",
               published="2025-03-10", site="Example Daily")
    write_page(folder, "b.html", title="Ferry strike ends", url="https://news.other.example/b",
               published="2025-03-12", site="Other News", extra="Fares rose by 50_% overnight.")
    write_page(folder, "c.html", title="Tram line opens", url="https://example.org/c",
               published="2025-04-01", site="Example Daily")
    with Store(folder / "news.db") as opened:
        report = opened.ingest([folder], analyze=False)
        assert report.counts["new"] == 3, report.to_dict()
        yield opened


def titles(rows):
    return [r["title"] for r in rows]


def test_newest_published_first_without_bodies(store):
    rows = store.articles()
    assert titles(rows) == ["Tram line opens", "Ferry strike ends", "Budget passes"]
    assert "body" not in rows[0] and rows[0]["body_chars"] > 100


def test_site_matches_name_or_host_any_case(store):
    assert titles(store.articles(site="example daily")) == ["Tram line opens", "Budget passes"]
    assert titles(store.articles(site="www.example.org")) == ["Tram line opens", "Budget passes"]
    assert titles(store.articles(site="other.example")) == ["Ferry strike ends"]


def test_partial_dates_are_inclusive(store):
    assert titles(store.articles(since="2025-03-12")) == ["Tram line opens", "Ferry strike ends"]
    assert titles(store.articles(until="2025-03")) == ["Ferry strike ends", "Budget passes"]
    assert titles(store.articles(since="2025-03-11", until="2025-03-12")) == ["Ferry strike ends"]
    assert store.articles(since="2026") == []


def test_bad_dates_name_the_option(store):
    with pytest.raises(UsageError) as info:
        store.articles(since="last week")
    assert "--from" in str(info.value)


def test_contains_searches_title_and_body_any_case_with_literal_wildcards(store):
    assert titles(store.articles(contains="FERRY")) == ["Ferry strike ends"]
    assert titles(store.articles(contains="50_%")) == ["Ferry strike ends"]
    assert titles(store.articles(contains="0_%o")) == []
    assert len(store.articles(contains="city council")) == 3


def test_limit_and_offset(store):
    assert titles(store.articles(limit=1, offset=1)) == ["Ferry strike ends"]
    with pytest.raises(UsageError):
        store.articles(limit=0)


def test_article_by_id_or_unique_prefix(store):
    row = store.articles(contains="tram")[0]
    full = store.article(row["id"])
    assert full["title"] == "Tram line opens" and full["body"].startswith("The city council")
    assert full["document"]["status"] == "ok" and full["authors"] == ["Jane Doe"]
    assert store.article(row["id"][:6])["id"] == row["id"]
    assert store.article("ffffffffffffffff") is None


def test_ambiguous_prefix_is_a_usage_error(tmp_path):
    from newsgraph.model import Article
    from newsgraph.pipeline import Outcome

    with Store(tmp_path / "ids.db") as store:
        for n in (1, 2):
            article = Article(id=f"abcd{n:012d}", body=f"Body {n}.", url=f"https://e.org/{n}",
                              content_hash=f"h{n}", extractor="test/1")
            assert store.save(Outcome(f"{n}.html", article)).status == "new"
        assert store.article("abcd000000000002")["body"] == "Body 2."
        with pytest.raises(UsageError) as info:
            store.article("abcd")
        assert "several" in info.value.message
        assert store.article("abc") is None  # too short to be taken as a prefix


def test_stats_count_sites_and_dates(store):
    stats = store.stats()
    assert stats["articles"] == 3 and stats["documents"] == 3 and stats["failed_documents"] == 0
    assert stats["sites"] == [{"site": "Example Daily", "articles": 2},
                              {"site": "Other News", "articles": 1}]
    assert stats["published"]["first"].startswith("2025-03-10")
    assert stats["published"]["last"].startswith("2025-04-01")
    assert stats["migrations"] == [name for name, _ in MIGRATIONS]
    assert stats["not_annotated"] == 0
    assert stats["consolidated_events"] == 0
