"""Bylines: people versus wire agencies, editors, and agencies credited in the text."""

from __future__ import annotations

import pytest

from newsgraph.extract.bylines import (Byline, agencies_in_text, byline_in_line,
                                       has_byline_prefix, is_bare_byline_prefix, is_editor_line,
                                       is_person_name, looks_like_byline, parse_byline,
                                       parse_editors)


@pytest.mark.parametrize("text, authors, agencies", [
    ("By Jane Doe, AP", ("Jane Doe",), ("AP",)),
    ("Jane Roe AP, AFP, dpa", ("Jane Roe",), ("AP", "AFP", "dpa")),
    ("Jane Doe and Max Roe (Reuters)", ("Jane Doe", "Max Roe"), ("Reuters",)),
    ("with reporting from Reuters", (), ("Reuters",)),
    ("Staff", (), ()),
    ("Reuters", (), ("Reuters",)),
    ("By JANE DOE Associated Press", ("Jane Doe",), ("AP",)),
    ("By Jane Doe | Agence France-Presse", ("Jane Doe",), ("AFP",)),
    ("Von Anna Schmidt, Deutsche Presse-Agentur", ("Anna Schmidt",), ("dpa",)),
    ("Jane Doe/AFP", ("Jane Doe",), ("AFP",)),
    ("By Jane Doe, Senior Correspondent", ("Jane Doe",), ()),
    ("Jane Doe in Beijing", ("Jane Doe",), ()),
    ("Jane Doe, with additional reporting by Max Roe and Kyodo", ("Jane Doe", "Max Roe"),
     ("Kyodo",)),
    ("The Editorial Board", (), ()),
    ("By Reuters Staff", (), ("Reuters",)),
    ("DW News", (), ()),
    ("Guardian staff and agencies", (), ()),
    ("Associated Press reporters Max Roe and Ann Lee contributed to this report.",
     ("Max Roe", "Ann Lee"), ("AP",)),
    ("Jane Doe Senior Correspondent", ("Jane Doe",), ()),
    ("Jane Doe Follow", ("Jane Doe",), ()),
    ("Jane Doe 12 hours ago", ("Jane Doe",), ()),
    ("The New York Times", (), ()),
    ("By Jane Doe, Updated March 3, 2025", ("Jane Doe",), ()),
])
def test_byline_splits_agencies_from_authors(text, authors, agencies):
    assert parse_byline(text) == Byline(authors=authors, agencies=agencies)


def test_byline_keeps_name_particles():
    assert parse_byline("By Ludwig van Beethoven").authors == ("Ludwig van Beethoven",)


def test_byline_short_agency_alias_needs_its_case():
    # "ap" in lower case is no agency; "Pa" neither.
    assert parse_byline("Jane Doe, ap").agencies == ()


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe", True), ("Jean-Pierre O'Neil", True), ("JANE DOE", True),
    ("Reuters", False), ("Staff Writer", False), ("DW News", False), ("Jane", False),
    ("September 4, 2025", False), ("@JRoe", False), ("the editors", False),
])
def test_is_person_name(text, expected):
    assert is_person_name(text) is expected


@pytest.mark.parametrize("text, editors", [
    ("Edited by: Omar Haddad", ("Omar Haddad",)),
    ("Editing by Mark Heinrich and Alex Richardson", ("Mark Heinrich", "Alex Richardson")),
    ("Reporting by Jane Doe in Beijing; Writing by Max Roe; Editing by Ann Lee", ("Ann Lee",)),
    ("Nothing about editors here", ()),
])
def test_parse_editors_finds_people_after_editor_words(text, editors):
    assert parse_editors(text) == editors


def test_agencies_in_text_reads_datelines_and_closing_credits():
    text = "BEIJING (Reuters) — Talks began.\nMore text.\nab/dj (AFP, dpa)"
    assert agencies_in_text(text) == ("Reuters", "AFP", "dpa")


def test_agencies_in_text_reads_reporting_credits():
    assert agencies_in_text("Jane Doe wrote this, with reporting from AFP.") == ("AFP",)
    assert agencies_in_text("(AP) — The vote was held.") == ("AP",)


def test_agencies_in_text_ignores_mentions_and_photo_credits():
    text = ('state news agency Xinhua reported on Thursday.\n'
            'The mayor (left) in LimaImage: Example Daily/REUTERS')
    assert agencies_in_text(text) == ()


@pytest.mark.parametrize("text, expected", [
    ("Jane Roe AP, AFP, dpa", True),
    ("By Jane Doe, Example News", True),
    ("Jane Doe and Max Roe", True),
    ("Brazilian, Chilean and Peruvian ministers meet in Lima", False),
    ("The minister arrived in Lima by bus on Tuesday and met the mayor.", False),
])
def test_looks_like_byline(text, expected):
    assert looks_like_byline(text) is expected


