"""Quotes on small parsed texts: kinds, speakers, cues, channels, and bad input."""

from __future__ import annotations

import pytest

from newsgraph.annotate.quotes import find_quotes

pytestmark = pytest.mark.slow


def _quotes(nlp, body: str, actors: bool = False):
    from newsgraph.annotate.nlp import parse_body

    doc = parse_body(body)
    if actors:
        from newsgraph.annotate.actors import annotate_actors
        from newsgraph.kb import load_kb

        doc._.kb = load_kb()
        annotate_actors(doc)
    return [(q.kind, body[q.start:q.end], q.speaker.name if q.speaker else None, q.cue, q.channel)
            for q in find_quotes(doc)]


def _one(quotes, snippet):
    hits = [q for q in quotes if snippet in q[1]]
    assert hits, f"{snippet!r} not in {quotes}"
    return hits[0]


def test_direct_quote_takes_the_subject_of_said(nlp):
    quotes = _quotes(nlp, '"The governor of the central bank has always shown a sense of caution," '
                          "Christine Lagarde said.")
    assert quotes == [("direct", "The governor of the central bank has always shown a sense of caution",
                       "Christine Lagarde", "say", None)]


def test_inverted_said_x_and_colon_cue(nlp):
    quotes = _quotes(nlp, '"We will not back down," said Prime Minister Sara Lind.\n\n'
                          'Tomas Berg replied: "The government has lost the trust of the people."')
    assert _one(quotes, "We will not back down")[2] == "Sara Lind"
    assert _one(quotes, "lost the trust")[2] == "Tomas Berg"


def test_quote_with_no_cue_takes_the_speaker_of_the_quote_before(nlp):
    quotes = _quotes(nlp, '"Today the leader was killed," Trump wrote on Truth Social. '
                          '"His life was terminated in coordination with the Iraqi government."')
    orphan = _one(quotes, "His life was terminated")
    assert orphan[0] == "direct" and orphan[2] == "Trump" and orphan[3] is None


def test_quote_with_no_cue_after_narration_keeps_a_null_speaker(nlp):
    quotes = _quotes(nlp, '"We will win," Trump said. The market fell on Monday.\n\n'
                          '"Nobody knows what comes next in the long run."')
    assert _one(quotes, "Nobody knows")[2] is None


def test_participle_cue_inherits_the_subject_of_its_clause(nlp):
    quotes = _quotes(nlp, "On Monday, Kremlin spokesman Dmitry Peskov said Putin and Erdogan would "
                          "have detailed talks on grain exports, adding that Erdogan's visit to "
                          'the port and the talks with Putin "carry real weight."')
    assert _one(quotes, "grain exports") == (
        "indirect", "Putin and Erdogan would have detailed talks on grain exports",
        "Dmitry Peskov", "say", None)
    mixed = _one(quotes, "carry real weight")
    assert mixed[0] == "mixed" and mixed[2] == "Dmitry Peskov" and mixed[3] == "add"


def test_according_to_gives_an_indirect_quote_with_its_speaker(nlp):
    quote = _one(_quotes(nlp, "According to the Defense Ministry, no unusual troop movements had "
                              "been detected."), "troop movements")
    assert quote[0] == "indirect" and "Defense Ministry" in quote[2] and quote[3] == "according to"


def test_parenthetical_cue_reports_the_clause_around_it(nlp):
    quote = _one(_quotes(nlp, "Such matters, Anwar al-Bunni told reporters, should be decided "
                              "through referendums."), "referendums")
    assert quote[0] == "indirect" and quote[2] == "Anwar al-Bunni" and quote[4] == "news conference"


def test_scare_quotes_titles_and_names_are_not_quotes(nlp):
    quotes = _quotes(nlp, "The so-called 'deal' was signed. He watched NBC's \"Meet the Press\" and "
                          'the film "The Long Road Home" with "friends" on Sunday.')
    assert [q for q in quotes if q[0] != "indirect"] == []


def test_book_titles_and_flattened_headings_are_not_quotes(nlp):
    body = ('She wrote the book, "Siyasi Jaj," in 2019. Other titles include "I am Malala: The '
            "Story of the Girl Who Stood Up for Education.\" She is now based in London. "
            "'Hostility is directed at women' Khoshbo believes the ban targets women.")
    assert [q for q in _quotes(nlp, body) if q[0] != "indirect"] == []


def test_fragment_with_no_reporting_verb_goes_to_the_named_subject(nlp):
    quote = _one(_quotes(nlp, "Sahaar sees the book ban as part of a larger crackdown on "
                              '"women, the press and freedom of expression."'), "freedom of expression")
    assert quote[0] == "mixed" and quote[2] == "Sahaar" and quote[3] is None


