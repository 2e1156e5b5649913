"""Bylines and credit lines: which names are people (authors, editors) and which are agencies.

A byline mixes people, wire agencies, titles and filler: "By Jane Doe, AP", "Jane Roe AP,
AFP, dpa", "Jane Doe and Max Roe (Reuters)", "with reporting from Reuters", "Staff". The
words that shape bylines are data (``newsgraph/data/bylines.csv``), the agencies too
(``agencies.csv``); this module applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.agencies import agency_at_end, agency_at_start, match_agency
from newsgraph.extract.lexicon_files import Row, read_rows
from newsgraph.extract.normalize import clean_line

__all__ = ["Byline", "parse_byline", "is_handle", "looks_like_byline", "has_byline_prefix",
           "agencies_in_text", "agency_list", "is_person_name", "parse_editors", "is_editor_line",
           "is_bare_byline_prefix", "byline_in_line", "has_honorific", "job_titles"]

BYLINES_FILE = "bylines.csv"
_KINDS = ("prefix", "contributor", "editor", "not_person", "org_word", "role_word", "particle",
          "credit_prefix", "conjunction", "job_title", "noise", "affiliation", "not_handle",
          "address_word", "address_ending", "media_word", "function_word", "honorific",
          "lower_conjunction")
_PARENS = re.compile(r"\(([^()]*)\)")
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")
_TRAILING_PLACE = re.compile(r"\s+(?:in|In|IN)\s+[A-Z][\w .'-]*$")
# A handle is one token of letters, digits, "_", "." or "-" that starts with a letter.
_HANDLE = re.compile(r"^[^\W\d_][\w.\-]*$")
_DOMAIN_END = re.compile(r"\.[a-z]{2,12}$", re.I)
# A handle shorter than this is initials ("DT"), unless written in CJK characters, whose
# names are two to four characters long.
MIN_HANDLE_CHARS = 3
MAX_HANDLE_CHARS = 40
_DASHES = "-–—"
# E-mail addresses and social media handles beside a name are contact details, not names.
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+")


@dataclass(frozen=True)
class Byline:
    """The people and the wire agencies a byline names, in the order it names them."""

    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Terms:
    prefixes: tuple[str, ...]
    contributors: tuple[str, ...]
    editors: tuple[str, ...]
    credit_prefixes: tuple[str, ...]
    conjunctions: tuple[str, ...]
    lower_conjunctions: tuple[str, ...]
    not_person: frozenset[str]
    org_words: frozenset[str]
    role_words: frozenset[str]
    particles: frozenset[str]
    job_titles: frozenset[str]
    noise: frozenset[str]
    affiliations: tuple[str, ...]
    not_handle: tuple[str, ...]
    address_words: frozenset[str]
    address_endings: tuple[str, ...]
    media_words: frozenset[str]
    function_words: frozenset[str]
    honorifics: frozenset[str]


def _check(row: Row) -> None:
    if row["kind"] not in _KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_KINDS)}")


@cache
def _terms() -> _Terms:
    rows = read_rows(BYLINES_FILE, ("kind", "term"), check=_check)
    by_kind: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for row in rows:
        by_kind[row["kind"]].append(row["term"].casefold())
    longest = lambda terms: tuple(sorted(terms, key=len, reverse=True))  # noqa: E731
    return _Terms(prefixes=longest(by_kind["prefix"]),
                  contributors=longest(by_kind["contributor"]),
                  editors=longest(by_kind["editor"]),
                  credit_prefixes=longest(by_kind["credit_prefix"]),
                  conjunctions=longest(by_kind["conjunction"]),
                  lower_conjunctions=longest(by_kind["lower_conjunction"]),
                  not_person=frozenset(by_kind["not_person"]),
                  org_words=frozenset(by_kind["org_word"]),
                  role_words=frozenset(by_kind["role_word"]),
                  particles=frozenset(by_kind["particle"]),
                  job_titles=frozenset(by_kind["job_title"]),
                  noise=frozenset(by_kind["noise"]),
                  affiliations=longest(by_kind["affiliation"]),
                  not_handle=longest(by_kind["not_handle"]),
                  address_words=frozenset(by_kind["address_word"]),
                  address_endings=longest(by_kind["address_ending"]),
                  media_words=frozenset(by_kind["media_word"]),
                  function_words=frozenset(by_kind["function_word"]),
                  honorifics=frozenset(by_kind["honorific"]))


def _phrase(terms: tuple[str, ...]) -> str:
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)


@cache
def _split_re() -> re.Pattern[str]:
    """Separators between the people and agencies of one byline: punctuation and "and".

    A conjunction followed by a full stop is an initial ("Jane E. Doe"); short conjunctions
    that are also names or initials ("dan", "a") join names only in lower case (or in a
    byline in capitals).
    """
    terms = _terms()
    words = _phrase(terms.conjunctions)
    lower = _phrase(terms.lower_conjunctions + tuple(t.upper() for t in terms.lower_conjunctions))
    return re.compile(rf"\s*(?:[,;|/•·&+，、；]|\s[–—-]\s|\b(?:{words})\b(?!\.)"
                      rf"|(?-i:\b(?:{lower})\b(?!\.))|\n)\s*", re.I)


@cache
def _prefix_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_phrase(_terms().prefixes)})(?:\b|(?<=\W))\s*[:：]?\s*", re.I)


@cache
def _affiliation_re() -> re.Pattern[str]:
    """ "Jane Doe for The Mail On Sunday", "Jane Doe, Special to X": the outlet after a name."""
    return re.compile(rf"\s+(?:{_phrase(_terms().affiliations)})\s+(?=\S)", re.I)


@cache
def _contributor_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_phrase(_terms().contributors)})\b\s*:?", re.I)


@cache
def _editor_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_phrase(_terms().editors)})\b\s*:?\s*", re.I)


@cache
def _credit_re() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{_phrase(_terms().credit_prefixes)})\s*:\s*(.+)$", re.I | re.M)


def is_person_name(text: str) -> bool:
    """Whether ``text`` looks like a person's name (two to five name words, no organisation).

    >>> is_person_name("Jane Doe"), is_person_name("Ludwig van Beethoven")
    (True, True)
    >>> is_person_name("Reuters")
    False
    >>> is_person_name("Staff Writer"), is_person_name("DW News"), is_person_name("JANE DOE")
    (False, False, True)
    >>> is_person_name("Main Street Springfield"), is_person_name("Jane Doe's Kitchen")
    (False, False)
    >>> is_person_name("Henry In Politics")
    False
    """
    text = clean_line(text)
    if not text or match_agency(text) or text.casefold() in _terms().not_person:
        return False
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    terms = _terms()
    if all(t.casefold().strip(".,") in terms.role_words for t in tokens):
        return False
    for i, token in enumerate(tokens):
        folded = token.casefold()
        if folded.strip(".,") in terms.org_words or folded.strip(".,") in terms.job_titles \
                or folded.strip(",") in terms.address_words \
                or folded.strip(".,").endswith(terms.address_endings):
            return False
        if folded in terms.particles and 0 < i < len(tokens) - 1:
            continue
        if folded in terms.function_words or folded.endswith(("'s", "’s")):
            # "Jane Doe In Politics", "Jane Doe's Kitchen": a phrase, not a name.
            return False
        if _INITIALS.match(token):
            continue
        if not _NAME_TOKEN.match(token) or not token[0].isupper():
            return False
    return not _INITIALS.match(tokens[-1])


def _person(text: str) -> str | None:
    """The person a byline part names, tidied, or None."""
    text = text.strip(" .,:;*_\"'“”")
    text = re.sub(r"^@\S+$", "", text)
    # "Jane Doe Thursday, ...": furniture after a name reads like one more name word.
    tokens = text.split()
    while len(tokens) > 2 and tokens[-1].casefold().strip(".,") in _terms().noise:
        tokens.pop()
    # "Dr. Jane Doe": the name without the title.
    while len(tokens) > 2 and tokens[0].casefold().rstrip(".") in _terms().honorifics:
        tokens.pop(0)
    text = " ".join(tokens)
    if is_person_name(text):
        return _fix_case(text)
    # "Jane Doe in Beijing", "Jane Doe Senior Correspondent"
    shorter = _TRAILING_PLACE.sub("", text)
    if shorter != text and is_person_name(shorter):
        return _fix_case(shorter)
    # "Jane Doe Senior Correspondent", "reporters Max Roe", "Jane Doe Follow", "Jane Doe 2h ago"
    terms = _terms()
    tokens = text.split()
    digit = next((i for i, t in enumerate(tokens) if any(c.isdigit() for c in t)), None)
    if digit is not None and digit >= 2:
        tokens = tokens[:digit]
    while len(tokens) > 2 and tokens[0].casefold().strip(".,") in terms.role_words:
        tokens.pop(0)
    while len(tokens) > 2 and tokens[-1].casefold().strip(".,") in (
            terms.role_words | terms.noise):
        tokens.pop()
    candidate = " ".join(tokens)
    if candidate != text and is_person_name(candidate):
        return _fix_case(candidate)
    return None


def has_honorific(text: str) -> bool:
    """Whether a name opens with a title ("Dr. Jane Doe", "Prof Max Roe").

    >>> has_honorific("Dr. Jane Doe"), has_honorific("Drew Doe")
    (True, False)
    """
    tokens = clean_line(text).split()
    return len(tokens) > 2 and tokens[0].casefold().rstrip(".") in _terms().honorifics


def job_titles() -> frozenset[str]:
    """Job nouns of bylines and author boxes ("reporter", "redakteurin"), case-folded."""
    return _terms().job_titles


def _fix_case(name: str) -> str:
    """Names shouted in capitals ("JANE DOE") in title case; others as written."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        particles = _terms().particles
        return " ".join(t.lower() if t.lower() in particles and i else t.title()
                        for i, t in enumerate(name.split()))
    return name


