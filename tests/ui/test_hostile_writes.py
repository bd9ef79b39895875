"""Write errors in the window: every export (CSV, PNG of a pane and of the plot area, SVG, the
result JSON) and Save / Save As, to a target that cannot be written, give one warning naming
the path and the reason, keep the window's state and the old file, and leave no file behind.

The full disk is simulated in the table: the write of the temporary file puts half the bytes
on disk and then fails with ENOSPC, as a filling disk does; one more test lets the kernel
refuse for real (RLIMIT_FSIZE in a child process, EFBIG). The tests run as root here, where a read-only
folder does not stop a write: as root the kernel's EACCES is simulated for files created in
that folder (as any other user the folder's mode does it)."""
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.experiment_file import save_experiment
from initviz.ui.files import recent_files

pytestmark = pytest.mark.usefixtures("no_real_dialogs")
ROOT = Path(__file__).resolve().parents[2]
LONG = "n" * 300            # one name longer than any file system's 255 bytes


def small():
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 200, "features": 10, "probe_samples": 100},
        "network": {"depth": 3, "width": 16}, "runs": [{"label": "a"}, {"label": "b"}],
        "train": {"steps": 5}, "seed": 3})


@pytest.fixture
def warnings(monkeypatch):
    """The window's warning dialogs, recorded (any other dialog still fails the test)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


def full_disk(monkeypatch):
    real = os.fdopen

    class Filling:
        def __init__(self, fd, mode):
            self.fh = real(fd, mode)

        def write(self, data):
            self.fh.write(data[:len(data) // 2])
            self.fh.flush()                       # half a file on disk, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()
    monkeypatch.setattr(os, "fdopen", Filling)


def read_only(folder, monkeypatch):
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return
    real = os.open

    def refused(path, flags, *args, **kw):
        if flags & os.O_CREAT and os.path.dirname(os.fspath(path)) == str(folder):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real(path, flags, *args, **kw)
    monkeypatch.setattr(os, "open", refused)


# name: (target in the tmp folder, how the target is made hostile, the reason shown)
def _missing(tmp, name, mp):
    return tmp / "no such folder" / name


def _folder(tmp, name, mp):
    (tmp / name).mkdir()
    return tmp / name


def _read_only(tmp, name, mp):
    (tmp / "ro").mkdir()
    (tmp / "ro" / name).write_text("old")
    read_only(tmp / "ro", mp)
    return tmp / "ro" / name


def _parent_file(tmp, name, mp):
    (tmp / "plain").write_text("a file, not a folder")
    return tmp / "plain" / name


def _full(tmp, name, mp):
    (tmp / name).write_text("old")
    full_disk(mp)
    return tmp / name


def _too_long(tmp, name, mp):
    return tmp / (LONG + name)


CASES = [("missing-folder", _missing, "No such file or directory"),
         ("folder-target", _folder, "Is a directory"),
         ("read-only-folder", _read_only, "Permission denied"),
         ("parent-is-a-file", _parent_file, "Not a directory"),
         ("full-disk-enospc", _full, "No space left on device"),
         ("name-too-long", _too_long, "File name too long")]

# output: (file name, how the window writes it)
OUTPUTS = {
    "csv": ("out.csv", lambda fm, p: fm.export_pane_to(p, "loss")),
    "png-pane-2x": ("out.png", lambda fm, p: fm.export_pane_to(p, "loss")),
    "png-plot-area": ("area.png", lambda fm, p: fm.export_plot_area_to(p)),
    "svg": ("out.svg", lambda fm, p: fm.export_pane_to(p, "depth")),
    "result-json": ("result.json", lambda fm, p: fm.export_result_to(p)),
    "save-as": ("saved.json", None),
}


def tree(folder):
    """Every file under ``folder`` with its content (no temporary file may appear)."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for f in files:
            path = os.path.join(root, f)
            out[os.path.relpath(path, folder)] = open(path, "rb").read()
    return out


def state(window):
    fm = window.file_menu
    return (window.panel.config(), fm.path, window.windowTitle(), window.isWindowModified(),
            fm.is_modified(), recent_files.RecentFiles().paths(), window.preset_key)


