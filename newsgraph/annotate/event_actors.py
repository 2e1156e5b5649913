"""Finding the actors of an event in the parse: subjects, objects, speakers, hosts.

The event coder (``annotate.events``) asks this module who is in a noun phrase ("Xi and Kim":
both; "Chinese President Xi Jinping": Xi, not China), who the subject of a clause is when
its verb has none of its own ("plans to visit", "is expected to meet", "Kim, who met"), who
is reported to say something (the quote's speaker, else the subject of the verb of speech),
which actors sit in a dependency slot ("on Russia", "with Kim"), and who hosts a visit (an
actor of the country of the place visited).

An actor the article gives no country can get one from the event's own words: "farmers"
blocking roads across Poland are Polish farmers (``localized_actor`` adds that copy of the
"farmers" actor), and "Israeli airstrikes" act for Israel (``nationality_actors``). A place named before a noun
("the Gaza offensive") is where the act happens, never who does it (``place_modifier``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from newsgraph.annotate.actors import actor_for_country, actor_for_span, actors_by_id, add_actor
from newsgraph.annotate.doc_text import doc_text
from newsgraph.annotate.event_patterns import PatternSet, load_patterns
from newsgraph.annotate.places import gazetteer, normalise
from newsgraph.model import Location

__all__ = ["EventContext", "build_context", "clause_source", "co_actors", "country_actor", "host_actor",
           "localized_actor", "modifier_actors", "nationality_actors", "place_modifier",
           "next_actor", "phrase_actors", "slot_actors", "speaker_at", "speaker_of",
           "speech_ancestor", "subject_of", "agent_of", "unique"]

_SUBJECTS = ("nsubj", "csubj")
# Dependants that are part of a noun phrase's own words (not a clause or a place in it).
_PHRASE = {"compound", "amod", "poss", "nmod", "flat", "appos", "det", "nummod", "npadvmod"}
_OWN_PREPS = {"of", "from", "for"}
# Clause links through which a verb without a subject takes its governor's subject.
_INHERIT = {"xcomp", "conj", "advcl", "acomp", "pcomp", "ccomp"}
# Verbs whose complement describes their subject ("was the first to", "is among those who").
_COPULAS = {"be", "become", "remain"}
_MAX_CLIMB = 5


@dataclass
class EventContext:
    """What one document's annotators found, indexed for the event coder."""

    doc: object
    patterns: PatternSet
    actors: dict
    token_actor: dict
    quotes: list  # (start, end, speaker actor id | None)
    dates: list
    places: list
    published: str | None
    text: str = ""  # the body, read once (Doc.text joins every token on each access)
    # (actor id, country) -> id of the actor with that country ("farmers" acting in Poland)
    localized: dict = field(default_factory=dict)


def build_context(doc) -> EventContext:
    actors = {a.id: a for a in doc._.ng_actors or ()}
    quotes = []
    for quote in doc._.ng_quotes or ():
        speaker = quote.speaker.actor_id if quote.speaker else None
        quotes.append((quote.start, quote.end, speaker))
    return EventContext(doc=doc, patterns=load_patterns(), actors=actors,
                    token_actor=token_actors(doc), quotes=quotes,
                    dates=list(doc._.ng_dates or ()), places=list(doc._.ng_places or ()),
                    published=doc._.published, text=doc_text(doc))


def token_actors(doc) -> dict[int, str]:
    """Token index -> actor id, for the tokens a mention (with its title words) covers."""
    out: dict[int, str] = {}
    for mention in doc._.ng_mentions or ():
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            out.setdefault(token.i, mention.actor_id)
    if doc.user_data.get("newsgraph.actor_spans"):
        for start, end, _name, actor_id in doc.user_data["newsgraph.actor_spans"]:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if token.i not in out:
                    out[token.i] = actor_for_span(doc, token.idx, token.idx + len(token)) \
                        or actor_id
    return out


def phrase_actors(token, ctx: EventContext, depth: int = 0) -> list[str]:
    """The actors a noun phrase names: its head's, else its modifiers'; conjuncts each."""
    found: list[str] = []
    members = [token]
    if token.dep_ != "conj":  # "China, Russia and Iran": every conjunct of the phrase
        members += [t for t in token.conjuncts if t.i > token.i]
    for member in members:
        found.extend(_member_actors(member, ctx, depth))
    return unique(found)


