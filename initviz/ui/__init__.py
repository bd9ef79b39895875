"""The desktop window (Qt). Nothing in initviz.engine imports from here."""
import os

# pyqtgraph picks the first binding it finds; make that PySide6, and load it first.
os.environ["QT_API"] = "pyside6"
# The probe's matrices are small: threaded BLAS only fights the GUI thread for the cores
# (measured here: 0.32 s instead of 0.02 s per probe on two cores). Only effective when the
# UI is imported before NumPy, as `initviz` does.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
# Qt's raster engine splits any fill of more than ~96 scan lines (a grid line the height of a
# plot) over a pool of threads and waits for them: while the workers train on every core,
# the GUI thread then waits for the scheduler (a Loss-tab frame: 17-24 ms of paint, 11-16 ms
# with the fills on the GUI thread). Read when the QGuiApplication is made.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

import PySide6.QtCore  # noqa: E402,F401  (before any pyqtgraph import)
