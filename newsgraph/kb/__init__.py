"""The knowledge base actor resolution draws on: countries (names, codes, demonyms, capitals,
seats of government), organisations, groups and people with dated positions, and agent nouns.

    from newsgraph.kb import load_kb

    kb = load_kb()                                   # bundled data + NEWSGRAPH_KB files
    kb.holders("president", "USA", "2022-01-01")     # [(Entry(name="Joe Biden"), Position(...))]
    kb.country("Pyongyang").id                       # "ng:country/PRK"
    kb.agent("riot police").sector                   # "COP"

The data files and how to add one's own are described in docs/kb.md.
"""

from __future__ import annotations

from newsgraph.kb.base import KnowledgeBase, load_kb
from newsgraph.kb.entries import Agent, Entry, Position

__all__ = ["Agent", "Entry", "KnowledgeBase", "Position", "load_kb"]
