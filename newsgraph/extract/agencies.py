"""Wire agencies: recognising "Associated Press", "AFP", "dpa" in bylines and credit lines.

The agencies and their aliases are data (``newsgraph/data/agencies.csv``). A short alias
("AP", "PA", "dpa") matches only in the case written there, so "ap" or "Pa" are not taken for
an agency; longer aliases match in any case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.extract.lexicon_files import Row, read_rows, split_aliases

__all__ = ["Agency", "agency_table", "match_agency", "agency_at_end", "agency_at_start"]

AGENCIES_FILE = "agencies.csv"
_SHORT = 4
_EDGE_PUNCT = ".,:;!?\"'“”‘’()[]"


@dataclass(frozen=True)
class Agency:
    """A wire agency: its name in ``Article.agencies`` and every way it is written."""

    name: str
    aliases: tuple[str, ...]


def _check(row: Row) -> None:
    if not split_aliases(row["aliases"]):
        raise row.fail("no alias")


@cache
def agency_table() -> tuple[Agency, ...]:
    """Every agency of the data file, in priority order."""
    rows = read_rows(AGENCIES_FILE, ("name", "aliases"), check=_check)
    return tuple(Agency(row["name"], split_aliases(row["aliases"]) + (row["name"],))
                 for row in rows)


@cache
def _alias_index() -> tuple[tuple[tuple[str, ...], bool, str], ...]:
    """(alias tokens, case-sensitive, agency name), longest aliases first."""
    entries = []
    for agency in agency_table():
        for alias in agency.aliases:
            tokens = tuple(alias.split())
            exact = len(alias) <= _SHORT
            entries.append((tokens if exact else tuple(t.casefold() for t in tokens), exact,
                            agency.name))
    entries.sort(key=lambda e: -len(e[0]))
    return tuple(entries)


def _key(tokens: list[str] | tuple[str, ...], exact: bool) -> tuple[str, ...]:
    stripped = tuple(t.strip(_EDGE_PUNCT) for t in tokens)
    return stripped if exact else tuple(t.casefold() for t in stripped)


def match_agency(text: str) -> str | None:
    """The agency that ``text`` names, as a whole, or None.

    >>> match_agency("Associated Press"), match_agency("dpa"), match_agency("ap")
    ('AP', 'dpa', None)
    """
    tokens = text.split()
    if not tokens:
        return None
    for alias, exact, name in _alias_index():
        if len(alias) == len(tokens) and _key(tokens, exact) == alias:
            return name
    return None


def agency_at_end(tokens: list[str]) -> tuple[str, int] | None:
    """(agency, number of tokens) when the last tokens name an agency."""
    for alias, exact, name in _alias_index():
        n = len(alias)
        if n <= len(tokens) and _key(tokens[-n:], exact) == alias:
            return name, n
    return None


def agency_at_start(tokens: list[str]) -> tuple[str, int] | None:
    """(agency, number of tokens) when the first tokens name an agency."""
    for alias, exact, name in _alias_index():
        n = len(alias)
        if n <= len(tokens) and _key(tokens[:n], exact) == alias:
            return name, n
    return None
