"""Consolidation in the store: each saved event joins the real-world event it reports.

The rules (same type and flags, overlapping actors, compatible dates and places) are
``newsgraph.consolidate``'s; this module finds the candidates by SQL and keeps the tables up
to date, inside the transaction that saves an article (``sync_page``):

1. memberships of the page's other versions are removed (a new version replaces its old
   version's reports; a page reverting to an earlier content brings that version's back);
2. unless the current version is already consolidated (re-ingesting changes nothing), each of
   its events looks up candidates by SQL: consolidated events of the same type whose span of
   days overlaps its own, widened by ``WINDOW_SLACK_DAYS`` (index ``ix_consolidated_type_span``),
   kept when one of their actors shares a KB id, or a country and sector, with the event's;
3. ``consolidate.group_events`` decides in Python, the candidates given most reported (then
   closest in date) first: the event joins the first one all of whose reports from other
   articles it is ``compatible`` with, and the member row keeps the reason. Otherwise it founds
   a new consolidated event, and the refused candidates (all of which share an actor with it)
   are recorded in ``consolidated_kept_apart`` with the reason;
4. every consolidated event touched is rebuilt from its reports
   (``EventGroup.consolidated``); one left without reports is deleted.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import Connection

from newsgraph.consolidate import (EventGroup, ReportedEvent, compatible, event_key,
                                   group_events)
from newsgraph.store.event_views import ReportCache, event_span, load_events

FIRST_REPORT = "first report"
SAME_EVENT = "the same event as another of this article (same type, evidence and sources)"
# Reports of one event from different time zones can date it a day apart.
WINDOW_SLACK_DAYS = 1
# Refused near-matches recorded per event, the closest first.
MAX_KEPT_APART = 5
# Ids per IN (...) list: well under SQLite's limit on query parameters.
CHUNK = 400


def sync_page(conn: Connection, tables, key: str, cache: ReportCache | None = None) -> None:
    """Make the consolidated memberships of the page ``key`` those of its current version.

    ``cache`` keeps the reports read, across the pages of one ingest.
    """
    cache = cache if cache is not None else ReportCache()
    articles, members = tables["articles"], tables["consolidated_members"]
    apart = tables["consolidated_kept_apart"]
    versions = conn.execute(select(articles.c.id, articles.c.is_current, articles.c.analyzed)
                            .where(articles.c.canonical_key == key)).all()
    stale = [v.id for v in versions if not v.is_current]
    touched: set[str] = set()
    if stale:
        touched.update(conn.execute(select(members.c.consolidated_id)
                                    .where(members.c.article_id.in_(stale))).scalars())
        conn.execute(delete(members).where(members.c.article_id.in_(stale)))
        conn.execute(delete(apart).where(apart.c.article_id.in_(stale)))
    for consolidated_id in sorted(touched):
        refresh(conn, tables, consolidated_id, cache=cache)
    for version in versions:
        if version.is_current and version.analyzed:
            consolidate_article(conn, tables, version.id, cache)


def release_article(conn: Connection, tables, article_id: str,
                    cache: ReportCache | None = None) -> None:
    """Take an article version's events out of their consolidated events (before its
    annotations are rewritten), rebuilding or deleting what they leave."""
    if cache is not None:
        cache.forget(article_id)
    members, apart = tables["consolidated_members"], tables["consolidated_kept_apart"]
    touched = set(conn.execute(select(members.c.consolidated_id)
                               .where(members.c.article_id == article_id)).scalars())
    conn.execute(delete(members).where(members.c.article_id == article_id))
    conn.execute(delete(apart).where(apart.c.article_id == article_id))
    for consolidated_id in sorted(touched):
        refresh(conn, tables, consolidated_id, cache=cache)


def consolidate_article(conn: Connection, tables, article_id: str,
                        cache: ReportCache | None = None) -> set[str]:
    """Join each event of a stored article to its consolidated event; the ids touched.

    An article that already has memberships is left as it is.
    """
    members = tables["consolidated_members"]
    if conn.execute(select(members.c.article_id).where(members.c.article_id == article_id)
                    .limit(1)).first() is not None:
        return set()
    cache = cache if cache is not None else ReportCache()
    touched: set[str] = set()
    groups: dict[str, list[ReportedEvent]] = {}  # the candidates seen so far, as they are now
    for (_, seq), item in load_events(conn, tables, [article_id]).items():
        joined = _place(conn, tables, item, seq, groups, cache)
        groups.setdefault(joined, []).append(item)
        refresh(conn, tables, joined, groups[joined])  # later events must see it as it is now
        touched.add(joined)
    return touched


def _place(conn: Connection, tables, item: ReportedEvent, seq: int,
           groups: dict[str, list[ReportedEvent]], cache: ReportCache) -> str:
    """Add one event to its consolidated event (found or new); that event's id."""
    members, apart = tables["consolidated_members"], tables["consolidated_kept_apart"]
    span = event_span(item)
    candidates = sorted(_candidates(conn, tables, item, span, groups, cache),
                        key=lambda group: (-len({m.article_id for m in group.members}),
                                           _distance(span, group.members), group.id))
    known = {group.id for group in candidates}
    grouped = group_events([item], candidates)
    home = next((group for group in grouped if any(m is item for m in group.members)), None)
    if home is None:
        # ``group_events`` adds nothing twice: the article coded this very event (same type,
        # span and sources) once already, and it is in one of the candidates.
        key = event_key(item)
        twin = next(group for group in grouped
                    if any(event_key(m) == key for m in group.members))
        consolidated_id, reason = twin.id, SAME_EVENT
    elif home.id in known:
        reason = _join_reason(item, home.members)
        consolidated_id = home.id
    else:
        reason = FIRST_REPORT
        consolidated_id = _found(conn, tables, home)
        by_id = {group.id: group for group in candidates}
        # Every candidate shares an actor with the event (``_candidates``); those holding
        # only this article's own events are not near-matches of it.
        near = [(group_id, why) for group_id, why in home.kept_apart if group_id in by_id
                and any(m.article_id != item.article_id for m in by_id[group_id].members)]
        for group_id, why in near[:MAX_KEPT_APART]:
            conn.execute(apart.insert().values(consolidated_id=group_id,
                                               article_id=item.article_id, event_seq=seq,
                                               reason=why))
    conn.execute(members.insert().values(consolidated_id=consolidated_id,
                                         article_id=item.article_id, event_seq=seq,
                                         reason=reason, joined_at=_now()))
    return consolidated_id


