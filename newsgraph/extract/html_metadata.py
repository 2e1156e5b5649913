"""Page metadata trafilatura does not give, or gives less well: read from the parsed page.

JSON-LD (``<script type="application/ld+json">``), meta tags and visible markup, through the
selectors of ``newsgraph/data/html_selectors.toml`` in their priority order. Every function
reads the tree and never changes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime

from lxml import etree

from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.normalize import clean_line
from newsgraph.extract.published_dates import MIN_YEAR, ascii_digits

__all__ = ["JsonLd", "read_jsonld", "site_keys", "first_value", "all_values", "first_of_each",
           "element_text", "unspaced", "visible_text", "normalize_date", "strip_site_name"]

_ISO_DATE = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T|\b|$)")
# "2022/05/10 17:36:11": year first, as in ISO.
_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
_SLASHED_DATE = re.compile(rf"^\s*(\d{{4}})/(\d{{1,2}})/(\d{{1,2}})(?:[T ]{_TIME})?")
# "27.04.2020 18:50": dotted dates are day first wherever they are written.
_DOTTED_DATE = re.compile(rf"^\s*(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})(?:,?\s+{_TIME})?")
# JavaScript's Date.toString ("Tue Feb 20 2018 01:00:00 GMT+0100 (...)"), rewritten as RFC 2822.
_JS_DATE = re.compile(r"^\s*(\w{3}) (\w{3}) (\d{1,2}) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT([+-]\d{4})")


_LINKED = "\x00linked"  # marks an object reached through an "@id" reference


@dataclass
class JsonLd:
    """What the page's JSON-LD says about the article."""

    headline: str | None = None
    published: str | None = None
    created: str | None = None  # dateCreated: the publication date when none is given
    modified: str | None = None  # dateModified: never the publication date, but its offset
    # is the page's
    authors: list[str] = field(default_factory=list)  # people
    # People named through an "@id" reference: in WordPress's schema that is the account that
    # posted the page, which a byline naming the reporters may contradict.
    linked_authors: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # authors that are not people
    sections: list[str] = field(default_factory=list)
    breadcrumbs: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    description: str | None = None
    publisher: str | None = None
    publisher_is_person: bool = False  # a personal site: its publisher is its author
    article_body: str | None = None  # the first articleBody declared, markup and all


def read_jsonld(tree: etree._Element) -> JsonLd:
    """The article facts in the page's JSON-LD blocks (broken blocks are skipped)."""
    words = selectors().words
    article_types = set(words["jsonld", "article_types"])
    person_types = set(words["jsonld", "person_types"])
    found = JsonLd()
    article_seen = False
    documents = []
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").casefold() or not script.text:
            continue
        try:
            documents.append(json.loads(script.text.strip().rstrip(";")))
        except ValueError:
            continue
    found.article_body = _article_body(documents)
    # Objects named by "@id" elsewhere ("author": {"@id": "#jane"}) are looked up here.
    by_id = {node["@id"]: node for document in documents for node in _nodes(document)
             if isinstance(node.get("@id"), str) and len(node) > 1}

    def resolve(value):
        if isinstance(value, dict) and not value.get("name") and value.get("@id") in by_id:
            return {**by_id[value["@id"]], _LINKED: True}
        return value

    for document in documents:
        for node in _nodes(document):
            types = _types(node)
            if "BreadcrumbList" in types and not found.breadcrumbs:
                found.breadcrumbs = _breadcrumb_names(node)
            if not types & article_types or article_seen and "WebPage" in types:
                continue
            # The first article object wins; a WebPage only fills in what is still missing.
            is_page = types == {"WebPage"}
            found.headline = found.headline or _text(node.get("headline") or node.get("name"))
            found.published = found.published or _text(node.get("datePublished"))
            found.created = found.created or _text(node.get("dateCreated"))
            found.modified = found.modified or _text(node.get("dateModified"))
            found.language = found.language or _text(node.get("inLanguage"))
            found.description = found.description or _text(node.get("description"))
            publisher = resolve(node.get("publisher"))
            if isinstance(publisher, dict) and not found.publisher:
                found.publisher = _text(publisher.get("name"))
                found.publisher_is_person = bool(_types(publisher) & person_types)
            if not found.url:
                found.url = _text(node.get("url")) or _text(node.get("mainEntityOfPage"))
            if not is_page and not (found.authors or found.linked_authors
                                    or found.organisations):
                # "creator" stands in for "author" on some pages.
                for author in map(resolve, _as_list(node.get("author") or node.get("creator"))):
                    name = _text(_person_name(author) if isinstance(author, dict) else author)
                    if not name or isinstance(author, dict) and not _person_name(author):
                        continue
                    kinds = _types(author) if isinstance(author, dict) else set()
                    if kinds and not kinds & person_types:
                        found.organisations.append(name)
                    elif isinstance(author, dict) and author.get(_LINKED):
                        found.linked_authors.append(name)
                    else:
                        found.authors.append(name)
            if not found.sections:
                sections = (_text(v) for v in _as_list(node.get("articleSection")))
                found.sections = [s for s in sections if s]
            article_seen = article_seen or not is_page
    return found


