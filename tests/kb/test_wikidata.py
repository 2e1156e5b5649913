"""The Wikidata importer on a small sample dump in the real format (newsgraph/kb/wikidata.py)."""

from __future__ import annotations

import bz2
import gzip
import io
import json
from pathlib import Path

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb import load_kb
from newsgraph.kb.base import _load
from newsgraph.kb.wikidata import import_wikidata, office_title, _title_index

SAMPLE = Path(__file__).parent / "data" / "wikidata-sample.json"


def _rows(dump) -> tuple[list[dict], object]:
    out = io.StringIO()
    report = import_wikidata(dump, out)
    return [json.loads(line) for line in out.getvalue().splitlines()], report


@pytest.fixture(params=["json", "gz", "bz2"])
def dump(request, tmp_path) -> Path:
    if request.param == "json":
        return SAMPLE
    data = SAMPLE.read_bytes()
    path = tmp_path / f"sample.json.{request.param}"
    path.write_bytes(gzip.compress(data) if request.param == "gz" else bz2.compress(data))
    return path


def test_sample_is_in_the_dump_format():
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert all(line.endswith(",") for line in lines[1:-2]) and not lines[-2].endswith(",")


def test_import_reads_plain_gzip_and_bzip2_dumps_alike(dump):
    rows, report = _rows(dump)
    assert report.to_dict() == {"entities_read": 15, "people": 5, "positions": 9,
                                "organizations": 2, "countries": 3, "offices_not_in_dump": 2}
    assert {r["id"] for r in rows} >= {"wd:Q22686", "wd:Q7747", "wd:Q204839", "ng:country/RUS"}


def test_people_get_dated_positions_with_office_labels_and_countries():
    rows = {r["id"]: r for r in _rows(SAMPLE)[0]}
    putin = rows["wd:Q7747"]
    assert putin["country"] == "RUS" and putin["aliases"] == ["Vladimir Vladimirovich Putin", "Putin"]
    assert [(p["title"], p["start"], p.get("end")) for p in putin["positions"]] == [
        ("president", "2000-05-07", "2008-05-07"), ("prime minister", "2008-05-08", "2012-05-07"),
        ("president", "2012-05-07", None)]
    assert putin["positions"][1]["office"] == "Prime Minister of Russia"


def test_offices_missing_from_the_dump_keep_their_qid_and_dates_keep_their_precision():
    xi = {r["id"]: r for r in _rows(SAMPLE)[0]}["wd:Q15031"]
    assert {"title": "q3248096", "office": "Q3248096", "country": "CHN", "sector": "GOV",
            "start": "2012"} in xi["positions"]


def test_statements_without_value_and_deprecated_ones_are_skipped():
    putin = {r["id"]: r for r in _rows(SAMPLE)[0]}["wd:Q7747"]
    assert len(putin["positions"]) == 3 and putin["country"] == "RUS"


def test_organisations_get_kind_sector_and_country_from_their_class():
    rows = {r["id"]: r for r in _rows(SAMPLE)[0]}
    assert (rows["wd:Q204839"]["sector"], rows["wd:Q204839"]["country"]) == ("MED", "CHN")
    assert (rows["wd:Q1065"]["sector"], rows["wd:Q1065"]["country"]) == ("IGO", None)
    assert "wd:Q90" not in rows  # a city: neither a human, an organisation nor a country


def test_known_countries_only_gain_aliases():
    rows = {r["id"]: r for r in _rows(SAMPLE)[0]}
    assert "name" not in rows["ng:country/CHN"]
    assert "People's Republic of China" in rows["ng:country/CHN"]["aliases"]


def test_the_output_loads_as_a_kb_file_and_resolves_by_date(tmp_path):
    out = tmp_path / "wikidata.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        import_wikidata(SAMPLE, handle)
    _load.cache_clear()
    kb = load_kb((str(out),))
    assert "wd:Q6279" in [e.id for e, _ in kb.holders("president", "USA", "2022-01-01")]
    assert kb.position_on(kb.by_id("wd:Q7747"), "2009-01-01").title == "prime minister"
    assert kb.by_id("ng:country/CHN").name == "China"
    _load.cache_clear()


def test_a_file_that_is_not_a_dump_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text("[\nthis is not json,\n]\n")
    with pytest.raises(KnowledgeBaseError, match=r"notes.json:2"):
        import_wikidata(bad, io.StringIO())


def test_a_truncated_compressed_dump_is_a_clear_error(tmp_path):
    data = gzip.compress(SAMPLE.read_bytes())
    bad = tmp_path / "cut.json.gz"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(KnowledgeBaseError, match="corrupt or truncated"):
        import_wikidata(bad, io.StringIO())


def test_a_missing_dump_is_a_clear_error(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="not found"):
        import_wikidata(tmp_path / "absent.json.bz2", io.StringIO())


def test_the_dump_is_streamed_line_by_line(monkeypatch):
    """The importer never parses the dump as one JSON document."""
    import newsgraph.kb.wikidata as module

    def refuse(*args, **kwargs):
        raise AssertionError("the dump must not be loaded whole")

    monkeypatch.setattr(module.json, "load", refuse)
    rows, _ = _rows(SAMPLE)
    assert rows


@pytest.mark.parametrize("label, title", [
    ("President of the United States", "president"),
    ("Prime Minister of the United Kingdom", "prime minister"),
    ("Minister of Foreign Affairs of Japan", "foreign minister"),
    ("Secretary-General of the United Nations", "secretary-general"),
    ("Federal Chancellor of Germany", "chancellor"),
    ("Mayor of Paris", "mayor of paris"),
])
def test_office_title_reads_the_role_from_the_label(label, title):
    assert office_title(label, _title_index())[0] == title
