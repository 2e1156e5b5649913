"""The BLAS under the model runs on one thread unless the user sets a number."""

from __future__ import annotations

import ctypes

import pytest

from newsgraph.annotate.blas import THREAD_VARIABLES, _loaded_openblas, use_one_thread

GETTERS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
           "openblas_get_num_threads64_", "openblas_get_num_threads")


def _threads() -> int:
    import numpy  # noqa: F401

    paths = _loaded_openblas()
    if not paths:
        pytest.skip("numpy is not built on an OpenBLAS found in this process")
    library = ctypes.CDLL(paths[0])
    getter = next(getattr(library, name) for name in GETTERS if hasattr(library, name))
    return getter()


def test_use_one_thread_sets_numpys_openblas_to_one_thread(monkeypatch):
    for name in THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    _threads()  # skips where there is no OpenBLAS to set
    assert use_one_thread() is True
    assert _threads() == 1


def test_use_one_thread_leaves_a_users_setting_alone(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    assert use_one_thread() is False
