# initviz: PyInstaller's own PySide6 module hook, minus the Qt plugins, libraries and
# translations initviz does not use (see initviz_slim.py beside this file).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from initviz_slim import filtered_qt_hook  # noqa: E402


def hook(hook_api):
    filtered_qt_hook(hook_api, __file__)