def _article_body(documents: list) -> str | None:
    """The first non-empty ``articleBody`` of the documents, wherever it is nested."""
    for data in documents:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and body.strip():
                    return body
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return None


def _person_name(author: dict):
    """The name of a JSON-LD author object: ``name``, else ``givenName`` and ``familyName``,
    else the address of the author's page (``url``), whose last part may spell the name."""
    if author.get("name"):
        return author["name"]
    parts = [author.get(key) for key in ("givenName", "familyName")]
    url = author.get("url")
    return (" ".join(p for p in parts if isinstance(p, str) and p.strip())
            or (url if isinstance(url, str) and url.startswith(("http://", "https://")) else None))


def _nodes(data):
    """Every object of a JSON-LD document, @graph members included."""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            yield item
            if "@graph" in item:
                stack[:0] = _as_list(item["@graph"])


def _types(node: dict) -> set[str]:
    return {t.rsplit("/", 1)[-1] for t in _as_list(node.get("@type")) if isinstance(t, str)}


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name") or value.get("url")
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    return clean_line(str(value)) or None


def _breadcrumb_names(node: dict) -> list[str]:
    items = []
    for item in _as_list(node.get("itemListElement")):
        if not isinstance(item, dict):
            continue
        position = item.get("position")
        target = item.get("item")
        name = _text(item.get("name")) or (_text(target.get("name"))
                                           if isinstance(target, dict) else None)
        if name:
            items.append((position if isinstance(position, int) else len(items), name))
    return [name for _, name in sorted(items, key=lambda p: p[0])]


def visible_text(element: etree._Element, hidden: frozenset[str], joiner: str = " ") -> str:
    """The text of ``element`` and its descendants, in document order, skipping the elements
    whose tag is in ``hidden`` (their tails are kept: they follow the element on the page).

    >>> visible_text(etree.fromstring("<p>Vote<script>x()</script> passed.</p>"), frozenset({"script"}))
    'Vote  passed.'
    """
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str) or child.tag not in hidden:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return joiner.join(parts)


def unspaced(text: str) -> str:
    """``text`` without any spaces, to compare texts that markup and extraction space
    differently."""
    return "".join(text.split())


def element_text(element) -> str:
    """The text of an element or an attribute value, cleaned."""
    if isinstance(element, str):
        return clean_line(element)
    if not isinstance(element, etree._Element):
        return ""
    return clean_line(" ".join(element.itertext()))


def first_value(tree: etree._Element, table: str, accept=bool) -> str | None:
    """The first non-empty value the table's selectors find that ``accept`` takes."""
    for xpath in selectors().xpath[table]:
        for match in xpath(tree):
            value = element_text(match)
            if value and accept(value):
                return value
    return None


def all_values(tree: etree._Element, table: str) -> list[str]:
    """Every value the first matching selector of the table finds, in page order."""
    for xpath in selectors().xpath[table]:
        values = [v for v in (element_text(m) for m in xpath(tree)) if v]
        if values:
            return values
    return []


def first_of_each(tree: etree._Element, table: str) -> list[str]:
    """The first value of every selector of the table that finds one, in priority order."""
    values = []
    for xpath in selectors().xpath[table]:
        value = next((v for v in (element_text(m) for m in xpath(tree)) if v), None)
        if value:
            values.append(value)
    return values


