"""Publication dates of HTML pages: declared, local time first, UTC timestamps placed."""

from __future__ import annotations

import doctest

import pytest
from trafilatura.utils import load_html

from newsgraph.extract import html_dates
from newsgraph.extract.html_dates import published_date
from newsgraph.extract.html_metadata import JsonLd, normalize_date

EMPTY = load_html("<html><body><p>x</p></body></html>")


def tree(head: str = "", body: str = "<p>x</p>"):
    return load_html(f"<html><head>{head}</head><body>{body}</body></html>")


def test_caller_date_comes_first():
    assert published_date("2024-03-01", JsonLd(published="2024-03-05"), EMPTY, None,
                          None) == "2024-03-01"


def test_utc_timestamp_near_midnight_yields_to_htmldate_day_one_day_off():
    # 01:30 UTC on the 6th is the evening of the 5th where the page was published.
    utc = JsonLd(published="2024-03-06T01:30:00Z")
    assert published_date(None, utc, EMPTY, "2024-03-05", None) == "2024-03-05"
    assert published_date(None, utc, EMPTY, "2024-03-06", None) == "2024-03-06T01:30:00+00:00"
    assert published_date(None, utc, EMPTY, None, None) == "2024-03-06T01:30:00+00:00"


def test_utc_timestamp_keeps_its_day_against_a_date_far_off():
    # htmldate may read a modification date; a week off is no time zone.
    utc = JsonLd(published="2024-03-06T01:30:00Z")
    assert published_date(None, utc, EMPTY, "2024-03-13", None) == "2024-03-06T01:30:00+00:00"


def test_utc_timestamp_at_midday_is_the_same_day_everywhere():
    utc = JsonLd(published="2020-01-19T12:25:36Z")
    assert published_date(None, utc, EMPTY, "2020-01-20", None) == "2020-01-19T12:25:36+00:00"


def test_local_timestamp_is_kept_as_declared():
    local = JsonLd(published="2024-03-06T01:30:00+01:00")
    assert published_date(None, local, EMPTY, "2024-03-05", None) == "2024-03-06T01:30:00+01:00"


def test_local_declared_date_beats_a_utc_one():
    utc = JsonLd(published="2022-01-04T07:29:00.000Z")
    head = '<meta property="article:published_time" content="2022-01-06T08:29:34">'
    assert published_date(None, utc, tree(head), None, None) == "2022-01-06T08:29:34"


def test_same_instant_with_an_offset_gives_the_local_day():
    head = '<meta property="article:published_time" content="2022-05-04T03:37:37+00:00">'
    body = '<time datetime="2022-05-03T23:37:37-04:00">3 May, 2022, 11:37 pm</time>'
    assert published_date(None, JsonLd(), tree(head, body), "2022-05-04",
                          None) == "2022-05-03T23:37:37-04:00"


def test_url_date_one_day_off_gives_the_local_day():
    utc = JsonLd(published="2021-03-09T02:15:00Z")
    url = "https://example.com/2021/03/08/world/story.html"
    assert published_date(None, utc, EMPTY, None, url) == "2021-03-08"


def test_url_date_when_nothing_is_declared_or_found():
    assert published_date(None, JsonLd(), EMPTY, None,
                          "https://example.com/2021/03/08/story") == "2021-03-08"
    assert published_date(None, JsonLd(), EMPTY, "2021-03-07",
                          "https://example.com/2021/03/08/story") == "2021-03-07"


@pytest.mark.parametrize("head", [
    '<meta property="og:article:published_time" content="2020-01-19T12:25:36+01:00">',
    '<meta name="DC.date.issued" content="2020-01-19">',
    '<meta name="sailthru.date" content="2020-01-19 10:00:00 -0500">',
    '<meta name="parsely-pub-date" content="2020-01-19">',
    '<meta name="vr:published-time" content="19.01.2020 18:50">',
    '<meta name="citation_publication_date" content="2020/01/19">',
])
def test_declared_date_metas(head):
    assert (published_date(None, JsonLd(), tree(head), "2020-02-02", None) or "")[:10] == \
        "2020-01-19"


def test_microdata_date_published_with_content_attribute():
    body = '<time itemprop="datePublished" content="2020-04-27T20:10:40+0200">27.04.2020</time>'
    assert published_date(None, JsonLd(), tree(body=body), "2020-07-08",
                          None) == "2020-04-27T20:10:40+02:00"


