"""Who said it: the cue of a quotation, its speaker's phrase, its channel, resolved to an actor.

Everything here reads the dependency parse. The cue of a quotation is the reporting verb that
governs it ("said", "adding", "told"), else one in the same sentence, else the "according to"
phrase; its speaker is the cue's subject, inherited by participles ("..., adding that") and
relative clauses from the clause they hang on. The speaker's phrase is then resolved to an
actor through the actors layer (``annotate.actors``): a name or role noun through its mention,
a pronoun through the last compatible person. When the actors layer has not run on the Doc
(a bare parse), names are kept as written and pronouns go to the last PERSON entity.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.doc_text import doc_text
from newsgraph.annotate.quote_cues import QuoteCues
from newsgraph.model import Speaker

__all__ = ["sentence_of", "cue_of", "speaker_of", "noun_phrase", "according_object", "attribution_text",
           "channel_of", "is_relay", "issuer", "sentence_opening_name", "resolve_speaker"]

_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Dependencies through which a clause inherits its subject from the clause it hangs on.
_INHERITS = ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "ccomp", "dep", "prep", "pobj",
             "acomp", "attr", "oprd", "advmod", "amod")
_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis", "appos", "prep")
_RELATIVE = ("who", "that", "which", "whom")
# Dependencies the parser gives a subject that follows its verb ('"…," warned X').
_INVERTED = ("dobj", "npadvmod", "attr", "dative", "oprd")
_MAX_CLIMB = 4
# How many sentences back a speaking pronoun looks for a subject before taking the last person.
_SUBJECT_WINDOW = 3


_SENTENCES = "newsgraph.quote_sentences"


def sentence_of(token: Token) -> Span:
    """The sentence of ``token`` (``Token.sent`` walks the whole Doc on every call; this looks
    it up in a table built once per Doc)."""
    doc = token.doc
    table = doc.user_data.get(_SENTENCES)
    if table is None or table[0] != len(doc):
        sents = list(doc.sents)
        index = [0] * len(doc)
        for k, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                index[i] = k
        table = (len(doc), sents, index)
        doc.user_data[_SENTENCES] = table
    return table[1][table[2][token.i]]


def cue_of(doc: Doc, inside: set[int], frame: list[Token],
           cues: QuoteCues) -> tuple[Token | None, bool]:
    """The reporting token of a quotation whose tokens are ``inside``, read from ``frame``, and
    whether it governs the quotation in the parse.

    The nearest reporting verb above the quotation in the parse wins; else the nearest speech
    verb of the frame (the quotation's sentence outside it), ties broken by cue priority.
    """
    best: tuple[int, int, Token] | None = None
    roots = [doc[i] for i in sorted(inside)
             if (doc[i].head.i not in inside or doc[i].head.i == i) and not doc[i].is_punct]
    for root in roots:
        token, steps = root, 0
        while token.head.i != token.i and steps < 8:
            token, steps = token.head, steps + 1
            if token.i in inside:
                continue
            if _is_cue_token(token, cues) or _is_according(token, cues):
                token = _speech_above(token, inside, cues)
                key = (steps, -1 if _is_according(token, cues) else cues.rank(token.lemma_) or 0,
                       token)
                if best is None or key[:2] < best[:2]:
                    best = key
                break
    if best is not None:
        return best[2], True
    nearest: tuple[int, int, Token] | None = None
    edge = min(inside), max(inside)
    for token in frame:
        if token.i in inside:
            continue
        if _is_according(token, cues):
            rank = -1
        elif _is_cue_token(token, cues) and not cues.reports_thought(token.lemma_):
            rank = cues.rank(token.lemma_) or 0
        else:
            continue
        distance = edge[0] - token.i if token.i < edge[0] else token.i - edge[1]
        key = (distance, rank, token)
        if nearest is None or key[:2] < nearest[:2]:
            nearest = key
    return (nearest[2] if nearest else None), False


def _speech_above(cue: Token, inside: set[int], cues: QuoteCues) -> Token:
    """A speech verb above a cognition cue ("X told VOA its research found that '…'") reports
    the words; the cognition cue is kept when none does."""
    if not cues.reports_thought(cue.lemma_):
        return cue
    token = cue
    for _ in range(_MAX_CLIMB):
        if token.head.i == token.i or token.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
            break
        token = token.head
        if token.i not in inside and _is_cue_token(token, cues) \
                and not cues.reports_thought(token.lemma_):
            return token
    return cue


def _is_cue_token(token: Token, cues: QuoteCues) -> bool:
    return token.pos_ in ("VERB", "AUX") and cues.rank(token.lemma_) is not None \
        and token.lemma_.lower() != "be"


def _is_according(token: Token, cues: QuoteCues) -> bool:
    return according_object(token, cues) is not None


def according_object(token: Token, cues: QuoteCues) -> Token | None:
    """The object of an "according to X" (or "quoting X") cue at ``token``, else None."""
    if token.lower_ not in _first_words(tuple(cues.according)):
        return None
    for phrase in cues.according:
        words = phrase.split()
        if token.lower_ != words[0]:
            continue
        following = [t.lower_ for t in token.doc[token.i:token.i + len(words)]]
        if following != words:
            continue
        last = token.doc[token.i + len(words) - 1]
        for child in list(last.children) + list(token.children):
            if child.dep_ in ("pobj", "dobj") and child.i > last.i:
                return child
        after = token.doc[last.i + 1] if last.i + 1 < len(token.doc) else None
        if after is not None and after.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
            return _phrase_head(after)
    return None


@lru_cache(maxsize=8)
def _first_words(phrases: tuple[str, ...]) -> frozenset[str]:
    # Most tokens start no "according to" phrase: one set lookup rules them out.
    return frozenset(phrase.split()[0] for phrase in phrases)


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase that starts at ``token``."""
    while token.dep_ in ("compound", "amod", "det", "poss", "nummod") and token.head.i > token.i:
        token = token.head
    return token


def speaker_of(cue: Token, cues: QuoteCues) -> Span | None:
    """The phrase of the one who speaks through ``cue``: its subject, or the subject of the
    clause a participle or relative clause hangs on; for "according to X", X."""
    obj = according_object(cue, cues)
    if obj is not None:
        return noun_phrase(obj)
    relayed = _quoted_as_saying(cue, cues)
    if relayed is not None:
        return noun_phrase(relayed)
    token = cue
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "auxpass" for c in token.children) and token.i == cue.i:
                agent = _agent(token)
                if agent is not None:
                    return noun_phrase(agent)
            subject = _subject(token)
            if subject is not None:
                if subject.lower_ in _RELATIVE and token.dep_ == "relcl":
                    return noun_phrase(token.head)
                return noun_phrase(subject)
        if token.dep_ == "relcl":
            return noun_phrase(token.head)
        if token.i == cue.i and cue.dep_ in ("parataxis", "ROOT"):
            # '"…," warned Asli Aydintasbas', '…, say some analysts, …': the parser reads the
            # inverted subject as an object.
            inverted = next((c for c in cue.children if c.i > cue.i and c.dep_ in _INVERTED
                             and c.pos_ in ("PROPN", "NOUN")), None)
            if inverted is not None:
                return noun_phrase(inverted)
            break
        if token.dep_ not in _INHERITS or token.head.i == token.i:
            break
        token = token.head
    if cue.tag_ == "VBG":
        # A participle the parser left unattached ("..., announcing that"): the subject of
        # the sentence's first clause.
        subject = next((t for t in sentence_of(cue) if t.i < cue.i and t.dep_ in ("nsubj", "nsubjpass")),
                       None)
        if subject is not None:
            return noun_phrase(subject)
    return None


