"""Roles read from the text: who a person is, said around their name.

"Chinese Foreign Ministry spokesperson Guo Jiakun" tells a country (CHN), an office ("foreign
ministry spokesperson") and a sector (GOV) for a person the knowledge base may never have
heard of. Three constructions are read, all from the dependency parse:

- words before the name that attach to it: titles and nationality ("Russian President Vladimir
  Putin", "Pakistan's Prime Minister Shehbaz Sharif");
- an apposition: "Guo Jiakun, a spokesperson for the Chinese foreign ministry," (and the
  reverse, "the ministry's spokesperson, Guo Jiakun");
- a role phrase on its own ("the North Korean leader", "the president of the United States"),
  read by ``read_phrase`` for nominal mentions.

Country words are the knowledge base's demonyms, country names and capitals; the office's
sector comes from the agent-noun table (``kb.agent``), the longest known tail first.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.actor_lexicon import ActorLexicon, lexicon
from newsgraph.kb.entries import Agent
from newsgraph.kb.names import name_key

# Dependency labels of the words before a name that belong to its title ("Chinese President").
_TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "case", "punct", "cc", "conj"})
# Prepositions that attach a country or body to an office: "president of", "spokesperson for".
_ROLE_PREPS = frozenset({"of", "for", "at", "to", "in"})
# Entity labels whose text may name a country (looked up in the knowledge base).
_PLACE_LABELS = frozenset({"NORP", "GPE", "LOC", "FAC"})
# Sectors of an elected seat, which a party member who holds one keeps ("Republican senator").
_SEAT_SECTORS = frozenset({"LEG"})
# Sectors of offices a region or city may hold ("Ontario Premier", "Lagos police chief").
_JURISDICTION_SECTORS = frozenset({"GOV", "LEG", "COP", "JUD"})


@dataclass(frozen=True, slots=True)
class Role:
    """What the text says a person (or a group) is.

    ``title`` is the office as written, lower case, without nationality or determiner
    ("foreign ministry spokesperson"); ``country`` ISO3; ``sector`` the code its office gives.
    ``former``: the text marks it as past ("former President ...").
    """

    title: str | None
    country: str | None
    sector: str | None
    kind: str | None = None  # person | group | organization, from the agent table
    former: bool = False
    tokens: tuple[int, int] | None = None  # token range [start, end) the role was read from


def country_of_words(text: str, kb) -> str | None:
    """ISO3 code named by a nationality word, a country name or a capital.

    >>> from newsgraph.kb import load_kb
    >>> country_of_words("North Korean", load_kb())
    'PRK'
    """
    code = kb.demonym(text)
    if code:
        return code
    entry = kb.country(text)
    if entry is not None:
        return entry.id.rpartition("/")[2]
    return None


def _place_code(tokens: list[Token], kb) -> tuple[str | None, set[int]]:
    """The first country named among ``tokens`` and the token indices that named it.

    Entities are read whole ("North Korean"); other capitalised words one to three at a time.
    """
    for token in tokens:
        if token.ent_type_ in _PLACE_LABELS or token.ent_type_ == "ORG":
            span = _entity_of(token)
            if span is not None and span.label_ in _PLACE_LABELS:
                text = _strip_possessive(span)
                code = country_of_words(text, kb)
                if code:
                    return code, set(range(span.start, span.end))
    for width in (3, 2, 1):
        for k in range(len(tokens) - width + 1):
            window = tokens[k:k + width]
            if not window[0].text[:1].isupper() or any(t.is_punct for t in window):
                continue
            if any(window[j + 1].i != window[j].i + 1 for j in range(width - 1)):
                continue
            text = " ".join(t.text for t in window)
            code = kb.demonym(text)
            if code is None and _names_country_outright(text, window, kb):
                entry = kb.country(text)
                code = entry.id.rpartition("/")[2] if entry else None
            if code:
                return code, {t.i for t in window}
    return None, set()


def _region_code(tokens: list[Token], kb) -> str | None:
    """The country of a region or city named before a public office: "Ontario Premier",
    "Central Java Governor" (the jurisdiction of the office)."""
    from newsgraph.annotate.places import resolve_place

    doc = tokens[0].doc
    k = 0
    while k < len(tokens):
        token = tokens[k]
        span = _entity_of(token) if token.ent_type_ in ("GPE", "LOC") else None
        if span is None and _place_word(token, kb):
            end = token.i + 1  # the whole run of proper nouns: "Central Java", not "Central"
            while k + 1 < len(tokens) and tokens[k + 1].i == end and _place_word(tokens[k + 1], kb):
                k += 1
                end += 1
            span = doc[token.i:end]
        if span is not None and span.text[:1].isupper():
            place = resolve_place(_strip_possessive(span))
            if place is not None and place.country:
                return place.country
        k += 1
    return None


def _place_word(token: Token, kb) -> bool:
    """A proper noun outside any entity that is no office word ("Ontario", not "Premier")."""
    return token.pos_ == "PROPN" and not token.ent_type_ and role_agent(token.lower_, kb) is None


def _names_country_outright(text: str, window: list[Token], kb) -> bool:
    """Whether words inside a name ("Economic Community of West African States") name a
    country on their own: its full name, an abbreviation ("U.S."), or a possessive
    ("Pakistan's"); not a word that is only sometimes a country ("States")."""
    entry = kb.country(text)
    if entry is None:
        return False
    if name_key(text) == name_key(entry.name):
        return True
    if sum(c.isupper() for c in text) >= 2 and len(text.replace(".", "")) <= 4:
        # An abbreviation the knowledge base lists for the country ("U.S.", "UK"), not any
        # two capitals that happen to be an ISO code ("AI companies").
        return any(e.id == entry.id for e in kb.lookup(text))
    last = window[-1]
    return last.i + 1 < len(last.doc) and last.doc[last.i + 1].tag_ == "POS"


def _entity_of(token: Token) -> Span | None:
    """The entity ``token`` is in, found from its IOB tags (no scan of ``doc.ents``)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _strip_possessive(span: Span) -> str:
    text = span.text
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def read_title(tokens: list[Token], kb, lex: ActorLexicon | None = None) -> Role | None:
    """The role that ``tokens`` (words before or around a name) give, or None.

    Nationality words give the country; the other content words, lower case, give the title,
    and its longest tail known as an agent noun gives the sector.
    """
    lex = lex or lexicon()
    if not tokens:
        return None
    country, used = _place_code(tokens, kb)
    former = any(t.lower_ in lex.former_markers for t in tokens)
    words = [t for t in tokens if t.i not in used and not t.is_punct
             and t.dep_ not in ("det", "case", "cc") and t.lower_ not in lex.determiners
             and t.lower_ not in lex.honorifics and t.tag_ != "POS"]
    title = " ".join(t.lower_ for t in words) or None
    agent = None
    if title:
        for start in range(len(words)):
            agent = kb.agent(" ".join(t.lower_ for t in words[start:]))
            if agent is not None:
                break
        if agent is None:
            agent = _title_agent(title, kb)
        if agent is None:
            # "ministry spokesperson for ...": a body named before another noun.
            for token in reversed(words):
                found = kb.agent(token.lower_)
                if found is not None and found.kind == "organization":
                    agent = found
                    break
    body_entry = _dated(_named_body(tokens, kb), tokens[0].doc, kb)
    if body_entry is not None:
        # "IS deputy caliph", "State Department official": a known body in the title gives
        # the sector (and the country, when the title names none).
        if country is None:
            country = body_entry.country
        # A party's members keep the sector of their seat: "Republican lawmakers" are LEG.
        if body_entry.sector and not (agent is not None and agent.sector in _SEAT_SECTORS
                                      and body_entry.sector == "PTY"):
            agent = Agent(agent.noun if agent else body_entry.name, body_entry.sector,
                          agent.kind if agent else "person", agent.title if agent else None)
    elif agent is not None and len(words) > 1 and (agent.sector == "GOV" or agent.title):
        # "army spokesperson", "foreign ministry spokesperson", "police chief": the body the
        # person serves gives the sector, not the generic office noun.
        for end in range(len(words) - 1, 0, -1):
            body = kb.agent(" ".join(t.lower_ for t in words[:end]))
            if body is not None and body.kind == "organization":
                agent = Agent(agent.noun, body.sector, agent.kind, agent.title)
                break
    if country is None and agent is not None and agent.sector in _JURISDICTION_SECTORS:
        country = _region_code(tokens, kb)  # "Ontario Premier", "Central Java Governor"
    if country is None and agent is None:
        return None
    first, last = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    sector = agent.sector if agent else None
    if former and sector in kb.state_sectors:
        sector = "ELI"  # "a former president": CAMEO codes former officials as elites
    return Role(title, country, sector, agent.kind if agent else None, former, (first, last))


