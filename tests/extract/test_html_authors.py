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


def test_jsonld_author_arrays_and_references_to_people():
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": "#article", "headline": "Council backs tram extension",
         "author": [{"@id": "#jane"}, {"@id": "#max"}], "publisher": {"@id": "#org"}},
        {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
        {"@type": "Person", "@id": "#max", "name": "Max Roe"},
        {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Daily Planet"}]}
    assert authors(head=jsonld(data)) == ("Jane Doe", "Max Roe")
    listed = {"@context": "https://schema.org", "@type": "NewsArticle",
              "author": [{"@type": "Person", "name": "Jane Doe"}, "Max Roe",
                         {"@type": "Person", "givenName": "Ann", "familyName": "Lee"}]}
    assert authors(head=jsonld(listed)) == ("Jane Doe", "Max Roe", "Ann Lee")


def test_referenced_account_yields_to_the_byline_naming_the_reporters():
    # A site's schema names the account that posted the page; the byline the reporters.
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "author": {"@id": "#web"}},
        {"@type": "Person", "@id": "#web", "name": "Kim Poster"}]}
    before = '<div class="byline">By Jane Doe and Max Roe</div>'
    assert authors(head=jsonld(data), before=before) == ("Jane Doe", "Max Roe")
    assert authors(head=jsonld(data)) == ("Kim Poster",)


def test_organisation_author_gives_an_agency_not_a_person():
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "author": {"@type": "Organization", "name": "Agence France-Presse"}}
    assert authors(head=jsonld(data)) == ()


def test_meta_author_with_site_name_and_contact_details():
    head = '<meta name="author" content="Jane Doe | Daily Planet">'
    assert authors(head=head) == ("Jane Doe",)
    head = '<meta name="author" content="Jane Doe (@janedoe), jane@example.org">'
    assert authors(head=head) == ("Jane Doe",)


def test_byline_with_role_is_the_person():
    before = '<div class="byline">By Jane Doe, Senior Correspondent</div>'
    assert authors(before=before) == ("Jane Doe",)


def test_desks_and_staff_are_never_authors():
    for byline in ("Redaktion", "Staff", "Admin", "Daily Planet Staff", "Redacción",
                   "Newsroom"):
        assert authors(before=f'<div class="byline">{byline}</div>') == (), byline


def test_header_line_below_the_headline_names_the_author():
    before = "<p>Posted on September 21, 2020 by Adi Tzlil</p>"
    assert authors(before=before) == ("Adi Tzlil",)
    before = '<div class="meta"><span>yas!</span> | <span>By</span> <span>Cara Stiles</span>' \
             " | <time>April 13, 2020</time></div>"
    assert authors(before=before) == ("Cara Stiles",)


def test_name_beside_the_date_below_the_headline_is_the_author():
    assert authors(before='<p class="text-muted">11.12.2019 - Amelie Loevenich</p>') == (
        "Amelie Loevenich",)


def test_picture_credit_below_the_headline_is_no_author():
    assert authors(before="<p>Photo by Max Roe</p>") == ()


def test_site_named_after_a_titled_person_is_that_person_s():
    head = '<meta property="og:site_name" content="Dr. Jane Doe">'
    html = ("<!DOCTYPE html><html lang='en'><head><title>Council backs tram extension</title>"
            f"{head}</head><body><article><h1>Council backs tram extension</h1>{TEXT}"
            "</article></body></html>")
    raw = RawDocument(source="page.html", data=html.encode("utf-8"), content_type="text/html")
    assert extract(raw, ExtractOptions(url="https://janedoe.example/tram")).authors == (
        "Jane Doe",)
    # A site name that only reads like a person's is not taken: no byline, no author.
    assert authors() == ()


def test_author_name_in_a_picture_licence_is_no_byline():
    before = ('<figure><img src="/a.jpg"><div class="license-info"><span class="author-name">'
              '<a href="https://commons.example.org/f.jpg">Max Roe</a></span></div></figure>'
              '<p class="meta">By Jane Doe</p>')
    assert authors(before=before) == ("Jane Doe",)


