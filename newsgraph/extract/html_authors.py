"""Authors and wire agencies of an HTML page, from its metadata, bylines and text.

Sources, in priority order: JSON-LD authors (people named in place: a name, a Person), author
meta tags (and "Written by" label/value meta pairs), trafilatura's author (its own byline
search, which skips comments), author markup (``itemprop=author``, ``rel=author``, hCards of
class "author"), the first visible byline of each byline selector (none crediting a picture),
then JSON-LD people reached through an ``@id`` reference (in WordPress's schema the account
that posted the page, which a byline naming the reporters outranks). Then, only when none of
these names a person or a handle (below), weaker signs: the lines around the headline
(``html_header``: "By Jane Doe | 3 May 2024", "Posted on 3 May 2024 by Jane Doe", "11.12.2019 -
Jane Doe"), elements of class "author" and links to author pages, a byline line opening or
closing the body ("Written by: Jane Doe"), and a labelled line anywhere on the page ("Auteur :
Jane Doe"). Last, a site named after a person with a title ("Dr. Jane Doe") is that person's,
then the owner of a personal site: a Creative Commons attribution, or a copyright holder or
social media handle whose name is the site's host or an author page's slug
(``author_markup``). Every value goes through ``bylines.parse_byline``.

- The first source that names a person gives the authors. A later source (other than
  trafilatura, which mixes in names from around the text) naming the same people and more
  completes the list: JSON-LD and meta tags often name only the first of several authors.
- The site's name is taken out of bylines ("Jane Doe PhillyVoice Staff"), and a "person" who
  is the site or its publisher ("El Colombiano", "Deutsche Welle") is not an author, unless
  JSON-LD names them and its publisher is no organisation (a personal site is its author's).
- JSON-LD says who is a Person, so a name written in lower case there ("Jane doe") is still
  read as a name.
- When no source names a person, a one-word handle ("gnaddrig", "HansG", "孔德明") is the
  author if markup says it is one: JSON-LD, an author meta tag or author markup, never
  visible text alone. A handle that is the site's name, its publisher or the name the site
  registered ("example" for news.example.co.uk) is not; one that is a subdomain on a shared
  host is (a blog at gizzmo.example.org is gizzmo's).
- Wire agencies come from every source, and from JSON-LD authors that are organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from newsgraph.extract.author_markup import (author_cards, author_page_slugs, copyright_names,
                                             credited_first_of_each, handle_names, is_owner,
                                             labelled_lines, labelled_meta_authors, name_in_url,
                                             name_key, owner_names)
from newsgraph.extract.bylines import (has_byline_prefix, has_honorific, looks_like_byline,
                                       parse_byline)
from newsgraph.extract.html_header import Header, header_bylines, read_header
from newsgraph.extract.html_metadata import JsonLd, all_values, first_of_each, site_keys

__all__ = ["authors_and_agencies", "registered_name"]

# A second-level label this short under a country code is a public suffix ("co.uk", "com.au").
MAX_SUFFIX_LABEL = 3
# A byline is a line; a longer "byline" element is a whole author box or a list of links.
MAX_BYLINE_CHARS = 160
# Byline lines inside the text sit among its first or last paragraphs.
BODY_BYLINE_PARAGRAPHS = 3
# A byline line of the body is short: the prefix and a few names.
MAX_BODY_BYLINE_WORDS = 10


@dataclass(frozen=True)
class _Source:
    values: list[str]
    trusted: bool = False  # a name that is the site's stays (JSON-LD of a personal site)
    first_only: bool = False  # visible bylines: the first that names someone; later ones
    # are related links
    handles: bool = False  # markup that says "this is the author": a handle may be one
    completes: bool = True  # may complete the list of an earlier source
    typed: bool = False  # markup typed as Person: a name in lower case is still a name


def authors_and_agencies(tree: etree._Element, jsonld: JsonLd, trafilatura_author: str | None,
                         site: str | None, publishers: set[str], site_names: set[str],
                         paragraphs: list[str], header: Header | None = None,
                         publisher_names: list[str] | None = None,
                         ) -> tuple[list[str], list[str]]:
    """The people who wrote the page and the wire agencies its bylines credit.

    ``publishers`` are the keys (``site_keys``) of the site's names, its publisher and its
    host; ``site_names`` the same without the host; ``header`` the page's header lines and
    ``publisher_names`` the values of ``html_selectors.toml [publisher]`` when the caller has
    read them (else they are read).
    """
    if publisher_names is None:
        publisher_names = first_of_each(tree, "publisher")
    site_name = re.compile(rf"(?<!\w){re.escape(site)}(?!\w)", re.I) if site else None
    personal = jsonld.publisher_is_person or not jsonld.publisher
    metas = all_values(tree, "author_meta") + labelled_meta_authors(tree)
    # trafilatura reads JSON-LD too: a referenced account it found keeps its low rank. It
    # writes names in title case: a meta value it took that is no name as written ("deinen
    # Bloggern") stays none.
    not_names = {a.casefold() for a in jsonld.linked_authors} | {
        m.casefold() for m in metas if not parse_byline(m).authors}
    sources = [
        _Source(jsonld.authors, trusted=personal, handles=True, typed=True),
        _Source(metas, handles=True),
        _Source([a for a in (trafilatura_author or "").split(";")
                 if a.strip().casefold() not in not_names], completes=False),
        _Source(credited_first_of_each(tree, "author_markup") + author_cards(tree),
                first_only=True, handles=True),
        _Source(credited_first_of_each(tree, "byline"), first_only=True),
        _Source(jsonld.linked_authors, trusted=personal, handles=True, typed=True),
    ]
    weaker = [
        _Source(header_bylines(header if header is not None else read_header(tree)),
                first_only=True),
        _Source(credited_first_of_each(tree, "byline_loose")
                + credited_first_of_each(tree, "author_link"), first_only=True),
        _Source(_body_bylines(paragraphs), first_only=True),
        _Source(labelled_lines(tree), first_only=True),
    ]
    agencies: list[str] = []
    for organisation in jsonld.organisations:
        agencies.extend(parse_byline(organisation).agencies)
    authors = _first_people(sources, site_name, publishers, agencies)
    if not authors:
        authors = next((found for source in sources if source.handles
                        for found in [_handle(source, site_names)] if found), [])
    # The weaker signs complete the list; they give it only when nothing else does.
    authors = _first_people(weaker, site_name, publishers, agencies, authors)
    if not authors:
        authors = _site_owner([jsonld.publisher, *publisher_names, site])
    if not authors:
        # Names the site gives itself, not its host: "El Colombiano", not "elcolombiano.com".
        given_site = None if site and "." in site and " " not in site.strip() else site
        named = site_keys(jsonld.publisher, *publisher_names, given_site)
        authors = _owner(tree, publishers, named)
    return authors, list(dict.fromkeys(agencies))


def _owner(tree: etree._Element, publishers: set[str], named: set[str]) -> list[str]:
    """The person who owns a personal site, when the page names no author.

    The name a Creative Commons licence attributes the work to; else a copyright holder or
    the owner's social media handle ("@JaneDoe") whose name, written as one word, is the
    site's host ("janedoe.example.org") or the slug of an author page it links to
    ("/author/janedoe/"). A name that is also the name the site gives itself (``named``) is
    taken for an outlet's ("© Daily Planet" on dailyplanet.com): only sites named apart from
    their owner qualify ("Jane Doe's Notes" on janedoe.org).
    """
    for name in owner_names(tree):
        people = parse_byline(name).authors
        if len(people) == 1 and not site_keys(people[0]) & named:
            return [people[0]]
    keys = publishers | author_page_slugs(tree)
    for name in [*copyright_names(tree), *handle_names(tree)]:
        people = parse_byline(name).authors
        if (len(people) == 1 and _plain_name(people[0]) and is_owner(people[0], keys)
                and name_key(people[0]) not in named):
            return [people[0]]
    return []


def _first_people(sources: list[_Source], site_name: re.Pattern[str] | None,
                  publishers: set[str], agencies: list[str],
                  authors: list[str] | None = None) -> list[str]:
    authors = list(authors or ())
    for source in sources:
        found = _people(source, site_name, publishers, agencies)
        if found and (not authors or source.completes and _completes(found, authors)):
            authors = found
    return authors


def _people(source: _Source, site_name: re.Pattern[str] | None, publishers: set[str],
            agencies: list[str]) -> list[str]:
    found: list[str] = []
    for value in source.values:
        if source.handles:
            value = name_in_url(value)
        if not value.strip() or len(value) > MAX_BYLINE_CHARS:
            continue
        # A name field of JSON-LD holds a name, not a byline with the site's name in it.
        byline = parse_byline(site_name.sub(" ", value) if site_name and not source.typed
                              else value, named=source.handles)
        if source.typed and not byline.authors and not value.istitle():
            byline = parse_byline(value.title())
        found.extend(a for a in byline.authors if source.trusted or not site_keys(a) & publishers)
        # An agency that is the site itself ("Jane Doe, CNA" on CNA's own site) is the outlet
        # crediting its staff.
        agencies.extend(a for a in byline.agencies if not site_keys(a) & publishers)
        if found and source.first_only:
            break
    return list(dict.fromkeys(found))


def _completes(found: list[str], authors: list[str]) -> bool:
    """Whether ``found`` names every one of ``authors`` and more."""
    found_keys = {a.casefold() for a in found}
    return len(found_keys) > len(authors) and all(a.casefold() in found_keys for a in authors)


def _handle(source: _Source, publishers: set[str]) -> list[str]:
    for value in source.values:
        value = name_in_url(value)
        if not value.strip() or len(value) > MAX_BYLINE_CHARS:
            continue
        handles = parse_byline(value, allow_handles=True).authors
        if len(handles) == 1 and not site_keys(handles[0]) & publishers:
            return list(handles)
    return []


# A site owner's name: a given name and a surname, perhaps a middle name. Longer "names" in a
# copyright line are an outlet's ("Women Can Talk Sports").
MIN_OWNER_WORDS, MAX_OWNER_WORDS = 2, 3


def _plain_name(name: str) -> bool:
    """Whether a name reads as a person's when nothing but a host vouches for it: two or
    three words, none an acronym ("VI Consortium" is an outlet's name).

    >>> _plain_name("Jane Doe"), _plain_name("VI Consortium"), _plain_name("Women Can Talk Sports")
    (True, False, False)
    """
    words = name.split()
    return (MIN_OWNER_WORDS <= len(words) <= MAX_OWNER_WORDS
            and not any(len(w) > 1 and w.isupper() for w in words))


def _site_owner(names: list[str | None]) -> list[str]:
    """The person a site is named after when the name says it is a person's ("Dr. Jane Doe",
    "Prof. Max Roe"), and the page names no other author: a personal site is its owner's.

    A site name without such a title is not taken: "Los Tiempos" or "Twin Cities" read like
    names of people too.

    >>> _site_owner(["Dr. Jane Doe"]), _site_owner(["Jane Doe", "Daily Planet"])
    (['Jane Doe'], [])
    """
    for name in names:
        if not name or len(name) > MAX_BYLINE_CHARS or not has_honorific(name):
            continue
        people = parse_byline(name).authors
        if len(people) == 1:
            return [people[0]]
    return []


def _body_bylines(paragraphs: list[str]) -> list[str]:
    """Byline lines among the first and last paragraphs ("Written by: Jane Doe"); a paragraph
    broken into lines (by "\\n", a <br> in the page) is read line by line.

    >>> _body_bylines(["Autor: Jane Doe\\nGoogle+", "The council met on Tuesday."])
    ['Autor: Jane Doe']
    """
    edges = paragraphs[:BODY_BYLINE_PARAGRAPHS] + paragraphs[-BODY_BYLINE_PARAGRAPHS:]
    lines = [line for p in dict.fromkeys(edges) for line in p.split("\n")]
    return [p for p in dict.fromkeys(lines)
            if len(p.split()) <= MAX_BODY_BYLINE_WORDS and has_byline_prefix(p)
            and looks_like_byline(p)]


def registered_name(host: str | None) -> str | None:
    """The name a site registered: the label before its public suffix.

    >>> registered_name("gizzmo.example.org"), registered_name("news.example.co.uk")
    ('example', 'example')
    """
    labels = (host or "").split(".")
    if len(labels) < 2:
        return None
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= MAX_SUFFIX_LABEL:
        return labels[-3]
    return labels[-2]
