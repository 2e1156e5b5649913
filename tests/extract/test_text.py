"""Text captures: the hand-written captures in ``captures/`` and the rules they exercise."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph.extract import ExtractOptions, extract
from newsgraph.extract.text import extract_text
from newsgraph.model import RawDocument

CAPTURES = Path(__file__).parent / "captures"
CASES = sorted(p for p in CAPTURES.iterdir()
               if p.suffix in (".txt", ".md") and p.with_suffix(".expected.json").exists())
EXACT_FIELDS = ("title", "sections", "authors", "agencies", "editors", "published", "url",
                "site", "language", "subheadings")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def read_case(path: Path) -> tuple[dict, dict]:
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    content_type = "text/markdown" if path.suffix == ".md" else "text/plain"
    raw = RawDocument(source=path.name, data=path.read_bytes(), content_type=content_type,
                      url=expected["given"].get("url"))
    return extract(raw).to_dict(), expected["article"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_capture_fields(path):
    article, expected = read_case(path)
    wrong = {key: (article[key], expected[key]) for key in EXACT_FIELDS
             if key in expected and article[key] != expected[key]}
    assert not wrong, f"(got, expected): {wrong}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_capture_body(path):
    article, expected = read_case(path)
    body = article["body"]
    assert norm(body).startswith(norm(expected["body_starts_with"])), body[:200]
    assert norm(body).endswith(norm(expected["body_ends_with"])), body[-200:]
    present = [s for s in expected["body_must_not_contain"] if s in body]
    assert not present, f"body contains {present}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_capture_images(path):
    article, expected = read_case(path)
    assert len(article["images"]) == len(expected["images"]), article["images"]
    for want in expected["images"]:
        hits = [i for i in article["images"]
                if i["caption"] == want["caption"] and i["credit"] == want["credit"]]
        assert hits, f"no image {want} in {article['images']}"
        if "description_starts_with" in want:
            assert norm(hits[0]["description"]).startswith(want["description_starts_with"])


def _extract(text: str, **raw) -> dict:
    document = RawDocument(source="capture.txt", text=text, **raw)
    return extract_text(text, document, encoding=None, options=ExtractOptions()).to_dict()


LEAD = ("The talks ended on Monday without an agreement, officials said after the meeting. "
        "Neither side would say which of the open questions had blocked a deal.")
PARAGRAPH = ("Both delegations said they would meet again next month to discuss the open "
             "points. A spokesperson for the host country said it was ready to help.")


def test_teaser_after_picture_is_left_out_but_subheading_is_kept():
    text = (f"Talks end without a deal\n\n{LEAD}\n\nDelegates leave the hall\n"
            "Delegates left the hall after the talksImage: Jane Doe/Example Pictures\n\n"
            "Leaders meet in Geneva\n\nWhat comes next?\n\n" + PARAGRAPH)
    article = _extract(text)
    assert article["subheadings"] == ["What comes next?"]
    assert "Leaders meet in Geneva" not in article["body"]
    assert article["images"][0]["credit"] == "Jane Doe/Example Pictures"
    assert article["images"][0]["description"] == "Delegates leave the hall"


def test_bare_proxy_link_becomes_the_article_url_and_its_date():
    text = (f"https://proxy.example:443/https/www.example.com/world/2024/05/06/talks.html\n\n"
            f"Talks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}")
    article = _extract(text)
    assert article["url"] == "https://www.example.com/world/2024/05/06/talks.html"
    assert article["published"] == "2024-05-06"
    assert "proxy.example" not in article["body"]


def test_given_url_and_date_win_over_the_capture():
    text = f"Talks end without a deal\n\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}"
    article = _extract(text, url="https://www.dw.com/en/a-1", published="2024-05-07")
    assert (article["url"], article["site"], article["published"]) == (
        "https://www.dw.com/en/a-1", "DW", "2024-05-07")


def test_author_bio_and_editor_line_stay_out_of_the_body():
    text = (f"Talks end without a deal\n\nJane Doe AFP\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}\n\n"
            "Edited by: Max Roe\n\nJane Doe Reporter covering diplomacy and trade.@JaneDoe")
    article = _extract(text)
    assert article["authors"] == ["Jane Doe"] and article["agencies"] == ["AFP"]
    assert article["editors"] == ["Max Roe"]
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_two_title_case_words_alone_are_a_headline_not_a_byline():
    text = f"Leadership Styles\n\n{LEAD}\n\n{PARAGRAPH}"
    article = _extract(text)
    assert article["title"] == "Leadership Styles"
    assert article["authors"] == []


def test_short_note_without_paragraphs_keeps_its_text():
    article = extract(RawDocument(source="x.txt", text="Title\n\nFirst paragraph of text here."))
    assert article.title == "Title"
    assert article.body == "First paragraph of text here."


def test_lists_and_short_sentences_inside_the_article_are_kept():
    # A list costs the article less than the text that follows it brings.
    closing = ("Mix the flour, salt and yeast, add 350 ml of warm water and knead the dough for "
               "ten minutes. Leave it to rise for an hour, shape the loaf and bake it for forty "
               "minutes at 230 degrees until the crust is dark and sounds hollow.")
    text = (f"Recipe for bread\n\n{LEAD}\n\n{PARAGRAPH}\n\nYou need:\n500 g flour\n10 g salt\n"
            f"7 g yeast\n\nEasy.\n\n{closing}")
    body = _extract(text)["body"]
    for kept in ("You need:", "500 g flour", "7 g yeast", "Easy."):
        assert kept in body


def test_byline_split_over_two_lines_is_read():
    text = f"Talks end without a deal\n\nBy\nJane Doe\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}"
    article = _extract(text)
    assert article["authors"] == ["Jane Doe"]
    assert article["published"] == "2024-05-06"
    assert article["title"] == "Talks end without a deal"


def test_a_line_introducing_a_quote_stays_in_the_body_with_the_quote():
    quote = "\"We are taking responsibility for a stock that feeds many nations.\""
    closing = ("Fishing groups in the north said the cut would hurt small boats most, and "
               "asked the government in Oslo for support.")
    text = (f"Talks end without a deal\n\nBy Jane Doe\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}"
            f"\n\nThe Norwegian minister said:\n\n{quote}\n\n{closing}")
    body = _extract(text)["body"]
    assert f"The Norwegian minister said:\n\n{quote}\n\n{closing}" in body


def test_comment_thread_with_commenter_lines_stays_out_of_the_body():
    comment = "What a shame, I had hoped they would agree on something better this time."
    text = (f"Talks end without a deal\n\nBy Jane Doe\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}"
            f"\n\n{LEAD}\n\n{PARAGRAPH}\n\n12 comments\n\nDan says:\n\n{comment}")
    assert _extract(text)["body"] == f"{LEAD}\n\n{PARAGRAPH}\n\n{LEAD}\n\n{PARAGRAPH}"


def test_body_line_naming_the_author_and_a_handle_stays_in_the_body():
    reported = ("Jane Doe (@jdoe) first reported the plans last year, when the council still "
                "denied that any talks had taken place.")
    text = (f"Talks end without a deal\n\nBy Jane Doe\nMay 6, 2024\n\n{LEAD}\n\n{reported}"
            f"\n\n{PARAGRAPH}\n\nJane Doe Reporter covering diplomacy and trade.@jdoe")
    assert _extract(text)["body"] == f"{LEAD}\n\n{reported}\n\n{PARAGRAPH}"


def test_breadcrumb_of_a_brand_name_gives_no_sections():
    text = (f"News\nBusiness\n\nYouTube\n\nTalks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}"
            "\n\nYou can watch the talks on Tube Channel.")
    assert _extract(text)["sections"] == []


def test_breadcrumb_is_read_above_the_headline_only():
    text = (f"YouTube\nNews\nWorld\nSport\nWeather\n\nWorldAsia\n\nTalks end without a deal\n\n"
            f"{LEAD}\n\n{PARAGRAPH}")
    assert _extract(text)["sections"] == ["World", "Asia"]
    far = f"YouTube\nNews\nWorld\nSport\nWeather\nTalks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}"
    assert _extract(far)["sections"] == []


def _paragraphs(topic: str, count: int) -> str:
    """``count`` distinct body paragraphs about ``topic``, each some 150 characters long."""
    return "\n\n".join(
        f"Paragraph {n} on {topic}: the officials met again on day {n} and said that the "
        f"{topic} would need more work before anything could be signed by both sides."
        for n in range(1, count + 1))


def _menu(words: str) -> str:
    return "\n".join(words.split())


def test_comment_thread_after_a_short_article_is_not_the_body():
    comments = "\n\n".join(
        f"reader{n} says:\nMay {n}, 2024 at 9:1{n}\n\n"
        + "I think this is a long comment that goes on and on about many things, and it keeps "
          "going with more opinions and more words than the article itself had in it. " * 2
        for n in range(1, 6))
    text = (f"{_menu('Home World Business Sport')}\n\nTalks end without a deal\n\n{LEAD}\n\n"
            f"{PARAGRAPH}\n\n5 Comments\n\n{comments}")
    article = _extract(text)
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_sign_up_prompt_after_the_article_is_left_out():
    promo = ("Our morning briefing brings the stories of the day to you before breakfast, with "
             "analysis from our correspondents around the world.")
    text = (f"Talks end without a deal\n\n{LEAD}\n\n{_paragraphs('treaty', 6)}\n\n"
            f"Morning briefing\nEvery weekday at seven\nSign up\n\n{promo}\n\nPrivacy policy")
    body = _extract(text)["body"]
    assert body.startswith(LEAD) and "Paragraph 6 on treaty" in body
    assert promo not in body


def test_code_listing_between_paragraphs_keeps_the_article_going():
    code = "\n".join(["import os", "from pathlib import Path", "def main(argv):",
                      "    path = Path(argv[1])", "    for name in os.listdir(path):",
                      "        print(name.upper())", "if __name__ == '__main__':",
                      "    main(sys.argv)"])
    closing = ("Run the script with a folder as its argument and it prints the names of the "
               "files in it, one per line, in capital letters.\n\nThe listing uses nothing but "
               "the standard library, so it runs wherever Python does, old versions included.")
    text = f"Listing files\n\n{LEAD}\n\n{code}\n\n{closing}"
    body = _extract(text)["body"]
    assert closing in body and "path = Path(argv[1])" in body


def test_long_text_far_down_the_page_loses_to_the_article_near_the_top():
    menu = _menu(" ".join(f"Section{n}" for n in range(60)))
    footer = ("About us: we are an independent publisher founded many years ago, and everything "
              "on this site is written by our own staff, checked twice and published free. ") * 3
    text = (f"{menu}\n\nTalks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}\n\n{_menu('Related')}\n"
            f"{menu}\n\n{footer}")
    body = _extract(text)["body"]
    assert body == f"{LEAD}\n\n{PARAGRAPH}"


def test_numbered_lines_keep_their_numbers_in_plain_text():
    text = (f"Ten jokes for kids\n\n{LEAD}\n\n1. What do you call a sleeping dinosaur? A "
            f"dino-snore, says the boy who told it to us.\n\n2. Why did the banana go to the "
            f"doctor? It was not peeling well, says his sister.\n\n{PARAGRAPH}")
    body = _extract(text)["body"]
    assert "\n\n1. What do you call a sleeping dinosaur?" in body
    assert "\n\n2. Why did the banana go to the doctor?" in body


def test_closing_author_blurb_is_left_out():
    blurb = "Jane Doe is a senior correspondent covering diplomacy for the paper."
    text = f"Talks end without a deal\n\nBy Jane Doe\n\n{LEAD}\n\n{PARAGRAPH}\n\n{blurb}"
    article = _extract(text)
    assert article["authors"] == ["Jane Doe"]
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_byline_and_date_between_standfirst_and_body_keep_the_standfirst():
    standfirst = "The two sides will meet again in June, the hosts said on Monday evening."
    text = (f"{_menu('Home World Business Sport Culture')}\n\nTalks end without a deal\n\n"
            f"{standfirst}\n\nBy Jane Doe\n@janedoe\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}")
    body = _extract(text)["body"]
    assert body.startswith(standfirst) and body.endswith(PARAGRAPH)


@pytest.mark.slow
def test_a_capture_of_megabytes_is_read():
    # Guards against work growing faster than the capture (a scan of the rest of the lines
    # for every line): 2 MB of menus, captions and articles, some 40,000 lines.
    page = "\n\n".join(p.read_text("utf-8") for p in CASES)
    menu = "\n".join(f"Section {n}" for n in range(40))
    text = "\n\n".join(f"{menu}\n\n{page}" for _ in range(2_000_000 // (len(page) + len(menu))))
    article = _extract(text)
    assert article["body"]


@pytest.mark.slow
def test_a_capture_of_short_lines_only_is_read():
    # No paragraph at all: the whole capture is a note, and every short line is typed; work
    # per line must not grow with the lines above it. 1 MB, some 80,000 lines.
    text = "\n".join(["Home", "World", "Related", "A short line of menu text here:"] * 20_000)
    assert _extract(text)["body"]


def test_list_of_links_under_related_inside_the_article_is_left_out():
    later = PARAGRAPH.replace("next month", "in the autumn")
    text = (f"Talks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}\n\nRelated\n"
            "Leaders meet in Geneva\nSanctions stay in place\nWhat the talks were about\n\n"
            f"{LEAD}\n\n{PARAGRAPH}\n\n{later}")
    body = _extract(text)["body"]
    assert "Sanctions stay in place" not in body and "Leaders meet" not in body, body
    assert body.startswith(LEAD) and body.endswith(later), body


def test_headline_behind_a_breadcrumb_trail_is_its_last_crumb():
    text = f"Home » World » Europe » Talks end without a deal\n\nBy Jane Doe\n\n{LEAD}\n\n{PARAGRAPH}"
    assert _extract(text)["title"] == "Talks end without a deal"


def test_standfirst_and_second_byline_line_are_not_taken_for_the_headline():
    standfirst = ("Neither side would say which of the open questions had blocked a deal after "
                  "three days of talks in the Swiss city")
    text = (f"Menu\n\nTalks end without a deal\n\n{standfirst}\n\nBy Jane Doe\nJohn Roe\n"
            f"1 October 2020\n\n{LEAD}\n\n{PARAGRAPH}")
    assert _extract(text)["title"] == "Talks end without a deal"


def test_labels_and_links_to_other_posts_are_not_headlines():
    for label in ("Search this site for:", "← Why the talks matter to farmers"):
        text = f"Menu\n\nTalks end without a deal\n\n{label}\n\n{LEAD}\n\n{PARAGRAPH}"
        assert _extract(text)["title"] == "Talks end without a deal", label


def test_short_lines_after_a_line_announcing_a_list_stay_in_the_body():
    text = (f"Talks end without a deal\n\n{LEAD}\n\nThe delegations named three open points:\n\n"
            "Grain exports\n\nPrisoner exchanges\n\n{PARAGRAPH}").replace("{PARAGRAPH}", PARAGRAPH)
    body = _extract(text)["body"]
    assert "Grain exports" in body and "Prisoner exchanges" in body, body
    assert body.endswith(PARAGRAPH)


def test_heading_under_a_slideshow_picture_is_a_subheading():
    text = (f"Talks end without a deal\n\n{LEAD}\n\n2/12 photos © Example Pictures\n"
            f"Who was in the room?\n\n{PARAGRAPH}\n\n3/12 photos © Example Pictures\n"
            f"What comes next\n\n{PARAGRAPH.replace('next month', 'in June')}")
    article = _extract(text)
    assert article["subheadings"] == ["Who was in the room?", "What comes next"], article


def test_headline_is_the_header_line_the_address_is_named_after():
    text = (f"{_menu('Home World Business Sport Culture')}\n\nLatest from the region\n\n"
            f"Talks end without a deal in Geneva\n\nWorld news in brief from our correspondents "
            f"today\n\n{LEAD}\n\n{PARAGRAPH}")
    url = "https://news.example.com/world/2024/05/06/talks-end-without-deal-geneva-123.html"
    assert _extract(text, url=url)["title"] == "Talks end without a deal in Geneva"


def test_headline_is_the_line_next_to_the_date_rather_than_a_longer_label_below():
    text = (f"Talks end without a deal\n\nMay 6, 2024\n\nShare\n\nPrint this page\n\n"
            f"All stories on trade and diplomacy\n\n{LEAD}\n\n{PARAGRAPH}")
    assert _extract(text)["title"] == "Talks end without a deal"


def test_headline_ending_like_a_sentence_above_the_date_is_no_body_paragraph():
    headline = "Want a fair deal? So do we."
    text = f"Blog\n\n{headline}\n\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}"
    article = _extract(text)
    assert article["title"] == headline
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_standfirst_under_the_headline_opens_the_body():
    standfirst = ("Penalties for those who break the new rules a second time rise to a maximum of "
                  "ten thousand euros")
    text = (f"{_menu('Home World Business Sport Culture')}\n\nTalks end without a deal\n"
            f"{standfirst}\n\nBy Jane Doe\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}")
    article = _extract(text)
    assert article["title"] == "Talks end without a deal"
    assert article["body"] == f"{standfirst}\n\n{LEAD}\n\n{PARAGRAPH}"


def test_article_goes_on_after_an_inline_related_link():
    after = ("The next round is planned for June in Vienna, officials said.\n\n"
             "Both sides hope to settle the rest by then.")
    text = (f"Talks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}\n\nRelated\n"
            f"Leaders meet in Geneva\n\n{after}\n\nMost read\nOther story one\nOther story two")
    body = _extract(text)["body"]
    assert body == f"{LEAD}\n\n{PARAGRAPH}\n\n{after}"


def test_sign_up_box_and_its_blurb_stay_out_of_the_body():
    text = (f"Talks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}\n\n"
            "Get our Essential Politics newsletter\n\n"
            "The latest news, analysis and insights from our bureau chiefs.\n\nEmail address")
    assert _extract(text)["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_excerpts_of_teasers_with_read_on_links_are_no_body():
    teasers = "".join(
        f"\n\nOther story {n}\nThe council met again on day {n} and talked about the budget "
        f"for a long time, and members of the opposition asked for a new vote on the roads "
        f"budget in the spring.\nWeiterlesen" for n in range(1, 4))
    text = f"Talks end without a deal\n\n{LEAD}\n\n{PARAGRAPH}{teasers}"
    assert _extract(text)["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_first_article_of_a_page_running_several_is_the_body():
    second = ("The city council approved the new budget on Tuesday after a debate that lasted "
              "nine hours, with twenty-one members voting for it and fourteen against it.")
    text = (f"Talks end without a deal\n\nBy Jane Doe\nMay 6, 2024\n\n{LEAD}\n\n{PARAGRAPH}\n\n"
            f"Council passes budget\n\nBy Max Roe\nMay 5, 2024\n\n{second}\n\n{second}")
    article = _extract(text)
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"
    assert article["authors"] == ["Jane Doe"]


def test_drop_cap_is_joined_to_its_paragraph():
    text = f"Talks end without a deal\n\nT\n\n{LEAD[1:]}\n\n{PARAGRAPH}"
    assert _extract(text)["body"] == f"{LEAD}\n\n{PARAGRAPH}"


def test_credit_label_run_into_a_caption_makes_it_a_picture():
    caption = "Delegates left the hall after the talks ended late on Monday evening."
    text = f"Talks end without a deal\n\n{LEAD}\n\n{caption}Photograph: Jane Doe\n\n{PARAGRAPH}"
    article = _extract(text)
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"
    assert (article["images"][0]["caption"], article["images"][0]["credit"]) == (
        caption, "Jane Doe")


def test_headline_opening_with_a_byline_word_is_still_a_headline():
    text = (f"Politik\n\nVon der Leyen warnt vor neuen Zöllen\n\n06.05.2024\nVon Jane Doe\n\n"
            f"{LEAD}\n\n{PARAGRAPH}")
    article = _extract(text)
    assert article["title"] == "Von der Leyen warnt vor neuen Zöllen"
    assert article["authors"] == ["Jane Doe"]


def test_first_line_of_the_run_named_in_the_address_is_the_headline():
    headline = "Sunday thoughts: a little lost, but still here!"
    text = f"Interior\nThoughts\n\n{headline}\n\n{LEAD}\n\n{PARAGRAPH}"
    url = "https://blog.example.org/sunday-thoughts-a-little-lost-still-here/"
    article = _extract(text, url=url)
    assert article["title"] == headline
    assert article["body"] == f"{LEAD}\n\n{PARAGRAPH}"
    # A lead restating the headline stays the body's first paragraph.
    lead = "Talks in Geneva ended without a deal on Monday, officials said."
    text = f"World\n\nTalks end without a deal in Geneva\n\n{lead}\n\n{PARAGRAPH}"
    article = _extract(text, url="https://news.example.com/talks-end-without-deal-geneva")
    assert article["title"] == "Talks end without a deal in Geneva"
    assert article["body"] == f"{lead}\n\n{PARAGRAPH}"
