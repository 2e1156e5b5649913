"""Quotation-mark spans found from the characters alone (no model needed)."""

from __future__ import annotations

from newsgraph.annotate.quote_spans import MAX_UNCLOSED, find_mark_spans, paragraph_bounds


def _texts(body: str) -> list[str]:
    return [body[s.start:s.end] for s in find_mark_spans(body)]


def test_straight_and_curly_quotes_pair_within_a_paragraph():
    body = '"We will win," he said. “We are ready,” she said.'
    assert _texts(body) == ["We will win", "We are ready"]


def test_guillemets_and_low_high_marks_are_quotation_marks():
    assert _texts("«Nous gagnerons», a-t-il dit. „Wir sind bereit“, sagte sie.") == [
        "Nous gagnerons", "Wir sind bereit"]


def test_inch_and_second_signs_are_not_quotation_marks():
    assert _texts("He is 5'11\" tall and ran the lap 30\" faster than last year.") == []


def test_unit_sign_inside_an_open_quotation_closes_nothing_it_should_not():
    body = 'The coach said "he ran 30" and stopped.'
    assert find_mark_spans(body)[0].start == body.index("he ran")


def test_unclosed_mark_stops_at_the_end_of_its_paragraph():
    body = 'He said "this never ends.\n\nThe next paragraph is narration.'
    spans = find_mark_spans(body)
    assert [body[s.start:s.end] for s in spans] == ["this never ends."]
    assert spans[0].close is None and spans[0].end <= body.index("\n\n")


def test_long_unclosed_mark_is_dropped_rather_than_swallowing_the_article():
    body = 'A stray " mark. ' + "Narration goes on. " * (MAX_UNCLOSED // 10)
    assert find_mark_spans(body) == []


def test_quote_over_several_paragraphs_is_chained_when_reopened():
    body = '"The first part goes on\n\n"and the second part ends," she said.\n\nNarration.'
    spans = find_mark_spans(body)
    assert [body[s.start:s.end] for s in spans] == ["The first part goes on", "and the second part ends"]
    assert spans[0].chain is not None and spans[0].chain == spans[1].chain


def test_single_quotes_inside_double_quotes_stay_part_of_them():
    body = "\"He calls Xi a 'dear friend' of his,\" Wyne said."
    assert _texts(body) == ["He calls Xi a 'dear friend' of his"]


def test_single_quotes_pair_as_quotation_marks_but_apostrophes_do_not():
    body = "Norway's plan 'will not waver' — Lind. The workers' future is Berg's."
    assert _texts(body) == ["will not waver"]


def test_forgotten_closing_mark_ends_at_the_next_opening_mark():
    body = "“First sentence of the speech. “Second one,” he added."
    spans = find_mark_spans(body)
    assert [body[s.start:s.end] for s in spans] == ["First sentence of the speech.", "Second one"]
    assert spans[0].close is None


def test_straight_mark_shaped_as_an_opening_after_a_finished_sentence_reopens():
    body = '"The use of force is ours only . While talks stall. "Unless they move," said Samore.'
    assert _texts(body)[-1] == "Unless they move"


def test_whole_article_inside_quotation_marks_is_one_quotation():
    body = '"Everything here is quoted. Every sentence of it."'
    assert _texts(body) == ["Everything here is quoted. Every sentence of it."]


def test_paragraph_bounds_skip_blank_paragraphs():
    assert paragraph_bounds("One.\n\n\n\nTwo.") == [(0, 4), (8, 12)]


def test_empty_and_markless_bodies_give_nothing():
    assert find_mark_spans("") == [] and find_mark_spans("No quotes at all.") == []
