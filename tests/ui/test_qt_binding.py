"""Exactly one Qt binding, and a regression test for the PySide6 6.12.0 / Python 3.11 abort."""
import importlib.util
import os
import subprocess
import sys
import textwrap


def test_exactly_one_qt_binding():
    for other in ("PyQt6", "PyQt5", "PySide2"):
        assert importlib.util.find_spec(other) is None, f"{other} is installed next to PySide6"
    assert importlib.util.find_spec("PySide6") is not None
    import initviz.ui  # noqa: F401  (sets QT_API before pyqtgraph)
    import pyqtgraph.Qt as pgqt
    assert pgqt.QT_LIB == "PySide6"


SOAK = textwrap.dedent("""
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import initviz.ui
    import numpy as np
    import pyqtgraph as pg
    from PySide6 import QtCore
    from PySide6.QtWidgets import QApplication

    r = QtCore.QRectF()
    for _ in range(200_000):
        r.setWidth(1.0)          # returns None: 6.12.0 leaked a reference to None here
    app = QApplication([])
    w = pg.GraphicsLayoutWidget()
    w.resize(800, 600)
    w.show()
    p = w.addPlot()
    curve = p.plot(stepMode="center", fillLevel=0, brush=(0, 114, 178, 80))
    edges = np.linspace(0, 1, 61)
    rng = np.random.default_rng(0)
    for i in range(3000):
        curve.setData(edges, rng.random(60))
        if i % 10 == 0:
            app.processEvents()
    print("ok")
""")


def test_none_refcount_regression_in_a_subprocess():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SOAK], capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "none_dealloc" not in proc.stderr
    assert proc.stdout.strip().endswith("ok")
