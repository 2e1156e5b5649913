"""``newsgraph ingest``: newsgraph/cli/ingest.py."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from tests.store.pages import write_page

runner = CliRunner()


def ingest(*args: str):
    return runner.invoke(app, ["ingest", *args])


def test_ingest_summary_then_unchanged_on_the_second_run(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    write_page(pages, "a.html", url="https://example.org/a")
    write_page(pages, "b.html", url="https://example.org/b")
    db = str(tmp_path / "news.db")
    first = ingest(str(pages), "--db", db, "--no-analyze")
    assert first.exit_code == 0, first.output
    assert "Ingested 2 inputs" in first.stdout and "2  new articles" in first.stdout
    second = ingest(str(pages), "--db", db, "--no-analyze")
    assert second.exit_code == 0
    assert "2  already stored, unchanged" in second.stdout


def test_ingest_jsonl_is_one_line_per_input_in_order(tmp_path):
    write_page(tmp_path, "a.html", url="https://example.org/a")
    result = ingest(str(tmp_path / "a.html"), str(tmp_path / "missing.html"), "--db",
                    str(tmp_path / "news.db"), "--no-analyze", "--format", "jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["status"] for line in lines] == ["new", "failed"]
    assert lines[0]["article_id"] and lines[0]["title"] == "Council approves transport budget"
    assert lines[1]["error"]["code"] == "E101" and lines[1]["source"].endswith("missing.html")


def test_ingest_json_is_one_array(tmp_path):
    write_page(tmp_path, "a.html")
    result = ingest(str(tmp_path), "--db", str(tmp_path / "news.db"), "--no-analyze",
                    "--format", "json")
    assert result.exit_code == 0
    assert [r["status"] for r in json.loads(result.stdout)] == ["new"]


def test_ingest_uses_newsgraph_db_from_the_environment(tmp_path, monkeypatch):
    write_page(tmp_path, "a.html")
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.db"))
    assert ingest(str(tmp_path / "a.html"), "--no-analyze").exit_code == 0
    assert (tmp_path / "env.db").is_file()


def test_ingest_without_paths_is_a_usage_error(tmp_path):
    result = ingest("--db", str(tmp_path / "news.db"))
    assert result.exit_code == 2


def test_ingest_with_an_unusable_database_url_is_a_usage_error(tmp_path):
    write_page(tmp_path, "a.html")
    result = ingest(str(tmp_path / "a.html"), "--db", "nosuchdb://x/y", "--no-analyze")
    assert result.exit_code == 2 and "E401" in result.stderr


def test_ingest_with_a_broken_nlp_layer_says_to_use_no_analyze(tmp_path, monkeypatch):
    from newsgraph.errors import ModelNotInstalled

    def broken(article, options=None):
        raise ModelNotInstalled("the spaCy model is not installed; run `make install`")

    monkeypatch.setattr("newsgraph.annotate.annotate", broken)
    write_page(tmp_path, "a.html")
    result = ingest(str(tmp_path / "a.html"), "--db", str(tmp_path / "news.db"))
    assert result.exit_code == 1
    assert "make install" in result.stderr and "E301" in result.stderr


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import sys

    from newsgraph.cli.ingest import _progress_wanted
    from newsgraph.cli.output import Format

    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not _progress_wanted(Format.table)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert _progress_wanted(Format.table)
    assert not _progress_wanted(Format.jsonl)


def test_ctrl_c_keeps_what_was_stored_and_says_how_to_resume(tmp_path, monkeypatch):
    import newsgraph.store as store_module

    for name in ("a.html", "b.html", "c.html"):
        write_page(tmp_path, name, url=f"https://example.org/{name}")
    real = store_module.save_outcome
    saved = []

    def interrupted(conn, tables, source, *args):
        if len(saved) == 2:
            raise KeyboardInterrupt
        saved.append(source)
        return real(conn, tables, source, *args)

    monkeypatch.setattr(store_module, "save_outcome", interrupted)
    db = str(tmp_path / "news.db")
    result = ingest(str(tmp_path), "--db", db, "--no-analyze")
    assert result.exit_code == 130 and "resumes" in result.stderr
    monkeypatch.setattr(store_module, "save_outcome", real)
    again = ingest(str(tmp_path), "--db", db, "--no-analyze", "--format", "jsonl")
    assert [json.loads(x)["status"] for x in again.stdout.splitlines()] == \
        ["unchanged", "unchanged", "new"]


def test_sigkill_mid_ingest_then_resume_stores_every_page_once(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from newsgraph.store import Store

    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(40):
        write_page(pages, f"p{n:02d}.html", url=f"https://example.org/{n}")
    db = tmp_path / "news.db"
    Store(db).close()
    command = [sys.executable, "-m", "newsgraph", "ingest", str(pages), "--db", str(db),
               "--no-analyze", "--format", "jsonl"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first_line = process.stdout.readline()  # one document committed: kill in the middle
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    assert json.loads(first_line)["status"] == "new"
    with Store(db) as store:
        committed = len(store.articles(limit=None))
    assert committed >= 1
    time.sleep(0.1)
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    statuses = [json.loads(line)["status"] for line in resumed.stdout.splitlines()]
    assert resumed.returncode == 0, resumed.stderr
    assert statuses.count("unchanged") == committed and statuses.count("new") == 40 - committed
    with Store(db) as store:
        assert len(store.articles(limit=None, all_versions=True)) == 40
