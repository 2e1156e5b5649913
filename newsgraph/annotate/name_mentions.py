"""Proper names beyond the model's own entities, and names that are places, not actors.

- A capitalised word that repeats the first or last word of a person's full name found in the
  article ("Pandor" after "Naledi Pandor") is a mention of that person.
- A lone proper noun the model saw no name in that is the first or last name of the one
  knowledge-base person in office on the article's date is a mention ("Trump denied ...").
- A name the model took for a person or organisation that is where something happens ("in
  Uttar Pradesh", "the regional capital, Banja Luka") or a place qualifying a noun ("the Rafah
  offensive") is no actor.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from newsgraph.annotate.actor_lexicon import ActorLexicon
from newsgraph.annotate.roles import role_agent
from newsgraph.kb.names import name_key


def place_spans(doc: Doc) -> set[tuple[int, int]]:
    """Character spans of the places where things happen (places.py), with a known country."""
    from newsgraph.annotate.places import find_places

    return {(p.start, p.end) for p in find_places(doc) if p.country}


def place_modifier(span: Span, label: str, kb) -> bool:
    """A name the model took for a person or organisation that is a known place, modifying a
    noun that names no agent ("the Rafah offensive", "the Gaza ceasefire")."""
    from newsgraph.annotate.places import resolve_place

    root = span.root
    if label not in ("PERSON", "ORG") or root.dep_ != "compound" or root.head.i != span.end \
            or root.head.pos_ != "NOUN" or role_agent(root.head.lower_, kb) is not None:
        return False
    place = resolve_place(span.text, strict=True)
    return place is not None and place.country is not None


def name_parts(doc: Doc, people: list, taken: list[bool], kb) -> list:
    """Single words elsewhere in the doc that repeat the first or last word of a person's full
    name found in it ("Pandor" after "Naledi Pandor"), where the model missed them."""
    words = set()
    for start, end, _label, ids in people:
        names = [doc[start:end].text] + [e.name for e in (kb.by_id(i) for i in ids) if e]
        for name in names:
            parts = [p for p in name.replace("-", " ").split() if p[:1].isupper() and len(p) > 2]
            if len(parts) >= 2:
                words.update((parts[0], parts[-1]))
    found = []
    if not words:
        return found
    for token in tokens_with(doc, ORTH, words):
        if not taken[token.i] and (
                token.pos_ == "PROPN" or (token.is_title and not token.is_sent_start)):
            taken[token.i] = True
            found.append((token.i, token.i + 1, "PERSON", []))
    return found


def surnames_in_office(doc: Doc, taken: list[bool], kb, lex: ActorLexicon) -> list:
    """Lone proper nouns the model saw no name in that are the first or last name of the one
    KB person in office on the article's date ("Trump denied ...", "Rubio is expected ...")."""
    from newsgraph.annotate.resolve import day_of, person_by_surname

    date = day_of(doc._.published) if Doc.has_extension("published") else None
    found = []
    if date is None:
        return found  # no date, no one "in office": a lone "Marco" is nobody in particular
    for token in doc:
        if (taken[token.i] or token.ent_type_ or token.tag_ != "NNP" or not token.is_title
                or any(0 <= j < len(doc) and doc[j].tag_ == "NNP" for j in (token.i - 1, token.i + 1))
                or (token.dep_ == "compound" and token.head.lower_ not in lex.government_nouns)):
            continue
        entry = person_by_surname(kb, name_key(token.text), date)
        if entry is not None:
            taken[token.i] = True
            found.append((token.i, token.i + 1, "PERSON", []))  # linked: surname-in-office
    return found


def tokens_with(doc: Doc, attr: int, words) -> list:
    """The tokens whose ``attr`` (ORTH: the text, LOWER: its lower case) is one of ``words``,
    in order: found on the Doc's array of word ids, so the other tokens are never made into
    Python objects."""
    wanted = {get_string_id(w) for w in words}
    return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]
