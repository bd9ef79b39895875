"""Shared by every test: one BLAS thread, as the app runs (initviz/__init__.py), set before any
test module imports NumPy, so that results do not depend on the collection order."""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


def translation_tool():
    """tools/update_translations.py, which builds the .qm catalogues (the app never does)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import update_translations
    return update_translations


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """A test run from a bare checkout gets the .qm files as dev.py and the builds make them."""
    translation_tool().release(only_stale=True)
