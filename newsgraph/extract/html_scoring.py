"""Scoring HTML extraction against a gold corpus (html-eval: pages with labelled fields).

The gold corpus gives, per page, a ``title``, an ``author`` (a string or a list), a ``date``
("YYYY-MM-DD"; an empty string means "not labelled"), and body snippets: ``with`` (must be in
the body) and ``without`` (must not be). The same scoring serves the gold-floor tests and the
benchmark against plain trafilatura, so both report comparable numbers.

How each field is compared:

- snippets: after whitespace normalisation (every run of Unicode spaces becomes one space) on
  both sides, a plain substring test. Recall = share of ``with`` snippets present; precision =
  share of ``without`` snippets absent.
- title: case-folded, whitespace-normalised, outer punctuation stripped, then equal.
- author: both sides become a set of names: the gold list (or string) and the predicted
  authors are split on ``;``, ``,``, ``&``, ``|``, `` and `` and `` und ``, each name is
  case-folded with whitespace normalised, full stops as spaces ("T. V. Raman" = "T V Raman")
  and outer punctuation stripped; the sets must be equal.
  Only pages with a labelled author count. ``author_people`` is the same over the pages whose
  gold names are all people's names (``bylines.is_person_name``): newsgraph's authors are
  people only, so gold bylines such as a blog handle, "Redaktion" or a company name cannot match.
- date: the first ten characters ("YYYY-MM-DD") equal the gold date. Only labelled pages count.

Where the whole gold text of an article is known (the VOA stories behind the sample pages),
``token_f1`` compares the extracted body with it token by token, as public extraction
benchmarks do: words (``\\w+``, case-folded) counted as a multiset, precision = shared tokens
over extracted tokens, recall = shared tokens over gold tokens.

html-eval has no gold bodies, but some of its pages declare theirs: the JSON-LD
``articleBody`` is the publisher's own statement of the article's text. ``declared_body_pages``
scores bodies token by token against it on the pages that declare one of 500 letters or more,
leaving out the pages whose body is that declared text as it is (they would score themselves).
The set leans towards sites that publish structured data, and a declared body is sometimes
only the first part of the page (a live blog's first entry): a proxy, not a gold standard.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.extract.bylines import is_person_name
from newsgraph.extract.normalize import clean_line, has_letters

__all__ = ["Prediction", "Score", "score_page", "summarise", "norm_text", "token_f1",
           "DeclaredBodyScore", "declared_body_pages", "MIN_DECLARED_LETTERS"]

_NAME_SEPARATORS = re.compile(r"\s*(?:[;,&|]|\band\b|\bund\b)\s*", re.I)
_OUTER_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_TOKEN = re.compile(r"\w+")
# A declared body shorter than this is a summary, not the article.
MIN_DECLARED_LETTERS = 500


@dataclass(frozen=True)
class Prediction:
    """What an extractor found on one page, reduced to the fields the gold corpus labels."""

    body: str = ""
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    images: int = 0


@dataclass
class Score:
    """Counts over a corpus; ``rates()`` turns them into the reported shares."""

    with_found: int = 0
    with_total: int = 0
    without_absent: int = 0
    without_total: int = 0
    title_ok: int = 0
    title_total: int = 0
    author_ok: int = 0
    author_total: int = 0
    people_ok: int = 0
    people_total: int = 0
    date_ok: int = 0
    date_total: int = 0
    failures: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        for name in ("with_found", "with_total", "without_absent", "without_total", "title_ok",
                     "title_total", "author_ok", "author_total", "people_ok", "people_total",
                     "date_ok", "date_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, pages in other.failures.items():
            self.failures.setdefault(key, []).extend(pages)

    def rates(self) -> dict[str, float]:
        def share(ok: int, total: int) -> float:
            return ok / total if total else 0.0

        return {"snippet_recall": share(self.with_found, self.with_total),
                "snippet_precision": share(self.without_absent, self.without_total),
                "title": share(self.title_ok, self.title_total),
                "author": share(self.author_ok, self.author_total),
                "author_people": share(self.people_ok, self.people_total),
                "date": share(self.date_ok, self.date_total)}


def norm_text(text: str) -> str:
    """Text with every run of Unicode whitespace as one space, for substring tests.

    >>> norm_text("Kim\\u00a0Jong  Un\\n said")
    'Kim Jong Un said'
    """
    return " ".join(clean_line(text).split())


def _norm_label(text: str) -> str:
    return _OUTER_PUNCT.sub("", norm_text(text).casefold())


def _names(value: str | Iterable[str] | None) -> frozenset[str]:
    if not value:
        return frozenset()
    items = [value] if isinstance(value, str) else list(value)
    names = set()
    for item in items:
        for part in _NAME_SEPARATORS.split(item):
            part = " ".join(_norm_label(part).replace(".", " ").split())
            if part:
                names.add(part)
    return frozenset(names)


def score_page(name: str, gold: dict, found: Prediction) -> Score:
    """The score of one page; ``failures`` lists the page under each field it got wrong."""
    score = Score()
    body = norm_text(found.body)

    def fail(key: str) -> None:
        score.failures.setdefault(key, []).append(name)

    for snippet in gold.get("with", ()):
        score.with_total += 1
        if norm_text(snippet) in body:
            score.with_found += 1
        else:
            fail("with")
    for snippet in gold.get("without", ()):
        score.without_total += 1
        if norm_text(snippet) not in body:
            score.without_absent += 1
        else:
            fail("without")
    if gold.get("title"):
        score.title_total += 1
        if _norm_label(gold["title"]) == _norm_label(found.title or ""):
            score.title_ok += 1
        else:
            fail("title")
    if gold.get("author"):
        score.author_total += 1
        matched = _names(gold["author"]) == _names(found.authors)
        score.author_ok += matched
        if not matched:
            fail("author")
        gold_names = [gold["author"]] if isinstance(gold["author"], str) else gold["author"]
        if all(is_person_name(n) for part in gold_names for n in _NAME_SEPARATORS.split(part)):
            score.people_total += 1
            score.people_ok += matched
    if gold.get("date"):
        score.date_total += 1
        if (found.date or "")[:10] == gold["date"][:10]:
            score.date_ok += 1
        else:
            fail("date")
    return score


def summarise(scores: Iterable[Score]) -> Score:
    """The sum of per-page scores."""
    total = Score()
    for score in scores:
        total.add(score)
    return total


def token_f1(found: str, gold: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the extracted text's word tokens against the gold text's.

    >>> token_f1("Kim met Xi. Share this", "Kim met Xi in Beijing")
    (0.6, 0.6, 0.6)
    """
    found_tokens = Counter(_TOKEN.findall(found.casefold()))
    gold_tokens = Counter(_TOKEN.findall(gold.casefold()))
    shared = sum((found_tokens & gold_tokens).values())
    precision = shared / sum(found_tokens.values()) if found_tokens else 0.0
    recall = shared / sum(gold_tokens.values()) if gold_tokens else 0.0
    f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    return precision, recall, f1


