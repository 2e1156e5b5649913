"""Reading knowledge-base files: JSON Lines entries, the agent-noun table, titles and sectors.

Every row is validated as it is read; a bad row raises ``KnowledgeBaseError`` naming the file
and the line, so a user's own file fails loudly instead of silently losing entries. The formats
are documented in docs/kb.md.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from newsgraph.datafiles import DATA_DIR
from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb.entries import Agent, Entry, Period, Position

KINDS = ("person", "organization", "country", "group")
AGENT_KINDS = ("person", "group", "organization")
ENTRY_FIELDS = {"id", "name", "kind", "aliases", "country", "sector", "positions", "description",
                "demonyms", "capital", "metonyms", "iso2", "official_name", "capital_aliases",
                "leader", "periods"}
PERIOD_FIELDS = {"sector", "country", "start", "end"}
POSITION_FIELDS = {"title", "office", "country", "sector", "organization", "start", "end"}

_STRING_LISTS = ("aliases", "demonyms", "metonyms", "capital_aliases")
_STRINGS = ("description", "capital", "iso2", "official_name", "leader")

_ID = re.compile(r"^[a-z]+:\S+$")
_CODE = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class Row(NamedTuple):
    """An entry as read, with where it came from (for error messages and merging)."""

    entry: Entry
    fields: frozenset[str]  # the fields the row gave (a user row overrides only these)
    iso2: str | None
    official_name: str | None
    capital_aliases: tuple[str, ...]
    source: str
    line: int


@dataclass(frozen=True, slots=True)
class Title:
    """A role title in seniority order, with the spellings that mean it."""

    title: str
    sector: str
    generic: str | None
    variants: tuple[str, ...]
    rank: int


def bundled_dir() -> Path:
    """The folder holding the bundled data files (newsgraph/data)."""
    return DATA_DIR


def bundled_entry_files() -> list[Path]:
    """The bundled entry files, in priority order (file name order)."""
    return sorted((bundled_dir() / "kb").glob("*.jsonl"))


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of the meaningful lines: no blank lines, no "#" comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeBaseError("knowledge-base file not found", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeBaseError(f"cannot read knowledge-base file ({error}); it must be UTF-8 "
                                 "text", source=str(path)) from None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, stripped


def read_entries(path: Path, sectors: frozenset[str]) -> Iterator[Row]:
    """The validated rows of one JSON Lines entry file."""
    for number, line in _lines(path):
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise KnowledgeBaseError(f"line {number} is not valid JSON ({error.msg}, column "
                                     f"{error.colno})", source=where) from None
        yield _row(data, sectors, str(path), number)


def _fail(message: str, source: str, line: int) -> KnowledgeBaseError:
    return KnowledgeBaseError(f"line {line}: {message}; see docs/kb.md for the format",
                              source=f"{source}:{line}")


def _row(data: Any, sectors: frozenset[str], source: str, line: int) -> Row:
    if not isinstance(data, dict):
        raise _fail("an entry must be a JSON object", source, line)
    unknown = set(data) - ENTRY_FIELDS
    if unknown:
        raise _fail(f"unknown field(s) {sorted(unknown)}", source, line)
    if not isinstance(data.get("id"), str) or not _ID.match(data["id"]):
        raise _fail(f"'id' {data.get('id')!r} must look like 'ng:person/xi-jinping' or "
                    "'wd:Q15031'", source, line)
    # "name" and "kind" may be left out only by a row that updates an existing entry; merge()
    # checks that, as only it knows which ids exist.
    if "name" in data and (not isinstance(data["name"], str) or not data["name"].strip()):
        raise _fail("'name' must be a non-empty string", source, line)
    kind = data.get("kind", "country" if data["id"].startswith("ng:country/") else "person")
    if kind not in KINDS:
        raise _fail(f"'kind' {kind!r} must be one of {', '.join(KINDS)}", source, line)
    strings = dict.fromkeys(_STRING_LISTS, ())
    for field in _STRING_LISTS:
        value = data.get(field)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise _fail(f"'{field}' must be a list of non-empty strings", source, line)
        strings[field] = tuple(value)
    for field in _STRINGS:
        if data.get(field) is not None and not isinstance(data[field], str):
            raise _fail(f"'{field}' must be a string or null", source, line)
    if data.get("iso2") is not None and not re.fullmatch(r"[A-Z]{2}", data["iso2"]):
        raise _fail(f"'iso2' {data['iso2']!r} must be two capital letters", source, line)
    country = _code(data.get("country"), "country", source, line)
    sector = _sector(data.get("sector"), sectors, source, line, required=False)
    if kind == "country" and not data["id"].startswith("ng:country/"):
        raise _fail("a country's id must be 'ng:country/<ISO3>'", source, line)
    positions = data.get("positions", [])
    if not isinstance(positions, list):
        raise _fail("'positions' must be a list", source, line)
    periods = data.get("periods", [])
    if not isinstance(periods, list):
        raise _fail("'periods' must be a list", source, line)
    # Without "kind" the row updates an existing entry, whose kind merge() checks.
    if periods and "kind" in data and kind not in ("organization", "group"):
        raise _fail("only organisations and groups have 'periods' (people have 'positions')",
                    source, line)
    entry = Entry(
        id=data["id"], name=data.get("name", data["id"]).strip(), kind=kind,
        aliases=strings["aliases"],
        country=country, sector=sector,
        positions=tuple(_position(p, sectors, source, line) for p in positions),
        description=data.get("description"), demonyms=strings["demonyms"],
        capital=data.get("capital"), metonyms=strings["metonyms"],
        leader=data["leader"].strip().lower() if data.get("leader") else None,
        periods=tuple(_period(p, sectors, source, line) for p in periods))
    return Row(entry, frozenset(data), data.get("iso2"), data.get("official_name"),
               strings["capital_aliases"], source, line)


LIST_FIELDS = ("aliases", "positions", "demonyms", "metonyms", "periods")


def merge(rows: Iterable[Row]) -> list[Row]:
    """Rows merged by id, in order. A row whose id is already known updates that entry: the
    scalar fields it gives replace the old ones, its lists (aliases, positions, demonyms,
    metonyms, capital aliases) are added to the old ones."""
    merged: dict[str, Row] = {}
    for row in rows:
        old = merged.get(row.entry.id)
        if old is None:
            missing = {"name", "kind"} - row.fields
            if missing:
                raise _fail(f"{row.entry.id} is not a known entry, so it needs "
                            f"{' and '.join(sorted(missing))}", row.source, row.line)
            merged[row.entry.id] = row
            continue
        if "kind" in row.fields and old.entry.kind != row.entry.kind:
            raise _fail(f"{row.entry.id} is a {old.entry.kind} in {old.source}:{old.line}, "
                        f"not a {row.entry.kind}", row.source, row.line)
        if row.entry.periods and old.entry.kind not in ("organization", "group"):
            raise _fail(f"{row.entry.id} is a {old.entry.kind}: only organisations and groups "
                        "have 'periods' (people have 'positions')", row.source, row.line)
        changes: dict[str, Any] = {}
        for name in row.fields & set(Entry.__dataclass_fields__):
            value = getattr(row.entry, name)
            if name in LIST_FIELDS:
                previous = getattr(old.entry, name)
                value = previous + tuple(v for v in value if v not in previous)
            changes[name] = value
        capitals = old.capital_aliases + tuple(c for c in row.capital_aliases
                                               if c not in old.capital_aliases)
        merged[row.entry.id] = Row(
            replace(old.entry, **changes), old.fields | row.fields,
            row.iso2 if "iso2" in row.fields else old.iso2,
            row.official_name if "official_name" in row.fields else old.official_name,
            capitals, row.source, row.line)
    return list(merged.values())


def _code(value: Any, field: str, source: str, line: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _CODE.match(value):
        raise _fail(f"'{field}' {value!r} must be an ISO 3166-1 alpha-3 code (or UNO/EUR) or null",
                    source, line)
    return value


def _sector(value: Any, sectors: frozenset[str], source: str, line: int, *,
            required: bool) -> str | None:
    if value is None and not required:
        return None
    if value not in sectors:
        raise _fail(f"sector {value!r} is not a known CAMEO/PLOVER sector code "
                    "(data/kb/sectors.csv)", source, line)
    return value


def _position(data: Any, sectors: frozenset[str], source: str, line: int) -> Position:
    if not isinstance(data, dict):
        raise _fail("a position must be a JSON object", source, line)
    unknown = set(data) - POSITION_FIELDS
    if unknown:
        raise _fail(f"unknown position field(s) {sorted(unknown)}", source, line)
    for field in ("title", "office"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise _fail(f"a position's '{field}' must be a non-empty string", source, line)
    start, end = _dates(data, "position", source, line)
    organization = data.get("organization")
    if organization is not None and not (isinstance(organization, str)
                                         and _ID.match(organization)):
        raise _fail(f"a position's 'organization' {organization!r} must be a KB id", source, line)
    return Position(title=data["title"].strip().lower(), office=data["office"].strip(),
                    country=_code(data.get("country"), "position country", source, line),
                    sector=_sector(data.get("sector"), sectors, source, line, required=True),
                    organization=organization, start=start, end=end)


def _period(data: Any, sectors: frozenset[str], source: str, line: int) -> Period:
    if not isinstance(data, dict):
        raise _fail("a period must be a JSON object", source, line)
    unknown = set(data) - PERIOD_FIELDS
    if unknown:
        raise _fail(f"unknown period field(s) {sorted(unknown)}", source, line)
    start, end = _dates(data, "period", source, line)
    return Period(sector=_sector(data.get("sector"), sectors, source, line, required=True),
                  country=_code(data.get("country"), "period country", source, line),
                  start=start, end=end)


def _dates(data: dict, what: str, source: str, line: int) -> tuple[str | None, str | None]:
    """The validated (start, end) of a position or period."""
    for field in ("start", "end"):
        value = data.get(field)
        if value is not None and (not isinstance(value, str) or not _DATE.match(value)):
            raise _fail(f"a {what}'s '{field}' {value!r} must be YYYY, YYYY-MM or YYYY-MM-DD",
                        source, line)
    start, end = data.get("start"), data.get("end")
    if start and end and end < start[:len(end)]:
        raise _fail(f"{what} {data.get('title', data.get('sector'))!r} ends ({end}) before it "
                    f"starts ({start})", source, line)
    return start, end


def csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a data CSV file: "#" comment lines, then a header row, then rows
    (values stripped); a row with the wrong number of columns raises an error naming its line."""
    numbered = list(_lines(path))
    if not numbered:
        return
    reader = csv.DictReader(io.StringIO("\n".join(text for _, text in numbered)))
    for (number, _), row in zip(numbered[1:], reader):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeBaseError(f"line {number}: expected the columns {reader.fieldnames}",
                                     source=f"{path}:{number}")
        yield number, {k: v.strip() for k, v in row.items()}


