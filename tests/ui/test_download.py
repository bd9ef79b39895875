"""Data ▸ Download Full MNIST… against a local HTTP server on 127.0.0.1 serving small
generated IDX files (never the real network): progress, success, cancel, failure, close."""
import hashlib

import pytest

from initviz.engine import mnist, mnist_download
from mnist_files import fake_full_set, serve


@pytest.fixture
def server():
    with serve() as state:
        yield state


@pytest.fixture
def fake_mnist(tmp_path, server, monkeypatch):
    """The window downloads the fake set from the local server into a private cache."""
    files = fake_full_set()
    server.files.update(files)
    monkeypatch.setattr(mnist, "FULL_FILES", {
        n: (hashlib.sha256(b).hexdigest(), len(b)) for n, b in files.items()})
    monkeypatch.setattr(mnist_download, "_CHUNK_SIZE", 1024)
    monkeypatch.setattr(mnist, "FULL_VALIDATION", 10)
    monkeypatch.setattr(mnist, "_LOADED", {})
    monkeypatch.setenv("INITVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("INITVIZ_MNIST_URL", server.url)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    return tmp_path / "cache" / "mnist"


@pytest.fixture
def downloads(window, monkeypatch):
    d = window.downloads
    d.warnings = []
    monkeypatch.setattr(d, "warn", lambda title, text: d.warnings.append((title, text)))
    yield d
    assert d.shutdown()


def test_download_shows_progress_and_then_auto_uses_the_full_set(qtbot, window, downloads,
                                                                 fake_mnist):
    assert mnist.load_mnist("auto").source == "bundled"
    seen = []
    downloads.progress_shown.connect(lambda *a: seen.append(a))
    downloads.offer(True)
    assert not downloads.offer_button.isHidden()
    with qtbot.waitSignal(downloads.download_finished, timeout=20000) as finished:
        downloads.action.trigger()
        assert downloads.running and not downloads.action.isEnabled()
        assert not downloads.progress.isHidden() and not downloads.cancel_button.isHidden()
        assert downloads.offer_button.isHidden()
    assert finished.args == [True]
    assert not downloads.running and downloads.action.isEnabled()
    assert downloads.progress.isHidden() and downloads.cancel_button.isHidden()
    assert downloads.offer_button.isHidden()          # nothing left to offer
    assert downloads.warnings == []
    assert mnist.full_available()
    assert sorted(p.name for p in fake_mnist.iterdir()) == sorted(mnist.FULL_FILES)
    assert seen and seen[-1][1] == seen[-1][2]        # progress reached the end of a file
    assert "downloaded" in window.statusBar().currentMessage()
    data = mnist.load_mnist("auto")
    assert data.source == "full" and data.x_train.shape == (30, 784)


def test_cancel_keeps_nothing(qtbot, window, downloads, fake_mnist, server):
    server.delay = 0.02                  # ~30 KB images file: about 0.6 s per file
    with qtbot.waitSignal(downloads.download_finished, timeout=20000) as finished:
        downloads.start()
        qtbot.waitUntil(lambda: downloads.progress.maximum() == 1000 and
                        downloads.progress.value() > 0, timeout=10000)
        downloads.cancel_button.click()
        assert not downloads.cancel_button.isEnabled()
    assert finished.args == [False]
    assert downloads.warnings == []                   # cancelling is not an error
    assert "cancelled" in window.statusBar().currentMessage()
    assert not any(p.suffix == ".part" for p in fake_mnist.iterdir())
    assert not mnist.full_available()


def test_failure_is_one_line_in_a_dialog(qtbot, window, downloads, fake_mnist, server):
    server.files.pop("train-labels-idx1-ubyte.gz")   # 404
    with qtbot.waitSignal(downloads.download_finished, timeout=20000) as finished:
        downloads.start()
    assert finished.args == [False]
    assert len(downloads.warnings) == 1
    title, text = downloads.warnings[0]
    assert "failed" in title
    line = text.split("\n\n")[1]
    assert "HTTP 404" in line and "train-labels" in line and "\n" not in line
    assert downloads.action.isEnabled() and not downloads.running


def test_closing_the_window_mid_download_waits_for_the_worker(qtbot, window, fake_mnist,
                                                              server):
    server.delay = 0.05
    window.downloads.start()
    qtbot.waitUntil(lambda: window.downloads.progress.value() > 0, timeout=10000)
    thread = window.downloads.worker_thread()
    window.close()
    assert not thread.isRunning()
    assert not window.downloads.running
    assert not mnist.full_available()