def _member_actors(token, ctx: EventContext, depth: int) -> list[str]:
    own = ctx.token_actor.get(token.i)
    if own is not None and not getattr(ctx.actors.get(own), "country", None):
        # "the Islamist militant group al-Shabab": the name in apposition says which group
        named = [ctx.token_actor[c.i] for c in token.children
                 if c.dep_ == "appos" and c.i in ctx.token_actor
                 and getattr(ctx.actors.get(ctx.token_actor[c.i]), "country", None)]
        own = named[0] if named else own
    if own is not None:
        found = [own]
        for child in token.children:
            if child.dep_ not in ("amod", "compound", "nmod"):
                continue
            # "Indian and French navies": each coordinated modifier names its own actor;
            # "a British-Egyptian activist": so does each half of a hyphenated pair
            hyphened = [g for g in child.children if g.dep_ in ("amod", "compound")
                        and any(p.lower_ == "-" for p in child.children)]
            if any(c.dep_ == "conj" for c in child.children) or hyphened:
                for member in (child, *child.conjuncts, *hyphened):
                    actor = ctx.token_actor.get(member.i)
                    if actor is not None and actor not in found:
                        found.append(actor)
        return found
    found: list[str] = []
    for child in token.children:
        if child.dep_ in _PHRASE:
            found.extend(modifier_actors(child, ctx))
    if not found and depth < 3:
        # "the leaders of China and Russia", "a spokesman for the ministry"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _OWN_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(phrase_actors(pobj, ctx, depth + 1))
    return found


def nationality_actors(token, ctx: EventContext) -> list[str]:
    """The countries a subject with no actor of its own is qualified by: "Israeli airstrikes
    killed ...", "Russian drones struck ...": the weapon, or the unnamed agents, act for the
    country its nationality word names, whose actor is added to the article if needed."""
    kb = ctx.doc._.kb
    if kb is None:
        return []
    found = []
    for child in token.children:
        if child.dep_ not in ("amod", "compound") or child.i > token.i:
            continue
        for word in (child, *child.conjuncts):
            # "Sri Lankan": a nationality word of two tokens, the first a compound of the last
            lead = [g for g in word.lefts if g.dep_ == "compound"]
            text = " ".join(t.text for t in (*lead, word))
            code = kb.demonym(text) or (kb.demonym(word.text) if lead else None)
            actor = country_actor(code, ctx) if code else None
            if actor is not None:
                found.append(actor)
    return unique(found)


def country_actor(code: str, ctx: EventContext) -> str | None:
    """The id of country ``code``'s actor, added to the article (and to ``ctx``) when the
    article names the country only as a place or by a nationality word."""
    actor_id = actor_for_country(ctx.doc, code, create=True)
    if actor_id is not None:
        ctx.actors.setdefault(actor_id, actors_by_id(ctx.doc)[actor_id])
    return actor_id


def localized_actor(actor_id: str, country: str, ctx: EventContext) -> str:
    """An actor without a country, given the country its act is located in.

    "Farmers blocked highways across Poland": the article's "farmers" actor knows no country,
    so a copy of it with the country is added to the article's actors (once per country).
    An actor that has a country keeps it.
    """
    actor = ctx.actors.get(actor_id)
    if actor is None or actor.country or not country:
        return actor_id
    key = (actor_id, country)
    if key in ctx.localized:
        return ctx.localized[key]
    local_id = add_actor(ctx.doc, replace(actor, country=country, kb_id=None))
    ctx.actors[local_id] = actors_by_id(ctx.doc)[local_id]
    ctx.localized[key] = local_id
    return local_id


def place_modifier(token) -> bool:
    """Whether a compound name before a noun names a place inside a country ("the Gaza
    offensive", "the Kyiv attack"): a place is where an act happens, never who does it.
    A country's own name ("U.S. strikes") names its actor."""
    if token.dep_ != "compound" or token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    words = [t for t in token.subtree if t.ent_type_ == token.ent_type_]
    key = normalise(" ".join(t.text for t in words))
    known = gazetteer()
    if key in known.countries:
        return False
    return key in known.cities or key in known.states or key in known.names.places


