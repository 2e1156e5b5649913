"""Header lines: the byline and the date shown around the headline."""

from __future__ import annotations

import doctest

from trafilatura.utils import load_html

from newsgraph.extract import html_header
from newsgraph.extract.html_header import Header, header_bylines, header_date, read_header

BODY = ("<p>The city council voted on Tuesday to expand the tram network to the northern "
        "districts, a project that has been debated for more than a decade by everyone.</p>")


def page(before: str = "", after: str = "", body: str = BODY) -> Header:
    html = (f"<html><body><nav><a href='/'>Home</a></nav><article>{before}"
            f"<h1>Council backs tram extension</h1>{after}{body}</article>"
            "<footer><p>Read more by Max Roe</p></footer></body></html>")
    return read_header(load_html(html))


def test_lines_below_the_headline_stop_where_the_body_starts():
    header = page(after="<div class='meta'><span>By Jane Doe</span> | <time>4 May 2024</time>"
                        "</div><p>Share</p>")
    assert header.after == ("By Jane Doe | 4 May 2024", "Share")


def test_line_breaks_and_scripts_in_the_header():
    header = page(after="<p>By Jane Doe<br>4 May 2024<script>var x = 1;</script></p>")
    assert header.after == ("By Jane Doe", "4 May 2024")


def test_lines_above_the_headline_nearest_first():
    header = page(before="<p>Politics</p><p>4 May 2024</p>")
    assert header.before[:2] == ("4 May 2024", "Politics")


def test_page_without_headline_has_no_header():
    assert read_header(load_html(f"<html><body>{BODY}</body></html>")) == Header()


def test_bylines_in_the_shapes_headers_have():
    lines = ("yas! | By Cara Stiles | April 13, 2020",
             "Posted on September 21, 2020 by Adi Tzlil",
             "11.12.2019 - Amelie Loevenich",
             "Ein Beitrag von Margarita Koreneva")
    assert header_bylines(Header(after=lines)) == [
        "By Cara Stiles", "by Adi Tzlil", "Amelie Loevenich", "von Margarita Koreneva"]


def test_picture_credits_and_sentences_are_no_bylines():
    lines = ("Photo by Max Roe", "Foto von Erika Mustermann", "Berlin", "Topics: Transport",
             "The plan was drafted by the city council")
    assert header_bylines(Header(after=lines)) == []


def test_published_label_beats_modified_and_unlabelled_dates():
    header = Header(after=("Updated 5 May 2024", "Published 3 May 2024"), before=("1 May 2024",))
    assert header_date(header, "en") == ("2024-05-03", True)


def test_modification_date_alone_is_never_taken():
    assert header_date(Header(after=("Last updated: 5 May 2024",)), "en") == (None, False)


def test_dates_in_the_page_language():
    cases = [("es", "Publicado el 3 de marzo de 2024 a las 10:00", "2024-03-03"),
             ("de", "Veröffentlicht am 3. März 2024, 10:00 Uhr", "2024-03-03"),
             ("fr", "Publié le 3 mars 2024 à 10h00, mis à jour le 4 mars 2024", "2024-03-03"),
             ("pt", "Publicado em 13/03/2024 - 10:00 Atualizado em 14/03/2024", "2024-03-13"),
             ("ja", "公開日：2024年3月3日 更新日：2024年3月4日", "2024-03-03"),
             ("ko", "입력 2024.03.03 10:30 수정 2024.03.04 11:00", "2024-03-03"),
             ("ar", "نشر في ٣ مارس ٢٠٢٤", "2024-03-03"),
             ("pl", "Opublikowano: 3 marca 2024", "2024-03-03")]
    for language, line, expected in cases:
        assert header_date(Header(after=(line,)), language)[0] == expected, (language, line)


def test_docstring_examples_hold():
    result = doctest.testmod(html_header)
    assert result.attempted > 0 and result.failed == 0