_TITLE_CACHE: dict[int, tuple[object, dict]] = {}


def role_agent(noun: str, kb) -> Agent | None:
    """The agent a role noun names: the agent-noun table first, then the office titles.

    >>> from newsgraph.kb import load_kb
    >>> role_agent("leader", load_kb()) is not None
    True
    """
    agent = kb.agent(noun)
    if agent is not None and agent.title and name_key(agent.noun) != name_key(noun):
        # Only a tail matched ("deputy foreign minister" -> "foreign minister"): the sector
        # holds, the office does not.
        agent = Agent(agent.noun, agent.sector, agent.kind, None)
    if agent is not None and agent.title is None:
        # The agent table gives the sector; the office title table says it is one office
        # with holders ("foreign minister"), which only an exact match may claim.
        office = _title_agent(noun, kb, exact=True)
        if office is not None:
            return Agent(agent.noun, agent.sector, agent.kind, office.title)
    return agent or _title_agent(noun, kb)


def _title_agent(title: str, kb, *, exact: bool = False) -> Agent | None:
    """An office title of the knowledge base's title table read as an agent (person kind)."""
    cached = _TITLE_CACHE.get(id(kb))
    if cached is None or cached[0] is not kb:
        index = {}
        for known in kb.titles():
            for text in (known.title, *known.variants):
                index.setdefault(name_key(text), Agent(known.title, known.sector, "person", known.title))
        cached = (kb, index)
        _TITLE_CACHE[id(kb)] = cached
    words = name_key(title).split()
    for start in range(1 if exact else len(words)):
        agent = cached[1].get(" ".join(words[start:]))
        if agent is not None:
            return agent
    return None


