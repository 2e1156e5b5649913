"""Which bodies the annotators read (newsgraph/annotate/__init__.py, ``unannotatable``)."""

from __future__ import annotations

import pytest

from newsgraph.annotate import unannotatable

ENGLISH = ("The parliament approved the budget on Tuesday after a long debate, and the "
           "opposition said it would take the matter to the constitutional court next week.")
GERMAN = ("Das Parlament hat am Dienstag nach langer Debatte den Haushalt beschlossen. Die "
          "Opposition kündigte an, vor das Verfassungsgericht zu ziehen.")
FRENCH = ("Le Parlement a adopté mardi le budget après un long débat, et l'opposition a "
          "annoncé qu'elle saisirait la Cour constitutionnelle la semaine prochaine.")


def test_english_prose_is_read_without_the_language_identifier(monkeypatch):
    def refuse(*args):
        raise AssertionError("the language model was loaded for plain English")

    import importlib

    language = importlib.import_module("newsgraph.extract.language")
    monkeypatch.setattr(language, "language_probability", refuse)
    assert unannotatable(ENGLISH) is None


@pytest.mark.parametrize("text, name", [(GERMAN, "German (de)"), (FRENCH, "French (fr)")])
def test_a_body_in_another_language_is_not_annotated_and_says_which(text, name):
    assert unannotatable(text) == f"the body is in {name}; the annotators read English only"


def test_a_short_text_is_always_annotated():
    assert unannotatable("Der Kanzler traf den Präsidenten.") is None
