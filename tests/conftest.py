"""Shared test fixtures.

Tests that read the gold data in ../shared (the DW fixture, html-eval, VOA, PLOVER) take the
``shared`` fixture. In a fresh clone without ../shared they skip with a clear reason; with
NEWSGRAPH_REQUIRE_SHARED=1 (set by .ci/run) a missing ../shared fails instead, so the
gold-corpus floors are enforced on every landing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (DESIGN.md, fixtures/, data/)."""
    if not (SHARED / "data").is_dir():
        reason = (f"gold data not found at {SHARED} (../shared beside the checkout, "
                  "or NEWSGRAPH_SHARED); these tests need it")
        if os.environ.get("NEWSGRAPH_REQUIRE_SHARED"):
            pytest.fail(reason + " and NEWSGRAPH_REQUIRE_SHARED is set")
        pytest.skip(reason)
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The one spaCy pipeline the slow tests share (loaded once per test session)."""
    from newsgraph.annotate.nlp import load_nlp

    return load_nlp()
