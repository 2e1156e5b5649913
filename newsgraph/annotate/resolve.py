"""Resolution: an actor's country, sector, kind, knowledge-base id and roles, on a date.

For an actor the knowledge base knows, the position it held on the article's date decides
(Putin is prime minister in 2009 and president in 2022); when the knowledge base has no
position then, the roles read from the text decide; an unknown person with a role in the text
gets the role's codes and no ``kb_id``. What cannot be decided stays None, never guessed.

``resolve_phrase`` does the same for a phrase on its own (``newsgraph actor``):

>>> resolve_phrase("the president of the United States", date="2025-09-04").name
'Donald Trump'
"""

from __future__ import annotations

import re

from newsgraph.annotate.actor_lexicon import leading_determiners, lexicon
from newsgraph.annotate.linking import Draft
from newsgraph.errors import UsageError
from newsgraph.kb.entries import date_sort_key
from newsgraph.kb.names import name_key
from newsgraph.model import Actor

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
_SURNAMES: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}


def day_of(date: str | None) -> str | None:
    """The date part of ``date`` ("2025-09-04T10:00Z" -> "2025-09-04"), or None.

    >>> day_of("2025-09-04 20:30:26Z"), day_of(None)
    ('2025-09-04', None)
    """
    if not date:
        return None
    match = _DATE.match(date.strip())
    return match.group(0) if match else None


def surname_index(kb) -> dict[str, tuple[str, ...]]:
    """First and last words of every person's name and aliases -> their KB ids (cached per KB)."""
    cached = _SURNAMES.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    index: dict[str, list[str]] = {}
    for entry in kb:
        if entry.kind != "person":
            continue
        for name in (entry.name, *entry.aliases):
            words = name_key(name).split()
            if len(words) < 2:
                continue
            for word in {words[0], words[-1]}:
                ids = index.setdefault(word, [])
                if entry.id not in ids:
                    ids.append(entry.id)
    frozen = {word: tuple(ids) for word, ids in index.items()}
    _SURNAMES[id(kb)] = (kb, frozen)
    return frozen


def person_by_surname(kb, word: str, date: str | None):
    """The one KB person whose name begins or ends with ``word`` (a name key); with a date,
    the one in office then, so a bare "Carter" in 2024 is not the former defence secretary.
    None when no one or several fit."""
    entries = [kb.by_id(i) for i in surname_index(kb).get(word, ())]
    if date:
        entries = [e for e in entries if kb.position_on(e, date) is not None]
    return entries[0] if len(entries) == 1 else None


def _text_codes(roles) -> tuple[str | None, str | None]:
    """(country, sector) the text's roles give: a current role's sector first, else ELI from
    a former office of state ("former President ..."); other former roles give no sector."""
    country = sector = None
    for role in roles:
        if country is None and role.country:
            country = role.country
        if sector is None and role.sector and not role.former:
            sector = role.sector
    if sector is None and any(r.former and r.sector == "ELI" for r in roles):
        sector = "ELI"
    return country, sector


def draft_codes(draft: Draft, kb, date: str | None) -> tuple[str | None, str | None]:
    """(country, sector) of an actor being built, on ``date``."""
    if draft.kb_id:
        entry = kb.by_id(draft.kb_id)
        if entry is not None:
            if entry.kind == "country":
                return entry.id.rpartition("/")[2], "GOV"
            period = kb.period_on(entry, day_of(date)) if entry.periods else None
            if period is not None:
                return period.country or entry.country, period.sector
            position = kb.position_on(entry, day_of(date)) if entry.positions else None
            if position is not None:
                if position.sector == "IGO":
                    # An international office: the person acts for the body, not for their
                    # country (NATO's secretary general has no country; the UN's is UNO).
                    return position.country, position.sector
                return position.country or entry.country, position.sector
            country, sector = _text_codes(draft.roles)
            if date is None or not entry.positions:
                return entry.country or country, entry.sector or sector
            # In office at no time on that date: the text's role, else a former official (ELI,
            # as CAMEO codes them), else what the entry says whatever the date (a
            # nationality); the sector of an office not held then would be a guess.
            return entry.country or country, sector or _former_sector(entry, day_of(date), kb)
    country, sector = _text_codes(draft.roles)
    return draft.country or country, draft.sector or sector


