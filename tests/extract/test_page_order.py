"""The body's paragraphs put back in the page's order, and only when the page can tell."""

from __future__ import annotations

import doctest

from lxml import etree

from newsgraph.extract import page_order
from newsgraph.extract.page_order import in_page_order

PAGE = etree.fromstring(
    "<html><head><title>The vote passed.</title></head><body><p>Follow the debate live.</p>"
    "<article><p>The vote <b>passed</b>.</p></article><article><p>The session opened.</p>"
    "</article><script>var x = 'The session opened.';</script></body></html>")


def test_paragraphs_moved_by_the_extractor_go_back_to_their_place():
    moved = ["The vote passed.", "Follow the debate live.", "The session opened."]
    assert in_page_order(moved, PAGE) == ["Follow the debate live.", "The vote passed.",
                                          "The session opened."]


def test_a_paragraph_missing_from_the_page_leaves_the_order_as_given():
    paragraphs = ["The session opened.", "A sentence the extractor rewrote."]
    assert in_page_order(paragraphs, PAGE) == paragraphs


def test_a_paragraph_found_twice_leaves_the_order_as_given():
    page = etree.fromstring("<html><body><p>Related</p><p>Kim met Xi.</p><p>Related</p>"
                            "</body></html>")
    assert in_page_order(["Kim met Xi.", "Related"], page) == ["Kim met Xi.", "Related"]


def test_docstring_examples_hold():
    result = doctest.testmod(page_order)
    assert result.attempted > 0 and result.failed == 0