def parse_byline(text: str, *, allow_handles: bool = False, named: bool = False) -> Byline:
    """The authors (people) and wire agencies of a byline.

    ``allow_handles`` accepts a single-word handle ("gnaddrig", "HansG") as the author when
    the byline names no person. Only markup that says "this is the author" (JSON-LD Person,
    ``meta name=author``, ``rel=author``) should pass it: a lone word in visible text is a
    label or a menu item far more often than a pen name.

    Scripts without capital letters (Arabic, Hebrew, Chinese, Japanese, ...) give no sign of
    a name, so a part written in one is a person only when the byline opens with a prefix
    ("بقلم", "作者：") or ``named`` says the text holds names (a JSON-LD Person, an author
    meta tag).

    >>> parse_byline("Jane Roe AP, AFP, dpa")
    Byline(authors=('Jane Roe',), agencies=('AP', 'AFP', 'dpa'))
    >>> parse_byline("Jane Doe and Max Roe (Reuters)")
    Byline(authors=('Jane Doe', 'Max Roe'), agencies=('Reuters',))
    >>> parse_byline("By JANE DOE Associated Press")
    Byline(authors=('Jane Doe',), agencies=('AP',))
    >>> parse_byline("Autor: Jan Kowalski i Anna Nowak, jan@example.pl").authors
    ('Jan Kowalski', 'Anna Nowak')
    >>> parse_byline("Eingestellt von gizzmo", allow_handles=True).authors
    ('gizzmo',)
    >>> parse_byline("作者：张伟、李娜").authors, parse_byline("بقلم أحمد علي").authors
    (('张伟', '李娜'), ('أحمد علي',))
    """
    text = _CONTACT.sub(" ", clean_line(text)).strip("*_ ")
    named = named or bool(_prefix_re().match(text)) and has_byline_prefix(text)
    authors: list[str] = []
    agencies: list[str] = []
    handles: list[str] = []
    # Parentheses hold agencies ("(Reuters)") or asides ("(@handle)", "(video)"): never authors.
    for inner in _PARENS.findall(text):
        agencies.extend(agency_list(inner) or ())
    text = _PARENS.sub(",", text)
    text = _prefix_re().sub("", text, count=1)
    text = _contributor_re().sub(",", text)
    for part in _split_re().split(text):
        part = _prefix_re().sub("", part.strip(), count=1).strip(" .:*_")
        if not part or part.casefold() in _terms().not_person:
            continue
        head, *outlet = _affiliation_re().split(part, maxsplit=1)
        if outlet and head.strip():
            # The outlet a person writes for is no author; a wire agency there is credited.
            part = head.strip(" ,")
            agencies.extend(agency_list(outlet[0].strip(" .")) or ())
        tail: list[str] = []
        tokens = part.split()
        while tokens and (found := agency_at_end(tokens)):
            tail.insert(0, found[0])
            tokens = tokens[:-found[1]]
        while tokens and (found := agency_at_start(tokens)) and len(tokens) > found[1]:
            # "Reuters Jane Doe" is rare, but "AFP Staff" is not: the rest is checked below.
            agencies.append(found[0])
            tokens = tokens[found[1]:]
        person = _person(" ".join(tokens)) if tokens else None
        if person is None and named and _uncased_name(tokens):
            person = " ".join(tokens)
        if person:
            authors.append(person)
        elif allow_handles and len(tokens) == 1 and is_handle(tokens[0]):
            handles.append(tokens[0].strip(" .,:;"))
        agencies.extend(tail)
    if not authors and len(handles) == 1:
        authors = handles
    return Byline(authors=tuple(dict.fromkeys(authors)), agencies=tuple(dict.fromkeys(agencies)))


