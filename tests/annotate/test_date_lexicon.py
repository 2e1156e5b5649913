"""Tests for newsgraph/annotate/date_lexicon.py: loading and validating dates.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.annotate.date_lexicon import DATA_FILE, lexicon, load_lexicon
from newsgraph.errors import KnowledgeBaseError


def write_changed(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """A copy of the shipped dates.toml with ``old`` replaced by ``new``."""
    text = DATA_FILE.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    path = tmp_path / "dates.toml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_shipped_lexicon_loads_with_seven_weekdays_and_twelve_months():
    lex = lexicon()
    assert len(lex.weekdays) == 7 and len(lex.months) == 12
    assert lex.weekday("thurs.") == 3 and lex.month("sept.") == 9
    assert lex.relative_days["yesterday"] == -1


def test_bad_entry_names_file_and_line(tmp_path):
    path, text = write_changed(tmp_path, '"yesterday" = -1', '"yesterday" = "minus one"')
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith('"yesterday"'))
    with pytest.raises(KnowledgeBaseError, match=rf"dates.toml, line {line}: \[relative_days\]"):
        load_lexicon(path)


def test_holiday_that_is_no_real_day_is_refused(tmp_path):
    path, _ = write_changed(tmp_path, '"halloween" = [10, 31]', '"halloween" = [11, 31]')
    with pytest.raises(KnowledgeBaseError, match=r"\[holidays\] halloween"):
        load_lexicon(path)


def test_unknown_unit_is_refused(tmp_path):
    path, _ = write_changed(tmp_path, 'decade = ["decade", "decades"]',
                            'century = ["century", "centuries"]')
    with pytest.raises(KnowledgeBaseError, match=r"\[units\] century: unknown unit"):
        load_lexicon(path)


def test_missing_table_is_reported(tmp_path):
    path = tmp_path / "dates.toml"
    path.write_text('[prepositions]\nwords = ["on"]\n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"\[weekdays\]"):
        load_lexicon(path)


def test_invalid_toml_is_reported(tmp_path):
    path = tmp_path / "dates.toml"
    path.write_text("[prepositions\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not valid TOML"):
        load_lexicon(path)


def test_future_auxiliaries_are_the_event_coders():
    from newsgraph.annotate.event_patterns import load_patterns

    assert lexicon().future_aux == load_patterns().cues["future_aux"]
    assert "will" in lexicon().future_aux and "would" in lexicon().past_modals
