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
    "Melde dich hier für unseren Newsletter an!",
    "Read more: Council approves bus lanes on the ring road",
    "Le puede interesar: El concejo aprueba carriles de bus",
    "Sie sind aktuell nicht eingeloggt.",
    "Du musst eingeloggt sein um Kommentare zu schreiben!",
    "Nous utilisons des cookies pour améliorer l'offre que nous vous proposons.",
    "This post contains affiliate links.",
    "Bei den Links handelt es sich um Affiliate-Links.",
    "Zum Vergrößern bitte anklicken",
    "12 comments",
    "* * *",
    "View this post on Instagram",
    "Your browser does not support the video tag.",
    "VIDEO: The 20-second hand wash",
    "By signing up, you agree to our Privacy Policy and Terms of Use.",
    "Image source, Reuters",
    "Photo by Jane Doe on Unsplash",
    "Redakteur in der Wirtschaft.",
    "Correspondent in Berlin.",
    "Senior editor at the Daily Planet",
    "Korrespondentin für Politik und Wirtschaft",
])
def test_whole_line_furniture_leaves_the_middle_of_the_body(line):
    paragraphs = ARTICLE[:3] + [line] + ARTICLE[3:]
    assert strip_boilerplate(paragraphs) == ARTICLE


@pytest.mark.parametrize("line", [
    "Tags: transport, city council, trams",
    "Kategorie: News",
    "January 13, 2020 at 08:45 AM | categories: Transport | View Comments",
    "Last Modified: 03-10-2004 2:20pm",
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
    "A correspondent in Berlin said the talks had stalled.",
    "Reporter in Kyiv said the talks failed.",
    "Editor of the Daily Planet resigns.",
    "Redakteur in der Wirtschaft wurde er 1998.",
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


@pytest.mark.parametrize("line", [
    "Read more: Council approves bus lanes",
    "Also read: Buses on strike on Monday",
    "Lesen Sie auch: Stadtrat beschließt Busspuren",
    "À lire aussi : Le conseil vote les voies de bus",
    "Lea también: El concejo aprueba carriles de bus",
    "LEIA MAIS: Câmara aprova faixas de ônibus",
    "Leggi anche: Il consiglio approva le corsie",
    "Lees ook: Gemeenteraad keurt busbanen goed",
    "Läs också: Kommunen säger ja till bussfiler",
    "Czytaj też: Rada miasta przyjęła buspasy",
    "Baca juga: DPRD setujui jalur bus",
    "Читайте также: Горсовет одобрил выделенные полосы",
    "延伸阅读：市议会批准公交专用道",
])
def test_inline_read_more_lines_leave_the_body_in_many_languages(line):
    paragraphs = ARTICLE[:2] + [line] + ARTICLE[2:]
    assert strip_boilerplate(paragraphs) == ARTICLE


@pytest.mark.parametrize("line", [
    "Subscribe to read the rest of this article.",
    "To continue reading, please subscribe or log in.",
    "Already a subscriber? Log in",
    "This article is only available to subscribers.",
    "You have 3 free articles left this month.",
    "Lesen Sie jetzt weiter mit einem Abo.",
    "Sie sind bereits Abonnent? Hier anmelden",
    "La suite de cet article est réservée aux abonnés.",
    "Déjà abonné ? Se connecter",
    "Este contenido es exclusivo para suscriptores.",
    "¿Ya eres suscriptor? Inicia sesión",
    "Questo articolo è riservato agli abbonati.",
    "Já é assinante? Entre",
])
def test_paywall_teasers_leave_the_body(line):
    assert strip_boilerplate(ARTICLE + [line]) == ARTICLE
    assert strip_boilerplate(ARTICLE[:2] + [line] + ARTICLE[2:]) == ARTICLE


@pytest.mark.parametrize("sentence", [
    "Already a member of the party since 1990, she voted against the plan.",
    "Readers who subscribe to the paper's print edition will pay more from May.",
    "Sie sind bereits Kunde der Stadtwerke, sagte die Sprecherin.",
])
def test_sentences_about_subscribers_and_members_stay(sentence):
    paragraphs = ARTICLE + [sentence]
    assert strip_boilerplate(paragraphs) == paragraphs


def test_closing_run_of_excerpts_of_other_posts_leaves_the_body():
    teasers = ["The good folks at the choir are still doing their thing, and now they sing "
               "along with two rock stars at a festival co-presented by […]",
               "The latest podcast from the network delves into the scandals of the great "
               "families of the country.",
               "Want to build your own website? Even for a modest personal site, it was once "
               "assumed you might wait for days […]"]
    assert strip_boilerplate(ARTICLE + teasers) == ARTICLE


def test_one_cut_quote_closing_the_article_stays():
    quote = "The report called the plan the best option the city has, and it would probably be […]"
    paragraphs = ARTICLE + [quote]
    assert strip_boilerplate(paragraphs) == paragraphs


@pytest.mark.parametrize("appeal", [
    "Do you like our magazine? When we launched it we decided against a paywall, and it will "
    "stay that way: we want as many readers as possible to get the news. To depend less on "
    "advertising and to bring you more and better stories, we need your support. Become a "
    "member today for the price of a coffee a month, and help us keep every story free.",
    "Gefällt dir unser Magazin? Wir haben uns gegen eine Bezahlschranke entschieden. Damit das "
    "so bleibt, brauchen wir deine Unterstützung.",
])
def test_closing_appeal_for_support_leaves_the_end_only(appeal):
    assert strip_boilerplate(ARTICLE + [appeal]) == ARTICLE
    inside = ARTICLE[:2] + [appeal] + ARTICLE[2:]
    assert strip_boilerplate(inside) == inside
