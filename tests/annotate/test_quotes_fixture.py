"""The DW fixture's ``quotes`` section: all 8 quotes (6 direct, 2 indirect) with the right
speakers, checked with ``check_quotes`` from ../shared/tools/check-fixture (the rules of
``check-fixture --section quotes``) on extraction, parsing, the actor annotator and quotes."""

from __future__ import annotations

import json
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader

import pytest

from newsgraph.annotate.actors import annotate_actors
from newsgraph.annotate.quotes import find_quotes

FIXTURE = "fixtures/dw-xi-kim-2025-09-04"


def _check_fixture(shared):
    """The check-fixture tool as a module, so its matching rules are used unchanged."""
    loader = SourceFileLoader("check_fixture", str(shared / "tools" / "check-fixture"))
    module = module_from_spec(spec_from_loader("check_fixture", loader))
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def analysed(shared, nlp):
    from newsgraph.annotate.nlp import parse_body
    from newsgraph.extract import extract
    from newsgraph.kb import load_kb
    from newsgraph.model import RawDocument

    path = shared / f"{FIXTURE}.txt"
    article = extract(RawDocument(source=str(path), data=path.read_bytes(), content_type="text/plain"))
    doc = parse_body(article.body)
    doc._.published = article.published
    doc._.kb = load_kb()
    annotate_actors(doc, [image.description for image in article.images if image.description])
    quotes = find_quotes(doc)
    return {"body": article.body,
            "actors": [a.to_dict() for a in doc._.ng_actors],
            "quotes": [q.to_dict(article.body) for q in quotes]}


@pytest.mark.slow
@pytest.mark.gold
def test_fixture_quotes_all_found_with_their_speakers(shared, analysed):
    expected = json.loads((shared / f"{FIXTURE}.expected.json").read_text(encoding="utf-8"))
    fails = _check_fixture(shared).check_quotes(analysed, expected)
    found = [(q["kind"], q["text"][:50], (q["speaker"] or {}).get("name")) for q in analysed["quotes"]]
    assert not fails, "\n".join(fails) + "\nfound: " + "\n".join(map(str, found))


@pytest.mark.slow
@pytest.mark.gold
def test_fixture_relayed_words_keep_the_speaker_and_take_the_channel(analysed):
    relayed = next(q for q in analysed["quotes"] if "great importance" in q["text"])
    assert relayed["speaker"]["name"] == "Xi Jinping" and relayed["channel"] == "state media report", relayed


@pytest.mark.slow
@pytest.mark.gold
def test_fixture_channels_from_the_attribution(analysed):
    channels = {q["text"][:30]: q["channel"] for q in analysed["quotes"]}
    trump = next(q for q in analysed["quotes"] if "conspire against" in q["text"])
    putin = next(q for q in analysed["quotes"] if "no one has expressed" in q["text"])
    assert trump["channel"] == "social media post", channels
    assert putin["channel"] == "news conference", channels
