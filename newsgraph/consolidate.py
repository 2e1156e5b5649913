"""One real-world event, however many articles report it: consolidation logic, no database.

Each article's events come with their context (``ReportedEvent``: the event, its actors with
KB ids, country and sector, the article's id, URL, title and publication date, the evidence
sentence). ``compatible(a, b)`` decides whether two of them, from different articles,
describe the same event, and says why or why not:

- same type, same flags (a denied meeting is not the meeting), no conflicting modes;
- overlapping actors: by knowledge-base id, else by country and sector; sources must overlap
  (for CONSULT, AGREE and COOPERATE either side may hold either actor), and targets too when
  both articles name one;
- compatible dates: the same day, or a day inside the other's month, year or decade. An event
  whose date is unknown (or only the publication date, ``date_basis="publication"``) joins a
  dated one, or another undated one, only when the actors match by KB id and the articles
  were published within ``DAYS_APART`` days (on or after the dated event);
- compatible places: the same country, when both are known.

``group_events(events, groups)`` adds events to existing groups incrementally: an event joins
the first group all of whose members from other articles it is compatible with; otherwise it
starts a group, recording why it was kept apart from each group of its type. Adding an event
already in a group changes nothing. ``consolidate`` returns the groups as ``ConsolidatedEvent``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from newsgraph.model import (
    Actor, AnalyzedArticle, ConsolidatedEvent, Event, EventActor, EventSource, Location,
)

__all__ = ["DAYS_APART", "EventGroup", "ReportedEvent", "compatible", "consolidate",
           "event_key", "group_events", "reported_events"]

# How far apart two articles' publication dates may be for their undated events to be one.
DAYS_APART = 3
# Types where "X met Y" and "Y met X" are the same act.
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
_GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}


@dataclass(frozen=True)
class ReportedEvent:
    """One article's event with what consolidation needs to know about it."""

    article_id: str
    event: Event
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    evidence: str
    published: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None


@dataclass
class EventGroup:
    """Events from several articles judged to be one real-world event."""

    id: str
    members: list[ReportedEvent] = field(default_factory=list)
    kept_apart: list[tuple[str, str]] = field(default_factory=list)  # (group id, reason)

    def consolidated(self) -> ConsolidatedEvent:
        """The group as one ConsolidatedEvent, with every reporting article as a source."""
        first = self.members[0].event
        dated = [m.event for m in self.members if _known_date(m)]
        best = min(dated, key=lambda e: (_GRANULARITY_RANK.get(e.date_granularity or "", 9),
                                         e.date or "")) if dated else None
        located = [m.event.location for m in self.members if m.event.location is not None]
        location: Location | None = located[0] if located else None
        sources: list[EventSource] = []
        seen: set[str] = set()
        for m in self.members:
            if m.article_id in seen:
                continue
            seen.add(m.article_id)
            sources.append(EventSource(article_id=m.article_id, evidence=m.evidence, url=m.url,
                                       site=m.site, title=m.title, published=m.published))
        return ConsolidatedEvent(
            id=self.id, type=first.type, mode=_first(m.event.mode for m in self.members),
            source=_merged_actors(m.source for m in self.members),
            target=_merged_actors(m.target for m in self.members),
            date=best.date if best else None,
            date_granularity=best.date_granularity if best else None, location=location,
            negated=first.negated, hypothetical=first.hypothetical, future=first.future,
            historical=first.historical, quad_class=first.quad_class,
            intensity=first.intensity, sources=tuple(sources),
        )


def reported_events(analyzed: AnalyzedArticle) -> list[ReportedEvent]:
    """An analysed article's events with their actors and the article's metadata."""
    article = analyzed.article
    actors = {a.id: a for a in analyzed.actors}
    out = []
    for event in analyzed.events:
        out.append(ReportedEvent(
            article_id=article.id, event=event,
            source=tuple(actors[i] for i in event.source if i in actors),
            target=tuple(actors[i] for i in event.target if i in actors),
            evidence=article.body[event.start:event.end], published=article.published,
            url=article.url, site=article.site, title=article.title))
    return out


def event_key(item: ReportedEvent) -> tuple:
    """What identifies one article's event: re-adding it must change nothing."""
    e = item.event
    return (item.article_id, e.type, e.start, e.end, e.source, e.target)


# ------------------------------------------------------------------------- compatibility

def compatible(a: ReportedEvent, b: ReportedEvent) -> tuple[bool, str]:
    """Whether two reported events are the same real-world event, and why (or why not).

    The reason names what decided: "same type; actors by KB id; same date; same place" when
    they are one, "dates differ (2025-09-03, 2025-09-04)" when they are not.
    """
    ea, eb = a.event, b.event
    if a.article_id == b.article_id:
        return False, "same article"
    if ea.type != eb.type:
        return False, f"types differ ({ea.type}, {eb.type})"
    flags = ("negated", "hypothetical", "future", "historical")
    differing = [f for f in flags if getattr(ea, f) != getattr(eb, f)]
    if differing:
        return False, f"flags differ ({', '.join(differing)})"
    if ea.mode and eb.mode and ea.mode != eb.mode:
        return False, f"modes differ ({ea.mode}, {eb.mode})"
    actors, how = _actors_match(a, b)
    if not actors:
        return False, how
    dates_ok, date_reason = _dates_match(a, b, by_kb=how == "actors by KB id")
    if not dates_ok:
        return False, date_reason
    places_ok, place_reason = _places_match(ea.location, eb.location)
    if not places_ok:
        return False, place_reason
    return True, f"same type; {how}; {date_reason}; {place_reason}"


