"""One thread for the BLAS under the model's matrix products, unless the user asks for more.

newsgraph has the model multiply its matrices through numpy's BLAS (OpenBLAS in numpy's
wheels; see ``nlp.load_nlp``). OpenBLAS starts a thread per core, and on the small matrices
of a small model the extra threads mostly wait for work, spinning: more CPU for little or no
gain in time, and oversubscribed cores when one process runs per core. thinc's default BLAS,
blis, runs on one thread, and so does this one after ``use_one_thread()``, unless
``OPENBLAS_NUM_THREADS`` (or ``GOTO_NUM_THREADS``, ``OMP_NUM_THREADS``) says otherwise.

The thread count of a loaded OpenBLAS can only be changed through its own function, found
here by name in the library numpy loaded; a numpy built on another BLAS is left as it is.
"""

from __future__ import annotations

import ctypes
import os

# What OpenBLAS itself reads at start, in its order: a user's setting is never overridden.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")
# The setter's name in numpy's bundled OpenBLAS (64-bit integers, "scipy_" prefix) and in a
# system one.
SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
           "openblas_set_num_threads64_", "openblas_set_num_threads")


def use_one_thread() -> bool:
    """Set numpy's OpenBLAS to one thread; whether it was done (False: the user chose a
    number, or numpy's BLAS is not an OpenBLAS this can find)."""
    if any(os.environ.get(name) for name in THREAD_VARIABLES):
        return False
    import numpy  # noqa: F401  (loads the BLAS, so that it can be found)

    for path in _loaded_openblas():
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for name in SETTERS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux; elsewhere none)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = {line.split(maxsplit=5)[-1].strip() for line in maps
                     if "openblas" in line.lower()}
    except OSError:
        return []
    return sorted(p for p in paths if p.startswith("/"))
