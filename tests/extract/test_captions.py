"""Captions and credits split apart."""

from __future__ import annotations

import pytest

from newsgraph.extract.captions import ends_with_labelled_credit, is_credit_line, split_credit


@pytest.mark.parametrize("text, caption, credit", [
    ("The harbour bridge reopened after two yearsImage: City Daily/REUTERS",
     "The harbour bridge reopened after two years", "City Daily/REUTERS"),
    ("Photo: Jane Doe", None, "Jane Doe"),
    ("Credit: Jane Doe for The Example Times", None, "Jane Doe for The Example Times"),
    ("Ein Wahllokal in Berlin Foto: Max Roe/dpa", "Ein Wahllokal in Berlin", "Max Roe/dpa"),
    ("Rescuers in Kyiv on Monday (AP Photo/Jane Doe)", "Rescuers in Kyiv on Monday",
     "AP Photo/Jane Doe"),
    ("Protesters in Paris (Photo: dpa)", "Protesters in Paris", "dpa"),
    ("Protesters in Paris. John Doe/Getty Images", "Protesters in Paris.",
     "John Doe/Getty Images"),
    ("Smoke over the harbour. © Reuters", "Smoke over the harbour.", "Reuters"),
    ("A quiet street in Kyiv", "A quiet street in Kyiv", None),
    ("The pool at the resort", "The pool at the resort", None),
])
def test_split_credit_separates_caption_and_credit(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_glued_label_needs_its_capital():
    # "image:" inside running text is not a glued credit label.
    assert split_credit("The profileimage: a story")[1] is None


def test_is_credit_line():
    assert is_credit_line("Image: dpa")
    assert is_credit_line("Getty Images")
    assert not is_credit_line("The mayor rarely leaves the city")


@pytest.mark.parametrize("text", [
    "Our new series is called TheBigPicture: Oceans and runs every Sunday.",
    "The show is called LivePhoto: It airs on Fridays at nine.",
])
def test_glued_label_before_words_of_a_sentence_is_prose(text):
    assert split_credit(text) == (text, None)


def test_glued_label_is_read_only_in_a_picture_block():
    text = "The harbour bridge reopened after two yearsImage: Max Roe"
    assert split_credit(text)[1] == "Max Roe"
    assert split_credit(text, picture=False) == (text, None)


@pytest.mark.parametrize("text, caption, credit", [
    ("Protesters in Hong Kong. Credit... Lam Yik Fei for The Example Times",
     "Protesters in Hong Kong.", "Lam Yik Fei for The Example Times"),
    ("Credit…Doug Mills/The Example Times", None, "Doug Mills/The Example Times"),
    ("President Biden speaks in Washington. Mike Blake/Reuters files",
     "President Biden speaks in Washington.", "Mike Blake/Reuters files"),
    ("Troops on patrol in Kyiv. AFP via Getty Images", "Troops on patrol in Kyiv.",
     "AFP via Getty Images"),
    ("Soldiers in Kyiv, Ukraine, March 3, 2022. REUTERS/Gleb Garanich",
     "Soldiers in Kyiv, Ukraine, March 3, 2022.", "REUTERS/Gleb Garanich"),
    ("Image copyright Reuters", None, "Reuters"),
    ("Image copyright Getty Images Image caption Crowds gathered in Kyiv",
     "Crowds gathered in Kyiv", "Getty Images"),
])
def test_split_credit_reads_credit_shapes_of_news_sites(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_ellipsis_in_prose_is_no_credit_label():
    assert split_credit("The photo... was stunning") == ("The photo... was stunning", None)


@pytest.mark.parametrize("text", [
    "Fernández in Congress on March 1 (Foto: Jane Doe/Pool via REUTERS).",
    "Rescuers in Kyiv on Monday (AP Photo/Jane Doe)",
    "Grönemeyer is one of the supporters. Bild: dpa",
    "The depot at night | Photo: Max Roe",
])
def test_caption_closed_by_labelled_credit_is_recognised(text):
    assert ends_with_labelled_credit(text)


@pytest.mark.parametrize("text", [
    "The ministry confirmed the deal on Friday (Reuters).",
    "He looked at the photo: a crowd of strangers in a square he did not know.",
    "A quiet street in Kyiv",
    "The mayor spoke. Photo: the mayor told reporters she would not resign over the affair, "
    "which has shaken the council for weeks and may cost her party the majority",
])
def test_sentence_without_labelled_credit_is_no_caption(text):
    assert not ends_with_labelled_credit(text)


@pytest.mark.parametrize("text, caption, credit", [
    ("© Getty Images / Jane Doe: Crowds gathered in Kyiv", "Crowds gathered in Kyiv",
     "Getty Images / Jane Doe"),
    ("Photo: AP / Rescuers search the rubble in Kyiv", "Rescuers search the rubble in Kyiv",
     "AP"),
    ("Foto: dpa / Die Kanzlerin in Berlin", "Die Kanzlerin in Berlin", "dpa"),
    ("Bild: Jane Doe | Ein Mann vor dem Reichstag", "Ein Mann vor dem Reichstag", "Jane Doe"),
    ("Crédit : AFP — Le président à Paris", "Le président à Paris", "AFP"),
    ("Fuente: EFE. El presidente en Madrid", "El presidente en Madrid", "EFE"),
    ("Photo: J. Doe / Crowds in the square", "Crowds in the square", "J. Doe"),
])
def test_split_credit_reads_a_credit_that_opens_the_caption(text, caption, credit):
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize("text", [
    "Foto: Jane Doe / picture alliance / dpa",
    "Photo: AP Photo / Jane Doe",
    "Photo: Jane Doe - Getty Images",
    "Credit: Jane Doe for The Example Times",
])
def test_leading_credit_with_slashes_or_dashes_stays_one_credit(text):
    caption, credit = split_credit(text)
    assert caption is None and credit == text.split(":", 1)[1].strip()