def _former_sector(entry, on: str, kb) -> str | None:
    """The sector of a person who holds no position on ``on``. An entry's own sector that is
    not an office of state is a lasting one (Musk is BUS before and after his government
    post; a rebel leader stays REB); otherwise someone whose office of state ended before
    then is ELI (CAMEO's elites take in former officials: Biden in 2025); someone not yet in
    office is not known (None).

    >>> from newsgraph.kb import load_kb
    >>> kb = load_kb()
    >>> _former_sector(kb.lookup("Joe Biden")[0], "2025-09-04", kb)
    'ELI'
    """
    if entry.sector and entry.sector not in kb.state_sectors:
        return entry.sector
    ended = [p for p in entry.positions
             if p.end is not None and not p.holds_on(on) and date_sort_key(p.end) <= on]
    if not ended:
        return None
    latest = max(ended, key=lambda p: date_sort_key(p.end))
    return "ELI" if latest.sector in kb.state_sectors else latest.sector


def draft_titles(draft: Draft, kb, date: str | None) -> list[str]:
    """The offices an actor holds on ``date`` (knowledge base) or is given by the text."""
    titles = []
    if draft.kb_id:
        entry = kb.by_id(draft.kb_id)
        if entry is not None and entry.positions:
            on = day_of(date)
            if on is None:
                held = [p for p in entry.positions if p.end is None]
                if not held:
                    latest = kb.position_on(entry, None)
                    held = [latest] if latest else []
            else:
                held = [p for p in entry.positions if p.holds_on(on)]
            titles.extend(p.title for p in held)
    titles.extend(r.title for r in draft.roles if r.title and not r.former)
    return titles


def to_actor(draft: Draft, actor_id: str, kb, date: str | None) -> Actor:
    """The frozen Actor of a finished draft."""
    country, sector = draft_codes(draft, kb, date)
    entry = kb.by_id(draft.kb_id) if draft.kb_id else None
    titles = []
    for title in draft_titles(draft, kb, date):
        if title not in titles:
            titles.append(title)
    if entry is not None:
        name, kind = entry.name, entry.kind
    elif draft.names:
        name = max(draft.names, key=lambda n: (len(n.split()), len(n)))
        kind = draft.kind
    elif draft.phrase:
        name, kind = draft.phrase, draft.kind
    else:
        name, kind = draft.agent_noun or draft.key.rpartition(":")[2], draft.kind
        if draft.country and draft.kind != "country":
            demonym = _demonym_of(kb, draft.country)
            name = f"{demonym} {name}" if demonym else name
    aliases = [n for n in draft.names if n != name]
    if entry is not None:
        aliases.extend(a for a in entry.aliases if a not in aliases and a != name)
    return Actor(id=actor_id, name=name, country=country, sector=sector or None, kind=kind,
                 kb_id=entry.id if entry else None, roles=tuple(titles), aliases=tuple(aliases))


def _demonym_of(kb, code: str) -> str | None:
    entry = kb.country(code)
    return entry.demonyms[0] if entry is not None and entry.demonyms else None


# ---- one phrase on its own -------------------------------------------------------------------


