"""Quotes: who said what, as direct, mixed and indirect quotes with speakers resolved to actors.

``find_quotes(doc)`` reads the parsed body (``annotate.nlp.parse_body``) after the actors layer
has run, and returns ``model.Quote`` records with offsets into the body:

- direct: words between quotation marks that stand on their own ("…," Putin said);
- mixed: a quoted fragment inside reported speech (said the talks "carry real weight");
  its text is the reported clause with the fragment;
- indirect: the content clause of a speech or cognition verb (Peskov said Putin and Erdogan
  would have detailed talks…), or the clause an "according to X" phrase hangs on.

Quotation marks are found from the characters (``quote_spans``); cues, speakers and channels
from the parse and ``data/quote_cues.toml`` (``speakers``). A quotation with no cue in its
sentence (the next sentence of the same speech) takes the speaker of the quotation before it
when nothing lies between them; a medium that only relays words ("state news agency Anadolu
reported") becomes the channel and the speaker stays who spoke. Scare quotes and titles in
quotation marks are not quotes; a quotation with no speaker anywhere keeps a null speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.doc_text import doc_text
from newsgraph.annotate.quote_cues import QuoteCues, quote_cues
from newsgraph.annotate.quote_spans import MarkSpan, find_mark_spans, paragraph_bounds
from newsgraph.annotate.speakers import (according_object, attribution_text, channel_of, cue_of,
                                         is_relay, issuer, noun_phrase, resolve_speaker,
                                         sentence_of, sentence_opening_name, speaker_of)
from newsgraph.model import Quote, Speaker

__all__ = ["find_quotes", "VERSION"]

VERSION = "0.1.0"

# Quoted fragments of at most this many words inside a sentence are names or scare quotes
# unless a reporting verb governs them ("said the talks 'carry real weight'").
SHORT_FRAGMENT_WORDS = 3
# A medium relaying words looks this many paragraphs back for who spoke.
RELAY_LOOKBACK_PARAGRAPHS = 3
_STANDALONE_BEFORE = ".?!:;,—–-([\n\"”»"
_MARKERS = ("that", "whether", "if")
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_DASH_SPEAKER = re.compile(r"[—–-]\s*(" + _NAME + r")\s*$")
_COLON_SPEAKER = re.compile(r"^(" + _NAME + r"):\s*[\"“‘'«]")


@dataclass
class _Found:
    """A quotation while the document is read: the quote, where its attribution ends, and
    whether its speaker came from its own sentence."""

    quote: Quote
    mark: MarkSpan | None
    frame_start: int
    frame_end: int
    paragraph: int
    attributed: bool
    relay: bool = False


def find_quotes(doc: Doc) -> list[Quote]:
    """Direct, mixed and indirect quotes of a parsed body, in body order.

    ``doc`` is ``annotate.nlp.parse_body(body)``, after ``annotate.actors.annotate_actors`` when
    speakers should be resolved to actors (without it, speakers keep the names as written)::

        doc = parse_body('"We will win," Putin said.')
        [(q.kind, doc.text[q.start:q.end], q.speaker.name) for q in find_quotes(doc)]
        # [('direct', 'We will win', 'Putin')]
    """
    cues = quote_cues()
    paragraphs = paragraph_bounds(doc_text(doc))
    marks = find_mark_spans(doc_text(doc))
    quoted = [(m.open, m.close + 1 if m.close is not None else m.end) for m in marks]
    found: list[_Found] = []
    for mark in marks:
        earlier = [(f.frame_end, f.quote.speaker) for f in found]
        item = _quotation(doc, mark, cues, paragraphs, quoted, earlier)
        if item is not None:
            _inherit_backward(found, item, doc_text(doc))
            found.append(item)
    _inherit_speakers(found, doc_text(doc))
    regions = [(f.mark.open, f.mark.close if f.mark.close is not None else f.mark.end)
               for f in found if f.mark is not None]
    quotes: list[Quote] = []
    for item in found:
        # Quoted fragments of one reported clause make one mixed quote.
        last = quotes[-1] if quotes else None
        if last is not None and item.quote.kind == "mixed" and last.kind == "mixed" \
                and item.quote.start < last.end and last.cue == item.quote.cue:
            quotes[-1] = replace(last, end=max(last.end, item.quote.end))
            continue
        quotes.append(item.quote)
    earlier = [(f.frame_end, f.quote.speaker) for f in found]
    quotes.extend(_indirect_quotes(doc, cues, regions, quotes, quoted, earlier))
    return sorted(quotes, key=lambda q: (q.start, q.end))


# --- direct and mixed quotations -------------------------------------------------------------

def _quotation(doc: Doc, mark: MarkSpan, cues: QuoteCues, paragraphs: list[tuple[int, int]],
               quoted: list[tuple[int, int]], earlier: list[tuple[int, Speaker]]) -> _Found | None:
    """The quote between one pair of marks, attributed, or None for a title or scare quote."""
    if mark.end <= mark.start:
        return None
    stop = mark.close + 1 if mark.close is not None else mark.end
    span = doc.char_span(mark.open, stop, alignment_mode="expand")
    content = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None or content is None or not len(content):
        return None
    inside = set(range(span.start, span.end))
    frame = _frame(doc, span)
    paragraph = _paragraph_of(paragraphs, mark.open)
    cue, governed = cue_of(doc, inside, frame, cues)
    if cue is not None and cues.reports_thought(cue.lemma_) and not governed:
        cue = None
    headline = None
    if cue is None:
        headline = _headline_speaker(doc, paragraphs[paragraph] if paragraph >= 0 else None, mark)
    standalone = _standalone(doc, mark, cues)
    words = sum(1 for t in content if t.is_alpha)
    if not _is_quotation(doc, mark, content, words, standalone, cue, governed,
                         headline is not None, cues):
        return None
    if cue is None and headline is None and mark.close is None and mark.chain is None \
            and not standalone:
        return None  # an unclosed mark inside a sentence, with no cue: a stray mark
    outside = " ".join(t.text for t in frame if t.i not in inside)
    phrase, channel, relay = _attribution(cue, inside, outside, quoted, cues)
    phrase = phrase or headline
    if phrase is None and cue is None and not standalone:
        phrase = _named_subject(span)
    speaker = resolve_speaker(doc, phrase, cues, quoted, earlier) if phrase is not None else None
    kind, start, end = "direct", mark.start, mark.end
    if not standalone:
        kind = "mixed"
        start, end = _mixed_bounds(doc, mark, inside, cue if governed else None)
    quote = Quote(kind=kind, start=start, end=end, speaker=speaker, cue=_cue_text(cue, cues),
                  channel=channel)
    return _Found(quote, mark, frame[0].idx if frame else mark.open,
                  _end_char(frame[-1]) if frame else stop, paragraph,
                  attributed=phrase is not None, relay=relay)


def _attribution(cue: Token | None, inside: set[int], outside: str,
                 quoted: list[tuple[int, int]], cues: QuoteCues
                 ) -> tuple[Span | None, str | None, bool]:
    """The speaker's phrase, the channel, and whether the cue only relays the words, for a
    quotation whose tokens are ``inside``; ``outside`` is its sentence without it."""
    if cue is None:
        return None, channel_of(outside, cues), False
    phrase = speaker_of(cue, cues)
    if phrase is not None and _overlaps(phrase, quoted):
        # The subject holds a title in quotation marks ("Fox News' 'Sunday Morning Futures'
        # show"): a name opening the sentence stands in for it.
        phrase = sentence_opening_name(cue)
    channel = channel_of(attribution_text(cue, inside), cues) or channel_of(outside, cues)
    if is_relay(phrase, cue, cues):
        return phrase, channel or "media report", True
    if phrase is not None:
        # "The statement said": the statement is how; who issued it is named in the phrase
        # or spoke before.
        said_in, phrase = issuer(phrase, cues)
        if said_in is not None:
            return phrase, said_in, phrase is None
    return phrase, channel, False


def _frame(doc: Doc, span: Span) -> list[Token]:
    """The quotation's sentences, with the sentence before when it ends in a colon and the
    one after when it starts in lower case (a parser's split of '"…!" he said.')."""
    first, last = sentence_of(span[0]), sentence_of(span[-1])
    start, end = first.start, last.end
    if span.start <= first.start + 1 and start > 0:
        before = doc[start - 1]
        while before.is_space and before.i > 0:
            before = doc[before.i - 1]
        if before.text == ":" and "\n\n" not in doc_text(doc)[before.idx:span.start_char]:
            start = sentence_of(before).start
    if end < len(doc):
        following = doc[end]
        if following.is_lower and not following.is_space:
            end = sentence_of(following).end
    return [t for t in doc[start:end] if not t.is_space]


def _standalone(doc: Doc, mark: MarkSpan, cues: QuoteCues) -> bool:
    """The quotation opens a sentence or follows a colon, comma or reporting verb."""
    i = mark.open - 1
    text = doc_text(doc)
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in _STANDALONE_BEFORE:
        return True
    before = doc.char_span(i, i + 1, alignment_mode="expand")
    if before is None:
        return False
    token = before[0]
    if token.pos_ in ("VERB", "AUX") and cues.rank(token.lemma_) is not None:
        return True
    # "But “President Trump … is …”": only a connective before it in its sentence.
    lead = [t for t in doc[sentence_of(token).start:token.i + 1] if not t.is_punct and not t.is_space]
    return len(lead) <= 2 and all(t.pos_ in ("CCONJ", "ADV", "INTJ") for t in lead)


def _is_quotation(doc: Doc, mark: MarkSpan, content: Span, words: int, standalone: bool,
                  cue: Token | None, governed: bool, headline: bool, cues: QuoteCues) -> bool:
    """Not a title, a name, a heading or a scare quote."""
    if words == 0:
        return False
    speech = headline or (cue is not None and governed and not cues.reports_thought(cue.lemma_))
    if _named(doc_text(doc), mark.open, cues):
        return False  # "the so-called 'deal'"
    if _title_case(content) and (not speech or _capitalised_words(content) >= 2):
        return False  # "the 'British Indian Ocean Territory'", "the book, 'Siyasi Jaj,' …"
    if not headline and _runs_into_text(doc_text(doc), mark, content):
        return False  # a heading flattened into the text: "… women.' Khoshbo believes …"
    if _names_the_noun_after(doc, content):
        return False  # ABC News' "This Week" program
    if words > SHORT_FRAGMENT_WORDS:
        return True
    if standalone:
        # '"No," he said.' yes; '"Sunday Morning Futures" show' no.
        return speech or (cue is not None and _near(content, cue) and not _title_case(content))
    return words >= 2 and speech


def _title_case(content: Span) -> bool:
    """Every word capitalised but the small ones ("The Long Road Home", "I am Malala: The
    Story of the Girl Who Stood Up for Education."); a word or two ending a sentence ("No.")
    can be speech."""
    alpha = [t for t in content if t.is_alpha]
    if not alpha or not all(t.text[0].isupper() or t.is_stop for t in alpha):
        return False
    ends_sentence = content.text.rstrip().endswith((".", "!", "?", ","))
    return len(alpha) > 2 or not ends_sentence


def _names_the_noun_after(doc: Doc, content: Span) -> bool:
    """The quoted words modify the noun right after the closing mark ('"This Week" program')."""
    after = content.end
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
        after += 1
    if after >= len(doc) or after - content.end > 2 or doc[after].pos_ not in ("NOUN", "PROPN"):
        return False
    root = content.root
    return root.head.i == after and root.dep_ in ("compound", "nmod", "amod")


def _capitalised_words(content: Span) -> int:
    return sum(1 for t in content if t.is_alpha and not t.is_stop and t.text[0].isupper())


def _runs_into_text(text: str, mark: MarkSpan, content: Span) -> bool:
    """A quotation closed with no punctuation inside it and followed straight by a capitalised
    word opening a new sentence: a heading or title, not speech."""
    if mark.close is None or text[:mark.close].rstrip()[-1:] in ".,!?;:…—-)]":
        return False
    after = text[mark.close + 1:mark.close + 3].lstrip(" ")
    return after[:1].isupper()


def _near(content: Span, cue: Token) -> bool:
    """The cue is within a few words of the quotation ('"Never," he said')."""
    gap = cue.i - content.end if cue.i >= content.end else content.start - cue.i
    return gap <= 5


def _named(text: str, at: int, cues: QuoteCues) -> bool:
    """The words just before a quotation name it ("the so-called 'deal'")."""
    before = text[max(0, at - 30):at].lower().rstrip()
    return any(before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum())
               for word in cues.naming)


