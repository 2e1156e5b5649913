"""Choosing the headline among the header lines of a text capture."""

from __future__ import annotations

from newsgraph.extract.capture_headline import choose_title, headline, slug_title
from newsgraph.extract.capture_lines import read_lines


def test_headline_is_the_line_the_address_slug_is_named_after():
    lines = read_lines("World\nHarbour plans leak\nCouncil plans second harbour north of town")
    slug = ("council", "plans", "second", "harbour", "north")
    assert slug_title(lines, [0, 1, 2], slug) == 2
    assert slug_title(lines, [0, 1], slug) is None


def test_line_above_the_byline_is_the_headline_unless_a_standfirst_sits_between():
    lines = read_lines("Menu\nHarbour plans leak\nBy Jane Doe")
    assert choose_title(lines, [0, 1], byline_at=2, dated_near=set()) == 1
    standfirst = ("The council wants a second harbour north of the old town, documents seen "
                  "by this newspaper show")
    lines = read_lines(f"Harbour plans leak\n{standfirst}\nBy Jane Doe")
    assert choose_title(lines, [0, 1], byline_at=2, dated_near=set()) == 0


def test_breadcrumb_trail_before_the_headline_is_cut():
    assert headline("Home » News » Harbour plans leak") == "Harbour plans leak"
    assert headline("Harbour plans leak") == "Harbour plans leak"
