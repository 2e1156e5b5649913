"""The language of a page: the one it declares, else py3langid's bundled model on its text.

py3langid ships its model inside the PyPI package, so nothing is downloaded. The model loads
once, on first use (about half a second), and classifies a page in about a millisecond.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from newsgraph.extract.html_metadata import first_value
from newsgraph.extract.normalize import has_letters

__all__ = ["declared_language_tag", "detect_language", "language_probability",
           "normalize_language_tag"]

# Below this many letters a guess is noise (a title, a caption).
MIN_LETTERS = 20
# A normalised probability under this is not a decision.
MIN_CONFIDENCE = 0.5
# Enough text to decide; classifying a whole long page adds time, not accuracy.
MAX_CHARS = 5000
# A BCP 47 tag, lower-cased: language, then script, region or variant subtags.
_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when unsure.

    >>> detect_language("The president met the prime minister in the capital on Thursday.")
    'en'
    >>> detect_language("ok") is None
    True
    """
    sample = _sample(text)
    if sample is None:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_CONFIDENCE else None


def language_probability(text: str, code: str) -> float | None:
    """How likely ``text`` is written in language ``code`` (0 to 1), or None when the text
    is too short to tell.

    >>> language_probability("Die Regierung hat am Donnerstag ein neues Gesetz beschlossen.", "en") < 0.01
    True
    """
    sample = _sample(text)
    if sample is None:
        return None
    return dict(_identifier().rank(sample)).get(code, 0.0)


def _sample(text: str) -> str | None:
    """The part of ``text`` a language is told from, or None when it is too short to tell."""
    sample = text[:MAX_CHARS]
    return sample if has_letters(sample, MIN_LETTERS) else None


def normalize_language_tag(tag: str | None) -> str | None:
    """A declared language tag ("en-US", "de_DE", "EN") as its primary subtag ("en", "de").

    >>> normalize_language_tag("en-US"), normalize_language_tag(" de_DE ")
    ('en', 'de')
    >>> normalize_language_tag("") is None
    True
    """
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].casefold()
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None


def declared_language_tag(tree: etree._Element) -> str | None:
    """The language tag the page declares (``html_selectors.toml [language]``: ``<html lang>``,
    ``content-language``, ``og:locale``), lower-cased with its region ("en-gb"), or None. The
    region matters to dates (day or month first); ``normalize_language_tag`` keeps the language.

    >>> from lxml import html
    >>> declared_language_tag(html.fromstring('<html lang="en_GB"><body><p>x</p></body></html>'))
    'en-gb'
    """
    value = first_value(tree, "language", lambda v: _tag(v) is not None)
    return _tag(value) if value else None


def _tag(value: str) -> str | None:
    tag = value.strip().casefold().replace("_", "-")
    return tag if _TAG.fullmatch(tag) else None
