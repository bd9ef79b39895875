"""Download the full MNIST set (Data ▸ Download Full MNIST…, or the button beside the
"bundled set" notice in the status bar) in a worker thread, with its progress and a Cancel
button in the status bar.

The same rules as the runs: the worker checks a stop flag between chunks, quits its own thread
before it returns, and the window waits for it on close. Files land in the user cache only
whole and checksum-verified (``engine.mnist_download.download_full``); from then on the data
source "auto" trains on the full set (``load_mnist("auto")`` looks at the cache every time).
Tests point the download at a local server with ``INITVIZ_MNIST_URL``.
"""
from __future__ import annotations

import threading
import time
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressBar, QPushButton

from initviz.engine import mnist, mnist_download

from ..i18n import error_text

TIMEOUT_S = 20          # a stalled connection gives up after this (and so does closing)
PROGRESS_EVERY_S = 0.05


def looks_downloaded() -> bool:
    """All four files of the full set are in the cache with their published sizes (a cheap
    test for the GUI thread; the checksums are checked when the data is loaded)."""
    cache = mnist.cache_folder(None)
    try:
        return all((cache / name).stat().st_size == size
                   for name, (_, size) in mnist.FULL_FILES.items())
    except OSError:
        return False


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f}"


class DownloadWorker(QObject):
    progress = Signal(str, int, int)    # file name, bytes done, bytes in the file (-1: unknown)
    succeeded = Signal(str)             # the cache folder
    cancelled = Signal()
    failed = Signal(str)                # one line for the user
    finished = Signal()                 # always the last signal

    def __init__(self, stop: threading.Event):
        super().__init__()
        self.stop = stop
        self._last = 0.0

    def _progress(self, name: str, done: int, total) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_S or done == 0 or done == total:
            self._last = now
            self.progress.emit(name, int(done), -1 if total is None else int(total))

    @Slot()
    def run(self) -> None:
        try:
            folder = mnist_download.download_full(progress=self._progress, stop=self.stop.is_set,
                                         timeout=TIMEOUT_S)
            self.succeeded.emit(str(folder))
        except mnist_download.DownloadCancelled:
            self.cancelled.emit()
        except mnist.DataError as exc:     # already one sentence for the user
            text = error_text(exc).strip()
            self.failed.emit(text.splitlines()[0] if text else type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - shown in a dialog, never fatal
            traceback.print_exc()
            text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            self.failed.emit(f"{type(exc).__name__}: {text}" if text else type(exc).__name__)
        finally:
            # Quit our own thread from inside it (see EngineWorker).
            self.finished.emit()
            QThread.currentThread().quit()


class DownloadController(QObject):
    download_finished = Signal(bool)    # True: the full set is now in the cache
    progress_shown = Signal(str, int, int)   # file, bytes so far, total (-1: unknown)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._thread: QThread | None = None
        self._worker: DownloadWorker | None = None
        self._stop = threading.Event()
        self._offered = False
        self._error: str | None = None          # the failure of the download that just ended
        self._done_message: str | None = None

        self.action = QAction(window)
        self.action.triggered.connect(self.start)
        self.menu = QMenu(window)
        self.menu.setToolTipsVisible(True)
        self.menu.addAction(self.action)
        bar = window.menuBar()
        help_menu = getattr(getattr(window, "presentation", None), "help_menu", None)
        if help_menu is not None and help_menu.menuAction() in bar.actions():
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)

        status = window.statusBar()
        self.offer_button = QPushButton()
        self.offer_button.clicked.connect(self.start)
        self.offer_button.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(340)
        self.progress.setMinimumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        for w in (self.offer_button, self.progress, self.cancel_button):
            status.addPermanentWidget(w)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Download Full &MNIST…"))
        self.action.setToolTip(self.tr(
            "Download the 70,000-image MNIST set (about 11 MB) into the cache folder. MNIST "
            "experiments then train on 55,000 images instead of the 8,000 bundled ones"))
        self.action.setStatusTip(self.action.toolTip())
        self.menu.setTitle(self.tr("&Data"))
        self.offer_button.setText(self.tr("Download full MNIST…"))
        self.offer_button.setToolTip(self.action.toolTip())
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the download; nothing half-downloaded is "
                                              "kept"))

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None

    def worker_thread(self) -> QThread | None:
        """The download's thread while one runs."""
        return self._thread

    def offer(self, bundled: bool) -> None:
        """Show the download button while the bundled set is in use (the window calls this
        with each status update; cheap when nothing changes)."""
        if bundled == self._offered:
            return
        self._offered = bundled
        self.offer_button.setVisible(bundled and not self.running)

    # -- commands --------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        self._stop = threading.Event()
        thread = QThread()
        thread.setObjectName("initviz-mnist-download")
        worker = DownloadWorker(self._stop)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.succeeded.connect(self._on_succeeded)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        self._thread, self._worker = thread, worker
        self.action.setEnabled(False)
        self.offer_button.hide()
        self.progress.setRange(0, 0)             # busy until the first bytes arrive
        self.progress.setFormat(self.tr("Connecting…"))
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.window.statusBar().showMessage(self.tr("Downloading the full MNIST set…"), 4000)
        thread.start()

    def cancel(self) -> None:
        if self.running:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))

    def shutdown(self, timeout_ms: int = (TIMEOUT_S + 5) * 1000) -> bool:
        """Stop a download and wait for its thread (the window calls this on close)."""
        if self._thread is None:
            return True
        self._stop.set()
        ok = self._thread.wait(timeout_ms)
        self._thread = self._worker = None
        return ok

    # -- worker signals --------------------------------------------------------------------
    @Slot(str, int, int)
    def _on_progress(self, name: str, done: int, total: int) -> None:
        if self._stop.is_set():
            return
        self.progress_shown.emit(name, done, total)
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(done, total) / total))
            self.progress.setFormat(self.tr("{0}: {1} of {2} MB").format(
                name.split("-idx")[0], _megabytes(done), _megabytes(total)))
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("{0}: {1} MB").format(name.split("-idx")[0],
                                                                   _megabytes(done)))

    @Slot(str)
    def _on_succeeded(self, folder: str) -> None:
        self._done_message = self.tr("Full MNIST downloaded to {0}: MNIST experiments now "
                                     "train on 55,000 images (press Run)").format(folder)

    @Slot()
    def _on_cancelled(self) -> None:
        self._done_message = self.tr("MNIST download cancelled; nothing was kept")

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._done_message = None
        self._error = message

    @Slot()
    def _on_finished(self) -> None:
        thread = self._thread
        if thread is not None:
            thread.wait()        # the worker has called quit(): returns at once
        self._thread = self._worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self.action.setEnabled(True)
        ok = looks_downloaded()
        self.offer_button.setVisible(self._offered and not ok)
        error, self._error = self._error, None
        if error:
            self.window.statusBar().showMessage(self.tr("MNIST download failed"), 8000)
            self.warn(self.tr("MNIST download failed"),
                      self.tr("The full MNIST set could not be downloaded:\n\n{0}\n\n"
                              "The app keeps using the bundled 10,000 images.").format(error))
        else:
            message = self._done_message
            if message:
                self.window.statusBar().showMessage(message, 12000)
        self._done_message = None
        self.download_finished.emit(ok and not error)

    def warn(self, title: str, text: str) -> None:
        """The error dialog (tests replace this)."""
        QMessageBox.warning(self.window, title, text)
