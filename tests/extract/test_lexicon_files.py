"""The extractor's data files: they load, and a bad row is reported with its file and line."""

from __future__ import annotations

import pytest

from newsgraph.errors import ExtractError
from newsgraph.extract import agencies, bylines, capture_lines, captions, sites
from newsgraph.extract.lexicon_files import check_pattern, read_rows


def test_shipped_data_files_load():
    assert agencies.agency_table()
    assert bylines._terms().prefixes
    assert captions._credits()
    assert capture_lines._rules()
    assert sites._sites()


def test_wrong_cell_count_names_file_and_line(tmp_path):
    path = tmp_path / "words.csv"
    path.write_text("# a comment\nkind,term\nprefix,by\nprefix,by,extra\n", "utf-8")
    with pytest.raises(ExtractError) as error:
        read_rows("words.csv", ("kind", "term"), path=path)
    assert "line 4" in str(error.value) and "words.csv" in str(error.value)


def test_bad_pattern_names_file_and_line(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text("kind,pattern\nskip,^ok$\nskip,(unclosed\n", "utf-8")
    with pytest.raises(ExtractError, match="line 3: bad pattern"):
        read_rows("rules.csv", ("kind", "pattern"), path=path, check=check_pattern)


def test_wrong_header_and_empty_cell_are_reported(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("host,label\ndw.com,DW\n", "utf-8")
    with pytest.raises(ExtractError, match="line 1: header"):
        read_rows("sites.csv", ("host", "name"), path=path)
    path.write_text("host,name\ndw.com,\n", "utf-8")
    with pytest.raises(ExtractError, match="line 2: empty 'name'"):
        read_rows("sites.csv", ("host", "name"), path=path)


def test_unknown_kind_is_reported(tmp_path):
    path = tmp_path / "bylines.csv"
    path.write_text("kind,term\nprefixx,by\n", "utf-8")
    with pytest.raises(ExtractError, match="line 2: unknown kind 'prefixx'"):
        read_rows("bylines.csv", ("kind", "term"), path=path, check=bylines._check)
