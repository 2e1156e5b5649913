"""Linking inside one article: every mention of an actor goes to the same actor.

No offline coreference model exists for spaCy 3.8 on PyPI, so linking is a set of rules,
applied to the mentions in text order (docs/actors.md lists and measures them):

- a knowledge-base entry is one actor, whatever alias names it ("DPRK", "North Korea");
- a country, its capital standing for its government, and its seats of government are one
  actor ("Beijing's position", "Pyongyang", "the Kremlin");
- a short name or a title with a surname ("Kim", "President Xi") joins the most recent person
  whose name holds those words; a lone surname absent from the article is looked up in the
  knowledge base among people in office on the article's date ("Trump");
- a definite singular role noun ("the North Korean leader") joins the most recent person of
  that country whose office fits, else the holder of that office on the date;
- "the Trump administration", "the Chinese government", "his administration" join the
  country's government; "the government" with no country joins that of the last person
  mentioned, when that person is a government official;
- an acronym joins the organisation whose initials it spells;
- nominal mentions of the same kind and country ("riot police") are one group;
- he/she/his/her join the most recent compatible person in the same or the two previous
  sentences, preferring a subject; a pronoun no rule decides is left unlinked;
- it/its join the most recent organisation, country or singular group of the same or the
  previous sentence, a subject first; "its forces" takes that actor's country;
- a definite role noun that names nobody yet joins the next person named, in the same or the
  next sentence, when their country and sector fit ("The U.N. special envoy for Syria ...
  Geir Pedersen").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.annotate.actor_lexicon import ActorLexicon, leading_determiners, lexicon
from newsgraph.annotate.mentions import NEUTER, Candidate
from newsgraph.annotate.roles import Role
from newsgraph.kb.names import name_key

# How many sentences back a pronoun may look for its person (0: the same sentence).
PRONOUN_WINDOW = 2
# "it"/"its" look back less far: organisations and countries crowd news text.
NEUTER_WINDOW = 1


@dataclass
class Draft:
    """An actor being built: how it is identified and the mentions linked to it so far."""

    key: str
    kind: str  # person | organization | country | group | other
    kb_id: str | None = None
    country: str | None = None  # for countries, nominal groups and text-only actors
    sector: str | None = None
    names: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str = ""
    agent_noun: str | None = None
    phrase: str | None = None  # the first role phrase naming it ("riot police"), for a name


def _without_determiners(text: str, lex: ActorLexicon) -> str:
    words = text.split()
    return " ".join(words[leading_determiners(words, lex.determiners, numbers=True):])


class Linker:
    """Links the candidates of one article, in text order, into drafts."""

    def __init__(self, kb, date: str | None, lex: ActorLexicon | None = None):
        self.kb = kb
        self.date = date
        self.lex = lex or lexicon()
        self.drafts: dict[str, Draft] = {}
        self.order: list[str] = []
        # (char start, sentence ordinal, draft key, subject?) of person mentions, in order.
        self.person_mentions: list[tuple[int, int, str, bool]] = []
        # The same for organisations, countries and singular groups, for "it"/"its".
        self.thing_mentions: list[tuple[int, int, str, bool]] = []
        self.links: list[tuple[Candidate, str]] = []  # every linked candidate with its draft key
        self.rules: list[str] = []  # the rule that linked each of ``links`` (docs/actors.md)
        self._rule = ""
        # Indexes that keep every rule a dictionary look-up, so linking stays linear in the
        # number of mentions: name word -> person drafts; draft -> last mention; agent noun ->
        # last nominal draft.
        self.word_index: dict[str, set[str]] = {}
        self.last_seen: dict[str, int] = {}
        self.by_noun: dict[str, str] = {}
        self.subject_of: dict[int, str] = {}  # verb token -> the person who is its subject
        self.first_sentence: dict[str, int] = {}  # draft -> sentence of its first mention
        self.role_only: set[str] = set()  # person drafts begun by a definite role noun

    # ---- public -------------------------------------------------------------------------------

    def link(self, candidates: list[Candidate], sentence_of) -> list[Draft]:
        """Link every candidate; ``sentence_of(token_index)`` gives a sentence ordinal."""
        for cand in candidates:
            key = self._key(cand, sentence_of(cand.head))
            if key is None:
                continue
            draft = self.drafts[key]
            self.links.append((cand, key))
            self.rules.append(self._rule)
            if cand.source == "name" and cand.text not in draft.names and not cand.government:
                draft.names.append(cand.text)
            if cand.source in ("name", "nominal") and draft.kind == "person":
                for role in cand.roles or ([cand.role] if cand.role else []):
                    if role and all((r.title, r.country, r.sector, r.former) !=
                                    (role.title, role.country, role.sector, role.former)
                                    for r in draft.roles):
                        draft.roles.append(role)
            if cand.source == "nominal" and draft.phrase is None:
                draft.phrase = _without_determiners(cand.text, self.lex)
            if cand.gender and not draft.gender and draft.kind == "person":
                draft.gender = cand.gender
            if draft.kind in ("organization", "country", "group") and cand.source != "pronoun" \
                    and not cand.plural:
                self.thing_mentions.append((cand.start, sentence_of(cand.head), key, cand.subject))
            if draft.kind == "person":
                self.person_mentions.append((cand.start, sentence_of(cand.head), key, cand.subject))
                if cand.subject:
                    self.subject_of[cand.governor] = key
                self.last_seen[key] = cand.start
                self._index_names(draft)
            if draft.agent_noun and draft.kind != "person":
                self.by_noun[draft.agent_noun] = key
            self.first_sentence.setdefault(key, sentence_of(cand.head))
        self._join_roles_to_names()
        return [self.drafts[k] for k in self.order]

    def _join_roles_to_names(self) -> None:
        """A definite role noun naming nobody yet, followed by a name ("The U.N. special envoy
        for Syria is calling for ... Geir Pedersen issued his appeal"): when the next person
        named, in the same or the next sentence, fits the role's country and sector, the role
        was that person all along and its mentions join them."""
        from newsgraph.annotate.resolve import draft_codes

        named = [(cand.start, key) for cand, key in self.links
                 if cand.source == "name" and self.drafts[key].kind == "person"]
        for key in [k for k in self.order if k in self.role_only]:
            draft = self.drafts[key]
            if draft.names or draft.kb_id:
                continue
            start = next(c.start for c, k in self.links if k == key)
            person = next((k for s, k in named if s > start and k != key), None)
            if person is None or person not in self.drafts:
                continue
            if self.first_sentence.get(person, 0) - self.first_sentence.get(key, 0) > 1:
                continue
            if any(s < start for s, k in named if k == person):
                continue  # named before the role: the role noun rules already had their say
            country, sector = draft_codes(self.drafts[person], self.kb, self.date)
            own_country, own_sector = draft_codes(draft, self.kb, self.date)
            if own_country and country and own_country != country:
                continue
            if own_sector and sector and own_sector[:3] != sector[:3]:
                continue
            self._merge(key, person)

    def _merge(self, old: str, new: str) -> None:
        """Move every link of draft ``old`` to draft ``new`` and drop ``old``."""
        target = self.drafts[new]
        for role in self.drafts[old].roles:
            if role not in target.roles:
                target.roles.append(role)
        for n, (cand, key) in enumerate(self.links):
            if key == old:
                self.links[n] = (cand, new)
                self.rules[n] = "role-before-name"
        del self.drafts[old]
        # Ids follow first mentions: the person now starts where the earlier of the two did.
        first = min(self.order.index(old), self.order.index(new))
        self.order.remove(old)
        self.order.remove(new)
        self.order.insert(first, new)
        self.role_only.discard(old)
        for noun, key in list(self.by_noun.items()):
            if key == old:
                self.by_noun[noun] = new

    # ---- rules --------------------------------------------------------------------------------

    def _new(self, key: str, kind: str, **fields) -> str:
        if key not in self.drafts:
            self.drafts[key] = Draft(key=key, kind=kind, **fields)
            self.order.append(key)
        return key

    def _country_key(self, code: str) -> str:
        entry = self.kb.country(code)
        return self._new(f"country:{code}", "country", kb_id=entry.id if entry else None,
                         country=code, sector="GOV")

    def _key(self, cand: Candidate, sentence: int) -> str | None:
        self._rule = cand.source
        if cand.source == "pronoun":
            return self._pronoun(cand, sentence)
        if cand.source == "country":
            return self._country_key(cand.country)
        if cand.source == "nominal":
            return self._nominal(cand, sentence)
        if cand.kb_ids:
            return self._known(cand)
        if cand.label == "ORG":
            return self._organization(cand)
        return self._person(cand)

    def _known(self, cand: Candidate) -> str:
        entries = [e for e in (self.kb.by_id(i) for i in cand.kb_ids) if e is not None]
        self._rule = "kb-entry"
        if len(cand.text.split()) == 1 and any(e.kind == "person" for e in entries):
            local = self._person_with_words(cand.text)
            if local is not None:
                self._rule = "short-name"
                return self._government_or(cand, local)
        entry = self._choose(entries)
        if entry.kind == "country":
            return self._country_key(entry.id.rpartition("/")[2])
        key = self._new(entry.id, entry.kind, kb_id=entry.id)
        return self._government_or(cand, key)

    def _choose(self, entries):
        """Among entries sharing a name: one already in the article, else one in office on the
        date, else the first (the knowledge base lists the best-known first)."""
        for entry in entries:
            if entry.id in self.drafts:
                return entry
        if self.date:
            for entry in entries:
                if entry.positions and self.kb.position_on(entry, self.date) is not None:
                    return entry
        return entries[0]

    def _government_or(self, cand: Candidate, key: str) -> str:
        """"the Trump administration": the government of the person's country."""
        if not cand.government:
            return key
        from newsgraph.annotate.resolve import draft_codes

        self._rule = "government-of-person"
        country, _sector = draft_codes(self.drafts[key], self.kb, self.date)
        return self._country_key(country) if country else key

    def _index_names(self, draft: Draft) -> None:
        names = list(draft.names)
        if draft.kb_id:
            entry = self.kb.by_id(draft.kb_id)
            if entry is not None:
                names.extend((entry.name, *entry.aliases))
        for name in names:
            for word in name_key(name).split():
                self.word_index.setdefault(word, set()).add(draft.key)

    def _person_with_words(self, text: str) -> str | None:
        """The most recently mentioned person whose names hold every word of ``text``."""
        words = name_key(text).split()
        if not words:
            return None
        keys = set(self.word_index.get(words[0], ()))
        for word in words[1:]:
            keys &= self.word_index.get(word, set())
        if not keys:
            return None
        return max(keys, key=lambda k: self.last_seen.get(k, -1))

    def _person(self, cand: Candidate) -> str:
        local = self._person_with_words(cand.text)
        if local is not None:
            self._rule = "short-name"
            return self._government_or(cand, local)
        words = name_key(cand.text).split()
        if len(words) == 1:
            entry = self._surname(words[0])
            if entry is not None:
                self._rule = "surname-in-office"
                return self._government_or(cand, self._new(entry.id, "person", kb_id=entry.id))
        self._rule = "new-name"
        key = self._new(f"person:{name_key(cand.text)}", "person")
        return self._government_or(cand, key)

    def _surname(self, word: str):
        """The one person whose name begins or ends with ``word`` (with a date: the one in
        office then)."""
        from newsgraph.annotate.resolve import person_by_surname

        return person_by_surname(self.kb, word, self.date)

    def _organization(self, cand: Candidate) -> str:
        text = cand.text
        if not text.isupper() and len(text.split()) <= 2:
            # The small model often labels a surname ORG ("Trump said"): a person named so in
            # the article, or the one in office, comes first.
            self._rule = "org-label-person"
            person = self._person_with_words(text)
            if person is None and len(text.split()) == 1:
                entry = self._surname(name_key(text))
                person = self._new(entry.id, "person", kb_id=entry.id) if entry else None
            if person is not None:
                return self._government_or(cand, person)
        if text.isupper() and 2 <= len(text) <= 6:
            for key in reversed(self.order):
                draft = self.drafts[key]
                if draft.kind == "organization" and any(self._acronym(n) == text for n in draft.names):
                    self._rule = "acronym"
                    return key
        role = cand.role
        self._rule = "new-name"
        if role is not None and role.country and role.title:
            return self._new(f"group:{role.country}:{role.title}", "organization",
                             country=role.country, sector=role.sector, agent_noun=role.title)
        return self._new(f"org:{name_key(text)}", "organization",
                         country=role.country if role else None, sector=role.sector if role else None)

    def _acronym(self, name: str) -> str:
        words = [w for w in name.replace("-", " ").split() if w.lower() not in self.lex.acronym_stopwords]
        return "".join(w[0].upper() for w in words if w[:1].isalpha())

    def _nominal(self, cand: Candidate, sentence: int) -> str | None:
        agent = cand.agent
        role = cand.role
        country = cand.country
        if cand.label == "NORP":
            self._rule = "nationality-group"
            return self._new(f"people:{country}", "group", country=country)
        if cand.government and country:
            self._rule = "government-noun"
            return self._country_key(country)
        if cand.government and country is None:
            # "Trump administration" where the model saw no name in "Trump": a capitalised
            # modifier that is a person's name (in the article, else in office) gives the
            # government of that person's country.
            for word in cand.text.split()[:-1]:
                if not word[:1].isupper() or name_key(word) in self.lex.determiners:
                    continue
                local = self._person_with_words(word)
                person = self.drafts[local] if local is not None else None
                if person is None:
                    entry = self._surname(name_key(word))
                    # Only to read the country: the person is not mentioned, so no actor.
                    person = Draft(entry.id, "person", kb_id=entry.id) if entry else None
                if person is not None:
                    from newsgraph.annotate.resolve import draft_codes

                    code, _sector = draft_codes(person, self.kb, self.date)
                    if code:
                        self._rule = "government-of-person"
                        return self._country_key(code)
        if cand.government and cand.owner is not None:
            owner = (self._neuter(cand.start, sentence) if cand.owner_neuter
                     else self._pronoun(cand, sentence))
            if owner is not None:
                from newsgraph.annotate.resolve import draft_codes

                code, _sector = draft_codes(self.drafts[owner], self.kb, self.date)
                if code:
                    self._rule = "government-of-pronoun"
                    return self._country_key(code)
        if cand.owner_neuter and country is None and not cand.government:
            # "its forces": the forces of the country or body "its" stands for.
            owner = self._neuter(cand.start, sentence)
            if owner is not None:
                from newsgraph.annotate.resolve import draft_codes

                country, _sector = draft_codes(self.drafts[owner], self.kb, self.date)
                if country:
                    self._rule = "owner-pronoun"
        if cand.government and country is None and cand.definite and cand.owner is None:
            # "the administration", "the government": of the country whose government official
            # was mentioned last.
            from newsgraph.annotate.resolve import draft_codes

            for key in sorted(self.last_seen, key=self.last_seen.get, reverse=True):
                code, sector = draft_codes(self.drafts[key], self.kb, self.date)
                if code and sector == "GOV":
                    self._rule = "government-of-last-official"
                    return self._country_key(code)
                break
        if agent.kind == "person" and not cand.plural and cand.definite:
            key = self._person_with_role(country, agent, role)
            if key is not None:
                self._rule = "role-noun"
                return key
            generic = name_key(agent.noun) in self.lex.generic_role_nouns
            # A generic noun asks the knowledge base for the country's executive leader ("the
            # North Korean leader"), unless the role belongs to a non-government body ("the
            # leader of the Taliban insurgency").
            office = agent.noun if generic else agent.title
            unique = None
            if country is None and office and not generic:
                # "the pope": an office only one country has needs no nationality.
                unique = country = self.kb.office_country(office)
            governing = role is None or role.sector in (None, "GOV") or unique is not None
            if country and office and governing and not (role and role.former):
                holders = self.kb.holders(office, country, self.date)
                if self.date is None:
                    # No date: the current holder, as for people's positions.
                    holders = [(e, p) for e, p in holders if p.end is None]
                holders = self._fitting(holders, role, agent)
                if holders:
                    self._rule = "office-holder"
                    entry = holders[0][0]
                    return self._new(entry.id, "person", kb_id=entry.id)
        noun = agent.noun
        if country is None and cand.definite:
            # "the police" after "Kenyan police": the group already named, whatever its country.
            if noun in self.by_noun:
                self._rule = "same-noun"
                return self.by_noun[noun]
        if self._rule != "owner-pronoun":
            self._rule = "new-group"
        kind = agent.kind if agent.kind in ("person", "group", "organization") else "group"
        if kind == "person":
            kind = "group" if cand.plural else "person"
        key = f"group:{country}:{noun}"
        if kind == "person" and cand.definite and key not in self.drafts:
            self.role_only.add(key)
        return self._new(f"group:{country}:{noun}", kind, country=country,
                         sector=(role.sector if role and role.sector else agent.sector) or None,
                         agent_noun=noun)

    def _fitting(self, holders: list, role: Role | None, agent) -> list:
        """The holders whose office fits the body the role phrase names: "the Kremlin
        spokesman" is not the foreign ministry's spokesperson. The role's words beyond the
        office noun must all appear in the office, the body or the entry's description."""
        if role is None or not role.title:
            return holders
        noun_words = set(name_key(agent.noun).split()) | set(name_key(agent.title or "").split())
        wanted = [w for w in name_key(role.title).split() if w not in noun_words]
        if not wanted:
            return holders
        fitting = []
        for entry, position in holders:
            texts = [position.office, entry.description or ""]
            body = self.kb.by_id(position.organization) if position.organization else None
            if body is not None:
                texts.extend((body.name, *body.aliases))
            words = set(name_key(" ".join(texts)).split())
            if all(w in words for w in wanted):
                fitting.append((entry, position))
        return fitting

    def _person_with_role(self, country: str | None, agent, role: Role | None) -> str | None:
        """The most recent person of ``country`` whose office fits the role noun."""
        from newsgraph.annotate.resolve import draft_codes, draft_titles

        for key in sorted(self.last_seen, key=self.last_seen.get, reverse=True):
            draft = self.drafts[key]
            their_country, _sector = draft_codes(draft, self.kb, self.date)
            if country is not None and their_country != country:
                continue
            if country is None and not agent.title:
                continue
            if agent.title:
                titles = draft_titles(draft, self.kb, self.date)
                wanted = name_key(agent.title)
                generic = name_key(agent.noun) in self.lex.generic_role_nouns
                if titles and not generic and not any(wanted in name_key(t) for t in titles):
                    continue
            return key
        return None

    def _neuter(self, start: int, sentence: int, subject_only: bool = False) -> str | None:
        """"it"/"its": the most recent organisation, country or singular group named in the
        same or the previous sentence, a subject first."""
        best = None
        for begin, sent, key, subject in reversed(self.thing_mentions):
            if begin >= start:
                continue
            if sentence - sent > NEUTER_WINDOW:
                break
            if subject:
                return key
            if best is None and not subject_only:
                best = key
        return best

    def _pronoun(self, cand: Candidate, sentence: int) -> str | None:
        if cand.gender == NEUTER:
            self._rule = "neuter-pronoun"
            if cand.controller is not None:
                for begin, _sent, key, _subject in reversed(self.thing_mentions):
                    if cand.controller[0] <= begin < cand.controller[1]:
                        return key
            return self._neuter(cand.start, sentence)
        best = None
        # "Hasina thanked him": an object pronoun is not the subject of its own verb.
        own_subject = self.subject_of.get(cand.governor) if not cand.subject else None
        for start, sent, key, subject in reversed(self.person_mentions):
            if start >= cand.start:
                continue
            if sentence - sent > PRONOUN_WINDOW:
                break
            draft = self.drafts[key]
            if cand.gender and draft.gender and cand.gender != draft.gender:
                continue
            if key == own_subject and cand.text.lower() in self.lex.object_pronouns:
                continue
            if subject:
                return key
            if best is None:
                best = key
        return best
