"""Import people, organisations and countries from a Wikidata JSON dump into a KB file.

The dump is the one Wikidata publishes (``latest-all.json.gz`` or ``.bz2``, or a filtered
extract in the same format): a JSON array written one entity per line, each line ending with
",". It is far larger than memory, so it is streamed, twice:

1. every line: countries (ISO codes P297/P298) are kept as QID -> ISO3; humans (P31 = Q5) and
   organisations (P31 in data/kb/wikidata.csv) are written, compactly, to a temporary file; the
   offices humans held (P39) are noted;
2. every line again, keeping only the noted offices: their English label and their country
   (P1001 applies to jurisdiction, else P17 country).

The temporary file is then read back and each entry written with its offices resolved. Only
the countries, the noted offices and the temporary file's path stay in memory.
"""

from __future__ import annotations

import bz2
import gzip
import json
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb.loader import csv_rows, bundled_dir, read_sectors, read_titles
from newsgraph.kb.names import name_key

HUMAN = "Q5"
# Wikidata time precision: 9 year, 10 month, 11 day.
_PRECISION_LENGTH = {9: 4, 10: 7, 11: 10}


@dataclass
class ImportReport:
    """What an import wrote."""

    people: int = 0
    positions: int = 0
    organizations: int = 0
    countries: int = 0
    entities: int = 0
    unresolved_offices: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, int]:
        """The counts as a JSON-ready dict."""
        return {"entities_read": self.entities, "people": self.people,
                "positions": self.positions, "organizations": self.organizations,
                "countries": self.countries,
                "offices_not_in_dump": len(self.unresolved_offices)}


def import_wikidata(dump: str | Path, out: IO[str]) -> ImportReport:
    """Stream ``dump`` (.json, .json.gz or .json.bz2) and write KB JSON Lines to ``out``."""
    dump = Path(dump)
    classes = _classes()
    offices_wanted: set[str] = set()
    countries: dict[str, tuple[str, str | None]] = {}  # QID -> (ISO3, ISO2)
    report = ImportReport()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as pending:
        for entity in _entities(dump):
            report.entities += 1
            claims = entity.get("claims") or {}
            iso3 = _string(claims, "P298")
            if iso3 and not (len(iso3) == 3 and iso3.isalpha()):
                iso3 = None
            if iso3:
                iso2 = (_string(claims, "P297") or "").upper() or None
                countries[entity["id"]] = (iso3.upper(), iso2)
            kinds = _items(claims, "P31")
            if HUMAN in kinds:
                person = _person(entity, claims)
                offices_wanted.update(p["office"] for p in person["positions"])
                pending.write(json.dumps(person, ensure_ascii=False) + "\n")
            elif not iso3:
                cls = next((classes[k] for k in classes if k in kinds), None)
                if cls is not None:
                    pending.write(json.dumps(_organization(entity, claims, cls),
                                             ensure_ascii=False) + "\n")
            if iso3:
                pending.write(json.dumps({"country": entity["id"], "names": _names(entity),
                                          "description": _label(entity, "descriptions")},
                                         ensure_ascii=False) + "\n")
        offices = _offices(dump, offices_wanted, countries)
        pending.seek(0)
        titles = _title_index()
        for line in pending:
            record = json.loads(line)
            row = _finish(record, offices, countries, titles, report)
            if row is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return report


