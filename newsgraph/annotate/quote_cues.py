"""The reporting cues of ``newsgraph/data/quote_cues.toml``, loaded once and validated.

The file lists speech and cognition verbs, "according to" phrases, media that relay words,
naming words that make a quoted fragment a title or scare quote, channels (how something was
said) and pronouns. News outlets are not listed there: they come from ``annotate.outlets``
(wire agencies and the knowledge base's media organisations). Every list keeps file order
(order means priority). A bad entry raises ``AnnotateError`` naming the file and the line,
so a typo is found when the file is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.annotate.outlets import OutletNames, outlet_names
from newsgraph.datafiles import data_path, read_toml
from newsgraph.errors import AnnotateError

__all__ = ["QuoteCues", "Channel", "quote_cues", "load_quote_cues"]

FILE_NAME = "quote_cues.toml"
OUTLETS = "{outlets}"  # in a channel pattern: the outlet names


# table -> the string lists it must have.
_LISTS: dict[str, tuple[str, ...]] = {
    "speech": ("verbs", "addressing", "direct_only"),
    "cognition": ("verbs",),
    "according": ("phrases",),
    "relay": ("verbs", "content_verbs", "nouns"),
    "naming": ("words",),
    "pronouns": ("person", "group"),
}


@dataclass(frozen=True)
class Channel:
    """How something was said ("statement", "interview", ...) and the pattern that shows it."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class QuoteCues:
    """The cue lists, each in file order, with a priority rank per verb lemma."""

    speech: tuple[str, ...]
    addressing: frozenset[str]  # speech verbs whose object is who is spoken to or about
    direct_only: tuple[str, ...]
    cognition: tuple[str, ...]
    according: tuple[str, ...]
    relay_verbs: frozenset[str]
    relay_content_verbs: frozenset[str]  # relay verbs whose object is no person quoted
    relay_nouns: frozenset[str]
    outlets: OutletNames
    naming: tuple[str, ...]
    channels: tuple[Channel, ...]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]

    ranks: dict[str, int]  # verb lemma -> priority (file order: speech, direct_only, cognition)

    def rank(self, lemma: str) -> int | None:
        """Priority of a verb lemma as a cue (lower is stronger), or None when it is no cue.

        >>> cues = quote_cues()
        >>> cues.rank("say") < cues.rank("believe")
        True
        >>> cues.rank("eat") is None
        True
        """
        return self.ranks.get(lemma.lower())

    def reports_speech(self, lemma: str) -> bool:
        """A verb whose content clause is reported speech (a speech verb, not ``direct_only``)."""
        return lemma.lower() in self.speech

    def statement_verbs(self) -> frozenset[str]:
        """Speech verbs whose content is the speaker's own statement ("said it would"): the
        speech verbs without the ``addressing`` ones ("accused X of", "urged X to")."""
        return frozenset(self.speech) - self.addressing

    def reports_thought(self, lemma: str) -> bool:
        """A cognition verb: its content clause is an indirect quote, never a quotation's cue."""
        lemma = lemma.lower()
        return lemma in self.cognition and lemma not in self.speech


@cache
def quote_cues() -> QuoteCues:
    """The cues shipped with newsgraph (loaded and validated on first use)."""
    return load_quote_cues(data_path(FILE_NAME))


def load_quote_cues(path: Path, outlets: OutletNames | None = None) -> QuoteCues:
    """Cues read from ``path``, with ``outlets`` (by default ``outlet_names()``); raises
    ``AnnotateError`` naming file and line on a bad entry."""
    outlets = outlets or outlet_names()
    data, text = read_toml(path, AnnotateError)
    lists: dict[tuple[str, str], tuple[str, ...]] = {}
    for table, keys in _LISTS.items():
        entry = data.get(table)
        if not isinstance(entry, dict):
            raise AnnotateError(f"{path.name}: table [{table}] is missing", source=str(path))
        for key in keys:
            lists[table, key] = _string_list(entry.get(key), text, path, table, key)
    for table, subset, whole in (("speech", "addressing", "verbs"),
                                 ("relay", "content_verbs", "verbs")):
        stray = set(lists[table, subset]) - set(lists[table, whole])
        if stray:
            raise AnnotateError(f"{path.name}, line {_line_of(text, subset, table)}: [{table}] "
                                f"{subset} {sorted(stray)} are not in {whole}", source=str(path))
    channels = _channels(data.get("channel"), text, path, outlets.pattern())
    return QuoteCues(
        speech=lists["speech", "verbs"], addressing=frozenset(lists["speech", "addressing"]),
        direct_only=lists["speech", "direct_only"],
        cognition=lists["cognition", "verbs"], according=lists["according", "phrases"],
        relay_verbs=frozenset(lists["relay", "verbs"]),
        relay_content_verbs=frozenset(lists["relay", "content_verbs"]),
        relay_nouns=frozenset(w.lower() for w in lists["relay", "nouns"]),
        outlets=outlets,
        naming=lists["naming", "words"], channels=channels,
        person_pronouns=frozenset(w.lower() for w in lists["pronouns", "person"]),
        group_pronouns=frozenset(w.lower() for w in lists["pronouns", "group"]),
        ranks=_ranks(lists["speech", "verbs"] + lists["speech", "direct_only"]
                     + lists["cognition", "verbs"]),
    )


def _ranks(lemmas: tuple[str, ...]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for i, lemma in enumerate(lemmas):
        ranks.setdefault(lemma.lower(), i)
    return ranks


def _string_list(values: object, text: str, path: Path, table: str, key: str) -> tuple[str, ...]:
    where = f"{path.name}, line {_line_of(text, f'[{table}]')}"
    if not isinstance(values, list) or not values:
        raise AnnotateError(f"{where}: [{table}] needs a non-empty list {key!r}", source=str(path))
    seen: set[str] = set()
    for value in values:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise AnnotateError(f"{path.name}, line {_line_of(text, repr(value)[1:-1], table)}: "
                                f"[{table}] {key} has a bad entry {value!r} (a non-empty, "
                                "trimmed string is needed)", source=str(path))
        if value.lower() in seen:
            raise AnnotateError(f"{path.name}, line {_line_of(text, value, table)}: [{table}] "
                                f"{key} lists {value!r} twice", source=str(path))
        seen.add(value.lower())
    return tuple(values)


def _channels(tables: object, text: str, path: Path, outlets: str) -> tuple[Channel, ...]:
    if not isinstance(tables, list) or not tables:
        raise AnnotateError(f"{path.name}: no [[channel]] tables", source=str(path))
    channels = []
    for table in tables:
        name, pattern = table.get("name"), table.get("pattern")
        if not isinstance(name, str) or not name.strip() or not isinstance(pattern, str):
            raise AnnotateError(f"{path.name}, line {_line_of(text, str(name or pattern))}: a "
                                "[[channel]] needs a `name` and a `pattern`", source=str(path))
        try:
            compiled = re.compile(pattern.replace(OUTLETS, outlets), re.IGNORECASE)
        except re.error as exc:
            raise AnnotateError(f"{path.name}, line {_line_of(text, pattern)}: bad pattern for "
                                f"channel {name!r}: {exc}", source=str(path)) from exc
        channels.append(Channel(name, compiled))
    return tuple(channels)


def _line_of(text: str, needle: str, after: str | None = None) -> int:
    """The 1-based line of ``needle`` in ``text`` (after the ``[after]`` header when given)."""
    start = 0
    if after:
        at = text.find(f"[{after}]")
        start = at if at >= 0 else 0
    at = text.find(needle, start)
    if at < 0:
        at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 0
