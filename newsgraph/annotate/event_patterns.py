"""Reading and checking the event patterns (``newsgraph/data/event_patterns.toml``) and the
PLOVER scores (``newsgraph/data/plover_scores.csv``).

The patterns are data: which words trigger which PLOVER (type, mode), where the actors sit in
the parse, and the cue words of the flags. The verbs of speech are the quote finder's
(``quote_cues.toml`` [speech], without the verbs whose object is who is spoken to or about),
read into the cues as ``speech``: one list for both. This module only loads them, checks
every field, and indexes them by trigger lemma, keeping file order (order means priority). A
bad pattern raises ``AnnotateError`` naming the file and the line of its ``[[pattern]]``
header.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from newsgraph.annotate.quote_cues import quote_cues
from newsgraph.datafiles import data_path, read_toml
from newsgraph.errors import AnnotateError

__all__ = ["EventPattern", "PatternSet", "QUAD_CLASS", "load_patterns", "load_scores",
           "intensity"]


PATTERNS_FILE = "event_patterns.toml"
SCORES_FILE = "plover_scores.csv"

# PLOVER 2.0: the 16 types and their quad class (1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict). This is the ontology itself, not a word list.
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

CUE_LISTS = ("negation", "negating_verbs", "negating_adverbs", "hypothetical_aux",
             "hypothetical_marks", "hypothetical_verbs", "future_aux", "future_verbs",
             "historical_marks", "opinion_verbs", "opinion_nouns", "reluctance_verbs",
             "abroad_sectors", "speaker_pronouns", "co_actor_preps", "member_preps")
LIST_FIELDS = ("verbs", "nouns", "adjs", "light", "objects", "not_objects", "needs",
               "not_needs", "target", "source_sectors", "passive_source", "target_kinds",
               "object_kinds")
ACTOR_KINDS = ("person", "organization", "country", "group")
BOOL_FIELDS = ("reverse", "statement", "place_target", "target_required", "own_act",
               "speaker_future", "joint", "infinitive")
DEFAULT_TARGET = ("dobj", "prep:with", "prep:against", "prep:on", "prep:to", "dative")
_SLOT = re.compile(r"^(dobj|dative|nsubjpass|poss|prep:[a-z]+)$")
_MODE = re.compile(r"^[a-z][a-z-]*$")


@dataclass(frozen=True)
class EventPattern:
    """One pattern: trigger words for a PLOVER (type, mode) and where its actors are."""

    id: str
    type: str
    line: int
    mode: str | None = None
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    adjs: tuple[str, ...] = ()
    light: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    not_objects: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    not_needs: tuple[str, ...] = ()
    target: tuple[str, ...] = DEFAULT_TARGET
    source_sectors: tuple[str, ...] = ()
    passive_source: tuple[str, ...] = ()
    target_kinds: tuple[str, ...] = ()
    object_kinds: tuple[str, ...] = ()
    reverse: bool = False
    statement: bool = False
    place_target: bool = False
    target_required: bool = False
    own_act: bool = False
    speaker_future: bool = False
    joint: bool = False
    infinitive: bool = False
    modes: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class PatternSet:
    """All patterns in priority order, the cue lists, and indexes by trigger lemma."""

    patterns: tuple[EventPattern, ...]
    cues: dict[str, frozenset[str]]
    # trigger key word -> [(pattern, whole trigger)], in priority order
    by_verb: dict[str, tuple[tuple[EventPattern, str], ...]] = field(default_factory=dict)
    by_noun: dict[str, tuple[tuple[EventPattern, str], ...]] = field(default_factory=dict)
    by_adj: dict[str, tuple[tuple[EventPattern, str], ...]] = field(default_factory=dict)


def _fail(path: Path, line: int, message: str) -> AnnotateError:
    return AnnotateError(f"{path.name}, line {line}: {message}", source=str(path))


def _header_lines(text: str) -> list[int]:
    """Line numbers of the ``[[pattern]]`` headers, in file order."""
    return [i for i, line in enumerate(text.splitlines(), start=1)
            if line.strip() == "[[pattern]]"]


def _words(path: Path, line: int, name: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, line, f"{name!r} must be a list of non-empty strings")
    out = tuple(v.strip() for v in value)
    if name not in ("target", "source_sectors", "passive_source") \
            and any(v != v.lower() for v in out):
        raise _fail(path, line, f"{name!r} must be lower case lemmas")
    return out


def _pattern(path: Path, line: int, raw: dict) -> EventPattern:
    known = {"id", "type", "mode", "modes", *LIST_FIELDS, *BOOL_FIELDS}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _fail(path, line, f"unknown field(s) {', '.join(unknown)}")
    pid, ptype = raw.get("id"), raw.get("type")
    if not isinstance(pid, str) or not pid:
        raise _fail(path, line, "a pattern needs an 'id'")
    if ptype not in QUAD_CLASS:
        raise _fail(path, line, f"{pid}: type {ptype!r} is not a PLOVER type "
                    f"({', '.join(QUAD_CLASS)})")
    mode = raw.get("mode")
    if mode is not None and (not isinstance(mode, str) or not _MODE.match(mode)):
        raise _fail(path, line, f"{pid}: mode {mode!r} must be a lower-case word")
    values: dict[str, object] = {}
    for name in LIST_FIELDS:
        if name in raw:
            values[name] = _words(path, line, name, raw[name])
    for name in BOOL_FIELDS:
        if name in raw:
            if not isinstance(raw[name], bool):
                raise _fail(path, line, f"{pid}: {name!r} must be true or false")
            values[name] = raw[name]
    if not (values.get("verbs") or values.get("nouns") or values.get("adjs")):
        raise _fail(path, line, f"{pid}: needs trigger words (verbs, nouns or adjs)")
    for name in ("target_kinds", "object_kinds"):
        bad = [kind for kind in values.get(name, ()) if kind not in ACTOR_KINDS]
        if bad:
            raise _fail(path, line, f"{pid}: {name} {bad} are not actor kinds "
                        f"({', '.join(ACTOR_KINDS)})")
    if values.get("object_kinds") and not values.get("objects"):
        raise _fail(path, line, f"{pid}: object_kinds needs objects")
    for name in ("target", "passive_source"):
        for slot in values.get(name, ()):
            if not _SLOT.match(slot):
                raise _fail(path, line, f"{pid}: bad {name} slot {slot!r} (dobj, dative, "
                            "nsubjpass, poss or prep:<preposition>)")
    modes: list[tuple[str, tuple[str, ...]]] = []
    for name, words in (raw.get("modes") or {}).items():
        if not _MODE.match(name):
            raise _fail(path, line, f"{pid}: mode {name!r} must be a lower-case word")
        modes.append((name, _words(path, line, f"modes.{name}", words)))
    return EventPattern(id=pid, type=ptype, line=line, mode=mode or None, modes=tuple(modes),
                        **values)


def _index(patterns: tuple[EventPattern, ...], attr: str) -> dict:
    # A verb phrase is found by its verb ("call on"), a noun phrase by its head ("air strike").
    index: dict[str, list[tuple[EventPattern, str]]] = {}
    for pattern in patterns:
        for trigger in getattr(pattern, attr):
            key = trigger.split()[-1] if attr == "nouns" else trigger.split()[0]
            index.setdefault(key, []).append((pattern, trigger))
    return {k: tuple(v) for k, v in index.items()}


def read_patterns(path: Path) -> PatternSet:
    """The pattern set in ``path``, checked (see the file's header for its format)."""
    data, text = read_toml(path, AnnotateError)
    cues_raw = data.get("cues") or {}
    cues: dict[str, frozenset[str]] = {}
    for name in CUE_LISTS:
        if name not in cues_raw:
            raise AnnotateError(f"{path.name}: [cues] lacks {name!r}", source=str(path))
        value = cues_raw[name]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise AnnotateError(f"{path.name}: cues.{name} must be a list of words",
                                source=str(path))
        cues[name] = frozenset(value)
    cues["speech"] = quote_cues().statement_verbs()
    raw_patterns = data.get("pattern") or []
    lines = _header_lines(text)
    patterns: list[EventPattern] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_patterns):
        line = lines[number] if number < len(lines) else 0
        pattern = _pattern(path, line, raw)
        if pattern.id in seen:
            raise _fail(path, line, f"duplicate pattern id {pattern.id!r}")
        seen.add(pattern.id)
        patterns.append(pattern)
    ordered = tuple(patterns)
    return PatternSet(ordered, cues, _index(ordered, "verbs"), _index(ordered, "nouns"),
                      _index(ordered, "adjs"))


