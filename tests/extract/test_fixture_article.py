"""The canonical DW capture: its whole ``article`` section, matched as check-fixture does."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from newsgraph.extract import extract
from newsgraph.model import RawDocument

pytestmark = pytest.mark.gold

FIXTURE = "dw-xi-kim-2025-09-04"
EXACT_FIELDS = ("title", "sections", "authors", "agencies", "published", "url", "site",
                "language", "editors", "subheadings")


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def case(shared):
    folder = shared / "fixtures"
    raw = RawDocument(source=f"{FIXTURE}.txt", data=(folder / f"{FIXTURE}.txt").read_bytes())
    expected = json.loads((folder / f"{FIXTURE}.expected.json").read_text("utf-8"))["article"]
    return extract(raw).to_dict(), expected


@pytest.mark.parametrize("key", EXACT_FIELDS)
def test_fixture_exact_field(case, key):
    article, expected = case
    got, want = article.get(key), expected[key]
    if key == "published" and isinstance(got, str):
        got = got[:10]
    if isinstance(want, list):
        assert [norm(x) for x in got or []] == [norm(x) for x in want]
    else:
        assert norm(got) == norm(want)


def test_fixture_body_starts_with_lead_and_ends_with_last_paragraph(case):
    article, expected = case
    assert norm(article["lead"]).startswith(norm(expected["lead_starts_with"]))
    assert norm(article["body"]).startswith(norm(expected["body_starts_with"]))
    assert norm(article["body"]).endswith(norm(expected["body_ends_with"]))


def test_fixture_body_leaves_out_boilerplate(case):
    article, expected = case
    present = [s for s in expected["body_must_not_contain"] if s in article["body"]]
    assert not present, f"body contains {present}"


def test_fixture_images_have_caption_credit_and_description(case):
    article, expected = case
    for want in expected["images"]:
        hits = [image for image in article["images"]
                if norm(image["caption"]) == norm(want["caption"])
                and norm(image["credit"]) == norm(want["credit"])]
        assert hits, f"no image {want['caption']!r} / {want['credit']!r} in {article['images']}"
        assert norm(hits[0]["description"]).startswith(norm(want["description_starts_with"]))
