"""Reading the lines of a capture: Markdown, hard wraps, rules, breadcrumbs."""

from __future__ import annotations

import pytest

from newsgraph.extract.capture_lines import (is_bio_line, is_paragraph, line_rule, read_lines,
                                             section_names, word_count)
from newsgraph.extract.normalize import clean_line


@pytest.mark.parametrize("line, rule", [
    ("1. Skip to content", "skip"), ("Accept all cookies", "skip"), ("Share", "skip"),
    ("More on this topic", "end"), ("Related", "end"), ("Posted by jane on May 4, 2025", "meta"),
    ("Das könnte Sie auch interessieren", "end"), ("Comments are closed.", "skip"),
    ("Get the Weekly Newsletter", "skip"), ("The mayor met the builders in the harbour on Thursday.", None),
    ("The newsletter reached 20,000 readers in its first month, the publisher said.", None),
    ("Sign Up for the Intelligencer Newsletter", "skip"), ("Weiterlesen 5 Minuten", "skip"),
    ("Continue reading →", "skip"), ("45 Gedanken zu „Ein Titel“", "end"),
    ("Les opinions exprimées dans les blogs n'engagent que leurs auteurs.", "skip"),
    ("(También puede leer: Quintero habló en Antioquia)", "skip"),
])
def test_line_rules(line, rule):
    assert line_rule(line) == rule


def test_section_names_from_run_together_words_and_breadcrumbs():
    assert section_names("ScienceAfrica", {"africa", "harbour"}) == ("Science", "Africa")
    assert section_names("EnvironmentEurope", {"environment"}) == ("Environment", "Europe")
    assert section_names("Home › World › Asia") == ("World", "Asia")
    assert section_names("China") == ()
    assert section_names("The mayor met / the builders on Thursday.") == ()


def test_markdown_is_undone():
    lines = read_lines("# Title\n\n*By Jane Doe*\n\n![A harbour](https://x.example/a.jpg)\n\n"
                       "Text with a [link](https://x.example) and **bold** words here.",
                       markdown=True)
    assert [line.text for line in lines] == ["Title", "By Jane Doe", "",
                                             "Text with a link and bold words here."]
    assert lines[0].heading == 1
    assert (lines[2].image_alt, lines[2].image_src) == ("A harbour", "https://x.example/a.jpg")


def test_hard_wrapped_paragraph_is_joined_but_caption_block_is_not():
    wrapped = ("The central bank kept its main interest rate unchanged on\n"
               "Wednesday but said it expected to lower borrowing costs\n"
               "later this year.")
    assert len(read_lines(wrapped)) == 1
    picture = ("Barges on the Rhine near Kaub, where the river is narrowest\n"
               "Barges carry a third of their load at KaubPhoto: Max Roe/dpa")
    lines = read_lines(picture)
    assert len(lines) == 2 and lines[1].credit == "Max Roe/dpa"


def test_paragraphs_and_word_counts():
    assert is_paragraph("The ferry left the harbour at dawn on Tuesday.")
    assert not is_paragraph("What did the mayor promise?")
    assert not is_paragraph("Fishing boats return to the harbour at dusk")
    assert word_count("习近平会见金正恩") == 4


@pytest.mark.parametrize("line, rule", [
    ("reader42 says:", None), ("Anhora sagt:", None), ("91 Kommentare", "end"),
    ("12 comments", "end"),
    ("Never miss the latest news by signing up to our newsletter today!", "skip"),
    ("You must be logged in to post a comment.", "skip"),
    ("This post contains affiliate links, and we may earn a commission from purchases.", "skip"),
    ("Get the latest news straight to your phone with the Example News app.", "skip"),
    ("You are commenting using your WordPress.com account. ( Log Out / Change )", "skip"),
    ("Notify me of new posts via email.", "skip"),
    ("Read more: Talks in Geneva end without a deal", "skip"),
    ("The minister said the new rules would take effect next year, officials say:", None),
])
def test_comment_and_promotion_rules(line, rule):
    assert line_rule(line) == rule


def test_bio_lines_are_author_blurbs_only():
    assert is_bio_line("Jane Doe is a senior writer for Example News, covering science.")
    assert is_bio_line("Max Roe schreibt als freier Autor über Wirtschaft.")
    assert not is_bio_line("Deutschland ist ein Land mit vielen Regeln.")
    assert not is_bio_line("Joe Biden is the 46th president of the United States.")
    # Bio rules never decide a line on their own: inside the article such a line is news.
    assert line_rule("Jane Doe is a senior writer for Example News.") is None


def test_numbers_stay_in_plain_text_and_go_in_markdown():
    assert read_lines("1. What do you call a sleeping dinosaur?")[0].text == \
        "1. What do you call a sleeping dinosaur?"
    assert read_lines("- Home")[0].text == "Home"
    assert read_lines("1. First point of the list here", markdown=True)[0].text == \
        "First point of the list here"


def test_control_and_invisible_characters_are_cleaned_as_everywhere_else():
    lines = read_lines("The\u00a0ferry\u200b left\x00 the \u00adharbour at dawn.\n\n\x07Next line")
    assert [line.text for line in lines] == [clean_line("The\u00a0ferry\u200b left\x00 the "
                                                        "\u00adharbour at dawn."), "Next line"]