def _mixed_bounds(doc: Doc, mark: MarkSpan, inside: set[int], cue: Token | None) -> tuple[int, int]:
    """A mixed quote's text: the reported clause under ``cue`` that holds the fragment, with the
    fragment's marks; the fragment alone when no cue governs it."""
    start, end = mark.open, (mark.close + 1 if mark.close is not None else mark.end)
    if cue is None:
        return mark.start, mark.end
    child = _child_towards(cue, min(inside))
    if child is None:
        return mark.start, mark.end
    tokens = [t for t in child.subtree]
    while tokens and (tokens[0].lower_ in _MARKERS or tokens[0].is_punct and tokens[0].i not in inside):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].i not in inside:
        tokens.pop()
    if not tokens:
        return mark.start, mark.end
    return min(start, tokens[0].idx), max(end, _end_char(tokens[-1]))


def _child_towards(cue: Token, target: int) -> Token | None:
    """The child of ``cue`` whose subtree holds token ``target``."""
    token = cue.doc[target]
    while token.head.i != token.i:
        if token.head.i == cue.i:
            return token
        token = token.head
    return None


def _named_subject(span: Span) -> Span | None:
    """The subject of the sentence a quoted fragment sits in with no reporting verb, when it is
    a name ("Sahaar sees the ban as part of a crackdown on 'women, the press and …'")."""
    root = sentence_of(span[0]).root
    if span.start <= root.i < span.end:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i >= span.start:
        return None
    phrase = noun_phrase(subject)
    return phrase if phrase.label_ in ("PERSON", "ORG", "GPE", "NORP") else None