def _quoted_as_saying(cue: Token, cues: QuoteCues) -> Token | None:
    """"KCNA quoted Kim as saying": the one quoted is the object of a relay verb."""
    lemma = cue.lemma_.lower()
    if lemma not in cues.relay_verbs or lemma in cues.relay_content_verbs:
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)


def sentence_opening_name(cue: Token | None) -> Span | None:
    """A name that opens the cue's sentence before its verb, as the parser's lost subject
    ("Trump, in a taped interview …, dodged …")."""
    if cue is None:
        return None
    sent = sentence_of(cue)
    for ent in sent.ents:
        if ent.start > sent.start + 1 or ent.label_ not in ("PERSON", "ORG"):
            continue
        if ent.end <= sent.root.i and ent.root.dep_ not in ("pobj", "poss"):
            return ent
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two ("A media analyst at X, Gatov noted"), the named one."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if len(subjects) > 1:
        named = [c for c in subjects if c.pos_ == "PROPN" or c.ent_type_]
        return (named or subjects)[-1]
    return subjects[0] if subjects else None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def noun_phrase(head: Token) -> Span:
    """The span naming who ``head`` is: the named entity on it, the person in apposition
    ("the spokesman, John Kirby"), or the head with its modifiers, without clauses."""
    doc = head.doc
    if head.ent_type_ in _NAME_LABELS:
        ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            return ent
    for child in head.children:
        # "the spokesman, John Kirby", "the deputy minister …, Zia-ul Haq Haqmal"
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"
                                      and head.pos_ == "NOUN"):
            ent = next((e for e in doc.ents if e.start <= child.i < e.end), None)
            if ent is not None and ent.label_ in _NAME_LABELS:
                return ent
            if child.pos_ == "PROPN":
                return noun_phrase(child)
    def kept(token: Token) -> bool:
        # "Many of the original inhabitants", "The President of the United States".
        return token.dep_ not in _CUT or (token.dep_ == "prep" and token.lower_ == "of")

    keep = [head]
    stack = [c for c in head.children if kept(c)]
    while stack:
        token = stack.pop()
        keep.append(token)
        stack.extend(c for c in token.children if kept(c))
    start, end = min(t.i for t in keep), max(t.i for t in keep) + 1
    while start < head.i and doc[start].dep_ == "det":
        start += 1
    return doc[start:end]


