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
def _alias_index() -> tuple[tuple[int, ...], dict[tuple[bool, tuple[str, ...]], tuple[int, str]]]:
    """The alias lengths, longest first, and (case-sensitive, alias tokens) -> (priority,
    agency name): a dictionary, since bylines are asked about many times per page."""
    index: dict[tuple[bool, tuple[str, ...]], tuple[int, str]] = {}
    for agency in agency_table():
        for alias in agency.aliases:
            tokens = tuple(alias.split())
            exact = len(alias) <= _SHORT
            key = (exact, tokens if exact else tuple(t.casefold() for t in tokens))
            index.setdefault(key, (len(index), agency.name))
    lengths = sorted({len(tokens) for _, tokens in index}, reverse=True)
    return tuple(lengths), index


def _key(tokens: list[str] | tuple[str, ...], exact: bool) -> tuple[str, ...]:
    stripped = tuple(t.strip(_EDGE_PUNCT) for t in tokens)
    return stripped if exact else tuple(t.casefold() for t in stripped)


def _lookup(tokens: list[str] | tuple[str, ...]) -> str | None:
    """The agency these tokens name exactly (a short alias in its own case), or None."""
    _, index = _alias_index()
    found = [index.get((exact, _key(tokens, exact))) for exact in (True, False)]
    found = [f for f in found if f is not None]
    return min(found)[1] if found else None


def match_agency(text: str) -> str | None:
    """The agency that ``text`` names, as a whole, or None.

    >>> match_agency("Associated Press"), match_agency("dpa"), match_agency("ap")
    ('AP', 'dpa', None)
    """
    tokens = text.split()
    return _lookup(tokens) if tokens else None


def agency_at_end(tokens: list[str]) -> tuple[str, int] | None:
    """(agency, number of tokens) when the last tokens name an agency."""
    for n in _alias_index()[0]:
        if n <= len(tokens) and (name := _lookup(tokens[-n:])):
            return name, n
    return None


def agency_at_start(tokens: list[str]) -> tuple[str, int] | None:
    """(agency, number of tokens) when the first tokens name an agency."""
    for n in _alias_index()[0]:
        if n <= len(tokens) and (name := _lookup(tokens[:n])):
            return name, n
    return None
