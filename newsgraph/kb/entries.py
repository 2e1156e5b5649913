"""The knowledge base's records: entries (people, organisations, countries, groups), their
dated positions, and agent nouns.

Dates are ISO strings at the precision known: "YYYY-MM-DD", "YYYY-MM" or "YYYY". A position
holds from ``start`` (inclusive) to ``end`` (exclusive); ``end`` None means it is still held.
A partial date covers its whole period: a term ending in "2013" may overlap one starting in
"2013", and the later start wins (see ``KnowledgeBase.holders``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    """An office held by a person, with the codes it gives them."""

    title: str  # normalised role noun: "president", "foreign minister", "spokesperson"
    office: str  # full name: "President of the People's Republic of China"
    country: str | None  # ISO3, or None for international organisations
    sector: str  # CAMEO/PLOVER sector code: GOV, MIL, LEG, JUD, IGO, ...
    organization: str | None = None  # KB id of the body (ministry, party, IGO)
    start: str | None = None
    end: str | None = None

    def holds_on(self, on: str) -> bool:
        """Whether the position is held on date ``on`` (a partial date counts if it overlaps).

        >>> p = Position("president", "President of X", "XXX", "GOV", start="2013-03-14",
        ...              end="2023")
        >>> [p.holds_on(d) for d in ("2013-03-14", "2013-03-13", "2023-06", "2024")]
        [True, False, True, False]
        """
        if self.start is not None and _upper(on) < _lower(self.start):
            return False
        if self.end is not None and _lower(on) >= _upper_exclusive(self.end):
            return False
        return True


@dataclass(frozen=True, slots=True)
class Period:
    """Codes an organisation or group had for a time: the Taliban are rebels (REB) until
    2021-08-15 and Afghanistan's government (GOV) from then. Same date rules as a position."""

    sector: str
    country: str | None = None  # None: the entry's own country
    start: str | None = None
    end: str | None = None

    def holds_on(self, on: str) -> bool:
        """Whether the period covers date ``on``.

        >>> Period("GOV", start="2021-08-15").holds_on("2021-08-14")
        False
        """
        return Position("", "", None, self.sector, start=self.start, end=self.end).holds_on(on)


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry: a person, an organisation, a country or a group."""

    id: str  # "ng:person/xi-jinping", "ng:country/CHN", "wd:Q15031"
    name: str
    kind: str  # person | organization | country | group
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None  # primary sector when no position applies (MED for Xinhua)
    positions: tuple[Position, ...] = ()
    description: str | None = None
    demonyms: tuple[str, ...] = ()  # countries only: "Chinese", "Saudis"
    capital: str | None = None
    metonyms: tuple[str, ...] = ()  # seats of government: "the Kremlin"
    leader: str | None = None  # countries only: the title of the executive leader ("chancellor")
    periods: tuple[Period, ...] = ()  # organisations and groups: codes that changed over time


@dataclass(frozen=True, slots=True)
class Agent:
    """A generic agent noun ("riot police", "rebels") and the codes it gives."""

    noun: str
    sector: str
    kind: str  # person | group | organization
    title: str | None = None  # role title when the noun is an office ("president")


def _lower(date: str) -> str:
    """The first day a partial date covers, as a sortable string."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def _upper(date: str) -> str:
    """The last day a partial date covers (day 31 is fine for string comparison)."""
    return (date + "-12-31")[:10] if len(date) == 4 else (date + "-31")[:10]


def _upper_exclusive(date: str) -> str:
    """Where a term ending on a partial date stops: after the whole period it names."""
    if len(date) == 10:
        return date
    return _upper(date) + "~"  # "~" sorts after any digit: the whole last day still holds


def date_sort_key(date: str | None) -> str:
    """A key that orders partial dates by the first day they cover; None sorts first."""
    return _lower(date) if date else ""
