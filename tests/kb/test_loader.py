"""Reading and validating knowledge-base files (newsgraph/kb/loader.py, load_kb)."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb import load_kb
from newsgraph.kb.base import _load
from newsgraph.kb.loader import bundled_dir


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_KB", raising=False)
    _load.cache_clear()
    yield
    _load.cache_clear()


def _write(tmp_path, *rows, name="mine.jsonl"):
    path = tmp_path / name
    lines = ["# a user file"] + [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


PERSON = {"id": "ng:person/ada-example", "name": "Ada Example", "kind": "person",
          "country": "FRA", "positions": [{"title": "mayor", "office": "Mayor of Exampleville",
                                           "country": "FRA", "sector": "GOV", "start": "2020"}]}


@pytest.mark.parametrize("row, fragment", [
    ("{not json", "not valid JSON"),
    ('["a list"]', "must be a JSON object"),
    ({"id": "person/ada", "name": "Ada", "kind": "person"}, "'id'"),
    ({"id": "ng:person/ada", "name": "Ada", "kind": "robot"}, "'kind'"),
    ({"id": "ng:person/ada", "name": "", "kind": "person"}, "'name'"),
    ({"id": "ng:person/ada", "name": "Ada", "kind": "person", "country": "France"}, "alpha-3"),
    ({"id": "ng:person/ada", "name": "Ada", "kind": "person", "sector": "XYZ"}, "sector"),
    ({"id": "ng:person/ada", "name": "Ada", "kind": "person", "nickname": "A"}, "unknown field"),
    ({"id": "ng:person/ada", "name": "Ada", "kind": "person", "aliases": "Ada E."}, "'aliases'"),
    ({**PERSON, "positions": [{"title": "mayor", "office": "x", "country": "FRA",
                               "sector": "GOV", "start": "2020-13-01"}]}, "YYYY"),
    ({**PERSON, "positions": [{"title": "mayor", "office": "x", "country": "FRA",
                               "sector": "GOV", "start": "2020", "end": "2019"}]}, "ends"),
    ({**PERSON, "positions": [{"title": "mayor", "country": "FRA", "sector": "GOV"}]}, "'office'"),
    ({**PERSON, "positions": [{"title": "mayor", "office": "x", "country": "FRA",
                               "sector": "GOV", "organization": "ng:org/nowhere"}]}, "ng:org/nowhere"),
    ({"id": "ng:person/ada", "aliases": ["A"]}, "needs kind and name"),
    ({"id": "ng:org/front", "name": "Front", "kind": "group",
      "periods": [{"sector": "RULERS", "start": "2021"}]}, "sector"),
    ({"id": "ng:org/front", "name": "Front", "kind": "group",
      "periods": [{"sector": "GOV", "start": "2021", "end": "2020"}]}, "ends"),
    ({"id": "ng:org/front", "name": "Front", "kind": "group",
      "periods": [{"sector": "GOV", "since": "2021"}]}, "unknown period field"),
    ({**PERSON, "id": "ng:person/bob", "periods": [{"sector": "GOV"}]}, "only organisations"),
])
def test_bad_row_raises_an_error_naming_file_and_line(tmp_path, row, fragment):
    path = _write(tmp_path, PERSON, row)
    with pytest.raises(KnowledgeBaseError) as caught:
        load_kb((str(path),))
    message = str(caught.value)
    assert f"{path}:3" in message and "line 3" in message, message
    assert fragment in message, message
    assert caught.value.code == "E302"


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="not found"):
        load_kb((str(tmp_path / "absent.jsonl"),))


def test_non_utf8_file_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"id": "ng:person/jos\xe9"}\n'.encode("latin-1"))
    with pytest.raises(KnowledgeBaseError, match="UTF-8"):
        load_kb((str(path),))


def test_user_file_adds_entries(tmp_path):
    kb = load_kb((str(_write(tmp_path, PERSON)),))
    entry = kb.lookup("Ada Example")[0]
    assert entry.country == "FRA"
    assert [e.name for e, _ in kb.holders("mayor", "FRA", "2024-05-01")] == ["Ada Example"]


def test_user_row_with_known_id_updates_scalars_and_extends_lists(tmp_path):
    update = {"id": "ng:person/vladimir-putin", "aliases": ["V. V. Putin"],
              "description": "edited", "positions": [
                  {"title": "director", "office": "Director of the FSB", "country": "RUS",
                   "sector": "SPY", "start": "1998-07-25", "end": "1999-08-09"}]}
    kb = load_kb((str(_write(tmp_path, update)),))
    putin = kb.by_id("ng:person/vladimir-putin")
    assert putin.name == "Vladimir Putin" and putin.description == "edited"
    assert "V. V. Putin" in putin.aliases and "Wladimir Putin" in putin.aliases
    assert kb.position_on(putin, "1999-01-01").office == "Director of the FSB"
    assert kb.position_on(putin, "2022-01-01").title == "president"


def test_user_row_cannot_change_an_entry_kind(tmp_path):
    path = _write(tmp_path, {"id": "ng:person/vladimir-putin", "kind": "organization"})
    with pytest.raises(KnowledgeBaseError, match="is a person"):
        load_kb((str(path),))


def test_environment_variable_adds_files(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_KB", str(_write(tmp_path, PERSON)))
    assert load_kb().lookup("Ada Example")


def test_load_kb_is_cached_per_set_of_files(tmp_path):
    assert load_kb() is load_kb()
    assert load_kb((str(_write(tmp_path, PERSON)),)) is not load_kb()


def test_loading_the_bundled_kb_answers_every_kind_of_lookup():
    # Load time is printed by `newsgraph kb stats` (load_seconds), not asserted here.
    kb = load_kb()
    assert kb.lookup("Xi Jinping") and kb.country("Beijing") and kb.agent("riot police")


def test_bundled_files_start_with_a_header_comment():
    for path in sorted((bundled_dir() / "kb").iterdir()) + [bundled_dir() / "agents.csv"]:
        if path.suffix in (".jsonl", ".csv"):
            assert path.read_text(encoding="utf-8").startswith("#"), path


def test_sectors_title_agent_and_modifier_tables_reject_bad_rows(tmp_path):
    from newsgraph.kb.loader import read_agents, read_modifiers, read_sectors, read_titles

    sectors = read_sectors(bundled_dir() / "kb" / "sectors.csv")
    bad_agents = tmp_path / "agents.csv"
    bad_agents.write_text("# x\nnoun,sector,kind,title\npolice,COP,group,\npolice,COP,group,\n")
    with pytest.raises(KnowledgeBaseError, match=r"agents.csv:4.*already on line 3"):
        read_agents(bad_agents, sectors)
    bad_agents.write_text("noun,sector,kind,title\nPolice,COP,group,\n")
    with pytest.raises(KnowledgeBaseError, match="lower case"):
        read_agents(bad_agents, sectors)
    bad_agents.write_text("noun,sector,kind,title\npolice,COPS,group,\n")
    with pytest.raises(KnowledgeBaseError, match="unknown sector"):
        read_agents(bad_agents, sectors)
    bad_titles = tmp_path / "titles.csv"
    bad_titles.write_text("title,sector,generic,variants\npresident,ZZZ,,\n")
    with pytest.raises(KnowledgeBaseError, match="titles.csv:2"):
        read_titles(bad_titles, sectors)
    bad_modifiers = tmp_path / "modifiers.csv"
    bad_modifiers.write_text("word,sector\nex military,MIL\n")
    with pytest.raises(KnowledgeBaseError, match="one lower-case word"):
        read_modifiers(bad_modifiers, sectors)
    bad_sectors = tmp_path / "sectors.csv"
    bad_sectors.write_text("code,name,description\nGOVERNMENT,x,y\n")
    with pytest.raises(KnowledgeBaseError, match="sectors.csv:2"):
        read_sectors(bad_sectors)


def test_user_file_can_date_a_groups_sector(tmp_path):
    path = _write(tmp_path, {"id": "ng:org/front", "name": "Front", "kind": "group",
                             "country": "FRA", "sector": "REB",
                             "periods": [{"sector": "GOV", "start": "2021-08-15"}]})
    kb = load_kb((str(path),))
    front = kb.by_id("ng:org/front")
    assert kb.period_on(front, "2021-08-14") is None
    assert kb.period_on(front, "2022").sector == "GOV"


def test_user_row_can_add_periods_to_a_bundled_group_without_repeating_its_kind(tmp_path):
    kb = load_kb()
    group = kb.by_id(next(i for _, i in kb.aliases() if kb.by_id(i).kind == "group"))
    path = _write(tmp_path, {"id": group.id,
                             "periods": [{"sector": "GOV", "start": "2031-01-01"}]})
    updated = load_kb((str(path),)).by_id(group.id)
    assert any(p.start == "2031-01-01" for p in updated.periods)


def test_user_row_cannot_give_periods_to_a_person(tmp_path):
    kb = load_kb()
    person_id = next(i for _, i in kb.aliases() if kb.by_id(i).kind == "person")
    path = _write(tmp_path, {"id": person_id, "periods": [{"sector": "GOV"}]})
    with pytest.raises(KnowledgeBaseError, match="only organisations and groups"):
        load_kb((str(path),))


def test_stance_prefix_and_former_sector_tables_reject_bad_rows(tmp_path):
    from newsgraph.kb.loader import read_former_sectors, read_stance_prefixes

    prefixes = tmp_path / "stance_prefixes.csv"
    prefixes.write_text("# x\nprefix\nanti\nanti\n")
    with pytest.raises(KnowledgeBaseError, match=r"stance_prefixes.csv:4.*twice"):
        read_stance_prefixes(prefixes)
    prefixes.write_text("prefix\nAnti-\n")
    with pytest.raises(KnowledgeBaseError, match="lower-case letters"):
        read_stance_prefixes(prefixes)
    sectors = tmp_path / "sectors.csv"
    sectors.write_text("code,name,description,former\nGOV,x,y,OLD\n")
    with pytest.raises(KnowledgeBaseError, match=r"sectors.csv:2.*ELI or empty"):
        read_former_sectors(sectors)
    assert "GOV" in read_former_sectors(bundled_dir() / "kb" / "sectors.csv")
    assert "BUS" not in read_former_sectors(bundled_dir() / "kb" / "sectors.csv")


def test_csv_row_with_missing_or_extra_columns_names_its_line(tmp_path):
    from newsgraph.kb.loader import read_agents, read_sectors

    sectors = read_sectors(bundled_dir() / "kb" / "sectors.csv")
    bad = tmp_path / "agents.csv"
    bad.write_text("# agents\nnoun,sector,kind,title\npolice,COP\n")
    with pytest.raises(KnowledgeBaseError, match=r"agents.csv:3.*columns"):
        read_agents(bad, sectors)
    bad.write_text("noun,sector,kind,title\npolice,COP,group,,extra\n")
    with pytest.raises(KnowledgeBaseError, match=r"agents.csv:2.*columns"):
        read_agents(bad, sectors)
