"""The publication date of an HTML page: declared, read by htmldate, in the URL, or shown.

Priority:

1. the date the caller gives (``RawDocument.published``, ``--published``);
2. the first date the page declares in local time (a date alone, or a timestamp without an
   offset or with a non-zero one) — JSON-LD ``datePublished``, the metas of ``[published]``
   in ``html_selectors.toml``, then JSON-LD ``dateCreated`` (a draft may be created days
   before it is published): a page declaring its date twice gives the local one to readers
   and the UTC one to machines;
3. else the first declared UTC timestamp ("Z", "+00:00"). It is the server's clock: near
   midnight its day is not the local day of publication. Its local day is taken, in this order, from another
   date of the page that is the same instant written with an offset (``<time
   datetime="2022-05-03T23:37:37-04:00">`` beside ``2022-05-04T03:37:37Z``), from a URL
   date one day off (sites put their local day in their URLs), and from htmldate's day when
   it is one day off. A timestamp between 09:00 and 15:00 UTC falls on the same day from
   UTC-9 to UTC+9, so htmldate (which may have read a modification date) is not asked;
4. without a declared date: htmldate's date (through trafilatura, with its extensive search),
   then a full date in the URL ("/2024/03/12/"), then the ``<time datetime>`` elements of
   ``[published_visible]`` (comments and related links carry them too).

Published beats modified everywhere: modification dates are never read.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lxml import etree

from newsgraph.extract.html_metadata import JsonLd, element_text, normalize_date
from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.published_dates import date_in_url

__all__ = ["published_date"]

# Hours (UTC) whose day is the same from UTC-9 (the Americas' west coast) to UTC+9 (Japan).
SAFE_UTC_HOURS = range(9, 15)
_UTC = "+00:00"


def published_date(given: str | None, jsonld: JsonLd, tree: etree._Element,
                   trafilatura_date: str | None, url: str | None) -> str | None:
    """The publication date, as "YYYY-MM-DD" or an ISO 8601 datetime with the page's offset.

    >>> from lxml import html
    >>> tree = html.fromstring("<html><body><p>x</p></body></html>")
    >>> published_date(None, JsonLd(published="2024-03-06T01:30:00Z"), tree, "2024-03-05", None)
    '2024-03-05'
    """
    latest = date.today() + timedelta(days=1)

    def parse(value: str | None) -> str | None:
        return normalize_date(value, latest=latest)

    found = parse(given)
    if found:
        return found
    declared_values = [jsonld.published, *_all_values(tree, "published"), jsonld.created]
    parsed = [d for d in map(parse, declared_values) if d]
    local = next((d for d in parsed if not d.endswith(_UTC)), None)
    if local:
        return local
    declared = parsed[0] if parsed else None
    read = parse(trafilatura_date)
    in_url = date_in_url(url)
    if declared:
        twin = _same_instant(declared, [parse(v) for v in
                                        declared_values + _all_values(tree, "published_visible")])
        if twin:
            return twin
        if in_url and _days_apart(in_url, declared) == 1:
            return in_url
        if int(declared[11:13]) in SAFE_UTC_HOURS:
            return declared
        if read and _days_apart(read, declared) == 1:
            return read
        return declared
    if read:
        return read
    return in_url or next((d for d in map(parse, _all_values(tree, "published_visible")) if d),
                          None)


def _all_values(tree: etree._Element, table: str) -> list[str]:
    """Every value of every selector of the table, in priority order."""
    return [v for xpath in selectors().xpath[table] for v in map(element_text, xpath(tree)) if v]


def _same_instant(utc: str, candidates: list[str | None]) -> str | None:
    """A candidate with a non-zero offset that is the same instant as the UTC timestamp."""
    moment = _instant(utc)
    for candidate in candidates:
        if candidate and len(candidate) > 19 and not candidate.endswith(_UTC):
            other = _instant(candidate)
            if other and moment and abs((other - moment).total_seconds()) < 60:
                return candidate
    return None


def _instant(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