@pytest.fixture
def edited(qtbot, window, tmp_path):
    """A window with a finished comparison from an experiment file, then one unsaved edit."""
    home = tmp_path / "home"
    home.mkdir()
    save_experiment(home / "e.json", small())
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        assert window.file_menu.open_path(home / "e.json")
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    assert window.file_menu.exporter.result_ready
    window.panel.widgets["seed"].setValue(8)
    assert window.file_menu.is_modified()
    return window


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_failed_write_warns_once_and_keeps_everything(edited, tmp_path, monkeypatch,
                                                        warnings, case):
    _, make, reason = case
    window, fm = edited, edited.file_menu
    for output, (name, write) in OUTPUTS.items():
        work = tmp_path / output
        work.mkdir()
        with monkeypatch.context() as mp:
            target = make(work, name, mp)
            before, files = state(window), tree(tmp_path)
            if write is None:
                mp.setattr(fm, "ask_save_path", lambda *a: (str(target), ""))
                ok = fm.save_as()
            else:
                ok = write(fm, target)
            after = tree(tmp_path)
        assert not ok, output
        assert len(warnings) == 1, (output, warnings)
        text = warnings.pop()
        assert text == f"cannot write {str(target)[:200]}{'…' * (len(str(target)) > 200)}: " \
                       f"{reason}", output
        assert state(window) == before, output
        assert after == files, output           # the old file intact, nothing new
        (work / "ro").exists() and (work / "ro").chmod(0o755)


@pytest.mark.parametrize("case", [c for c in CASES if c[0] in ("read-only-folder",
                                                               "full-disk-enospc")],
                         ids=["read-only-folder", "full-disk-enospc"])
def test_save_over_the_open_file_keeps_it_and_the_modified_mark(edited, tmp_path, monkeypatch,
                                                                warnings, case):
    """Ctrl+S where the open file lives: the folder turned read-only, or the disk filled."""
    _, make, reason = case
    window, fm = edited, edited.file_menu
    home = tmp_path / "home"
    old = (home / "e.json").read_bytes()
    before = state(window)
    with monkeypatch.context() as mp:
        if case[0] == "full-disk-enospc":
            full_disk(mp)
        else:
            read_only(home, mp)
        assert not fm.save()
    home.chmod(0o755)
    assert warnings == [f"cannot write {home / 'e.json'}: {reason}"]
    assert (home / "e.json").read_bytes() == old and os.listdir(home) == ["e.json"]
    assert state(window) == before and window.isWindowModified()
    assert fm.save() and not window.isWindowModified()      # and saves once it can


def test_a_long_name_that_the_file_system_allows_is_written(edited, tmp_path):
    """250 characters: allowed, although the temporary file's name would be too long."""
    path = tmp_path / "home" / ("n" * 245 + ".json")
    assert edited.file_menu.save_to(path)
    assert sorted(os.listdir(tmp_path / "home")) == sorted(["e.json", path.name])


@pytest.mark.parametrize("case", [c for c in CASES if c[0] in ("missing-folder",
                                                               "parent-is-a-file")],
                         ids=["missing-folder", "parent-is-a-file"])
def test_a_screenshot_that_cannot_be_written_is_one_line(tmp_path, case):
    """``initviz --screenshot`` (the window at 1x) writes like the exports."""
    _, make, reason = case
    target = make(tmp_path, "shot.png", None)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               INITVIZ_SETTINGS=str(tmp_path / "s.ini"))
    out = subprocess.run([sys.executable, "-m", "initviz", "--screenshot", str(target),
                          "--size", "800x600"], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines()[-1] == f"initviz: cannot write {target}: {reason}"
    assert sorted(p.name for p in tmp_path.iterdir()) == \
        sorted(["s.ini"] + (["plain"] if case[0] == "parent-is-a-file" else []))


FILE_SIZE_LIMIT = """
import resource, signal, sys
from PySide6.QtWidgets import QApplication
import initviz.ui
from initviz.ui.main_window import MainWindow
qt = QApplication([sys.argv[0]])
w = MainWindow()
shown = []
w.file_menu.warn = lambda title, text: shown.append(text)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)    # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))
saved = w.file_menu.save_to(sys.argv[1] + "/e.json")
exported = w.file_menu.export_pane_to(sys.argv[1] + "/loss.png", "loss")
print(saved, exported, w.isWindowModified(), w.file_menu.path, *shown, sep="\\n")
w.controller.shutdown()
"""


def test_a_real_file_size_limit_keeps_the_old_files(tmp_path):
    """The kernel's own refusal (RLIMIT_FSIZE in a child process: EFBIG after 512 bytes)."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for name in ("e.json", "loss.png"):
        (out_dir / name).write_text("old")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               INITVIZ_SETTINGS=str(tmp_path / "s.ini"))
    out = subprocess.run([sys.executable, "-c", FILE_SIZE_LIMIT, str(out_dir)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "False", "False", "False", "None",
        f"cannot write {out_dir / 'e.json'}: File too large",
        f"cannot write {out_dir / 'loss.png'}: File too large"]
    assert {p.name: p.read_text() for p in out_dir.iterdir()} == \
        {"e.json": "old", "loss.png": "old"}
