"""Date expressions in an article body, resolved against its publication date.

Only spans the NER marks DATE (and TIME spans that name a day, "Thursday night") are read;
dateparser reads explicit calendar dates ("Sept. 4"); newsgraph's rules, with the words of
``data/dates.toml``, do the rest. A weekday is the most recent such day on or before
publication (after it only in a future clause or with "next"); a period resolves to the
finest of day, month, year or decade that holds all of it; durations and ages are not dates;
"the same day" refers back; what cannot be resolved keeps ``value`` None. The rules in full:
docs/dates-and-places.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from newsgraph.annotate.date_lexicon import lexicon
from newsgraph.errors import UsageError
from newsgraph.model import DateExpression

__all__ = ["Resolution", "date_for_span", "find_dates", "parse_published", "resolve_date"]

VERSION = "0.1.0"


# ---------------------------------------------------------------------------- resolution

@dataclass(frozen=True)
class Resolution:
    """What a date expression means: ``value`` None when it cannot be resolved."""

    value: str | None
    granularity: str | None
    relative: bool = False

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.value) if self.granularity == "day" else None


_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC_RE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?\b")
_YEAR_RE = re.compile(r"(?<![\w$.,])(1[5-9]\d\d|20\d\d)(?:\s*[-–/]\s*(\d\d))?(?![\w])")
_SHORT_YEAR_RE = re.compile(r"'\d\d\b(?!s)")
_DAY_RE = re.compile(r"(?<![\w.,])([0-3]?\d)(?:st|nd|rd|th)?"
                     r"(?:\s*(?:[-–]|and|to|through)\s*([0-3]?\d)(?:st|nd|rd|th)?)?(?![\w])")
_DECADE_RE = re.compile(r"(?<![\w])(?:(1[5-9]\d|20\d)0|'(\d)0|(\d)0)s\b")
_SPACES_RE = re.compile(r"\s+")


def _normalise(text: str) -> str:
    text = _SPACES_RE.sub(" ", text.replace("\u2019", "'").replace("\u2018", "'")).strip()
    text = re.sub(r"'s?$", "", text.lower()).strip(" ,;:")
    return text


def _value(lo: date, hi: date) -> tuple[str | None, str | None]:
    """The finest contract value holding all of [lo, hi]."""
    if lo == hi:
        return lo.isoformat(), "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    if lo.year // 10 == hi.year // 10:
        return f"{lo.year // 10 * 10}s", "decade"
    return None, None


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    # The base year 2000 is a leap year, so "Feb. 29" without a year still parses; the year of
    # a yearless date is chosen afterwards by newsgraph's own rule.
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY", "REQUIRE_PARTS": ["day", "month"]})


@lru_cache(maxsize=4096)
def _parse_calendar(text: str) -> date | None:
    try:
        found = _parser().get_date_data(text)
    except (ValueError, OverflowError):
        return None
    return found.date_obj.date() if found and found.date_obj else None


def _pick_year(month: int, day: int, pub: date, future: bool) -> date | None:
    """The yearless date nearest on or before publication (on or after, if ``future``)."""
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    fitting = [d for d in options if (d >= pub if future else d <= pub)]
    return (min if future else max)(fitting, default=None)


def _pick_month(month: int, shift: int | None, pub: date, future: bool) -> tuple[int, int]:
    """The year of a yearless month: "last March" before, "next March" after publication;
    a bare "March" the nearest on or before publication (on or after, in a future clause)."""
    if shift == 0:
        return pub.year, month
    if shift is None and not future:
        return (pub.year if month <= pub.month else pub.year - 1), month
    if shift is None:
        return (pub.year if month >= pub.month else pub.year + 1), month
    if shift < 0:
        return (pub.year if month < pub.month else pub.year - 1), month
    return (pub.year if month > pub.month else pub.year + 1), month


def _weekday(target: int, shift: int | None, pub: date, future: bool) -> date:
    today = pub.weekday()
    if shift is not None and shift < 0:  # "last Thursday": strictly before
        return pub - timedelta(days=(today - target - 1) % 7 + 1)
    if shift is not None and shift > 0:  # "next Thursday": strictly after
        return pub + timedelta(days=(target - today - 1) % 7 + 1)
    if future:
        return pub + timedelta(days=(target - today) % 7)
    return pub - timedelta(days=(today - target) % 7)


def _season(first: int, last: int, shift: int | None, pub: date,
            future: bool) -> tuple[date, date]:
    spans = []
    for year in range(pub.year - 2, pub.year + 2):
        end_year = year + 1 if last < first else year
        spans.append((date(year, first, 1), _month_end(end_year, last)))
    if shift == 0:
        holding = [s for s in spans if s[0] <= pub <= s[1]]
        if holding:
            return holding[0]
        shift = None
    if (shift is not None and shift > 0) or (shift is None and future):
        return min(s for s in spans if s[0] > pub)
    if shift is not None and shift < 0:
        return max(s for s in spans if s[1] < pub)
    return max(s for s in spans if s[0] <= pub)


def _period(unit: str, shift: int, pub: date, future: bool,
            explicit: bool) -> tuple[date, date] | None:
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "weekend":
        if explicit and shift == 0:  # "this weekend": the one ending the week of publication
            saturday = pub - timedelta(days=pub.weekday()) + timedelta(days=5)
        elif shift == 0 and pub.weekday() >= 5:  # "over the weekend", published on it
            saturday = pub - timedelta(days=pub.weekday() - 5)
        elif shift > 0 or (shift == 0 and future):
            saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        else:
            saturday = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
            if saturday + timedelta(days=1) >= pub:
                saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    if unit == "month":
        year, month = _add_months(pub.year, pub.month, shift)
        return date(year, month, 1), _month_end(year, month)
    if unit == "year":
        return date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31)
    if unit == "decade" and shift == 0:
        start = pub.year // 10 * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    return None  # "last decade", "next day": durations or anaphora, not read here


def _ago(unit: str, count: int, pub: date) -> tuple[date, date] | None:
    if unit == "day":
        day = pub - timedelta(days=count)
        return day, day
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday(), weeks=count)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = _add_months(pub.year, pub.month, -count)
        return date(year, month, 1), _month_end(year, month)
    year = pub.year - count * (10 if unit == "decade" else 1)
    if unit == "decade":
        return date(year // 10 * 10, 1, 1), date(year // 10 * 10 + 9, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


_UNRESOLVED = Resolution(None, None, False)
_UNRESOLVED_RELATIVE = Resolution(None, None, True)


def _resolved(lo: date | None, hi: date | None, relative: bool) -> Resolution:
    if lo is None or hi is None:
        return Resolution(None, None, relative)
    value, granularity = _value(min(lo, hi), max(lo, hi))
    return Resolution(value, granularity, relative)


def resolve_date(text: str, published: str | date | None, *, future: bool = False,
                 previous_day: date | None = None, years: bool = True) -> Resolution | None:
    """What the date expression ``text`` means, or None when it is not a date at all.

    ``future``: the clause is about the future; ``previous_day``: the last day resolved
    earlier in the text (for "the same day"); ``years``: read bare numbers as years (off for
    clock times such as "1900 GMT").

    >>> resolve_date("Thursday", "2025-09-04")
    Resolution(value='2025-09-04', granularity='day', relative=True)
    >>> resolve_date("late 2011", "2025-09-04")
    Resolution(value='2011', granularity='year', relative=False)
    >>> resolve_date("last week", "2025-09-04").value
    '2025-08'
    >>> resolve_date("six years", "2025-09-04") is None
    True
    >>> resolve_date("yesterday", None)
    Resolution(value=None, granularity=None, relative=True)
    """
    pub = parse_published(published)
    try:
        return _resolve(_normalise(text), pub, future, previous_day, years)
    except (ValueError, OverflowError):  # arithmetic past year 1 or 9999: no date to give
        return _UNRESOLVED_RELATIVE


def _resolve(t: str, pub: date | None, future: bool, previous_day: date | None,
             years: bool) -> Resolution | None:
    lex = lexicon()
    if t.startswith("the ") and t[4:] in lex.relative_days:
        t = t[4:]
    if t in lex.anaphoric_days:
        if previous_day is None:
            return _UNRESOLVED_RELATIVE
        day = previous_day + timedelta(days=lex.anaphoric_days[t])
        return _resolved(day, day, True)
    if t in lex.relative_days:
        if pub is None:
            return _UNRESOLVED_RELATIVE
        day = pub + timedelta(days=lex.relative_days[t])
        return _resolved(day, day, True)
    if t in lex.holidays or (t.startswith("the ") and t[4:] in lex.holidays):
        if pub is None:
            return _UNRESOLVED_RELATIVE
        day = _pick_year(*lex.holidays[t.removeprefix("the ")], pub, future)
        return _resolved(day, day, True)
    if match := _ISO_RE.search(t):
        try:
            day = date(*(int(g) for g in match.groups()))
        except ValueError:
            return _UNRESOLVED
        return _resolved(day, day, False)
    if _NUMERIC_RE.search(t) or lex.month_re.search(t):
        return _calendar(t, pub, future, years)
    # "the 1950s", "the '90s", "the early 90s"; not "in his late 30s" (an age)
    if years and (decades := [_decade(m, pub) for m in _DECADE_RE.finditer(t)
                              if not m.group(3) or re.search(r"\bthe\b", t[:m.start()])]):
        if len({d.value for d in decades}) > 1:  # "the 1990s and 2000s": no one decade holds it
            return Resolution(None, None, any(d.relative for d in decades))
        return decades[0]
    if years and (spans := list(_YEAR_RE.finditer(t))):
        first = int(spans[0].group(1))
        last_match = spans[-1]
        last = int(last_match.group(1))
        if last_match.group(2):  # "2025-26"
            last = last // 100 * 100 + int(last_match.group(2))
        if last < first:
            return _UNRESOLVED
        return _resolved(date(first, 1, 1), date(last, 12, 31), False)
    if match := lex.weekday_re.search(t):
        if pub is None:
            return _UNRESOLVED_RELATIVE
        shift = lex.shifts.get(match.group(1)) if match.group(1) else None
        day = _weekday(lex.weekday(match.group(2)), shift, pub, future)
        return _resolved(day, day, True)
    if match := lex.shifted_re.search(t):
        if match.group(1) and t[:match.start()].endswith("the "):
            return None  # "over the last year", "the next month": a stretch of time
        if pub is None:
            return _UNRESOLVED_RELATIVE
        shift = lex.shifts[match.group(1)] if match.group(1) else 0
        name = match.group(2)
        if name in lex.seasons:
            lo, hi = _season(*lex.seasons[name], shift if match.group(1) else None, pub, future)
            return _resolved(lo, hi, True)
        unit = name
        if not match.group(1) and unit != "weekend":
            return None  # "the year", "the day": not a point in time by itself
        period = _period(unit, shift, pub, future, explicit=bool(match.group(1)))
        return None if period is None else _resolved(*period, True)
    if match := lex.ago_re.search(t):
        count_word, unit = match.group(1), lex.units[match.group(2)]
        count = int(count_word) if count_word.isdigit() else lex.counts.get(count_word)
        if pub is None or count is None or lex.approximate_re.search(t[:match.start()]):
            return _UNRESOLVED_RELATIVE
        return _resolved(*_ago(unit, count, pub), True)
    return None


def _calendar(t: str, pub: date | None, future: bool, years: bool) -> Resolution:
    """A span naming a month: a day of it ("Sept. 4"), or the month ("in March 2020")."""
    lex = lexicon()
    has_year = years and bool(_YEAR_RE.search(t) or _SHORT_YEAR_RE.search(t))
    without_years = _YEAR_RE.sub(" ", t) if has_year else t
    day_match = _DAY_RE.search(without_years)
    if day_match or _NUMERIC_RE.search(t):
        last_day = int(day_match.group(2)) if day_match and day_match.group(2) else None
        text = t
        if last_day is not None:  # "Sept. 4-5": read the first day, keep the second
            text = t.replace(day_match.group(0), day_match.group(1), 1)
        # dateparser reads from the first month or day on ("between Oct. 15", "since 9/4")
        anchors = [m.start() for m in (lex.month_re.search(text), _DAY_RE.search(text)) if m]
        parsed = _parse_calendar(text[min(anchors, default=0):])
        if parsed is None:
            return Resolution(None, None, not has_year)
        if not has_year:
            if pub is None:
                return _UNRESOLVED_RELATIVE
            parsed = _pick_year(parsed.month, parsed.day, pub, future)
            if parsed is None:
                return _UNRESOLVED_RELATIVE
        end = parsed
        if last_day is not None:
            try:
                end = parsed.replace(day=last_day)
            except ValueError:
                return Resolution(None, None, not has_year)
        return _resolved(parsed, end, not has_year)
    months = [lex.month(m.group(1)) for m in lex.month_re.finditer(t)]
    if has_year:
        year_values = [int(m.group(1)) for m in _YEAR_RE.finditer(t)]
        first, last = min(year_values), max(year_values)
        return _resolved(date(first, months[0], 1), _month_end(last, months[-1]), False)
    if pub is None:
        return _UNRESOLVED_RELATIVE
    shift_match = lex.shifted_month_re.search(t)
    shift = lex.shifts[shift_match.group(1)] if shift_match else None
    year, month = _pick_month(months[0], shift, pub, future)
    end_year, end_month = year, months[-1]
    if end_month < month:
        end_year += 1
    return _resolved(date(year, month, 1), _month_end(end_year, end_month), True)


def _decade(match: re.Match[str], pub: date | None) -> Resolution:
    if match.group(1):
        start = int(match.group(1)) * 10
        return _resolved(date(start, 1, 1), date(start + 9, 12, 31), False)
    if pub is None:
        return _UNRESOLVED_RELATIVE
    # "the '90s": the latest such decade that does not begin after publication
    tens = int(match.group(2) or match.group(3)) * 10
    start = pub.year // 100 * 100 + tens
    if start > pub.year:
        start -= 100
    return _resolved(date(start, 1, 1), date(start + 9, 12, 31), True)


def parse_published(published: str | date | None) -> date | None:
    """The publication day of an ISO 8601 date or datetime; ``UsageError`` when malformed.

    >>> parse_published("2025-03-14 20:30:26Z")
    datetime.date(2025, 3, 14)
    """
    if published is None or isinstance(published, date):
        return published
    text = str(published).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise UsageError(f"publication date {published!r} is not an ISO 8601 date "
                         "(YYYY-MM-DD); give a valid date or none") from None


# ---------------------------------------------------------------------------- the document

def _lemmas(token) -> set[str]:
    """The token's lemma, and its third-person form without "s" (the lemmatizer reads
    "hopes" as "hop")."""
    lemmas = {token.lemma_, token.text.lower()}
    if token.tag_ == "VBZ":
        lemmas.add(token.text.lower().removesuffix("s"))
    return lemmas


def _present(verb) -> bool:
    if verb.pos_ == "ADJ" and verb.head.i != verb.i:  # "is due to expire"
        return _present(verb.head)
    if verb.tag_ in ("VBZ", "VBP", "VBG", "MD"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD")
               and c.text.lower() not in lexicon().past_modals
               for c in verb.children)


def _is_future(span) -> bool:
    """Whether the clause the date belongs to speaks of the future (docs/dates-and-places.md)."""
    lex = lexicon()
    doc = span.doc
    before = span.start - 1
    if before > 0 and doc[before].text.lower() == "on":
        before -= 1
    if before >= 0 and doc[before].tag_ == "VBD":
        return False  # "said Sunday (that) ... will": the date is the saying's, in the past
    if not doc.has_annotation("DEP"):
        return _is_future_by_window(span)
    token = span.root
    path = []
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        path.append(token)
        token = token.head
    # "is expected to visit on Monday": the date hangs on "visit", the future on "expected"
    chain = [token]
    while chain[-1].head.i != chain[-1].i and (chain[-1].dep_ == "xcomp" or (
            chain[-1].dep_ == "ccomp" and any(c.text == "to" for c in chain[-1].children))):
        chain.append(chain[-1].head)  # also "is expecting North Korea to launch"
    for tok in path:
        if any(c.text.lower() in lex.future_words for c in tok.children):
            return True
    root = span.root
    if root.dep_ == "pobj" and root.head.text.lower() in lex.future_deadlines and (
            token.tag_ in ("VBZ", "VBP") or _present(token) and token.tag_ != "VBG"):
        return True  # "they have until Feb. 4 to appeal", "must decide by Friday"
    for verb in chain:
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass") and child.text.lower() in lex.future_aux:
                return True
            if child.dep_ == "acomp" and child.lemma_ in lex.future_heads and _present(verb):
                return True
        if _lemmas(verb) & lex.future_heads and _present(verb):
            if "go" not in _lemmas(verb) or verb.tag_ == "VBG":
                return True
    return False


def _is_future_by_window(span) -> bool:
    """Without a parse: a future marker earlier in the same clause."""
    lex = lexicon()
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 25), -1):
        token = doc[i]
        if token.text in (".", "!", "?", ";") or "\n" in token.text:
            break
        if token.text.lower() in lex.future_aux or token.text.lower() in lex.future_words:
            return True
        if (token.lemma_ or token.text.lower()) in lex.future_heads and token.lemma_ != "go":
            return True
    return False


def _expression_start(span) -> int:
    """The span's start, moved back over a preposition that belongs to it ("on Thursday")."""
    lex = lexicon()
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text.lower() in ("'s", "\u2019s", "'"):
        return span.start_char  # "in Tuesday's hijacking": the preposition governs the noun
    for width in (2, 1):
        if span.start - width < 0:
            continue
        words = doc[span.start - width:span.start]
        if " ".join(t.text.lower() for t in words) in lex.prepositions and "\n" not in words.text:
            return words.start_char
    return span.start_char


