"""Where the database is and how to connect to it: URLs, the default file, engine settings.

A URL can be a SQLAlchemy URL (``sqlite:///news.db``), a PostgreSQL URL as PostgreSQL tools
write it (``postgresql://user@host/db``, run through psycopg 3), or a plain file path, taken
as a SQLite file. With no URL, ``NEWSGRAPH_DB`` decides, else ``newsgraph.db`` in the user's
data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsgraph.errors import StoreError

DB_ENV = "NEWSGRAPH_DB"
DEFAULT_FILE = "newsgraph.db"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg2://")


def default_url() -> str:
    """The SQLite file in the user's data directory (created on first use)."""
    import platformdirs

    return "sqlite:///" + str(Path(platformdirs.user_data_dir("newsgraph")) / DEFAULT_FILE)


def resolve_url(url: str | os.PathLike | None = None) -> str:
    """The SQLAlchemy URL for what the user gave.

    >>> resolve_url("postgresql://news@db.example.org/news")
    'postgresql+psycopg://news@db.example.org/news'
    >>> resolve_url("news.db").startswith("sqlite:///")
    True
    """
    if url is None or str(url).strip() == "":
        url = os.environ.get(DB_ENV, "").strip() or default_url()
    text = str(url).strip()
    for scheme in _POSTGRES_SCHEMES:
        if text.startswith(scheme):
            return "postgresql+psycopg://" + text[len(scheme):]
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def safe_url(url: str) -> str:
    """The URL with its password hidden, for messages and ``stats()``."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as given; it holds no parsed password
        return url


def connect(url: str):
    """A SQLAlchemy engine for ``url`` (already resolved), with newsgraph's settings.

    SQLite gets WAL journaling (readers never block the writer, and a killed writer loses only
    its open transaction), foreign keys on, and a busy timeout for concurrent ingests.
    Raises ``StoreError`` (E401) for a URL that cannot be used, saying why.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        if url.startswith("sqlite"):
            _make_parent(url)
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise StoreError(f"no database driver for this URL ({exc}); for PostgreSQL install "
                         "newsgraph[postgres]", source=safe_url(url), code="E401") from None
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"not a usable database URL: {exc}", source=safe_url(url),
                         code="E401") from None
    except ModuleNotFoundError as exc:
        raise StoreError(f"the database driver {exc.name} is not installed; for PostgreSQL "
                         "install newsgraph[postgres]", source=safe_url(url), code="E401") from None
    return engine


def _make_parent(url: str) -> None:
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the database: {exc.strerror}",
                             source=url, code="E401") from None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