def _join_reason(item: ReportedEvent, reports: list[ReportedEvent]) -> str:
    """Why the event joined: what ``compatible`` says about the first report it matched."""
    for report in reports:
        if report is not item and report.article_id != item.article_id:
            ok, reason = compatible(item, report)
            if ok:
                return reason
    return "joined"


def _candidates(conn: Connection, tables, item: ReportedEvent, span: tuple[date, date] | None,
                groups: dict[str, list[ReportedEvent]], cache: ReportCache) -> list[EventGroup]:
    """Consolidated events that could hold ``item``, with their reports: the same type, a
    span overlapping ``span``, and an actor in common by KB id or by country and sector.

    ``compatible`` needs actors in common by KB id, else by country and sector, so a
    consolidated event none of whose actors shares either with the event cannot hold it;
    leaving it out here saves loading its reports.
    """
    if span is None:
        return []
    table = tables["consolidated_events"]
    slack = timedelta(days=WINDOW_SLACK_DAYS)
    lo, hi = (span[0] - slack).isoformat(), (span[1] + slack).isoformat()
    rows = conn.execute(select(table.c.id, table.c.source_actors, table.c.target_actors)
                        .where(table.c.type == item.event.type, table.c.span_start <= hi,
                               table.c.span_end >= lo)
                        .order_by(table.c.id)).all()
    mine = _marks(item.source + item.target)
    ids = []
    for row in rows:
        theirs = [*json.loads(row.source_actors or "[]"), *json.loads(row.target_actors or "[]")]
        if mine & ({a["id"] for a in theirs}
                   | {_code(a["country"], a.get("sector")) for a in theirs if a.get("country")}):
            ids.append(row.id)
    groups.update(_reports(conn, tables, [i for i in ids if i not in groups], cache))
    return [EventGroup(i, list(groups[i])) for i in ids if groups.get(i)]


def _marks(actors) -> set[str]:
    """KB ids and country-and-sector codes of actors, to compare with a consolidated
    event's actors (whose id is their KB id when they have one)."""
    return ({a.kb_id for a in actors if a.kb_id}
            | {_code(a.country, a.sector) for a in actors if a.country})


def _code(country: str, sector: str | None) -> str:
    # The main sector only, as ``consolidate`` compares codes ("GOVMIL" is GOV).
    return f"code:{country}/{(sector or '')[:3]}"


