"""The knowledge base's aliases as the model's tokenizer splits them, kept between processes.

The mentions gazetteer matches every alias of the knowledge base as a phrase of tokens.
Tokenizing the few thousand aliases is most of the cost of building it, and depends only on
the aliases and on the tokenizer (spaCy's version and the model's), so the result is kept in a
cache file (``derived_cache``) keyed by both; the gazetteer makes its phrase Docs from the
stored words and spaces exactly as the tokenizer would have.
"""

from __future__ import annotations

import hashlib

from newsgraph.annotate.derived_cache import cached


def alias_tokens(aliases: list[str], nlp) -> dict[str, tuple[list[str], list[bool]]]:
    """Each alias mapped to its tokens as ``nlp``'s tokenizer splits it: (words, spaces).

    >>> import spacy
    >>> alias_tokens(["Kim Jong Un", "U.S."], spacy.blank("en"))    # doctest: +SKIP
    {'Kim Jong Un': (['Kim', 'Jong', 'Un'], [True, True, False]), 'U.S.': (['U.S.'], [False])}
    """
    import spacy

    digest = hashlib.sha256("\n".join(aliases).encode("utf-8")).hexdigest()[:16]
    key = (f"spacy/{spacy.__version__} model/{nlp.lang}_{nlp.meta.get('name')}/"
           f"{nlp.meta.get('version')} aliases/{digest}")

    def build() -> dict[str, tuple[list[str], list[bool]]]:
        return {alias: ([t.text for t in doc], [bool(t.whitespace_) for t in doc])
                for alias, doc in zip(aliases, nlp.tokenizer.pipe(aliases))}

    return cached("mentions-alias-tokens", key, build,
                  lambda table: isinstance(table, dict) and all(a in table for a in aliases))
