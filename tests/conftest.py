"""Shared by every test: one BLAS thread, as the app runs (initviz/__init__.py), set before any
test module imports NumPy, so that results do not depend on the collection order."""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