def resolve_phrase(text: str, date: str | None = None, kb=None, context: str | None = None) -> Actor:
    """Resolve a name or phrase to an actor with codes, as of ``date``.

    The phrase is annotated like a one-sentence article (or, with ``context``, the sentence it
    came from, and the actor of the mention that covers it is returned). A phrase nothing
    resolves gives an actor with ``country`` and ``sector`` None.

    >>> a = resolve_phrase("riot police")
    >>> (a.country, a.sector)
    (None, 'COP')
    """
    from newsgraph.annotate.actors import actor_for_span, actors_by_id, annotate_actors
    from newsgraph.annotate.nlp import parse_body
    from newsgraph.kb import load_kb

    if not isinstance(text, str) or not text.strip():
        raise UsageError("the phrase to resolve is empty", source="actor")
    if date is not None and day_of(date) is None:
        raise UsageError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD", source="actor")
    kb = kb if kb is not None else load_kb()
    phrase = " ".join(text.split())
    body = phrase
    at = 0
    if context:
        found = context.find(phrase)
        if found >= 0:
            body, at = context, found
    doc = parse_body(body)
    doc._.published = day_of(date)
    doc._.kb = kb
    annotate_actors(doc)
    by_id = actors_by_id(doc)
    actor_id = actor_for_span(doc, at, at + len(phrase))
    if actor_id is None and not context:
        actor_id = _covering(doc, at, at + len(phrase))
    # A place the model recognises ("South Bank") is no agent noun, whatever its words.
    place = any(ent.label_ in _PLACE_LABELS and ent.start_char <= at
                and ent.end_char >= at + len(phrase) for ent in doc.ents)
    if actor_id is not None:
        actor = by_id[actor_id]
        if actor.kb_id is None and actor.country is None and actor.sector is None:
            looked_up = _fallback(phrase, kb, day_of(date), place)
            if looked_up.country or looked_up.sector:
                return looked_up
        return Actor(id="a1", name=actor.name, country=actor.country, sector=actor.sector,
                     kind=actor.kind, kb_id=actor.kb_id, roles=actor.roles, aliases=actor.aliases)
    return _fallback(phrase, kb, day_of(date), place)


def _covering(doc, start: int, end: int) -> str | None:
    """The mention that covers the most of [start, end), head first on a tie."""
    best, best_len = None, 0
    for mention in doc._.ng_mentions or ():
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap > best_len:
            best, best_len = mention.actor_id, overlap
    return best


def _fallback(phrase: str, kb, date: str | None, place: bool = False) -> Actor:
    """Plain look-ups for what the annotator found nothing in: the whole phrase as a name, a
    country word, or a nationality followed by an agent noun, in lower case or not (not for
    a ``place``: "West Bank" is no bank)."""
    words = phrase.split()
    words = words[leading_determiners(words, lexicon().determiners):]
    rest = " ".join(words)
    entries = kb.lookup(rest)
    if not entries and len(words) == 1:
        from newsgraph.annotate.linking import Linker

        # A phrase on its own has no article to introduce the person: a surname unique in
        # the knowledge base is that person, whatever the date; else the one in office then.
        person = Linker(kb, None)._surname(name_key(rest)) or Linker(kb, date)._surname(name_key(rest))
        entries = [person] if person is not None else []
    if entries:
        entry = entries[0]
        draft = Draft(key=entry.id, kind=entry.kind, kb_id=entry.id)
        return to_actor(draft, "a1", kb, date)
    country = kb.demonym(rest)
    if country is None:
        entry = kb.country(rest)
        if entry is not None:
            code = entry.id.rpartition("/")[2]
            return Actor(id="a1", name=entry.name, country=code, sector="GOV", kind="country",
                         kb_id=entry.id)
    else:
        return Actor(id="a1", name=rest, country=country, sector=None, kind="group")
    if place:
        return Actor(id="a1", name=rest, kind="other")
    for cut in range(1, min(4, len(words))):
        code = kb.demonym(" ".join(words[:cut])) or None
        if code is None:
            continue
        agent = kb.agent(" ".join(words[cut:]).lower())
        if agent is not None:
            return Actor(id="a1", name=rest, country=code, sector=agent.sector,
                         kind=agent.kind, roles=(agent.title,) if agent.title else ())
    agent = kb.agent(rest.lower())
    if agent is not None:
        return Actor(id="a1", name=rest, country=None, sector=agent.sector, kind=agent.kind,
                     roles=(agent.title,) if agent.title else ())
    return Actor(id="a1", name=rest, kind="other")