def test_jsonld_date_created_stands_in_for_date_published():
    created = JsonLd(created="2020-04-27T17:58:19+02:00")
    assert published_date(None, created, EMPTY, "2020-07-08", None) == "2020-04-27T17:58:19+02:00"


def test_modification_date_is_never_the_publication_date():
    head = ('<meta property="article:modified_time" content="2020-06-04T16:41:46+02:00">'
            '<meta property="og:updated_time" content="2020-06-04T16:41:46+02:00">')
    assert published_date(None, JsonLd(), tree(head), "2019-06-17", None) == "2019-06-17"


@pytest.mark.parametrize("value, expected", [
    ("27.04.2020 18:50", "2020-04-27T18:50:00"),
    ("2022/05/10 17:36:11", "2022-05-10T17:36:11"),
    ("Mon, 04 May 2020 10:00:00 +0200", "2020-05-04T10:00:00+02:00"),
    ("Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)",
     "2018-02-20T01:00:00+01:00"),
    ("10/05/2022 05:22 pm", None),  # day or month first: no way to tell
])
def test_normalize_date_reads_common_forms(value, expected):
    assert normalize_date(value) == expected


def test_docstring_examples_hold():
    result = doctest.testmod(html_dates)
    assert result.attempted > 0 and result.failed == 0


def page(head: str = "", header: str = "", lang: str = "en"):
    """A page with a headline, header lines below it and a body."""
    return load_html(f"<html lang='{lang}'><head>{head}</head><body><article>"
                     f"<h1>Council backs tram extension</h1>{header}<p>The city council voted "
                     "on Tuesday to expand the tram network to the northern districts, a "
                     "project that has been debated for more than a decade.</p></article>"
                     "</body></html>")


def test_date_shown_below_the_headline_when_nothing_is_declared():
    tree_es = page(header="<p>Publicado el 3 de marzo de 2024 a las 10:00</p>", lang="es")
    assert published_date(None, JsonLd(), tree_es, None, None) == "2024-03-03"
    tree_de = page(header="<div>Von Anna Schmidt | 03.03.2024, 10:00 Uhr</div>", lang="de-DE")
    assert published_date(None, JsonLd(), tree_de, None, None) == "2024-03-03"


def test_shown_date_beats_htmldate_but_not_a_declared_one():
    shown = page(header="<p>March 3, 2024</p>")
    assert published_date(None, JsonLd(), shown, "2023-06-28", None) == "2024-03-03"
    assert published_date(None, JsonLd(published="2024-03-02T18:00:00+01:00"), shown,
                          None, None) == "2024-03-02T18:00:00+01:00"


def test_modification_date_below_the_headline_is_not_taken():
    updated = page(header="<p>Actualizado el 5 de marzo de 2024</p>", lang="es")
    assert published_date(None, JsonLd(), updated, "2024-03-03", None) == "2024-03-03"


def test_shown_date_day_first_on_a_british_page():
    british = page(header="<p>05/03/2024</p>", lang="en-GB")
    assert published_date(None, JsonLd(), british, None, None) == "2024-03-05"


def test_utc_timestamp_takes_the_offset_the_page_writes_its_other_dates_in():
    # 23:30 UTC on the 5th is already the 6th in Berlin, where the page was modified.
    utc = JsonLd(published="2024-03-05T23:30:00Z", modified="2024-03-07T09:00:00+01:00")
    assert published_date(None, utc, EMPTY, None, None) == "2024-03-06T00:30:00+01:00"


def test_shown_date_one_day_off_gives_the_local_day_of_a_utc_timestamp():
    utc = JsonLd(published="2024-03-06T02:30:00Z")
    assert published_date(None, utc, page(header="<p>March 5, 2024</p>"), None,
                          None) == "2024-03-05"


def test_time_elements_marked_as_modified_are_skipped():
    body = ('<p>Updated: <time datetime="2024-03-09T10:00:00+01:00">9 March</time></p>'
            '<div><time class="entry-date updated" datetime="2024-03-08">8 March</time></div>'
            '<div><time datetime="2024-03-03T10:00:00+01:00">3 March</time></div>')
    assert published_date(None, JsonLd(), tree(body=body), None,
                          None) == "2024-03-03T10:00:00+01:00"