def normalize_date(value: str | None, *, latest: date | None = None) -> str | None:
    """A date or timestamp as "YYYY-MM-DD", or an ISO 8601 datetime when the time is given.

    The local time of the page is kept (no conversion to UTC): the day a reader saw is the
    publication day. Dates before 1990 or after ``latest`` are rejected as placeholders.

    >>> normalize_date("2019-07-28T10:05:00+0200")
    '2019-07-28T10:05:00+02:00'
    >>> normalize_date("2020-1-5"), normalize_date("20200105"), normalize_date("soon")
    ('2020-01-05', '2020-01-05', None)
    >>> normalize_date("27.04.2020 18:50"), normalize_date("Mon, 04 May 2020 10:00:00 +0200")
    ('2020-04-27T18:50:00', '2020-05-04T10:00:00+02:00')
    """
    if not value:
        return None
    parts = _date_parts(ascii_digits(value))
    if parts is None:
        return None
    year, month, day, hour, minute, second, zone = parts
    try:
        day_value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if day_value.year < MIN_YEAR or (latest and day_value > latest):
        return None
    if hour is None:
        return day_value.isoformat()
    out = f"{day_value.isoformat()}T{int(hour):02d}:{minute}:{second or '00'}"
    if zone:
        out += "+00:00" if zone in ("Z", "-00:00") else f"{zone[:3]}:{zone[-2:]}"
    return out


def _date_parts(value: str) -> tuple | None:
    """(year, month, day, hour, minute, second, zone) of a date in one of the known forms."""
    match = _ISO_DATE.match(value)
    if match:
        return match.groups()
    match = _SLASHED_DATE.match(value)
    if match:
        return (*match.groups(), None)
    match = _DOTTED_DATE.match(value)
    if match:
        day, month, year, *time = match.groups()
        return (year, month, day, *time, None)
    compact = _COMPACT_DATE.match(value)
    if compact:
        return (*compact.groups(), None, None, None, None)
    js_date = _JS_DATE.match(value)
    if js_date:
        weekday, month, day, year, time, zone = js_date.groups()
        value = f"{weekday}, {day} {month} {year} {time} {zone}"
    if "," in value[:5] or js_date:
        try:
            moment = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError, IndexError):
            return None
        offset = moment.strftime("%z")
        zone = f"{offset[:3]}:{offset[3:]}" if offset else None
        return (moment.year, moment.month, moment.day, moment.hour, f"{moment.minute:02d}",
                f"{moment.second:02d}", zone)
    return None


def strip_site_name(title: str, site: str | None, separators: tuple[re.Pattern[str], ...]) -> str:
    r"""A page title without the site name before or after it ("Headline | Site" → "Headline").

    Only parts that name the site are removed, and only when what is left is longer than what
    goes (a site name mistaken for the headline must not eat it).

    >>> bar = (re.compile(r"\s+[|]\s+"),)
    >>> strip_site_name("Storm hits coast | Daily Planet", "Daily Planet", bar)
    'Storm hits coast'
    """
    title = clean_line(title)
    site_key = _key(site or "")
    for separator in separators:
        parts = [p for p in separator.split(title) if p.strip()]
        if len(parts) < 2:
            continue
        if site_key:
            kept = [p for p in parts if not _names_site(p, site_key)]
            dropped = sum(len(p) for p in parts) - sum(len(p) for p in kept)
            if kept and len(kept) < len(parts) and sum(len(p) for p in kept) > dropped:
                return _rejoin(title, kept)
    return title


def _names_site(part: str, site_key: str) -> bool:
    key = _key(part)
    return bool(key) and (key == site_key or key in site_key or site_key in key)


def _rejoin(title: str, kept: list[str]) -> str:
    # Kept parts are contiguous in practice ("A - B | Site"); return the span that holds them.
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return clean_line(title[start:end]) if start >= 0 and end > start else clean_line(kept[0])


def site_keys(*names: str | None) -> set[str]:
    """Comparison keys for the names of a site ("www.elcolombiano.com", "stol.it / Suedtirol
    Online", "Deutsche Welle (www.dw.com)"): each part, with and without its domain ending.

    >>> sorted(site_keys("stol.it / Suedtirol Online"))
    ['stol', 'stolit', 'suedtirolonline']
    """
    keys: set[str] = set()
    for name in names:
        for part in re.split(r"\s*[/|()]\s*|\s+[-–—]\s+", name or ""):
            keys.update({_key(part), re.sub(r"\W+", "", part.casefold())})
    return {key for key in keys if len(key) >= 3}


def _key(text: str) -> str:
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.casefold())
    text = re.sub(r"(?:\.[a-z]{2,12})+(?:/.*)?$", "", text)
    return re.sub(r"\W+", "", text)