def _headline_speaker(doc: Doc, paragraph: tuple[int, int] | None, mark: MarkSpan) -> Span | None:
    """Headline style attribution: "… 'will not waver' — Scholz" or "Scholz: 'It will not
    waver'"."""
    if paragraph is None:
        return None
    start, end = paragraph
    text = doc_text(doc)[start:end]
    if len(text) > 250 or text.rstrip().endswith("."):
        return None
    close = (mark.close if mark.close is not None else mark.end) - start
    match = _DASH_SPEAKER.search(text)
    if match and match.start() > close:
        return doc.char_span(start + match.start(1), start + match.end(1), alignment_mode="expand")
    match = _COLON_SPEAKER.match(text)
    if match and mark.open - start >= match.end() - 1:
        return doc.char_span(start + match.start(1), start + match.end(1), alignment_mode="expand")
    return None


def _inherit_backward(found: list[_Found], item: _Found, body: str) -> None:
    """A quotation with no attribution of its own takes the speaker of the quotation before it
    when nothing lies between the two; relayed words go to who spoke before."""
    quote = item.quote
    if item.relay:
        earlier = _earlier_speaker(found, item)
        if earlier is not None:
            item.quote = replace(quote, speaker=earlier)
        return
    previous = found[-1] if found else None
    if item.attributed or quote.kind != "direct" or quote.speaker is not None \
            or previous is None or previous.quote.speaker is None:
        return
    if _adjacent(previous, item, body):
        item.quote = replace(quote, speaker=previous.quote.speaker,
                             channel=quote.channel or previous.quote.channel)


