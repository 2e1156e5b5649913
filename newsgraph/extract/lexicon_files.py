"""Reading the extractor's word lists and patterns from ``newsgraph/data/``.

The files are CSV with a header comment: lines starting with ``#`` and blank lines are
skipped, the first other line names the columns, and every row must have that many cells.
A bad row (wrong number of cells, an empty required cell, a pattern that does not compile)
raises ``ExtractError`` naming the file and the line, so a typo in a data file is found when
it is loaded, not by a wrong article later. Rows keep their order: order means priority.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from newsgraph.datafiles import data_path
from newsgraph.errors import ExtractError

__all__ = ["Row", "read_rows", "data_path", "compile_pattern", "check_pattern", "split_aliases"]




class Row(dict):
    """One row of a data file: its cells by column name, and where it came from."""

    def __init__(self, cells: dict[str, str], file: str, line: int):
        super().__init__(cells)
        self.file = file
        self.line = line

    def fail(self, message: str) -> ExtractError:
        """An error about this row, naming its file and line."""
        return ExtractError(f"line {self.line}: {message}", source=self.file)


def read_rows(name: str, columns: tuple[str, ...], *, optional: tuple[str, ...] = (),
              check: Callable[[Row], None] | None = None, path: Path | None = None) -> list[Row]:
    """The rows of data file ``name``, validated.

    ``columns`` is the header the file must have; cells of columns not in ``optional`` must be
    non-empty. ``check`` may raise ``row.fail(...)`` for a semantic problem.
    """
    path = path or data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExtractError(f"data file {name} cannot be read ({exc.strerror}); reinstall "
                           "newsgraph", source=str(path)) from exc
    numbered = [(i, line) for i, line in enumerate(text.splitlines(), start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise ExtractError(f"{name}: no header line", source=str(path))
    header_line, header = numbered[0]
    found = tuple(cell.strip() for cell in next(csv.reader([header])))
    if found != columns:
        raise ExtractError(f"{name}, line {header_line}: header is {','.join(found)!r}, "
                           f"expected {','.join(columns)!r}", source=str(path))
    rows: list[Row] = []
    for number, line in numbered[1:]:
        cells = [cell.strip() for cell in next(csv.reader([line]))]
        row = Row({}, name, number)
        if len(cells) != len(columns):
            raise row.fail(f"{len(cells)} cells, expected {len(columns)} ({','.join(columns)})")
        row.update(zip(columns, cells))
        for column in columns:
            if column not in optional and not row[column]:
                raise row.fail(f"empty {column!r}")
        if check:
            check(row)
        rows.append(row)
    return rows


@cache
def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled regular expression (cached: the same rule serves every document)."""
    return re.compile(pattern, flags)


def check_pattern(row: Row, column: str = "pattern", flags: int = 0) -> None:
    """Raise the row's error when its pattern is not a valid regular expression."""
    try:
        compile_pattern(row[column], flags)
    except re.error as exc:
        raise row.fail(f"bad pattern {row[column]!r}: {exc}") from exc


def split_aliases(cell: str) -> tuple[str, ...]:
    """A ``|``-separated cell as a tuple of non-empty stripped values.

    >>> split_aliases("Associated Press | AP|")
    ('Associated Press', 'AP')
    """
    return tuple(part.strip() for part in cell.split("|") if part.strip())