# A name in a script without case: one to four words ("أحمد علي", "张伟", "ジョン・スミス").
MAX_UNCASED_NAME_WORDS = 4
MAX_UNCASED_NAME_CHARS = 30
_NAME_JOINERS = "・·'-"


def _uncased_name(tokens: list[str]) -> bool:
    """Whether words written in scripts without case can be a person's name: letters of such
    a script only (and the dots or hyphens inside names), no byline or organisation word.

    >>> _uncased_name(["张伟"]), _uncased_name(["أحمد", "علي"]), _uncased_name(["Jane"])
    (True, True, False)
    """
    if not 1 <= len(tokens) <= MAX_UNCASED_NAME_WORDS or sum(map(len, tokens)) > \
            MAX_UNCASED_NAME_CHARS:
        return False
    terms = _terms()
    for token in tokens:
        folded = token.casefold()
        if folded in terms.not_person or folded in terms.org_words or folded in terms.job_titles:
            return False
        if not all(c in _NAME_JOINERS or c.isalpha() and not c.isupper() and not c.islower()
                   for c in token):
            return False
    return not (len(tokens) == 1 and len(tokens[0]) < 2)


def is_handle(text: str) -> bool:
    """Whether ``text`` can be a person's handle or pen name: one word that is no byline word,
    organisation, job title, agency or web address.

    >>> is_handle("gnaddrig"), is_handle("HansG"), is_handle("孔德明")
    (True, True, True)
    >>> is_handle("Staff"), is_handle("admin"), is_handle("example.com"), is_handle("DT")
    (False, False, False, False)
    """
    text = clean_line(text).strip(" .,:;*_\"'“”")
    if not _HANDLE.match(text) or len(text) > MAX_HANDLE_CHARS or _DOMAIN_END.search(text):
        return False
    if len(text) < MIN_HANDLE_CHARS and not all(_is_cjk(c) for c in text):
        return False
    folded = text.casefold()
    terms = _terms()
    if folded in terms.not_person or folded in terms.org_words or folded in terms.job_titles \
            or folded in terms.role_words or folded in terms.noise or match_agency(text):
        return False
    return not any(word in folded for word in terms.not_handle)


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"


