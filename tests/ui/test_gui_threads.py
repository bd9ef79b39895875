"""Qt's raster engine paints on the GUI thread alone: with its pool, a fill taller than ~96 scan
lines (a grid line the height of a plot) was split over pool threads that the GUI thread then
waited for, while the workers held every core (a Loss-tab frame took 17-24 ms, 11-16 ms
without). initviz.ui turns the pool off before the application exists."""
import os
import subprocess
import sys

import pytest

PAINT = """
import os, sys
os.environ.pop("QT_NO_GUI_THREADPOOL", None)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if sys.argv[1] == "initviz":
    import initviz.ui
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF
from PySide6.QtWidgets import QApplication
app = QApplication([])
img = QImage(1500, 1500, QImage.Format.Format_ARGB32_Premultiplied)
p = QPainter(img)
p.setBrush(QColor(10, 20, 30, 128))
p.drawPolygon(QPolygonF([QPointF(0, 0), QPointF(1400, 100), QPointF(700, 1400)]))
p.end()
tasks = os.listdir("/proc/self/task")
print(sum(open(f"/proc/self/task/{t}/comm").read().startswith("Thread (pooled)")
          for t in tasks))
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads Linux's /proc")
def test_a_large_fill_starts_no_pool_threads_in_the_app():
    def pooled(mode):
        out = subprocess.run([sys.executable, "-c", PAINT, mode], capture_output=True,
                             text=True, check=True, timeout=60)
        return int(out.stdout.split()[-1])
    assert pooled("qt") > 0           # Qt alone splits the fill (the test can fail)
    assert pooled("initviz") == 0