def test_byline_prefixes():
    assert has_byline_prefix("By Jane Doe") and has_byline_prefix("Von Max Roe")
    assert not has_byline_prefix("Bylines matter") and not has_byline_prefix("From the archive")
    assert is_bare_byline_prefix("By") and not is_bare_byline_prefix("By Jane Doe")
    assert not is_bare_byline_prefix("From")


def test_is_editor_line():
    assert is_editor_line("Edited by: Omar Haddad")
    assert is_editor_line("Reporting by Jane Doe; Editing by Max Roe")
    assert not is_editor_line("He edited by hand.")


@pytest.mark.parametrize("text, authors", [
    ("Eingestellt von Anna Schmidt", ("Anna Schmidt",)),
    ("Veröffentlicht von Anna Schmidt und Max Roe", ("Anna Schmidt", "Max Roe")),
    ("Publié par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie")),
    ("Por Isabel Caro, Rocío Latorre y José Miguel Wilson",
     ("Isabel Caro", "Rocío Latorre", "José Miguel Wilson")),
    ("Di Mario Rossi e Giulia Bianchi", ("Mario Rossi", "Giulia Bianchi")),
    ("Autor: Max Roe", ("Max Roe",)),
])
def test_byline_prefixes_and_conjunctions_in_many_languages(text, authors):
    assert parse_byline(text).authors == authors


@pytest.mark.parametrize("text, authors, agencies", [
    ("By Glen Owen And Brendan Carlin For The Mail On Sunday", ("Glen Owen", "Brendan Carlin"), ()),
    ("Jane Doe, Special to The Star", ("Jane Doe",), ()),
    ("Jane Doe for AP", ("Jane Doe",), ("AP",)),
])
def test_byline_outlet_after_the_name_is_no_author(text, authors, agencies):
    assert parse_byline(text) == Byline(authors=authors, agencies=agencies)


def test_street_address_is_no_person():
    assert not is_person_name("Main Street Springfield")
    assert not is_person_name("Hauptstraße Berlin")
    assert parse_byline("Main Street Springfield").authors == ()


def test_handles_only_when_allowed():
    assert parse_byline("gnaddrig").authors == ()
    assert parse_byline("gnaddrig", allow_handles=True).authors == ("gnaddrig",)
    assert parse_byline("Eingestellt von HansG", allow_handles=True).authors == ("HansG",)
    # A person's name is still preferred to a handle in the same byline.
    assert parse_byline("Jane Doe, jdoe", allow_handles=True).authors == ("Jane Doe",)


@pytest.mark.parametrize("text", ["admin", "wordpressadmin", "Unknown", "Staff", "example.com",
                                  "DT", "Reuters", "Thursday", "anónimo"])
def test_words_that_are_no_handles(text):
    assert parse_byline(text, allow_handles=True).authors == ()


def test_weekday_after_a_name_is_cut_off():
    assert parse_byline("By Alex Brown Thursday, November 9, 2023 4:41AM").authors == (
        "Alex Brown",)


@pytest.mark.parametrize("text, authors", [
    ("Von Max Roe und Erika Mustermann", ("Max Roe", "Erika Mustermann")),
    ("Par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie")),
    ("Por Juan Pérez y María López", ("Juan Pérez", "María López")),
    ("Di Mario Rossi e Luigi Bianchi", ("Mario Rossi", "Luigi Bianchi")),
    ("Door Jan de Vries en Piet Jansen", ("Jan de Vries", "Piet Jansen")),
    ("Av Ola Nordmann og Kari Nordmann", ("Ola Nordmann", "Kari Nordmann")),
    ("Autor: Jan Kowalski i Anna Nowak", ("Jan Kowalski", "Anna Nowak")),
    ("Texto: Juan Pérez", ("Juan Pérez",)),
    ("Jane Doe, Max Roe und Erika Mustermann", ("Jane Doe", "Max Roe", "Erika Mustermann")),
    ("JANE DOE Y MARIA LOPEZ", ("Jane Doe", "Maria Lopez")),
])
def test_multiple_authors_joined_in_many_languages(text, authors):
    assert parse_byline(text).authors == authors


