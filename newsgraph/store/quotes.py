"""Quotes across stored articles, with their speaker's actor, their sentence and their article.

Analysts search quotes by speaker first ("what has the Chinese foreign ministry said?"), so
``--speaker`` matches the speaker's name as written or any name of the actor it resolved to.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from newsgraph.store.actors import json_names, name_matches, name_prefilter
from newsgraph.store.queries import check_date, check_limit, escape_like, published_between

# A sentence ends at . ! or ? (then any closing quotation marks or brackets) followed by
# white space and a capital, a digit or an opening mark; a paragraph break ends one too.
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[A-Z0-9])|\n\s*\n")
# A single capital before a full stop is an initial or part of "U.S.", not a sentence end.
_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.$")
# The longest sentence shown: a run-on "sentence" is cut around the quote rather than printed
# whole.
MAX_SENTENCE_CHARS = 1200


def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding body[start:end], by a simple punctuation rule.

    >>> body = 'Talks ended. "We agreed," Guo said on Thursday. Then it rained.'
    >>> s, e = sentence_bounds(body, 14, 23)
    >>> body[s:e]
    '"We agreed," Guo said on Thursday.'
    """
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    half = MAX_SENTENCE_CHARS // 2
    left = max(0, start - half)
    # The search runs a little past ``start`` so the look-ahead sees the quote's first letter.
    for match in _SENTENCE_END.finditer(body, left, min(len(body), start + 8)):
        if match.end() <= start and _is_end(body, match):
            left = match.end()
    while left < start and body[left].isspace():
        left += 1
    if _quote_ends_sentence(body, start, end):
        right = end
    else:
        right = len(body)  # the last sentence of the body has nothing after it
        for match in _SENTENCE_END.finditer(body, end, min(len(body), end + half)):
            if _is_end(body, match):
                right = match.start() if match.group().startswith("\n") else match.end()
                break
        else:
            right = min(right, end + half)
    while right < len(body) and body[right] in _CLOSERS and body[right - 1] in "!?." + _CLOSERS:
        right += 1
    return left, max(right, end)


def _is_end(body: str, match: re.Match) -> bool:
    if not match.group().startswith("."):
        return True
    return not _INITIAL.search(body[max(0, match.start() - 2):match.start() + 1])


def _quote_ends_sentence(body: str, start: int, end: int) -> bool:
    """A quote whose own text ends with . ! or ? (then closing marks) ends its sentence."""
    text = body[start:end].rstrip(_CLOSERS)
    after = body[end:end + 1]
    return bool(text) and text[-1] in ".!?" and (not after or after.isspace()
                                                   or after in _CLOSERS)


def list_quotes(conn: Connection, tables, *, speaker: str | None = None,
                country: str | None = None, contains: str | None = None,
                since: str | None = None, until: str | None = None, limit: int | None = 50,
                offset: int = 0) -> list[dict[str, Any]]:
    """Quotes of current articles, newest article first, then in body order.

    ``speaker`` matches the speaker's name or any name of its actor as whole words, any case;
    ``country`` is the speaker actor's country; ``contains`` searches the quote's text;
    ``since``/``until`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) the article's publication.
    """
    check_limit(limit)
    since, until = check_date(since, "--from"), check_date(until, "--to")
    quotes, articles, actors = tables["quotes"], tables["articles"], tables["actors"]
    conditions = [articles.c.is_current.is_(True),
                  *published_between(articles.c.published, since, until)]
    if country:
        conditions.append(func.upper(actors.c.country) == country.strip().upper())
    if contains:
        conditions.append(quotes.c.text.ilike("%" + escape_like(contains) + "%", escape="\\"))
    wanted = " ".join((speaker or "").split())
    if wanted:
        conditions.append(name_prefilter(wanted, quotes.c.speaker_name, actors.c.name,
                                         actors.c.aliases))
    query = (select(quotes, actors.c.name.label("actor_name"), actors.c.country,
                    actors.c.sector, actors.c.kind.label("actor_kind"), actors.c.kb_id,
                    actors.c.aliases, articles.c.title, articles.c.url, articles.c.site,
                    articles.c.host, articles.c.published)
             .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id)
                          .outerjoin(actors, and_(actors.c.article_id == quotes.c.article_id,
                                                  actors.c.local_id == quotes.c.speaker_actor_id)))
             .where(*conditions)
             .order_by(articles.c.published.desc().nulls_last(), articles.c.id, quotes.c.seq))
    if not wanted:
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query).all()
    else:
        rows = _speaker_rows(conn.execute(query), wanted, limit, offset)
    bodies = _bodies(conn, articles, {row.article_id for row in rows})
    return [_quote_record(row, bodies[row.article_id]) for row in rows]


def _speaker_rows(result, wanted: str, limit: int | None, offset: int) -> list:
    rows, skipped = [], 0
    for row in result:
        if not name_matches(wanted, [row.speaker_name, row.actor_name, *json_names(row.aliases)]):
            continue
        if skipped < offset:
            skipped += 1
            continue
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def _bodies(conn: Connection, articles, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = conn.execute(select(articles.c.id, articles.c.body).where(articles.c.id.in_(ids)))
    return {row.id: row.body for row in rows}


def _quote_record(row, body: str) -> dict[str, Any]:
    left, right = sentence_bounds(body, row.start_char, row.end_char)
    speaker = None
    if row.speaker_name is not None:
        speaker = {"name": row.speaker_name, "actor_id": row.speaker_actor_id,
                   "actor_name": row.actor_name, "country": row.country, "sector": row.sector,
                   "kind": row.actor_kind, "kb_id": row.kb_id,
                   "start": row.speaker_start, "end": row.speaker_end}
    return {
        "article_id": row.article_id, "seq": row.seq, "kind": row.kind, "text": row.text,
        "start": row.start_char, "end": row.end_char, "speaker": speaker, "cue": row.cue,
        "channel": row.channel,
        "sentence": {"start": left, "end": right, "text": body[left:right]},
        "article": {"id": row.article_id, "title": row.title, "url": row.url,
                    "site": row.site or row.host, "published": row.published},
    }
