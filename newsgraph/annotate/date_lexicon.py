"""The words newsgraph reads dates with (``data/dates.toml``), validated and compiled.

``dates.toml`` holds every word list of ``annotate.dates``: weekday and month names, relative
words ("yesterday"), holidays, shifts ("last", "next"), units, future markers (the future
auxiliaries are the event coder's, ``event_patterns.toml`` [cues] ``future_aux``). This module
loads it once, checks every entry (a bad one raises ``KnowledgeBaseError`` naming the file and
the line) and builds the patterns the resolver matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from newsgraph.annotate.event_patterns import load_patterns
from newsgraph.datafiles import data_path, read_toml
from newsgraph.errors import KnowledgeBaseError

__all__ = ["DATA_FILE", "UNITS", "Lexicon", "alternation", "lexicon", "load_lexicon"]

DATA_FILE = data_path("dates.toml")
UNITS = ("day", "week", "weekend", "month", "year", "decade")
_OFFSET_TABLES = ("relative_days", "anaphoric_days", "shifts", "counts")


@dataclass(frozen=True)
class Lexicon:
    """The words of ``dates.toml``, validated, with the patterns built from them."""

    prepositions: tuple[str, ...]
    weekdays: tuple[tuple[str, ...], ...]  # index 0 = Monday
    months: tuple[tuple[str, ...], ...]  # index 0 = January
    relative_days: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    anaphoric_days: dict[str, int]
    shifts: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    counts: dict[str, int]
    units: dict[str, str]  # word -> unit
    approximate_re: re.Pattern[str]
    future_aux: frozenset[str]  # from event_patterns.toml
    future_heads: frozenset[str]
    future_words: frozenset[str]
    future_deadlines: frozenset[str]
    past_modals: frozenset[str]
    weekday_re: re.Pattern[str]
    month_re: re.Pattern[str]
    shifted_month_re: re.Pattern[str]  # "last March"
    shifted_re: re.Pattern[str]  # "last week", "this summer", "the weekend"
    ago_re: re.Pattern[str]

    def weekday(self, word: str) -> int:
        """The weekday a name stands for, 0 = Monday."""
        return next(i for i, names in enumerate(self.weekdays) if word in names)

    def month(self, word: str) -> int:
        """The month a name stands for, 1 = January."""
        return next(i for i, names in enumerate(self.months) if word in names) + 1


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first ("sept." before "sept")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _line_of(text: str, table: str, key: str = "") -> int:
    """The line of ``key`` in ``[table]`` (of the table itself without a key), else 1."""
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.strip() == f"[{table}]"), 0)
    for i in range(header + 1, len(lines) if key else header + 1):
        if lines[i].lstrip().startswith("["):
            break
        if lines[i].lstrip().startswith((f"{key} =", f'"{key}" =')):
            return i + 1
    return header + 1


def load_lexicon(path: Path = DATA_FILE) -> Lexicon:
    """The lexicon in ``path``; a bad entry raises ``KnowledgeBaseError`` naming file and line."""
    data, text = read_toml(path, KnowledgeBaseError)

    def bad(table: str, key: str, why: str) -> KnowledgeBaseError:
        line = _line_of(text, table, key)
        where = f"[{table}] {key}" if key else f"[{table}]"
        return KnowledgeBaseError(f"{path.name}, line {line}: {where}: {why}", source=str(path))

    def table(name: str) -> dict:
        entry = data.get(name)
        if not isinstance(entry, dict) or not entry:
            raise bad(name, "", "table is missing or empty")
        return entry

    def words(name: str, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or not all(
                isinstance(w, str) and w.strip() and w == w.lower() for w in value):
            raise bad(name, key, "needs a non-empty list of lower-case words")
        return tuple(w.strip() for w in value)

    required = ("prepositions", "weekdays", "months", "relative_days", "holidays",
                "anaphoric_days", "shifts", "seasons", "counts", "units", "ago", "future")
    unknown = sorted(set(data) - set(required))
    if unknown:
        raise bad(unknown[0], "", "unknown table")
    for name in required:
        table(name)
    offsets: dict[str, dict[str, int]] = {}
    for name in _OFFSET_TABLES:
        offsets[name] = {}
        for key, value in table(name).items():
            if not isinstance(value, int) or isinstance(value, bool) or key != key.lower():
                raise bad(name, key, "needs a lower-case key and a whole number")
            offsets[name][key] = value
    weekdays = tuple(words("weekdays", k, v) for k, v in table("weekdays").items())
    months = tuple(words("months", k, v) for k, v in table("months").items())
    if len(weekdays) != 7 or len(months) != 12:
        raise bad("weekdays" if len(weekdays) != 7 else "months", "",
                  "needs 7 weekdays and 12 months, in calendar order")
    seasons: dict[str, tuple[int, int]] = {}
    for key, value in table("seasons").items():
        if not (isinstance(value, list) and len(value) == 2
                and all(isinstance(m, int) and 1 <= m <= 12 for m in value)):
            raise bad("seasons", key, "needs [first month, last month], 1-12")
        seasons[key] = (value[0], value[1])
    holidays: dict[str, tuple[int, int]] = {}
    for key, value in table("holidays").items():
        try:
            date(2000, *value)  # a leap year: "Feb. 29" would be a valid holiday
        except (TypeError, ValueError):
            raise bad("holidays", key, "needs [month, day] of a real day") from None
        holidays[key] = (value[0], value[1])
    units: dict[str, str] = {}
    for key, value in table("units").items():
        if key not in UNITS:
            raise bad("units", key, f"unknown unit (one of {', '.join(UNITS)})")
        units.update((w, key) for w in words("units", key, value))
    future, ago = table("future"), table("ago")
    shifts = alternation(offsets["shifts"])
    month_words = alternation(w for m in months for w in m)
    return Lexicon(
        prepositions=words("prepositions", "words", table("prepositions").get("words")),
        weekdays=weekdays, months=months,
        relative_days=offsets["relative_days"], holidays=holidays,
        anaphoric_days=offsets["anaphoric_days"],
        shifts=offsets["shifts"], seasons=seasons, counts=offsets["counts"], units=units,
        approximate_re=re.compile(
            rf"\b(?:{alternation(words('ago', 'approximate', ago.get('approximate')))})\s"),
        future_aux=load_patterns().cues["future_aux"],
        future_heads=frozenset(words("future", "heads", future.get("heads"))),
        future_words=frozenset(words("future", "words", future.get("words"))),
        future_deadlines=frozenset(words("future", "deadlines", future.get("deadlines"))),
        past_modals=frozenset(words("future", "past_modals", future.get("past_modals"))),
        weekday_re=re.compile(rf"(?:\b({shifts})\s+)?"
                              rf"\b({alternation(w for d in weekdays for w in d)})(?![\w'])"),
        month_re=re.compile(rf"\b({month_words})(?![\w])"),
        shifted_month_re=re.compile(rf"\b({shifts})\s+({month_words})(?![\w])"),
        # singular names only: "in coming years", "the next two weeks" are stretches of time
        shifted_re=re.compile(rf"\b(?:({shifts})|the)\s+({alternation([*UNITS, *seasons])})\b"),
        ago_re=re.compile(rf"\b([\w-]+)\s+({alternation(units)})\s+"
                          rf"(?:{alternation(words('ago', 'words', ago.get('words')))})\b"),
    )


@cache
def lexicon() -> Lexicon:
    """The lexicon shipped with newsgraph, loaded once per process."""
    return load_lexicon()
