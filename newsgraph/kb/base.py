"""The knowledge base: entries merged from the bundled files and the user's, with lazy indexes.

Building the object only reads and validates rows; each index (names, countries, title
holders, agents) is built the first time a method needs it, so ``load_kb`` stays fast.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from pathlib import Path

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb.entries import Agent, Entry, Period, Position, date_sort_key
from newsgraph.kb.loader import (Row, Title, bundled_dir, bundled_entry_files, merge,
                                 read_agents, read_entries, read_former_sectors, read_modifiers,
                                 read_sectors, read_stance_prefixes,
                                 read_titles)
from newsgraph.kb.names import index_key, name_key, query_keys, singular_forms

ENV_VARIABLE = "NEWSGRAPH_KB"


class KnowledgeBase:
    """People, organisations, countries and groups with dated positions; agent nouns.

    >>> kb = load_kb()
    >>> kb.country("the Kremlin").id, kb.demonym("North Korean")
    ('ng:country/RUS', 'PRK')
    >>> [e.name for e, _ in kb.holders("president", "USA", "2025-09-04")]
    ['Donald Trump']
    """

    def __init__(self, rows: Iterable[Row], titles: list[Title], agents: list[Agent],
                 sectors: frozenset[str], modifiers: dict[str, str] | None = None,
                 state_sectors: frozenset[str] = frozenset(),
                 stance_prefixes: tuple[str, ...] = ()):
        self._rows: dict[str, Row] = {}
        for row in rows:
            self._rows[row.entry.id] = row
        self._titles = titles
        self._agents = agents
        self._modifiers = modifiers or {}
        self.sectors = sectors
        # Sectors of offices of state: a former holder is coded ELI (data/kb/sectors.csv).
        self.state_sectors = state_sectors
        self._stance_prefixes = stance_prefixes

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Entry]:
        return (row.entry for row in self._rows.values())

    def by_id(self, kb_id: str) -> Entry | None:
        """The entry with that id, or None."""
        row = self._rows.get(kb_id)
        return row.entry if row else None

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or an alias matches ``name`` (ignoring case, diacritics, hyphens,
        dots and a leading "the"); entries named so come before those only aliased so.

        >>> [e.id for e in load_kb().lookup("Kim Jong-un")]
        ['ng:person/kim-jong-un']
        """
        ids: list[str] = []
        for key in query_keys(name):
            ids.extend(i for i in self._names.get(key, ()) if i not in ids)
        return [self._rows[i].entry for i in ids]

    def country(self, text: str) -> Entry | None:
        """The country that ``text`` names: a name, short or official name, ISO2/ISO3 code
        (upper case only, so "it" is not Italy), demonym, capital or seat of government.

        >>> kb = load_kb()
        >>> [kb.country(t).id for t in ("DPRK", "Beijing", "Saudi", "FR")]
        ['ng:country/PRK', 'ng:country/CHN', 'ng:country/SAU', 'ng:country/FRA']
        """
        text = text.strip()
        code = self._codes.get(text)
        if code:
            return self._rows[code].entry
        for key in query_keys(text):
            kb_id = self._countries.get(key)
            if kb_id:
                return self._rows[kb_id].entry
        return None

    def demonym(self, word: str) -> str | None:
        """The ISO3 code of a nationality word: "North Korean" -> "PRK", "Saudis" -> "SAU"."""
        return self._demonyms.get(name_key(word))

    def holders(self, title: str, country: str | None,
                on: str | None) -> list[tuple[Entry, Position]]:
        """Who held ``title`` for ``country`` on date ``on`` (any date when None), the most recent
        start first. A title matches its spellings and its generic role: "defense minister" finds
        the US Secretary of Defense. "leader" means the country's executive leader (the country
        entry's ``leader`` title: the German chancellor, the Iranian supreme leader) or, when
        that office is empty or unknown, the most senior office holder then.

        >>> [e.name for e, _ in load_kb().holders("leader", "DEU", "2025-09-04")]
        ['Friedrich Merz']
        """
        wanted = self._canonical_title(title)
        if wanted == "leader":
            return self._leaders(country, on)
        found = []
        for kb_id, position in self._holders.get((wanted, country), ()):
            if on is None or position.holds_on(on):
                found.append((self._rows[kb_id].entry, position))
        found.sort(key=lambda pair: date_sort_key(pair[1].start), reverse=True)
        return found

    def office_country(self, title: str) -> str | None:
        """The one country whose office ``title`` is, when no other country's people hold
        that title at any date ("pope" -> VAT), else None ("president", "chancellor").

        >>> load_kb().office_country("pope"), load_kb().office_country("president")
        ('VAT', None)
        """
        wanted = self._canonical_title(title)
        if wanted == "leader":
            return None
        countries = {where for (held, where) in self._holders if held == wanted}
        return countries.pop() if len(countries) == 1 and None not in countries else None

    def _leaders(self, country: str | None, on: str | None) -> list[tuple[Entry, Position]]:
        row = self._rows.get(f"ng:country/{country}")
        if row is not None and row.entry.leader:
            found = self.holders(row.entry.leader, country, on)
            if found:
                return found
        held = [(self._rows[kb_id].entry, position)
                for (_, where), pairs in self._holders.items() if where == country
                for kb_id, position in pairs if on is None or position.holds_on(on)]
        if not held:
            return []
        top = min(self._rank(position) for _, position in held)
        unique = {(e.id, p): (e, p) for e, p in held if self._rank(p) == top}
        return sorted(unique.values(), key=lambda pair: date_sort_key(pair[1].start), reverse=True)

    def position_on(self, entry: Entry, on: str | None) -> Position | None:
        """The position ``entry`` held on ``on`` (the most senior if several), or None; with
        ``on`` None, the latest one (current positions first)."""
        # Most recent start first, so that among equal ranks min() keeps the latest.
        positions = sorted(entry.positions, key=lambda p: date_sort_key(p.start), reverse=True)
        if on is None:
            current = [p for p in positions if p.end is None]
            if current:
                return min(current, key=self._rank)
            ended = sorted(positions, key=lambda p: date_sort_key(p.end), reverse=True)
            return ended[0] if ended else None
        held = [p for p in positions if p.holds_on(on)]
        return min(held, key=self._rank) if held else None

    def period_on(self, entry: Entry, on: str | None) -> Period | None:
        """The dated codes of an organisation or group on ``on`` (with ``on`` None, the
        current ones), or None when its entry's own codes apply.

        >>> kb = load_kb()
        >>> [kb.period_on(kb.lookup("Taliban")[0], d).sector for d in ("2019", "2022-01-01")]
        ['REB', 'GOV']
        """
        if on is None:
            current = [p for p in entry.periods if p.end is None]
            return max(current, key=lambda p: date_sort_key(p.start)) if current else None
        held = [p for p in entry.periods if p.holds_on(on)]
        return max(held, key=lambda p: date_sort_key(p.start)) if held else None

    def agent(self, noun: str) -> Agent | None:
        """The agent an agent noun names, singular or plural, or None.

        A phrase not listed as a whole falls back on its longest listed tail ("paris railway
        police" -> "railway police"); an affiliation modifier before that tail then gives the
        sector ("military authorities" -> MIL, "former president" -> ELI). In "X of Y" or
        "X for Y" the head is X ("minister for agriculture" -> "minister").

        >>> kb = load_kb()
        >>> [kb.agent(n).sector for n in ("riot policemen", "rebel commanders", "minister of oil")]
        ['COP', 'REB', 'GOV']
        """
        # British "-isation" spellings share the table's "-ization" entries.
        words = name_key(noun).replace("isation", "ization").split()
        found = self._agent_tail(words)
        if found is None:
            for index, word in enumerate(words):
                if word in ("of", "for", "to", "in", "at", "on") and index > 0:
                    found = self._agent_tail(words[:index])
                    break
        if found is None:
            return None
        agent, first = found
        for index, word in enumerate(words[:first]):
            sector = self._modifiers.get(word)
            if sector is None or self._after_stance_prefix(words, index):
                # "anti government protesters", "antigovernment protesters": a stance, not
                # an affiliation; the noun keeps its own sector.
                continue
            if sector != agent.sector:
                title = agent.title if sector != "ELI" else None
                return Agent(" ".join(words), sector, agent.kind, title)
        return agent

    def _after_stance_prefix(self, words: list[str], index: int) -> bool:
        """Whether ``words[index]`` follows a stance prefix ("anti" in "anti government")."""
        return index > 0 and words[index - 1] in self._stance_prefixes

    def _agent_tail(self, words: list[str]) -> tuple[Agent, int] | None:
        """The agent of the longest listed tail of ``words``, and where that tail starts."""
        for first in range(len(words)):
            if self._after_stance_prefix(words, first):
                continue  # "anti government forces" are not "government forces"
            for form in singular_forms(" ".join(words[first:])):
                agent = self._agent_index.get(form)
                if agent:
                    return agent, first
        return None

    def agents(self) -> list[Agent]:
        """Every agent noun of the table, in table order."""
        return list(self._agents)

    def titles(self) -> list[Title]:
        """The known role titles, most senior first."""
        return list(self._titles)

    def stats(self) -> dict[str, int]:
        """Counts of what the knowledge base holds (``newsgraph kb stats``)."""
        kinds = {kind: 0 for kind in ("person", "organization", "group", "country")}
        positions, periods, offices, covered = 0, 0, set(), set()
        for entry in self:
            kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
            positions += len(entry.positions)
            periods += len(entry.periods)
            for position in entry.positions:
                offices.add(position.office)
                if position.country:
                    covered.add(position.country)
        return {"entries": len(self), "people": kinds["person"],
                "organizations": kinds["organization"], "groups": kinds["group"],
                "countries": kinds["country"], "positions": positions, "offices": len(offices),
                "dated_sectors": periods,
                "countries_with_office_holders": len(covered - {"UNO", "EUR"}),
                "aliases": sum(1 for _ in self.aliases()), "agent_nouns": len(self._agents),
                "titles": len(self._titles), "modifiers": len(self._modifiers)}

    def aliases(self) -> Iterator[tuple[str, str]]:
        """(alias text, entry id) for a gazetteer matcher: names, aliases and seats of
        government (not demonyms or capitals, which name a country only in some contexts)."""
        for row in self._rows.values():
            entry = row.entry
            seen = set()
            for text in (entry.name, *entry.aliases, *entry.metonyms):
                if text not in seen:
                    seen.add(text)
                    yield text, entry.id

    # ---- lazy indexes ------------------------------------------------------------------------

    @cached_property
    def _names(self) -> dict[str, tuple[str, ...]]:
        named: dict[str, list[str]] = defaultdict(list)
        aliased: dict[str, list[str]] = defaultdict(list)
        for row in self._rows.values():
            entry = row.entry
            named[index_key(entry.name)].append(entry.id)
            others = [*entry.aliases, *entry.metonyms]
            if row.official_name:
                others.append(row.official_name)
            for text in others:
                key = index_key(text)
                if entry.id not in aliased[key]:
                    aliased[key].append(entry.id)
        index = {}
        for key in named.keys() | aliased.keys():
            ids = named.get(key, [])
            index[key] = tuple(ids + [i for i in aliased.get(key, []) if i not in ids])
        return index

    @cached_property
    def _codes(self) -> dict[str, str]:
        codes = {}
        for row in self._rows.values():
            if row.entry.kind == "country":
                codes[row.entry.id.rpartition("/")[2]] = row.entry.id
                if row.iso2:
                    codes[row.iso2] = row.entry.id
        return codes

    @cached_property
    def _countries(self) -> dict[str, str]:
        # Names first, then the weaker readings, so a weaker one never shadows a name.
        index: dict[str, str] = {}
        rows = [r for r in self._rows.values() if r.entry.kind == "country"]
        layers = (
            lambda r: [r.entry.name, *filter(None, [r.official_name]), *r.entry.aliases],
            lambda r: list(r.entry.metonyms),
            lambda r: list(r.entry.demonyms),
            lambda r: [*filter(None, [r.entry.capital]), *r.capital_aliases],
        )
        for layer in layers:
            for row in rows:
                for text in layer(row):
                    index.setdefault(index_key(text), row.entry.id)
        return index

    @cached_property
    def _demonyms(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for row in self._rows.values():
            if row.entry.kind == "country":
                code = row.entry.id.rpartition("/")[2]
                for word in row.entry.demonyms:
                    index.setdefault(name_key(word), code)
        return index

    @cached_property
    def _title_index(self) -> dict[str, Title]:
        index = {}
        for title in self._titles:
            for text in (title.title, *title.variants):
                index.setdefault(name_key(text), title)
        return index

    def _canonical_title(self, title: str) -> str:
        known = self._title_index.get(name_key(title))
        return known.title if known else name_key(title)

    def _rank(self, position: Position) -> int:
        known = self._title_index.get(name_key(position.title))
        return known.rank if known else len(self._titles)

    @cached_property
    def _holders(self) -> dict[tuple[str, str | None], list[tuple[str, Position]]]:
        index: dict[tuple[str, str | None], list[tuple[str, Position]]] = defaultdict(list)
        for row in self._rows.values():
            for position in row.entry.positions:
                canonical = self._canonical_title(position.title)
                index[(canonical, position.country)].append((row.entry.id, position))
                known = self._title_index.get(canonical)
                if known and known.generic and known.generic != canonical:
                    index[(known.generic, position.country)].append((row.entry.id, position))
        return index

    @cached_property
    def _agent_index(self) -> dict[str, Agent]:
        index = {name_key(agent.noun).replace("isation", "ization"): agent
                 for agent in self._agents}
        # Every spelling of a known title is an agent noun too ("minister of foreign affairs").
        for title in self._titles:
            for text in (title.title, *title.variants):
                index.setdefault(name_key(text), Agent(text, title.sector, "person", title.title))
        return index


def load_kb(extra_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base: bundled files, then the files in ``NEWSGRAPH_KB`` (os.pathsep-separated),
    then ``extra_files``, each merged over the previous. Cached per set of files."""
    from_env = tuple(p for p in os.environ.get(ENV_VARIABLE, "").split(os.pathsep) if p.strip())
    return _load(from_env + tuple(str(p) for p in extra_files))


@lru_cache(maxsize=8)
def _load(user_files: tuple[str, ...]) -> KnowledgeBase:
    data = bundled_dir()
    sectors = read_sectors(data / "kb" / "sectors.csv")
    titles = read_titles(data / "kb" / "titles.csv", sectors)
    agents = read_agents(data / "agents.csv", sectors)
    modifiers = read_modifiers(data / "kb" / "modifiers.csv", sectors)
    files = [*bundled_entry_files(), *(Path(p) for p in user_files)]
    rows = merge(row for path in files for row in read_entries(path, sectors))
    _check_references(rows)
    state_sectors = read_former_sectors(data / "kb" / "sectors.csv")
    prefixes = read_stance_prefixes(data / "kb" / "stance_prefixes.csv")
    return KnowledgeBase(rows, titles, agents, sectors, modifiers, state_sectors, prefixes)


def _check_references(rows: list[Row]) -> None:
    """Every organisation a position names must be an entry, so a typo cannot dangle."""
    ids = {row.entry.id for row in rows}
    for row in rows:
        for position in row.entry.positions:
            if position.organization and position.organization not in ids:
                raise KnowledgeBaseError(
                    f"line {row.line}: position {position.title!r} names organization "
                    f"{position.organization!r}, which no knowledge-base entry has",
                    source=f"{row.source}:{row.line}")
