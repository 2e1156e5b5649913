"""The four flags of an event: negated, hypothetical, future, historical.

An event is kept and marked, never dropped: "they have yet to reach a deal" is an AGREE that
did not happen, "could impose sanctions" a SANCTION that may, "will meet" a CONSULT to come,
"the Gulf War in the 1990s" background. The cue words are data (``[cues]`` in
``data/event_patterns.toml``); this module reads them off the parse around the trigger:

- the *chain* of an event is its trigger, the light verb of a nominal trigger, and the verbs
  and adjectives that govern them through complements ("plans to meet", "is willing to",
  "refused to meet", "denied meeting"); auxiliaries, negations and conditional conjunctions
  on the chain apply to the event;
- a governing verb whose meaning makes its complement unreal (negating, hypothetical or
  future verbs) marks the event, but the trigger's own lemma never marks itself ("threatened"
  is a THREATEN that happened);
- an event dated before the year preceding publication, or to a decade, or framed by "since",
  is historical; one dated after publication is in the future.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.annotate.event_patterns import PatternSet

__all__ = ["Flags", "chain_of", "date_flags", "event_flags", "historical_frame"]

# Dependencies through which a verb governs the act of its complement.
_GOVERNING = {"xcomp", "ccomp", "pcomp", "acomp", "oprd", "advcl", "relcl"}
# How far up the governing chain a cue still applies to the trigger.
_MAX_CHAIN = 4


@dataclass(frozen=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False


def chain_of(trigger, light) -> list:
    """The trigger, its light verb, and the words that govern them through complements."""
    chain = [trigger]
    if light is not None and light.i != trigger.i:
        chain.append(light)
    token = chain[-1]
    steps = 0
    while steps < _MAX_CHAIN and token.dep_ in _GOVERNING | {"dobj", "pobj", "prep", "conj"} \
            and token.head.i != token.i:
        # A gerund object ("denied meeting") or a prepositional gerund ("without meeting")
        # is governed like a complement; a plain noun object is not a clause.
        if token.dep_ == "dobj" and token.tag_ != "VBG":
            break
        if token.dep_ == "conj":
            # "did not meet or call": the first verb's auxiliaries stand for both, unless the
            # second verb has a subject of its own ("China did not come but Russia met").
            if any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
                break
            token = token.head
            chain.append(token)
            continue
        token = token.head
        chain.append(token)
        steps += 1
    return chain


def event_flags(trigger, light, cues: PatternSet) -> Flags:
    """Negated, hypothetical and future flags of the event coded from ``trigger``.

    ``light`` is the verb a nominal trigger is the object of ("held talks"), or None.
    """
    c = cues.cues
    chain = chain_of(trigger, light)
    own = {trigger.i} | ({light.i} if light is not None else set())
    negated = hypothetical = future = False
    for position, token in enumerate(chain):
        children = list(token.children)
        lemmas = {child.lemma_.lower() for child in children}
        texts = {child.lower_ for child in children}
        deps = {child.dep_ for child in children}
        if "neg" in deps or (lemmas | texts) & {"never", "neither", "nor"} & c["negation"]:
            # "will not hesitate to shut it off": a negated reluctance is a resolve, the
            # act it governs is not denied
            if token.i in own or token.lemma_.lower() not in c["reluctance_verbs"]:
                negated = True
        if token.i not in own:
            lemma = token.lemma_.lower()
            if lemma in c["negating_verbs"] or _phrase(token) in c["negating_verbs"]:
                negated = True
            if lemma in c["hypothetical_verbs"]:
                hypothetical = True
            if lemma in c["future_verbs"]:
                future = True
            if lemma in c["negation"] and token.dep_ == "prep":  # "without meeting"
                negated = True
        if lemmas & c["negating_adverbs"] and any(child.dep_ == "xcomp" for child in children):
            negated = True  # "have yet to form"
        for child in children:
            word = child.lower_
            if child.dep_ in ("aux", "auxpass"):
                if word in c["future_aux"] or child.lemma_.lower() in c["future_aux"]:
                    future = True
                elif word in c["hypothetical_aux"] or child.lemma_.lower() in c["hypothetical_aux"]:
                    hypothetical = True
            elif child.dep_ == "mark" and word in c["hypothetical_marks"]:
                hypothetical = True
            elif child.dep_ == "det" and word == "no" and token.i in own:
                negated = True  # "signed no agreement"
            elif child.dep_ == "dobj" and token.i in own and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                negated = True  # "reached no deal", coded from the verb
        # "is going to meet"
        if token.lemma_ == "go" and token.tag_ == "VBG" and position > 0 and "aux" in deps:
            future = True
    return Flags(negated=negated, hypothetical=hypothetical, future=future)


def historical_frame(trigger, light, cues: PatternSet) -> bool:
    """Whether the trigger sits in a background frame ("since taking office")."""
    for token in chain_of(trigger, light):
        for child in token.children:
            if child.dep_ in ("mark", "prep") and child.lower_ in cues.cues["historical_marks"]:
                return True
        if token.dep_ == "pcomp" and token.head.lower_ in cues.cues["historical_marks"]:
            return True
    return False


def date_flags(value: str | None, granularity: str | None, published: str | None
               ) -> tuple[bool, bool]:
    """(historical, future) from an event's resolved date and the publication date.

    An event dated to a decade, or to a year before the one preceding publication, is
    background; one that starts after the publication day is still to come.

    >>> date_flags("2011", "year", "2025-09-04"), date_flags("2025-09-10", "day", "2025-09-04")
    ((True, False), (False, True))
    """
    if not value:
        return False, False
    if granularity == "decade" or value.endswith("s"):
        return True, False
    if not published or len(published) < 10 or not published[:4].isdigit():
        return False, False
    try:
        year = int(value[:4])
    except ValueError:
        return False, False
    pub_year = int(published[:4])
    historical = year < pub_year - 1
    # Compare at the date's own granularity: "2025-09" is not after "2025-09-04".
    future = value > published[:len(value)]
    return historical, future


def _phrase(token) -> str:
    """A verb with its particle ("call off", "rule out")."""
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return f"{token.lemma_.lower()} {particles[0]}" if particles else token.lemma_.lower()