def _dated(entry, doc: Doc, kb):
    """``entry`` with the codes it had on the article's date, when they changed over time:
    "Taliban fighters" in 2022 serve Afghanistan's government, in 2010 an insurgency."""
    if entry is None or not entry.periods or not Doc.has_extension("published"):
        return entry
    from dataclasses import replace

    from newsgraph.annotate.resolve import day_of

    period = kb.period_on(entry, day_of(doc._.published))
    if period is None:
        return entry
    return replace(entry, sector=period.sector, country=period.country or entry.country)


def _named_body(tokens: list[Token], kb):
    """A knowledge-base organisation or group named among ``tokens`` (longest name first),
    read from the text itself so that "al-Shabab" or "U.S. Navy" keep their punctuation."""
    if not tokens:
        return None
    doc = tokens[0].doc
    ordered = sorted(tokens, key=lambda t: t.i)
    for width in range(min(len(ordered), 5), 0, -1):
        for k in range(len(ordered) - width + 1):
            window = ordered[k:k + width]
            if window[-1].i - window[0].i != width - 1:
                continue
            text = doc[window[0].i:window[-1].i + 1].text
            if not any(c.isupper() for c in text):
                continue
            head = window[-1].head
            if window[-1].dep_ in ("compound", "amod") and head.i > window[-1].i \
                    and head.pos_ == "PROPN" and head.is_title:
                continue  # a word of a longer name: "Republican Guard" is no party
            before = doc[window[0].i - 1] if window[0].i > 0 else None
            if before is not None and before.is_title and before.head.i in range(
                    window[0].i, window[-1].i + 1) and before.dep_ in ("compound", "amod"):
                continue  # the end of a longer name: "Social Democratic Party" is no US party
            for entry in kb.lookup(text):
                if entry.kind in ("organization", "group"):
                    return entry
    return None


def title_before(doc: Doc, start: int, end: int, kb) -> Role | None:
    """The role given by the words before the name ``doc[start:end]`` that attach to it: in
    "Pakistan's Prime Minister Shehbaz Sharif", title "prime minister", country PAK, sector GOV.
    """
    chain = set(range(start, end))
    first = start
    j = start - 1
    sent_start = doc[start].sent.start
    while j >= sent_start:
        token = doc[j]
        if token.text in (",", ";", ":", "(", ")", "\"", "\u201c", "\u201d") or token.is_space:
            break
        attaches = token.head.i in chain or (token.head.i > j and token.head.i < end and token.head.i >= first)
        if token.tag_ == "POS" or token.dep_ == "case":
            attaches = True
        if not attaches or token.dep_ not in _TITLE_DEPS and token.ent_type_ not in _PLACE_LABELS | {"ORG"}:
            break
        if token.dep_ == "det" and token.lower_ in ("a", "an"):
            break
        chain.add(j)
        first = j
        j -= 1
    if first == start:
        return None
    return read_title([doc[i] for i in range(first, start)], kb)


def apposition(doc: Doc, start: int, end: int, kb) -> Role | None:
    """The role of an apposition to the name ``doc[start:end]``: "Guo Jiakun, a spokesperson
    for the Chinese foreign ministry," or "the ministry's spokesperson, Guo Jiakun"."""
    head = doc[start:end].root
    for child in head.children:
        if child.dep_ == "appos" and not (start <= child.i < end) and child.ent_type_ != "PERSON":
            return read_phrase(doc, child, kb)
    if head.dep_ == "appos" and head.head.ent_type_ != "PERSON" and head.head.pos_ == "NOUN":
        return read_phrase(doc, head.head, kb)
    return None


