"""The model's attribute ruler and lemmatizer in one component, with results remembered.

The English model's ``attribute_ruler`` (tag -> POS and morphology, a few lemma and POS
exceptions) and rule ``lemmatizer`` do pure-Python work for every token of every document,
though a token's result depends only on its text, tag and dependency label, plus, for the
ruler's few two-token patterns, its neighbour. ``AttributesAndLemmas`` gives the same result:
it runs the ruler's own two-token patterns over the whole Doc; every other token is looked up
by (text, tag, dependency) in a cache filled, on a miss, by the ruler's own single-token
patterns and the lemmatizer's own ``lemmatize``. The rules are never restated here, so the
result is the model's by construction (``tests/annotate/test_nlp.py`` checks it token by
token).

A new process starts with an empty cache, so misses are most of a short run's cost; two
things make them cheap without touching a rule: the single-token patterns run once per Doc
over copies of the missing tokens (not once per token), and the lemmatizer looks candidate
forms up in sets instead of its index's lists.

``install(nlp)`` puts the component where the two were and disables them.
"""

from __future__ import annotations

import copy

from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline.attributeruler import set_token_attrs
from spacy.tokens import Doc, Token

NAME = "newsgraph_attributes_and_lemmas"
REPLACES = ("attribute_ruler", "lemmatizer")
# A bound on the cache: distinct (text, tag, dependency) keys grow slowly, but a process that
# reads millions of documents must not grow without end.
MAX_CACHED = 500_000


