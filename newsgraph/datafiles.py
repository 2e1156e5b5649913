"""Where newsgraph's bundled data files live, and reading a TOML one with clear errors.

Lexicons, patterns, selectors and the knowledge base are data files under ``newsgraph/data/``
(see each file's header comment for its format). Each stage validates its own files when it
loads them and raises its own error class naming the file and line; this module only holds
what every loader shares.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """The path of a data file shipped in ``newsgraph/data`` (``name`` may include a folder)."""
    return DATA_DIR / name


def read_toml(path: Path, error: type[NewsgraphError]) -> tuple[dict[str, Any], str]:
    """The parsed TOML file and its text (for finding line numbers of bad entries).

    A file that cannot be read or is not valid TOML raises ``error`` naming the file.
    """
    try:
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text), text
    except OSError as exc:
        raise error(f"{path.name} cannot be read ({exc.strerror}); reinstall newsgraph",
                    source=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path.name}: not valid TOML ({exc})", source=str(path)) from exc
