"""The reporting cues of newsgraph/data/quote_cues.toml: loaded, ranked, validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.annotate.quote_cues import FILE_NAME, load_quote_cues, quote_cues
from newsgraph.datafiles import data_path
from newsgraph.errors import AnnotateError


def test_bundled_cues_load_with_speech_before_cognition():
    cues = quote_cues()
    assert cues.rank("say") == 0 and cues.rank("believe") > cues.rank("tell")
    assert cues.reports_speech("say") and not cues.reports_speech("call")
    assert cues.reports_thought("believe") and not cues.reports_thought("say")
    assert [c.name for c in cues.channels][:2] == ["state media report", "social media post"]


def _copy_with(tmp_path: Path, old: str, new: str) -> Path:
    text = data_path(FILE_NAME).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / FILE_NAME
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_bad_channel_pattern_names_the_file_and_line(tmp_path):
    path = _copy_with(tmp_path, "pattern = '\\bletters?\\b'", "pattern = '\\bletters?(\\b'")
    with pytest.raises(AnnotateError) as err:
        load_quote_cues(path)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "letters?(" in text)
    assert f"{FILE_NAME}, line {line}" in str(err.value) and "letter" in str(err.value)


def test_a_cue_listed_twice_names_the_file_and_line(tmp_path):
    path = _copy_with(tmp_path, '"say", "tell",', '"say", "tell", "say",')
    with pytest.raises(AnnotateError, match=f"{FILE_NAME}, line [1-9][0-9]*: .*'say' twice"):
        load_quote_cues(path)


def test_an_empty_cue_is_refused(tmp_path):
    path = _copy_with(tmp_path, '"say", "tell",', '"say", "", "tell",')
    with pytest.raises(AnnotateError, match="bad entry"):
        load_quote_cues(path)


def test_a_missing_table_is_named(tmp_path):
    path = _copy_with(tmp_path, "\n[naming]\n", "\n[naming_words]\n")
    with pytest.raises(AnnotateError, match=r"table \[naming\] is missing"):
        load_quote_cues(path)


def test_a_file_that_is_not_toml_is_refused(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text("[speech\nverbs = 1\n", encoding="utf-8")
    with pytest.raises(AnnotateError, match="not valid TOML"):
        load_quote_cues(path)


def test_a_content_verb_that_is_no_relay_verb_is_refused(tmp_path):
    path = _copy_with(tmp_path, 'content_verbs = ["say", "report"]', 'content_verbs = ["say", "eat"]')
    with pytest.raises(AnnotateError, match=f"{FILE_NAME}, line [1-9][0-9]*: .*'eat'"):
        load_quote_cues(path)


def test_an_addressing_verb_that_is_no_speech_verb_is_refused(tmp_path):
    path = _copy_with(tmp_path, 'addressing = [\n    "ask",', 'addressing = [\n    "eat", "ask",')
    with pytest.raises(AnnotateError, match=f"{FILE_NAME}, line [1-9][0-9]*: .*addressing.*'eat'"):
        load_quote_cues(path)


def test_interview_channel_names_outlets_from_agencies_and_the_knowledge_base():
    from newsgraph.annotate.speakers import channel_of

    cues = quote_cues()
    # Reuters and dpa are wire agencies; Politico and the Economist media organisations.
    for text in ("she told Reuters", "he told dpa", "told Politico on Monday",
                 "told the Economist", "told the Associated Press"):
        assert channel_of(text, cues) == "interview", text
    # a name of several words, or of up to four characters, keeps its case
    assert channel_of("told the economist next door", cues) is None
    assert channel_of("told ap", cues) is None
    assert channel_of("he told Vice President Vance", cues) is None
