"""Database URLs and connections: newsgraph/store/database.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.store.database import connect, resolve_url, safe_url


def test_postgres_urls_use_psycopg3():
    assert resolve_url("postgresql://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    assert resolve_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert resolve_url("postgresql+psycopg://h/db") == "postgresql+psycopg://h/db"


def test_a_plain_path_is_an_absolute_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_url("news.db") == f"sqlite:///{tmp_path.resolve() / 'news.db'}"


def test_environment_then_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_DB", "sqlite:///" + str(tmp_path / "env.db"))
    assert resolve_url(None) == "sqlite:///" + str(tmp_path / "env.db")
    monkeypatch.delenv("NEWSGRAPH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = resolve_url(None)
    assert url.startswith("sqlite:///") and url.endswith("newsgraph.db")
    assert Path(url.removeprefix("sqlite:///")).parent.name == "newsgraph"


def test_default_database_is_created_with_its_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSGRAPH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Store() as store:
        path = Path(store.url.removeprefix("sqlite:///"))
    assert path.is_file() and str(path).startswith(str(tmp_path))


def test_password_is_hidden_in_messages():
    assert "secret" not in safe_url("postgresql+psycopg://me:secret@host/db")


def test_unknown_driver_is_a_clear_store_error():
    with pytest.raises(StoreError) as info:
        connect("nosuchdb://host/db")
    assert info.value.code == "E401"


def test_a_file_that_is_not_a_database_is_a_clear_store_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError) as info:
        Store(bogus)
    assert info.value.code == "E403" and "notes.db" in str(info.value)
