"""The outlet a page belongs to, from its URL: "https://www.bbc.co.uk/news/world-1" -> "BBC".

Well-known outlets are data (``newsgraph/data/sites.csv``); other hosts are named by
themselves, without "www.".
"""

from __future__ import annotations

from functools import cache

from newsgraph.extract.lexicon_files import Row, read_rows
from newsgraph.extract.urls import host_of

__all__ = ["site_name"]

SITES_FILE = "sites.csv"


def _check(row: Row) -> None:
    host = row["host"]
    if host != host.lower() or "/" in host or " " in host or "." not in host:
        raise row.fail(f"host {host!r} must be a lower-case host name like 'dw.com'")


@cache
def _sites() -> tuple[tuple[str, str], ...]:
    return tuple((row["host"], row["name"])
                 for row in read_rows(SITES_FILE, ("host", "name"), check=_check))


def site_name(url: str | None) -> str | None:
    """The outlet's name for ``url``: a well-known name, else the host without "www.".

    >>> site_name("https://news.bbc.co.uk/2/a"), site_name("https://www.example.org/a")
    ('BBC', 'example.org')
    """
    host = host_of(url) if url else None
    if not host:
        return None
    for known, name in _sites():
        if host == known or host.endswith("." + known):
            return name
    return host