def _kb_ids(actors: Iterable[Actor]) -> set[str]:
    return {a.kb_id for a in actors if a.kb_id}


def _codes(actors: Iterable[Actor]) -> set[tuple[str, str]]:
    return {(a.country, (a.sector or "")[:3]) for a in actors if a.country}


def _sides(item: ReportedEvent) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    if item.event.type in _SYMMETRIC:
        both = item.source + item.target
        return both, both
    return item.source, item.target


def _actors_match(a: ReportedEvent, b: ReportedEvent) -> tuple[bool, str]:
    sa, ta = _sides(a)
    sb, tb = _sides(b)
    if _kb_ids(sa) & _kb_ids(sb):
        how = "actors by KB id"
    elif _codes(sa) & _codes(sb) and not (_kb_ids(sa) and _kb_ids(sb)):
        # Codes stand in only where a KB id is missing on one side: two different known
        # people of one government are two actors, not one.
        how = "actors by country and sector"
    else:
        return False, "no source actor in common"
    if ta and tb and a.event.type not in _SYMMETRIC:
        if not (_kb_ids(ta) & _kb_ids(tb) or _codes(ta) & _codes(tb)):
            return False, "no target actor in common"
    return True, how


def _known_date(item: ReportedEvent) -> bool:
    return bool(item.event.date) and item.event.date_basis != "publication"


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _contains(coarse: str, fine: str) -> bool:
    """Whether the period ``coarse`` ("2025", "2025-09", "1950s") holds ``fine``."""
    if coarse.endswith("s"):  # a decade
        return fine[:3] == coarse[:3] and not fine.endswith("s") or fine == coarse
    return fine.startswith(coarse)


def _dates_match(a: ReportedEvent, b: ReportedEvent, *, by_kb: bool) -> tuple[bool, str]:
    known_a, known_b = _known_date(a), _known_date(b)
    if known_a and known_b:
        da, db = a.event.date or "", b.event.date or ""
        if da == db:
            return True, "same date"
        if _contains(da, db) or _contains(db, da):
            return True, "one date inside the other"
        return False, f"dates differ ({da}, {db})"
    if not by_kb:
        return False, "a date is unknown and the actors match only by country and sector"
    pa, pb = _day(a.published), _day(b.published)
    if known_a or known_b:
        dated, undated = (a, b) if known_a else (b, a)
        when, published = _day(dated.event.date), _day(undated.published)
        if when is None or published is None:
            return False, "a date is unknown and cannot be placed"
        gap = (published - when).days
        if 0 <= gap <= DAYS_APART:
            return True, f"undated report published {gap} day(s) after the date"
        return False, f"undated report published {gap} day(s) from the date"
    if pa is None or pb is None:
        return False, "both dates unknown and a publication date is missing"
    gap = abs((pa - pb).days)
    if gap <= DAYS_APART:
        return True, f"both dates unknown, published {gap} day(s) apart"
    return False, f"both dates unknown, published {gap} days apart"


def _places_match(la: Location | None, lb: Location | None) -> tuple[bool, str]:
    if la is None or lb is None:
        return True, "place unknown in one"
    if la.country and lb.country and la.country != lb.country:
        return False, f"places in different countries ({la.country}, {lb.country})"
    return True, "same place" if la.name == lb.name else "places in one country"


# ------------------------------------------------------------------------- grouping

def _group_id(item: ReportedEvent) -> str:
    e = item.event
    text = f"{item.article_id}|{e.type}|{e.start}|{e.end}|{','.join(e.source)}"
    return "ev_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def group_events(events: Iterable[ReportedEvent],
                 groups: Sequence[EventGroup] = ()) -> list[EventGroup]:
    """The groups after adding ``events`` to ``groups`` (which are not modified)."""
    out = [EventGroup(g.id, list(g.members), list(g.kept_apart)) for g in groups]
    known = {event_key(m) for g in out for m in g.members}
    for item in events:
        key = event_key(item)
        if key in known:
            continue
        known.add(key)
        apart: list[tuple[str, str]] = []
        home = None
        for group in out:
            if group.members[0].event.type != item.event.type:
                continue
            others = [m for m in group.members if m.article_id != item.article_id]
            if not others:
                apart.append((group.id, "same article"))
                continue
            verdicts = [compatible(item, m) for m in others]
            failed = [reason for ok, reason in verdicts if not ok]
            if failed:
                apart.append((group.id, failed[0]))
                continue
            home = group
            break
        if home is not None:
            home.members.append(item)
        else:
            out.append(EventGroup(_group_id(item), [item], apart))
    return out


def consolidate(events: Iterable[ReportedEvent],
                groups: Sequence[EventGroup] = ()) -> list[ConsolidatedEvent]:
    """Consolidated events after adding ``events`` to ``groups``."""
    return [g.consolidated() for g in group_events(events, groups)]


# ------------------------------------------------------------------------- helpers

def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _actor_id(actor: Actor) -> str:
    return actor.kb_id or f"{actor.country or '-'}/{actor.sector or '-'}/{actor.name.lower()}"


def _merged_actors(sides: Iterable[tuple[Actor, ...]]) -> tuple[EventActor, ...]:
    out: dict[str, EventActor] = {}
    for side in sides:
        for actor in side:
            key = _actor_id(actor)
            if key not in out:
                out[key] = EventActor(id=key, name=actor.name, country=actor.country,
                                      sector=actor.sector)
    return tuple(out.values())
