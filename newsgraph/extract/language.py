"""The language of a text, when the page does not declare one: py3langid's bundled model.

py3langid ships its model inside the PyPI package, so nothing is downloaded. The model loads
once, on first use (about half a second), and classifies a page in about a millisecond.
"""

from __future__ import annotations

from functools import cache

__all__ = ["detect_language", "language_probability", "normalize_language_tag"]

# Below this many letters a guess is noise (a title, a caption).
MIN_LETTERS = 20
# A normalised probability under this is not a decision.
MIN_CONFIDENCE = 0.5
# Enough text to decide; classifying a whole long page adds time, not accuracy.
MAX_CHARS = 5000


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
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_CONFIDENCE else None


def language_probability(text: str, code: str) -> float | None:
    """How likely ``text`` is written in language ``code`` (0 to 1), or None when the text
    is too short to tell.

    >>> language_probability("Die Regierung hat am Donnerstag ein neues Gesetz beschlossen.", "en") < 0.01
    True
    """
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    return dict(_identifier().rank(sample)).get(code, 0.0)


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
