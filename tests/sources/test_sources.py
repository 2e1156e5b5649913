"""Reading files and directories: newsgraph/sources/__init__.py."""

from __future__ import annotations

import gzip
import os

import pytest

from newsgraph.errors import (SourceCorrupt, SourceEmpty, SourceNotFound, SourceTooLarge,
                              SourceUnreadable, UsageError)
from newsgraph.sources import (DEFAULT_MAX_BYTES, SourceOptions, find_documents, gunzip,
                               iter_documents, read_file)

PAGE = b"<html><body><article><p>Some text of an article.</p></article></body></html>"


def test_read_file_sets_content_type_from_suffix_without_gz(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE))
    doc = read_file(path)
    assert doc.data == PAGE
    assert doc.content_type == "text/html"
    assert doc.source == str(path)
    assert doc.fetched_at and doc.fetched_at.endswith("+00:00")


def test_read_file_detects_gzip_by_magic_not_name(tmp_path):
    path = tmp_path / "capture.txt"
    path.write_bytes(gzip.compress(b"Title\n\nBody text."))
    assert read_file(path).data == b"Title\n\nBody text."


def test_gunzip_reads_every_member_of_a_concatenated_file():
    data = gzip.compress(b"first half, ") + gzip.compress(b"second half")
    assert gunzip(data, source="x.gz", max_bytes=1000) == b"first half, second half"


def test_gunzip_truncated_is_corrupt_and_names_the_file():
    data = gzip.compress(PAGE * 50)
    with pytest.raises(SourceCorrupt) as info:
        gunzip(data[: len(data) // 2], source="cut.html.gz", max_bytes=10**6)
    assert "truncated" in info.value.message
    assert info.value.source == "cut.html.gz"
    assert info.value.code == "E106"


def test_gunzip_stops_a_decompression_bomb_at_the_cap():
    bomb = gzip.compress(b"\0" * 5_000_000)
    with pytest.raises(SourceTooLarge) as info:
        gunzip(bomb, source="bomb.gz", max_bytes=100_000)
    assert "decompressed" in info.value.message


def test_gunzip_rejects_garbage_after_the_stream():
    with pytest.raises(SourceCorrupt):
        gunzip(gzip.compress(PAGE) + b"not gzip", source="x.gz", max_bytes=10**6)


def test_read_file_over_the_cap_says_how_to_raise_it(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(SourceTooLarge) as info:
        read_file(path, SourceOptions(max_bytes=1000))
    assert "--max-bytes" in info.value.message and "NEWSGRAPH_MAX_BYTES" in info.value.message


def test_read_file_whitespace_only_is_empty(tmp_path):
    path = tmp_path / "blank.html"
    path.write_bytes(b" \n\t\n")
    with pytest.raises(SourceEmpty):
        read_file(path)


def test_read_file_refuses_a_pipe(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(SourceUnreadable) as info:
        read_file(fifo)
    assert "regular file" in info.value.message


def test_read_file_broken_symlink_is_named_as_such(tmp_path):
    link = tmp_path / "gone.html"
    link.symlink_to(tmp_path / "missing.html")
    with pytest.raises(SourceNotFound) as info:
        read_file(link)
    assert "broken symbolic link" in info.value.message


def test_read_file_permission_denied_is_unreadable(tmp_path, monkeypatch):
    # Tests may run as root, where chmod 000 does not stop reads: simulate the refusal.
    path = tmp_path / "locked.html"
    path.write_bytes(PAGE)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "open", refuse)
    with pytest.raises(SourceUnreadable) as info:
        read_file(path)
    assert "permission denied" in info.value.message


def test_find_documents_walks_sorted_and_keeps_named_files_of_any_suffix(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_bytes(PAGE)
    (tmp_path / "a.txt").write_bytes(b"text")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.html").write_bytes(PAGE)
    odd = tmp_path / "page.data"
    odd.write_bytes(PAGE)
    found = find_documents([tmp_path, odd])
    assert [p.name for p in found] == ["a.txt", "z.html", "page.data"]


def test_find_documents_reports_missing_path_in_place(tmp_path):
    (tmp_path / "a.html").write_bytes(PAGE)
    found = find_documents([tmp_path / "nope.html", tmp_path / "a.html"])
    assert isinstance(found[0], SourceNotFound) and found[0].source.endswith("nope.html")
    assert found[1].name == "a.html"


def test_find_documents_reports_a_directory_that_cannot_be_listed(tmp_path, monkeypatch):
    # Simulated: as root, chmod 000 does not stop os.scandir.
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "ok.html").write_bytes(PAGE)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = find_documents([tmp_path])
    errors = [f for f in found if isinstance(f, SourceUnreadable)]
    assert [e.source for e in errors] == [str(locked)]
    assert [f.name for f in found if not isinstance(f, SourceUnreadable)] == ["ok.html"]


def test_find_documents_root_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    def scandir(path="."):
        raise PermissionError(13, "Permission denied", os.fspath(path))

    monkeypatch.setattr(os, "scandir", scandir)
    found = find_documents([tmp_path])
    assert len(found) == 1 and isinstance(found[0], SourceUnreadable)


def test_iter_documents_goes_on_past_bad_files(tmp_path):
    (tmp_path / "a.html").write_bytes(b"")
    (tmp_path / "b.html").write_bytes(PAGE)
    items = list(iter_documents([tmp_path]))
    assert isinstance(items[0], SourceEmpty)
    assert items[1].data == PAGE


def test_source_options_from_env(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_MAX_BYTES", raising=False)
    assert SourceOptions.from_env().max_bytes == DEFAULT_MAX_BYTES
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "5_000")
    assert SourceOptions.from_env().max_bytes == 5000
    assert SourceOptions.from_env(70).max_bytes == 70
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "lots")
    with pytest.raises(UsageError) as info:
        SourceOptions.from_env()
    assert "NEWSGRAPH_MAX_BYTES" in str(info.value)


def test_source_options_refuse_a_non_positive_cap():
    with pytest.raises(UsageError):
        SourceOptions(max_bytes=0)
