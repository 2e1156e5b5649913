"""Bad input through ``newsgraph ingest``: a clear error naming the input, the run goes on,
nothing stored is lost, exit status 1. Every input is generated here, in tmp_path."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from tests.store.pages import news_page, write_page

runner = CliRunner()
FRENCH = ("Le conseil municipal a voté mardi un budget pour les transports publics. "
          "Les élus ont débattu très longtemps à l'hôtel de ville. ")


def ingest_jsonl(db: Path, *paths: Path, extra: tuple[str, ...] = (), env=None):
    """Run ingest with JSON Lines output; return (exit code, records by file name, stderr)."""
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db), "--no-analyze",
                                 "--format", "jsonl", *extra], env=env)
    records = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    return result.exit_code, records, result.stderr


@pytest.fixture
def db(tmp_path):
    """A database that already holds one article, which no bad input may disturb."""
    kept = tmp_path / "kept"
    kept.mkdir()
    write_page(kept, "kept.html", url="https://example.org/kept", title="Kept article")
    path = tmp_path / "news.db"
    with Store(path) as store:
        assert store.ingest([kept], analyze=False).counts["new"] == 1
    return path


def stored_titles(db: Path) -> list[str]:
    with Store(db) as store:
        return sorted(row["title"] for row in store.articles(limit=None))


def assert_failed_alone(db: Path, bad: Path, code: str, *, extra=(), env=None, words=()):
    """``bad`` fails with ``code`` and a message naming it; a good page beside it is stored."""
    good = write_page(bad.parent, "good.html", url="https://example.org/good", title="Good page")
    status, records, _ = ingest_jsonl(db, bad, good, extra=extra, env=env)
    assert status == 1
    failure = records[bad.name]
    assert failure["status"] == "failed" and failure["error"]["code"] == code, failure
    assert failure["source"] == str(bad)
    for word in words:
        assert word in failure["error"]["message"], failure
    assert records["good.html"]["status"] == "new"
    assert stored_titles(db) == ["Good page", "Kept article"]


def test_empty_file(db, tmp_path):
    bad = tmp_path / "in" / "empty.html"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    assert_failed_alone(db, bad, "E104", words=("empty",))


def test_binary_file(db, tmp_path):
    bad = tmp_path / "in" / "photo.html"
    bad.parent.mkdir()
    bad.write_bytes(bytes(range(256)) * 64)
    assert_failed_alone(db, bad, "E105", words=("binary",))


def test_fifty_megabyte_page_is_refused_by_the_default_cap(db, tmp_path):
    bad = tmp_path / "in" / "huge.html"
    bad.parent.mkdir()
    with bad.open("wb") as handle:
        handle.write(b"<html><body>")
        chunk = b"<p>" + b"filler text " * 800 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    assert bad.stat().st_size > 50 * 1024 * 1024
    assert_failed_alone(db, bad, "E103", words=("--max-bytes", "NEWSGRAPH_MAX_BYTES"))


def test_size_cap_is_set_by_option_or_environment(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    page = write_page(folder, "page.html", url="https://example.org/page", title="Sized page")
    size = page.stat().st_size
    status, records, _ = ingest_jsonl(db, page, extra=("--max-bytes", str(size - 1)))
    assert status == 1 and records["page.html"]["error"]["code"] == "E103"
    status, records, _ = ingest_jsonl(db, page, env={"NEWSGRAPH_MAX_BYTES": str(size - 1)})
    assert status == 1 and records["page.html"]["error"]["code"] == "E103"
    status, records, _ = ingest_jsonl(db, page, extra=("--max-bytes", str(size)),
                                      env={"NEWSGRAPH_MAX_BYTES": "10"})
    assert status == 0 and records["page.html"]["status"] == "new"


def test_bad_size_cap_in_the_environment_is_a_usage_error(db, tmp_path):
    page = write_page(tmp_path, "page.html")
    status, _, stderr = ingest_jsonl(db, page, env={"NEWSGRAPH_MAX_BYTES": "big"})
    assert status == 2 and "NEWSGRAPH_MAX_BYTES" in stderr


def test_ten_thousand_nested_divs_are_read_without_crashing(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "The council met on Tuesday to discuss the budget for the coming year. " * 4
    deep = folder / "deep.html"
    deep.write_text("<html><head><title>Deep page</title></head><body>" + "<div>" * 10_000
                    + f"<p>{text}</p>" + "</div>" * 10_000 + "</body></html>", encoding="utf-8")
    good = write_page(folder, "good.html", url="https://example.org/good", title="Good page")
    status, records, _ = ingest_jsonl(db, deep, good)
    assert status == 0, records
    assert records["deep.html"]["status"] == "new" and records["good.html"]["status"] == "new"
    with Store(db) as store:
        body = store.article(records["deep.html"]["article_id"])["body"]
    assert "discuss the budget" in body


def test_wrong_declared_charset_is_not_trusted(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    lying = folder / "latin1-label.html"  # says ISO-8859-1, is UTF-8
    lying.write_bytes(news_page(url="https://example.org/fr1", extra=FRENCH)
                      .replace('charset="utf-8"', 'charset="iso-8859-1"').encode("utf-8"))
    legacy = folder / "utf8-label.html"  # says UTF-8, is Windows-1252
    legacy.write_bytes(news_page(url="https://example.org/fr2", extra=FRENCH).encode("cp1252"))
    status, records, _ = ingest_jsonl(db, lying, legacy)
    assert status == 0, records
    with Store(db) as store:
        for name, encoding in (("latin1-label.html", "utf-8"), ("utf8-label.html", "cp1252")):
            article = store.article(records[name]["article_id"])
            assert "très longtemps à l'hôtel de ville" in article["body"], name
            assert article["encoding"] == encoding


def test_nul_bytes_are_dropped_from_a_page_and_a_page_of_nuls_is_binary(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    sprinkled = folder / "sprinkled.html"
    sprinkled.write_bytes(news_page(url="https://example.org/nul").encode("utf-8")
                          .replace(b"budget", b"bud\x00get"))
    nuls = folder / "nuls.html"
    nuls.write_bytes(b"<html><body><p>" + b"\x00" * 5000 + b"</p></body></html>")
    status, records, _ = ingest_jsonl(db, sprinkled, nuls)
    assert status == 1
    assert records["nuls.html"]["error"]["code"] == "E105"
    with Store(db) as store:
        body = store.article(records["sprinkled.html"]["article_id"])["body"]
    assert "\x00" not in body and "public transport" in body


def test_truncated_gzip(db, tmp_path):
    bad = tmp_path / "in" / "cut.html.gz"
    bad.parent.mkdir()
    data = gzip.compress(news_page().encode("utf-8") * 20)
    bad.write_bytes(data[: len(data) // 2])
    assert_failed_alone(db, bad, "E106", words=("truncated",))


def test_missing_path(db, tmp_path):
    (tmp_path / "in").mkdir()
    assert_failed_alone(db, tmp_path / "in" / "nowhere.html", "E101")


def test_directory_with_unreadable_files(db, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    locked = write_page(folder, "locked.html", url="https://example.org/locked")
    if os.geteuid() == 0:
        # root reads a chmod 000 file anyway, so the refusal is simulated for this one file.
        real_open = Path.open

        def guarded_open(self, *args, **kwargs):
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", guarded_open)
    else:
        locked.chmod(0)
    try:
        good = write_page(folder, "good.html", url="https://example.org/good", title="Good page")
        status, records, _ = ingest_jsonl(db, folder)
    finally:
        locked.chmod(0o644)
    assert status == 1
    assert records["locked.html"]["error"]["code"] == "E102"
    assert "permission denied" in records["locked.html"]["error"]["message"]
    assert records[good.name]["status"] == "new"
    assert stored_titles(db) == ["Good page", "Kept article"]


def test_a_batch_of_every_bad_input_reports_each_in_the_table_summary(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 64)
    (folder / "cut.html.gz").write_bytes(gzip.compress(news_page().encode() * 20)[:200])
    write_page(folder, "good.html", url="https://example.org/good", title="Good page")
    result = runner.invoke(app, ["ingest", str(folder), str(tmp_path / "missing.html"),
                                 "--db", str(db), "--no-analyze"], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert "1  new articles" in result.stdout and "4  failed" in result.stdout
    for name, code in (("empty.html", "E104"), ("binary.html", "E105"),
                       ("cut.html.gz", "E106"), ("missing.html", "E101")):
        line = next(x for x in result.stderr.splitlines() if name in x)
        assert code in line, line
    assert stored_titles(db) == ["Good page", "Kept article"]
