"""initviz: see what weight initialization does to every layer of a neural network."""
import os as _os
import sys as _sys

__version__ = "0.1.0"

# The engine's matrices are small (a batch of 128 through 784-256-128-10): there, two BLAS
# threads fighting for two cores with the GUI thread cost 4-8x in speed (measured: 1.9 ms vs
# 15 ms per step with the other core busy). One thread: the environment only counts before
# NumPy is imported, hence here. Imported after NumPy (a script that loads pyqtgraph first),
# OpenBLAS is told at once; run_experiment makes sure of it too, since OpenBLAS's threaded
# products round differently and a run's numbers must not depend on import order
# (engine/blas.py).
if "numpy" not in _sys.modules:
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        _os.environ.setdefault(_var, "1")
else:
    from .engine import blas as _blas
    _blas.one_thread()