def test_labelled_meta_pair_names_the_author():
    head = ('<meta name="twitter:label1" content="Verfasst von">'
            '<meta name="twitter:data1" content="Jane Doe">'
            '<meta name="twitter:label2" content="Geschätzte Lesezeit">'
            '<meta name="twitter:data2" content="3 Minuten">')
    assert authors(head=head) == ("Jane Doe",)


def test_meta_pair_with_another_label_names_no_one():
    head = ('<meta name="twitter:label1" content="Filed under">'
            '<meta name="twitter:data1" content="Jane Doe">')
    assert authors(head=head) == ()


def test_labelled_line_after_the_text_names_the_author():
    after = "<div class='foot'><p>Auteur : Jane Doe</p><p>Edition : Max Roe</p></div>"
    assert authors(after=after) == ("Jane Doe",)


def test_creative_commons_attribution_names_the_owner():
    after = ('<p>This blog by <a rel="cc:attributionURL" href="/">Jane Doe</a> is licensed '
             'under CC BY.</p>')
    assert authors(after=after) == ("Jane Doe",)


def test_copyright_holder_whose_name_is_the_host_is_the_author():
    page = "<footer><p>Copyright (c) 2012- Jane Doe. All rights reserved.</p></footer>"
    assert authors(after=page, url="https://janedoe.example/blog/tram") == ("Jane Doe",)


def test_copyright_holder_named_like_the_site_is_an_outlet():
    page = "<footer><p>© 2021 Daily Planet. All rights reserved.</p></footer>"
    assert authors(after=page, url="https://dailyplanet.example/city/tram") == ()
    page = "<footer><p>COPYRIGHT © 2014-2021 VI Consortium. All Rights Reserved.</p></footer>"
    assert authors(after=page, url="https://viconsortium.example/city/tram") == ()


def test_copyright_holder_on_another_host_is_no_author():
    page = "<footer><p>© 2012 Jane Doe</p></footer>"
    assert authors(after=page, url="https://tramblog.example/city/tram") == ()


def test_owner_handle_spelling_the_host_names_the_author():
    head = '<meta name="twitter:creator" content="@JaneDoe">'
    assert authors(head=head, url="https://janedoe.blogs.example/2020/tram") == ("Jane Doe",)
    assert authors(head=head, url="https://tramblog.example/2020/tram") == ()


def test_author_page_slug_confirms_the_copyright_holder():
    before = '<a rel="author" href="https://tramblog.example/author/janedoe/">JD</a>'
    after = "<footer><p>© 2020 Jane Doe</p></footer>"
    assert authors(before=before, after=after,
                   url="https://tramblog.example/city/tram") == ("Jane Doe",)


def test_trafilatura_title_case_of_a_lower_case_meta_is_no_name():
    head = '<meta name="author" content="deinen Hochzeitsbloggern">'
    assert authors(head=head) == ()


def test_several_jsonld_authors_are_all_read():
    head = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                   "headline": "Council backs tram extension",
                   "author": [{"@type": "Person", "name": "Jane Doe"},
                              {"@type": "Person", "name": "Max Roe"},
                              {"@type": "Organization", "name": "Reuters"}]})
    assert authors(head=head) == ("Jane Doe", "Max Roe")


def test_jsonld_author_given_as_a_url_is_read_from_its_slug():
    head = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                   "headline": "Council backs tram extension",
                   "author": {"@type": "Person", "url": "https://example.org/author/jane-doe/"}})
    assert authors(head=head) == ("Jane Doe",)
    head = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                   "headline": "Council backs tram extension",
                   "author": "https://www.facebook.com/dailyplanet"})
    assert authors(head=head) == ()


def test_jsonld_person_in_a_script_without_case_is_read():
    for name in ("أحمد علي", "张伟", "山田太郎"):
        head = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                       "headline": "Council backs tram extension",
                       "author": {"@type": "Person", "name": name}})
        assert authors(head=head) == (name,), name


def test_roles_and_contacts_after_names_are_cut():
    assert authors(before="<p class='byline'>Jane Doe, Senior Correspondent</p>") == (
        "Jane Doe",)
    assert authors(before="<p class='byline'>Jane Doe | Reporter</p>") == ("Jane Doe",)
    assert authors(before="<p class='byline'>By Jane Doe jane@example.org @janedoe</p>") == (
        "Jane Doe",)