def _names_place(obj: Token, kb) -> bool:
    """Whether a preposition's object is a country, capital or seat of government ("a reporter
    at the White House" says where, not who employs)."""
    span = obj.doc[obj.left_edge.i:obj.i + 1]
    return kb.country(span.text) is not None


def _located_country(head: Token, prep: Token, obj: Token, kb) -> str | None:
    """The country of the place a role noun is in or comes from, when the noun is read as
    belonging there: "police in Tunisia" are Tunisian police and "diplomats from China" are
    Chinese, but "diplomats in Beijing" need not be Chinese, nor "foreign fighters in Syria"
    Syrian."""
    lex = lexicon()
    if prep.lower_ in lex.located_prepositions:
        if head.lower_ in lex.visiting_role_nouns or head.lemma_.lower() in lex.visiting_role_nouns \
                or any(t.lower_ in lex.visiting_modifiers for t in head.lefts):
            return None
    elif prep.lower_ not in lex.origin_prepositions:
        return None
    tokens = list(obj.subtree)  # "in Tunisia", "in the city of Goma"
    code, _ = _place_code(tokens, kb)
    names = [t for t in tokens if t.ent_type_ in _PLACE_LABELS or t.pos_ == "PROPN"]
    if code is None and names:
        from newsgraph.annotate.places import resolve_place  # cities, regions: the gazetteer

        # The object itself when it is a name ("officials in Lahore, the capital of Punjab
        # province": Lahore), else the last name ("in the city of Goma")
        for name in ([obj] if obj in names else []) + names[::-1]:
            entity = _entity_of(name)
            # A name the model did not mark as a place counts only as a large city ("police
            # in Goma" with Goma tagged as a person).
            place = resolve_place(entity.text if entity is not None else name.text,
                                  strict=name.ent_type_ not in _PLACE_LABELS)
            code = place.country if place is not None else None
            if code is not None:
                break
    return code


def read_phrase(doc: Doc, head: Token, kb) -> Role | None:
    """The role a noun phrase headed by ``head`` gives: its modifiers and the country or body
    after "of" / "for" ("the president of the United States", "a spokesperson for the Chinese
    foreign ministry")."""
    left = [t for t in head.lefts if t.dep_ in _TITLE_DEPS or t.ent_type_ in _PLACE_LABELS]
    tokens: list[Token] = []
    for t in left:
        tokens.extend(t.subtree)
    tokens.append(head)
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    role = read_title(tokens, kb)
    extra: list[Token] = []
    located: str | None = None
    for prep in head.rights:
        if prep.dep_ != "prep":
            continue
        if located is None:
            located = next((code for obj in prep.children if obj.dep_ == "pobj"
                            if (code := _located_country(head, prep, obj, kb))), None)
            if located:
                continue
        if prep.lower_ in _ROLE_PREPS:
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                # "president of the United States" names the country served; "envoy for
                # Syria" or "representative for North Korea" names only a subject matter.
                if prep.lower_ != "of" and (obj.ent_type_ in _PLACE_LABELS or _names_place(obj, kb)):
                    continue
                # The body's own words, not where it is ("Center in Berlin").
                extra = sorted([t for left in obj.lefts for t in left.subtree] + [obj],
                               key=lambda t: t.i)
            break
    if located and role is not None and role.country is None:
        role = Role(role.title, located, role.sector, role.kind, role.former, role.tokens)
    if extra:
        country, _ = _place_code(extra, kb)
        body = read_title(extra, kb)
        if role is None:
            role = body
            if role is not None:
                role = Role(head.lower_, role.country, role.sector, role.kind, role.former,
                            role.tokens)
        elif role.country is None and (country or (body and body.country)):
            role = Role(role.title, country or body.country, role.sector or (body.sector if body else None),
                        role.kind, role.former, role.tokens)
        elif role.sector is None and body is not None:
            role = Role(role.title, role.country, body.sector, role.kind, role.former, role.tokens)
        if role is not None and body is not None and body.sector and \
                head.lower_ in lexicon().generic_role_nouns:
            # "the leader of the Taliban insurgency": a generic office takes its body's sector.
            role = Role(role.title, role.country or body.country, body.sector, role.kind,
                        role.former, role.tokens)
        if role is not None:
            last = max(t.i for t in extra) + 1
            first = role.tokens[0] if role.tokens else head.i
            role = Role(role.title, role.country, role.sector, role.kind, role.former,
                        (min(first, head.i), max(last, head.i + 1)))
    return role
