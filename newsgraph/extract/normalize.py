"""Text normalisation shared by every extractor, and the one place an Article is built.

Text is composed (Unicode NFC, so "é" is one character however the page spelled it), Unicode
spaces (no-break, thin, ideographic, ...) become plain spaces, control characters and NULs go,
runs of spaces shrink to one, and paragraphs are joined by a blank line. After this,
``Article.body`` does not change, so offsets into it are stable.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from newsgraph import __version__
from newsgraph.model import Article

PARAGRAPH_SEPARATOR = "\n\n"

# Zero-width characters that carry no text; the soft hyphen is invisible when rendered.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_HTML_SNIFF = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|article|meta)\b", re.I)


def clean_line(text: str) -> str:
    """One line (or paragraph) of text, composed, with normalised spaces and no control characters.

    >>> clean_line("Kim\\u00a0Jong Un\\x00 said ")
    'Kim Jong Un said'
    >>> clean_line("Jose\\u0301") == "Jos\\u00e9"
    True
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        # Only text with control, format or Unicode space characters takes the slow path;
        # str.isprintable is true for plain text, which is nearly every line.
        text = text.translate(_INVISIBLE)
        text = "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " "
                       for ch in text)
        text = text.replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters (counting stops there).

    >>> has_letters("12: ok", 3), has_letters("a long page", 3)
    (False, True)
    """
    for ch in text:
        if ch.isalpha():
            count -= 1
            if count <= 0:
                return True
    return count <= 0


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Clean paragraphs joined by a blank line; empty ones are dropped."""
    return PARAGRAPH_SEPARATOR.join(p for p in (clean_line(x) for x in paragraphs) if p)


def looks_like_html(text: str) -> bool:
    """Whether a document (whatever its file name) is HTML rather than a text capture."""
    return bool(_HTML_SNIFF.search(text[:4096]))


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def article_id(url: str | None, source: str | None, body_hash: str) -> str:
    """A stable id: the same page (URL, else source) with the same body is the same article."""
    key = f"{url or source or ''}\n{body_hash}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def build_article(*, body_paragraphs: Iterable[str], component: str, url: str | None,
                  source: str | None, **fields) -> Article:
    """The Article with a normalised body, its hash and id, and the extractor's version.

    ``fields`` are the other Article fields; string fields are cleaned, list fields become
    tuples of cleaned, de-duplicated strings.
    """
    body = join_paragraphs(body_paragraphs)
    digest = content_hash(body)
    clean: dict = {}
    for key, value in fields.items():
        if isinstance(value, str):
            clean[key] = clean_line(value) or None
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            seen: dict[str, None] = {}
            for v in value:
                v = clean_line(v)
                if v and v not in seen:
                    seen[v] = None
            clean[key] = tuple(seen)
        else:
            clean[key] = value
    return Article(id=article_id(url, source, digest), body=body, url=url, source=source,
                   content_hash=digest, extractor=f"{component}/{__version__}", **clean)
