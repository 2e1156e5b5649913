"""Finding the spans of an article that name or describe an actor.

Four sources, in one linear pass each over the parsed body:

1. a gazetteer of the knowledge base (a spaCy ``PhraseMatcher`` over every alias, built once
   per knowledge base), so a known actor is found where the small model mislabels it
   ("the Trump administration", "DPRK");
2. the model's named entities (PERSON, ORG, GPE, NORP, FAC, LOC); where both cover the same
   words the longer span wins, and the gazetteer on a tie;
3. nominal mentions: noun phrases headed by an agent noun ("riot police", "an American
   destroyer", "the North Korean leader", "the Chinese foreign ministry");
4. third-person pronouns, "it"/"its" included (linked later, where a rule can decide).

A nominal naming two nationalities ("U.S. and Iraqi officials") gives one mention per country.

Country names and capitals count only when they stand for a government: "relations with
Pyongyang" is a mention, "talks in Beijing" is a place (see ``actor_rules.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsgraph.annotate.actor_lexicon import ActorLexicon, leading_determiners, lexicon
from newsgraph.annotate.alias_tokens import alias_tokens
from newsgraph.annotate.name_mentions import (name_parts, place_modifier, place_spans, surnames_in_office,
                                             tokens_with)
from newsgraph.annotate.roles import (Role, apposition, country_of_words, read_phrase, read_title,
                                     role_agent, title_before)
from newsgraph.kb.entries import Agent

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
# Entity labels of a head that is no agent noun, whatever its word: names, numbers, and
# places ("the West Bank" is no bank, "at the White House" no legislature).
_NOT_NOMINAL = frozenset({"PERSON", "ORG", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
                          "GPE", "LOC", "FAC"})
# The gender mark of "it"/"its": they refer to organisations, countries and groups.
NEUTER = "n"
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


@dataclass(slots=True)
class Candidate:
    """A span that refers to an actor, before linking. Offsets are characters of the body.

    ``source``: "name" (a proper name), "country" (a country, capital or seat of government
    standing for its government), "nominal" (a role noun phrase), "pronoun".
    """

    start: int
    end: int
    source: str
    label: str  # the entity label, "KB" for a gazetteer hit, "NOUN" or "PRON"
    text: str  # the name as written, without determiner, title or possessive
    head: int  # token index of the phrase's head
    kb_ids: tuple[str, ...] = ()
    country: str | None = None
    role: Role | None = None
    agent: Agent | None = None
    subject: bool = False
    definite: bool = False
    plural: bool = False
    government: bool = False  # stands for a government ("the Trump administration")
    gender: str = ""
    roles: list[Role] = field(default_factory=list)
    tokens: tuple[int, int] = (0, 0)  # token range [start, end) the mention covers
    owner: int | None = None  # token of a possessive pronoun owning a government noun
    governor: int = -1  # token index of the word the head depends on (its verb, for a subject)
    owner_neuter: bool = False  # the owner is "its": an organisation, country or group
    controller: tuple[int, int] | None = None  # a pronoun's object controller (characters)


# ---- the gazetteer ----------------------------------------------------------------------------

_GAZETTEERS: dict[int, tuple[object, object, "Gazetteer"]] = {}


class Gazetteer:
    """Every knowledge-base alias as a case-insensitive phrase pattern.

    A hit counts only if it is written like a name: an alias in capitals ("WHO") must match
    exactly, and any other alias needs a capital letter in the text ("us" is not the US).
    """

    def __init__(self, kb, nlp):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact: dict[tuple[str, str], set[str]] = {}
        by_entry: dict[str, list[str]] = {}
        for alias, kb_id in kb.aliases():
            alias = alias.strip()
            if len(alias) < 2:
                continue
            by_entry.setdefault(kb_id, []).append(alias)
            self.exact.setdefault((kb_id, alias.lower()), set()).add(alias)
        tokens = alias_tokens(sorted({a for aliases in by_entry.values() for a in aliases}), nlp)
        for kb_id, aliases in by_entry.items():
            self.matcher.add(kb_id, [Doc(nlp.vocab, words=tokens[a][0], spaces=tokens[a][1])
                                     for a in aliases])
        self.vocab = nlp.vocab

    def find(self, doc: Doc) -> dict[tuple[int, int], list[str]]:
        """Token spans (start, end) of the doc that name KB entries, with the entries' ids."""
        hits: dict[tuple[int, int], list[str]] = {}
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            kb_id = self.vocab.strings[match_id]
            forms = self.exact.get((kb_id, span.text.lower()), set())
            if span.text not in forms:
                if any(f.isupper() and len(f) > 1 for f in forms):
                    continue
                if not any(t.text[:1].isupper() for t in span if not t.is_punct):
                    continue
            start += leading_determiners([t.text for t in span], lexicon().articles)
            hits.setdefault((start, end), [])
            if kb_id not in hits[(start, end)]:
                hits[(start, end)].append(kb_id)
        return hits


