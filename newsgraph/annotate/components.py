"""The one place newsgraph's annotators are registered, as spaCy components, in order.

Each annotator is a function ``Doc -> Doc`` in its own module that computes first and then
writes its results to a Doc extension. ``register()`` declares the extensions and the
components (what each requires and assigns, so the order can be checked); importing a module
registers nothing. ``ANNOTATORS`` is the order they run in over an article's Doc.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Doc extensions: name -> what it holds.
EXTENSIONS = {
    "published": "the article's publication date (YYYY-MM-DD or ISO datetime) or None",
    "kb": "the KnowledgeBase used to resolve actors",
    "image_texts": "list[str]: image descriptions and captions, which name actors but are not body",
    "ng_actors": "list[model.Actor]: the article's actors",
    "ng_mentions": "list[model.Mention]: spans of the body linked to actors",
    "ng_dates": "list[model.DateExpression]: date expressions, resolved",
    "ng_places": "list[model.Location]: place names, resolved to countries",
    "ng_quotes": "list[model.Quote]: direct, indirect and mixed quotes with speakers",
    "ng_events": "list[model.Event]: PLOVER events",
}


def _actors(doc: Doc) -> Doc:
    from newsgraph.annotate.actors import annotate_actors

    return annotate_actors(doc)


def _dates(doc: Doc) -> Doc:
    from newsgraph.annotate.dates import find_dates

    doc._.ng_dates = find_dates(doc, doc._.published)
    return doc


def _places(doc: Doc) -> Doc:
    from newsgraph.annotate.places import find_places

    doc._.ng_places = find_places(doc)
    return doc


def _quotes(doc: Doc) -> Doc:
    from newsgraph.annotate.quotes import find_quotes

    doc._.ng_quotes = find_quotes(doc)
    return doc


# (component name, function, requires, assigns), in the order they run.
ANNOTATORS = (
    ("newsgraph_actors", _actors, ["doc.ents", "token.dep"], ["doc._.ng_actors", "doc._.ng_mentions"]),
    ("newsgraph_dates", _dates, ["doc.ents"], ["doc._.ng_dates"]),
    ("newsgraph_places", _places, ["doc.ents"], ["doc._.ng_places"]),
    ("newsgraph_quotes", _quotes, ["token.dep", "doc.ents", "doc._.ng_mentions"],
     ["doc._.ng_quotes"]),
)

_registered = False


def register() -> None:
    """Declare the Doc extensions and the components (idempotent)."""
    global _registered
    if _registered:
        return
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name, func, requires, assigns in ANNOTATORS:
        if name not in Language.factories:
            Language.component(name, func=func, requires=requires, assigns=assigns)
    _registered = True