def find_dates(doc, published: str | date | None) -> list[DateExpression]:
    """Every date expression in ``doc`` (a spaCy Doc with entities), resolved.

    ``published`` is the article's publication date (ISO 8601) or None; without it, relative
    expressions are kept with ``value`` None and ``relative`` True. Offsets are into
    ``doc.text``; the expression includes a preposition that governs it ("on Thursday").
    """
    pub = parse_published(published)
    found: list[DateExpression] = []
    previous_day: date | None = None
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        is_time = ent.label_ == "TIME"
        if "\n" in ent.text.strip():  # a span the NER ran across a paragraph break
            ent = doc.char_span(ent.start_char, ent.start_char + ent.text.index("\n"),
                                alignment_mode="contract") or ent
        resolution = resolve_date(ent.text, pub, future=_is_future(ent),
                                  previous_day=previous_day, years=not is_time)
        if resolution is None or (is_time and resolution.value is None
                                  and not resolution.relative):
            continue
        if resolution.granularity == "day":
            previous_day = resolution.day
        found.append(DateExpression(start=_expression_start(ent), end=ent.end_char,
                                    value=resolution.value, granularity=resolution.granularity,
                                    relative=resolution.relative))
    return found


def date_for_span(dates: Sequence[DateExpression], start: int, end: int,
                  sentence_start: int, sentence_end: int) -> DateExpression | None:
    """The date of an event: the expression in its clause, else in its sentence, else None.

    Within the clause or the sentence, a resolved expression wins over an unresolved one,
    then the nearest to the clause. Never the publication date: a caller that falls back to
    it must say so (``Event.date_basis``).
    """
    def distance(d: DateExpression) -> int:
        if d.start < end and d.end > start:
            return 0
        return start - d.end if d.end <= start else d.start - end

    def best(candidates: list[DateExpression]) -> DateExpression | None:
        if not candidates:
            return None
        return min(candidates, key=lambda d: (d.value is None, distance(d), d.start))

    in_clause = [d for d in dates if d.start < end and d.end > start]
    if in_clause:
        return best(in_clause)
    return best([d for d in dates if d.start >= sentence_start and d.end <= sentence_end])
