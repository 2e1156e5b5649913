"""Artefacts to table rows and stored rows back to the JSON shapes of DESIGN.md.

Writing: an ``Article`` becomes one ``articles`` row; an ``AnalyzedArticle``'s annotations
become rows of ``actors``, ``mentions``, ``quotes``, ``events`` (+ ``event_actors``), ``dates``
and ``components``. Reading gives the same dicts ``AnalyzedArticle.to_dict()`` gives, so what
comes out of the database reads like what ``newsgraph analyze`` prints.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from newsgraph.model import AnalyzedArticle, Article

# Article fields stored as JSON text.
LIST_FIELDS = ("sections", "categories", "tags", "authors", "agencies", "editors",
               "subheadings", "images")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str | None) -> str | None:
    """The URL that identifies a page: scheme and host lower-cased, no default port, no fragment.

    >>> canonical_url("HTTPS://www.Example.org:443/a/b?x=1#top")
    'https://www.example.org/a/b?x=1'
    """
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a malformed port: keep the URL as written
        return url.strip()
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def url_host(url: str | None) -> str | None:
    """The host of a URL without a leading "www.", for ``--site`` filters."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def canonical_key(article: Article, source: str | None) -> str:
    """The identity of a page across ingests: its canonical URL, else its resolved path."""
    url = canonical_url(article.url)
    if url:
        return url
    from pathlib import Path

    where = source or article.source or article.id
    try:
        return str(Path(where).resolve())
    except (OSError, ValueError):  # not a path (an id from JSON input)
        return where


def article_row(article: Article) -> dict[str, Any]:
    """The ``articles`` columns that come from the Article itself."""
    row: dict[str, Any] = {
        "id": article.id, "content_hash": article.content_hash, "source": article.source,
        "url": article.url, "host": url_host(article.url), "site": article.site,
        "language": article.language, "title": article.title, "published": article.published,
        "lead": article.lead, "description": article.description, "encoding": article.encoding,
        "body": article.body, "extractor": article.extractor,
    }
    data = article.to_dict()
    for name in LIST_FIELDS:
        row[name] = json.dumps(data[name], ensure_ascii=False)
    return row


def annotation_rows(result: AnalyzedArticle) -> dict[str, list[dict[str, Any]]]:
    """Rows for each annotation table, keyed by table name (``article_id`` included)."""
    art = result.article.id
    body = result.article.body
    rows: dict[str, list[dict[str, Any]]] = {
        "components": [{"article_id": art, "component": name, "version": str(version)}
                       for name, version in sorted(result.components.items())],
        "actors": [{"article_id": art, "local_id": a.id, "name": a.name, "country": a.country,
                    "sector": a.sector, "kind": a.kind, "kb_id": a.kb_id,
                    "roles": _json(a.roles), "aliases": _json(a.aliases)} for a in result.actors],
        "mentions": [{"article_id": art, "seq": i, "actor_id": m.actor_id,
                      "start_char": m.start, "end_char": m.end, "text": body[m.start:m.end]}
                     for i, m in enumerate(result.mentions)],
        "quotes": [], "events": [], "event_actors": [],
        "dates": [{"article_id": art, "seq": i, "start_char": d.start, "end_char": d.end,
                   "text": body[d.start:d.end], "value": d.value,
                   "granularity": d.granularity, "relative": d.relative}
                  for i, d in enumerate(result.dates)],
    }
    for i, q in enumerate(result.quotes):
        speaker = q.speaker
        rows["quotes"].append({
            "article_id": art, "seq": i, "kind": q.kind, "start_char": q.start,
            "end_char": q.end, "text": body[q.start:q.end],
            "speaker_name": speaker.name if speaker else None,
            "speaker_actor_id": speaker.actor_id if speaker else None,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None, "cue": q.cue, "channel": q.channel})
    for i, e in enumerate(result.events):
        loc = e.location
        rows["events"].append({
            "article_id": art, "seq": i, "type": e.type, "mode": e.mode,
            "source_actors": _json(e.source), "target_actors": _json(e.target),
            "date": e.date, "date_granularity": e.date_granularity, "date_basis": e.date_basis,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "location_start": loc.start if loc else None, "location_end": loc.end if loc else None,
            "negated": e.negated, "hypothetical": e.hypothetical, "future": e.future,
            "historical": e.historical, "quad_class": e.quad_class,
            "intensity": float(e.intensity), "pattern": e.pattern,
            "start_char": e.start, "end_char": e.end, "evidence": body[e.start:e.end]})
        for role, ids in (("source", e.source), ("target", e.target)):
            for actor_id in dict.fromkeys(ids):
                rows["event_actors"].append({"article_id": art, "event_seq": i, "role": role,
                                             "actor_id": actor_id})
    return rows


