"""The one place newsgraph's annotators are registered, as spaCy components, in order.

Each annotator is a function ``Doc -> Doc`` in its own module that computes first and then
writes its results to a Doc extension. ``register()`` declares the extensions and the
components (what each requires and assigns, so the order can be checked); importing a module
registers nothing. ``ANNOTATORS`` is the order they run in over an article's Doc.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import __version__

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


@dataclass(frozen=True)
class Annotator:
    """One annotator: ``module.function(doc)`` fills ``assigns``; ``extension`` (if set) is
    where the function's returned list goes, for annotators that return a list."""

    name: str
    module: str
    function: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    extension: str | None = None
    uses_published: bool = False

    def __call__(self, doc: Doc) -> Doc:
        func = getattr(importlib.import_module(self.module), self.function)
        if self.extension is None:
            return func(doc)
        result = func(doc, doc._.published) if self.uses_published else func(doc)
        setattr(doc._, self.extension, result)
        return doc

    @property
    def version(self) -> str:
        return getattr(importlib.import_module(self.module), "VERSION", __version__)


ANNOTATORS = (
    Annotator("newsgraph_actors", "newsgraph.annotate.actors", "annotate_actors",
              ("doc.ents", "token.dep"), ("doc._.ng_actors", "doc._.ng_mentions")),
    Annotator("newsgraph_dates", "newsgraph.annotate.dates", "find_dates",
              ("doc.ents",), ("doc._.ng_dates",), extension="ng_dates", uses_published=True),
    Annotator("newsgraph_places", "newsgraph.annotate.places", "find_places",
              ("doc.ents",), ("doc._.ng_places",), extension="ng_places"),
    Annotator("newsgraph_quotes", "newsgraph.annotate.quotes", "find_quotes",
              ("token.dep", "doc.ents", "doc._.ng_mentions"), ("doc._.ng_quotes",),
              extension="ng_quotes"),
    Annotator("newsgraph_events", "newsgraph.annotate.events", "find_events",
              ("doc._.ng_actors", "doc._.ng_mentions", "doc._.ng_dates", "doc._.ng_places",
               "doc._.ng_quotes"), ("doc._.ng_events",), extension="ng_events"),
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
    for annotator in ANNOTATORS:
        if annotator.name not in Language.factories:
            Language.component(annotator.name, func=annotator,
                               requires=list(annotator.requires),
                               assigns=list(annotator.assigns))
    _registered = True


def check_order() -> None:
    """Raise if an annotator requires a newsgraph extension that no earlier one assigns."""
    assigned: set[str] = set()
    for annotator in ANNOTATORS:
        missing = [r for r in annotator.requires
                   if r.startswith("doc._.") and r not in assigned]
        if missing:
            raise AssertionError(f"{annotator.name} runs before what it needs: {missing}")
        assigned.update(annotator.assigns)
