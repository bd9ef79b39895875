"""Remembered settings: they survive a restart, and a damaged file never stops the app."""
import os

import pytest

from initviz.engine import presets as catalogue
from initviz.ui import i18n
from initviz.ui.main_window import MainWindow
from initviz.ui.settings import Settings


def make_window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def test_geometry_theme_scale_language_preset_and_lesson_survive_a_restart(qtbot, tmp_path):
    keys = list(catalogue.PRESETS)
    w = make_window(qtbot)
    w.resize(1111, 777)
    w.show()
    w.presentation.set_theme("dark")
    w.presentation.set_scale(1.3)
    w.presentation.set_language("zh_CN")
    w.presentation.lesson.custom_keys = [keys[2], keys[0]]
    w.load_preset(keys[1], run=False)
    w.close()
    try:
        stored = Settings(os.environ["INITVIZ_SETTINGS"])
        assert stored.get("window/theme") == "dark"
        assert stored.get("window/scale") == pytest.approx(1.3)
        assert stored.get("language") == "zh_CN"
        assert stored.get("last_preset") == keys[1]
        assert stored.get("lesson") == [keys[2], keys[0]]

        assert stored.geometry() is not None
        Settings._shared.clear()                # a new launch reads the file afresh
        again = make_window(qtbot)
        p = again.presentation
        restored = []
        again.restoreGeometry = lambda data: restored.append(bytes(data)) or True
        p.restore_session(None, size_given=False)
        # (the offscreen screen is 800×600, so Qt would clamp the size: compare the bytes)
        assert restored == [bytes(stored.geometry())]
        assert p.theme == "dark" and p.scale == pytest.approx(1.3)
        assert again.preset_key == keys[1]
        assert p.lesson.keys == [keys[2], keys[0]]
        again.close()
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("garbage", [
    b"\x00\xff\xfe garbage \x89PNG\r\n\x1a\n" * 20,
    b"[General]\nthis is not = = a settings file\n}}}{{{\n<<<>>>\n",
    "[window]\nscale=enormous\ntheme=purple\ngeometry=@ByteArray(\x01)\n[General]\n"
    "lesson=@Variant(\\0\\0\\0\\x7f)\n".encode(),
])
def test_a_corrupt_settings_file_is_ignored_with_a_notice(qtbot, garbage):
    path = os.environ["INITVIZ_SETTINGS"]
    with open(path, "wb") as f:
        f.write(garbage)
    Settings._shared.clear()
    w = make_window(qtbot)       # must not raise
    p = w.presentation
    p.restore_session(None, size_given=False)
    assert p.theme == "light" and p.scale == 1.0
    assert p.settings.notice, "the user is told"
    w.show()
    assert w.statusBar().currentMessage() == p.settings.notice
    w.close()                    # and saving afterwards works
    assert Settings(path).get("window/theme") == "light"