@pytest.mark.parametrize("text, authors", [
    ("By Jane E. Doe", ("Jane E. Doe",)),
    ("Por Juan Y. Pérez", ("Juan Y. Pérez",)),
    ("By Dan Smith", ("Dan Smith",)),
    ("By Jane Doe jane.doe@example.com", ("Jane Doe",)),
    ("By Jane Doe @janedoe", ("Jane Doe",)),
    ("Jane Doe | Twitter: @janedoe", ("Jane Doe",)),
    ("Dr. Jane Doe", ("Jane Doe",)),
    ("By Amelie Nishizawa Feb 8, 2020 5 min read", ("Amelie Nishizawa",)),
    ("Von Henry Roe In Politik", ("Henry Roe",)),
])
def test_initials_contacts_and_titles_around_a_name(text, authors):
    assert parse_byline(text).authors == authors


@pytest.mark.parametrize("text", [
    "Redacción", "Por Redacción", "La Rédaction", "Von Redaktion", "Staff Writer",
    "Jane Doe's Kitchen", "Admin",
])
def test_desks_and_sites_are_no_authors(text):
    assert parse_byline(text).authors == ()


def test_byline_inside_a_header_line():
    assert byline_in_line("Posted on September 21, 2020 by Jane Doe") == "by Jane Doe"
    assert byline_in_line("A guest post by Jane Doe") == "by Jane Doe"
    assert byline_in_line("Photo by Jane Doe") is None
    assert byline_in_line("The plan was drafted by the city council") is None
    assert byline_in_line("Police said the shots were fired in the night by a man who fled "
                          "the scene on foot, witnesses said, by Jane Doe") is None


@pytest.mark.parametrize("text, authors, agencies", [
    ("Anna Svensson/TT", ("Anna Svensson",), ("TT",)),
    ("Von Max Roe, Austria Presse-Agentur", ("Max Roe",), ("APA",)),
    ("Por Juan Pérez (Agência Brasil)", ("Juan Pérez",), ("Agência Brasil",)),
    ("Di Mario Rossi, Agenzia Giornalistica Italia", ("Mario Rossi",), ("AGI",)),
    ("By Jane Doe, Kuwait News Agency", ("Jane Doe",), ("KUNA",)),
])
def test_wire_agencies_of_many_countries(text, authors, agencies):
    assert parse_byline(text) == Byline(authors=authors, agencies=agencies)


@pytest.mark.parametrize("text, authors", [
    ("Av Anna Svensson och Erik Berg", ("Anna Svensson", "Erik Berg")),
    ("Por João Silva e Maria Santos", ("João Silva", "Maria Santos")),
    ("Reportage de Jean Dupont", ("Jean Dupont",)),
    ("Napisał Jan Kowalski oraz Anna Nowak", ("Jan Kowalski", "Anna Nowak")),
    ("Yazar: Ahmet Yılmaz ve Mehmet Demir", ("Ahmet Yılmaz", "Mehmet Demir")),
    ("Автор: Иван Петров и Анна Смирнова", ("Иван Петров", "Анна Смирнова")),
    ("Текст: Иван Петров", ("Иван Петров",)),
    ("بقلم أحمد علي", ("أحمد علي",)),
    ("מאת דני כהן", ("דני כהן",)),
    ("作者：张伟、李娜", ("张伟", "李娜")),
    ("记者 王小明", ("王小明",)),
    ("文：山田太郎", ("山田太郎",)),
])
def test_byline_prefixes_in_more_languages_and_scripts(text, authors):
    assert parse_byline(text).authors == authors


@pytest.mark.parametrize("text", ["مقالات ذات صلة", "张伟", "热门文章", "أحمد علي"])
def test_words_without_case_are_names_only_after_a_prefix(text):
    assert parse_byline(text).authors == ()


def test_words_without_case_are_names_where_markup_says_so():
    assert parse_byline("أحمد علي", named=True).authors == ("أحمد علي",)
    assert parse_byline("张伟", named=True).authors == ("张伟",)


@pytest.mark.parametrize("text, authors", [
    ("Jane Doe, Senior Correspondent", ("Jane Doe",)),
    ("Jane Doe | Reporter", ("Jane Doe",)),
    ("Jean Dupont, Envoyé Spécial", ("Jean Dupont",)),
    ("Ana García, Corresponsal Jefe", ("Ana García",)),
    ("Anna Rossi, Inviata Speciale", ("Anna Rossi",)),
    ("Иван Петров, Специальный Корреспондент", ("Иван Петров",)),
    ("Ahmet Yılmaz | Muhabir", ("Ahmet Yılmaz",)),
    ("Jan Kowalski, Starszy Dziennikarz", ("Jan Kowalski",)),
    ("João Silva, repórter", ("João Silva",)),
])
def test_roles_after_names_in_many_languages_are_cut(text, authors):
    assert parse_byline(text).authors == authors