def looks_like_byline(text: str) -> bool:
    """Whether a whole line is a byline: it opens with "By" (or the like) and names someone, or
    every part of it is a person, an agency or a byline word.

    >>> looks_like_byline("Jane Roe AP, AFP, dpa"), looks_like_byline("By Jane Doe, Example News")
    (True, True)
    >>> looks_like_byline("Brazilian, Chilean and Peruvian ministers meet in Lima")
    False
    """
    text = clean_line(text).strip("*_ ")
    if not text or len(text.split()) > 16 or (text.endswith((".", "!", "?")) and
                                              len(text.split()) > 8):
        return False
    byline = parse_byline(text)
    if not (byline.authors or byline.agencies):
        return False
    if has_byline_prefix(text):
        return True
    rest = _PARENS.sub(",", text)
    rest = _contributor_re().sub(",", _prefix_re().sub("", rest, count=1))
    terms = _terms()
    for part in _split_re().split(rest):
        part = part.strip(" .:*_")
        if not part or part.casefold() in terms.not_person:
            continue
        tokens = part.split()
        while tokens and (found := agency_at_end(tokens)):
            tokens = tokens[:-found[1]]
        while tokens and (found := agency_at_start(tokens)):
            tokens = tokens[found[1]:]
        if tokens and not _person(" ".join(tokens)) and not all(
                t.casefold().strip(".,") in terms.role_words for t in tokens):
            return False
    return True


