"""The lines of a text capture, tidied and typed, before anyone decides what the article is.

A capture is what a browser's "save as text", a reader view or a copy-all gives: one line per
block of the page. This module undoes Markdown (headings, images, links, emphasis, list
markers), rejoins hard-wrapped paragraphs, and marks each line with what it looks like: a
sentence-like paragraph, a short line, a bare URL, a credit line, navigation or boilerplate
(rules in ``newsgraph/data/capture_rules.csv``).
"""

from __future__ import annotations

import re
import re._constants as _regex_constants  # the widths a pattern can match (_rule_widths)
import re._parser as _regex_parser
import unicodedata
from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.bylines import agencies_in_text, is_bare_byline_prefix, is_editor_line
from newsgraph.extract.captions import split_credit
from newsgraph.extract.lexicon_files import Row, check_pattern, compile_pattern, read_rows
from newsgraph.extract.normalize import clean_line
from newsgraph.extract.published_dates import parse_date_line
from newsgraph.extract.urls import is_url

__all__ = ["CaptureLine", "read_lines", "line_rule", "is_bio_line", "is_paragraph",
           "section_names", "looks_like_markdown", "word_count", "THREAD_AFTER_TEXT"]

RULES_FILE = "capture_rules.csv"
_RULE_KINDS = ("skip", "signup", "more", "end", "thread", "commenter", "meta", "bio")

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"^!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"']([^\"']*)[\"'])?\s*\)\s*$")
_MD_INLINE_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+[\"'][^\"']*[\"'])?\)")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•◦▪]|\d{1,3}[.)])\s+")
_NUMBER_MARKER = re.compile(r"^\s*\d{1,3}[.)]\s+")
_QUOTE_MARKER = re.compile(r"^\s*(?:>\s?)+")
_SENTENCE_END = tuple('.!?…:;"”’»)。！？」』')
# Scripts written without spaces between words: a character stands for about half a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
# Boilerplate lines are short; longer lines are never matched against the rules.
_RULE_MAX_CHARS = 300
# Lines are screened by length in these buckets (upper bounds, in characters): see _rule_screen.
_LENGTH_BUCKETS = (12, 24, 48, 96, _RULE_MAX_CHARS)
_META_MAX_WORDS = 15
# A capture with this many "Weiterlesen" links at least lists teasers with excerpts.
_TEASER_LINKS = 2
# The sentence under a sign-up box's heading is this short at most.
_SIGNUP_BLURB_MAX_WORDS = 50
# A caption line with its credit is hardly ever longer than this; longer
# lines are not read for credits, which keeps long captures fast.
_CAPTION_MAX_CHARS = 300
_CREDIT_LINE_MAX_WORDS = 12
_CREDIT_HINT = re.compile(r"[:…/©()\[\]]|\.\.\.|"
                          r"[.!?\"”’)]\s*[^\s.!?]{2,}(?:\s+[^\s.!?]+){0,4}$")
# A credit label run into the caption's last sentence: "... in an hour.Photograph: X".
_GLUED_LABEL = re.compile(r"(?<=[^\W\d_][.!?])(?=[A-Z][a-z]+:\s)")
# "By" or "Von:" alone on its line.
_BARE_PREFIX_MAX_CHARS = 20
# The spaces ``clean_line`` shrinks to one.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CAMEL_CHUNK = re.compile(r"[A-Z][a-z]+|[A-Z]{2,}(?![a-z])")
# Parts of a run-together breadcrumb ("ScienceAfrica") are words of this many letters at least
# (or acronyms); brand names run together shorter ones ("YouTube", "WhatsApp", "McDonald").
_CAMEL_MIN_LETTERS = 4
_BREADCRUMB = re.compile(r"\s*(?:›|»|>|/|\||•|·|→)\s*")
# A capital letter alone on its line, then a paragraph going on in lower case.
_DROP_CAP = re.compile(r"(?m)^[ \t]*([^\W\d_])[ \t]*\n(?:[ \t\u00a0]*\n)?"
                       r"(?=[^\W\d_]*[a-zß-ÿ][^\n]{40})")