@pytest.mark.parametrize("line, thread", [
    ("12 comments", True), ("3 Kommentare zu „Ein Titel“", True), ("Leserkommentare", True),
    ("Leave a Reply", True), ("Join the conversation", True),
    ("Related", False), ("Jane says:", False), ("The mayor met the builders in the harbour on Thursday.", False),
])
def test_comment_thread_openers_are_end_markers_marked_as_threads(line, thread):
    (item,) = read_lines(line)
    assert item.thread is thread
    if thread:
        assert item.rule == "end" and line_rule(line) == "end"


@pytest.mark.parametrize("line", ["Relacionados:", "Weitere Inhalte:", "Lesetipps",
                                  "Verwandte Themen", "Beitrags-Navigation"])
def test_related_headings_in_other_languages_end_the_article(line):
    assert line_rule(line) == "end"


@pytest.mark.parametrize("line, rule", [
    ("We use cookies to improve your experience.", "skip"), ("Accept all cookies", "skip"),
    ("Diese Website verwendet Cookies.", "skip"), ("Cookie Policy", "skip"),
    ("Christmas Cookies", None),
    ("The EU cookie law requires consent from users, regulators said on Monday.", None),
    ("Externer Inhalt", "skip"), ("View this post on Instagram", "skip"),
    ("A post shared by Jane Doe (@jane.doe)", "skip"), ("Reading time: 3 min", "skip"),
    ("Follow CNN", "skip"), ("Follow the money", None), ("Tweet Share", "skip"),
    ("You are here: Home / News / World", "skip"), ("Image caption Crowds in Kyiv", "skip"),
    ("Über den Autor", "end"), ("Recent Posts", "end"),
])
def test_boilerplate_rules_match_boilerplate_only(line, rule):
    assert line_rule(line) == rule


def test_blurb_under_a_sign_up_heading_is_skipped_but_not_article_text():
    blurb = "The latest news and analysis from our bureau chiefs in the capital."
    boxed = read_lines(f"Get our Politics newsletter\n{blurb}\nEmail address")
    assert [(line.text, line.rule) for line in boxed][:2] == [
        ("Get our Politics newsletter", "skip"), (blurb, "skip")]
    inline = read_lines(f"Get our Politics newsletter\n\n{blurb}\n\n{blurb}")
    assert inline[1].rule is None and inline[1].paragraph


def test_excerpt_above_a_read_on_link_is_skipped_when_a_capture_lists_several():
    excerpt = "The council met again on Tuesday and talked about the budget for hours."
    one = read_lines(f"Story\n{excerpt}\nWeiterlesen")
    assert one[1].paragraph and one[1].rule is None
    two = read_lines(f"Story\n{excerpt}\nWeiterlesen\n\nOther\n{excerpt}\nWeiterlesen")
    assert [line.rule for line in two if line.text == excerpt] == ["skip", "skip"]


def test_drop_cap_is_joined_to_the_rest_of_its_word():
    lines = read_lines("T\n\nhe talks ended on Monday without an agreement, officials said.")
    assert [line.text for line in lines] == [
        "The talks ended on Monday without an agreement, officials said."]
    assert [line.text for line in read_lines("A\nB\nC")] == ["A", "B", "C"]


def test_credit_label_run_into_the_caption_is_split_off():
    line = read_lines("Delegates left the hall after the talks ended.Photo: Jane Doe")[0]
    assert (line.caption, line.credit) == ("Delegates left the hall after the talks ended.",
                                           "Jane Doe")
    assert not line.paragraph


def test_sentence_closed_by_a_link_is_a_paragraph():
    assert is_paragraph("Notice the warping across both the eyes and nose. pic.twitter.com/U7PMa4")
    assert not is_paragraph("Read the whole report here https://example.com/report")


@pytest.mark.parametrize("word", ["YouTube", "WhatsApp", "McDonald", "LinkedIn", "PayPal",
                                  "TikTok", "GitHub"])
def test_brand_names_written_in_camel_case_are_not_split_into_sections(word):
    parts = {part.casefold() for part in ("You", "Tube", "Whats", "App", "Mc", "Donald",
                                          "Linked", "In", "Pay", "Pal", "Tik", "Tok", "Git",
                                          "Hub")}
    assert section_names(word, parts) == ()


def test_run_together_word_is_split_only_when_the_page_confirms_a_part():
    assert section_names("ScienceAfrica") == ()
    assert section_names("ScienceAfrica", {"harbour"}) == ()
    # The word itself used on the page is a name, not two crumbs run together.
    assert section_names("BlackRock", {"black", "blackrock"}) == ()


def test_separated_breadcrumb_keeps_a_brand_name_whole():
    assert section_names("Business / YouTube") == ("Business", "YouTube")


def test_commenter_line_ends_the_article_only_in_a_comment_thread():
    article = ("The talks ended on Monday without an agreement, officials said after the "
               "meeting in the harbour town. ") * 6
    comment = "What a shame, I had hoped they would agree on something better this time."
    alone = read_lines(f"{article}\n\nThe Norwegian minister said:\n\n\"We will return.\"")
    assert alone[1].text == "The Norwegian minister said:" and alone[1].rule is None
    thread = read_lines(f"{article}\n\n12 comments\n\nDan says:\n\n{comment}")
    assert thread[2].text == "Dan says:" and thread[2].rule == "end"
    timed = read_lines(f"{article}\n\njane says:\nMarch 3, 2025 at 10:14 am\n{comment}")
    assert timed[1].rule == "end"
    # A comment count under the headline, before the article's text, opens no thread.
    early = read_lines(f"Talks end\n\n3 comments\n\n{article}\n\nThe minister said:\n\n"
                       f"\"We will return.\"")
    assert early[3].text == "The minister said:" and early[3].rule is None