def _open(dump: Path) -> IO[str]:
    try:
        if dump.suffix == ".gz":
            return gzip.open(dump, "rt", encoding="utf-8")
        if dump.suffix == ".bz2":
            return bz2.open(dump, "rt", encoding="utf-8")
        return dump.open("r", encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeBaseError("Wikidata dump not found", source=str(dump)) from None
    except OSError as error:
        raise KnowledgeBaseError(f"cannot read the Wikidata dump ({error})",
                                 source=str(dump)) from None


def _entities(dump: Path) -> Iterator[dict[str, Any]]:
    """The entities of a dump, one line at a time."""
    with _open(dump) as lines:
        number = 0
        try:
            for number, line in enumerate(lines, 1):
                line = line.strip()
                if line in ("[", "]", ""):
                    continue
                try:
                    entity = json.loads(line.rstrip(","))
                except json.JSONDecodeError as error:
                    raise KnowledgeBaseError(
                        f"line {number} is not a Wikidata entity ({error.msg}); expected the JSON "
                        "dump format, one entity per line", source=f"{dump}:{number}") from None
                if isinstance(entity, dict) and isinstance(entity.get("id"), str):
                    yield entity
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise KnowledgeBaseError(f"the dump is corrupt or truncated near line {number} "
                                     f"({error})", source=str(dump)) from None


def _classes() -> dict[str, tuple[str, str | None]]:
    path = bundled_dir() / "kb" / "wikidata.csv"
    sectors = read_sectors(bundled_dir() / "kb" / "sectors.csv")
    classes: dict[str, tuple[str, str | None]] = {}
    for number, row in csv_rows(path):
        qid, kind, sector = row.get("qid", ""), row.get("kind"), row.get("sector") or None
        well_formed = qid.startswith("Q") and qid[1:].isdigit()
        if not well_formed or kind not in ("organization", "group") \
                or (sector is not None and sector not in sectors):
            raise KnowledgeBaseError(f"line {number}: expected qid,label,kind,sector with a Q-id, "
                                     "kind organization or group and a known sector",
                                     source=f"{path}:{number}")
        classes[qid] = (kind, sector)
    return classes


def _label(entity: dict[str, Any], key: str = "labels") -> str | None:
    values = entity.get(key) or {}
    chosen = values.get("en") or next(iter(values.values()), None)
    return chosen.get("value") if isinstance(chosen, dict) else None


def _names(entity: dict[str, Any]) -> list[str]:
    names = []
    label = _label(entity)
    if label:
        names.append(label)
    for alias in (entity.get("aliases") or {}).get("en", []):
        value = alias.get("value") if isinstance(alias, dict) else None
        if value and value not in names:
            names.append(value)
    return names


def _values(claims: dict[str, Any], prop: str) -> Iterator[tuple[Any, dict[str, Any]]]:
    """(datavalue value, statement) of a property's statements that have a value, best rank
    first (deprecated ones skipped)."""
    statements = [s for s in claims.get(prop, []) if s.get("rank") != "deprecated"]
    statements.sort(key=lambda s: s.get("rank") != "preferred")
    for statement in statements:
        snak = statement.get("mainsnak") or {}
        value = (snak.get("datavalue") or {}).get("value")
        if value is not None:
            yield value, statement


def _items(claims: dict[str, Any], prop: str) -> list[str]:
    return [v["id"] for v, _ in _values(claims, prop) if isinstance(v, dict) and "id" in v]


def _string(claims: dict[str, Any], prop: str) -> str | None:
    return next((v for v, _ in _values(claims, prop) if isinstance(v, str)), None)


def _time(statement: dict[str, Any], prop: str) -> str | None:
    """A qualifier's date at the precision Wikidata gives ("2013", "2013-03", "2013-03-14")."""
    for snak in (statement.get("qualifiers") or {}).get(prop, []):
        value = (snak.get("datavalue") or {}).get("value")
        if not isinstance(value, dict) or not isinstance(value.get("time"), str):
            continue
        time, length = value["time"], _PRECISION_LENGTH.get(min(int(value.get("precision", 0)), 11))
        if length is None or not time.startswith("+"):
            continue  # decades, centuries, BCE: not a term date
        return time[1:1 + length]
    return None


def _person(entity: dict[str, Any], claims: dict[str, Any]) -> dict[str, Any]:
    positions = []
    for value, statement in _values(claims, "P39"):
        if isinstance(value, dict) and "id" in value:
            positions.append({"office": value["id"], "start": _time(statement, "P580"),
                              "end": _time(statement, "P582")})
    citizenship = _items(claims, "P27")
    return {"person": entity["id"], "names": _names(entity),
            "description": _label(entity, "descriptions"),
            "citizenship": citizenship[0] if citizenship else None, "positions": positions}


def _organization(entity: dict[str, Any], claims: dict[str, Any],
                  cls: tuple[str, str | None]) -> dict[str, Any]:
    country = _items(claims, "P17")
    return {"organization": entity["id"], "names": _names(entity), "kind": cls[0],
            "sector": cls[1], "description": _label(entity, "descriptions"),
            "in": country[0] if country else None}


def _offices(dump: Path, wanted: set[str],
             countries: dict[str, tuple[str, str | None]]) -> dict[str, tuple[str, str | None]]:
    """Office QID -> (English label, ISO3 or None), for the offices people held."""
    offices: dict[str, tuple[str, str | None]] = {}
    if not wanted:
        return offices
    for entity in _entities(dump):
        if entity["id"] not in wanted:
            continue
        claims = entity.get("claims") or {}
        places = _items(claims, "P1001") + _items(claims, "P17")
        iso3 = next((countries[p][0] for p in places if p in countries), None)
        offices[entity["id"]] = (_label(entity) or entity["id"], iso3)
    return offices


@lru_cache(maxsize=1)
def _bundled_countries() -> frozenset[str]:
    """The ISO3 codes of the bundled country entries."""
    codes = set()
    with (bundled_dir() / "kb" / "countries.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("{"):
                codes.add(json.loads(line)["id"].rpartition("/")[2])
    return frozenset(codes)


def _title_index() -> list[tuple[str, str, str]]:
    """(spelling, title, sector) of the known titles, longest spelling first."""
    data = bundled_dir() / "kb"
    titles = read_titles(data / "titles.csv", read_sectors(data / "sectors.csv"))
    spellings = [(name_key(text), t.title, t.sector)
                 for t in titles for text in (t.title, *t.variants)]
    return sorted(spellings, key=lambda s: -len(s[0]))


def office_title(label: str, titles: list[tuple[str, str, str]]) -> tuple[str, str]:
    """The role title and sector an office label names: a known title it starts with
    ("President of the United States" -> "president"), else one it contains, else the label.

    >>> office_title("President of the United States", _title_index())
    ('president', 'GOV')
    >>> office_title("Minister of Foreign Affairs of Japan", _title_index())
    ('foreign minister', 'GOV')
    """
    key = name_key(label)
    for spelling, title, sector in titles:
        if key.startswith(spelling + " ") or key == spelling:
            return title, sector
    padded = f" {key} "
    for spelling, title, sector in titles:
        if f" {spelling} " in padded:
            return title, sector
    return key, "GOV"


def _finish(record: dict[str, Any], offices: dict[str, tuple[str, str | None]],
            countries: dict[str, tuple[str, str | None]], titles: list[tuple[str, str, str]],
            report: ImportReport) -> dict[str, Any] | None:
    names = record.get("names") or []
    if "country" in record:
        iso3, iso2 = countries[record["country"]]
        report.countries += 1
        # Known countries only gain aliases (the bundled names stay); others need a name.
        row: dict[str, Any] = {"id": f"ng:country/{iso3}", "kind": "country", "aliases": names}
        if iso3 not in _bundled_countries():
            if not names:
                return None
            row.update(name=names[0], aliases=names[1:], country=iso3)
        if iso2:
            row["iso2"] = iso2
        return row
    if not names:
        return None  # an entity without any label cannot be matched by name
    if "organization" in record:
        report.organizations += 1
        country = countries.get(record["in"] or "", (None,))[0]
        row = {"id": f"wd:{record['organization']}", "name": names[0], "kind": record["kind"],
               "country": country, "sector": record["sector"]}
    else:
        country = countries.get(record["citizenship"] or "", (None,))[0]
        positions = []
        for held in record["positions"]:
            label, office_country = offices.get(held["office"], (held["office"], None))
            if held["office"] not in offices:
                report.unresolved_offices.add(held["office"])
            title, sector = office_title(label, titles)
            position = {"title": title, "office": label, "country": office_country or country,
                        "sector": sector}
            start, end = held["start"], held["end"]
            if start and end and end < start[:len(end)]:
                start = end = None  # contradictory dates: keep the office, not the dates
            position.update({k: v for k, v in (("start", start), ("end", end)) if v})
            positions.append(position)
        report.people += 1
        report.positions += len(positions)
        row = {"id": f"wd:{record['person']}", "name": names[0], "kind": "person",
               "country": country, "positions": positions}
        if positions:
            latest = max(positions, key=lambda p: p.get("start") or "")
            row["sector"] = latest["sector"]
    if names[1:]:
        row["aliases"] = names[1:]
    if record.get("description"):
        row["description"] = record["description"]
    return row
