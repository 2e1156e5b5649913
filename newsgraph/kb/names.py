"""How names are compared: one key for every spelling of a name, and noun inflection.

A knowledge-base alias matches text when both give the same key: case, diacritics, hyphens,
dots, apostrophe shapes and a leading "the" do not count.

>>> name_key("Kim Jong-un") == name_key("Kim Jong Un")
True
>>> name_key("the U.S.")
'us'
>>> name_key("Côte d’Ivoire") == name_key("cote d'ivoire")
True
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_PUNCTUATION = str.maketrans({**{c: " " for c in "\u2010\u2011\u2012\u2013\u2014\u2015-_/"},
                              **{c: None for c in ".'`\u2019,()\"\u201c\u201d"}})


def fold(text: str) -> str:
    """``text`` lower-cased, without diacritics.

    >>> fold("Erdoğan")
    'erdogan'
    """
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    # Letters that NFKD does not decompose.
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    text = text.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("ı", "i")
    return text.casefold()


def name_key(text: str) -> str:
    """The comparison key of a name: folded, no dots or apostrophes, hyphens as spaces, no "the".

    >>> name_key("  The  Kremlin ")
    'kremlin'
    """
    text = " ".join(fold(text).translate(_PUNCTUATION).split())
    if text.startswith("the "):
        text = text[4:]
    return text


def singular_forms(noun: str) -> list[str]:
    """Candidate singulars of an English noun phrase (its last word), the noun itself first.

    Irregular plurals that matter for agents ("men", "people", "police" which is already
    plural) are handled by rules, not by a list: the table lists the base form only.

    >>> singular_forms("policemen")
    ['policemen', 'policeman']
    >>> singular_forms("militias")
    ['militias', 'militia']
    >>> singular_forms("parties")
    ['parties', 'party', 'partie']
    """
    forms = [noun]
    head, sep, last = noun.rpartition(" ")
    prefix = head + sep

    def add(word: str) -> None:
        form = prefix + word
        if word and form not in forms:
            forms.append(form)

    if last.endswith("men"):
        add(last[:-3] + "man")
    if last.endswith("people"):
        add(last[:-6] + "person")
    if last.endswith("ies") and len(last) > 4:
        add(last[:-3] + "y")
    if last.endswith("ves"):
        add(last[:-3] + "f")
        add(last[:-3] + "fe")
    if last.endswith(("ses", "xes", "zes", "ches", "shes")):
        add(last[:-2])
    if last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        add(last[:-1])
    return forms


_LETTERS = re.compile(r"[^\w]+")


def is_acronym(text: str) -> bool:
    """Whether a name is a short all-capitals acronym ("US", "U.S.", "DPRK", "WHO").

    Such a name matches only text written in capitals too, so that "us" or "who" in running
    text never name the United States or the World Health Organization.

    >>> is_acronym("U.S."), is_acronym("WHO"), is_acronym("Oz"), is_acronym("NATO")
    (True, True, False, True)
    """
    letters = _LETTERS.sub("", text)
    return 2 <= len(letters) <= 5 and letters.isupper() and letters.isalpha()


def index_key(name: str) -> str:
    """The key a name is indexed under: acronyms get their own, capitals-only, key space."""
    key = name_key(name)
    return "^" + key if is_acronym(name) else key


def query_keys(text: str) -> list[str]:
    """The index keys text may match: its name key, and the acronym key when in capitals."""
    key = name_key(text)
    bare = text.strip()
    if bare[:4].lower() == "the ":
        bare = bare[4:]
    return [key, "^" + key] if _LETTERS.sub("", bare).isupper() else [key]