@dataclass
class DeclaredBodyScore:
    """Mean token precision, recall and F1 of bodies against the bodies pages declare."""

    pages: int = 0  # pages scored
    used: int = 0  # pages left out: their body is the declared one
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    worst: list[tuple[str, float]] = field(default_factory=list)  # (page, F1), lowest first


def declared_body_pages(found: dict[str, str], declared: dict[str, str], *,
                        leave_out_used: bool = True) -> DeclaredBodyScore:
    """Token scores of the extracted bodies (``found``, by page) against the declared ones.

    Pages whose declared body has fewer than 500 letters are not scored, nor those whose
    extracted body is the declared text itself (counted in ``used``) unless ``leave_out_used``
    is false (to score another extractor on the very pages newsgraph is scored on).

    >>> text = "Kim met Xi in Beijing on Tuesday. " * 20
    >>> result = declared_body_pages({"a": text + "Share this", "b": text},
    ...                              {"a": text, "b": text, "c": "Too short."})
    >>> result.pages, result.used, round(result.recall, 2), round(result.precision, 3)
    (1, 1, 1.0, 0.986)
    """
    result = DeclaredBodyScore()
    scores = []
    for name, text in declared.items():
        if not has_letters(text, MIN_DECLARED_LETTERS):
            continue
        body = found.get(name, "")
        if norm_text(body) == norm_text(text):
            result.used += 1
            if leave_out_used:
                continue
        scores.append((name, token_f1(body, text)))
    result.pages = len(scores)
    if scores:
        result.precision = sum(s[0] for _, s in scores) / len(scores)
        result.recall = sum(s[1] for _, s in scores) / len(scores)
        result.f1 = sum(s[2] for _, s in scores) / len(scores)
    result.worst = sorted(((name, round(s[2], 4)) for name, s in scores), key=lambda x: x[1])
    return result
