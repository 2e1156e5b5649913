"""Bytes to text: newsgraph/sources/decoding.py."""

from __future__ import annotations

import codecs

import pytest

from newsgraph.errors import SourceBinary, SourceEmpty
from newsgraph.model import RawDocument
from newsgraph.sources.decoding import decode_bytes, decode_document

FRENCH = "<p>Le café est très bon, à Montréal. Déjà vu, dit-elle à l'élève. </p>\n" * 10
RUSSIAN = "<p>Москва и Киев провели переговоры в четверг, сообщили власти. </p>\n" * 10


def test_utf8_wins_over_a_wrong_latin1_declaration():
    page = f'<meta charset="iso-8859-1">{FRENCH}'.encode("utf-8")
    text, encoding = decode_document(RawDocument(source="p.html", data=page))
    assert encoding == "utf-8"
    assert "très" in text and "Ã" not in text


def test_wrong_utf8_declaration_falls_back_to_detection():
    page = f'<meta charset="utf-8">{FRENCH}'.encode("cp1252")
    text, encoding = decode_document(RawDocument(source="p.html", data=page))
    assert encoding == "cp1252"
    assert "très bon, à Montréal" in text


def test_cyrillic_legacy_page_without_declaration_is_detected():
    text, encoding = decode_bytes(RUSSIAN.encode("cp1251"), source="p.html")
    assert "Москва и Киев" in text, encoding


def test_a_true_declaration_is_used():
    page = ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            + RUSSIAN).encode("cp1251")
    text, encoding = decode_document(RawDocument(source="p.html", data=page))
    assert encoding == "cp1251" and "Москва" in text


def test_byte_order_marks_decide():
    for encoding in ("utf-8-sig", "utf-16", "utf-32"):
        text, used = decode_bytes(FRENCH.encode(encoding), source="p.html")
        assert text.lstrip("\ufeff") == FRENCH, encoding


def test_utf16_without_bom_is_text_not_binary():
    for encoding in ("utf-16-le", "utf-16-be"):
        text, used = decode_bytes(FRENCH.encode(encoding), source="p.html")
        assert (text, used) == (FRENCH, encoding)


def test_binary_data_is_refused_with_the_source_named():
    data = bytes(range(256)) * 40
    with pytest.raises(SourceBinary) as info:
        decode_bytes(data, source="photo.jpg")
    assert info.value.source == "photo.jpg" and info.value.code == "E105"


def test_a_few_nul_bytes_do_not_make_a_page_binary():
    page = FRENCH.encode("utf-8").replace(b"caf", b"c\x00af", 2)
    text, _ = decode_bytes(page, source="p.html")
    assert "très" in text


def test_mostly_nul_bytes_are_binary():
    with pytest.raises(SourceBinary):
        decode_bytes(b"\x00" * 4000 + b"<p>x</p>", source="p.html")


def test_empty_text_is_refused():
    with pytest.raises(SourceEmpty):
        decode_bytes(b"  \n ", source="p.html")
    with pytest.raises(SourceEmpty):
        decode_document(RawDocument(source="<text>", text="   "))


def test_unknown_declared_charset_is_ignored():
    page = b'<meta charset="x-no-such-charset">' + FRENCH.encode("utf-8")
    text, encoding = decode_document(RawDocument(source="p.html", data=page))
    assert encoding == "utf-8" and "très" in text


def test_ascii_page_reports_its_declared_ascii_compatible_charset():
    text, encoding = decode_bytes(b"<p>plain</p>", source="p.html", declared="windows-1252")
    assert text == "<p>plain</p>" and encoding == codecs.lookup("cp1252").name
