"""Actors across stored articles: one row per real-world actor, with where it appears.

An actor row belongs to one article; across articles the same actor is recognised by its
*actor key*: its KB id when it has one, else "COUNTRY/SECTOR/name in lower case" (the id
``newsgraph.consolidate`` gives the actors of consolidated events, so ``newsgraph actors`` and
``newsgraph events`` name an actor the same way). Only current article versions count.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal, or_, select
from sqlalchemy.engine import Connection

from newsgraph.store.queries import check_limit, escape_like

# How many aliases and roles a listed actor shows at most (the commonest first).
MAX_LISTED_NAMES = 12


def actor_key_sql(actors):
    """The actor key as a SQL expression over the ``actors`` table (SQLite and PostgreSQL):
    the KB id when there is one, else "COUNTRY/SECTOR/name in lower case", with "-" for a
    missing code ("Q15031", "FRA/COP/riot police", "-/COP/riot police").

    SQLite's lower() folds ASCII letters only, so there a name without KB id that differs
    only in the case of a non-ASCII letter keeps its own key.
    """
    plain = (func.coalesce(actors.c.country, "-") + literal("/")
             + func.coalesce(actors.c.sector, "-") + literal("/") + func.lower(actors.c.name))
    return case((and_(actors.c.kb_id.is_not(None), actors.c.kb_id != ""), actors.c.kb_id),
                else_=plain)


def name_matches(query: str, names) -> bool:
    """Whether ``query`` is a whole word or run of words of one of ``names``, any case.

    >>> name_matches("xi", ["Xi Jinping"]), name_matches("Xi", ["Xinhua"])
    (True, False)
    """
    pattern = re.compile(r"(?<!\w)" + re.escape(" ".join(query.split())) + r"(?!\w)",
                         re.IGNORECASE)
    return any(name and pattern.search(" ".join(name.split())) for name in names)


def name_prefilter(query: str, *columns):
    """A SQL condition any row ``name_matches`` accepts also meets (substring, any case)."""
    pattern = "%" + escape_like(" ".join(query.split())) + "%"
    return or_(*(column.ilike(pattern, escape="\\") for column in columns))


def list_actors(conn: Connection, tables, *, name: str | None = None, country: str | None = None,
                sector: str | None = None, kind: str | None = None, limit: int | None = 50,
                offset: int = 0) -> list[dict[str, Any]]:
    """Actors of current articles grouped by their actor key, most articles first.

    ``name`` matches the actor's name or one of its aliases as whole words, any case (so
    "Xi" finds "Xi Jinping" but not "Xinhua"); ``country``, ``sector`` and ``kind`` keep the
    rows with that code, and the counts are over those rows.
    """
    check_limit(limit)
    actors, articles, mentions = tables["actors"], tables["articles"], tables["mentions"]
    key = actor_key_sql(actors)
    conditions = [articles.c.is_current.is_(True)]
    if country:
        conditions.append(func.upper(actors.c.country) == country.strip().upper())
    if sector:
        conditions.append(func.upper(actors.c.sector) == sector.strip().upper())
    if kind:
        conditions.append(func.lower(actors.c.kind) == kind.strip().lower())
    joined = actors.join(articles, articles.c.id == actors.c.article_id)
    if name and name.strip():
        keys = _keys_named(conn, joined, key, actors, conditions, name)
        if not keys:
            return []
        conditions.append(key.in_(keys))
    counts = (select(mentions.c.article_id, mentions.c.actor_id, func.count().label("n"))
              .group_by(mentions.c.article_id, mentions.c.actor_id).subquery())
    n_articles = func.count(distinct(actors.c.article_id))
    n_mentions = func.coalesce(func.sum(counts.c.n), 0)
    query = (select(key.label("key"), n_articles.label("articles"), n_mentions.label("mentions"),
                    func.min(articles.c.published).label("first_published"),
                    func.max(articles.c.published).label("last_published"))
             .select_from(joined.outerjoin(counts, and_(counts.c.article_id == actors.c.article_id,
                                                        counts.c.actor_id == actors.c.local_id)))
             .where(*conditions)
             .group_by(key)
             .order_by(n_articles.desc(), n_mentions.desc(), key)
             .offset(offset))
    if limit is not None:
        query = query.limit(limit)
    groups = conn.execute(query).all()
    if not groups:
        return []
    details = _details(conn, joined, key, actors, conditions, [g.key for g in groups])
    out = []
    for group in groups:
        record = details[group.key]
        record.update(articles=group.articles, mentions=int(group.mentions),
                      first_published=group.first_published, last_published=group.last_published)
        out.append(record)
    return out


def _keys_named(conn, joined, key, actors, conditions, name: str) -> list[str]:
    query = (select(key.label("key"), actors.c.name, actors.c.aliases).select_from(joined)
             .where(*conditions, name_prefilter(name, actors.c.name, actors.c.aliases)))
    found = []
    for row in conn.execute(query):
        if row.key not in found and name_matches(name, [row.name, *json_names(row.aliases)]):
            found.append(row.key)
    return found


def _details(conn, joined, key, actors, conditions, keys: list[str]) -> dict[str, dict]:
    """Name, codes, aliases and roles of each group: the commonest value of its rows."""
    query = (select(key.label("key"), actors.c.name, actors.c.country, actors.c.sector,
                    actors.c.kind, actors.c.kb_id, actors.c.roles, actors.c.aliases)
             .select_from(joined).where(*conditions, key.in_(keys)))
    tallies: dict[str, dict[str, Counter]] = {}
    for row in conn.execute(query):
        tally = tallies.setdefault(row.key, {f: Counter() for f in
                                             ("name", "country", "sector", "kind", "kb_id",
                                              "roles", "aliases")})
        for field in ("name", "country", "sector", "kind", "kb_id"):
            if getattr(row, field):
                tally[field][getattr(row, field)] += 1
        tally["roles"].update(json_names(row.roles))
        tally["aliases"].update(json_names(row.aliases))
    out = {}
    for group, tally in tallies.items():
        record: dict[str, Any] = {"key": group}
        for field in ("name", "country", "sector", "kind", "kb_id"):
            record[field] = _commonest(tally[field])
        record["aliases"] = [a for a, _ in tally["aliases"].most_common(MAX_LISTED_NAMES)
                             if a != record["name"]]
        record["roles"] = [r for r, _ in tally["roles"].most_common(MAX_LISTED_NAMES)]
        out[group] = record
    return out


def _commonest(counter: Counter):
    # Ties go to the value seen first, so the answer does not depend on hashing.
    return counter.most_common(1)[0][0] if counter else None


def json_names(text: str | None) -> list[str]:
    """The strings of a stored JSON list (aliases, roles); [] for anything else."""
    try:
        values = json.loads(text or "[]")
    except ValueError:
        return []
    return [v for v in values if isinstance(v, str)]
