"""The actor rules file: read, validated, errors that name the file."""

from __future__ import annotations

import pytest

from newsgraph.annotate.actor_lexicon import lexicon, read_lexicon
from newsgraph.errors import AnnotateError


def test_actors_lexicon_bundled_rules_load():
    lex = lexicon()
    assert "in" in lex.locative_prepositions and "with" not in lex.locative_prepositions
    assert lex.pronouns["she"] == "f" and "administration" in lex.government_nouns


def test_actors_lexicon_bad_gender_names_the_file(tmp_path):
    path = tmp_path / "rules.toml"
    from newsgraph.annotate.actor_lexicon import RULES_FILE

    path.write_text(RULES_FILE.read_text(encoding="utf-8").replace('"she" = "f"', '"she" = "x"'),
                    encoding="utf-8")
    with pytest.raises(AnnotateError, match="gender") as error:
        read_lexicon(path)
    assert str(path) in str(error.value)


def test_actors_lexicon_missing_list_is_an_error(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("[words]\ndeterminers = []\n", encoding="utf-8")
    with pytest.raises(AnnotateError, match="locative_prepositions"):
        read_lexicon(path)


def test_actors_lexicon_invalid_toml_is_an_error(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(AnnotateError, match="not valid TOML"):
        read_lexicon(path)
