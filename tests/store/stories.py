"""Analysed articles built by hand for store tests: no spaCy, no pages, our own invented news.

Spans are given as text to find in the body, so a test reads like the story it tells:

    result = story("https://a.example/1", BODY, site="A", published="2025-03-14",
                   actors=[actor("a1", "Ana Ruiz", "PRT", "GOV", kb_id="test:ruiz")],
                   events=[event(BODY, "CONSULT", "met", source=["a1"], date="2025-03-13")])
"""

from __future__ import annotations

from newsgraph.extract.normalize import article_id, content_hash
from newsgraph.model import (Actor, AnalyzedArticle, Article, Event, Location, Mention, Quote,
                             Speaker)
from newsgraph.pipeline import Outcome

# The PLOVER quad class of the types these tests use.
QUAD = {"CONSULT": 1, "AGREE": 1, "ACCUSE": 3, "ASSAULT": 4, "PROTEST": 4, "AID": 2}


def span(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``text`` in ``body``."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def actor(local_id: str, name: str, country: str | None, sector: str | None, *,
          kind: str = "person", kb_id: str | None = None, aliases=(), roles=()) -> Actor:
    return Actor(local_id, name, country, sector, kind, kb_id, tuple(roles), tuple(aliases))


def mentions(body: str, **by_actor: list[str]) -> tuple[Mention, ...]:
    """Mentions of each actor id: every occurrence of each text given for it."""
    found = []
    for actor_id, texts in by_actor.items():
        for text in texts:
            start = body.find(text)
            while start != -1:
                found.append(Mention(actor_id, start, start + len(text)))
                start = body.find(text, start + 1)
    return tuple(sorted(found, key=lambda m: m.start))


def quote(body: str, text: str, kind: str = "direct", *, speaker: str | None = None,
          actor_id: str | None = None, cue: str | None = "said",
          channel: str | None = None) -> Quote:
    start, end = span(body, text)
    who = None
    if speaker is not None:
        s, e = span(body, speaker)
        who = Speaker(speaker, actor_id, s, e)
    return Quote(kind, start, end, who, cue, channel)


def event(body: str, type: str, evidence: str, *, mode: str | None = None, source=(),
          target=(), date: str | None = None, granularity: str | None = "day",
          location: tuple[str, str] | None = None, intensity: float = 1.0,
          **flags: bool) -> Event:
    start, end = span(body, evidence)
    return Event(type, start, end, mode=mode, source=tuple(source), target=tuple(target),
                 date=date, date_granularity=granularity if date else None,
                 date_basis="sentence" if date else None,
                 location=Location(*location) if location else None,
                 quad_class=QUAD[type], intensity=intensity, pattern="test", **flags)


def story(url: str, body: str, *, site: str, published: str | None, title: str = "",
          actors=(), mentions=(), quotes=(), events=()) -> AnalyzedArticle:
    digest = content_hash(body)
    article = Article(id=article_id(url, None, digest), body=body, url=url, site=site,
                      published=published, title=title or body.split(".")[0],
                      content_hash=digest, extractor="test/1")
    return AnalyzedArticle(article, tuple(actors), tuple(mentions), tuple(quotes),
                           tuple(events), (), {"test": "1"})


def save(store, result: AnalyzedArticle):
    """Save through the same path ``ingest`` uses; the IngestItem."""
    return store.save(Outcome(result.article.url, result))


# One real-world meeting reported by three outlets on different days ("on Thursday" in two,
# "March 13" in one), plus other events of the same days that must stay apart from it.
HARBOR = ('Portuguese Prime Minister Ana Ruiz met Norwegian Prime Minister Tomas Berg in Oslo on '
          'Thursday to discuss fishing rights. "We agreed on the quotas for the next season," '
          'Ruiz told reporters after the talks. Berg said the two governments would meet again '
          'in April.')
COAST = ('The prime ministers of Portugal and Norway held talks in Oslo on March 13, officials '
         'said. Norway\'s Berg called the meeting "productive and frank." Fishing groups in '
         'Lisbon protested outside parliament on Friday.')
NORDIC = ('Tomas Berg and Ana Ruiz met in Oslo on Thursday, their first meeting since the '
          'election. In Seoul, South Korean Foreign Minister Min-jun Park met Japanese Foreign '
          'Minister Kenji Sato on Thursday.')