def is_relay(speaker: Span | None, cue: Token | None, cues: QuoteCues) -> bool:
    """The cue passes on words: a medium ("state news agency Xinhua", "state media") as the
    subject of a relay verb ("reported", "quoted")."""
    if speaker is None or cue is None or cue.lemma_.lower() not in cues.relay_verbs:
        return False
    doc = speaker.doc
    # The phrase with up to three words before it: "state news agency" + "Xinhua".
    window = doc[max(sentence_of(speaker[0]).start, speaker.start - 3):speaker.end]
    if cues.outlets.named_in([t.text for t in window], window.text):
        return True
    words = {t.lower_ for t in window} | {t.lemma_.lower() for t in window}
    pairs = {f"{a.lower_} {b.lower_}" for a, b in zip(window, window[1:])}
    return bool(words & cues.relay_nouns or pairs & cues.relay_nouns)


def issuer(phrase: Span, cues: QuoteCues) -> tuple[str | None, Span | None]:
    """For a speaker phrase that names a channel ("the G7 joint statement", "the letter"):
    the channel, and who issued it when the phrase names them ("G7"), else None.

    A phrase that is no channel gives (None, phrase).
    """
    channel = channel_of(phrase.root.text, cues)
    if channel is None:
        return None, phrase
    doc = phrase.doc
    for ent in doc.ents:
        if ent.start >= phrase.start and ent.end <= phrase.end and ent.label_ in _NAME_LABELS \
                and phrase.root.i not in range(ent.start, ent.end):
            return channel, ent
    return channel, None


def attribution_text(cue: Token, exclude: set[int]) -> str:
    """The words of the clause that carries ``cue`` (climbing from a participle to the clause
    that has the subject), without the tokens in ``exclude`` (the quotation)."""
    clause = cue
    for _ in range(_MAX_CLIMB):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            break
        if clause.dep_ not in _INHERITS or clause.head.i == clause.i:
            break
        clause = clause.head
    return " ".join(t.text for t in clause.subtree if t.i not in exclude)


