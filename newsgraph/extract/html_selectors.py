"""The HTML selectors and patterns of ``newsgraph/data/html_selectors.toml``, loaded once.

The file holds one table per thing to find (``headline``, ``lead``, ``figure``, ...), each with
``xpath`` and/or ``pattern`` lists in priority order. Loading compiles every expression; a bad
one raises ``ExtractError`` naming the file and the line, so a typo is found at start-up rather
than by a wrong article later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from newsgraph.errors import ExtractError
from newsgraph.datafiles import data_path, read_toml

__all__ = ["Selectors", "selectors", "load_selectors"]

FILE_NAME = "html_selectors.toml"

# Every table the extractor reads, with the lists it must have.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "headline": ("xpath",), "title_separator": ("pattern",), "lead": ("xpath",),
    "description": ("xpath",), "byline": ("xpath",), "author_markup": ("xpath",),
    "byline_loose": ("xpath",), "author_link": ("xpath",),
    "author_meta": ("xpath",),
    "published": ("xpath",), "published_visible": ("xpath",), "section_meta": ("xpath",),
    "breadcrumb": ("xpath",), "publisher": ("xpath",), "canonical": ("xpath",), "language": ("xpath",),
    "figure": ("xpath",), "hidden_label": ("xpath",), "figure_caption": ("xpath",),
    "figure_credit": ("xpath",), "figure_image": ("xpath", "src_attributes"),
    "caption_outside_figure": ("xpath",), "standfirst": ("xpath",),
    "jsonld": ("article_types", "person_types"),
    # authors beyond bylines and metas (author_markup.py)
    "not_byline": ("xpath",), "author_card": ("xpath",), "labelled_meta": ("xpath",),
    "owner": ("xpath",), "copyright": ("xpath",), "owner_handle": ("xpath",),
    "author_page": ("xpath",), "labelled_line": ("xpath",),
}
_NAMESPACES = {"xml": "http://www.w3.org/XML/1998/namespace"}


@dataclass(frozen=True)
class Selectors:
    """Compiled selectors by table name; ``xpath[name]`` and ``pattern[name]`` keep file order."""

    xpath: dict[str, tuple[etree.XPath, ...]]
    pattern: dict[str, tuple[re.Pattern[str], ...]]
    words: dict[tuple[str, str], tuple[str, ...]]  # the other lists, by (table, key)


@cache
def selectors() -> Selectors:
    """The selectors shipped with newsgraph (loaded and validated on first use)."""
    return load_selectors(data_path(FILE_NAME))


def load_selectors(path: Path) -> Selectors:
    """Selectors read from ``path``; raises ``ExtractError`` naming file and line on a bad entry."""
    data, text = read_toml(path, ExtractError)
    xpaths: dict[str, tuple[etree.XPath, ...]] = {}
    patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
    words: dict[tuple[str, str], tuple[str, ...]] = {}
    for table, keys in _REQUIRED.items():
        entry = data.get(table)
        if not isinstance(entry, dict):
            raise ExtractError(f"{path.name}: table [{table}] is missing", source=str(path))
        for key in keys:
            values = entry.get(key)
            if not isinstance(values, list) or not values or not all(
                    isinstance(v, str) and v.strip() for v in values):
                raise ExtractError(f"{path.name}, line {_line_of(text, f'[{table}]')}: "
                                   f"[{table}] needs a non-empty list of strings {key!r}",
                                   source=str(path))
        if "xpath" in keys:
            xpaths[table] = tuple(_compile_xpath(v, text, path, table) for v in entry["xpath"])
        if "pattern" in keys:
            patterns[table] = tuple(_compile_pattern(v, text, path, table)
                                    for v in entry["pattern"])
        for key in keys:
            if key not in ("xpath", "pattern"):
                words[table, key] = tuple(v.strip() for v in entry[key])
    unknown = sorted(set(data) - set(_REQUIRED))
    if unknown:
        raise ExtractError(f"{path.name}, line {_line_of(text, f'[{unknown[0]}]')}: unknown "
                           f"table [{unknown[0]}]", source=str(path))
    return Selectors(xpath=xpaths, pattern=patterns, words=words)


def _compile_xpath(expression: str, text: str, path: Path, table: str) -> etree.XPath:
    try:
        return etree.XPath(expression, namespaces=_NAMESPACES)
    except etree.XPathSyntaxError as exc:
        raise ExtractError(f"{path.name}, line {_line_of(text, expression)}: bad XPath in "
                           f"[{table}] {expression!r}: {exc}", source=str(path)) from exc


def _compile_pattern(expression: str, text: str, path: Path, table: str) -> re.Pattern[str]:
    try:
        return re.compile(expression, re.I)
    except re.error as exc:
        raise ExtractError(f"{path.name}, line {_line_of(text, expression)}: bad pattern in "
                           f"[{table}] {expression!r}: {exc}", source=str(path)) from exc


def _line_of(text: str, needle: str) -> int:
    """The line of the file where ``needle`` is written (1 when it cannot be found).

    A quoted value is looked for with its quotes first, so that an expression which is the
    start of another one is found on its own line.
    """
    index = next((i for i in (text.find(f'"{needle}"'), text.find(f"'{needle}'"), text.find(needle))
                  if i >= 0), -1)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1