def read_sectors(path: Path) -> frozenset[str]:
    """The known sector codes (data/kb/sectors.csv: code,name,description)."""
    codes = set()
    for number, row in csv_rows(path):
        if not _CODE.match(row.get("code", "")):
            raise KnowledgeBaseError(f"line {number}: sector code {row.get('code')!r} must be "
                                     "three capital letters", source=f"{path}:{number}")
        codes.add(row["code"])
    return frozenset(codes)


def read_former_sectors(path: Path) -> frozenset[str]:
    """The sectors of offices of state, whose former holders are coded ELI (the ``former``
    column of data/kb/sectors.csv; a file without that column has none)."""
    codes = set()
    for number, row in csv_rows(path):
        former = row.get("former") or ""
        if former not in ("", "ELI"):
            raise KnowledgeBaseError(f"line {number}: former {former!r} must be ELI or empty",
                                     source=f"{path}:{number}")
        if former:
            codes.add(row["code"])
    return frozenset(codes)


def read_stance_prefixes(path: Path) -> tuple[str, ...]:
    """Stance prefixes (data/kb/stance_prefixes.csv: prefix): "anti", "pro", ..."""
    prefixes: list[str] = []
    for number, row in csv_rows(path):
        prefix = row.get("prefix", "")
        if not prefix.isalpha() or prefix != prefix.lower():
            raise KnowledgeBaseError(f"line {number}: a stance prefix must be lower-case letters",
                                     source=f"{path}:{number}")
        if prefix in prefixes:
            raise KnowledgeBaseError(f"line {number}: prefix {prefix!r} is listed twice",
                                     source=f"{path}:{number}")
        prefixes.append(prefix)
    return tuple(prefixes)


