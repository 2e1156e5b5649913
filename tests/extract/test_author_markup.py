"""Author markup beyond the shared selectors: labelled lines, metas, owners, URL slugs."""

from __future__ import annotations

import doctest

from lxml import html

from newsgraph.extract import author_markup
from newsgraph.extract.author_markup import (author_page_slugs, copyright_names,
                                             credited_first_of_each, handle_names,
                                             labelled_lines, name_in_url)


def page(body: str, head: str = "") -> html.HtmlElement:
    return html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_labelled_line_ends_at_a_line_break():
    tree = page("<div>Autor: <a href='/p/jd'>Jane Doe</a><br>Google+</div>")
    assert labelled_lines(tree) == ["Autor: Jane Doe"]


def test_labelled_line_needs_a_byline_label_and_a_colon():
    tree = page("<p>Source: AFP</p><p>Photo: Max Roe</p><p>By Jane Doe</p>"
                "<p>Yazar: Ayşe Kaya</p>")
    assert labelled_lines(tree) == ["Yazar: Ayşe Kaya"]


def test_labelled_lines_in_comments_are_left_out():
    tree = page("<div class='comments'><p>Autor: Max Roe</p></div>")
    assert labelled_lines(tree) == []


def test_copyright_holder_is_cut_at_years_and_punctuation():
    tree = page("<footer><p>© 2014-2021 Jane Doe | Imprint</p>"
                "<p>Copyright 2020 by Max Roe. All rights reserved.</p></footer>")
    assert copyright_names(tree) == ["Jane Doe", "Max Roe"]


def test_owner_handle_is_split_into_words():
    tree = page("", head='<meta name="twitter:creator" content="@JaneDoe">')
    assert handle_names(tree) == ["Jane Doe"]


def test_author_page_slug_is_the_last_part_of_its_address():
    tree = page("<a rel='author' href='https://example.org/author/jane-doe/'>JD</a>")
    assert author_page_slugs(tree) == {"janedoe"}


def test_name_in_url_reads_two_to_four_words():
    assert name_in_url("https://example.org/people/ana-garcia-lopez") == "Ana Garcia Lopez"
    assert name_in_url("https://example.org/authors/123") == ""
    assert name_in_url("https://example.org/") == ""


def test_byline_inside_a_figure_is_left_out():
    tree = page("<figure><img src='a.jpg'><figcaption class='byline'>Max Roe</figcaption>"
                "</figure><div class='byline'>By Jane Doe</div>")
    assert credited_first_of_each(tree, "byline") == ["By Jane Doe"]


def test_docstring_examples_hold():
    from newsgraph.extract import html_authors
    for module in (author_markup, html_authors):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