def has_byline_prefix(text: str) -> bool:
    """Whether a line opens like a byline ("By ...", "Von ...", "Written by ...").

    >>> has_byline_prefix("By Jane Doe"), has_byline_prefix("Bylines matter")
    (True, False)
    """
    text = clean_line(text).strip("*_ ")
    return bool(_prefix_re().match(text)) and not re.match(r"(?i)^(from|di|par|av|por)\b", text)


# Words a header line may hold before its byline prefix: "A guest post by", "Posted on 3 May
# 2024 by"; more is a sentence ("The report published by ...").
MAX_WORDS_BEFORE_PREFIX = 3
MAX_DATED_WORDS_BEFORE_PREFIX = 8
MAX_INLINE_BYLINE_WORDS = 16
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@cache
def _inline_prefix_re() -> re.Pattern[str]:
    # "from" opens too many phrases that are no byline ("from Reuters reports") to be
    # looked for inside a line.
    prefixes = tuple(p for p in _terms().prefixes if p != "from")
    return re.compile(rf"(?<!\w)(?:{_phrase(prefixes)})(?!\w)", re.I)


def byline_in_line(text: str) -> str | None:
    """The byline a short line holds after a few words of its own, from its prefix on.

    Header lines put a date or a label before the byline ("Posted on September 21, 2020 by
    Jane Doe", "Ein Beitrag von Jane Doe"); a picture credit ("Photo by Jane Doe") is no
    byline.

    >>> byline_in_line("Posted on September 21, 2020 by Jane Doe")
    'by Jane Doe'
    >>> byline_in_line("Photo by Jane Doe"), byline_in_line("A plan drafted by the city council")
    (None, None)
    """
    text = clean_line(text).strip("*_ ")
    if len(text.split()) > MAX_INLINE_BYLINE_WORDS:
        return None
    terms = _terms()
    for match in _inline_prefix_re().finditer(text):
        before = [w.strip(".,:;|()[]").casefold() for w in text[:match.start()].split()]
        before = [w for w in before if w]
        limit = (MAX_DATED_WORDS_BEFORE_PREFIX if _YEAR_IN_TEXT.search(text[:match.start()])
                 else MAX_WORDS_BEFORE_PREFIX)
        if len(before) > limit or any(w in terms.media_words for w in before):
            continue
        rest = text[match.start():]
        if parse_byline(rest).authors:
            return rest
    return None


def is_bare_byline_prefix(text: str) -> bool:
    """Whether a line is only a byline prefix ("By", "Von:"), its names on the next line.

    >>> is_bare_byline_prefix("By"), is_bare_byline_prefix("By Jane Doe")
    (True, False)
    """
    text = clean_line(text).strip("*_ ")
    match = _prefix_re().match(text)
    return (len(text) <= 20 and match is not None and match.end() == len(text)
            and has_byline_prefix(text))