# A link closing a line, after its text.
_TRAILING_LINK = re.compile(r"(?<=\S)\s+(?:https?://|www\.|pic\.twitter\.com/)\S+$", re.I)
# A line opening a comment thread ("12 comments") opens one only once this many characters of
# paragraph text stand above it: a comment count or a "Leave a comment" link under the
# headline comes before the article.
THREAD_AFTER_TEXT = 500
# The time under a commenter's line ("March 3, 2025 at 10:14 am", "10:14").
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
# Hard-wrapped text: lines of similar length, broken inside sentences.
_WRAP_MIN, _WRAP_MAX = 45, 100


@dataclass
class CaptureLine:
    """One line of a capture: its text and what it looks like."""

    text: str
    block: int  # lines of one block are not separated by a blank line
    heading: int = 0  # Markdown heading level, 0 for none
    image_alt: str | None = None  # a Markdown image line: its alt text ...
    image_src: str | None = None  # ... and its source
    link_only: bool = False  # the line was nothing but links
    listed: bool = False  # the line was a list item
    rule: str | None = None  # "skip", "end" or "meta" from capture_rules.csv
    signup: bool = False  # a "skip" line that heads a sign-up box ("Get our newsletter")
    more: bool = False  # a "skip" line linking to the rest of a text ("Weiterlesen")
    thread: bool = False  # an "end" line that opens a comment thread ("12 comments on ...")
    commenter: bool = False  # shaped like a commenter's line ("Jane says:"), see _mark_commenters
    caption: str | None = None  # a caption line: the caption part ...
    credit: str | None = None  # ... and the credit part
    url: bool = False  # the line is a bare URL
    paragraph: bool = False  # the line reads like a body paragraph
    editor: bool = False  # the line credits editors ("Edited by: ...")

    @property
    def words(self) -> int:
        """The line's length in words (see ``word_count``)."""
        return word_count(self.text)


def word_count(text: str) -> int:
    """Words in ``text``, counting characters of unspaced scripts (Chinese, Japanese) as halves.

    >>> word_count("The ferry left."), word_count("习近平会见金正恩")
    (3, 4)
    """
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2


def _check_rule(row: Row) -> None:
    if row["kind"] not in _RULE_KINDS:
        raise row.fail(f"unknown kind {row['kind']!r}; expected one of {', '.join(_RULE_KINDS)}")
    check_pattern(row, flags=re.I)


@cache
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = read_rows(RULES_FILE, ("kind", "pattern"), check=_check_rule)
    return tuple((row["kind"], compile_pattern(row["pattern"], re.I)) for row in rows)


def line_rule(text: str) -> str | None:
    """"skip" for navigation and boilerplate, "end" for end-of-article markers, "meta" for
    lines about the article ("Posted by ..."), else None.

    >>> line_rule("1. Skip to content"), line_rule("More on this topic"), line_rule("The ferry left.")
    ('skip', 'end', None)
    """
    rule = _rule_of(clean_line(text))
    # A commenter's line ends the article only in a comment thread, which one line cannot show.
    return {"thread": "end", "signup": "skip", "more": "skip",
            "commenter": None}.get(rule, rule) if rule else None


@cache
def _rule_widths() -> tuple[tuple[int, int], ...]:
    """The shortest and longest text each rule can match, in characters.

    A line of 200 characters cannot be "Share" or "Related", and a menu item of two words
    cannot be a disclaimer: a line is tried only against the rules its length allows
    (``_rule_screen``), which does not change what matches.
    """
    widths = []
    for _kind, pattern in _rules():
        try:
            parsed = _regex_parser.parse(pattern.pattern, pattern.flags)
            low, high = parsed.getwidth()
            # A longer line holds a shorter match, unless the rule spans the line: "^...$".
            if not (len(parsed) and parsed[0] == (_regex_constants.AT, _regex_constants.AT_BEGINNING)
                    and parsed[-1] == (_regex_constants.AT, _regex_constants.AT_END)):
                high = _RULE_MAX_CHARS
        except Exception:  # noqa: BLE001 - a parser change costs speed, never a result
            low, high = 0, _RULE_MAX_CHARS
        widths.append((low, min(high, _RULE_MAX_CHARS)))
    return tuple(widths)


def _length_bucket(length: int) -> int:
    """The index of the length bucket of a line of ``length`` characters."""
    return bisect_left(_LENGTH_BUCKETS, length)


