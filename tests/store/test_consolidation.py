"""One real-world event across articles: newsgraph/store/consolidation.py and store/events.py.

The stories (tests/store/stories.py) are one meeting reported by three outlets on three
publication days, "on Thursday" in two and "March 13" in the third, beside other events of
the same days that are not that meeting.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from newsgraph.store import Store
from newsgraph.store.consolidation import FIRST_REPORT, SAME_EVENT
from tests.store.stories import (actor, coast_herald, event, harbor_times, nordic_wire, save,
                                 story, three_outlets)

TABLES = ("consolidated_events", "consolidated_members", "consolidated_kept_apart")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as opened:
        yield opened


def ingest(store, results):
    return [save(store, result).status for result in results]


def meeting(store):
    """The Oslo meeting of Berg and Ruiz, which must be one consolidated event."""
    found = [e for e in store.events(type="CONSULT")
             if {"test:berg", "test:ruiz"} <= {a.id for a in e.source + e.target}]
    assert len(found) == 1, found
    return found[0]


def snapshot(store):
    with store.engine.connect() as conn:
        return {name: sorted(tuple(map(str, row)) for row in
                             conn.execute(select(store.tables[name])))
                for name in TABLES}


def test_three_outlets_report_one_meeting_listed_once_with_three_sources(store):
    assert ingest(store, three_outlets()) == ["new", "new", "new"]
    found = meeting(store)
    assert [s.site for s in found.sources] == ["Nordic Wire", "Harbor Times", "Coast Herald"]
    assert (found.date, found.date_granularity) == ("2025-03-13", "day")
    assert found.location.name == "Oslo" and found.location.country == "NOR"
    assert {a.id for a in found.source + found.target} >= {"test:berg", "test:ruiz"}
    assert "held talks in Oslo on March 13" in found.sources[2].evidence
    consults = store.events(type="CONSULT")
    assert len(consults) == 2  # and the meeting in Seoul the same day, kept apart
    assert {a.id for e in consults for a in e.source} >= {"test:park"}


def test_the_grouping_does_not_depend_on_the_order_articles_arrive(tmp_path):
    groups = []
    for n, order in enumerate(([0, 1, 2], [2, 0, 1], [1, 2, 0])):
        with Store(tmp_path / f"news{n}.db") as store:
            ingest(store, [three_outlets()[i] for i in order])
            groups.append(sorted(sorted(s.site for s in e.sources)
                                 for e in store.events(include_flagged=True)))
    assert groups[0] == groups[1] == groups[2]


def test_reingesting_the_same_articles_changes_nothing(store):
    ingest(store, three_outlets())
    before = snapshot(store)
    assert ingest(store, three_outlets()) == ["unchanged", "unchanged", "unchanged"]
    assert snapshot(store) == before
    assert len(meeting(store).sources) == 3


def test_a_new_version_replaces_its_old_versions_reports(store):
    ingest(store, three_outlets())
    original = harbor_times()
    body = original.article.body.replace("met Norwegian", "spoke about Norwegian")
    assert save(store, harbor_times(body=body, meeting=False)).status == "updated"
    assert [s.site for s in meeting(store).sources] == ["Nordic Wire", "Coast Herald"]
    assert save(store, original).status == "updated"  # the page went back to what it was
    assert [s.site for s in meeting(store).sources] == ["Nordic Wire", "Harbor Times",
                                                       "Coast Herald"]


def test_an_event_left_without_reports_is_deleted(store):
    only = nordic_wire()
    ingest(store, [only])
    assert len(store.events()) == 2
    emptied = story(only.article.url, only.article.body + " More later.", site="Nordic Wire",
                    published=only.article.published, actors=only.actors)
    save(store, emptied)
    assert store.events(include_flagged=True) == []
    assert all(rows == [] for rows in snapshot(store).values())


def test_flagged_events_are_left_out_unless_asked_for(store):
    ingest(store, three_outlets())
    assert all(not e.future for e in store.events())
    future = [e for e in store.events(include_flagged=True) if e.future]
    assert len(future) == 1 and future[0].date == "2025-04"
    assert future[0].date_granularity == "month"


def test_event_filters_actor_country_type_quad_and_dates(store):
    ingest(store, three_outlets())
    assert {e.type for e in store.events(actor="ruiz")} == {"CONSULT"}
    assert len(store.events(actor="Ana Ruiz", include_flagged=True)) == 2
    assert store.events(actor="Rui") == []
    assert [e.source[0].id for e in store.events(country="KOR")] == ["test:park"]
    assert [e.type for e in store.events(quad=4)] == ["PROTEST"]
    assert [e.type for e in store.events(type="protest")] == ["PROTEST"]
    assert [e.type for e in store.events(since="2025-03-14")] == ["PROTEST"]
    assert len(store.events(until="2025-03-13")) == 2
    assert len(store.events(since="2025-03", until="2025-03")) == 3
    assert store.events(since="2025-04") == []


def test_members_say_why_they_joined(store):
    ingest(store, three_outlets())
    found = store.event(meeting(store).id)
    reasons = [m["reason"] for m in found["members"]]
    assert reasons[0] == FIRST_REPORT and len(reasons) == 3
    assert all(reason and reason != FIRST_REPORT for reason in reasons[1:])
    assert store.event("nope") is None


def test_a_near_match_kept_apart_is_recorded_with_the_reason(store):
    ingest(store, three_outlets())
    body = "Tomas Berg met Kenji Sato in Tokyo on Thursday."
    elsewhere = story("https://pacific.example/berg-sato", body, site="Pacific Post",
                      published="2025-03-14",
                      actors=[actor("d1", "Tomas Berg", "NOR", "GOV", kb_id="test:berg"),
                              actor("d2", "Kenji Sato", "JPN", "GOV", kb_id="test:sato")],
                      events=[event(body, "CONSULT", body[:-1], mode="visit", source=["d1"],
                                    target=["d2"], date="2025-03-13",
                                    location=("Tokyo", "JPN"))])
    save(store, elsewhere)
    assert len(meeting(store).sources) == 3
    kept = store.event(meeting(store).id)["kept_apart"]
    assert [k["article_id"] for k in kept] == [elsewhere.article.id]
    assert kept[0]["reason"]


def test_consolidated_event_json_has_the_design_fields(store):
    ingest(store, three_outlets())
    data = meeting(store).to_dict()
    assert set(data) == {"id", "type", "mode", "source", "target", "date", "date_granularity",
                         "location", "negated", "hypothetical", "future", "historical",
                         "quad_class", "intensity", "sources"}
    assert set(data["source"][0]) == {"id", "name", "country", "sector"}
    assert set(data["sources"][0]) == {"article_id", "url", "site", "title", "published",
                                       "evidence"}
    assert data["quad_class"] == 1


def test_articles_stored_without_annotations_are_not_consolidated(store, tmp_path):
    from newsgraph.pipeline import Outcome

    save(store, coast_herald())
    assert store.save(Outcome("x", nordic_wire().article)).status == "new"
    assert len(store.events(include_flagged=True)) == 2  # only Coast Herald's


PEOPLE = [actor("e1", "Ana Ruiz", "PRT", "GOV", kb_id="test:ruiz"),
          actor("e2", "Tomas Berg", "NOR", "GOV", kb_id="test:berg")]


def test_an_undated_report_published_days_later_joins_the_dated_event(store):
    ingest(store, three_outlets())
    body = "Ana Ruiz met Tomas Berg in Oslo to talk about fish."
    undated = story("https://weekly.example/fish", body, site="Fish Weekly",
                    published="2025-03-16", actors=PEOPLE,
                    events=[event(body, "CONSULT", body[:-1], mode="visit", source=["e1"],
                                  target=["e2"], location=("Oslo", "NOR"))])
    ingest(store, [undated])
    found = meeting(store)
    assert [s.site for s in found.sources][-1] == "Fish Weekly" and len(found.sources) == 4
    assert (found.date, found.date_granularity) == ("2025-03-13", "day")


def test_a_report_dated_only_by_its_month_joins_the_event_of_that_month(store):
    ingest(store, three_outlets())
    body = "In March, Berg received Ruiz in Oslo."
    monthly = story("https://monthly.example/march", body, site="Monthly Review",
                    published="2025-04-02", actors=PEOPLE,
                    events=[event(body, "CONSULT", body[:-1], mode="visit", source=["e2"],
                                  target=["e1"], date="2025-03", granularity="month",
                                  location=("Oslo", "NOR"))])
    ingest(store, [monthly])
    found = meeting(store)
    assert len(found.sources) == 4 and found.sources[-1].site == "Monthly Review"
    assert (found.date, found.date_granularity) == ("2025-03-13", "day")


def test_report_cache_reads_each_event_once_and_forgets_an_article(store):
    from newsgraph.store.event_views import ReportCache

    ingest(store, three_outlets())
    cache = ReportCache(size=2)
    harbor, coast = harbor_times().article.id, coast_herald().article.id
    with store.engine.connect() as conn:
        first = cache.read(conn, store.tables, [(harbor, 0), (coast, 1)])
        assert first[(harbor, 0)].event.type == "CONSULT"
        assert first[(coast, 1)].event.type == "PROTEST"
        assert cache.read(conn, store.tables, [(harbor, 0)])[(harbor, 0)] is first[(harbor, 0)]
        cache.forget(harbor)
        again = cache.read(conn, store.tables, [(harbor, 0), (harbor, 1), ("none", 0)])
    assert again[(harbor, 0)] is not first[(harbor, 0)] and set(again) == {(harbor, 0),
                                                                            (harbor, 1)}
    assert len(cache) == 2  # bounded


def test_an_event_coded_twice_by_one_article_is_one_report(store):
    ingest(store, three_outlets())
    body = "Berg met Ruiz in Oslo on Thursday."
    twice = [event(body, "CONSULT", body[:-1], mode="visit", source=["f1"], target=[target],
                   date="2025-03-13", location=("Oslo", "NOR")) for target in ("f2", "f2")]
    doubled = story("https://echo.example/1", body, site="Echo", published="2025-03-14",
                    actors=[actor("f1", "Tomas Berg", "NOR", "GOV", kb_id="test:berg"),
                            actor("f2", "Ana Ruiz", "PRT", "GOV", kb_id="test:ruiz")],
                    events=twice)
    assert save(store, doubled).status == "new"
    found = store.event(meeting(store).id)
    assert "Echo" in [s["site"] for s in found["sources"]] and len(found["sources"]) == 4
    assert len(found["members"]) == 5 and found["members"][-1]["reason"] == SAME_EVENT


def test_a_bug_while_consolidating_fails_that_document_only(store, monkeypatch):
    import newsgraph.store.consolidation as consolidation

    def broken(*args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(consolidation, "group_events", broken)
    first = save(store, coast_herald())
    assert first.status == "failed" and first.error.code == "E404"
    assert "ZeroDivisionError" in first.error.message
    assert store.articles() == [] and store.stats()["failed_documents"] == 1
    monkeypatch.undo()
    assert save(store, coast_herald()).status == "new"
    assert len(store.events()) == 2
