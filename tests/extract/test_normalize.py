from newsgraph.extract.normalize import (article_id, build_article, clean_line, join_paragraphs,
                                         looks_like_html)


def test_clean_line_turns_unicode_spaces_into_plain_spaces():
    assert clean_line("Kim\u00a0Jong\u2009Un\u3000met Xi") == "Kim Jong Un met Xi"


def test_clean_line_drops_nul_and_control_characters():
    assert clean_line("a\x00b\x07c\u200bd") == "a b cd"


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
