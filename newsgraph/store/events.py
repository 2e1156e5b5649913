"""Reading consolidated events: each real-world event once, with every article reporting it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from newsgraph.model import ConsolidatedEvent, EventActor, EventSource, Location
from newsgraph.store.actors import json_names, name_matches, name_prefilter
from newsgraph.store.event_views import date_span
from newsgraph.store.queries import check_date, check_limit


def list_events(conn: Connection, tables, *, actor: str | None = None,
                country: str | None = None, type: str | None = None, quad: int | None = None,
                since: str | None = None, until: str | None = None,
                include_flagged: bool = False, limit: int | None = 50,
                offset: int = 0) -> list[ConsolidatedEvent]:
    """Consolidated events matching the filters, latest first, then the most reported.

    ``actor`` matches a source or target actor's name or alias (whole words, any case);
    ``country`` a source or target actor's country; ``type`` the PLOVER type; ``quad`` the
    quad class; ``since``/``until`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) keep events
    whose span of days overlaps that period (an undated event spans the few days before its
    reports' publication, see ``event_views.event_span``). Negated, hypothetical, future and historical events are left out unless
    ``include_flagged``.
    """
    from newsgraph.errors import UsageError

    check_limit(limit)
    since, until = check_date(since, "--from"), check_date(until, "--to")
    table = tables["consolidated_events"]
    conditions = []
    if not include_flagged:
        conditions.append(table.c.flagged.is_(False))
    if type:
        conditions.append(table.c.type == type.strip().upper())
    if quad is not None:
        if quad not in (1, 2, 3, 4):
            raise UsageError(f"the quad class is 1, 2, 3 or 4, not {quad}", source="--quad")
        conditions.append(table.c.quad_class == quad)
    if since:
        conditions.append(table.c.span_end >= date_span(since)[0].isoformat())
    if until:
        conditions.append(table.c.span_start <= date_span(until)[1].isoformat())
    if country or (actor and actor.strip()):
        ids = _ids_with_actor(conn, tables, actor, country)
        if not ids:
            return []
        conditions.append(table.c.id.in_(ids))
    query = (select(table).where(and_(True, *conditions))
             .order_by(table.c.span_end.desc().nulls_last(), table.c.reports.desc(), table.c.id)
             .offset(offset))
    if limit is not None:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    sources = _sources(conn, tables, [row.id for row in rows])
    return [_event(row, sources.get(row.id, ())) for row in rows]


def get_event(conn: Connection, tables, consolidated_id: str) -> dict[str, Any] | None:
    """One consolidated event with, for each report, why it joined, and the near-matches
    kept apart with the reason; None when there is no such event."""
    table = tables["consolidated_events"]
    row = conn.execute(select(table).where(table.c.id == consolidated_id)).first()
    if row is None:
        return None
    out = _event(row, _sources(conn, tables, [row.id]).get(row.id, ())).to_dict()
    members, apart = tables["consolidated_members"], tables["consolidated_kept_apart"]
    out["members"] = [dict(r._mapping) for r in conn.execute(
        select(members.c.article_id, members.c.event_seq, members.c.reason, members.c.joined_at)
        .where(members.c.consolidated_id == row.id)
        .order_by(members.c.joined_at, members.c.article_id, members.c.event_seq))]
    out["kept_apart"] = [dict(r._mapping) for r in conn.execute(
        select(apart.c.article_id, apart.c.event_seq, apart.c.reason)
        .where(apart.c.consolidated_id == row.id)
        .order_by(apart.c.article_id, apart.c.event_seq))]
    return out


def _ids_with_actor(conn: Connection, tables, actor: str | None,
                    country: str | None) -> list[str]:
    """Consolidated events with a member event whose actor matches the name and country."""
    members, roles, actors = (tables["consolidated_members"], tables["event_actors"],
                              tables["actors"])
    conditions = []
    if country:
        conditions.append(func.upper(actors.c.country) == country.strip().upper())
    wanted = " ".join((actor or "").split())
    if wanted:
        conditions.append(name_prefilter(wanted, actors.c.name, actors.c.aliases))
    query = (select(members.c.consolidated_id, actors.c.name, actors.c.aliases)
             .select_from(members
                          .join(roles, and_(roles.c.article_id == members.c.article_id,
                                            roles.c.event_seq == members.c.event_seq))
                          .join(actors, and_(actors.c.article_id == roles.c.article_id,
                                             actors.c.local_id == roles.c.actor_id)))
             .where(*conditions))
    found: dict[str, None] = {}
    for row in conn.execute(query):
        if row.consolidated_id in found:
            continue
        if not wanted or name_matches(wanted, [row.name, *json_names(row.aliases)]):
            found[row.consolidated_id] = None
    return list(found)


def _sources(conn: Connection, tables, ids: list[str]) -> dict[str, list[EventSource]]:
    """Every article reporting each event (once, with its first evidence), earliest first."""
    if not ids:
        return {}
    members, events, articles = (tables["consolidated_members"], tables["events"],
                                 tables["articles"])
    query = (select(members.c.consolidated_id, articles.c.id, articles.c.url, articles.c.site,
                    articles.c.host, articles.c.title, articles.c.published, events.c.evidence)
             .select_from(members
                          .join(events, and_(events.c.article_id == members.c.article_id,
                                             events.c.seq == members.c.event_seq))
                          .join(articles, articles.c.id == members.c.article_id))
             .where(members.c.consolidated_id.in_(ids))
             .order_by(members.c.consolidated_id, articles.c.published.nulls_last(),
                       articles.c.id, members.c.event_seq))
    out: dict[str, list[EventSource]] = {}
    for row in conn.execute(query):
        listed = out.setdefault(row.consolidated_id, [])
        if all(s.article_id != row.id for s in listed):
            listed.append(EventSource(row.id, row.evidence, row.url, row.site or row.host,
                                      row.title, row.published))
    return out


def _event(row: Any, sources) -> ConsolidatedEvent:
    location = None
    if row.location_name is not None:
        location = Location(row.location_name, row.location_country)
    return ConsolidatedEvent(
        id=row.id, type=row.type, mode=row.mode, source=_actors(row.source_actors),
        target=_actors(row.target_actors), date=row.date,
        date_granularity=row.date_granularity, location=location, negated=bool(row.negated),
        hypothetical=bool(row.hypothetical), future=bool(row.future),
        historical=bool(row.historical), quad_class=row.quad_class,
        intensity=float(row.intensity), sources=tuple(sources))


def _actors(text: str) -> tuple[EventActor, ...]:
    return tuple(EventActor(a["id"], a["name"], a.get("country"), a.get("sector"))
                 for a in json.loads(text or "[]"))