class _Screen:
    """Rules joined so that most lines are told in two regular-expression calls.

    Most lines match no rule; one match of the joined anchored rules (tried at the start of
    the line only) and one search of the joined others tell so much faster than every rule
    one by one. At the start of a line the alternatives of a pattern are tried in order, so
    the group that matches names the first anchored rule that does. ``folded`` screens match
    without the case-insensitive flag (slower in Python's engine) on a lower-case line; rules
    that ask for case (``(?-i:...)``, capitals) are then tried one by one in ``cased``.
    """

    def __init__(self, rules: list[tuple[int, str]], cased: list[int], *, folded: bool):
        flags = 0 if folded else re.I
        anchored = [(n, p) for n, p in rules if p.startswith("^")]
        others = [(n, p) for n, p in rules if not p.startswith("^")]
        # "(?!)" never matches: an empty join would match every line.
        self.anchored = re.compile("|".join(f"(?P<r{n}>{p})" for n, p in anchored) or "(?!)",
                                   flags)
        self.others = re.compile("|".join(f"(?:{p})" for _, p in others) or "(?!)", flags)
        self.other_places = tuple(n for n, _ in others)
        # Words one of which every match of the unanchored rules holds (None: no such list).
        self.triggers: tuple[str, ...] | None = None
        if folded:
            found = [_required_words(p) for _, p in others]
            if all(found):
                self.triggers = tuple(sorted({word for words in found for word in words}))
        self.cased = tuple(cased)
        self.patterns = {n: re.compile(p, flags) for n, p in others}

    def first_rule(self, text: str, original: str) -> int | None:
        """The place in ``_rules()`` of the first rule matching ``text``, or None.

        ``original`` is the line as it is, for the ``cased`` rules.
        """
        at_start = self.anchored.match(text)
        first = int(at_start.lastgroup[1:]) if at_start else None
        if (self.triggers is None or any(word in text for word in self.triggers)) and \
                self.others.search(text):
            # An unanchored rule decides when it comes before the first anchored one matching.
            for n in self.other_places:
                if first is not None and n > first:
                    break
                if self.patterns[n].search(text):
                    first = n
                    break
        rules = _rules()
        for n in self.cased:
            if first is not None and n > first:
                break
            if rules[n][1].search(original):
                return n
        return first