def modifier_actors(token, ctx: EventContext) -> list[str]:
    out = []
    for t in token.subtree:
        if t.dep_ in ("prep", "relcl", "acl"):
            break
        actor = ctx.token_actor.get(t.i)
        if actor is not None:
            out.append(actor)
    return out


def unique(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    return [i for i in ids if not (i in seen or seen.add(i))]


def subject_of(verb):
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    return None


def agent_of(verb):
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def speaker_at(token, ctx: EventContext) -> str | None:
    at = token.idx
    for start, end, speaker in ctx.quotes:
        if start <= at < end and speaker:
            return speaker
    return None


def speech_ancestor(token, ctx: EventContext):
    """The nearest verb of speech governing the token ("X said [it would ...]")."""
    node, steps = token, 0
    while node.head.i != node.i and steps < 6:
        node, steps = node.head, steps + 1
        if node.lemma_.lower() in ctx.patterns.cues["speech"]:
            return node
    return None


def speaker_of(token, ctx: EventContext) -> str | None:
    """Who is reported to say what the token is part of."""
    speaker = speaker_at(token, ctx)
    if speaker:
        return speaker
    verb = speech_ancestor(token, ctx)
    while verb is not None:
        source = clause_source(verb, ctx, allow_speaker=False)
        if source:
            return source[0]
        verb = speech_ancestor(verb, ctx)
    return None


def clause_source(verb, ctx: EventContext, allow_speaker: bool = True) -> list[str]:
    """The actors of the subject of ``verb``'s clause, climbing to a governor if needed."""
    node = verb
    for _ in range(_MAX_CLIMB):
        subject = subject_of(node)
        if subject is None and node.i != verb.i:
            # "is expected to visit", "is set to meet": the raised subject is the actor.
            subject = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if node.dep_ == "relcl" and (subject is None or subject.tag_ in ("WDT", "WP")):
            copula = _copula_of(node.head)
            if copula is not None and not phrase_actors(node.head, ctx) \
                    and (subject is None or not phrase_actors(subject, ctx)):
                # "Syria was the first to reject the plan", "Canada is among the countries
                # that banned imports": the subject of the copula acts
                node = copula
                continue
        if subject is None and node.dep_ == "relcl":
            subject = node.head  # "Kim, who met Putin"
        if subject is None and node.dep_ == "acl" and node.tag_ == "VBG":
            # "troops attacking the city"; in "a television interview criticizing ...", the
            # interview is no actor and its modifier does not speak for it
            own = ctx.token_actor.get(node.head.i)
            return [own] if own is not None else []
        if subject is None and node.dep_ == "acl" and node.tag_ == "VBN" \
                and any(c.dep_ == "dobj" for c in node.children):
            # "Israeli airstrikes killed 30 people", parsed as a participle of its subject
            head = node.head
            return phrase_actors(head, ctx) or modifier_actors(head, ctx) \
                or nationality_actors(head, ctx)
        if subject is not None:
            actors = phrase_actors(subject, ctx)
            pronoun = subject.lower_ in ctx.patterns.cues["speaker_pronouns"] or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)
            if not actors and allow_speaker and pronoun:
                # "it would", "its forces attacked" in what someone is reported to say
                speaker = speaker_of(subject, ctx)
                return [speaker] if speaker else []
            if not actors and subject.dep_ == "nsubj" and subject.head.i == node.i:
                # "an Israeli airstrike": the instrument names its user
                actors = modifier_actors(subject, ctx) or nationality_actors(subject, ctx)
            elif any(not getattr(ctx.actors.get(a), "country", None) for a in actors):
                # "Sri Lankan authorities" known to the article without a country: their
                # nationality word says where they are from
                nations = [ctx.actors[a].country for a in nationality_actors(subject, ctx)
                           if a in ctx.actors and ctx.actors[a].country]
                if len(set(nations)) == 1:
                    actors = [localized_actor(a, nations[0], ctx) for a in actors]
            return actors
        if node.dep_ == "xcomp":
            # "urged Iran to release": an object controls the complement
            head = node.head
            for child in head.children:
                if child.dep_ in ("dobj", "dative"):
                    actors = phrase_actors(child, ctx)
                    if actors:
                        return actors
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.i != node.head.i:
            governor = node.head.head
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            if node.head.lower_ == "from" and objects:
                # "banned civilians from traveling": the object is kept from acting
                return phrase_actors(objects[0], ctx)
            # "increased pressure by conducting tests": the gerund's actor is the clause's
            node = governor
            continue
        if node.dep_ not in _INHERIT or node.head.i == node.i:
            break
        node = node.head
    if allow_speaker:
        speaker = speaker_of(verb, ctx)
        if speaker and subject_of(verb) is None:
            return [speaker]
    return []