def gazetteer(kb) -> Gazetteer:
    """The gazetteer of ``kb`` (built on first use, then cached for the process)."""
    from newsgraph.annotate.nlp import load_nlp

    nlp = load_nlp()
    cached = _GAZETTEERS.get(id(kb))
    if cached is None or cached[0] is not kb or cached[1] is not nlp:
        cached = (kb, nlp, Gazetteer(kb, nlp))
        _GAZETTEERS[id(kb)] = cached
    return cached[2]


# ---- finding mentions -------------------------------------------------------------------------


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading determiner or trailing possessive or quote marks."""
    start += leading_determiners([t.text for t in doc[start:end]],
                                 lexicon().articles | set(_QUOTES))
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in _QUOTES
                               or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _is_locative(span: Span, lex: ActorLexicon) -> bool:
    """Whether a place name is where something happens ("in Beijing"), not who acts."""
    token = span.root
    for _ in range(3):
        if token.dep_ == "pobj":
            return token.head.lower_ in lex.locative_prepositions
        if token.dep_ in ("appos", "conj", "compound") and token.head.i != token.i and token.head.ent_type_ in ("GPE", "LOC", "FAC"):
            token = token.head
            continue
        if token.dep_ in ("npadvmod",) and token.head.pos_ in ("ADJ", "VERB"):
            return True  # "Beijing-based"
        return False
    return False


def _government_noun(span: Span, lex: ActorLexicon) -> int | None:
    """Token index of the government noun a name modifies: "the Trump administration"."""
    head = span.root.head
    if span.root.dep_ in ("compound", "poss", "amod") and head.lower_ in lex.government_nouns:
        return head.i
    return None


def _stance_noun(span: Span, lex: ActorLexicon) -> int | None:
    head = span.root.head
    if span.root.dep_ == "poss" and head.lower_ in lex.stance_nouns:
        return head.i
    return None


def find_mentions(doc: Doc, kb, lex: ActorLexicon | None = None) -> list[Candidate]:
    """Every actor mention of the doc, in text order, not yet linked."""
    lex = lex or lexicon()
    spans: list[tuple[int, int, str, list[str]]] = []
    for (start, end), ids in gazetteer(kb).find(doc).items():
        if not _used_as_adjective(doc[start:end]):
            spans.append((start, end, "KB", ids))
    places = place_spans(doc)
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            start, end = _trim(doc, ent.start, ent.end)
            first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            if any(a <= first and last <= b for a, b in places) \
                    and not kb.lookup(doc[start:end].text):
                continue  # "in Uttar Pradesh", "the regional capital, Banja Luka": a place
            if place_modifier(doc[start:end], ent.label_, kb) and not kb.lookup(doc[start:end].text):
                continue  # "the Rafah offensive": a place qualifying a noun acts in nothing
            if _modifies_agent_noun(doc[start:end], ent.label_, kb, lex) and not kb.lookup(doc[start:end].text):
                continue  # "Riot police" mislabelled PERSON: the nominal reading wins
            if ent.label_ == "PERSON" and end - start == 1 and doc[start].tag_ == "NNS":
                continue  # "Mosques" mislabelled PERSON: a plural common noun is nobody's name
            spans.append((start, end, ent.label_, []))
    kb_spans: dict[int, list[int]] = {}
    for s, e, label, _ in spans:
        if label == "KB":
            kb_spans.setdefault(s, []).append(e)
    spans = [span for span in spans if span[2] == "KB" or not _sloppy(doc, span, kb_spans)]
    # Longest first; on a tie the gazetteer (listed first) wins.
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[2] != "KB", s[0]))
    taken = [False] * len(doc)
    chosen = []
    for start, end, label, ids in spans:
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        chosen.append((start, end, label, ids))
    chosen.sort()
    candidates: list[Candidate] = []
    consumed: set[int] = set()
    # People first: the words of their titles ("Pakistan's Prime Minister") are not mentions.
    people = []
    for start, end, label, ids in chosen:
        ner = doc[start].ent_type_ if label == "KB" else label
        entries = [kb.by_id(i) for i in ids] or kb.lookup(doc[start:end].text)
        entries = [e for e in entries if e is not None]
        if label == "PERSON" and entries and all(e.kind == "country" for e in entries):
            entries = []
        kinds = {e.kind for e in entries}
        if "person" in kinds or (not entries and ner == "PERSON"):
            people.append((start, end, label, [e.id for e in entries]))
    people.extend(name_parts(doc, people, taken, kb))
    people.extend(surnames_in_office(doc, taken, kb, lex))
    people.sort()
    people_starts = {p[0] for p in people}
    for start, end, label, ids in people:
        cand = _person(doc, start, end, label, ids, kb, lex)
        if cand.role is not None and cand.role.tokens and cand.role.tokens[0] < start:
            consumed.update(range(cand.role.tokens[0], start))
        candidates.append(cand)
    for start, end, label, ids in chosen:
        if start in people_starts or any(i in consumed for i in range(start, end)):
            continue
        cand = _other(doc, start, end, label, ids, kb, lex)
        if cand is not None:
            candidates.append(cand)
    for i in range(len(doc)):
        if i in consumed:
            taken[i] = True
    for cand in candidates:
        for i in range(*cand.tokens):
            taken[i] = True
    candidates.extend(_nominals(doc, taken, kb, lex))
    candidates.extend(_pronouns(doc, lex))
    candidates.sort(key=lambda c: (c.start, -c.end))
    return candidates


def _sloppy(doc: Doc, span: tuple, kb_spans: dict[int, list[int]]) -> bool:
    """An entity that holds a known name plus only lower-case words ("standing committee of
    the National People's Congress"), or only known names in a list ("Mali, Burkina Faso"):
    the known names are the mentions."""
    start, end = span[0], span[1]
    covered = [False] * (end - start)
    for s in range(start, end):
        for e in kb_spans.get(s, ()):
            if e <= end:
                covered[s - start:e - start] = [True] * (e - s)
    if all(c or doc[start + k].is_punct or doc[start + k].dep_ == "cc" for k, c in enumerate(covered)) \
            and any(doc[i].text == "," for i in range(start, end)):
        return True  # "Mali, Burkina Faso": a list of known names, each its own mention
    for s in range(start, end):
        for e in kb_spans.get(s, ()):
            if e <= end and (s, e) != (start, end):
                extra = [t for t in doc[start:end] if not (s <= t.i < e)]
                if all(t.is_lower or t.is_punct for t in extra):
                    return True
    return False


def _possessive_country(span: Span, kb) -> str | None:
    """The country of a possessive before an organisation: "Afghanistan's Ministry of ..."."""
    for child in span.root.children:
        if child.dep_ == "poss" and child.i < span.start:
            return country_of_words(child.text, kb)
    return None


def _modifies_agent_noun(span: Span, label: str, kb, lex: ActorLexicon) -> bool:
    root = span.root
    if label not in ("PERSON", "ORG") or root.dep_ not in ("compound", "amod") \
            or root.head.i != span.end or root.head.pos_ != "NOUN":
        return False
    if country_of_words(span.text, kb) is not None:
        return True  # a nationality the model took for a name: "Sri Lankan authorities"
    return (len(span) == 1 and role_agent(root.head.lower_, kb) is not None
            and root.head.lower_ not in lex.government_nouns)  # "the Trump administration"


def _used_as_adjective(span: Span) -> bool:
    """A known name used as an adjective before a noun ("a Chinese military parade"): it
    describes the noun and acts in nothing."""
    last = span[-1]
    return last.pos_ == "ADJ" and last.dep_ == "amod" and last.head.i >= span.end


def _base(doc: Doc, start: int, end: int, source: str, label: str) -> Candidate:
    span = doc[start:end]
    root = span.root
    return Candidate(start=span.start_char, end=span.end_char, source=source, label=label,
                     text=span.text, head=root.i, subject=root.dep_ in _SUBJECT_DEPS,
                     tokens=(start, end), governor=root.head.i)


def _person(doc: Doc, start: int, end: int, label: str, ids: list[str], kb,
            lex: ActorLexicon) -> Candidate:
    cand = _base(doc, start, end, "name", "PERSON" if label != "KB" else "KB")
    cand.kb_ids = tuple(ids)
    roles = [r for r in (title_before(doc, start, end, kb), apposition(doc, start, end, kb)) if r]
    cand.roles = roles
    cand.role = roles[0] if roles else None
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in lex.honorifics:
        cand.gender = lex.honorifics[before.lower_]
    _extend_to_government(cand, doc[start:end], lex)
    return cand


def _extend_to_government(cand: Candidate, span: Span, lex: ActorLexicon,
                          stance: bool = False) -> None:
    """"the Trump administration" (and with ``stance``, "Beijing's position"): the mention
    takes in the noun after the name and names the government."""
    gov = _government_noun(span, lex)
    if gov is None and stance:
        gov = _stance_noun(span, lex)
    if gov is not None and gov > span.start:
        token = span.doc[gov]
        cand.government = True
        cand.end = max(cand.end, token.idx + len(token))
        cand.tokens = (span.start, max(span.end, gov + 1))


def _other(doc: Doc, start: int, end: int, label: str, ids: list[str], kb,
           lex: ActorLexicon) -> Candidate | None:
    span = doc[start:end]
    entries = [e for e in (kb.by_id(i) for i in ids) if e is not None] or kb.lookup(span.text)
    ner = span.root.ent_type_ or label
    countries = [e for e in entries if e.kind == "country"]
    if countries and len(countries) == len(entries):
        code = countries[0].id.rpartition("/")[2]
        return _country(doc, start, end, code, countries[0].id, lex, kb)
    if entries:
        cand = _base(doc, start, end, "name", label)
        cand.kb_ids = tuple(e.id for e in entries)
        return cand
    if ner in ("GPE", "LOC"):
        code = country_of_words(span.text, kb)
        if code is None:
            return None  # a city or region: a place, not an actor
        return _country(doc, start, end, code, None, lex, kb)
    if ner == "NORP":
        root = span.root
        if root.dep_ in ("amod", "compound") or root.pos_ == "ADJ":
            return None  # "Chinese President": a modifier, read with the noun it modifies
        code = country_of_words(span.text, kb)
        cand = _base(doc, start, end, "nominal", "NORP")
        cand.country = code
        cand.plural = root.tag_ in ("NNS", "NNPS")
        cand.agent = Agent(span.text.lower(), "", "group")
        return cand if code else None
    if ner == "ORG":
        cand = _base(doc, start, end, "name", "ORG")
        cand.role = read_title(list(span), kb, lex)
        _extend_to_government(cand, span, lex)
        if cand.role is None or cand.role.country is None:
            code = _possessive_country(span, kb)
            if code:
                old = cand.role
                cand.role = Role(old.title if old else None, code, old.sector if old else None,
                                 old.kind if old else None)
        return cand
    if ner == "PERSON":
        return _person(doc, start, end, label, [], kb, lex)
    return None  # FAC/LOC that name no known actor


def _country(doc: Doc, start: int, end: int, code: str, kb_id: str | None,
             lex: ActorLexicon, kb) -> Candidate | None:
    span = doc[start:end]
    if _is_locative(span, lex):
        return None
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "South Korean and U.S. troops": the first conjunct's role counts
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= end and \
            root.head.lower_ not in lex.government_nouns and role_agent(root.head.lower_, kb):
        return None  # "the Myanmar military", "Pakistan officials": read as a nominal mention
    if root.dep_ == "poss" and root.head.pos_ == "PROPN" and role_agent(root.head.lower_, kb):
        return None  # "India's Prime Minister", a title the parse made the head of the name
    cand = _base(doc, start, end, "country", "GPE")
    cand.country = code
    cand.kb_ids = (kb_id,) if kb_id else ()
    _extend_to_government(cand, span, lex, stance=True)
    return cand


def _nominals(doc: Doc, taken: list[bool], kb, lex: ActorLexicon) -> list[Candidate]:
    """Noun phrases headed by an agent noun, with nationality and office read from them."""
    found = []
    try:
        chunks = list(doc.noun_chunks)
    except ValueError:  # no parse
        return found
    for chunk in chunks:
        root = chunk.root
        if taken[root.i] or root.pos_ == "PRON" or root.ent_type_ in _NOT_NOMINAL:
            continue
        if root.ent_type_ == "NORP":
            # "the Chinese", "Saudis": people of a nation; handled as names were.
            continue
        # The longest known office or agent among the head and its modifiers: "foreign
        # minister" (amod + head), "riot police" (compound + head), else the head alone.
        modifiers = [t.lower_ for t in chunk if t.i < root.i and t.dep_ in ("compound", "amod")
                     and not t.ent_type_ and not taken[t.i]]
        agent = None
        for k in range(len(modifiers)):
            agent = role_agent(" ".join([*modifiers[k:], root.lower_]), kb)
            if agent is not None:
                break
        agent = agent or _office_of(root, kb) or role_agent(root.lower_, kb) \
            or role_agent(root.lemma_.lower(), kb)
        if agent is None:
            body = _body_modifier(chunk, root, taken, kb, lex)
            if body is not None:
                found.append(body)
            continue
        role = read_phrase(doc, root, kb)
        if role is None or (role.sector is None and role.kind is None):
            continue
        cand = _base(doc, chunk.start, chunk.end, "nominal", "NOUN")
        cand.head = root.i
        cand.agent = agent
        cand.role = role
        nations = _nationalities(chunk, root, kb)
        cand.country = role.country if len(nations) < 2 else None
        owner = [t for t in root.children if t.dep_ == "poss"
                 and (t.lower_ in lex.pronouns or t.lower_ in lex.neuter_pronouns)]
        if owner:
            # "his administration": the government of his country; "its forces": the forces
            # of the country or body "its" stands for.
            cand.owner = owner[0].i
            cand.owner_neuter = owner[0].lower_ in lex.neuter_pronouns
        # "the leader", "Iran's foreign minister", and a singular office with a nationality and
        # no indefinite article ("Iraqi Prime Minister ...") name one holder.
        # A bare noun ("police fired at ...") is read like a definite one: the police already named.
        cand.definite = chunk[0].lower_ in ("the", "this", "that") or any(t.tag_ == "POS" for t in chunk) \
            or bool(agent.title and role.country and chunk[0].lower_ not in ("a", "an")) \
            or len(chunk) == 1
        cand.plural = root.tag_ in ("NNS", "NNPS") or agent.kind == "group"
        cand.government = root.lower_ in lex.government_nouns
        for i in range(chunk.start, chunk.end):
            taken[i] = True
        if len(nations) > 1:
            found.extend(_split_by_nationality(doc, cand, nations, chunk.end))
        else:
            found.append(cand)
    return found


def _office_of(root, kb) -> Agent | None:
    """An office spelled "X of Y" after the head: "secretary of state", "minister of foreign
    affairs" (only a whole title the knowledge base lists, not the head alone)."""
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [t for t in prep.children if t.dep_ == "pobj"]
            if objects and objects[0].ent_type_ not in ("GPE", "LOC", "NORP", "PERSON", "FAC"):
                words = " ".join(t.lower_ for t in objects[0].subtree)
                agent = role_agent(f"{root.lower_} of {words}", kb)
                if agent is not None and agent.title:
                    return agent
            break
    return None


def _body_modifier(chunk: Span, root, taken: list[bool], kb, lex: ActorLexicon) -> Candidate | None:
    """A body named as a modifier of a non-agent noun: "Israeli police actions", "Turkish
    media report": the words up to the body ("Israeli police") are a mention of it."""
    doc = chunk.doc
    for token in reversed([t for t in chunk if t.i < root.i]):
        if token.dep_ != "compound" or token.pos_ != "NOUN" or taken[token.i]:
            continue
        agent = role_agent(token.lower_, kb)
        if agent is None or agent.kind not in ("group", "organization"):
            continue
        start = chunk.start
        for i in range(chunk.start, token.i):
            # Determiners and names read as mentions of their own ("Hamas police") stay out;
            # a nationality stays in ("Israeli police").
            if doc[i].lower_ in lex.determiners or (taken[i] and doc[i].ent_type_ != "NORP"):
                start = i + 1
        role = read_title([doc[i] for i in range(start, token.i + 1)], kb, lex)
        if role is None:
            return None
        cand = _base(doc, start, token.i + 1, "nominal", "NOUN")
        cand.head = token.i
        cand.agent = agent
        cand.role = Role(role.title, role.country, role.sector or agent.sector, agent.kind,
                         role.former, None)
        cand.country = role.country
        cand.plural = True
        cand.definite = True
        for i in range(start, token.i + 1):
            taken[i] = True
        return cand
    return None


def _split_by_nationality(doc: Doc, cand: Candidate, nations: list[tuple[str, int, int]],
                          end: int) -> list[Candidate]:
    """"U.S. and Iraqi officials": one group per country, each its own mention: "U.S." for
    the American officials, "Iraqi officials" for the Iraqi ones (the last nationality and the
    head). Every part keeps the head's agent noun, number and definiteness."""
    parts = []
    for k, (code, first, last) in enumerate(nations):
        last_part = k == len(nations) - 1
        part = _base(doc, first, end if last_part else last, "nominal", "NOUN")
        if not last_part:
            part.text = f"{part.text} {doc[cand.head].text}"  # "U.S. officials", for its name
        part.head = cand.head
        part.agent = cand.agent
        role = cand.role
        # No title tokens: each part's mention is its own words, not the whole phrase.
        part.role = Role(role.title, code, role.sector, role.kind, role.former, None)
        part.country = code
        part.definite, part.plural = cand.definite, cand.plural
        part.subject, part.governor = cand.subject, cand.governor
        parts.append(part)
    return parts


def _nationalities(chunk: Span, root, kb) -> list[tuple[str, int, int]]:
    """The countries the words before the head name, each with its token range: two or more
    in "U.S. and Iraqi officials" or "Russian and DPRK leaders"."""
    found: list[tuple[str, int, int]] = []
    i = chunk.start
    while i < root.i:
        token = chunk.doc[i]
        end = i + 1
        if token.ent_type_ in ("GPE", "NORP", "ORG") and token.ent_iob_ == "B":
            while end < root.i and chunk.doc[end].ent_iob_ == "I":
                end += 1
        code = None
        if token.text[:1].isupper():
            text = chunk.doc[i:end].text
            code = kb.demonym(text) or kb.demonym(token.text)
            if code is None and token.ent_type_ in ("GPE", "NORP", "ORG") and len(text) > 1:
                entry = kb.country(text)
                code = entry.id.rpartition("/")[2] if entry is not None else None
        if code and all(code != c for c, _, _ in found):
            found.append((code, i, end))
        i = end
    return found


def _pronouns(doc: Doc, lex: ActorLexicon) -> list[Candidate]:
    found = []
    # Both kinds below need the word to be a pronoun of the lexicon
    for token in tokens_with(doc, LOWER, [*lex.pronouns, *lex.neuter_pronouns]):
        gender = lex.pronouns.get(token.lower_)
        if gender is not None and (token.pos_ == "PRON" or token.tag_ == "PRP$"):
            gender = gender or ""
        elif token.lower_ in lex.neuter_pronouns and _refers(token, lex):
            gender = NEUTER
        else:
            continue
        found.append(Candidate(start=token.idx, end=token.idx + len(token), source="pronoun",
                               label="PRON", text=token.text, head=token.i,
                               subject=token.dep_ in _SUBJECT_DEPS, gender=gender,
                               tokens=(token.i, token.i + 1), governor=token.head.i,
                               controller=_controller(token)))
    return found


def _controller(token) -> tuple[int, int] | None:
    """The object that controls the clause of a pronoun: in "urged Pakistan to stop its air
    strikes" the one who is to stop, and so the owner of "its", is Pakistan."""
    verb = token.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "xcomp" or verb.head.pos_ != "VERB":
        return None
    for child in verb.head.children:
        if child.dep_ == "dobj" and child.i < verb.i:
            return child.left_edge.idx, child.idx + len(child)
    return None


def _refers(token, lex: ActorLexicon) -> bool:
    """Whether an "it"/"its" may stand for an actor: a possessive ("its forces") always; "it"
    as the subject of a verb that is not a placeholder's ("it said", not "it is"), or of a
    clause reported by a singular subject ("Norway said it was ready")."""
    if token.tag_ == "PRP$":
        return True
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    if verb.dep_ == "ccomp" and 0 < token.i - verb.head.i <= 2 and any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.head.children):
        return True  # "Norway said (that) it was ready": the singular subject of the saying
    return verb.lemma_.lower() not in lex.expletive_verbs