class AttributesAndLemmas:
    """``attribute_ruler`` then ``lemmatizer``, remembered per (text, tag, dependency)."""

    def __init__(self, ruler, lemmatizer) -> None:
        self.ruler = ruler
        self.lemmatizer = _with_set_index(lemmatizer)
        vocab = ruler.vocab
        self.single = Matcher(vocab)
        self.pairs = Matcher(vocab)
        self.has_pairs = False
        for attr_id in range(len(ruler.attrs)):
            key = vocab.strings[str(attr_id)]
            _, patterns = ruler.matcher.get(key)
            single = [p for p in patterns if len(p) == 1]
            longer = [p for p in patterns if len(p) != 1]
            if single:
                self.single.add(key, single)
            if longer:
                self.pairs.add(key, longer)
                self.has_pairs = True
        self.cache: dict[tuple[int, int, int], tuple[int, int, int, int, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set POS, morphology, lemma (and the ruler's tag and dependency fixes) on every token."""
        targeted = self._pair_targets(doc) if self.has_pairs else {}
        cache = self.cache
        if len(cache) > MAX_CACHED:
            cache.clear()
        # Tokens whose key is not cached yet, by key, in text order: the first of each is
        # computed below, the others copy it.
        missing: dict[tuple[int, int, int], list[Token]] = {}
        for token in doc:
            key = (token.orth, token.tag, token.dep)
            if token.pos == 0 and token.lemma == 0 and token.i not in targeted:
                known = cache.get(key)
                if known is not None:
                    _set(token, key, known)
                elif key in missing:
                    missing[key].append(token)
                else:
                    missing[key] = [token]
            else:
                self._apply(token, self._single_ids(doc[token.i:token.i + 1]),
                            targeted.get(token.i, []))
        if missing:
            firsts = [tokens[0] for tokens in missing.values()]
            for (key, tokens), ids in zip(missing.items(), self._single_ids_of(firsts)):
                first = tokens[0]
                self._apply(first, ids, [])
                known = (first.tag, first.pos, first.morph.key, first.lemma, first.dep)
                cache[key] = known
                for token in tokens[1:]:
                    _set(token, key, known)
        return doc

    def _single_ids(self, span) -> list[int]:
        """The ids of the ruler's single-token rules that match ``span``."""
        strings = span.vocab.strings
        return [int(strings[m]) for m, _, _ in self.single(span, allow_missing=True,
                                                          as_spans=False)]

    def _single_ids_of(self, tokens: list[Token]) -> list[list[int]]:
        """``_single_ids`` of each token, from one run of the matcher.

        A single-token rule reads only its token's text, tag and dependency label, so the
        tokens are matched together in a Doc of copies of them: one matcher call per Doc
        instead of one per token.
        """
        copies = Doc(self.ruler.vocab, words=[t.text for t in tokens])
        for duplicate, token in zip(copies, tokens):
            duplicate.tag = token.tag
            duplicate.dep = token.dep
        strings = copies.vocab.strings
        found: list[list[int]] = [[] for _ in tokens]
        for match_id, start, end in self.single(copies, allow_missing=True, as_spans=False):
            if end != start + 1:
                raise ValueError("a single-token attribute rule matched several tokens")
            found[start].append(int(strings[match_id]))
        return found

    def _pair_targets(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> the ids of the two-token rules that set it."""
        strings = doc.vocab.strings
        targeted: dict[int, list[int]] = {}
        for match_id, start, end in self.pairs(doc, allow_missing=True, as_spans=False):
            attr_id = int(strings[match_id])
            index = self.ruler.indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                raise ValueError(f"attribute rule {attr_id} targets a token outside its match")
            targeted.setdefault(at, []).append(attr_id)
        return targeted

    def _apply(self, token: Token, single_ids: list[int], pair_ids: list[int]) -> None:
        """The ruler's matching rules in their order of precedence, then the lemmatizer, on
        one token."""
        for attr_id in sorted(single_ids + pair_ids):
            set_token_attrs(token, self.ruler.attrs[attr_id])
        lemmatizer = self.lemmatizer
        if lemmatizer.overwrite or token.lemma == 0:
            token.lemma_ = lemmatizer.lemmatize(token)[0]


def _set(token: Token, key: tuple[int, int, int], known: tuple[int, int, int, int, int]) -> None:
    """Give ``token`` (whose (text, tag, dependency) is ``key``) the cached result ``known``."""
    tag, pos, morph, lemma, dep = known
    if tag != key[1]:
        token.tag = tag
    if dep != key[2]:
        token.dep = dep
    token.pos = pos
    if morph:
        token.set_morph(morph)
    token.lemma = lemma


def _with_set_index(lemmatizer):
    """A copy of ``lemmatizer`` whose word index holds sets instead of lists.

    The rule lemmatizer asks only whether a candidate form is in the index of its part of
    speech (``form in index``), which scans a list of thousands of words on every token it
    has not seen; a set answers the same question at once. The model's own component, its
    tables and its cache are left untouched.
    """
    if not lemmatizer.lookups.has_table("lemma_index"):
        return lemmatizer
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        lookups.set_table(name, lemmatizer.lookups.get_table(name))
    index = Table(name="lemma_index")
    for pos, words in lemmatizer.lookups.get_table("lemma_index").items():
        index[pos] = frozenset(words) if isinstance(words, list) else words
    lookups.set_table("lemma_index", index)
    fast = copy.copy(lemmatizer)
    fast.lookups = lookups
    fast.cache = {}
    fast.lemmatize = getattr(fast, f"{fast.mode}_lemmatize")
    return fast


def install(nlp: Language) -> Language:
    """Replace the model's attribute ruler and lemmatizer by ``AttributesAndLemmas``.

    A model without both components (or with the lemmatizer not in rule mode, whose results
    depend on more than the token) is left as it is.
    """
    if NAME in nlp.pipe_names or any(name not in nlp.pipe_names for name in REPLACES):
        return nlp
    names = nlp.pipe_names
    if nlp.get_pipe("lemmatizer").mode != "rule" \
            or names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return nlp
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_make)
    nlp.add_pipe(NAME, after="lemmatizer")
    for name in REPLACES:
        nlp.disable_pipe(name)
    return nlp


def _make(nlp: Language, name: str) -> AttributesAndLemmas:
    return AttributesAndLemmas(*(nlp.get_pipe(replaced) for replaced in REPLACES))
