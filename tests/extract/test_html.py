"""HTML extraction: trafilatura's text plus newsgraph's own fields, on pages built by hand."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from lxml import etree

from newsgraph.errors import ExtractError, NoContent
from newsgraph.extract import ExtractOptions, extract
from newsgraph.extract import body_recall, captions, html_metadata, html_scoring, html_selectors
from newsgraph.extract.body_recall import recover_short_body
from newsgraph.extract.html import LARGE_PAGE_CHARS, _body_from
from newsgraph.extract.html_metadata import normalize_date
from newsgraph.extract.html_selectors import load_selectors
from newsgraph.model import RawDocument

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the tram network to the northern districts, "
    "a project that has been debated for more than a decade.",
    "Supporters said the new line would cut commuting times in half for tens of thousands of "
    "residents who now depend on crowded buses.",
    "Opponents warned that the cost of the project had doubled since it was first proposed and "
    "that the money would be better spent on road repairs.",
    "Construction is expected to begin next spring and to last about three years, according to "
    "the transport department.",
]


def page(*, head: str = "", before: str = "", body: str | None = None, after: str = "",
         lang: str | None = "en", title: str = "Council backs tram extension | Daily Planet") -> str:
    """A news page: head metadata, an <article> with a headline and paragraphs."""
    paragraphs = body if body is not None else "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html><html{lang_attr}><head><title>{title}</title>"
            f'<meta property="og:site_name" content="Daily Planet">{head}</head><body>'
            "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
            f"<article><h1>Council backs tram extension</h1>{before}{paragraphs}{after}</article>"
            "<footer>Copyright Daily Planet. All rights reserved.</footer></body></html>")


def run(html: str, url: str | None = None, published: str | None = None):
    raw = RawDocument(source="page.html", data=html.encode("utf-8"), content_type="text/html",
                      published=published)
    return extract(raw, ExtractOptions(url=url))


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_body_holds_paragraphs_in_order_without_headline_or_footer():
    article = run(page())
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.title == "Council backs tram extension"
    assert article.extractor.startswith("newsgraph.extract.html/")


def test_title_drops_site_name_suffix():
    article = run(page(title="Council backs tram extension - Daily Planet").replace(
        "<h1>Council backs tram extension</h1>", ""))
    assert article.title == "Council backs tram extension"
    assert article.site == "Daily Planet"


def test_figure_caption_and_credit_span_are_split_and_kept_out_of_body():
    figure = ('<figure><img src="/img/tram.jpg" alt="A tram in the snow">'
              '<figcaption>A tram crosses the old bridge <span class="credit">Photo: Jane Roe/'
              'Daily Planet</span></figcaption></figure>')
    article = run(page(before=figure), url="https://planet.example/city/tram")
    assert len(article.images) == 1
    image = article.images[0]
    assert image.caption == "A tram crosses the old bridge"
    assert image.credit == "Jane Roe/Daily Planet"
    assert image.description == "A tram in the snow"
    assert image.src == "https://planet.example/img/tram.jpg"
    assert "old bridge" not in article.body and "Jane Roe" not in article.body


def test_figure_credit_written_in_caption_text_is_split():
    figure = ("<figure><img src='a.jpg'><figcaption>Protesters outside city hall on Monday "
              "(AP Photo/Max Roe)</figcaption></figure>")
    article = run(page(before=figure))
    assert (article.images[0].caption, article.images[0].credit) == (
        "Protesters outside city hall on Monday", "AP Photo/Max Roe")


def test_figures_of_the_article_come_before_figures_elsewhere():
    inside = "<figure><img src='in.jpg'><figcaption>The new tram depot</figcaption></figure>"
    outside = ("<aside><figure><img src='rel.jpg'><figcaption>Related: ten best bridges"
               "</figcaption></figure></aside>")
    article = run(page(before=inside).replace("<footer>", outside + "<footer>"))
    assert [image.caption for image in article.images] == ["The new tram depot"]


def test_screen_reader_label_is_not_part_of_the_caption():
    figure = ('<figure><img src="a.jpg"><figcaption><span class="visually-hidden">Image caption'
              '</span>Workers lay rails on the bridge</figcaption></figure>')
    assert run(page(before=figure)).images[0].caption == "Workers lay rails on the bridge"


def test_free_standing_caption_paragraph_is_not_body():
    caption = '<p class="wp-caption-text">The mayor at the opening of the depot last year</p>'
    article = run(page(before=caption))
    assert "opening of the depot" not in article.body


def test_caption_marked_by_any_caption_class_is_not_body():
    caption = '<div class="imageCaption"><p>The mayor at the opening of the depot</p></div>'
    article = run(page(before=caption))
    assert article.body.split("\n\n") == PARAGRAPHS


def test_wrapper_whose_class_mentions_caption_keeps_its_paragraphs():
    body = '<div class="has-caption">' + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    assert run(page(body=body)).body.split("\n\n") == PARAGRAPHS


def test_byline_splits_agencies_from_authors():
    head = '<meta name="author" content="Jane Doe, AP">'
    article = run(page(head=head))
    assert article.authors == ("Jane Doe",)
    assert "AP" in article.agencies


def test_jsonld_person_is_author_and_agency_organisation_is_agency():
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "Council backs tram extension",
            "author": [{"@type": "Person", "name": "Ann Lee"},
                       {"@type": "Organization", "name": "Reuters"}]}
    article = run(page(head=jsonld(data)))
    assert article.authors == ("Ann Lee",)
    assert article.agencies == ("Reuters",)


def test_site_name_is_never_an_author():
    head = '<meta name="author" content="Daily Planet">'
    byline = '<div class="byline">By Max Roe, Daily Planet</div>'
    article = run(page(head=head, before=byline))
    assert "Daily Planet" not in article.authors
    assert article.authors == ("Max Roe",)


def test_publisher_named_as_author_is_not_an_author():
    head = ('<meta name="author" content="Planet Media Group">'
            '<meta name="publisher" content="Planet Media Group">')
    assert run(page(head=head)).authors == ()


def test_jsonld_person_who_is_also_the_site_stays_author():
    data = {"@context": "https://schema.org", "@type": "BlogPosting",
            "author": {"@type": "Person", "name": "Ann Lee"},
            "publisher": {"@type": "Person", "name": "Ann Lee"}}
    html = page(head=jsonld(data)).replace('content="Daily Planet"', 'content="Ann Lee"')
    assert run(html).authors == ("Ann Lee",)


def test_dateline_agency_is_found_in_body():
    first = "<p>BERLIN (Reuters) — " + PARAGRAPHS[0] + "</p>"
    body = first + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    article = run(page(body=body))
    assert "Reuters" in article.agencies
    assert article.authors == ()


def test_editor_line_leaves_body_and_fills_editors():
    article = run(page(after="<p>Edited by: Lena Brook</p>"))
    assert article.editors == ("Lena Brook",)
    assert "Edited by" not in article.body


def test_reporting_and_editing_credit_line_leaves_body():
    credit = "<p>Additional reporting by Max Roe; Editing by Ann Lee and Lena Brook</p>"
    article = run(page(after=credit))
    assert article.editors == ("Ann Lee", "Lena Brook")
    assert "Editing by" not in article.body


@pytest.mark.parametrize("url, agencies", [
    ("https://www.dailyplanet.example/city/tram-1", ("CNA",)),
    ("https://www.channelnewsasia.com/asia/tram-1", ()),
])
def test_byline_naming_cna_is_the_agency_except_on_cnas_own_site(url, agencies):
    html = page(before='<p class="byline">By Jane Doe, CNA</p>').replace(
        '<meta property="og:site_name" content="Daily Planet">', "")
    article = run(html, url=url)
    assert (article.authors, article.agencies) == (("Jane Doe",), agencies)


def test_line_break_ends_a_byline_line_in_the_body():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<p>Autor: Jane Doe<br>Google+</p>"
    assert run(page(body=body)).authors == ("Jane Doe",)


def test_editor_line_in_another_language_leaves_body():
    article = run(page(after="<p>Bearbeitet von: Max Roe</p>"))
    assert article.editors == ("Max Roe",)
    assert "Bearbeitet von" not in article.body


def test_glued_credit_label_in_a_body_paragraph_stays_in_body():
    sentence = "Our new series is called TheBigPicture: Oceans and runs every Sunday."
    figure = ('<figure><img src="a.jpg"><figcaption>Rails on the old bridgePhoto: Max Roe'
              '</figcaption></figure>')
    article = run(page(before=figure, after=f"<p>{sentence}</p>"))
    assert sentence in article.body
    assert [(i.caption, i.credit) for i in article.images] == [("Rails on the old bridge",
                                                                "Max Roe")]


def test_sentence_mentioning_an_editor_stays_in_body():
    sentence = ("<p>The report, edited by a panel of engineers, was published in 2019 and "
                "has shaped the debate ever since.</p>")
    article = run(page(after=sentence))
    assert "edited by a panel" in article.body
    assert article.editors == ()


def test_figure_credit_marked_with_itemprop_is_split():
    figure = ('<figure><img src="a.jpg"><figcaption><span>Rails being laid on the old bridge'
              '</span><span itemprop="copyrightHolder">Jane Roe/Daily Planet</span>'
              '</figcaption></figure>')
    image = run(page(before=figure)).images[0]
    assert (image.caption, image.credit) == ("Rails being laid on the old bridge",
                                             "Jane Roe/Daily Planet")


def test_first_paragraph_repeating_the_description_after_a_dateline_is_the_lead():
    head = f'<meta name="description" content="{PARAGRAPHS[0]}">'
    body = (f"<p>LONDON (Reuters) - {PARAGRAPHS[0]}</p>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]))
    article = run(page(head=head, body=body))
    assert article.lead == f"LONDON (Reuters) - {PARAGRAPHS[0]}"


def test_standfirst_container_holding_the_headline_is_not_the_lead():
    lead = "Councillors approved the northern tram line after a decade of argument and delay."
    head = f'<meta property="og:description" content="{lead}">'
    html = page(head=head).replace(
        "<article><h1>Council backs tram extension</h1>",
        f'<article><div class="header-standfirst"><h1>Council backs tram extension</h1>'
        f'<div class="standfirst"><p>{lead}</p></div></div>')
    article = run(html)
    assert article.lead == lead
    assert article.body.startswith(lead + "\n\n")
    assert article.title == "Council backs tram extension"


def test_standfirst_outside_text_leads_the_body_when_description_confirms_it():
    lead = ("City leaders approved a plan on Tuesday to bring trams to the north of the city "
            "after years of debate.")
    head = f'<meta property="og:description" content="{lead}">'
    html = page(head=head).replace("<article>", f'<p class="lead">{lead}</p><article>')
    article = run(html)
    assert article.lead == lead
    assert article.body.startswith(lead + "\n\n" + PARAGRAPHS[0])


def test_standfirst_in_the_header_without_lead_markup_is_found_by_the_description():
    lead = ("Snow on solar panels costs power and weighs on the frames; experts warn against "
            "clearing it by hand.")
    head = f'<meta property="og:description" content="{lead}">'
    html = page(head=head).replace(
        "<article><h1>Council backs tram extension</h1>",
        f'<article><header><h1>Council backs tram extension</h1><p class="text-xl">{lead}</p>'
        "</header>")
    article = run(html)
    assert article.lead == lead
    assert article.body.startswith(lead + "\n\n" + PARAGRAPHS[0])


def test_lead_markup_is_confirmed_by_a_description_that_shortens_its_end():
    lead = ("Thin branches left over from pruning trees can be burned as well, but thrown into "
            "the stove they give little heat.")
    description = ("Thin branches left over from pruning trees can be burned as well once "
                   "pressed into bales.")
    head = f'<meta property="og:description" content="{description}">'
    html = page(head=head).replace("<article>", f'<div itemprop="description"><p>{lead}</p>'
                                   "</div><article>")
    article = run(html)
    assert article.body.startswith(lead + "\n\n" + PARAGRAPHS[0])


def test_description_shown_nowhere_on_the_page_is_not_added():
    lead = "A summary written for search engines that the page itself never shows to readers."
    article = run(page(head=f'<meta property="og:description" content="{lead}">'))
    assert lead not in article.body


def test_short_body_gives_way_to_the_declared_article_body():
    story = " ".join(PARAGRAPHS * 2)
    script = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                     "articleBody": f"<p>{story}</p><p>{PARAGRAPHS[0]} &amp; more</p>"})
    caption = ["The mayor at the depot opening on Monday, in the rain."]
    assert recover_short_body(caption, _declared(script)) == [story, f"{PARAGRAPHS[0]} & more"]


def test_declared_article_body_does_not_replace_a_full_body():
    long_script = jsonld({"@type": "NewsArticle", "articleBody": "Teaser text. " * 400})
    assert recover_short_body(PARAGRAPHS * 2, _declared(long_script)) == PARAGRAPHS * 2


def test_declared_article_body_not_much_longer_does_not_replace_a_short_body():
    same = jsonld({"@type": "NewsArticle", "articleBody": " ".join(PARAGRAPHS)})
    assert recover_short_body(PARAGRAPHS[:2], _declared(same)) == PARAGRAPHS[:2]


def _declared(head: str) -> str | None:
    return html_metadata.read_jsonld(_head_tree(head)).article_body


def test_jsonld_carries_the_first_declared_article_body():
    article = {"@type": "NewsArticle", "articleBody": "<p>The council met.</p>"}
    script = jsonld({"@graph": [{"@type": "WebPage"}, article]})
    assert _declared(script) == "<p>The council met.</p>"
    assert _declared(jsonld({"@type": "NewsArticle", "headline": "Trams"})) is None


def _head_tree(head: str) -> etree._Element:
    return etree.fromstring(f"<html><head>{head}</head><body></body></html>", etree.HTMLParser())


def test_caption_closed_by_labelled_credit_leaves_the_body():
    captions = ("<p>The mayor and the director at the depot, on March 1 "
                "(Foto: Jane Doe/Pool via REUTERS).</p>"
                "<p>Workers lay the first rails on the bridge. Bild: dpa</p>")
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + captions + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    assert run(page(body=body)).body.split("\n\n") == PARAGRAPHS


def test_page_title_line_repeated_above_the_text_leaves_the_body():
    title_line = "<p>Council backs tram extension | City | Daily Planet | 23.05.2011</p>"
    article = run(page(before=title_line))
    assert article.body.split("\n\n") == PARAGRAPHS


def test_newsletter_prompt_and_tags_line_leave_the_body():
    body = ("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
            + "<p>Sign up for the free Daily Planet newsletter for more city news!</p>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
            + "<p>Tags: trams, city council, transport</p>")
    assert run(page(body=body)).body.split("\n\n") == PARAGRAPHS


def test_byline_line_that_leaves_the_body_still_names_the_author():
    article = run(page(before="<p>Posted by Jane Doe</p>"))
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.authors == ("Jane Doe",)


def test_text_written_in_two_canonically_equal_forms_is_composed():
    decomposed = "Cafe\u0301 owners said the tram would bring customers to the northern districts."
    article = run(page(body=f"<p>{decomposed}</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    assert article.body.startswith("Caf\u00e9 owners said")


def test_markup_left_by_fallback_extractors_keeps_its_paragraphs():
    tree = etree.fromstring(
        "<body><div><div class='content'><p>First paragraph.</p><h3>A subheading</h3>"
        "<ul><li>One item</li><li>Another item</li></ul><div>Loose text in a box</div>"
        "</div>Tail text</div></body>")
    body = _body_from(tree)
    assert body.paragraphs == ["First paragraph.", "A subheading", "One item", "Another item",
                               "Loose text in a box", "Tail text"]
    assert body.subheadings == ["A subheading"]


def test_intro_box_that_the_description_does_not_confirm_is_not_added():
    box = '<p class="intro">Sign up now to write your own articles and comment on ours.</p>'
    article = run(page().replace("<footer>", box + "<footer>"))
    assert "Sign up" not in article.body
    assert article.lead is None


def test_subheadings_are_in_body_and_listed():
    body = ("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + "<h2>What happens next</h2>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:]))
    article = run(page(body=body))
    assert article.subheadings == ("What happens next",)
    assert "\n\nWhat happens next\n\n" in article.body


def test_sections_come_from_jsonld_breadcrumbs():
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://planet.example/"},
        {"@type": "ListItem", "position": 2, "name": "City", "item": "https://planet.example/city"},
        {"@type": "ListItem", "position": 3, "name": "Transport"}]}
    article = run(page(head=jsonld(crumbs)))
    assert article.sections == ("City", "Transport")


def test_sections_come_from_breadcrumb_markup_without_home_and_article():
    crumbs = ('<nav class="breadcrumb"><a href="/">Home</a> <a href="/city">City</a> '
              '<a href="/city/tram">Council backs tram extension</a></nav>')
    article = run(page().replace("<body>", "<body>" + crumbs))
    assert article.sections == ("City",)


def test_section_meta_wins_over_breadcrumbs():
    article = run(page(head='<meta property="article:section" content="Politics">'))
    assert article.sections == ("Politics",)


def test_canonical_url_is_read_and_unwrapped():
    head = ('<link rel="canonical" href="https://l.example.net/?u=https%3A%2F%2Fplanet.example'
            '%2Fcity%2Ftram">')
    assert run(page(head=head)).url == "https://planet.example/city/tram"


def test_given_url_overrides_the_page_url():
    head = '<link rel="canonical" href="https://planet.example/city/tram">'
    assert run(page(head=head), url="https://mirror.example/t").url == "https://mirror.example/t"


def test_language_is_read_from_html_lang():
    assert run(page(lang="en-GB")).language == "en"


def test_language_is_read_from_xml_lang():
    # An English text declared German: the declaration wins over detection.
    html = page(lang=None).replace("<html>", '<html xml:lang="de-DE">', 1)
    assert run(html).language == "de"


def test_language_is_detected_when_undeclared():
    assert run(page(lang=None)).language == "en"


def test_declared_local_publication_time_is_kept():
    head = '<meta property="article:published_time" content="2024-03-05T23:30:00+01:00">'
    assert run(page(head=head)).published == "2024-03-05T23:30:00+01:00"


def test_caller_publication_date_comes_first():
    head = '<meta property="article:published_time" content="2024-03-05">'
    assert run(page(head=head), published="2024-03-01").published == "2024-03-01"


def test_page_without_article_raises_no_content():
    html = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(NoContent) as error:
        run(html)
    assert error.value.source == "page.html"
    assert "no article text" in error.value.message


def test_ten_thousand_nested_divs_keep_their_text():
    nested = "<div>" * 10000 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 10000
    article = run(page(body=nested))
    assert article.body.split("\n\n") == PARAGRAPHS


@pytest.mark.slow
def test_large_page_keeps_its_article():
    filler = "".join(f"<div class='related'><a href='/x{i}'>Related story number {i}</a></div>"
                     for i in range(21000))
    html = page().replace("<footer>", filler + "<footer>")
    assert len(html) > LARGE_PAGE_CHARS
    article = run(html)
    assert article.body.startswith(PARAGRAPHS[0])


def test_huge_page_of_scripts_and_inline_images_keeps_its_article():
    script = "<script>var x = '" + "a" * 20_000_000 + "';</script>"
    image = "<img src='data:image/png;base64," + "A" * 10_000_000 + "'>"
    article = run(page(before=image).replace("</head>", script + "</head>"))
    assert article.body.split("\n\n") == PARAGRAPHS


def test_huge_page_of_markup_is_refused_with_a_clear_error():
    filler = "<div class='x'><a href='/y'>link</a></div>" * 250_000
    with pytest.raises(NoContent, match="characters of markup"):
        run(page(after=filler))


def test_broken_markup_still_yields_the_text():
    body = "".join(f"<p>{p}" for p in PARAGRAPHS) + "<div><span><b>unclosed"
    article = run(page(body=body).replace("</article>", ""))
    assert PARAGRAPHS[0] in article.body and PARAGRAPHS[-1] in article.body


def test_trafilatura_failure_becomes_an_extract_error(monkeypatch):
    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr("newsgraph.extract.html.trafilatura.bare_extraction", broken)
    with pytest.raises(ExtractError, match="trafilatura failed.*IndexError") as error:
        run(page())
    assert error.value.source == "page.html"


def test_bare_fragment_is_read_as_a_page():
    fragment = "<div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    assert run(fragment).body.split("\n\n") == PARAGRAPHS


def test_invalid_jsonld_is_skipped():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>'
    assert run(page(head=head)).body.split("\n\n") == PARAGRAPHS


def test_normalize_date_keeps_local_time_and_rejects_placeholders():
    assert normalize_date("2019-07-28T10:05:00Z") == "2019-07-28T10:05:00+00:00"
    assert normalize_date("2019-07-28 10:05") == "2019-07-28T10:05:00"
    assert normalize_date("0001-01-01") is None
    assert normalize_date("2019-02-30") is None


def test_bad_xpath_in_selector_file_names_file_and_line(tmp_path: Path):
    good = html_selectors.data_path(html_selectors.FILE_NAME).read_text(encoding="utf-8")
    bad = good.replace('"//article//h1",', '"//article//h1[",', 1)
    path = tmp_path / "html_selectors.toml"
    path.write_text(bad, encoding="utf-8")
    line = bad[:bad.index('"//article//h1["')].count("\n") + 1
    with pytest.raises(ExtractError, match=rf"html_selectors.toml, line {line}: bad XPath"):
        load_selectors(path)


def test_selector_file_missing_table_is_an_error(tmp_path: Path):
    path = tmp_path / "html_selectors.toml"
    path.write_text("[headline]\nxpath = ['//h1']\n", encoding="utf-8")
    with pytest.raises(ExtractError, match=r"table \[\w+\] is missing"):
        load_selectors(path)


@pytest.mark.parametrize("module", [html_metadata, html_scoring, body_recall, captions])
def test_docstring_examples_hold(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# Pages in shapes the gold corpus has few of: each must give the article's paragraphs, in
# order, and nothing else.

def test_amp_page_gives_its_article_and_captioned_picture():
    html = ("<!doctype html><html amp lang='en'><head><meta charset='utf-8'>"
            "<title>Council backs tram extension | Daily Planet</title>"
            "<link rel='canonical' href='https://example.com/tram'><style amp-custom>p{}</style>"
            "<script async src='https://cdn.ampproject.org/v0.js'></script></head><body>"
            "<header><a href='/'>Daily Planet</a></header><article>"
            "<h1>Council backs tram extension</h1><figure><amp-img src='/t.jpg' width='600' "
            "height='400' layout='responsive' alt='A tram'></amp-img><figcaption>A tram in the "
            "city centre. Photo: Jane Doe</figcaption></figure>"
            f"<p>{PARAGRAPHS[0]}</p><amp-ad width='300' height='250' type='doubleclick'>"
            f"<div fallback>Advertisement</div></amp-ad><p>{PARAGRAPHS[1]}</p>"
            "<amp-social-share type='twitter'></amp-social-share>"
            f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p></article></body></html>")
    article = run(html)
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.url == "https://example.com/tram"
    assert [(i.caption, i.credit) for i in article.images] == [("A tram in the city centre.",
                                                                "Jane Doe")]


def test_body_split_over_sections_is_read_whole_and_in_order():
    body = (f"<section><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></section>"
            "<div class='ad'>Advertisement</div>"
            f"<section><h2>What comes next</h2><p>{PARAGRAPHS[2]}</p></section>"
            f"<section><p>{PARAGRAPHS[3]}</p></section>")
    article = run(page(body=body))
    assert article.body.split("\n\n") == PARAGRAPHS[:2] + ["What comes next"] + PARAGRAPHS[2:]
    assert list(article.subheadings) == ["What comes next"]


def test_live_blog_keeps_every_entry_in_page_order():
    entries = [
        "The vote passed by 31 votes to 17, with two abstentions, after a debate that lasted "
        "more than an hour and a half.",
        "Councillors from the opposition asked for an independent review of the costs before "
        "any contract is signed with the builders.",
        "The first speaker, a shop owner from the northern districts, said the works would "
        "hurt business during the three years of construction.",
        "The mayor opened the session by thanking residents who had written to the council "
        "about the tram plans over the past year.",
    ]
    times = ["11:30", "10:45", "10:20", "10:05"]
    body = "<div class='live-blog'>" + "".join(
        f"<div class='live-entry'><time>{t}</time><p>{text}</p></div>"
        for t, text in zip(times, entries)) + "</div>"
    assert run(page(body=body)).body.split("\n\n") == entries


def test_noscript_copies_of_pictures_and_text_are_not_repeated():
    body = (f"<p>{PARAGRAPHS[0]}</p><figure><img data-src='/a.jpg' class='lazy'><noscript>"
            "<img src='/a.jpg'></noscript><figcaption>The tram depot. Photo: Max Roe"
            f"</figcaption></figure><p>{PARAGRAPHS[1]}</p><noscript><p>{PARAGRAPHS[1]}</p>"
            f"</noscript><p>{PARAGRAPHS[2]}</p><noscript>Please enable JavaScript to view the "
            f"comments.</noscript><p>{PARAGRAPHS[3]}</p>")
    article = run(page(body=body))
    assert article.body.split("\n\n") == PARAGRAPHS
    assert [(i.caption, i.credit) for i in article.images] == [("The tram depot.", "Max Roe")]


def test_paywall_teaser_leaves_the_body():
    body = (f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><div class='paywall'>"
            "<p>Subscribe to read the rest of this article.</p>"
            "<p>Already a subscriber? Log in</p></div>")
    assert run(page(body=body)).body.split("\n\n") == PARAGRAPHS[:2]


def test_inline_read_more_links_in_several_languages_leave_the_body():
    links = ["Read more: <a href='/x'>Tram fares to rise in May</a>",
             "Also read: <a href='/y'>Buses on strike</a>",
             "Lees ook: <a href='/z'>Tram in Utrecht</a>",
             "Baca juga: <a href='/z'>Trem baru</a>",
             "LEIA MAIS: <a href='/z'>Bonde</a>"]
    body = "".join(f"<p>{p}</p><p>{link}</p>" for p, link in zip(PARAGRAPHS, links))
    assert run(page(body=body)).body.split("\n\n") == PARAGRAPHS


def test_table_is_kept_as_text_rows():
    table = ("<table><thead><tr><th>Line</th><th>Length</th></tr></thead><tbody><tr><td>North"
             "</td><td>12 km</td></tr><tr><td>East</td><td>8 km</td></tr></tbody></table>")
    body = f"<p>{PARAGRAPHS[0]}</p>{table}" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    paragraphs = run(page(body=body)).body.split("\n\n")
    assert paragraphs == ([PARAGRAPHS[0], "Line | Length", "North | 12 km", "East | 8 km"]
                          + PARAGRAPHS[1:])


def test_site_name_taken_for_the_title_gives_way_to_the_page_title():
    head = '<meta property="og:title" content="Daily Planet">'
    assert run(page(head=head)).title == "Council backs tram extension"


def test_short_post_run_together_by_the_last_resort_keeps_its_paragraphs():
    # A short post: trafilatura's last resort runs the whole <article> (date, share buttons,
    # author box) into one paragraph; its main extractor's text is the post.
    post = ("<article><h1>Electric pumps</h1><div class='meta'>17/11/2019 ~ Jane Doe</div>"
            "<div class='entry-content'><p>I would invest in smart and efficient electric "
            "charging pumps for cars.</p><p>Strange that nobody offers them with service yet."
            "</p></div><div class='sharedaddy'><h3>Share this:</h3><ul><li>Twitter</li>"
            "<li>Facebook</li><li>Email</li></ul></div><div class='author-box'>Published by "
            "Jane Doe. Life is not digital. Life is a burning bush. View all posts by Jane Doe"
            "</div></article>")
    html = ("<html lang='en'><head><title>Electric pumps | A blog</title></head><body>"
            f"{post}</body></html>")
    body = run(html).body
    assert body.split("\n\n") == [
        "I would invest in smart and efficient electric charging pumps for cars.",
        "Strange that nobody offers them with service yet."]


def test_article_continued_in_later_sections_of_a_page_builder_is_read_whole():
    # Each run of paragraphs in its own section, a picture between them: trafilatura keeps
    # the first run; the sections of the same kind after it continue the article, up to one
    # without prose (tags).
    more = ["The mayor said the first trams would run on the new line in the summer of 2028, "
            "if the works keep to the plan.",
            "The opposition promised to keep fighting the plan in court, saying the cost "
            "estimates were far too optimistic."]

    def section(inner: str) -> str:
        return f"<section class='PageSection'><div class='inner'>{inner}</div></section>"

    def text(paragraphs: list[str]) -> str:
        return ("<article class='text'><div class='rich'>"
                + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></article>")

    html = ("<html lang='en'><head><title>Council backs tram extension | Daily Planet</title>"
            "</head><body><main>" + section("<h1>Council backs tram extension</h1>")
            + section(text(PARAGRAPHS))
            + section("<figure><img src='/a.jpg'><figcaption>The depot. Photo: Max Roe"
                      "</figcaption></figure>")
            + section(text(more))
            + section("<h3>Tags</h3><ul><li>Transport</li><li>City</li></ul>")
            + "</main><footer>Copyright</footer></body></html>")
    assert run(html).body.split("\n\n") == PARAGRAPHS + more


def test_blocks_and_line_breaks_inside_a_cell_keep_words_apart():
    root = etree.fromstring("<body><table><row><cell>Jane Doe<p>John Roe, writer</p><lb/>Max "
                            "Mustermann</cell><cell>Run the <code>init</code> command.</cell>"
                            "</row></table></body>")
    assert _body_from(root).paragraphs == [
        "Jane Doe John Roe, writer Max Mustermann | Run the init command."]


def test_standfirst_markup_already_in_the_body_as_table_rows_is_not_added_again():
    from newsgraph.extract.html import _lead
    rows = ["Aroma | Red berries, citrus", "Origin | Sidamo, Ethiopia"]
    paragraphs = rows + PARAGRAPHS
    lead_markup = "Aroma Red berries, citrus Origin Sidamo, Ethiopia"
    lead, body = _lead(paragraphs, lead_markup, lead_markup + " and more", set())
    assert body == paragraphs and lead is None
    # A phrase inside a sentence of the body is not the standfirst shown again.
    phrase = "a project that has been debated for more than a decade"
    assert _lead(PARAGRAPHS, phrase, phrase, set())[1] == [phrase, *PARAGRAPHS]


def test_live_blog_of_article_entries_comes_out_in_page_order():
    # trafilatura's fallback returns such entries with the introduction moved between the
    # first and the second; the page's order is restored.
    entries = [
        "The vote passed by 31 votes to 17, with two abstentions, after a debate that lasted "
        "more than an hour and a half in the packed chamber.",
        "Councillors from the opposition asked for an independent review of the costs before "
        "any contract is signed with the builders of the line.",
        "The first speaker, a shop owner from the northern districts, said the works would "
        "hurt business during the three years of construction work.",
        "The mayor opened the session by thanking residents who had written to the council "
        "about the tram plans over the past year and a half.",
    ]
    posts = "".join(
        f"<article class='live-post'><header><time datetime='2024-03-12T1{i}:00'>1{i}:00</time>"
        f"<h2>Update {i}</h2></header><p>{text}</p><div class='share'><a>Share</a></div>"
        "</article>" for i, text in enumerate(entries))
    intro = "Follow the debate as it happens."
    html = ("<html lang='en'><head><title>Live: council votes on tram extension | Daily Planet"
            "</title></head><body><nav><a>Home</a></nav><main><h1>Live: council votes on tram "
            f"extension</h1><p class='intro'>{intro}</p><div class='live-feed'>{posts}</div>"
            "</main><footer>Copyright</footer></body></html>")
    paragraphs = run(html).body.split("\n\n")
    assert [p for p in paragraphs if p in entries] == entries
    assert paragraphs.index(intro) < paragraphs.index(entries[0])