def _reports_of(conn: Connection, tables, consolidated_id: str,
                cache: ReportCache | None = None) -> list[ReportedEvent]:
    """The reports (member events) of one consolidated event, in the order they joined."""
    return _reports(conn, tables, [consolidated_id], cache).get(consolidated_id, [])


def _reports(conn: Connection, tables, ids: list[str],
             cache: ReportCache | None = None) -> dict[str, list[ReportedEvent]]:
    """The reports of several consolidated events, each in the order they joined, read in a
    few queries whatever their number."""
    members = tables["consolidated_members"]
    rows = []
    for chunk in range(0, len(ids), CHUNK):
        rows.extend(conn.execute(
            select(members.c.consolidated_id, members.c.article_id, members.c.event_seq)
            .where(members.c.consolidated_id.in_(bindparam("ids", expanding=True)))
            .order_by(members.c.joined_at, members.c.article_id, members.c.event_seq),
            {"ids": ids[chunk:chunk + CHUNK]}).all())
    cache = cache if cache is not None else ReportCache()
    found = cache.read(conn, tables, {(r.article_id, r.event_seq) for r in rows})
    out: dict[str, list[ReportedEvent]] = {i: [] for i in ids}
    for r in rows:
        if (r.article_id, r.event_seq) in found:
            out.setdefault(r.consolidated_id, []).append(found[(r.article_id, r.event_seq)])
    return out


def _distance(span: tuple[date, date] | None, reports: list[ReportedEvent]) -> int:
    spans = [s for s in (event_span(r) for r in reports) if s is not None]
    if span is None or not spans:
        return 0
    return min(abs((span[0] - s[0]).days) for s in spans)


def _found(conn: Connection, tables, group: EventGroup) -> str:
    """A row for a new consolidated event (``refresh`` fills it in); its id."""
    table = tables["consolidated_events"]
    consolidated_id, n = group.id, 1
    # The id hashes the article version and the event, so it is taken only when this version
    # founded an event before, lost it to a newer version and came back: number the new one.
    while conn.execute(select(table.c.id).where(table.c.id == consolidated_id)).first():
        n += 1
        consolidated_id = f"{group.id}_{n}"
    first = group.members[0].event
    stamp = _now()
    conn.execute(table.insert().values(
        id=consolidated_id, type=first.type, negated=first.negated,
        hypothetical=first.hypothetical, future=first.future, historical=first.historical,
        flagged=False, quad_class=first.quad_class, intensity=first.intensity,
        source_actors="[]", target_actors="[]", reports=0, created_at=stamp, updated_at=stamp))
    return consolidated_id


def refresh(conn: Connection, tables, consolidated_id: str,
            reports: list[ReportedEvent] | None = None, *,
            cache: ReportCache | None = None) -> None:
    """Rebuild one consolidated event from its reports (read when not given, in the order
    they joined); delete it when none is left."""
    table = tables["consolidated_events"]
    if reports is None:
        reports = _reports_of(conn, tables, consolidated_id, cache)
    if not reports:
        conn.execute(delete(table).where(table.c.id == consolidated_id))
        return
    values = consolidated_row(EventGroup(consolidated_id, reports), reports)
    current = conn.execute(select(table).where(table.c.id == consolidated_id)).first()
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return  # nothing changed: leave updated_at alone
    conn.execute(update(table).where(table.c.id == consolidated_id)
                 .values(updated_at=_now(), **values))


def consolidated_row(group: EventGroup, reports: list[ReportedEvent]) -> dict:
    """The ``consolidated_events`` columns for a group: what ``EventGroup.consolidated``
    says, and the span of days covering every report."""
    event = group.consolidated()
    spans = [s for s in (event_span(r) for r in reports) if s is not None]
    flags = {name: getattr(event, name)
             for name in ("negated", "hypothetical", "future", "historical")}
    return {
        "type": event.type, "mode": event.mode, "date": event.date,
        "date_granularity": event.date_granularity,
        "span_start": min(s[0] for s in spans).isoformat() if spans else None,
        "span_end": max(s[1] for s in spans).isoformat() if spans else None,
        "location_name": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        **flags, "flagged": any(flags.values()),
        "quad_class": event.quad_class, "intensity": float(event.intensity),
        "source_actors": _actors_json(event.source), "target_actors": _actors_json(event.target),
        "reports": len(event.sources),
    }


def _actors_json(actors) -> str:
    return json.dumps([{"id": a.id, "name": a.name, "country": a.country, "sector": a.sector}
                       for a in actors], ensure_ascii=False)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")