def read_titles(path: Path, sectors: frozenset[str]) -> list[Title]:
    """Role titles in seniority order (data/kb/titles.csv: title,sector,generic,variants)."""
    titles = []
    for number, row in csv_rows(path):
        if not row.get("title") or row["title"] != row["title"].lower():
            raise KnowledgeBaseError(f"line {number}: a title must be non-empty lower case",
                                     source=f"{path}:{number}")
        if row.get("sector") not in sectors:
            raise KnowledgeBaseError(f"line {number}: unknown sector {row.get('sector')!r}",
                                     source=f"{path}:{number}")
        variants = tuple(v.strip() for v in row.get("variants", "").split("|") if v.strip())
        titles.append(Title(row["title"], row["sector"], row.get("generic") or None, variants,
                            len(titles)))
    return titles


def read_agents(path: Path, sectors: frozenset[str]) -> list[Agent]:
    """The agent nouns (data/agents.csv: noun,sector,kind,title), validated."""
    agents, seen = [], {}
    for number, row in csv_rows(path):
        where = f"{path}:{number}"
        noun = row.get("noun", "")
        if not noun or noun != noun.lower():
            raise KnowledgeBaseError(f"line {number}: the noun must be non-empty lower case",
                                     source=where)
        if noun in seen:
            raise KnowledgeBaseError(f"line {number}: {noun!r} is already on line {seen[noun]}",
                                     source=where)
        seen[noun] = number
        if row.get("sector") not in sectors:
            raise KnowledgeBaseError(f"line {number}: unknown sector {row.get('sector')!r}",
                                     source=where)
        if row.get("kind") not in AGENT_KINDS:
            raise KnowledgeBaseError(f"line {number}: kind {row.get('kind')!r} must be one of "
                                     f"{', '.join(AGENT_KINDS)}", source=where)
        agents.append(Agent(noun, row["sector"], row["kind"], row.get("title") or None))
    return agents


def read_modifiers(path: Path, sectors: frozenset[str]) -> dict[str, str]:
    """Affiliation modifiers (data/kb/modifiers.csv: word,sector): word -> sector."""
    modifiers: dict[str, str] = {}
    for number, row in csv_rows(path):
        where = f"{path}:{number}"
        word = row.get("word", "")
        if not word or word != word.lower() or " " in word:
            raise KnowledgeBaseError(f"line {number}: a modifier must be one lower-case word",
                                     source=where)
        if row.get("sector") not in sectors:
            raise KnowledgeBaseError(f"line {number}: unknown sector {row.get('sector')!r}",
                                     source=where)
        if word in modifiers:
            raise KnowledgeBaseError(f"line {number}: modifier {word!r} is listed twice",
                                     source=where)
        modifiers[word] = row["sector"]
    return modifiers
