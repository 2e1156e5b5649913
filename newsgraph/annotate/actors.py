"""The actor annotator: mentions found, linked and resolved, written to the Doc.

``annotate_actors(doc)`` reads ``doc._.kb`` (the knowledge base) and ``doc._.published``
(the date that decides who held which office) and writes ``doc._.ng_actors`` (list of
``model.Actor``, ids "a1", "a2", ... in order of first mention) and ``doc._.ng_mentions``
(list of ``model.Mention``, in text order). The later annotators (quotes, events) find the
actor of a span with ``actor_for_span``, the actors with ``actors_by_id``, and the last person
mentioned before a point with ``last_person_before``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.annotate.linking import Linker
from newsgraph.annotate.mentions import find_mentions
from newsgraph.annotate.resolve import day_of, to_actor
from newsgraph.model import Actor, Mention

__all__ = ["annotate_actors", "actor_for_country", "actor_for_span", "actors_by_id",
           "last_person_before"]

# doc.user_data key of the lookup table built by annotate_actors: mention spans widened to the
# title words read with them ("Chinese Foreign Ministry spokesperson Guo Jiakun").
_SPANS = "newsgraph.actor_spans"
_BY_ID = "newsgraph.actors_by_id"
_STARTS = "newsgraph.mention_starts"


def annotate_actors(doc: Doc, extra_texts: list[str] | None = None) -> Doc:
    """Find, link and resolve the actors of ``doc``; write them to its extensions.

    ``extra_texts`` (by default ``doc._.image_texts`` when that extension exists) are texts
    outside the body that still name the article's actors, such as image descriptions
    ("... and Japan's Prime Minister Shigeru Ishiba arrive at ..."): people and
    organisations named there become actors too, after the body's, linked to the body's
    actors where they are the same; they give no mentions, whose offsets are body offsets.
    """
    from newsgraph.kb import load_kb

    kb = doc._.kb if doc._.kb is not None else load_kb()
    date = day_of(doc._.published)
    candidates = find_mentions(doc, kb)
    sentence_of = _sentence_ordinals(doc)
    linker = Linker(kb, date)
    linker.link(candidates, lambda i: sentence_of[i])
    body_links = len(linker.links)
    if extra_texts is None and Doc.has_extension("image_texts"):
        extra_texts = doc._.image_texts
    for text in extra_texts or ():
        _link_extra(text, linker, kb)
    # A draft no mention was linked to (a person read only to find a government: "the
    # Trump administration") is no actor of the article.
    linked = {key for _, key in linker.links}
    drafts = [linker.drafts[key] for key in linker.order if key in linked]
    ids = {draft.key: f"a{n}" for n, draft in enumerate(drafts, 1)}
    actors = [to_actor(draft, ids[draft.key], kb, date) for draft in drafts]
    mentions: dict[tuple[int, int], Mention] = {}
    wide: list[tuple[int, int, int, str]] = []  # (start, end, name start, actor id)
    for cand, key in linker.links[:body_links]:
        actor_id = ids[key]
        mentions.setdefault((cand.start, cand.end), Mention(actor_id, cand.start, cand.end))
        start = cand.start
        if cand.role is not None and cand.role.tokens and cand.role.tokens[0] < cand.head:
            start = min(start, doc[cand.role.tokens[0]].idx)
        wide.append((start, cand.end, cand.start, actor_id))
    wide.sort()
    doc._.ng_actors = actors
    doc._.ng_mentions = [mentions[k] for k in sorted(mentions)]
    doc.user_data[_SPANS] = wide
    doc.user_data[_BY_ID] = {a.id: a for a in actors}
    doc.user_data[_STARTS] = [m.start for m in doc._.ng_mentions]
    return doc


def _link_extra(text: str, linker: Linker, kb) -> None:
    """Link the names of a text outside the body (people, organisations; no pronouns or role
    nouns, which need the body's context) into the article's actors."""
    from newsgraph.annotate.nlp import parse_body

    if not text or not text.strip():
        return
    extra = parse_body(text)
    names = [c for c in find_mentions(extra, kb) if c.source == "name"]
    base = 10**9  # after every body sentence, so no body pronoun can look into it
    linker.link(names, lambda i: base)


def _sentence_ordinals(doc: Doc) -> list[int]:
    ordinals = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return ordinals
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            ordinals[i] = n
    return ordinals


def actors_by_id(doc: Doc) -> dict[str, Actor]:
    """The doc's actors by id (after ``annotate_actors``)."""
    cached = doc.user_data.get(_BY_ID)
    if cached is None:
        cached = {a.id: a for a in doc._.ng_actors or ()}
    return cached


def actor_for_span(doc: Doc, start: int, end: int) -> str | None:
    """The actor id of the mention that covers or overlaps the characters [start, end).

    A person's title words count as part of their mention, so any piece of "Chinese Foreign
    Ministry spokesperson Guo Jiakun" gives the person. When several mentions overlap, a
    person wins, then the mention overlapping most, then the last one (the head of an
    English noun phrase comes last).
    """
    spans = doc.user_data.get(_SPANS)
    if not spans:
        return None
    by_id = actors_by_id(doc)
    # Mentions start in order; one that overlaps starts before ``end``. Titles make a mention
    # at most a sentence long, so looking back a bounded number of spans is enough.
    hi = bisect_left(spans, (end,))
    best, best_key = None, None
    for k in range(hi - 1, max(-1, hi - 64), -1):
        s, e, name_start, actor_id = spans[k]
        if e <= start:
            continue
        overlap = min(end, e) - max(start, s)
        if overlap <= 0 and not (start == end and s <= start < e):
            continue
        actor = by_id.get(actor_id)
        key = (actor is not None and actor.kind == "person", overlap, s)
        if best_key is None or key > best_key:
            best, best_key = actor_id, key
    return best


def last_person_before(doc: Doc, pos: int) -> str | None:
    """The actor id of the person mentioned most recently before character ``pos``."""
    mentions = doc._.ng_mentions or []
    by_id = actors_by_id(doc)
    starts = doc.user_data.get(_STARTS)
    if starts is None or len(starts) != len(mentions):
        starts = [m.start for m in mentions]
    for k in range(bisect_right(starts, pos - 1) - 1, -1, -1):
        mention = mentions[k]
        if mention.end > pos:
            continue
        actor = by_id.get(mention.actor_id)
        if actor is not None and actor.kind == "person":
            return actor.id
    return None


def actor_for_country(doc: Doc, code: str, *, create: bool = False) -> str | None:
    """The id of the government actor of country ``code`` (ISO3) in the doc.

    A country named only as a place ("Kim's visit to China") has no mention and so no actor;
    with ``create``, a later stage that needs it (an event's target) gets one added, with no
    mention, coded like any country actor.
    """
    by_id = actors_by_id(doc)
    for actor in by_id.values():
        if actor.kind == "country" and actor.country == code:
            return actor.id
    if not create:
        return None
    kb = doc._.kb
    if kb is None:
        from newsgraph.kb import load_kb

        kb = load_kb()
    entry = kb.country(code)
    if entry is None:
        return None
    return add_actor(doc, Actor(id="", name=entry.name, country=code, sector="GOV",
                                kind="country", kb_id=entry.id, aliases=tuple(entry.aliases)))


def add_actor(doc: Doc, actor: Actor) -> str:
    """Add ``actor`` to the doc's actors under a fresh id (its own is ignored); the new id.

    For later stages that find an actor the mentions did not give: a country named only as
    a place, or "farmers" acting across Poland, who are Polish farmers.
    """
    by_id = dict(actors_by_id(doc))
    number = len(by_id) + 1
    while f"a{number}" in by_id:
        number += 1
    actor = replace(actor, id=f"a{number}")
    doc._.ng_actors = [*(doc._.ng_actors or []), actor]
    by_id[actor.id] = actor
    doc.user_data[_BY_ID] = by_id
    return actor.id