def harbor_times(body: str = HARBOR, *, meeting: bool = True) -> AnalyzedArticle:
    """Published on Friday 2025-03-14: the meeting "on Thursday" (unless not ``meeting``), a
    future meeting, 2 quotes."""
    events = [event(body, "CONSULT", "the two governments would meet again in April",
                    mode="visit", source=["a1", "a2"], date="2025-04", granularity="month",
                    future=True)]
    if meeting:
        events.insert(0, event(body, "CONSULT", "Ana Ruiz met Norwegian Prime Minister Tomas "
                               "Berg in Oslo on Thursday", mode="visit", source=["a1"],
                               target=["a2"], date="2025-03-13", location=("Oslo", "NOR")))
    return story(
        "https://harbortimes.example/ruiz-berg", body, site="Harbor Times",
        published="2025-03-14T08:00:00+00:00", title="Ruiz and Berg agree on fishing quotas",
        actors=[actor("a1", "Ana Ruiz", "PRT", "GOV", kb_id="test:ruiz", aliases=["Ruiz"],
                      roles=["prime minister"]),
                actor("a2", "Tomas Berg", "NOR", "GOV", kb_id="test:berg", aliases=["Berg"],
                      roles=["prime minister"])],
        mentions=mentions(body, a1=["Ana Ruiz", "Ruiz told"], a2=["Tomas Berg", "Berg said"]),
        quotes=[quote(body, "We agreed on the quotas for the next season,", speaker="Ruiz",
                      actor_id="a1", cue="told"),
                quote(body, "the two governments would meet again in April", "indirect",
                      speaker="Berg", actor_id="a2")],
        events=events)


def coast_herald() -> AnalyzedArticle:
    """Published on Saturday 2025-03-15: the meeting "on March 13", a protest, a mixed quote."""
    body = COAST
    return story(
        "https://coastherald.example/2025/03/15/fish", body, site="Coast Herald",
        published="2025-03-15", title="Fishing talks in Oslo",
        actors=[actor("b1", "Portuguese prime minister", "PRT", "GOV", roles=["prime minister"]),
                actor("b2", "Tomas Berg", "NOR", "GOV", kb_id="test:berg", aliases=["Berg"]),
                actor("b3", "fishing groups", "PRT", "CVL", kind="group")],
        mentions=mentions(body, b1=["prime ministers of Portugal"], b2=["Berg"],
                          b3=["Fishing groups"]),
        quotes=[quote(body, "productive and frank.", "mixed", speaker="Berg", actor_id="b2",
                      cue="called")],
        events=[event(body, "CONSULT", "The prime ministers of Portugal and Norway held talks "
                      "in Oslo on March 13", mode="visit", source=["b1"], target=["b2"],
                      date="2025-03-13", location=("Oslo", "NOR")),
                event(body, "PROTEST", "Fishing groups in Lisbon protested outside parliament "
                      "on Friday", mode="demonstrate", source=["b3"], date="2025-03-14",
                      location=("Lisbon", "PRT"))])


def nordic_wire() -> AnalyzedArticle:
    """Published on Thursday 2025-03-13: the meeting "on Thursday", and another meeting."""
    body = NORDIC
    return story(
        "https://nordicwire.example/a/981", body, site="Nordic Wire",
        published="2025-03-13T18:30:00+01:00", title="Berg hosts Ruiz",
        actors=[actor("c1", "Tomas Berg", "NOR", "GOV", kb_id="test:berg", aliases=["Berg"]),
                actor("c2", "Ana Ruiz", "PRT", "GOV", kb_id="test:ruiz", aliases=["Ruiz"]),
                actor("c3", "Min-jun Park", "KOR", "GOV", kb_id="test:park"),
                actor("c4", "Kenji Sato", "JPN", "GOV", kb_id="test:sato")],
        mentions=mentions(body, c1=["Tomas Berg"], c2=["Ana Ruiz"], c3=["Min-jun Park"],
                          c4=["Kenji Sato"]),
        events=[event(body, "CONSULT", "Tomas Berg and Ana Ruiz met in Oslo on Thursday",
                      mode="visit", source=["c1"], target=["c2"], date="2025-03-13",
                      location=("Oslo", "NOR")),
                event(body, "CONSULT", "Min-jun Park met Japanese Foreign Minister Kenji Sato "
                      "on Thursday", mode="visit", source=["c3"], target=["c4"],
                      date="2025-03-13", location=("Seoul", "KOR"))])


def three_outlets() -> list[AnalyzedArticle]:
    return [harbor_times(), coast_herald(), nordic_wire()]
