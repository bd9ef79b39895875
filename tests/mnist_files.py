"""Small MNIST-like IDX files and a local HTTP server for the reader and download tests."""
from __future__ import annotations

import contextlib
import gzip
import hashlib
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    # Autouse where imported. Never use the real user cache, a configured mirror or a proxy.
    monkeypatch.setenv("INITVIZ_CACHE_DIR", str(tmp_path / "default-cache"))
    monkeypatch.delenv("INITVIZ_MNIST_URL", raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


def idx_bytes(array: np.ndarray, type_byte: int = 0x08) -> bytes:
    header = bytes([0, 0, type_byte, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)  # mtime=0: identical bytes every run


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fake_full_set(n_train=40, n_test=20) -> dict[str, bytes]:
    """Four small gzip IDX files named like the real ones (random pixels: incompressible)."""
    rng = np.random.default_rng(0)
    return {
        "train-images-idx3-ubyte.gz": gz(idx_bytes(rng.integers(0, 256, (n_train, 28, 28)))),
        "train-labels-idx1-ubyte.gz": gz(idx_bytes(rng.integers(0, 10, n_train))),
        "t10k-images-idx3-ubyte.gz": gz(idx_bytes(rng.integers(0, 256, (n_test, 28, 28)))),
        "t10k-labels-idx1-ubyte.gz": gz(idx_bytes(rng.integers(0, 10, n_test))),
    }


class FileServer:
    """State shared with the HTTP handler: files to serve, requests seen; ``short`` names are
    sent with a too-large Content-Length, ``delay`` seconds between 1 KiB chunks makes a
    download slow; ``redirects`` maps a name to a Location; ``unsized`` names are sent without
    a Content-Length; while ``hold`` is clear no answer starts (a server that never answers)."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.short: set[str] = set()
        self.unsized: set[str] = set()
        self.redirects: dict[str, str] = {}
        self.hold = threading.Event()
        self.hold.set()
        self.delay = 0.0
        self.requests: list[str] = []
        self.url = ""
        self.stop = threading.Event()


@contextlib.contextmanager
def serve():
    state = FileServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            state.requests.append(self.path)
            name = self.path.lstrip("/")
            while not state.hold.wait(0.05):
                if state.stop.is_set():
                    return
            if name in state.redirects:
                self.send_response(302)
                self.send_header("Location", state.redirects[name])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = state.files.get(name)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            if name not in state.unsized:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if name in state.short:
                body = body[: len(body) // 2]  # then the connection closes (HTTP/1.0)
            try:
                for i in range(0, len(body), 1024):
                    if state.stop.is_set():
                        return
                    self.wfile.write(body[i:i + 1024])
                    if state.delay:
                        time.sleep(state.delay)
            except (BrokenPipeError, ConnectionResetError):
                pass        # the client cancelled

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    # A short poll interval keeps shutdown() (and so each test) fast.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