def _required_words(pattern: str) -> frozenset[str] | None:
    """Literal strings one of which every match of ``pattern`` (without flags) holds, or None.

    "\\b(cookie|cookies) (policy|settings)" gives {"cookie"}, or {"policy", "settings"}:
    of the parts every match needs, the one whose shortest string is longest. A line holding
    none of them needs no search: an ``in`` test is many times faster than a search.
    """
    try:
        return _required_in(_regex_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - a parser change costs speed, never a result
        return None


def _required_in(items) -> frozenset[str] | None:
    c = _regex_constants
    best: frozenset[str] | None = None
    run = ""

    def consider(words: frozenset[str] | None) -> None:
        nonlocal best
        if words and all(words) and (best is None or min(map(len, words)) >
                                     min(map(len, best))):
            best = words

    for op, arg in list(items) + [(None, None)]:
        if op is c.LITERAL:
            run += chr(arg)
            continue
        consider(frozenset([run]) if run else None)
        run = ""
        if op is c.SUBPATTERN:
            consider(_required_in(arg[-1]))
        elif op is c.BRANCH:
            alternatives = [_required_in(branch) for branch in arg[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            consider(_required_in(arg[2]))
    return best


@cache
def _rule_screen(bucket: int, folded: bool) -> _Screen:
    """The screen for lines in length bucket ``bucket``, ``folded`` for lower-cased ASCII lines.

    Rules that cannot match a line of the bucket's lengths (``_rule_widths``) are left out.
    """
    low = _LENGTH_BUCKETS[bucket - 1] + 1 if bucket else 0
    high = _LENGTH_BUCKETS[bucket]
    widths = _rule_widths()
    rules = [(n, p.pattern) for n, (kind, p) in enumerate(_rules())
             if kind != "bio" and widths[n][0] <= high and widths[n][1] >= low]
    if not folded:
        return _Screen(rules, [], folded=False)
    cased = [n for n, p in rules if _asks_for_case(p)]
    return _Screen([(n, p) for n, p in rules if n not in cased], cased, folded=True)


def _asks_for_case(pattern: str) -> bool:
    """Whether a rule tells capitals from small letters: ``(?-i:...)`` or a capital letter
    (outside escapes such as ``\\S``), which a lower-cased line would never match."""
    return "(?-i:" in pattern or bool(re.search(r"[A-Z]", re.sub(r"\\.", "", pattern)))


def _rule_of(text: str) -> str | None:
    """``line_rule`` of a clean line."""
    text = _LIST_MARKER.sub("", text)
    if len(text) > _RULE_MAX_CHARS:
        return None
    bucket = _length_bucket(len(text))
    # Lower case matches as the case-insensitive flag does only for ASCII text.
    if text.isascii():
        n = _rule_screen(bucket, True).first_rule(text.lower(), text)
    else:
        n = _rule_screen(bucket, False).first_rule(text, text)
    return _rules()[n][0] if n is not None else None


def is_bio_line(text: str) -> bool:
    """Whether a line reads like an author's blurb ("Jane Doe is a reporter covering ...").

    Only the last lines of an article are asked: inside it, such a sentence is news.

    >>> is_bio_line("Jane Doe is a senior writer covering science."), is_bio_line("The ferry left.")
    (True, False)
    """
    text = clean_line(text)
    return any(kind == "bio" and pattern.search(text) for kind, pattern in _rules())


def is_paragraph(text: str) -> bool:
    """Whether a line reads like body text rather than a heading, teaser or label.

    >>> is_paragraph("The ferry left the harbour at dawn on Tuesday."), is_paragraph("What did the mayor promise?")
    (True, False)
    """
    words = word_count(text)
    if words >= 20:
        return True
    # An embedded post ends with its link: "... across both eyes. pic.twitter.com/U7PMa4".
    text = _TRAILING_LINK.sub("", text)
    if text.endswith("?"):
        return words >= 15
    return words >= 5 and text.endswith(_SENTENCE_END)


def section_names(text: str, page_words: Container[str] = ()) -> tuple[str, ...]:
    """The sections of a breadcrumb line, or () when the line is no breadcrumb.

    Pages separate section links ("News › World › Asia"); reader views run them together
    ("ScienceAfrica"). A run-together word is split only when the page confirms it:
    ``page_words`` (the page's other words, case-folded: the article's words and the menu's
    items) hold one of its parts and not the word itself, and every part is a word of four
    letters or more, or an acronym. Brand names are written the same way ("YouTube",
    "WhatsApp", "McDonald", "LinkedIn") and stay whole.

    >>> section_names("ScienceAfrica", {"africa", "talks"}), section_names("News › World › Asia")
    (('Science', 'Africa'), ('News', 'World', 'Asia'))
    >>> section_names("YouTube", {"you", "tube"}), section_names("ScienceAfrica")
    ((), ())
    """
    text = text.strip()
    if " " not in text and text[:1].isupper():
        chunks = _CAMEL_CHUNK.findall(text)
        if len(chunks) >= 2 and "".join(chunks) == text and \
                all(len(chunk) >= _CAMEL_MIN_LETTERS or chunk.isupper() for chunk in chunks) \
                and text.casefold() not in page_words and \
                any(chunk.casefold() in page_words for chunk in chunks):
            return tuple(chunks)
        return ()
    parts = [p for p in _BREADCRUMB.split(text) if p]
    if 2 <= len(parts) <= 6 and _BREADCRUMB.search(text) and all(
            len(p.split()) <= 4 and p[:1].isupper() and not p.endswith(_SENTENCE_END)
            for p in parts):
        return tuple(p for p in parts if p.casefold() not in ("home", "start", "startseite"))
    return ()


def looks_like_markdown(text: str) -> bool:
    """Whether a capture is Markdown (headings, images or links in Markdown syntax)."""
    sample = text[:20000]
    return bool(re.search(r"^#{1,6} \S", sample, re.M) or re.search(r"!\[[^\]]*\]\(", sample)
                or len(_MD_LINK.findall(sample)) >= 3)


def read_lines(text: str, *, markdown: bool = False) -> list[CaptureLine]:
    """The non-empty lines of a capture, tidied and typed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_control_table(text))
    # A drop cap is the first letter of a paragraph set apart: "T" / "urkey and Poland ...".
    text = _DROP_CAP.sub(r"\1", text)
    blocks = re.split(r"\n[ \t\u00a0]*\n", text)
    lines: list[CaptureLine] = []
    for number, block in enumerate(blocks):
        raw_lines = [line for line in block.split("\n") if line.strip()]
        if markdown:
            raw_lines = [line for line in raw_lines if not _MD_RULE.match(line)]
        for line in _join_bare_prefixes(_unwrap(raw_lines)):
            item = _read_line(line, number, markdown)
            if item is not None:
                lines.append(item)
    _mark_signup_blurbs(lines)
    _mark_teaser_excerpts(lines)
    _mark_commenters(lines)
    return lines


def _mark_commenters(lines: list[CaptureLine]) -> None:
    """Commenter lines ("Jane says:") that stand in a comment thread become end markers.

    News writes the same shape before a quote ("The Norwegian minister said:"), so the line
    ends the article only in a thread's context: below a line opening a comment thread (with
    the article's text above that line, see ``THREAD_AFTER_TEXT``; a "Reply" link under the
    first comment is such a line), or followed by the comment's time ("March 3, 2025 at
    10:14 am"). Elsewhere it stays a line of the article.
    """
    in_thread = False
    text_above = 0
    for i, line in enumerate(lines):
        if line.thread and text_above >= THREAD_AFTER_TEXT:
            in_thread = True
        if line.paragraph:
            text_above += len(line.text)
        if not line.commenter:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if in_thread or (nxt is not None and not nxt.paragraph and _is_time_line(nxt)):
            line.rule = "end"


def _is_time_line(line: CaptureLine) -> bool:
    """Whether a short line gives a time or a date ("10:14 am", "3 hours ago", "May 4, 2025")."""
    if line.rule == "meta" or _CLOCK.search(line.text):
        return True
    return line.words <= _META_MAX_WORDS and parse_date_line(line.text) is not None


def _mark_teaser_excerpts(lines: list[CaptureLine]) -> None:
    """Excerpts of teasers: the paragraph right above each "Weiterlesen" link, when a
    capture has several such links (a list of articles; an article has none of its own).
    """
    links = [i for i, line in enumerate(lines) if line.more]
    if len(links) < _TEASER_LINKS:
        return
    for i in links:
        if i > 0 and lines[i - 1].paragraph and not lines[i - 1].rule:
            lines[i - 1].rule, lines[i - 1].paragraph = "skip", False


def _mark_signup_blurbs(lines: list[CaptureLine]) -> None:
    """The sentence under a sign-up box's heading is the box's, not the article's.

    "Sign up for the Politics Newsletter" / "The latest news and analysis from our bureau
    chiefs." / "Email address": a paragraph right under such a heading, with no paragraph
    after it (a form field, a button or the end follows), is skipped like its heading.
    """
    for i, line in enumerate(lines[:-1]):
        blurb = lines[i + 1]
        if not line.signup or not blurb.paragraph or blurb.rule or \
                blurb.words > _SIGNUP_BLURB_MAX_WORDS:
            continue
        after = lines[i + 2] if i + 2 < len(lines) else None
        if after is None or not after.paragraph or after.rule:
            blurb.rule, blurb.paragraph = "skip", False


def _control_table(text: str) -> dict[int, str | None]:
    """A translation removing what ``clean_line`` removes from ``text``, for all of it at once.

    Invisible characters go, other control characters become spaces; after that a line needs
    only its spaces tidied (``_tidy``), which keeps a capture of megabytes fast.
    """
    table: dict[int, str | None] = {}
    for ch in set(text):
        if ch == "\n":
            continue
        if clean_line(f"a{ch}b") == "ab":
            table[ord(ch)] = None
        elif ch != "\t" and unicodedata.category(ch)[0] == "C":
            table[ord(ch)] = " "
    return table


def _may_carry_credit(text: str) -> bool:
    """A fast test that lets through every line ``split_credit`` could find a credit in.

    A credit has a label ("Photo:", "Credit..."), brackets, a slash or a copyright sign, or
    is a short line of its own, or stands after the caption's last sentence ("... in Kyiv.
    Getty Images"). Most lines of a capture are none of these and skip the slower reading.
    """
    if len(text) > _CAPTION_MAX_CHARS:
        return False
    return len(text.split()) <= _CREDIT_LINE_MAX_WORDS or bool(_CREDIT_HINT.search(text))


def _tidy(line: str) -> str:
    """``clean_line`` for a line of a capture that ``_control_table`` has been applied to."""
    return _SPACES.sub(" ", line).strip()


def _join_bare_prefixes(raw_lines: list[str]) -> list[str]:
    """A byline split over lines ("By" / "Jane Doe") on one line again."""
    joined: list[str] = []
    for line in raw_lines:
        if joined and len(joined[-1]) <= _BARE_PREFIX_MAX_CHARS and \
                is_bare_byline_prefix(joined[-1]):
            joined[-1] = f"{_tidy(joined[-1])} {line}"
        else:
            joined.append(line)
    return joined


def _unwrap(raw_lines: list[str]) -> list[str]:
    """A block's lines, with hard-wrapped paragraphs joined again."""
    if len(raw_lines) < 2:
        return raw_lines
    body = [_tidy(line) for line in raw_lines[:-1]]
    wrapped = all(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in body)
    open_ended = sum(not line.endswith(_SENTENCE_END) for line in body)
    if wrapped and open_ended * 2 >= len(body) and not any(
            is_url(line) or _MD_IMAGE.match(line.strip()) or _LIST_MARKER.match(line)
            or split_credit(line)[1] for line in raw_lines):
        return [" ".join(_tidy(line) for line in raw_lines)]
    return raw_lines


def _read_line(line: str, block: int, markdown: bool) -> CaptureLine | None:
    heading = 0
    alt = src = None
    link_only = listed = False
    if markdown:
        if ">" in line:
            line = _QUOTE_MARKER.sub("", line)
        image = _MD_IMAGE.match(line.strip()) if "![" in line else None
        if image:
            alt, src = clean_line(image.group(1)) or None, image.group(2) or None
            line = image.group(3) or ""
        heading_match = _MD_HEADING.match(line.strip())
        if heading_match:
            heading, line = len(heading_match.group(1)), heading_match.group(2)
        # Most lines hold no Markdown: the patterns run only where their marks are.
        if "](" in line:
            line = _MD_INLINE_IMAGE.sub("", line)
            without_links = _MD_LINK.sub("", _LIST_MARKER.sub("", line)).strip(" |•·-–—,")
            link_only = bool(_MD_LINK.search(line)) and not without_links
            line = _MD_LINK.sub(lambda m: m.group(1), line)
        if "*" in line or "_" in line:
            line = _MD_EMPHASIS.sub(lambda m: m.group(2), line)
            line = _MD_EMPHASIS.sub(lambda m: m.group(2), line)
        line = line.replace("\\", "") if "\\" in line else line
    if _LIST_MARKER.match(line) and not re.match(r"^\s*\d{1,3}\.\s+\d", line):
        listed = True
        # Markdown numbers its list items in the syntax; in plain text a number ("37. What
        # did one volcano say...") is the page's own numbering, part of the text.
        if markdown or not _NUMBER_MARKER.match(line):
            line = _LIST_MARKER.sub("", line)
    text = _tidy(line)
    if not text and not (alt or src):
        return None
    item = CaptureLine(text=text, block=block, heading=heading, image_alt=alt, image_src=src,
                       link_only=link_only, listed=listed)
    if not text:
        return item
    item.rule = _rule_of(text)
    if item.rule == "thread":
        item.rule, item.thread = "end", True
    elif item.rule == "commenter":
        item.rule, item.commenter = None, True
    elif item.rule in ("signup", "more"):
        setattr(item, item.rule, True)
        item.rule = "skip"
    if item.rule == "meta" and item.words >= _META_MAX_WORDS:
        item.rule = None  # a sentence that starts like a date line ("Published figures show")
    item.url = is_url(text)
    if not item.url and item.rule is None and _may_carry_credit(text):
        caption, credit = split_credit(text)
        if credit is None and _GLUED_LABEL.search(text):
            # Copy-all runs a caption and its credit label together ("in an hour.Photo: X").
            caption, credit = split_credit(_GLUED_LABEL.sub(" ", text, count=1))
        # "ab/rt (dpa, Reuters)" credits the story's agencies, not a picture.
        if credit and not agencies_in_text(text) and len(credit.split()) <= 12 and (caption is None or len(caption.split()) <= 60):
            item.caption, item.credit = caption, credit
    item.editor = item.rule is None and is_editor_line(text)
    item.paragraph = not (item.url or item.credit or heading or item.editor) and is_paragraph(text)
    return item