def _inherit_speakers(found: list[_Found], body: str) -> None:
    """Pieces of one quotation over several paragraphs share their speaker; a quotation still
    with no speaker takes the one of the quotation right after it when nothing lies between
    ('"…" "…," he said.')."""
    chains: dict[int, Speaker] = {}
    for item in found:
        if item.mark is not None and item.mark.chain is not None and item.quote.speaker is not None:
            chains.setdefault(item.mark.chain, item.quote.speaker)
    for item in found:
        if item.mark is not None and item.mark.chain in chains and not item.attributed:
            item.quote = replace(item.quote, speaker=chains[item.mark.chain])
    for item, following in zip(reversed(found[:-1]), reversed(found[1:])):
        if item.quote.speaker is None and not item.attributed and item.quote.kind == "direct" \
                and following.quote.speaker is not None and _adjacent(item, following, body):
            item.quote = replace(item.quote, speaker=following.quote.speaker)


def _earlier_speaker(found: list[_Found], item: _Found) -> Speaker | None:
    for other in reversed(found):
        if item.paragraph - other.paragraph > RELAY_LOOKBACK_PARAGRAPHS:
            return None
        if other.quote.speaker is not None and not other.relay:
            return other.quote.speaker
    return None


def _adjacent(previous: _Found, item: _Found, body: str) -> bool:
    """Nothing but space lies between the two quotations' sentences."""
    return previous.frame_end >= item.frame_start \
        or not body[previous.frame_end:item.frame_start].strip()


def _overlaps(span: Span, regions: list[tuple[int, int]]) -> bool:
    return any(span.start_char < e and s < span.end_char for s, e in regions)


def _paragraph_of(paragraphs: list[tuple[int, int]], at: int) -> int:
    for i, (start, end) in enumerate(paragraphs):
        if start <= at <= end:
            return i
    return -1


def _cue_text(cue: Token | None, cues: QuoteCues) -> str | None:
    if cue is None:
        return None
    if according_object(cue, cues) is not None:
        return next(p for p in cues.according if p.split()[0] == cue.lower_)
    return cue.lemma_.lower()


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)