def is_editor_line(text: str) -> bool:
    """Whether a line credits editors ("Edited by: Omar Haddad", "Reporting by X; Editing by Y").

    >>> is_editor_line("Edited by: Omar Haddad"), is_editor_line("He edited by hand.")
    (True, False)
    """
    first = _editor_re().search(text)
    if first is None or len(text.split()) > 30:
        return False
    text = clean_line(text)
    first = _editor_re().search(text)
    if not parse_editors(text):
        return False
    return first is not None and (first.start() == 0 or text[:first.start()].rstrip().endswith(
        (";", "|", ",")))


def agency_list(text: str) -> tuple[str, ...] | None:
    """The agencies of a list such as "AFP, Reuters and dpa", or None if any item is not one.

    >>> agency_list("AP, AFP/dpa"), agency_list("AP Photo/Jane Doe")
    (('AP', 'AFP', 'dpa'), None)
    """
    items = [p for p in _split_re().split(text.strip()) if p.strip()]
    if not items:
        return None
    names = [match_agency(item) for item in items]
    if not all(names):
        return None
    return tuple(dict.fromkeys(n for n in names if n))


def parse_editors(text: str) -> tuple[str, ...]:
    """The editors an editor line names.

    >>> parse_editors("Edited by: Omar Haddad")
    ('Omar Haddad',)
    >>> parse_editors("Reporting by Jane Doe; Editing by Max Roe and Ann Lee")
    ('Max Roe', 'Ann Lee')
    """
    text = clean_line(text)
    match = _editor_re().search(text)
    if not match:
        return ()
    rest = text[match.end():]
    # A following credit ("; Writing by ...") ends the editors.
    rest = re.split(r"[;|]\s*(?=[A-Z][a-z]+ing\b|[A-Z][a-z]+ by\b)|\s+\(", rest)[0]
    names = []
    for part in _split_re().split(rest):
        person = _person(part)
        if person:
            names.append(person)
    return tuple(dict.fromkeys(names))


def agencies_in_text(text: str) -> tuple[str, ...]:
    """Agencies credited in datelines and credit lines of ``text``, in order of appearance.

    Agencies merely mentioned ("state news agency Xinhua reported") and photo credits
    ("Image: Example Daily/REUTERS") do not count.

    >>> agencies_in_text("BEIJING (Reuters) — Talks began.\\nab/dj (AFP, dpa)")
    ('Reuters', 'AFP', 'dpa')
    >>> agencies_in_text("Jane Doe wrote this, with reporting from AFP.")
    ('AFP',)
    """
    found: list[tuple[int, str]] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, base = line_match.group(), line_match.start()
        for match in _PARENS.finditer(line):
            names = agency_list(match.group(1))
            if not names:
                continue
            after = line[match.end():].strip()
            # "BEIJING (Reuters) — ..." opens a story, "ab/dj (AFP, dpa)" closes one.
            if after[:1] in _DASHES + ":" or not after.strip("."):
                found.extend((base + match.start(), n) for n in names)
        for match in _contributor_re().finditer(line):
            rest = line[match.end():]
            for part in _split_re().split(rest):
                part = part.strip(" .")
                if not part:
                    continue
                name = match_agency(part)
                if name:
                    found.append((base + match.end(), name))
                elif not is_person_name(part):
                    break
        credit = _credit_re().match(line)
        if credit:
            names = agency_list(credit.group(1).strip(" ."))
            found.extend((base, n) for n in names or ())
        closing = re.search(rf"[{_DASHES}]\s*([^{_DASHES}]+?)\s*$", line)
        if closing and len(line) > len(closing.group(0)):
            names = agency_list(closing.group(1).strip(" ."))
            found.extend((base + closing.start(), n) for n in names or ())
    found.sort(key=lambda pair: pair[0])
    return tuple(dict.fromkeys(name for _, name in found))
