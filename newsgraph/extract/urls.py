"""URLs that wrap other URLs: rewriting proxies, redirect links, safelinks, AMP caches.

``https://proxy.example:443/https/news.example/p/4kq2z`` is the page ``https://news.example/p/4kq2z``
seen through a proxy; an article's URL is the page's own, so the wrapper goes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from urllib.parse import parse_qsl, unquote, urlsplit

from newsgraph.extract.lexicon_files import Row, read_rows

__all__ = ["unwrap_url", "is_url", "host_of", "is_share_link", "slug_words", "fold_words"]

LINKS_FILE = "links.csv"
_KINDS = ("target_param", "share_host")
_EMBEDDED = re.compile(r"/(https?)(?::/+|/+)(.+)$", re.I)
_AMP_CACHE = re.compile(r"^(?:[\w-]+\.)?cdn\.ampproject\.org$", re.I)
_AMP_PATH = re.compile(r"^/(?:[a-z]{1,2}/)?(s/)?([^/]+\.[^/]+(?:/.*)?)$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_MAX_DEPTH = 8
# A slug is a path segment of this many words at least ("/2025/03/talks-end-in-geneva").
_SLUG_MIN_WORDS = 3
_SLUG_SEPARATORS = re.compile(r"[-_+]")
_FILE_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms)$", re.I)
_WORD = re.compile(r"[^\W_]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _check(row: Row) -> None:
    if row["kind"] not in _KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_KINDS)}")


@cache
def _links() -> dict[str, frozenset[str]]:
    rows = read_rows(LINKS_FILE, ("kind", "value"), check=_check)
    return {kind: frozenset(r["value"].lower() for r in rows if r["kind"] == kind)
            for kind in _KINDS}


def is_share_link(url: str) -> bool:
    """Whether ``url`` points to a sharing service rather than to a page of its own.

    >>> is_share_link("https://www.facebook.com/sharer.php?u=x"), is_share_link("https://dw.com/a")
    (True, False)
    """
    host = host_of(url) or ""
    return any(host == h or host.endswith("." + h) for h in _links()["share_host"])


def is_url(text: str) -> bool:
    """Whether ``text`` is a bare URL (a line that is only a link).

    >>> is_url("https://news.example/p/4kq2z"), is_url("Read more at dw.com")
    (True, False)
    """
    return bool(_URL.match(text.strip()))


def host_of(url: str) -> str | None:
    """The lower-case host of ``url`` without "www." and port, or None.

    >>> host_of("https://www.Example.com:443/a")
    'example.com'
    """
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def unwrap_url(url: str) -> str:
    """The URL ``url`` wraps (recursively), or ``url`` unchanged.

    >>> unwrap_url("https://proxy.example:443/https/news.example/p/4kq2z")
    'https://news.example/p/4kq2z'
    >>> unwrap_url("https://l.example.net/?u=https%3A%2F%2Fexample.com%2Fnews%3Fid%3D1")
    'https://example.com/news?id=1'
    >>> unwrap_url("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a.html")
    'https://www.example.com/a.html'
    >>> unwrap_url("https://example.com/a?b=c")
    'https://example.com/a?b=c'
    """
    url = url.strip()
    for _ in range(_MAX_DEPTH):
        inner = _unwrap_once(url)
        if inner is None or inner == url:
            return url
        url = inner
    return url


def _unwrap_once(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if _AMP_CACHE.match(parts.hostname or ""):
        match = _AMP_PATH.match(parts.path)
        if match:
            scheme = "https" if match.group(1) else "http"
            query = f"?{parts.query}" if parts.query else ""
            return f"{scheme}://{match.group(2)}{query}"
    for key, value in parse_qsl(parts.query, keep_blank_values=False):
        if key.lower() in _links()["target_param"]:
            target = _absolute(value)
            if target:
                return target
    # The embedded URL may sit in the path, plain or percent-encoded, and keeps any query.
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    match = _EMBEDDED.search(unquote(rest))
    if match:
        inner = _absolute(f"{match.group(1)}://{match.group(2)}")
        if inner:
            return inner
    # "https://redirect.example/?https://host/page": the whole query is the target.
    return _absolute(parts.query) if parts.query else None


def _absolute(value: str) -> str | None:
    """``value`` (maybe percent-encoded) when it is an absolute http(s) URL with a host."""
    for candidate in (value, unquote(value)):
        candidate = candidate.strip()
        if re.match(r"^https?://[^/\s?#]+\.[^/\s?#]+", candidate, re.I):
            return candidate
    return None


def slug_words(url: str | None) -> tuple[str, ...]:
    """The words of the page's slug, the path segment naming the article, folded; or ().

    Sites name an article's address after its headline; ids and dates are no words of it.

    >>> slug_words("https://example.com/world/2025/03/talks-end-in-geneva-without-deal-100.html")
    ('talks', 'end', 'in', 'geneva', 'without', 'deal')
    >>> slug_words("https://news.example/p/4kq2z")
    ()
    """
    if not url:
        return ()
    try:
        path = unquote(urlsplit(unwrap_url(url)).path)
    except ValueError:
        return ()
    best: tuple[str, ...] = ()
    for segment in path.split("/"):
        segment = _FILE_SUFFIX.sub("", segment)
        if not _SLUG_SEPARATORS.search(segment):
            continue
        words = tuple(w for w in fold_words(_SLUG_SEPARATORS.sub(" ", segment))
                      if not w.isdigit())
        if len(words) >= _SLUG_MIN_WORDS and len(words) > len(best):
            best = words
    return best


def fold_words(text: str, *, umlauts: bool = False) -> list[str]:
    """The words of ``text`` in lower case without accents, as slugs write them.

    With ``umlauts``, "ä", "ö", "ü" are written "ae", "oe", "ue", as German slugs have them.

    >>> fold_words("Zuschauerrückkehr bei den Proficlubs!")
    ['zuschauerruckkehr', 'bei', 'den', 'proficlubs']
    >>> fold_words("Zuschauerrückkehr", umlauts=True)
    ['zuschauerrueckkehr']
    """
    text = text.casefold()
    if umlauts:
        text = text.translate(_UMLAUTS)
    folded = unicodedata.normalize("NFKD", text)
    return _WORD.findall("".join(ch for ch in folded if not unicodedata.combining(ch)))
