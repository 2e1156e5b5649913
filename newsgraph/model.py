"""The artefacts that flow between newsgraph's stages, as frozen dataclasses.

    RawDocument --extract--> Article --annotate--> AnalyzedArticle --store/consolidate--> ConsolidatedEvent

Annotations (mentions, quotes, events, dates) hold character offsets into ``Article.body``;
their text is read from the body when they are serialised, never copied around. Every artefact
records the version of the component that made it, so a stored result can be traced and re-run.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and dicts as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read from its source, before any extraction.

    Exactly one of ``data`` (bytes as read, possibly compressed or in any encoding) and ``text``
    (already decoded, for ``--text`` and JSONL input) is set.
    """

    source: str
    data: bytes | None = None
    text: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    content_type: str | None = None  # "text/html", "text/plain" or "text/markdown"; None: sniff
    published: str | None = None  # a publication date the caller knows (JSONL input, --published)
    title: str | None = None
    id: str | None = None  # an id the caller gives (JSONL input); the Article keeps it


@dataclass(frozen=True, slots=True)
class Image:
    """A picture in the article: what it shows, its caption and its credit line."""

    description: str | None = None
    caption: str | None = None
    credit: str | None = None
    src: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An extracted article: metadata and a clean body.

    ``body`` is the lead, paragraphs and subheadings joined by a blank line ("\\n\\n"), with
    no captions, credits, navigation or bios. Offsets used by later stages point into it.
    """

    id: str
    body: str
    source: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    title: str | None = None
    sections: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    published: str | None = None
    lead: str | None = None
    subheadings: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    description: str | None = None
    encoding: str | None = None
    content_hash: str = ""
    extractor: str = ""  # "<component>/<version>", e.g. "newsgraph.extract.html/0.1.0"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of an article (or a resolved phrase): who, with CAMEO/PLOVER codes.

    ``id`` is local to the article ("a1", "a2", ...); ``kb_id`` is the knowledge-base entry,
    when there is one. ``country`` is ISO 3166-1 alpha-3 (or UNO/EUR for those pseudo-actors).
    """

    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str = "other"  # person | organization | country | group | other
    kb_id: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the body that refers to an actor."""

    actor_id: str
    start: int
    end: int

    def to_dict(self, body: str) -> dict[str, Any]:
        return {"actor_id": self.actor_id, "start": self.start, "end": self.end,
                "text": body[self.start:self.end]}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to; ``start``/``end`` is the mention the speaker was found from."""

    name: str
    actor_id: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor_id": self.actor_id, "name": self.name, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Quote:
    kind: str  # direct | indirect | mixed
    start: int
    end: int
    speaker: Speaker | None = None
    cue: str | None = None
    channel: str | None = None

    def to_dict(self, body: str) -> dict[str, Any]:
        return {"kind": self.kind, "text": body[self.start:self.end], "start": self.start,
                "end": self.end, "speaker": self.speaker.to_dict() if self.speaker else None,
                "cue": self.cue, "channel": self.channel}


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in the body, resolved against the publication date.

    ``value`` is "YYYY-MM-DD", "YYYY-MM", "YYYY" or "YYYYs" (a decade), or None when it
    cannot be resolved (a relative date in an article with no publication date).
    """

    start: int
    end: int
    value: str | None
    granularity: str | None  # day | month | year | decade | None
    relative: bool = False

    def to_dict(self, body: str) -> dict[str, Any]:
        return {"text": body[self.start:self.end], "start": self.start, "end": self.end,
                "value": self.value, "granularity": self.granularity, "relative": self.relative}


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event reported by one sentence of the body."""

    type: str
    start: int  # evidence span
    end: int
    mode: str | None = None
    source: tuple[str, ...] = ()  # actor ids
    target: tuple[str, ...] = ()
    date: str | None = None
    date_granularity: str | None = None
    date_basis: str | None = None  # clause | sentence | publication | None: where the date came from
    location: Location | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    quad_class: int = 0
    intensity: float = 0.0
    pattern: str | None = None  # the pattern id that coded it, for tracing

    def to_dict(self, body: str) -> dict[str, Any]:
        return {
            "type": self.type, "mode": self.mode, "source": list(self.source),
            "target": list(self.target), "date": self.date,
            "date_granularity": self.date_granularity, "date_basis": self.date_basis,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated, "hypothetical": self.hypothetical, "future": self.future,
            "historical": self.historical, "quad_class": self.quad_class,
            "intensity": self.intensity, "pattern": self.pattern,
            "evidence": {"start": self.start, "end": self.end, "text": body[self.start:self.end]},
        }


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An Article with its annotations. ``components`` maps each annotator to its version;
    ``not_annotated`` says why an article was left without annotations (its body is not in
    English, the language the annotators read), else None."""

    article: Article
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[DateExpression, ...] = ()
    components: dict[str, str] = field(default_factory=dict)
    not_annotated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        body = self.article.body
        out = self.article.to_dict()
        out["actors"] = [a.to_dict() for a in self.actors]
        out["mentions"] = [m.to_dict(body) for m in self.mentions]
        out["quotes"] = [q.to_dict(body) for q in self.quotes]
        out["events"] = [e.to_dict(body) for e in self.events]
        out["dates"] = [d.to_dict(body) for d in self.dates]
        out["components"] = dict(self.components)
        out["not_annotated"] = self.not_annotated
        return out


@dataclass(frozen=True, slots=True)
class EventSource:
    """One article that reports a consolidated event, with its evidence sentence."""

    article_id: str
    evidence: str
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class EventActor:
    id: str
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class ConsolidatedEvent:
    """One real-world event, however many articles report it."""

    id: str
    type: str
    mode: str | None
    source: tuple[EventActor, ...]
    target: tuple[EventActor, ...]
    date: str | None
    date_granularity: str | None
    location: Location | None
    negated: bool
    hypothetical: bool
    future: bool
    historical: bool
    quad_class: int
    intensity: float
    sources: tuple[EventSource, ...]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}
