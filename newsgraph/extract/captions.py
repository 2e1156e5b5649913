"""Captions and their credits: "Rescuers in the valley.Image: Max Roe/REUTERS" in two parts.

Credit labels ("Image:", "Foto:", "Credit:") and picture sources ("Getty Images", "AP Photo")
are data (``newsgraph/data/credits.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.lexicon_files import Row, read_rows
from newsgraph.extract.normalize import clean_line

__all__ = ["split_credit", "is_credit_line", "ends_with_labelled_credit"]

CREDITS_FILE = "credits.csv"
_KINDS = ("label", "spaced_label", "caption_label", "photo_source", "source_suffix",
          "name_joiner")
_CAP = "[A-ZÀ-ÖØ-ÞĀ-Ž]"
# A credit that closes a caption names a source or a photographer: a few words.
MAX_CLOSING_CREDIT_WORDS = 8
# A caption after a leading credit is a phrase at least, not a name.
MIN_CAPTION_WORDS = 3
# What separates a leading credit from the caption after it ("Photo: AP / Rescuers in Kyiv",
# "© Getty Images / Jane Doe: Crowds in Kyiv"): a colon, a bar or a dash ends the credit
# first; a spaced slash or a full stop only when none does (a slash also joins the parts of a
# credit, "Getty Images / Jane Doe").
_STRONG_SEPARATOR = re.compile(r"\s*:\s+|\s+[|–—-]\s+")
_WEAK_SEPARATORS = (re.compile(r"\s+/\s+"), re.compile(r"(?<=\w{2})\.\s+(?=\S)"))
_WORD = re.compile(r"\w+")
# A credit glued to its caption names a source or a photographer: capitalised words (or
# digits), separators, and the joiners of credits.csv between them ("Max Roe/REUTERS", "Jane
# Doe via Getty Images").
_CREDIT_TOKEN = re.compile(r"[^\s/|,]+|[/|,]")


@dataclass(frozen=True)
class _Credits:
    label: re.Pattern[str]
    glued_label: re.Pattern[str]
    spaced_label: re.Pattern[str]
    caption_label: re.Pattern[str]
    leading_source: re.Pattern[str]
    trailing_parens: re.Pattern[str]
    trailing_source: re.Pattern[str]
    trailing_bare: re.Pattern[str]
    closing_label: re.Pattern[str]
    labelled_parens: re.Pattern[str]
    slash_source: re.Pattern[str]
    name_word: re.Pattern[str]


def _check(row: Row) -> None:
    if row["kind"] not in _KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_KINDS)}")


def _alternation(terms: list[str]) -> str:
    terms = sorted(terms, key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)


@cache
def _credits() -> _Credits:
    rows = read_rows(CREDITS_FILE, ("kind", "term"), check=_check)
    def terms(kind: str) -> str:
        return _alternation([r["term"] for r in rows if r["kind"] == kind])

    labels, sources = terms("label"), terms("photo_source")
    # "files" in "Mike Blake/Reuters files": a word that may follow the source.
    suffix = rf"(?:\s+(?:{terms('source_suffix')}))?"
    # A label ends with a colon, or with an ellipsis when written with its capital ("Credit:
    # X", "Credit... X", "Credit… X"): "the photo... was" is prose.
    colon = r"\s*:\s*"
    capital_colon = r"(?:\s*:|\.{2,3}|…)\s*"
    return _Credits(
        # "Caption. Photo: X", "Photo: X", "Caption (Foto: X)"; the label in any case.
        label=re.compile(
            rf"(?:^|(?<=[\s(\[|]))(?:(?i:{labels}){colon}|(?:{labels}){capital_colon})"),
        # "two yearsImage: X": glued labels only with their capital, so words are not split.
        glued_label=re.compile(rf"(?<=[^\W\d_])(?:{labels}){capital_colon}"),
        # "Image copyright Reuters": labels that need no colon, at the start of the line.
        spaced_label=re.compile(rf"^(?:{terms('spaced_label')})\s*:?\s+", re.I),
        # "Image copyright X Image caption Y": the caption follows its own label.
        caption_label=re.compile(rf"\s*(?:{terms('caption_label')})\s*:?\s+", re.I),
        # "... March 3, 2022. REUTERS/Gleb Garanich": the agency before the photographer.
        leading_source=re.compile(
            rf"(?<=[.!?\"”’)])\s*((?:{sources})\s*/\s*{_CAP}[\w'’.-]*(?:\s+{_CAP}[\w'’.-]*){{0,3}}"
            rf"{suffix})\s*$"),
        # "... (AP Photo/Jane Doe)", "(Photo: dpa)", "(© Reuters)"
        trailing_parens=re.compile(
            rf"\s*[(\[]((?:©|\(c\))?\s*(?:(?:{labels})\s*:\s*)?[^()\[\]]*?(?:{sources}|\S/\S)[^()\[\]]*)[)\]]\s*$"),
        # "... in Kyiv. Jane Doe/Getty Images", "... Kyiv Max Roe/dpa", "... Kyiv. © Max Roe"
        trailing_source=re.compile(
            rf"(?:(?<=[.!?\"”’)])\s*|\s+)((?:©|\(c\))\s*.+|(?:{_CAP}[\w'’-]*\s+|{_CAP}\.\s*){{0,1}}"
            rf"{_CAP}[\w'’-]*\s*/\s*(?:{sources}){suffix})\s*$"),
        # "... in Kyiv. Getty Images": a bare source only after the caption's last sentence.
        trailing_bare=re.compile(rf"(?:(?<=[.!?\"”’)])\s*|^)((?:{sources}))\s*$"),
        # "... in Kyiv. Photo: dpa", "... in Kyiv | Foto: X": a label with its capital after
        # the caption's last sentence or a separator, closing the line.
        closing_label=re.compile(
            rf"(?:(?<=[.!?\"”’)])|(?<=\s[|–—-])|^)\s*(?:{labels}){capital_colon}([^.!?]+)[.]?$"),
        # "... in the Congress (Foto: Jane Doe/Pool via REUTERS)." with its full stop.
        labelled_parens=re.compile(
            rf"[(\[]\s*(?:(?:{labels})\s*:|[^()\[\]]*\b(?:AP\s+Photo|Photo|Foto)\s*/)[^()\[\]]+[)\]]\s*[.]?$",
            re.I),
        # "... / picture alliance / dpa": a credit's last part, after a slash.
        slash_source=re.compile(rf"/\s*(?:{sources}){suffix}\s*$"),
        # One word of a glued credit: a name, a separator or a joiner ("via").
        name_word=re.compile(rf"{_CAP}[\w'’.&-]*|[0-9©][\w'’.&-]*|[/|,]|{terms('name_joiner')}"),
    )


def split_credit(text: str, *, picture: bool = True) -> tuple[str | None, str | None]:
    """(caption, credit) of a caption line; either may be None.

    A credit label glued to the caption's last word ("two yearsImage: X", as copy-all runs
    them together) is read only when ``picture`` says the line stands where a picture is (a
    figure or caption element, a caption line of a capture), and only when what follows it is
    a run of names, not words of a sentence: in body text "TheBigPicture: Oceans and runs"
    is prose. Pass ``picture=False`` for a line that may be the article's.

    >>> split_credit("The bridge reopened after two yearsImage: Max Roe/REUTERS")
    ('The bridge reopened after two years', 'Max Roe/REUTERS')
    >>> split_credit("Our series is called TheBigPicture: Oceans and runs weekly")
    ('Our series is called TheBigPicture: Oceans and runs weekly', None)
    >>> split_credit("The bridge reopened after two yearsImage: Max Roe", picture=False)
    ('The bridge reopened after two yearsImage: Max Roe', None)
    >>> split_credit("Rescuers in Kyiv on Monday (AP Photo/Jane Doe)")
    ('Rescuers in Kyiv on Monday', 'AP Photo/Jane Doe')
    >>> split_credit("Photo: dpa")
    (None, 'dpa')
    >>> split_credit("A quiet street in Kyiv")
    ('A quiet street in Kyiv', None)
    >>> split_credit("Image copyright Getty Images Image caption Crowds in Kyiv")
    ('Crowds in Kyiv', 'Getty Images')
    >>> split_credit("© Getty Images / Jane Doe: Crowds gathered in Kyiv")
    ('Crowds gathered in Kyiv', 'Getty Images / Jane Doe')
    >>> split_credit("Photo: AP / Rescuers search the rubble")
    ('Rescuers search the rubble', 'AP')
    """
    text = clean_line(text)
    credits = _credits()
    spaced = credits.spaced_label.match(text)
    if spaced:
        credit, *caption = credits.caption_label.split(text[spaced.end():], maxsplit=1)
        return _parts(caption[0] if caption else "", _without_copyright(credit))
    match = credits.trailing_parens.search(text)
    if match:
        credit = credits.label.sub("", _without_copyright(match.group(1)), count=1)
        return _parts(text[:match.start()], credit)
    match = credits.label.search(text)
    if match:
        if match.start() == 0:
            return _leading_credit(text[match.end():])
        return _parts(text[:match.start()], text[match.end():])
    match = credits.glued_label.search(text) if picture else None
    if match and _is_name_run(text[match.end():]):
        return _parts(text[:match.start()], text[match.end():])
    for pattern in (credits.trailing_source, credits.leading_source, credits.trailing_bare):
        match = pattern.search(text)
        if match:
            return _parts(text[:match.start()], _without_copyright(match.group(1)))
    if text.startswith("©") or text.casefold().startswith("(c)"):
        return _leading_credit(_without_copyright(text))
    return _parts(text, "")


def _leading_credit(rest: str) -> tuple[str | None, str | None]:
    """(caption, credit) of what follows a credit label that opens the line: the credit alone
    ("Photo: Jane Doe/AP"), or the credit then the caption ("Photo: AP / Rescuers in Kyiv").

    The credit ends at the first separator after which a caption stands: a phrase of three
    words or more that is not itself a credit ("Foto: Jane Doe / picture alliance / dpa" is
    one credit).
    """
    for separators in ((_STRONG_SEPARATOR,), _WEAK_SEPARATORS):
        for separator in separators:
            for match in separator.finditer(rest):
                credit, caption = rest[:match.start()], rest[match.end():]
                if len(_WORD.findall(credit)) > MAX_CLOSING_CREDIT_WORDS:
                    break
                if _is_caption_after_credit(caption):
                    return _parts(caption, credit)
    return _parts("", rest)


def _is_name_run(text: str) -> bool:
    """Whether a glued credit's text is names (a source, a photographer), few enough."""
    credits = _credits()
    tokens = _CREDIT_TOKEN.findall(text.strip().rstrip("."))
    words = [t for t in tokens if t not in "/|,"]
    return (0 < len(words) <= MAX_CLOSING_CREDIT_WORDS
            and all(credits.name_word.fullmatch(t) for t in tokens)
            or bool(credits.slash_source.search(text)))