def _copula_of(noun):
    """The copular verb ("be", "become", "remain") that ``noun`` is the complement of, directly
    ("was the first") or through "among" ("is among the countries"), else None."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "among":
        node = node.head
    elif node.dep_ != "attr":
        return None
    head = node.head
    if head.i != node.i and head.lemma_.lower() in _COPULAS:
        return head
    return None


def co_actors(verb, ctx: EventContext) -> list[str]:
    """Actors joined to the subject by "alongside X" / "along with X" / "together with X",
    and the members the subject names as examples ("Western nations, including France")."""
    out = _prep_actors(verb, ctx.patterns.cues["co_actor_preps"], ctx)
    subject = subject_of(verb)
    if subject is not None:
        out += _prep_actors(subject, ctx.patterns.cues["member_preps"], ctx)
    return out


def _prep_actors(head, preps, ctx: EventContext) -> list[str]:
    """The actors of ``head``'s prepositional phrases introduced by one of ``preps`` (a word,
    or a word and the preposition it modifies: "along with", "such as")."""
    out = []
    for child in head.children:
        if child.dep_ == "prep" and (child.lower_ in preps or any(
                f"{g.lower_} {child.lower_}" in preps for g in child.children)):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(phrase_actors(pobj, ctx))
    return out


def slot_actors(head, slot: str, ctx: EventContext) -> list[str]:
    if slot.startswith("prep:"):
        word = slot[5:]
        out = []
        for child in head.children:
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ == word:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(phrase_actors(pobj, ctx))
        return out
    out = []
    for child in head.children:
        if child.dep_ == slot:
            out.extend(phrase_actors(child, ctx))
    return out


def next_actor(trigger, scope, exclude: set[str], ctx: EventContext) -> list[str]:
    """The first actor after the trigger inside ``scope``'s clause, not among ``exclude``."""
    other_clauses = set()
    for token in scope.subtree:
        if token.dep_ in ("advcl", "relcl", "ccomp", "acl", "conj") and token.i > trigger.i:
            subject = subject_of(token)
            if subject is not None and phrase_actors(subject, ctx):
                # Another clause with an actor of its own reports another act.
                other_clauses.update(t.i for t in token.subtree)
    for token in scope.subtree:
        if token.i <= trigger.i or token.i in other_clauses:
            continue
        actor = ctx.token_actor.get(token.i)
        if actor is not None and actor not in exclude:
            return [actor]
    return []


def host_actor(trigger, light, location: Location | None, ctx: EventContext) -> list[str]:
    """The host of a visit: an actor of the country of the place visited."""
    country = None
    scope = light if light is not None else trigger
    for child in scope.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "in", "at"):
            for place in ctx.places:
                edge = child.right_edge
                if place.start is not None and child.idx <= place.start < edge.idx + len(edge):
                    country = place.country
                    break
        if country:
            break
    if country is None and location is not None:
        country = location.country
    if not country:
        return []
    ranked = sorted(
        (a for a in ctx.actors.values() if a.country == country and a.kind == "country"),
        key=lambda a: a.id)
    if ranked:
        return [ranked[0].id]
    if ctx.doc._.kb is None:
        return []
    # A country named only as a place has no actor yet: the host gets one
    added = country_actor(country, ctx)
    return [added] if added is not None else []
