from newsgraph.extract.normalize import (article_id, build_article, clean_line, join_paragraphs,
                                         looks_like_html)


def test_clean_line_turns_unicode_spaces_into_plain_spaces():
    assert clean_line("Kim\u00a0Jong\u2009Un\u3000met Xi") == "Kim Jong Un met Xi"


def test_clean_line_drops_nul_and_control_characters():
    assert clean_line("a\x00b\x07c\u200bd") == "a b cd"


def test_clean_line_composes_decomposed_letters():
    # "Sánchez" typed with a combining acute accent, as some editors and macOS file names do.
    assert clean_line("Sa\u0301nchez said") == "S\u00e1nchez said"


def test_text_capture_and_html_bodies_are_composed_alike():
    from newsgraph.extract import ExtractOptions, extract
    from newsgraph.model import RawDocument

    sentence = "Pedro Sa\u0301nchez met officials in Bogota\u0301 on Monday to discuss the budget."
    capture = RawDocument(source="capture.txt", data=(sentence * 3).encode(), content_type="text/plain")
    page = RawDocument(source="page.html", content_type="text/html", data=(
        f"<html><body><article><h1>Budget</h1><p>{sentence * 3}</p></article></body></html>").encode())
    for raw in (capture, page):
        body = extract(raw, ExtractOptions()).body
        assert "S\u00e1nchez" in body and "\u0301" not in body, raw.source


def test_join_paragraphs_uses_a_blank_line_and_drops_empty_ones():
    assert join_paragraphs(["One.", "  ", "Two\u00a0two."]) == "One.\n\nTwo two."


def test_looks_like_html_sniffs_markup_not_prose():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert not looks_like_html("Politics\n\nA headline\n\nBody text with <3 hearts.")


def test_article_id_is_stable_and_changes_with_content():
    assert article_id("https://a/b", None, "h1") == article_id("https://a/b", "elsewhere", "h1")
    assert article_id("https://a/b", None, "h1") != article_id("https://a/b", None, "h2")


def test_build_article_cleans_fields_and_deduplicates_lists():
    art = build_article(body_paragraphs=["First\u00a0para.", "Second."], component="test",
                        url="https://x.example/a", source="a.html", title=" A\u00a0title ",
                        authors=["Jane Doe", "Jane\u00a0Doe", ""])
    assert art.body == "First para.\n\nSecond."
    assert art.title == "A title"
    assert art.authors == ("Jane Doe",)
    assert art.extractor.startswith("test/")
    assert len(art.content_hash) == 64
