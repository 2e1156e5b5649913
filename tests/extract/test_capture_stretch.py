"""Finding the article's stretch of lines in a capture."""

from __future__ import annotations

from newsgraph.extract.capture_lines import read_lines
from newsgraph.extract.capture_stretch import find_stretch

ARTICLE = [
    "The council approved the new budget on Tuesday after a debate that lasted nine hours. "
    "Twenty-one members voted for it and fourteen against.",
    "Spending on schools rises by four percent, while the roads budget is cut by a tenth. "
    "The police budget stays as it was.",
    "Opposition members said the cuts would hurt rural districts that depend on bus routes "
    "and asked for a new vote in the spring.",
    "The mayor said the city had no choice after two years of falling tax revenue, and that "
    "the roads would be repaired once income recovers.",
    "The budget takes effect in January and will be reviewed again in the summer, when the "
    "council expects new figures from the tax office.",
]
COMMENT = ("I have lived in this city for thirty years and I have never seen the roads in such "
           "a poor state, and now they want to spend even less on them, which is a disgrace.")


def _stretch_texts(text: str) -> list[str]:
    lines = read_lines(text)
    start, end = find_stretch(lines)
    return [line.text for line in lines[start:end]]


def test_comment_thread_after_the_article_is_left_out_even_when_longer():
    thread = "\n\n".join(f"Reader{n}\n{COMMENT}" for n in range(8))
    text = "Council passes budget\n\n" + "\n\n".join(ARTICLE) + "\n\n14 comments\n\n" + thread
    texts = _stretch_texts(text)
    assert texts[0] == ARTICLE[0] and texts[-1] == ARTICLE[-1], texts


def test_a_related_link_inside_the_article_does_not_end_it():
    text = ("Council passes budget\n\n" + "\n\n".join(ARTICLE[:2]) +
            "\n\nRelated\nMayor warns of lower tax revenue\n\n" + "\n\n".join(ARTICLE[2:]) +
            "\n\nRelated\nSchools get new buses\nBridge repairs delayed\nLibrary hours cut")
    texts = _stretch_texts(text)
    assert texts[0] == ARTICLE[0] and texts[-1] == ARTICLE[-1], texts


def test_a_long_menu_of_short_lines_does_not_hand_the_page_to_a_later_teaser_list():
    menu = "\n".join(f"Section {n}" for n in range(150))
    teasers = "\n\n".join(f"Teaser story number {n} about the city's other news of the week "
                          "in a single long sentence." for n in range(4))
    text = f"{menu}\n\nCouncil passes budget\n\n" + "\n\n".join(ARTICLE) + \
        "\n\nMore news\nHeadline one\nHeadline two\n\n" + teasers
    texts = _stretch_texts(text)
    assert texts[0] == ARTICLE[0] and texts[-1] == ARTICLE[-1], texts


def test_a_script_printed_as_text_does_not_win_over_the_article():
    script = ("(function() { var meta = JSON.parse('{\"name\":\"x\",\"defer\":true}'); "
              "window.load(meta, {id: 'r7d0', type: 'OnDemand'}); })();" * 8)
    text = script + "\n\nCouncil passes budget\n\n" + "\n\n".join(ARTICLE[:2]) + "\n\n" + script
    texts = _stretch_texts(text)
    assert texts == ARTICLE[:2], texts


def test_of_several_articles_in_a_row_the_first_with_its_own_header_is_the_stretch():
    # A box of recent comments above the article; a second story loaded under it.
    sidebar = "\n".join(f"Reader{n}: {COMMENT[:110]}" for n in range(3))
    second = "\n\n".join(ARTICLE[1:4])
    text = (f"Recent comments\n{sidebar}\n\nCouncil passes budget\nMay 6, 2024\nBy Jane Doe\n\n"
            + "\n\n".join(ARTICLE) + "\n\nSchools get new buses\n\nBy Max Roe\nMay 5, 2024\n\n"
            + second)
    texts = _stretch_texts(text)
    assert texts == ARTICLE, texts


def test_an_inline_related_box_costs_little_even_near_the_end():
    text = ("Council passes budget\n\n" + "\n\n".join(ARTICLE) +
            "\n\nRelated\nMayor warns of lower tax revenue\n\n"
            "The vote was the last of the year, officials said.\n\n"
            "The council meets again in January.")
    texts = _stretch_texts(text)
    assert texts[-1] == "The council meets again in January.", texts
