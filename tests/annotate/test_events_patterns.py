"""The event pattern and score files: the bundled ones load, and bad rows name file and line."""

from __future__ import annotations

import pytest

from newsgraph.annotate.event_flags import date_flags
from newsgraph.annotate.event_patterns import (
    QUAD_CLASS, intensity, load_patterns, load_scores, read_patterns, read_scores,
)
from newsgraph.errors import AnnotateError

CUES = """
[cues]
speaker_pronouns = ["it"]
co_actor_preps = ["alongside"]
member_preps = ["including"]
negation = ["not"]
negating_verbs = ["deny"]
negating_adverbs = ["yet"]
hypothetical_aux = ["may"]
hypothetical_marks = ["if"]
hypothetical_verbs = ["consider"]
future_aux = ["will"]
future_verbs = ["plan"]
historical_marks = ["since"]
opinion_verbs = ["view"]
opinion_nouns = ["show"]
reluctance_verbs = ["hesitate"]
abroad_sectors = ["MIL"]
"""


def test_bundled_patterns_cover_every_plover_type():
    patterns = load_patterns()
    assert {p.type for p in patterns.patterns} == set(QUAD_CLASS)
    assert len({p.id for p in patterns.patterns}) == len(patterns.patterns)


def test_speech_cues_are_the_speech_verbs_of_the_quote_cues(tmp_path):
    from newsgraph.annotate.quote_cues import quote_cues

    path = tmp_path / "patterns.toml"
    path.write_text(CUES + '\n[[pattern]]\nid = "x"\ntype = "AGREE"\nverbs = ["agree"]\n')
    speech = read_patterns(path).cues["speech"]
    assert speech == quote_cues().statement_verbs() and {"say", "reaffirm", "hint"} <= speech
    assert "accuse" in quote_cues().speech and "accuse" not in speech


def test_bundled_scores_have_every_type_and_the_manual_figures():
    scores = load_scores()
    assert all((t, "") in scores for t in QUAD_CLASS)
    assert intensity("ASSAULT", "aerial") == -9.5
    assert intensity("ASSAULT", None) == -9.0
    assert intensity("CONSULT", "no-such-mode") == 2.5
    assert intensity("ACCUSE", None) == -3.0  # the manual's +3 read as a misprint


def test_pattern_with_unknown_type_names_file_and_line(tmp_path):
    path = tmp_path / "patterns.toml"
    text = (CUES + '\n[[pattern]]\nid = "ok"\ntype = "AGREE"\nverbs = ["agree"]\n\n'
            '[[pattern]]\nid = "bad"\ntype = "HUG"\nverbs = ["hug"]\n')
    path.write_text(text)
    line = text.splitlines().index("[[pattern]]", text.splitlines().index("[[pattern]]") + 1) + 1
    with pytest.raises(AnnotateError, match=rf"patterns.toml, line {line}: bad: type 'HUG'"):
        read_patterns(path)


def test_pattern_with_bad_target_slot_is_refused(tmp_path):
    path = tmp_path / "patterns.toml"
    path.write_text(CUES + '\n[[pattern]]\nid = "x"\ntype = "AGREE"\nverbs = ["agree"]\n'
                    'target = ["under"]\n')
    with pytest.raises(AnnotateError, match="bad target slot 'under'"):
        read_patterns(path)


def test_pattern_without_triggers_or_with_unknown_field_is_refused(tmp_path):
    path = tmp_path / "patterns.toml"
    path.write_text(CUES + '\n[[pattern]]\nid = "x"\ntype = "AGREE"\n')
    with pytest.raises(AnnotateError, match="needs trigger words"):
        read_patterns(path)
    path.write_text(CUES + '\n[[pattern]]\nid = "x"\ntype = "AGREE"\nverbs = ["a"]\nverb = ["b"]\n')
    with pytest.raises(AnnotateError, match="unknown field"):
        read_patterns(path)


def test_duplicate_pattern_id_and_missing_cue_list_are_refused(tmp_path):
    path = tmp_path / "patterns.toml"
    path.write_text(CUES + '\n[[pattern]]\nid = "x"\ntype = "AGREE"\nverbs = ["a"]\n'
                    '\n[[pattern]]\nid = "x"\ntype = "AGREE"\nverbs = ["b"]\n')
    with pytest.raises(AnnotateError, match="duplicate pattern id 'x'"):
        read_patterns(path)
    path.write_text(CUES.replace('opinion_nouns = ["show"]\n', ""))
    with pytest.raises(AnnotateError, match="lacks 'opinion_nouns'"):
        read_patterns(path)


def test_score_row_out_of_range_names_file_and_line(tmp_path):
    path = tmp_path / "scores.csv"
    rows = "".join(f"{t},,1.0\n" for t in QUAD_CLASS)
    path.write_text("# a comment\ntype,mode,score\n" + rows + "ASSAULT,aerial,-12\n")
    with pytest.raises(AnnotateError, match=r"scores.csv, line 19: score -12.0 is outside"):
        read_scores(path)


def test_scores_without_a_type_row_are_refused(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("type,mode,score\nAGREE,,2.5\n")
    with pytest.raises(AnnotateError, match="no score for type"):
        read_scores(path)


def test_date_flags_mark_background_and_future():
    assert date_flags("2011", "year", "2025-09-04") == (True, False)
    assert date_flags("1950s", "decade", "2025-09-04") == (True, False)
    assert date_flags("2024-12", "month", "2025-09-04") == (False, False)
    assert date_flags("2025-09", "month", "2025-09-04") == (False, False)
    assert date_flags("2025-09-10", "day", "2025-09-04") == (False, True)
    assert date_flags("2025-09-10", "day", None) == (False, False)


def test_pattern_with_bad_passive_source_slot_is_refused(tmp_path):
    path = tmp_path / "patterns.toml"
    path.write_text(CUES + '\n[[pattern]]\nid = "x"\ntype = "SANCTION"\nverbs = ["expel"]\n'
                    'passive_source = ["from"]\n')
    with pytest.raises(AnnotateError, match="x: bad passive_source slot 'from'"):
        read_patterns(path)