def article_dict(row: Any, *, body: bool = True) -> dict[str, Any]:
    """An ``articles`` row as the Article JSON shape, plus its storage fields."""
    data = dict(row._mapping) if hasattr(row, "_mapping") else dict(row)
    for name in LIST_FIELDS:
        if name in data:
            data[name] = json.loads(data[name] or "[]")
    if "is_current" in data:
        data["current"] = bool(data.pop("is_current"))
    if "analyzed" in data:
        data["analyzed"] = bool(data["analyzed"])
    if not body:
        data.pop("body", None)
    return data


def annotations_dict(tables: dict[str, list[Any]]) -> dict[str, Any]:
    """Stored annotation rows (by table) as the AnalyzedArticle JSON lists."""
    def plain(rows):
        return [dict(r._mapping) for r in sorted(rows, key=_order)]

    out: dict[str, Any] = {}
    out["actors"] = [{"id": r["local_id"], "name": r["name"], "country": r["country"],
                      "sector": r["sector"], "kind": r["kind"], "kb_id": r["kb_id"],
                      "roles": json.loads(r["roles"]), "aliases": json.loads(r["aliases"])}
                     for r in plain(tables["actors"])]
    out["mentions"] = [{"actor_id": r["actor_id"], "start": r["start_char"],
                        "end": r["end_char"], "text": r["text"]} for r in plain(tables["mentions"])]
    out["quotes"] = [{
        "kind": r["kind"], "text": r["text"], "start": r["start_char"], "end": r["end_char"],
        "speaker": None if r["speaker_name"] is None else {
            "actor_id": r["speaker_actor_id"], "name": r["speaker_name"],
            "start": r["speaker_start"], "end": r["speaker_end"]},
        "cue": r["cue"], "channel": r["channel"]} for r in plain(tables["quotes"])]
    out["events"] = [{
        "type": r["type"], "mode": r["mode"], "source": json.loads(r["source_actors"]),
        "target": json.loads(r["target_actors"]), "date": r["date"],
        "date_granularity": r["date_granularity"], "date_basis": r["date_basis"],
        "location": None if r["location_name"] is None else {
            "name": r["location_name"], "country": r["location_country"],
            "start": r["location_start"], "end": r["location_end"]},
        "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"]),
        "future": bool(r["future"]), "historical": bool(r["historical"]),
        "quad_class": r["quad_class"], "intensity": r["intensity"], "pattern": r["pattern"],
        "evidence": {"start": r["start_char"], "end": r["end_char"], "text": r["evidence"]},
    } for r in plain(tables["events"])]
    out["dates"] = [{"text": r["text"], "start": r["start_char"], "end": r["end_char"],
                     "value": r["value"], "granularity": r["granularity"],
                     "relative": bool(r["relative"])} for r in plain(tables["dates"])]
    out["components"] = {r["component"]: r["version"] for r in plain(tables["components"])}
    return out


def _order(row: Any) -> tuple:
    mapping = row._mapping
    local = mapping.get("local_id") or ""
    # Local ids are "a1", "a2", ... "a10": shorter first keeps their numeric order.
    return (mapping.get("seq", 0), len(local), local, mapping.get("component") or "")


def _json(values) -> str:
    return json.dumps(list(values), ensure_ascii=False)
