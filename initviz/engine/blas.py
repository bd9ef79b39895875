"""The BLAS thread count, read and set while the process runs.

The engine trains with one BLAS thread everywhere: in worker processes (set through the
environment before NumPy loads), headless and in the window. That is not only for speed:
OpenBLAS splits some products differently over more threads, so a run's numbers (in a poorly
conditioned run, its final accuracy) would depend on the number of threads. The environment
variables only count if they are set before NumPy is imported; a script that imports NumPy (or
pyqtgraph) before initviz, or a user's OPENBLAS_NUM_THREADS, would leave OpenBLAS with a
thread per core. ``one_thread()`` sets the count through OpenBLAS itself, whenever NumPy was
loaded. It is process-wide and stays set: a run in progress must never see it change.

Only NumPy's bundled OpenBLAS is found; with another BLAS these do nothing (None)."""
from __future__ import annotations

import ctypes
import glob
import os
import threading

_PREFIXES = ("scipy_openblas_", "openblas_")
_SUFFIXES = ("64_", "")
_lock = threading.Lock()
_lib: list = []          # [ctypes.CDLL or None] once looked for


def _library():
    with _lock:
        if not _lib:
            import numpy as np
            root = os.path.dirname(np.__file__)
            found = None
            for pattern in (os.path.join(root, os.pardir, "numpy.libs", "*openblas*"),
                            os.path.join(root, ".dylibs", "*openblas*")):
                for path in sorted(glob.glob(pattern)):
                    try:
                        found = ctypes.CDLL(path)
                        break
                    except OSError:
                        continue
                if found is not None:
                    break
            _lib.append(found)
        return _lib[0]


def _function(verb: str):
    lib = _library()
    if lib is None:
        return None
    for prefix in _PREFIXES:
        for suffix in _SUFFIXES:
            f = getattr(lib, f"{prefix}{verb}_num_threads{suffix}", None)
            if f is not None:
                return f
    return None


def threads() -> int | None:
    """The number of threads NumPy's bundled OpenBLAS uses, if it says."""
    f = _function("get")
    return None if f is None else int(f())


def set_threads(n: int) -> int | None:
    """Make OpenBLAS use ``n`` threads from now on; return the count it used before (None: no
    OpenBLAS found, nothing done)."""
    get, set_ = _function("get"), _function("set")
    if get is None or set_ is None:
        return None
    before = int(get())
    if before != n:
        set_.argtypes = [ctypes.c_int]
        set_(int(n))
    return before


def one_thread() -> int | None:
    """One BLAS thread from now on (what every engine run uses); the count before, or None."""
    return set_threads(1)
