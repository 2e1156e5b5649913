"""PLOVER events: who did what to whom, when and where, sentence by sentence.

``find_events(doc)`` reads the parse and what the earlier annotators wrote (actors and their
mentions, dates, places, quotes) and returns ``model.Event``s. The words are data
(``data/event_patterns.toml``, loaded by ``annotate.event_patterns``); this module applies them:

1. a *trigger* is a verb, noun or adjective of some pattern, tried in priority order until
   one codes an event; a nominal trigger needs its light verb ("held talks", "imposed
   sanctions on") or an actor of its own ("Russian airstrikes", "a meeting with Kim");
2. the *source* is the actor of the subject (all of it: "Xi and Kim held talks" is one event
   with two sources; "alongside Xi" joins them), found up the clause when the verb has no
   subject of its own ("plans to visit", "arrived and met"); in reported speech a pronoun
   subject is the speaker; a source with no country (the actors layer already placed "police
   in Tunisia") takes, for domestic actors, the country of the place of the act. No source
   actor, no event;
3. the *target* is the actor in the pattern's slots (object, "with", "on", "against", "to"...),
   else the first actor after the trigger in its clause;
4. flags (``annotate.event_flags``), then the date and place of the clause, else of the
   sentence; an unflagged event with neither takes the publication date and says so
   (``date_basis="publication"``);
5. opinions are not acts: a trigger inside "viewed as ..." is skipped; a speaker announcing
   its own violent or punitive act to come ("we will respond with force") threatens it, and
   its own cooperation to come ("it would resume cooperation") promises it.
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.annotate.event_actors import (
    EventContext, agent_of, build_context, clause_source, co_actors, host_actor,
    localized_actor, modifier_actors, next_actor, phrase_actors, place_modifier, slot_actors,
    speaker_at, speaker_of, speech_ancestor, subject_of, unique,
)
from newsgraph.annotate.event_flags import (
    Flags, chain_of, date_flags, event_flags, historical_frame,
)
from newsgraph.annotate.event_patterns import QUAD_CLASS, EventPattern, intensity
from newsgraph.model import Event, Location

__all__ = ["VERSION", "find_events"]

VERSION = "0.1.0"

# Types whose compound subject acts on itself when there is no object ("X and Y met").
_RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}


def find_events(doc) -> list[Event]:
    """The PLOVER events of a parsed, actor-annotated Doc, in text order.

    Needs ``doc._.ng_actors`` and ``doc._.ng_mentions``; uses ``doc._.ng_dates``,
    ``doc._.ng_places`` and ``doc._.ng_quotes`` when they are there.
    """
    if not doc._.ng_mentions:
        return []
    ctx = build_context(doc)
    events: list[Event] = []
    seen: set[tuple] = set()
    for sent in doc.sents:
        coded: list[tuple[object, object, Event]] = []
        statements: set[int] = set()
        for token in sent:
            # The first pattern that codes an event wins; one that finds no actors it
            # needs gives way to the next ("asked" without an addressee: "asked for aid").
            for pattern, light in _matches(token, ctx):
                event = _code(token, light, pattern, sent, ctx)
                if event is not None:
                    coded.append((token, light, event))
                    if pattern.statement:
                        statements.add(token.i)
                    break
        triggers = {token.i for token, _light, _event in coded}
        # "signed an agreement": the verb and its object noun code one act; the noun's
        # pattern, being the more specific, keeps it.
        lights = {light.i for _token, light, _event in coded if light is not None}
        placed: dict[tuple[int, str], int] = {}
        for token, light, event in coded:
            # What a speaker is quoted as saying is the speaker's act, even when the frame
            # around the quote is an act too ("telling Xi to give his regards to Kim 'as you
            # conspire against the United States'")
            if token.i in lights or (token.i not in statements
                                     and _is_content_of_other(token, light, triggers, lights)):
                continue
            # "filed a case at the court accusing Israel of genocide": a participle that spells
            # out a coded act of the same type is that act, and names whom it is done to
            head = placed.get((token.head.i, event.type))
            if token.dep_ == "advcl" and token.tag_ == "VBG" and head is not None:
                if event.target:
                    events[head] = replace(events[head], target=event.target)
                continue
            key = (event.type, frozenset(event.source), frozenset(event.target), sent.start,
                   event.negated, event.hypothetical, event.future)
            if key in seen:
                continue
            seen.add(key)
            events.append(event)
            placed[(token.i, event.type)] = len(events) - 1
            if light is not None:
                placed[(light.i, event.type)] = len(events) - 1
    return events


def _is_content_of_other(trigger, light, triggers: set[int], lights: set[int]) -> bool:
    """Whether the act is what another coded act is about: "threatened [to strike]",
    "agreed [to resume talks]", "refused [to meet]", "blamed Russia [for the strike]", "led
    talks [to reach an agreement]".

    PLOVER codes the governing act; the act it governs is its content, not a second event.
    A verb joined by "and" is an act of its own ("denied the request and asked for ..."),
    and a nominal act's light verb governs only the infinitive of its purpose ("with Sullivan
    speaking by phone" is no content of "voiced concern").
    """
    own = {trigger.i} | ({light.i} if light is not None else set())
    chain = chain_of(trigger, light)
    for child, head in zip(chain, chain[1:]):
        if child.dep_ == "conj" or head.i in own:
            continue
        if head.i in triggers:
            return True
        if head.i in lights and child.dep_ in ("advcl", "xcomp") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
    return False


# ------------------------------------------------------------------------- triggers

def _children_words(token) -> set[str]:
    words = set()
    for child in token.children:
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and all(g.ent_type_ in ("DATE", "TIME") for g in objects):
                continue  # "called up reservists on Sunday": a time phrase is no "call on"
            words.update(g.lemma_.lower() for g in child.children)
        words.add(child.lemma_.lower())
        words.add(child.lower_)
    return words


def _multiword_ok(token, trigger: str, noun: bool) -> bool:
    parts = trigger.split()
    if len(parts) == 1:
        return True
    if noun:  # "air strike": the head is the last word, the others modify it
        before = {t.lemma_.lower() for t in token.children if t.i < token.i}
        before |= {t.lower_ for t in token.doc[max(0, token.i - 3):token.i]}
        return all(p in before for p in parts[:-1])
    near = _children_words(token)
    return all(p in near for p in parts[1:])


def _subtree_words(token) -> tuple[set[str], str]:
    words = set()
    for t in token.subtree:
        words.add(t.lemma_.lower())
        words.add(t.lower_)
    text = " ".join(t.lower_ for t in token.subtree)
    return words, f" {text} "


def _has_any(words: set[str], text: str, wanted: tuple[str, ...]) -> bool:
    for w in wanted:
        if " " in w or "-" in w:
            if f" {w} " in text or w in text:
                return True
        elif w in words:
            return True
    return False


def _object(token):
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            return child
    return None


def _light_verb(noun, light: tuple[str, ...]):
    """The verb a nominal trigger is the object of, when it is one of ``light``."""
    head, token = noun.head, noun
    if token.dep_ == "conj":  # "held talks and a press conference"
        token, head = head, head.head
    if token.dep_ == "pobj" and head.dep_ == "prep":  # "engage in talks", "go on strike"
        token, head = head, head.head
        if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass"):
            # "claimed responsibility for the attack", "announced $5 million in aid"
            token, head = head, head.head
    elif token.dep_ == "compound":  # "signed a trade agreement"
        token, head = head, head.head
    if token.dep_ not in ("dobj", "nsubjpass", "prep", "attr", "acomp", "oprd", "nsubj"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    phrases = set()
    for lemma in _verb_lemmas(head):
        phrases |= {lemma} | {f"{lemma} {c.lower_}" for c in head.children
                              if c.dep_ in ("prt", "dobj", "prep", "advmod")}
    if token.dep_ == "nsubj" and not any(p in light for p in phrases if " " in p):
        return None  # only "X took place"-like light phrases take a subject noun
    return head if phrases & set(light) else None


def _verb_lemmas(token) -> tuple[str, ...]:
    """The verb's lemma, and for a regular past form the stems it may come from.

    The small model's lemmatiser misreads some past forms ("staged" -> "stag"); the
    regular stems are tried after its lemma: "staged" gives ("stag", "stage", "stag").
    """
    lemma = token.lemma_.lower()
    word = token.lower_
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed") and not lemma.endswith("e"):
        return (lemma, word[:-1], word[:-2])
    return (lemma,)


def _matches(token, ctx: EventContext):
    """(pattern, light verb or None) for each pattern the token triggers, in priority order."""
    lemma = token.lemma_.lower()
    p = ctx.patterns
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux"):
        if token.dep_ == "amod":  # "the alleged plot", "a coordinated effort": no act
            return
        candidates, kind = p.by_verb.get(lemma, ()), "verb"
    elif token.pos_ in ("NOUN", "PROPN"):
        candidates, kind = p.by_noun.get(lemma, ()) or p.by_noun.get(token.lower_, ()), "noun"
    elif token.pos_ == "ADJ":
        candidates, kind = p.by_adj.get(lemma, ()), "adj"
    else:
        return
    # A phrase ("back down", "air strike") is more specific than its word alone: it is tried
    # first; otherwise file order decides.
    ordered = sorted(candidates, key=lambda c: " " not in c[1])
    for pattern, trigger in ordered:
        if not _multiword_ok(token, trigger, kind == "noun"):
            continue
        if kind == "noun":
            light = None
            if pattern.light:
                light = _light_verb(token, pattern.light)
                if light is None:
                    continue
            if pattern.needs or pattern.not_needs:
                scope = light if light is not None else token
                words, text = _subtree_words(scope)
                if pattern.needs and not _has_any(words, text, pattern.needs):
                    continue
                if pattern.not_needs and _has_any(words, text, pattern.not_needs):
                    continue
            if _is_opinion(token, ctx):
                return
            yield pattern, light
            continue
        obj = _object(token)
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        if pattern.objects and obj_lemma not in pattern.objects \
                and not _names_kind(obj, pattern.object_kinds, ctx):
            continue
        if pattern.not_objects and obj_lemma in pattern.not_objects:
            continue
        if pattern.infinitive and not _tells_to(token):
            continue
        if pattern.needs or pattern.not_needs:
            words, text = _subtree_words(_needs_scope(token, pattern))
            if pattern.needs and not _has_any(words, text, pattern.needs):
                continue
            if pattern.not_needs and _has_any(words, text, pattern.not_needs):
                continue
        if pattern.own_act and _reports_another_act(token):
            continue
        if _is_opinion(token, ctx):
            return
        yield pattern, None


def _tells_to(token) -> bool:
    """Whether the verb tells someone to do something: an addressee and an infinitive
    ("told the council to draft rules", "is pressuring Canada to curb ..."), not "told
    reporters that ..."."""
    addressees = [c.i for c in token.children if c.dep_ in ("dobj", "dative")]
    for child in token.children:
        if child.dep_ != "xcomp" or not addressees or child.i < min(addressees):
            continue
        words = {g.lower_: g.dep_ for g in child.children}
        # "told them what to say" names no act to do; "you have to" is no infinitive of theirs
        if words.get("to") == "aux" and not {"nsubj", "nsubjpass"} & set(words.values()) \
                and not any(g.tag_ in ("WP", "WRB", "WDT") for g in child.children):
            return True
    return False


