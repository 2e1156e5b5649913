"""The pipeline newsgraph runs: body offsets kept, and its faster components changing nothing."""

from __future__ import annotations

import json

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from newsgraph.annotate.doc_text import doc_text
from newsgraph.annotate.fast_lemmas import NAME, REPLACES, AttributesAndLemmas
from newsgraph.annotate.nlp import MODEL, parse_body, split_chunks

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def test_split_chunks_concatenate_back_to_the_body():
    body = "One.\n\nTwo two.\n\n\nThree. " + "word " * 20_000
    chunks = split_chunks(body)
    assert "".join(chunks) == body
    assert len(chunks) >= 4


def test_doc_text_is_the_doc_text_and_is_kept_on_the_doc():
    doc = spacy.blank("en")("Xi met Kim in Beijing.  Then they left.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)


@pytest.mark.slow
def test_pipeline_replaces_attribute_ruler_and_lemmatizer(nlp):
    names = nlp.pipe_names
    assert NAME in names
    assert not set(REPLACES) & set(names), names
    assert set(REPLACES) <= set(nlp.disabled)
    assert names.index(NAME) < names.index("ner")


@pytest.mark.slow
def test_parse_body_keeps_offsets_and_paragraph_breaks(nlp):
    body = 'Xi met Kim on Thursday.\n\n"We will win," Putin said in Moscow.'
    doc = parse_body(body)
    assert doc.text == body == doc_text(doc)
    second = body.index('"')
    assert doc.char_span(second, second + 1)[0].is_sent_start
    said = next(t for t in doc if t.text == "said")
    assert (said.pos_, said.lemma_) == ("VERB", "say")


@pytest.mark.slow
def test_attributes_and_lemmas_equal_the_model_components_on_every_voa_story(shared):
    texts = [json.loads(line)["text"] for line in
             (shared / "data" / "voa" / "voa_stories.jsonl").open(encoding="utf-8")]
    model = spacy.load(MODEL, disable=[*REPLACES, "ner"])
    ruler, lemmatizer = (model.get_pipe(name) for name in REPLACES)
    fast = AttributesAndLemmas(ruler, lemmatizer)
    tokens = differing = 0
    example = None
    # Twice over, so the second pass runs from the cache the first one filled.
    for parsed in [*model.pipe(texts), *model.pipe(texts[:10])]:
        reference, ours = parsed.copy(), parsed.copy()
        lemmatizer(ruler(reference))
        fast(ours)
        expected, got = reference.to_array(ATTRS), ours.to_array(ATTRS)
        rows = numpy.flatnonzero((expected != got).any(axis=1))
        tokens += len(parsed)
        differing += len(rows)
        if len(rows) and example is None:
            token, mine = reference[int(rows[0])], ours[int(rows[0])]
            example = (token.text, token.pos_, token.lemma_, str(token.morph),
                       mine.pos_, mine.lemma_, str(mine.morph))
    assert tokens > 50_000, tokens
    assert differing == 0, f"{differing} of {tokens} tokens differ, first: {example}"


@pytest.mark.slow
def test_model_layers_multiply_through_numpy_blas(nlp):
    tok2vec = nlp.get_pipe("tok2vec").model
    assert {node.ops.use_blis for node in tok2vec.walk()} == {False}
    assert {node.ops.use_blis for node in nlp.get_pipe("ner").model.get_ref("tok2vec").walk()} \
        == {False}


@pytest.mark.slow
def test_parse_through_numpy_blas_equals_the_stock_model_on_voa_stories(nlp, shared):
    # The BLAS changes the order of float additions, never the model: every tag, head,
    # dependency and entity of thirty stories must come out as spaCy's own setup gives them.
    texts = [json.loads(line)["text"] for line in
             (shared / "data" / "voa" / "voa_stories.jsonl").open(encoding="utf-8")][:30]
    stock = spacy.load(MODEL, disable=list(REPLACES))
    assert {node.ops.use_blis for node in stock.get_pipe("tok2vec").model.walk()} == {True}
    attrs = ["TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE"]
    tokens = differing = 0
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts)):
        rows = numpy.flatnonzero((ours.to_array(attrs) != theirs.to_array(attrs)).any(axis=1))
        tokens += len(ours)
        differing += len(rows)
    assert tokens > 20_000, tokens
    assert differing == 0, f"{differing} of {tokens} tokens parse differently"


@pytest.mark.slow
def test_attributes_and_lemmas_leave_the_model_lemmatizer_as_it_was(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    fast = nlp.get_pipe(NAME).lemmatizer
    assert fast is not lemmatizer
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in index.values())
    assert all(isinstance(words, frozenset)
               for words in fast.lookups.get_table("lemma_index").values())
