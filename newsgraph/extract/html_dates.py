"""The publication date of an HTML page: declared, shown below the headline, read by
htmldate, in the URL.

Priority:

1. the date the caller gives (``RawDocument.published``, ``--published``);
2. the first date the page declares in local time (a date alone, or a timestamp without an
   offset or with a non-zero one) — JSON-LD ``datePublished``, the metas of ``[published]``
   in ``html_selectors.toml``, then JSON-LD ``dateCreated`` (a draft may be created days
   before it is published): a page declaring its date twice gives the local one to readers
   and the UTC one to machines;
3. else the first declared UTC timestamp ("Z", "+00:00"). It is the server's clock: near
   midnight its day is not the local day of publication. Its local day is taken, in this
   order, from another date of the page that is the same instant written with an offset
   (``<time datetime="2022-05-03T23:37:37-04:00">`` beside ``2022-05-04T03:37:37Z``), from a
   URL date or a date shown below the headline one day off (sites put their local day in
   both), from the offset the page writes its other timestamps in (``dateModified``, ``<time
   datetime>``: the page's own offset), and from htmldate's day when it is one day off. A
   timestamp between 09:00 and 15:00 UTC falls on the same day from UTC-9 to UTC+9, so
   htmldate (which may have read a modification date) is not asked;
4. without a declared date: the date shown around the headline (``html_header``: a date
   labelled as published first, "Publicado el 3 de marzo de 2024", in the page's language;
   a date labelled as modified never), then htmldate's date (through trafilatura, with its
   extensive search; a January 1 is a year it found, from a copyright line, and is taken only
   when the URL names that day), then a full date in the URL ("/2024/03/12/"), then the ``<time
   datetime>`` elements of ``[published_visible]`` (comments and related links carry them
   too) that nothing marks as a modification ("updated" in their class, "Updated:" before
   them).

Published beats modified everywhere: modification dates are never the publication date.
No date after tomorrow (a placeholder) or before 1990 (a copyright line, a default) is taken.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from lxml import etree

from newsgraph.extract.html_header import Header, header_date, read_header
from newsgraph.extract.html_metadata import JsonLd, element_text, normalize_date
from newsgraph.extract.html_selectors import selectors
from newsgraph.extract.language import declared_language_tag
from newsgraph.extract.published_dates import (MODIFIED, date_in_url, dates_in_line,
                                               label_at_end, marks_modified, parse_date_line)

__all__ = ["published_date"]

# Hours (UTC) whose day is the same from UTC-9 (the Americas' west coast) to UTC+9 (Japan).
SAFE_UTC_HOURS = range(9, 15)
_UTC = "+00:00"


def published_date(given: str | None, jsonld: JsonLd, tree: etree._Element,
                   trafilatura_date: str | None, url: str | None,
                   header: Header | None = None) -> str | None:
    """The publication date, as "YYYY-MM-DD" or an ISO 8601 datetime with the page's offset.

    ``header``: the page's header lines when the caller has read them (else they are read).

    >>> from lxml import html
    >>> tree = html.fromstring("<html><body><p>x</p></body></html>")
    >>> published_date(None, JsonLd(published="2024-03-06T01:30:00Z"), tree, "2024-03-05", None)
    '2024-03-05'
    """
    latest = date.today() + timedelta(days=1)
    language = declared_language_tag(tree)

    def parse(value: str | None) -> str | None:
        # A declared date written for readers ("3 de marzo de 2024") is read like a date line.
        return normalize_date(value, latest=latest) or (
            parse_date_line(value, language=language) if value and len(value) <= 60 else None)

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
    shown, _ = header_date(header if header is not None else read_header(tree), language)
    visible = _visible_dates(tree, language)
    if declared:
        others = [parse(v) for v in [*declared_values, *visible, jsonld.modified]]
        twin = _same_instant(declared, others)
        if twin:
            return twin
        for local_day in (in_url, shown):
            if local_day and _days_apart(local_day, declared) == 1:
                return local_day
        offset = _page_offset(others)
        if offset is not None:
            # The page writes its other timestamps in its own offset: the day is that one's.
            return _instant(declared).astimezone(timezone(offset)).isoformat()
        if int(declared[11:13]) in SAFE_UTC_HOURS:
            return declared
        if read and _days_apart(read, declared) == 1:
            return read
        return declared
    if shown:
        return shown
    # htmldate gives January 1 when it found only a year (a copyright line, "© 2004"): a
    # year is no publication date unless the URL names that very day.
    if read and (read[5:10] != "01-01" or read[:10] == in_url):
        return read
    return in_url or next((d for d in map(parse, visible) if d), None)


def _visible_dates(tree: etree._Element, language: str | None) -> list[str]:
    """The ``[published_visible]`` dates (``<time datetime>``), without those the page marks
    as modification dates: by class, id or itemprop ("updated", "dateModified"), by a label
    before them ("Updated:") or in their text ("Updated 5 May 2024")."""
    values = []
    for xpath in selectors().xpath["published_visible"]:
        for match in xpath(tree):
            element = match.getparent() if isinstance(match, str) else match
            if isinstance(element, etree._Element) and _marked_modified(element, language):
                continue
            value = element_text(match)
            if value:
                values.append(value)
    return values


def _marked_modified(element: etree._Element, language: str | None) -> bool:
    markup = " ".join(element.get(name) or "" for name in ("class", "id", "itemprop"))
    if marks_modified(markup):
        return True
    text = element_text(element)
    if text and any(kind == MODIFIED for _, kind in dates_in_line(text, language=language)):
        return True
    parent = element.getparent()
    if parent is None:
        return False
    before = (parent.text or "") + "".join(
        element_text(sibling) + " " + (sibling.tail or "")
        for sibling in reversed(list(element.itersiblings(preceding=True))))
    return label_at_end(before.strip()) == MODIFIED


def _page_offset(values: list[str | None]) -> timedelta | None:
    """The first non-zero UTC offset among the page's timestamps: the page's own."""
    for value in values:
        if value and len(value) > 19 and not value.endswith(_UTC):
            moment = _instant(value)
            if moment and moment.utcoffset():
                return moment.utcoffset()
    return None


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
