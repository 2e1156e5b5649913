"""Names of news outlets, for quote attribution: the wire agencies of ``data/agencies.csv`` and
the knowledge base's media organisations (organisations of sector MED), with their aliases.

A cue whose subject names one only relays words ("Xinhua reported", "KCNA quoted Kim as
saying"); "told Reuters" or "told VOA" is an interview. The names are not listed again for
quotes: a news agency or broadcaster added to either source is known here too.

Names of up to four characters ("AP", "dpa", "Dawn") match only in the case written, as in
``agencies.csv``, so "ap" or "dawn" is no outlet; longer names match in any case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

__all__ = ["OutletNames", "outlet_names"]

MEDIA_SECTOR = "MED"
_SHORT = 4


@dataclass(frozen=True)
class OutletNames:
    """The outlet names, split by how they match."""

    exact: frozenset[str]  # one word of up to four characters, case as written
    folded: frozenset[str]  # one longer word, lower case
    phrases: tuple[str, ...]  # several words, case as written, longest first

    def named_in(self, words: Sequence[str], text: str) -> bool:
        """Whether ``words`` (tokens as written) or ``text`` (their text) name an outlet.

        >>> names = split_names(["AP", "Xinhua", "Press TV", "The Economist"])
        >>> [names.named_in(w, " ".join(w)) for w in (["AP"], ["ap"], ["XINHUA"],
        ...     ["on", "Press", "TV"], ["Press", "TVs"], ["the", "Economist"], ["an", "economist"])]
        [True, False, True, True, False, True, False]
        """
        if any(w in self.exact or w.lower() in self.folded for w in words):
            return True
        return bool(self.phrases) and _phrase_pattern(self.phrases).search(text) is not None

    def pattern(self) -> str:
        """A regular expression alternation of every name, for a case-insensitive pattern
        such as "told (the )?<outlet>": names of several words or of up to four characters
        keep their case (a scoped flag), so "told the economist" names no outlet."""
        folded = "|".join(re.escape(n) for n in sorted(self.folded, key=len, reverse=True))
        exact = "|".join([*(_phrase_regex(p) for p in self.phrases),
                          *(re.escape(n) for n in sorted(self.exact, key=len, reverse=True))])
        return "|".join(part for part in (folded, exact and f"(?-i:{exact})") if part)


def _phrase_regex(phrase: str) -> str:
    words = phrase.split()
    lead = ""
    if words[0] == "The":  # "the Economist" and "The Economist"
        lead, words = r"[Tt]he\s+", words[1:]
    return lead + r"\s+".join(re.escape(w) for w in words)


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(_phrase_regex, phrases))})(?!\w)")


@cache
def outlet_names() -> OutletNames:
    """The names of the wire agencies and of the bundled knowledge base's media organisations."""
    from newsgraph.extract.agencies import agency_table
    from newsgraph.kb import load_kb

    names = [name for agency in agency_table() for name in agency.aliases]
    # Journalists are coded MED too: only organisations are outlets.
    names += [name for entry in load_kb() if entry.sector == MEDIA_SECTOR
              and entry.kind == "organization" for name in (entry.name, *entry.aliases)]
    return split_names(names)


def split_names(names: Sequence[str]) -> OutletNames:
    """Names sorted by how they match (see the module docstring). A leading "The" is kept
    only where one word follows ("The Economist" is no "economist"); elsewhere an attribution
    writes it or not ("told the Associated Press").

    >>> split_names(["AP", "The Associated Press", "The Economist", "Xinhua"]).phrases
    ('Associated Press', 'The Economist')
    """
    exact, folded, phrases = set(), set(), set()
    for name in names:
        name = " ".join(name.split())
        if name.startswith(("The ", "the ")) and name.count(" ") >= 2:
            name = name[4:]
        if " " in name:
            phrases.add(name)
        elif len(name) <= _SHORT:
            exact.add(name)
        else:
            folded.add(name.lower())
    return OutletNames(frozenset(exact), frozenset(folded),
                       tuple(sorted(phrases, key=lambda p: (-len(p), p))))
