"""The DW fixture's ``actors`` and ``mentions`` sections, checked with the matching rules of
../shared/fixtures/README.md (the same rules as ``check-fixture --section actors``), on the
actor annotator alone: extraction, parsing, ``annotate_actors``."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from newsgraph.annotate.actors import annotate_actors

FIXTURE = "fixtures/dw-xi-kim-2025-09-04"


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _norm(text).lower())


def _name_matches(gold: str, actor: dict) -> bool:
    if gold.isupper() and len(gold) == 3:
        return actor.get("country") == gold or actor.get("sector") == gold
    have = set(_tokens(actor.get("name", "")))
    for alias in actor.get("aliases") or []:
        have |= set(_tokens(alias))
    wanted = _tokens(gold)
    return bool(wanted) and set(wanted) <= have


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
    descriptions = [image.description for image in article.images if image.description]
    annotate_actors(doc, descriptions)
    out = {"body": article.body,
           "actors": [a.to_dict() for a in doc._.ng_actors],
           "mentions": [m.to_dict(article.body) for m in doc._.ng_mentions]}
    expected = json.loads((shared / f"{FIXTURE}.expected.json").read_text(encoding="utf-8"))
    return out, expected


def test_fixture_actors_have_their_country_and_sector(analysed):
    out, expected = analysed
    failures = []
    for gold in expected["actors"]:
        hits = [a for a in out["actors"] if _name_matches(gold["name"], a)]
        if not any(a["country"] == gold["country"] and (a["sector"] or "").startswith(gold["sector"])
                   for a in hits):
            failures.append((gold["name"], [(a["name"], a["country"], a["sector"]) for a in hits]))
    assert not failures, failures


def test_fixture_mentions_link_to_their_actor(analysed):
    out, expected = analysed
    by_id = {a["id"]: a for a in out["actors"]}
    failures = []
    for gold in expected["mentions"]:
        ok = False
        for mention in out["mentions"]:
            if _norm(gold["text"]) not in _norm(mention["text"]):
                continue
            actor = by_id.get(mention["actor_id"], {})
            if "refers_to" in gold and _name_matches(gold["refers_to"], actor):
                ok = True
            if "refers_to_country" in gold and actor.get("country") == gold["refers_to_country"]:
                ok = True
        if not ok:
            failures.append(gold)
    assert not failures, failures


def test_fixture_person_mentions_stay_on_the_person(analysed):
    """Every "Kim" and every "Xi" of the body is one actor: the surname rule, checked whole."""
    out, _ = analysed
    by_id = {a["id"]: a for a in out["actors"]}
    for surname, full in (("Kim", "Kim Jong Un"), ("Xi", "Xi Jinping"), ("Putin", "Vladimir Putin")):
        names = {by_id[m["actor_id"]]["name"] for m in out["mentions"] if m["text"] == surname}
        assert names == {full}, (surname, names)