def channel_of(text: str, cues: QuoteCues) -> str | None:
    """How something was said, from the attribution's text (the first matching channel).

    >>> from newsgraph.annotate.quote_cues import quote_cues
    >>> channel_of("Trump wrote on Truth Social", quote_cues())
    'social media post'
    >>> channel_of("in a statement, the ministry said", quote_cues())
    'statement'
    """
    for channel in cues.channels:
        if channel.pattern.search(text):
            return channel.name
    return None


def resolve_speaker(doc: Doc, phrase: Span, cues: QuoteCues,
                    quoted: list[tuple[int, int]] = (),
                    earlier: list[tuple[int, Speaker]] = ()) -> Speaker | None:
    """``phrase`` resolved to an actor: through the actors layer when it has run on ``doc``,
    else by name.

    A person pronoun ("he said") goes to the person who spoke before (``earlier``: the end of
    each earlier quotation's sentence and its speaker) unless a person named as a subject since
    then took over; else to the last person named as a subject in the last few sentences.
    Names inside quotation marks (``quoted``: character ranges) are never taken for speakers.
    A pronoun that resolves to no one gives None (a null speaker rather than a guessed one).
    """
    start, end = phrase.start_char, phrase.end_char
    word = phrase.text.lower()
    pronoun = len(phrase) == 1 and phrase[0].pos_ == "PRON"
    actors_ran = doc._.ng_actors is not None
    if pronoun and word in cues.person_pronouns:
        actor_id, name = _speaking_person(doc, start, quoted, earlier, actors_ran)
        if actor_id is None and name is None and actors_ran:
            actor_id, name = _linked_person(doc, phrase, quoted)
        if actor_id is None and name is None:
            return None
        return Speaker(name=name or "", actor_id=actor_id, start=start, end=end)
    if pronoun and word in cues.group_pronouns and actors_ran:
        actor_id, name = _speaking_group(doc, start, quoted)
        if actor_id is not None:
            return Speaker(name=name or "", actor_id=actor_id, start=start, end=end)
    if actors_ran:
        from newsgraph.annotate import actors

        actor_id = actors.actor_for_span(doc, start, end)
        if actor_id is not None:
            actor = actors.actors_by_id(doc).get(actor_id)
            return Speaker(name=actor.name if actor else phrase.text, actor_id=actor_id,
                           start=start, end=end)
    if pronoun:
        return None
    if phrase.label_ == "PERSON" and not actors_ran:
        return Speaker(name=_full_name(doc, phrase), start=start, end=end)
    return Speaker(name=phrase.text, start=start, end=end)


