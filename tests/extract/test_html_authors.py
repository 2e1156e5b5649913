"""Authors of HTML pages: people first, handles from author markup, lists completed."""

from __future__ import annotations

import json

from newsgraph.extract import ExtractOptions, extract
from newsgraph.extract.html_authors import registered_name
from newsgraph.model import RawDocument

TEXT = "".join(f"<p>{p}</p>" for p in [
    "The city council voted on Tuesday to expand the tram network to the northern districts, "
    "a project that has been debated for more than a decade.",
    "Supporters said the new line would cut commuting times in half for tens of thousands of "
    "residents who now depend on crowded buses.",
    "Opponents warned that the cost of the project had doubled since it was first proposed and "
    "that the money would be better spent on road repairs.",
])


def authors(head: str = "", before: str = "", after: str = "", body: str = TEXT,
            url: str = "https://example.org/city/tram") -> tuple[str, ...]:
    html = ("<!DOCTYPE html><html lang='en'><head><title>Council backs tram extension</title>"
            f"<meta property='og:site_name' content='Daily Planet'>{head}</head><body>"
            f"<article><h1>Council backs tram extension</h1>{before}{body}{after}</article>"
            "</body></html>")
    raw = RawDocument(source="page.html", data=html.encode("utf-8"), content_type="text/html")
    return extract(raw, ExtractOptions(url=url)).authors


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_handle_in_author_markup_is_the_author_when_no_person_is_named():
    assert authors(before='<a rel="author" href="/u/gizzmo">gizzmo</a>') == ("gizzmo",)
    assert authors(head='<meta name="author" content="HansG">') == ("HansG",)


def test_handle_in_visible_text_alone_is_no_author():
    assert authors(before='<div class="byline">gizzmo</div>') == ()


def test_person_beats_handle():
    before = ('<a rel="author" href="/u/gizzmo">gizzmo</a>'
              '<div class="byline">By Jane Doe</div>')
    assert authors(before=before) == ("Jane Doe",)


def test_handle_that_is_the_site_is_no_author():
    assert authors(before='<a rel="author" href="/">DailyPlanet</a>') == ()
    assert authors(before='<a rel="author" href="/">admin</a>') == ()


def test_handle_that_is_the_registered_site_name_is_no_author():
    head = '<meta name="author" content="planetnews">'
    assert authors(head=head, url="https://www.planetnews.co.uk/city/tram") == ()


def test_handle_that_is_the_blog_host_is_its_author():
    # A blog at gizzmo.example.org is gizzmo's.
    before = '<a rel="author" href="/">gizzmo</a>'
    assert authors(before=before, url="https://gizzmo.example.org/2024/03/tram") == ("gizzmo",)


def test_later_source_completes_the_first_author_list():
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "Ann Lee"}}
    before = '<div class="byline">By Ann Lee and Max Roe</div>'
    assert authors(head=jsonld(data), before=before) == ("Ann Lee", "Max Roe")


def test_later_source_naming_someone_else_does_not_replace_the_first():
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "Ann Lee"}}
    before = '<div class="byline">By Max Roe</div>'
    assert authors(head=jsonld(data), before=before) == ("Ann Lee",)


def test_outlet_after_the_names_is_cut_off():
    head = ('<meta name="author" content="By Glen Owen And Brendan Carlin For The Mail On '
            'Sunday">')
    assert authors(head=head) == ("Glen Owen", "Brendan Carlin")


def test_byline_prefixes_in_other_languages():
    assert authors(before='<div class="byline">Veröffentlicht von Anna Schmidt</div>') == (
        "Anna Schmidt",)
    assert authors(before='<div class="byline">Publié par Jean Dupont et Marie Curie</div>') == (
        "Jean Dupont", "Marie Curie")


def test_author_class_and_author_page_links_are_read_when_nothing_else_names_one():
    assert authors(before='<div class="author">Georg Quaas, 21. Jan. 2015</div>') == (
        "Georg Quaas",)
    assert authors(before='<span>By <a href="/reporters/jose-cruz">Jose Cruz</a></span>') == (
        "Jose Cruz",)


def test_byline_line_opening_the_body_names_the_author():
    body = "<p><em>Written by: Julie Mollins</em></p>" + TEXT
    assert authors(body=body) == ("Julie Mollins",)


def test_weekday_after_a_visible_byline_is_not_part_of_the_name():
    before = '<div data-testid="prism-byline">By Alex Brown Thursday, November 9, 2023</div>'
    assert authors(before=before) == ("Alex Brown",)


def test_author_markup_in_comments_is_ignored():
    after = ('<div class="comments"><div class="comment"><a rel="author" href="/u/x">troll99</a>'
             '<p>First!</p></div></div>')
    assert authors(after=after) == ()



def test_registered_name_skips_public_suffixes():
    assert registered_name("gizzmo.example.org") == "example"
    assert registered_name("news.example.co.uk") == "example"
    assert registered_name("localhost") is None


def test_jsonld_person_that_is_the_publishing_organisation_is_no_author():
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "Daily Planet"},
            "publisher": {"@type": "NewsMediaOrganization", "name": "Daily Planet"}}
    before = '<div class="byline">By Max Roe</div>'
    assert authors(head=jsonld(data), before=before) == ("Max Roe",)


def test_jsonld_person_name_in_lower_case_is_still_a_name():
    data = {"@context": "https://schema.org", "@type": "BlogPosting",
            "author": {"@type": "Person", "name": "Mobasir hassan"}}
    assert authors(head=jsonld(data)) == ("Mobasir Hassan",)
