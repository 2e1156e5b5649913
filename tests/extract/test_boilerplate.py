"""Page furniture taken out of an extracted body, and only furniture."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from newsgraph.errors import ExtractError
from newsgraph.extract import boilerplate
from newsgraph.extract.boilerplate import load_rules, strip_author_bio, strip_boilerplate

ARTICLE = [
    "The city council voted on Tuesday to expand the tram network to the northern districts, "
    "a project that has been debated for more than a decade.",
    "Supporters said the new line would cut commuting times in half for tens of thousands of "
    "residents who now depend on crowded buses.",
    "Opponents warned that the cost of the project had doubled since it was first proposed.",
    "Construction is expected to begin next spring, according to the transport department.",
    "The council will vote on the budget for the first section in March.",
    "A public hearing on the route is planned for next month.",
]


@pytest.mark.parametrize("line", [
    "Advertisement",
    "Anzeige",
    "Get The Daily Planet's morning edition by email and never miss our top stories Free Sign Up",
    "Never miss the latest news by signing up to our newsletter today!",
    "Lust auf mehr? Melde dich hier für unseren Newsletter an!",
    "Read more: Council approves bus lanes on the ring road",
    "Le puede interesar: El concejo aprueba carriles de bus",
    "Sie sind aktuell nicht eingeloggt.",
    "Du musst eingeloggt sein um Kommentare zu schreiben!",
    "Nous utilisons des cookies pour améliorer l'offre que nous vous proposons.",
    "This post contains references to products from one or more of our advertisers.",
    "Zum Vergrößern bitte anklicken",
    "12 comments",
    "* * *",
    "View this post on Instagram",
    "Your browser does not support the video tag.",
    "VIDEO: The 20-second hand wash",
    "By signing up, you agree to our Privacy Policy and Terms of Use.",
    "Image source, Reuters",
    "Photo by Jane Doe on Unsplash",
])
def test_whole_line_furniture_leaves_the_middle_of_the_body(line):
    paragraphs = ARTICLE[:3] + [line] + ARTICLE[3:]
    assert strip_boilerplate(paragraphs) == ARTICLE


@pytest.mark.parametrize("line", [
    "Tags: transport, city council, trams",
    "Kategorie: News",
    "January 13, 2020 at 08:45 AM | categories: Transport | View Comments",
    "Last Modified: 03-10-2004 2:20pm",
    "Our Standards: The Daily Planet Trust Principles.",
    "Posted on January 13, 2020 by Jane Doe",
    "Aktualisiert am 19.02.2020",
    "Dieser Artikel kann Links zu Anbietern enthalten, von denen wir eine Provision erhalten.",
])
def test_edge_lines_leave_the_start_and_the_end(line):
    assert strip_boilerplate([line] + ARTICLE) == ARTICLE
    assert strip_boilerplate(ARTICLE + [line]) == ARTICLE


def test_edge_lines_inside_the_article_stay():
    paragraphs = ARTICLE[:3] + ["Tags: transport, city council, trams"] + ARTICLE[3:] + ARTICLE
    assert strip_boilerplate(paragraphs) == paragraphs


@pytest.mark.parametrize("line", [
    "Siguenos en Telegram, Instagram, Facebook y Twitter para recibir todas las noticias",
    "Do you want to be informed of our actions? Sign up here",
    "We need your help Help us continue to bring you the news Donate",
    "Alles über nachhaltige Wanderschuhe findest Du hier.",
    "We want to hear what you think about this article. Submit a letter to the editor.",
    "Puede escribirnos o suscribirse aquí a nuestra newsletter.",
])
def test_closing_prompts_leave_the_end_only(line):
    assert strip_boilerplate(ARTICLE + [line]) == ARTICLE
    assert strip_boilerplate([line] + ARTICLE + ARTICLE) == [line] + ARTICLE + ARTICLE


@pytest.mark.parametrize("sentence", [
    "The newsletter has 20,000 subscribers, the company said.",
    "He continued to follow the protests on Twitter and Facebook.",
    "Themen wie Verkehr und Wohnen dominierten den Wahlkampf.",
    "Tag | Datum | Uhrzeit | Wettkampf",
    "The rules were last updated in 2019.",
])
def test_article_sentences_that_look_like_furniture_stay(sentence):
    paragraphs = ARTICLE + [sentence]
    assert strip_boilerplate(paragraphs) == paragraphs
    assert strip_boilerplate([sentence] + ARTICLE) == [sentence] + ARTICLE


def test_author_blurb_at_the_end_leaves_only_when_it_names_an_author():
    blurb = "Jane Doe is a senior reporter covering transport for the Daily Planet."
    assert strip_author_bio(ARTICLE + [blurb], ["Jane Doe"]) == ARTICLE
    assert strip_author_bio(ARTICLE + [blurb], ["John Roe"]) == ARTICLE + [blurb]
    # Inside the article the same sentence is news.
    inside = ARTICLE[:1] + [blurb] + ARTICLE[1:]
    assert strip_author_bio(inside, ["Jane Doe"]) == inside


def test_related_marker_near_the_end_takes_its_teasers_along():
    teasers = ["Related stories", "Bus fares rise in April", "New bridge opens downtown"]
    assert strip_boilerplate(ARTICLE + teasers) == ARTICLE


def test_related_marker_before_much_more_text_goes_alone():
    paragraphs = ARTICLE[:1] + ["Lesen Sie auch", "Bus fares rise in April"] + ARTICLE[1:]
    assert strip_boilerplate(paragraphs) == ARTICLE[:1] + ["Bus fares rise in April"] + ARTICLE[1:]


def test_a_body_of_furniture_only_is_left_for_the_caller_to_refuse():
    paragraphs = ["Advertisement", "Share", "Read more"]
    assert strip_boilerplate(paragraphs) == paragraphs


def test_long_paragraphs_are_never_furniture():
    sentence = ("Sign up for our newsletter, the mayor told reporters, was the most common "
                "request she heard at town halls. ") * 4
    paragraphs = ARTICLE + [sentence.strip()]
    assert strip_boilerplate(paragraphs) == paragraphs


def test_bad_rule_names_file_and_line(tmp_path: Path):
    path = tmp_path / "boilerplate.csv"
    path.write_text("# rules\nkind,pattern\nline,^ok$\nline,^(unclosed$\n", encoding="utf-8")
    with pytest.raises(ExtractError, match=r"line 4: bad pattern") as error:
        load_rules(path)
    assert error.value.source == "boilerplate.csv"


def test_unknown_kind_names_file_and_line(tmp_path: Path):
    path = tmp_path / "boilerplate.csv"
    path.write_text("kind,pattern\nsometimes,^x$\n", encoding="utf-8")
    with pytest.raises(ExtractError, match=r"line 2: unknown kind 'sometimes'"):
        load_rules(path)


def test_docstring_examples_hold():
    result = doctest.testmod(boilerplate)
    assert result.attempted > 0 and result.failed == 0


def test_related_marker_followed_by_the_rest_of_the_article_goes_alone():
    rest = ["Officials said the first trams would run in 2028.",
            "The opposition promised to keep fighting the plan in court."]
    paragraphs = ARTICLE + ["Related", "Bus fares rise in April"] + rest
    assert strip_boilerplate(paragraphs) == ARTICLE + ["Bus fares rise in April"] + rest