def _linked_person(doc: Doc, pronoun: Span,
                   quoted: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    """The person the actors layer linked the pronoun to, when that person is named before it
    outside quotations (a name inside a quotation is not who speaks it)."""
    from newsgraph.annotate import actors

    actor_id = actors.actor_for_span(doc, pronoun.start_char, pronoun.end_char)
    actor = actors.actors_by_id(doc).get(actor_id) if actor_id else None
    if actor is None or actor.kind != "person" or not _proper_name(actor.name):
        return None, None
    for mention in doc._.ng_mentions or []:
        if mention.start >= pronoun.start_char:
            break
        if mention.actor_id == actor_id and not any(s <= mention.start < e for s, e in quoted):
            return actor.id, actor.name
    return None, None


def _people_before(doc: Doc, before: int, quoted: list[tuple[int, int]],
                   actors_ran: bool) -> list[tuple[Span, tuple[str | None, str]]]:
    """Persons named before ``before`` outside quotations, the most recent first."""
    def in_quote(start: int) -> bool:
        return any(s <= start < e for s, e in quoted)

    people = []
    if actors_ran:
        from newsgraph.annotate import actors

        by_id = actors.actors_by_id(doc)
        for mention in reversed(doc._.ng_mentions or []):
            if mention.end > before or in_quote(mention.start):
                continue
            actor = by_id.get(mention.actor_id)
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            # Only a person named here is someone to point back to: a role noun with no name
            # ("a former EU commissioner") may stand for anyone.
            if actor is not None and actor.kind == "person" and span is not None \
                    and span[0].pos_ != "PRON" and _proper_name(actor.name):
                people.append((span, (actor.id, actor.name)))
        return people
    for ent in reversed(doc.ents):
        if ent.end_char <= before and ent.label_ == "PERSON" and not in_quote(ent.start_char):
            people.append((ent, (None, _full_name(doc, ent))))
    return people


def _speaking_group(doc: Doc, before: int,
                    quoted: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    """"it said", "they said": the organisation, country or group last named as a subject in
    this sentence or the one before, outside quotations."""
    from newsgraph.annotate import actors

    by_id = actors.actors_by_id(doc)
    window_start = _sentences_back(doc, before, 1)
    for mention in reversed(doc._.ng_mentions or []):
        if mention.end > before:
            continue
        if mention.start < window_start:
            break
        if any(s <= mention.start < e for s, e in quoted):
            continue
        actor = by_id.get(mention.actor_id)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if actor is not None and actor.kind in ("organization", "country", "group") \
                and span is not None and span[0].pos_ != "PRON" and _subject_like(span):
            return actor.id, actor.name
    return None, None


def _proper_name(name: str) -> bool:
    """"Ursula von der Leyen", "Mohammed Shia al-Sudani": a name, not a role noun phrase
    ("a former EU commissioner", "other member states").

    >>> _proper_name("Ursula von der Leyen"), _proper_name("EU commissioner")
    (True, False)
    """
    words = [w for w in name.split() if any(c.isalpha() for c in w)]
    return bool(words) and all(w[0].isupper() or "-" in w or len(w) <= 3 for w in words)


def _speaking_person(doc: Doc, before: int, quoted: list[tuple[int, int]],
                     earlier: list[tuple[int, Speaker]],
                     actors_ran: bool) -> tuple[str | None, str | None]:
    people = _people_before(doc, before, quoted, actors_ran)
    window_start = _sentences_back(doc, before, _SUBJECT_WINDOW)
    previous = next(((at, sp) for at, sp in reversed(earlier) if at <= before and sp is not None
                     and _proper_name(sp.name)), None)
    if previous is not None and previous[0] >= window_start:
        for span, result in people:
            if span.start_char < previous[0]:
                break
            if _subject_like(span):
                return result
        return previous[1].actor_id, previous[1].name
    recent = [(span, result) for span, result in people if span.start_char >= window_start]
    for span, result in recent:
        if _subject_like(span):
            return result
    return recent[0][1] if recent else (None, None)


def _sentences_back(doc: Doc, at: int, count: int) -> int:
    """The offset where the sentence ``count`` sentences before the one at ``at`` starts."""
    span = doc.char_span(at, min(at + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is None or not len(span):
        return 0
    start = sentence_of(span[0]).start
    for _ in range(count):
        if start == 0:
            break
        start = sentence_of(doc[start - 1]).start
    return doc[start].idx


def _subject_like(span: Span) -> bool:
    """The span is (or stands in apposition to) a clause's subject."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") or any(t.dep_ in ("nsubj", "nsubjpass") for t in span):
        return True
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    # A sentence whose parse lost its subject ("Like Lutnick, Kevin Hassett, …, emphasized"):
    # a person named before its verb is the best guess at it.
    verb = sentence_of(root).root
    return span.end <= verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _full_name(doc: Doc, ent: Span) -> str:
    """The longest PERSON name of the document ending with ``ent``'s last word ("Putin" ->
    "Vladimir Putin"), so one person is named one way without the actors layer."""
    last = ent[-1].lower_
    best = ent.text
    for other in doc.ents:
        if other.label_ == "PERSON" and other[-1].lower_ == last and len(other.text) > len(best):
            best = other.text
    return best