def _needs_scope(token, pattern: EventPattern):
    """Where a pattern's ``needs`` are looked for: the trigger's subtree; for a threat in what
    is said, the subtree of the verb that governs the act, on which its condition may hang
    ("if they escalate, I will not hesitate to shut it off")."""
    scope = token
    if pattern.speaker_future:
        # up through the verbs that take the act as their complement ("hesitate to shut"),
        # not out of a clause the act sits in ("if they are sincere, they must stop ...")
        while scope.dep_ == "xcomp" and scope.head.pos_ in ("VERB", "AUX") \
                and scope.head.i != scope.i:
            scope = scope.head
    return scope


def _names_kind(token, kinds: tuple[str, ...], ctx: EventContext) -> bool:
    """Whether ``token`` names an actor of one of ``kinds`` or, for "country", a place in a
    country ("recognized Kosovo": a state the article may name only as a place)."""
    if token is None or not kinds:
        return False
    if any(ctx.actors[a].kind in kinds for a in phrase_actors(token, ctx) if a in ctx.actors):
        return True
    return "country" in kinds and any(p.country and p.start <= token.idx < p.end
                                      for p in ctx.places)


def _reports_another_act(token) -> bool:
    """Whether a that-clause under the trigger has a subject of its own that is not a pronoun:
    "warned that the rebels could attack" warns of another's act; "warned it would
    retaliate" threatens one's own."""
    for child in token.children:
        if child.dep_ == "ccomp":
            subject = subject_of(child)
            if subject is None or subject.pos_ == "PRON":
                continue
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
                continue  # "warned that his country would attack": still one's own act
            return True
    return False