def test_year_only_date_from_htmldate_yields_to_the_url():
    # htmldate gives January 1 when a copyright line is all it found.
    assert published_date(None, JsonLd(), EMPTY, "2004-01-01",
                          "https://example.com/2019/06/13/cake") == "2019-06-13"


def test_future_and_ancient_declared_dates_are_placeholders():
    assert published_date(None, JsonLd(published="2099-12-31"), EMPTY, "2024-03-03",
                          None) == "2024-03-03"
    assert published_date(None, JsonLd(published="1970-01-01T00:00:00Z"), EMPTY, "2024-03-03",
                          None) == "2024-03-03"


def test_declared_dates_in_arabic_digits():
    assert normalize_date("٢٠٢٤-٠٣-٠٣T10:00:00+03:00") == "2024-03-03T10:00:00+03:00"


def test_declared_date_written_for_readers():
    head = '<meta name="pubdate" content="3 de marzo de 2024">'
    spanish = load_html(f"<html lang='es'><head>{head}</head><body><p>x</p></body></html>")
    assert published_date(None, JsonLd(), spanish, "2024-05-05", None) == "2024-03-03"
    assert published_date(None, JsonLd(published="2024年3月3日"), EMPTY, None,
                          None) == "2024-03-03"


def test_year_only_date_from_htmldate_is_no_publication_date():
    assert published_date(None, JsonLd(), EMPTY, "2004-01-01", None) is None
    # ... unless the URL names that very day.
    assert published_date(None, JsonLd(), EMPTY, "2019-01-01",
                          "https://example.com/2019/01/01/new-year") == "2019-01-01"


@pytest.mark.parametrize("lang, header, expected", [
    ("ru", "<p>Обновлено 5 марта 2024</p><p>Опубликовано: 3 марта 2024, 10:15</p>",
     "2024-03-03"),
    ("tr", "<p>Güncelleme: 5 Mart 2024 - Yayınlanma: 3 Mart 2024</p>", "2024-03-03"),
    ("pl", "<p>Aktualizacja: 5 marca 2024</p><p>Opublikowano: 3 marca 2024</p>", "2024-03-03"),
    ("nl", "<p>Bijgewerkt op 5 maart 2024</p><p>Gepubliceerd op 3 maart 2024</p>",
     "2024-03-03"),
    ("pt", "<p>Atualizado em 5 de março de 2024</p><p>Publicado em 3 de março de 2024</p>",
     "2024-03-03"),
    ("ja", "<p>更新日時：2024年3月5日</p><p>公開日時：2024年3月3日</p>", "2024-03-03"),
    ("zh", "<p>2024年3月3日 10:15 来源：新华社</p>", "2024-03-03"),
    ("ko", "<p>입력 2024.03.03 10:15</p><p>수정 2024.03.05</p>", "2024-03-03"),
    ("pl", "<p>niedziela, 3 marca 2024 r.</p>", "2024-03-03"),
    ("ru", "<p>03 мар 2024, 10:15</p>", "2024-03-03"),
])
def test_published_and_updated_labels_in_more_languages(lang, header, expected):
    assert published_date(None, JsonLd(), page(header=header, lang=lang), None,
                          None) == expected


@pytest.mark.parametrize("lang, header", [
    ("en", "<p>3 hours ago</p>"),
    ("en", "<p>Published 3 hours ago</p>"),
    ("de", "<p>vor 3 Stunden</p>"),
    ("es", "<p>hace 2 días</p>"),
])
def test_relative_time_is_no_publication_date(lang, header):
    assert published_date(None, JsonLd(), page(header=header, lang=lang), None, None) is None


@pytest.mark.parametrize("lang, header", [
    ("ar", "<p>١٥ رمضان ١٤٤٥</p>"),
    ("fa", "<p>۱۴۰۲/۱۲/۱۳</p>"),
    ("fa", "<p>13 اسفند 1402</p>"),
])
def test_hijri_and_persian_calendar_dates_are_skipped_not_misread(lang, header):
    assert published_date(None, JsonLd(), page(header=header, lang=lang), None, None) is None


def test_gregorian_date_beside_a_hijri_one_is_read():
    header = "<p>الأحد 15 رمضان 1445 هـ - 24 مارس 2024</p>"
    assert published_date(None, JsonLd(), page(header=header, lang="ar"), None,
                          None) == "2024-03-24"