def test_it_said_goes_to_the_organisation_named_as_subject_before(nlp):
    body = ("The Kurdish-led Autonomous Administration was the first to reject the constitution. "
            '"The so-called declaration copies the rules of the old government," it said.')
    quote = _one(_quotes(nlp, body, actors=True), "copies the rules")
    assert quote[2] is not None and "Autonomous Administration" in quote[2]


def test_short_fragment_governed_by_a_speech_verb_is_a_mixed_quote(nlp):
    quote = _one(_quotes(nlp, 'Sudani called the death a "significant security achievement."'),
                 "significant security achievement")
    assert quote[0] == "mixed" and quote[2] == "Sudani"


def test_he_said_resolves_to_the_speaker_not_to_a_name_inside_the_quote(nlp):
    body = ('Charles Hecker told reporters the West would struggle. "I think President Putin '
            'remains hostile to the West," he said.')
    assert _one(_quotes(nlp, body), "remains hostile")[2] == "Charles Hecker"


def test_he_said_after_a_new_subject_takes_the_new_subject(nlp):
    body = ('"We will talk," Trump said. Kevin Hassett emphasized the fentanyl issue on Sunday. '
            '"We launched a drug war, not a trade war," he said.')
    assert _one(_quotes(nlp, body), "drug war")[2] == "Kevin Hassett"


def test_medium_that_relays_words_is_the_channel_and_the_speaker_stays(nlp):
    body = ('Turkish President Recep Tayyip Erdogan insisted that the plan "remains on track," state '
            'media reported.\n\nTurkey places "high value on the long partnership between the two '
            'nations," state news agency Anadolu reported.')
    quotes = _quotes(nlp, body)
    first, relayed = _one(quotes, "remains on track"), _one(quotes, "high value")
    assert first[2] == "Recep Tayyip Erdogan" and first[3] == "insist"
    assert first[4] == "state media report"
    assert relayed[2] == "Recep Tayyip Erdogan" and relayed[4] == "state media report"


def test_quoted_as_saying_gives_the_one_quoted(nlp):
    quote = _one(_quotes(nlp, '"Our deterrent is the guarantee of peace," KCNA quoted Kim Jong Un '
                              "as saying."), "guarantee of peace")
    assert quote[2] == "Kim Jong Un"


def test_statement_as_subject_is_the_channel(nlp):
    quote = _one(_quotes(nlp, 'The G7 joint statement said the group remains "concerned with the '
                              'rapid increase in nuclear weapons."'), "concerned with")
    assert quote[2] == "G7" and quote[4] == "statement"


def test_channels_come_from_the_attribution(nlp):
    quotes = _quotes(nlp, '"This is a model for trade," Swonger said in a statement.\n\n'
                          '"It is a first step," Zelenskyy wrote on X.\n\n'
                          '"We are hopeful," Rubio said in an interview.')
    assert [q[4] for q in quotes] == ["statement", "social media post", "interview"]


def test_quote_over_paragraphs_shares_the_speaker_found_in_any_piece(nlp):
    body = ('"The city has waited long enough. Every family deserves a safe classroom.\n\n'
            '"We start next month," Mayor Ana Lopes said.')
    quotes = _quotes(nlp, body)
    assert [q[2] for q in quotes] == ["Ana Lopes", "Ana Lopes"]


def test_headline_quote_attributed_after_a_dash(nlp):
    quote = _one(_quotes(nlp, "Germany's stance on aid to Ukraine 'will not waver' — Scholz"),
                 "will not waver")
    assert quote[2] == "Scholz"


def test_bad_input_gives_no_runaway_quote_and_no_crash(nlp):
    body = ('He is 5\'11" tall and ran 30" faster. A stray " mark here.\n\n'
            + "Narration without any quotation goes on and on. " * 20)
    quotes = _quotes(nlp, body)
    assert all("\n\n" not in q[1] for q in quotes) and not [q for q in quotes if q[0] != "indirect"]


def test_whole_article_in_quotation_marks_is_one_quote_with_a_null_speaker(nlp):
    body = '"Everything in this text is quoted, and nobody is named as having said any of it."'
    assert _quotes(nlp, body) == [("direct", body[1:-1], None, None, None)]


def test_offsets_point_into_the_body_with_actors(nlp):
    from newsgraph.annotate.nlp import parse_body

    body = 'Putin rejected the notion, saying no one had said anything negative. "It is fine," he said.'
    quotes = _quotes(nlp, body, actors=True)
    assert _one(quotes, "no one had said")[2] == "Vladimir Putin"
    assert _one(quotes, "It is fine")[2] == "Vladimir Putin"
    assert parse_body(body).text == body