def _is_opinion(token, ctx: EventContext) -> bool:
    """Whether the trigger is part of what something is viewed "as" ("seen as an attack")."""
    cues = ctx.patterns.cues
    node, steps = token, 0
    while node.head.i != node.i and steps < 6:
        head = node.head
        if node.lower_ == "as" and node.dep_ == "prep" \
                and head.lemma_.lower() in cues["opinion_verbs"]:
            return True
        if node.dep_ == "pobj" and head.lower_ == "of" \
                and head.head.lemma_.lower() in cues["opinion_nouns"]:
            return True
        node, steps = head, steps + 1
    return False


# ------------------------------------------------------------------------- coding

def _code(trigger, light, pattern: EventPattern, sent, ctx: EventContext) -> Event | None:
    verb = light if light is not None else trigger
    if trigger.pos_ == "ADJ":
        verb = trigger.head if trigger.head.pos_ in ("AUX", "VERB") else trigger
    if pattern.statement:
        if speaker_at(trigger, ctx) is None and speech_ancestor(trigger, ctx) is None:
            return None
        speaker = speaker_of(trigger, ctx)
        source = [speaker] if speaker else []
        subject = subject_of(trigger)
        target = phrase_actors(subject, ctx) if subject is not None else []
        if not target:
            speech = speech_ancestor(trigger, ctx)
            if speech is not None:
                target = slot_actors(speech, "dobj", ctx) + slot_actors(speech, "dative", ctx)
    else:
        source, target = _participants(trigger, light, verb, pattern, ctx)
    source = [a for a in unique(source) if a]
    if not source:
        return None
    target = [a for a in unique(target) if a not in source]
    if not target and pattern.place_target:
        # "exported grain to Egypt", "arrived in Beijing": the country of the place named
        target = [a for a in host_actor(trigger, light, None, ctx) if a not in source]
    if not target and pattern.target_required:
        return None
    if pattern.joint and len(source) < 2 and not target:
        return None  # one side's drills are no joint exercise
    if not target and len(source) > 1 and pattern.type in _RECIPROCAL:
        # "Xi and Kim held talks": each party meets the others. One event, every party on
        # both sides, so the event reads the same from either actor.
        target = list(source)
    if not target and len(source) == 1 and not pattern.place_target and not pattern.statement:
        target = next_actor(trigger, verb, set(source), ctx)
    if pattern.source_sectors:
        sectors = [ctx.actors[a].sector or "" for a in source if a in ctx.actors]
        if not any(sector[:3] in pattern.source_sectors for sector in sectors):
            return None
    flags = event_flags(trigger, light, ctx.patterns)
    if pattern.speaker_future:
        # "we will respond with force", "it would retaliate if ...": the speaker announcing
        # its own act to come is a threat, made now; anything else is no threat.
        speaker = speaker_of(trigger, ctx)
        if flags.negated or not (flags.future or flags.hypothetical) or speaker is None \
                or not (speaker in source or _speakers_own(verb)):
            return None
        source = [speaker]
        flags = Flags()
    clause = _clause_bounds(verb, sent)
    date, basis = _date(clause, sent, ctx)
    location = _place(clause, sent, ctx)
    if pattern.place_target and not target:
        target = [a for a in host_actor(trigger, light, location, ctx) if a not in source]
    elif location is not None and location.country and not pattern.statement:
        source = _located(source, location.country, QUAD_CLASS[pattern.type] == 4, ctx)
    value = date.value if date is not None else None
    granularity = date.granularity if date is not None else None
    historical, after = date_flags(value, granularity, ctx.published)
    historical = historical or historical_frame(trigger, light, ctx.patterns)
    future = flags.future or after
    # A question asks whether something happened; it does not report that it did.
    asked = ctx.text[sent.start_char:sent.end_char].rstrip().endswith("?")
    hypothetical = flags.hypothetical or asked
    unreal = flags.negated or hypothetical or future or historical
    if value is None and not unreal and ctx.published:
        value, granularity, basis = ctx.published[:10], "day", "publication"
    mode = _mode(pattern, verb)
    start, end = _evidence(sent, ctx.text)
    return Event(
        type=pattern.type, start=start, end=end, mode=mode, source=tuple(source),
        target=tuple(target), date=value, date_granularity=granularity if value else None,
        date_basis=basis if value else None, location=location, negated=flags.negated,
        hypothetical=hypothetical, future=future, historical=historical,
        quad_class=QUAD_CLASS[pattern.type], intensity=intensity(pattern.type, mode),
        pattern=pattern.id,
    )


