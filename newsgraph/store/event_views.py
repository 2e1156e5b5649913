"""Stored events as ``newsgraph.consolidate`` sees them: ``ReportedEvent``s rebuilt from rows.

A stored event is a row of ``events`` with its actors (``actors``) and its article
(``articles``); here it becomes the ``ReportedEvent`` (the event, its source and target
actors with KB ids and codes, the evidence, the article's metadata) that ``compatible``
compares and a consolidated event is built from. ``event_span`` gives the days it may fall
on, for the SQL window that finds candidates.
"""

from __future__ import annotations

import calendar
import json
import re
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection

from newsgraph.consolidate import DAYS_APART, ReportedEvent
from newsgraph.model import Actor, Event, Location

# One expanding parameter for a list of ids: SQLAlchemy then builds the query once, not one
# bound parameter per id (which dominated the cost of reading candidates on a busy day).
_IDS = bindparam("ids", expanding=True)
# Ids per IN (...) list: well under SQLite's limit on query parameters.
_CHUNK = 400
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})0s")


def date_span(value: str | None) -> tuple[date, date] | None:
    """The first and last day a date value ("2025-09-04", "2025-09", "2025", "1950s") covers.

    >>> date_span("2025-02")
    (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
    >>> date_span("yesterday") is None
    True
    """
    text = (value or "").strip()
    try:
        if m := _DAY.fullmatch(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.fullmatch(text):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.fullmatch(text):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _DECADE.fullmatch(text):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:  # "2025-02-30": not a day, so no span rather than a wrong one
        return None
    return None


def event_span(item: ReportedEvent) -> tuple[date, date] | None:
    """The days one reported event may fall on: its date's span; for an event whose date is
    unknown (or only its article's publication date), the days an undated report may join a
    dated one (``consolidate.DAYS_APART`` before publication, up to publication); None when
    neither is known."""
    if item.event.date_basis != "publication":
        span = date_span(item.event.date)
        if span is not None:
            return span
    day = date_span((item.published or "")[:10])
    if day is None:
        return None
    return day[0] - timedelta(days=DAYS_APART), day[1]


class ReportCache:
    """Reported events already read, by (article_id, seq): a stored event never changes
    (an article version's annotations are written once), so a long ingest reads each
    candidate's reports once instead of once per new event. Bounded; least recently used
    entries go first."""

    def __init__(self, size: int = 50_000):
        self.size = size
        self._items: OrderedDict[tuple[str, int], ReportedEvent] = OrderedDict()
        self._seqs: dict[str, set[int]] = {}  # article id -> its cached events

    def read(self, conn: Connection, tables,
             pairs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], ReportedEvent]:
        """The reported events for these (article_id, seq) pairs, read when not cached."""
        pairs = list(pairs)
        missing = {pair for pair in pairs if pair not in self._items}
        for start in range(0, len(missing), _CHUNK):
            part = set(sorted(missing)[start:start + _CHUNK])
            for key, item in load_events(conn, tables, {a for a, _ in part}, part).items():
                self._items[key] = item
                self._seqs.setdefault(key[0], set()).add(key[1])
        out = {}
        for pair in pairs:
            if pair in self._items:
                self._items.move_to_end(pair)
                out[pair] = self._items[pair]
        while len(self._items) > self.size:
            (article_id, seq), _ = self._items.popitem(last=False)
            self._seqs.get(article_id, set()).discard(seq)
        return out

    def __len__(self) -> int:
        return len(self._items)

    def forget(self, article_id: str | None = None) -> None:
        """Drop one article version's events (its annotations are being rewritten), or all."""
        if article_id is None:
            self._items.clear()
            return
        for seq in self._seqs.pop(article_id, ()):
            self._items.pop((article_id, seq), None)


def load_events(conn: Connection, tables, article_ids: Iterable[str],
                wanted: set[tuple[str, int]] | None = None) -> dict[tuple[str, int],
                                                                     ReportedEvent]:
    """The stored events of these articles (only the ``wanted`` (article_id, seq) pairs when
    given), keyed by (article_id, seq).

    Actors carry what consolidation compares (name, codes, kind, KB id); their roles and
    aliases are not read, which keeps this fast on the many candidates of a busy day.
    """
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    events, articles, actors = tables["events"], tables["articles"], tables["actors"]
    query = (select(events, articles.c.url, articles.c.site, articles.c.host, articles.c.title,
                    articles.c.published)
             .join(articles, articles.c.id == events.c.article_id)
             .order_by(events.c.article_id, events.c.seq))
    # One expanding IN over article ids, filtered here: a row-value IN over (article, seq)
    # pairs costs a bound parameter per pair to build, far more than the rows it saves.
    rows = [row for row in conn.execute(query.where(events.c.article_id.in_(_IDS)),
                                        {"ids": ids})
            if wanted is None or (row.article_id, row.seq) in wanted]
    needed = {(row.article_id, local) for row in rows
              for column in (row.source_actors, row.target_actors)
              for local in json.loads(column or "[]")}
    people: dict[tuple[str, str], Actor] = {}
    if needed:
        found = conn.execute(select(actors.c.article_id, actors.c.local_id, actors.c.name,
                                    actors.c.country, actors.c.sector, actors.c.kind,
                                    actors.c.kb_id)
                             .where(actors.c.article_id.in_(_IDS)),
                             {"ids": sorted({a for a, _ in needed})})
        for a in found:
            if (a.article_id, a.local_id) in needed:
                people[(a.article_id, a.local_id)] = Actor(a.local_id, a.name, a.country,
                                                           a.sector, a.kind, a.kb_id)
    return {(row.article_id, row.seq): _reported(row, people) for row in rows}


def _reported(row: Any, people: dict[tuple[str, str], Actor]) -> ReportedEvent:
    source = tuple(json.loads(row.source_actors or "[]"))
    target = tuple(json.loads(row.target_actors or "[]"))
    location = None
    if row.location_name is not None:
        location = Location(row.location_name, row.location_country, row.location_start,
                            row.location_end)
    event = Event(row.type, row.start_char, row.end_char, mode=row.mode, source=source,
                  target=target, date=row.date, date_granularity=row.date_granularity,
                  date_basis=row.date_basis, location=location, negated=bool(row.negated),
                  hypothetical=bool(row.hypothetical), future=bool(row.future),
                  historical=bool(row.historical), quad_class=row.quad_class,
                  intensity=float(row.intensity), pattern=row.pattern)

    def named(ids: tuple[str, ...]) -> tuple[Actor, ...]:
        # An id with no actor row (not written by the annotator) is left out, as
        # ``consolidate.reported_events`` does for an analysed article.
        return tuple(people[(row.article_id, i)] for i in dict.fromkeys(ids)
                     if (row.article_id, i) in people)

    return ReportedEvent(article_id=row.article_id, event=event, source=named(source),
                         target=named(target), evidence=row.evidence,
                         published=row.published, url=row.url, site=row.site or row.host,
                         title=row.title)