# --- indirect quotes ----------------------------------------------------------------------

def _indirect_quotes(doc: Doc, cues: QuoteCues, regions: list[tuple[int, int]],
                     quotes: list[Quote], quoted: list[tuple[int, int]],
                     earlier: list[tuple[int, Speaker]]) -> list[Quote]:
    """Content clauses of speech and cognition verbs, and clauses under "according to X",
    outside every quotation."""
    taken = regions + [(q.start, q.end) for q in quotes]

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    in_region = _inside(regions)
    found: list[Quote] = []
    for token in doc:
        if in_region(token.idx):
            continue
        clause_tokens, phrase = _reported_clause(token, cues)
        clause_tokens = _without_quotations(clause_tokens, taken, cues)
        clause = _clause_bounds(clause_tokens) if clause_tokens else None
        if clause is None:
            continue
        start, end = clause
        if overlaps(start, end):
            continue
        speaker, said_in = None, None
        if phrase is not None:
            said_in, named = issuer(phrase, cues)
            phrase = named or phrase
            speaker = resolve_speaker(doc, phrase, cues, quoted, earlier)
        content = {t.i for t in clause_tokens}
        quote = Quote(kind="indirect", start=start, end=end, speaker=speaker,
                      cue=_cue_text(token, cues),
                      channel=said_in or channel_of(attribution_text(token, content), cues))
        found.append(quote)
        taken.append((start, end))
    return found


def _inside(regions: list[tuple[int, int]]):
    """A test of whether an offset lies in one of ``regions`` (half-open), by bisection.

    >>> _inside([(10, 20), (15, 30), (40, 41)])(29), _inside([(10, 20)])(20)
    (True, False)
    """
    merged: list[list[int]] = []
    for start, end in sorted(r for r in regions if r[0] < r[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _ in merged]

    def test(offset: int) -> bool:
        at = bisect_right(starts, offset) - 1
        return at >= 0 and offset < merged[at][1]
    return test


def _without_quotations(tokens: list[Token], taken: list[tuple[int, int]],
                        cues: QuoteCues) -> list[Token]:
    """The clause without the reporting phrase at its end that carries a quotation found
    already ("she can't figure out why it was banned, saying 'it did not address …'"); empty
    when a quotation is otherwise part of the clause (it is then a mixed quote)."""
    inside = {t.i for t in tokens}
    drop: set[int] = set()
    for token in tokens:
        if token.i in drop or not any(s <= token.idx < e for s, e in taken):
            continue
        cue = token.head
        while cue.i in inside and cue.head.i != cue.i and not (
                cue.pos_ == "VERB" and cues.reports_speech(cue.lemma_)):
            cue = cue.head
        if cue.i not in inside or not cues.reports_speech(cue.lemma_):
            return []
        drop |= {t.i for t in cue.subtree}
    kept = [t for t in tokens if t.i not in drop]
    if drop and kept and kept[-1].i > min(drop):
        return []
    return kept


def _reported_clause(token: Token, cues: QuoteCues) -> tuple[list[Token], Span | None]:
    """The tokens of the clause ``token`` reports (empty when it reports none), and the
    speaker's phrase."""
    obj = according_object(token, cues)
    if obj is not None:
        head = token.head if token.dep_ == "prep" else None
        if head is None or head.pos_ not in ("VERB", "AUX"):
            return [], None
        skip = {t.i for t in token.subtree}
        return [t for t in head.subtree if t.i not in skip], noun_phrase(obj)
    if token.pos_ != "VERB" or token.lemma_.lower() == "be":
        return [], None
    if not (cues.reports_speech(token.lemma_) or cues.reports_thought(token.lemma_)):
        return [], None
    if any(c.dep_ in ("auxpass", "neg") for c in token.children):
        return [], None
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        tokens = list(clause.subtree)
    elif token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
        # "Such matters, he told VOA, should be decided through referendums."
        skip = {t.i for t in token.subtree}
        tokens = [t for t in token.head.subtree if t.i not in skip]
    else:
        return [], None
    if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return [], None
    return tokens, speaker_of(token, cues)


def _clause_bounds(tokens: list[Token]) -> tuple[int, int] | None:
    """(start, end) of a reported clause without its "that" and outer punctuation, or None
    when fewer than three words are left."""
    tokens = list(tokens)
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in _MARKERS):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if len([t for t in tokens if t.is_alpha]) < 3:
        return None
    return tokens[0].idx, _end_char(tokens[-1])