def _speakers_own(verb) -> bool:
    """Whether the verb's subject is the speaker's own: "our forces", "his fighters"."""
    subject = subject_of(verb)
    return subject is not None and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def _located(source: list[str], country: str, material: bool, ctx: EventContext) -> list[str]:
    """Sources without a country take the country where they act ("farmers blocked highways
    across Poland", "gunmen abducted students in Kaduna"): people, groups and domestic
    bodies mostly act at home. The sectors that act abroad (armed forces, international
    bodies) are left alone, and so are persons in diplomacy (an office holder the article
    did not resolve meets and talks abroad); in material conflict ("a suicide bomber struck
    a mosque in Peshawar") a person with no country is taken to act at home too."""
    foreign = ctx.patterns.cues["abroad_sectors"]
    out = []
    for actor_id in source:
        actor = ctx.actors.get(actor_id)
        if actor is not None and not actor.country \
                and (material or actor.kind != "person") \
                and (actor.sector or "")[:3] not in foreign:
            actor_id = localized_actor(actor_id, country, ctx)
        out.append(actor_id)
    return unique(out)


def _participants(trigger, light, verb, pattern: EventPattern, ctx: EventContext):
    """(source, target) actor ids of a non-statement event."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    # "a journalist arrested by police"; with an object of its own, the participle is the
    # main verb misread ("Israeli airstrikes killed 30 people")
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN" \
        and not any(c.dep_ == "dobj" for c in verb.children)
    if passive or participle:
        agent = agent_of(verb)
        source = phrase_actors(agent, ctx) if agent is not None else []
        for slot in pattern.passive_source if not source else ():
            # "was expelled from the party": with no agent, the body it leaves acts
            source = slot_actors(verb, slot, ctx)
            if source:
                break
    else:
        source = clause_source(verb, ctx)
        source += co_actors(verb, ctx)
    if light is None and trigger.pos_ in ("NOUN", "PROPN"):
        # A nominal event without a light verb: its own actor ("Russian airstrikes",
        # "Kim's visit"), else the clause it sits in ("during a meeting with Kim").
        own = []
        for child in trigger.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and not place_modifier(child):
                own.extend(modifier_actors(child, ctx))
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                own.extend(slot_actors(trigger, f"prep:{child.lower_}", ctx))
        source = own
        if not own and trigger.dep_ == "pobj" and trigger.head.head.pos_ in ("VERB", "AUX"):
            governor = trigger.head.head
            if governor.lemma_.lower() in ctx.patterns.cues["speech"] \
                    and governor.dep_ in ("advcl", "parataxis", "conj", "ccomp"):
                # "X stressed ..., during a meeting with Y, state media reported": the
                # reporter's frame is not the meeting's clause.
                governor = governor.head
            source = clause_source(governor, ctx)
    target: list[str] = []
    heads = [trigger] if light is None else [trigger, light]
    for slot in pattern.target:
        for head in heads:
            if slot == "nsubjpass" and not passive:
                continue
            target = [a for a in slot_actors(head, slot, ctx) if a not in source]
            if target:
                break
        if target:
            break
    if passive and not target and "nsubjpass" not in pattern.target:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                target = phrase_actors(child, ctx)
    if participle and not target:
        target = [a for a in phrase_actors(verb.head, ctx) if a not in source]
    if pattern.target_kinds:
        # "welcomed Modi in Canberra" hosts a visitor; "welcomed Israel's decision" does not
        target = [a for a in target
                  if a in ctx.actors and ctx.actors[a].kind in pattern.target_kinds]
    if pattern.reverse:
        source, target = target, source
    return source, target


def _clause_bounds(verb, sent) -> tuple[int, int]:
    """Character bounds of the verb's clause: its subtree without embedded clauses."""
    left, right = verb.i, verb.i
    for token in verb.subtree:
        node = token
        inside = True
        while node.i != verb.i:
            if node.dep_ in ("ccomp", "advcl", "relcl", "parataxis") and node.head is not None:
                inside = False
                break
            node = node.head
        if inside:
            left, right = min(left, token.i), max(right, token.i)
    doc = verb.doc
    start = max(doc[left].idx, sent.start_char)
    end = min(doc[right].idx + len(doc[right]), sent.end_char)
    return start, end


def _date(clause, sent, ctx: EventContext):
    if not ctx.dates:
        return None, None
    from newsgraph.annotate.dates import date_for_span

    found = date_for_span(ctx.dates, clause[0], clause[1], sent.start_char, sent.end_char)
    if found is None or found.value is None:
        return None, None
    basis = "clause" if found.start < clause[1] and found.end > clause[0] else "sentence"
    return found, basis


def _place(clause, sent, ctx: EventContext) -> Location | None:
    if not ctx.places:
        return None
    try:
        from newsgraph.annotate.places import place_for_span
    except ImportError:
        return None
    return place_for_span(ctx.places, clause[0], clause[1], sent.start_char, sent.end_char)


def _mode(pattern: EventPattern, verb) -> str | None:
    """The pattern's mode, refined by the words of the event's own clause."""
    if not pattern.modes:
        return pattern.mode
    words, text = _subtree_words(verb)
    for mode, cues in pattern.modes:
        if _has_any(words, text, cues):
            return mode
    return pattern.mode


def _evidence(sent, body: str) -> tuple[int, int]:
    """The sentence's character span, without surrounding whitespace."""
    start, end = sent.start_char, sent.end_char
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