@cache
def load_patterns() -> PatternSet:
    """The bundled event patterns (loaded once per process)."""
    return read_patterns(data_path(PATTERNS_FILE))


def read_scores(path: Path) -> dict[tuple[str, str], float]:
    """(type, mode) -> PLOVER score from a scores CSV; mode "" is the type as a whole."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AnnotateError(f"{path.name} cannot be read ({exc.strerror}); reinstall newsgraph",
                            source=str(path)) from exc
    numbered = [(i, line) for i, line in enumerate(lines, start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered or numbered[0][1].strip() != "type,mode,score":
        raise AnnotateError(f"{path.name}: the header must be 'type,mode,score'", source=str(path))
    scores: dict[tuple[str, str], float] = {}
    for number, line in numbered[1:]:
        cells = [c.strip() for c in next(csv.reader([line]))]
        if len(cells) != 3:
            raise _fail(path, number, f"{len(cells)} cells, expected 3 (type,mode,score)")
        ptype, mode, value = cells
        if ptype not in QUAD_CLASS:
            raise _fail(path, number, f"{ptype!r} is not a PLOVER type")
        try:
            score = float(value)
        except ValueError:
            raise _fail(path, number, f"score {value!r} is not a number") from None
        if not -10.0 <= score <= 10.0:
            raise _fail(path, number, f"score {score} is outside -10..10")
        scores[(ptype, mode.lower())] = score
    missing = [t for t in QUAD_CLASS if (t, "") not in scores]
    if missing:
        raise AnnotateError(f"{path.name}: no score for type(s) {', '.join(missing)}",
                            source=str(path))
    return scores


@cache
def load_scores() -> dict[tuple[str, str], float]:
    """The bundled PLOVER scores (loaded once per process)."""
    return read_scores(data_path(SCORES_FILE))


def intensity(event_type: str, mode: str | None) -> float:
    """The PLOVER score of (type, mode), else of the type as a whole.

    >>> intensity("ASSAULT", "aerial"), intensity("ASSAULT", "no-such-mode")
    (-9.5, -9.0)
    """
    scores = load_scores()
    return scores.get((event_type, (mode or "").lower()), scores[(event_type, "")])
