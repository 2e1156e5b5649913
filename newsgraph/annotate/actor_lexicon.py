"""The actor annotator's word lists, read once from ``newsgraph/data/actor_rules.toml``.

Country names, demonyms, titles and agent nouns come from the knowledge base; this file holds
only the grammar words the rules need (locative prepositions, pronouns, courtesy titles, ...).
A missing key or a value of the wrong shape raises ``AnnotateError`` naming the file.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.datafiles import data_path, read_toml
from newsgraph.errors import AnnotateError

RULES_FILE = data_path("actor_rules.toml")
GENDERS = ("m", "f", "")


@dataclass(frozen=True)
class ActorLexicon:
    """The grammar words of actor finding; every set holds lower-case words."""

    locative_prepositions: frozenset[str]
    government_nouns: frozenset[str]
    stance_nouns: frozenset[str]
    generic_role_nouns: frozenset[str]
    located_prepositions: frozenset[str]  # "police in Tunisia": the role takes the place's country
    origin_prepositions: frozenset[str]  # "diplomats from China": the role takes that country
    visiting_role_nouns: frozenset[str]  # "diplomats in Beijing": no country from the place
    visiting_modifiers: frozenset[str]  # "foreign fighters in Syria": likewise
    honorifics: dict[str, str]  # word -> gender ("m", "f" or "")
    pronouns: dict[str, str]  # word -> gender
    articles: frozenset[str]  # "the", "a", "an"
    determiners: frozenset[str]  # articles, quantifiers and the like, before a look-up
    former_markers: frozenset[str]
    acronym_stopwords: frozenset[str]
    object_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]  # it, its: organisations, countries, groups
    expletive_verbs: frozenset[str]  # lemmas whose subject "it" is a placeholder


def _words(data: dict, key: str, path: Path) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise AnnotateError(f"'{key}' must be a list of non-empty strings", source=str(path))
    return frozenset(v.strip().lower() for v in value)


def _genders(data: dict, key: str, path: Path) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise AnnotateError(f"[{key}] must be a table of word = gender", source=str(path))
    for word, gender in value.items():
        if gender not in GENDERS:
            raise AnnotateError(f"[{key}] {word!r}: gender {gender!r} must be one of "
                                f"{', '.join(repr(g) for g in GENDERS)}", source=str(path))
    return {word.lower(): gender for word, gender in value.items()}


def read_lexicon(path: Path = RULES_FILE) -> ActorLexicon:
    """Read and validate an actor rules file."""
    data, _text = read_toml(path, AnnotateError)
    words = data.get("words")
    if not isinstance(words, dict):
        raise AnnotateError("a [words] table is required", source=str(path))
    return ActorLexicon(
        locative_prepositions=_words(data, "locative_prepositions", path),
        government_nouns=_words(data, "government_nouns", path),
        stance_nouns=_words(data, "stance_nouns", path),
        generic_role_nouns=_words(data, "generic_role_nouns", path),
        located_prepositions=_words(data, "located_prepositions", path),
        origin_prepositions=_words(data, "origin_prepositions", path),
        visiting_role_nouns=_words(data, "visiting_role_nouns", path),
        visiting_modifiers=_words(data, "visiting_modifiers", path),
        honorifics=_genders(data, "honorifics", path),
        pronouns=_genders(data, "pronouns", path),
        articles=_words(words, "articles", path),
        determiners=_words(words, "determiners", path),
        former_markers=_words(words, "former_markers", path),
        acronym_stopwords=_words(words, "acronym_stopwords", path),
        object_pronouns=_words(words, "object_pronouns", path),
        neuter_pronouns=_words(words, "neuter_pronouns", path),
        expletive_verbs=_words(words, "expletive_verbs", path),
    )


def leading_determiners(words: Sequence[str], determiners: Set[str], *, keep: int = 1,
                        fold_case: bool = True, numbers: bool = False) -> int:
    """How many words at the front of ``words`` are in ``determiners`` (compared in lower case
    unless ``fold_case`` is false; with ``numbers``, a word with a digit counts too), leaving
    at least ``keep`` words. Every stage that trims a phrase's determiners asks this.

    >>> leading_determiners(["the", "two", "Koreas"], {"the", "two"})
    2
    >>> leading_determiners(["The", "Hague"], {"the"}, keep=0, fold_case=False)
    0
    >>> leading_determiners(["the", "2", "envoys"], {"the"}, numbers=True)
    2
    """
    count = 0
    while count < len(words) - keep:
        word = words[count]
        if not ((word.lower() if fold_case else word) in determiners
                or numbers and any(c.isdigit() for c in word)):
            break
        count += 1
    return count


@lru_cache(maxsize=1)
def lexicon() -> ActorLexicon:
    """The bundled actor rules (read once per process)."""
    return read_lexicon()
