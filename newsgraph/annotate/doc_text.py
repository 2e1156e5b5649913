"""The text of a Doc, computed once per Doc.

spaCy rebuilds ``Doc.text`` from every token on each access, so an annotator that reads it
per quotation pays for the whole body each time. The first call stores the text in the Doc's
own ``user_data``; the tokens never change their characters, so the stored text stays right.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsgraph.doc_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once and kept in ``doc.user_data``.

    >>> import spacy
    >>> doc = spacy.blank("en")("Xi met Kim.")
    >>> doc_text(doc) == doc.text
    True
    """
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return text
