"""The DW fixture's events, must-nots and dates, checked with the fixture's own matching rules
(``../shared/tools/check-fixture``, loaded as a module so the rules are not copied here)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json

import pytest

from newsgraph.model import RawDocument

from tests.annotate.test_events_gold import annotate_text

FIXTURE = "dw-xi-kim-2025-09-04"


def load_checker(shared):
    path = shared / "tools" / "check-fixture"
    loader = importlib.machinery.SourceFileLoader("check_fixture", str(path))
    spec = importlib.util.spec_from_loader("check_fixture", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def analyzed(shared, nlp):
    from newsgraph.annotate.actors import actors_by_id
    from newsgraph.pipeline import to_article

    path = shared / "fixtures" / f"{FIXTURE}.txt"
    article = to_article(RawDocument(source=str(path), data=path.read_bytes()))
    doc = annotate_text(article.body, article.published)
    body = article.body
    return {
        "body": body,
        "actors": [a.to_dict() for a in actors_by_id(doc).values()],
        "events": [e.to_dict(body) for e in doc._.ng_events or []],
        "dates": [d.to_dict(body) for d in doc._.ng_dates or []],
    }


def test_fixture_events_must_nots_and_dates_all_hold(shared, analyzed):
    checker = load_checker(shared)
    expected = json.loads((shared / "fixtures" / f"{FIXTURE}.expected.json").read_text())
    fails = checker.check_events(analyzed, expected)
    assert fails == [], "\n".join(fails)


def test_fixture_negated_pact_is_kept_and_flagged(analyzed):
    pact = [e for e in analyzed["events"] if "three-way pact" in e["evidence"]["text"]]
    assert all(e["negated"] for e in pact)


def test_fixture_korean_war_background_is_not_dated_2025(analyzed):
    war = [e for e in analyzed["events"] if "Korean War" in e["evidence"]["text"]]
    assert not [e for e in war if (e["date"] or "").startswith("2025")]
