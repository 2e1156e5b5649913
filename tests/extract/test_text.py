"""Text captures: the hand-written captures in ``captures/`` and the rules they exercise."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph.extract import ExtractOptions, extract
from newsgraph.extract.text import extract_text
from newsgraph.model import RawDocument

CAPTURES = Path(__file__).parent / "captures"
CASES = sorted(p for p in CAPTURES.iterdir()
               if p.suffix in (".txt", ".md") and p.with_suffix(".expected.json").exists())
EXACT_FIELDS = ("title", "sections", "authors", "agencies", "editors", "published", "url",
                "site", "language", "subheadings")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def read_case(path: Path) -> tuple[dict, dict]:
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    content_type = "text/markdown" if path.suffix == ".md" else "text/plain"
    raw = RawDocument(source=path.name, data=path.read_bytes(), content_type=content_type,
                      url=expected["given"].get("url"))
    return extract(raw).to_dict(), expected["article"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_capture_fields(path):
    article, expected = read_case(path)
    wrong = {key: (article[key], expected[key]) for key in EXACT_FIELDS
             if key in expected and article[key] != expected[key]}
    assert not wrong, f"(got, expected): {wrong}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_capture_body(path):
    article, expected = read_case(path)
    body = article["body"]
    assert norm(body).startswith(norm(expected["body_starts_with"])), body[:200]
    assert norm(body).endswith(norm(expected["body_ends_with"])), body[-200:]
    present = [s for s in expected["body_must_not_contain"] if s in body]
    assert not present, f"body contains {present}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_capture_images(path):
    article, expected = read_case(path)
    assert len(article["images"]) == len(expected["images"]), article["images"]
    for want in expected["images"]:
        hits = [i for i in article["images"]
                if i["caption"] == want["caption"] and i["credit"] == want["credit"]]
        assert hits, f"no image {want} in {article['images']}"
        if "description_starts_with" in want:
            assert norm(hits[0]["description"]).startswith(want["description_starts_with"])


def _extract(text: str, **raw) -> dict:
    document = RawDocument(source="capture.txt", text=text, **raw)
    return extract_text(text, document, encoding=None, options=ExtractOptions()).to_dict()


LEAD = ("The talks ended on Monday without an agreement, officials said after the meeting. "
        "Neither side would say which of the open questions had blocked a deal.")
PARAGRAPH = ("Both delegations said they would meet again next month to discuss the open "
             "points. A spokesperson for the host country said it was ready to help.")


def test_teaser_after_picture_is_left_out_but_subheading_is_kept():
    text = (f"Talks end without a deal\n\n{LEAD}\n\nDelegates leave the hall\n"
            "Delegates left the hall after the talksImage: Jane Doe/Example Pictures\n\n"
            "Leaders meet in Geneva\n\nWhat comes next?\n\n" + PARAGRAPH)
    article = _extract(text)
    assert article["subheadings"] == ["What comes next?"]
    assert "Leaders meet in Geneva" not in article["body"]
    assert article["images"][0]["credit"] == "Jane Doe/Example Pictures"
    assert article["images"][0]["description"] == "Delegates leave the hall"


def test_bare_proxy_link_becomes_the_article_url_and_its_date():
    text = (f"https://proxy.example:443/https/www.example.com/world/2024/05/06/talks.html\n\n"
            f"Talks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}")
    article = _extract(text)
    assert article["url"] == "https://www.example.com/world/2024/05/06/talks.html"
    assert article["published"] == "2024-05-06"
    assert "proxy.example" not in article["body"]


def test_given_url_and_date_win_over_the_capture():
    text = f"Talks end without a deal\n\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}"
    article = _extract(text, url="https://www.dw.com/en/a-1", published="2024-05-07")
    assert (article["url"], article["site"], article["published"]) == (
        "https://www.dw.com/en/a-1", "DW", "2024-05-07")


def test_author_bio_and_editor_line_stay_out_of_the_body():
    text = (f"Talks end without a deal\n\nJane Doe AFP\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}\n\n"
            "Edited by: Max Roe\n\nJane Doe Reporter covering diplomacy and trade.@JaneDoe")
    article = _extract(text)
    assert article["authors"] == ["Jane Doe"] and article["agencies"] == ["AFP"]
    assert article["editors"] == ["Max Roe"]
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_two_title_case_words_alone_are_a_headline_not_a_byline():
    text = f"Leadership Styles\n\n{LEAD}\n\n{PARAGRAPH}"
    article = _extract(text)
    assert article["title"] == "Leadership Styles"
    assert article["authors"] == []


def test_short_note_without_paragraphs_keeps_its_text():
    article = extract(RawDocument(source="x.txt", text="Title\n\nFirst paragraph of text here."))
    assert article.title == "Title"
    assert article.body == "First paragraph of text here."


def test_lists_and_short_sentences_inside_the_article_are_kept():
    # A list costs the article less than the text that follows it brings.
    closing = ("Mix the flour, salt and yeast, add 350 ml of warm water and knead the dough for "
               "ten minutes. Leave it to rise for an hour, shape the loaf and bake it for forty "
               "minutes at 230 degrees until the crust is dark and sounds hollow.")
    text = (f"Recipe for bread\n\n{LEAD}\n\n{PARAGRAPH}\n\nYou need:\n500 g flour\n10 g salt\n"
            f"7 g yeast\n\nEasy.\n\n{closing}")
    body = _extract(text)["body"]
    for kept in ("You need:", "500 g flour", "7 g yeast", "Easy."):
        assert kept in body


def test_byline_split_over_two_lines_is_read():
    text = f"Talks end without a deal\n\nBy\nJane Doe\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}"
    article = _extract(text)
    assert article["authors"] == ["Jane Doe"]
    assert article["published"] == "2024-05-06"
    assert article["title"] == "Talks end without a deal"


def test_breadcrumb_is_read_above_the_headline_only():
    text = (f"YouTube\nNews\nWorld\nSport\nWeather\n\nWorldAsia\n\nTalks end without a deal\n\n"
            f"{LEAD}\n\n{PARAGRAPH}")
    assert _extract(text)["sections"] == ["World", "Asia"]
    far = f"YouTube\nNews\nWorld\nSport\nWeather\nTalks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}"
    assert _extract(far)["sections"] == []
