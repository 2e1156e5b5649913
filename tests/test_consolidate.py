"""Consolidation: events from several articles about one real-world event become one."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.consolidate import (
    ReportedEvent, compatible, consolidate, group_events, reported_events,
)
from newsgraph.model import Actor, AnalyzedArticle, Article, Event, Location

XI = Actor("a1", "Xi Jinping", "CHN", "GOV", "person", kb_id="Q15031")
KIM = Actor("a2", "Kim Jong Un", "PRK", "GOV", "person", kb_id="Q56226")
PUTIN = Actor("a3", "Vladimir Putin", "RUS", "GOV", "person", kb_id="Q7747")
CHINESE_OFFICIAL = Actor("a9", "a Chinese official", "CHN", "GOV", "group")
BEIJING = Location("Beijing", "CHN")


def reported(article: str, *, type_="CONSULT", source=(XI,), target=(KIM,), date="2025-09-04",
             granularity="day", basis="sentence", published="2025-09-04", location=BEIJING,
             **flags) -> ReportedEvent:
    event = Event(type=type_, start=0, end=10, source=tuple(a.id for a in source),
                  target=tuple(a.id for a in target), date=date, date_granularity=granularity,
                  date_basis=basis, location=location, quad_class=1, intensity=2.5, **flags)
    return ReportedEvent(article_id=article, event=event, source=tuple(source),
                         target=tuple(target), evidence=f"evidence in {article}",
                         published=published, url=f"https://example.org/{article}")


def test_same_meeting_told_by_two_outlets_is_one_event():
    a = reported("dw")
    b = reported("ap", source=(KIM,), target=(XI,))  # direction does not matter for CONSULT
    ok, reason = compatible(a, b)
    assert ok, reason
    events = consolidate([a, b])
    assert len(events) == 1
    assert [s.article_id for s in events[0].sources] == ["dw", "ap"]
    assert events[0].date == "2025-09-04" and events[0].location == BEIJING


def test_weekday_in_one_and_month_in_another_are_compatible():
    ok, reason = compatible(reported("dw"), reported("xinhua", date="2025-09", granularity="month"))
    assert ok and "inside" in reason
    event = consolidate([reported("xinhua", date="2025-09", granularity="month"),
                         reported("dw")])[0]
    assert (event.date, event.date_granularity) == ("2025-09-04", "day")  # the finer date wins


def test_different_days_are_kept_apart_with_the_reason():
    ok, reason = compatible(reported("dw"), reported("ap", date="2025-09-03"))
    assert not ok and reason == "dates differ (2025-09-04, 2025-09-03)"
    groups = group_events([reported("dw"), reported("ap", date="2025-09-03")])
    assert len(groups) == 2
    # the newcomer's date comes first in the reason
    assert groups[1].kept_apart == [(groups[0].id, "dates differ (2025-09-03, 2025-09-04)")]


def test_different_types_flags_and_places_are_kept_apart():
    assert compatible(reported("dw"), reported("ap", type_="AGREE"))[0] is False
    ok, reason = compatible(reported("dw"), reported("ap", negated=True))
    assert not ok and "negated" in reason
    ok, reason = compatible(reported("dw"), reported("ap", location=Location("Moscow", "RUS")))
    assert not ok and "different countries" in reason


def test_no_common_actor_is_kept_apart():
    ok, reason = compatible(reported("dw"), reported("ap", source=(PUTIN,), target=(PUTIN,)))
    assert not ok and reason == "no source actor in common"


def test_country_and_sector_stand_in_only_without_kb_ids():
    official = reported("ap", source=(CHINESE_OFFICIAL,), type_="ACCUSE", target=(KIM,))
    ok, reason = compatible(reported("dw", type_="ACCUSE"), official)
    assert ok and "country and sector" in reason
    other_leader = replace(PUTIN, country="CHN", kb_id="Q999")
    ok, _ = compatible(reported("dw", type_="ACCUSE"),
                       reported("ap", type_="ACCUSE", source=(other_leader,)))
    assert not ok


def test_both_dates_unknown_join_only_by_kb_id_and_close_publication():
    a = reported("dw", date=None, granularity=None, basis=None)
    b = reported("ap", date="2025-09-05", basis="publication", published="2025-09-05")
    ok, reason = compatible(a, b)
    assert ok and "published 1 day(s) apart" in reason
    far = reported("ap", date=None, granularity=None, basis=None, published="2025-10-01")
    assert compatible(a, far)[0] is False
    by_codes = reported("ap", date=None, granularity=None, basis=None,
                        source=(CHINESE_OFFICIAL,), target=(PUTIN,))
    assert compatible(a, by_codes)[0] is False


def test_undated_report_joins_a_dated_event_published_just_after():
    dated = reported("dw", date="2025-09-03")
    undated = reported("ap", date=None, granularity=None, basis=None, published="2025-09-04")
    ok, reason = compatible(dated, undated)
    assert ok and "1 day(s) after" in reason
    late = reported("ap", date=None, granularity=None, basis=None, published="2025-09-20")
    assert compatible(dated, late)[0] is False


def test_adding_an_article_again_changes_nothing():
    groups = group_events([reported("dw"), reported("ap")])
    again = group_events([reported("dw"), reported("ap")], groups)
    assert [(g.id, len(g.members)) for g in again] == [(g.id, len(g.members)) for g in groups]


def test_a_new_article_joins_the_existing_group_incrementally():
    groups = group_events([reported("dw")])
    more = group_events([reported("reuters", published="2025-09-05")], groups)
    assert len(more) == 1 and len(more[0].members) == 2
    assert len(groups[0].members) == 1  # the given groups are not modified
    assert more[0].id == groups[0].id


def test_same_article_twice_is_not_merged():
    first = reported("dw")
    second = replace(first, event=replace(first.event, start=20, end=30))
    assert compatible(first, second) == (False, "same article")
    assert len(group_events([first, second])) == 2


def test_reported_events_carry_actors_and_article_metadata():
    body = "Xi met Kim in Beijing."
    article = Article(id="art1", body=body, url="https://example.org/x", title="T",
                      published="2025-09-04")
    event = Event(type="CONSULT", start=0, end=len(body), source=("a1",), target=("a2",))
    analyzed = AnalyzedArticle(article=article, actors=(XI, KIM), events=(event,))
    [item] = reported_events(analyzed)
    assert item.source == (XI,) and item.target == (KIM,)
    assert item.evidence == body and item.published == "2025-09-04"
    consolidated = consolidate([item])[0]
    assert consolidated.source[0].id == "Q15031"
    assert consolidated.to_dict()["sources"][0]["url"] == "https://example.org/x"


def test_three_outlets_phrase_one_meeting_differently(nlp):
    """End to end: "on Thursday" in one article, "on Sept. 4" a day later in another, one
    event; a third outlet dating it Wednesday is kept apart, with the reason."""
    from newsgraph.annotate.events import find_events
    from tests.annotate.test_events_gold import annotate_text

    stories = [
        ("dw", "2025-09-04", "Chinese President Xi Jinping met North Korean leader Kim Jong Un "
                             "in Beijing on Thursday, state media reported."),
        ("ap", "2025-09-05", "North Korea's Kim Jong Un held talks with Chinese President Xi "
                             "Jinping in Beijing on Sept. 4, Chinese state media said."),
        ("rt", "2025-09-05", "Xi Jinping and Kim Jong Un met in Beijing on Wednesday."),
    ]
    items = []
    for article_id, published, text in stories:
        doc = annotate_text(text, published)
        events = doc._.ng_events if doc._.ng_events is not None else find_events(doc)
        analyzed = AnalyzedArticle(
            article=Article(id=article_id, body=text, published=published),
            actors=tuple(doc._.ng_actors), events=tuple(events))
        items.extend(i for i in reported_events(analyzed) if i.event.type == "CONSULT")
    groups = group_events(items)
    assert [[m.article_id for m in g.members] for g in groups] == [["dw", "ap"], ["rt"]]
    assert "dates differ" in groups[1].kept_apart[0][1]
    assert groups[0].consolidated().date == "2025-09-04"