def _is_caption_after_credit(text: str) -> bool:
    if len(_WORD.findall(text)) < MIN_CAPTION_WORDS:
        return False
    credits = _credits()
    # The rest of a credit: a source closing it ("/ picture alliance / dpa"), or another part.
    return not (credits.trailing_bare.search(text) or credits.slash_source.search(text)
                or credits.trailing_source.search(text)
                or credits.leading_source.search(text) or credits.trailing_parens.search(text)
                or credits.label.match(text))


def is_credit_line(text: str) -> bool:
    """Whether a whole line is only a credit ("Image: dpa", "© Reuters", "Getty Images")."""
    caption, credit = split_credit(text)
    return credit is not None and caption is None


def ends_with_labelled_credit(text: str) -> bool:
    """Whether a line closes with a picture credit that says it is one: a label with its
    capital after the last sentence ("... in Kyiv. Photo: dpa") or a labelled credit in
    brackets ("... (Foto: Jane Doe/REUTERS).", "(AP Photo/Jane Doe)").

    Such a line is a caption; a sentence that merely ends with a source ("... (Reuters).")
    or mentions a photo ("the photo: a fake") is not.

    >>> ends_with_labelled_credit("Fernández in Congress (Foto: Jane Doe/Pool via REUTERS).")
    True
    >>> ends_with_labelled_credit("Grönemeyer is one of the supporters. Bild: dpa")
    True
    >>> ends_with_labelled_credit("The ministry confirmed the deal (Reuters).")
    False
    """
    text = clean_line(text)
    credits = _credits()
    if credits.labelled_parens.search(text):
        return True
    match = credits.closing_label.search(text)
    return bool(match) and len(match.group(1).split()) <= MAX_CLOSING_CREDIT_WORDS


def _without_copyright(credit: str) -> str:
    return re.sub(r"^(?:©|\(c\))\s*", "", credit.strip())


def _parts(caption: str, credit: str) -> tuple[str | None, str | None]:
    caption = clean_line(caption).rstrip(" |–—-([")
    credit = clean_line(credit).strip(" ()[]|")
    return caption or None, credit or None
