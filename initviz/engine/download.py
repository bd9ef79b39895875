"""One file downloaded safely, whatever the network does.

* The network is read in a helper thread; the caller waits in steps of ``SLICE`` seconds and
  looks at ``stop()`` between them, so a cancel is seen within a fraction of a second even
  while connecting or waiting for headers. A cancelled helper has its socket shut down and
  ends by itself; it never writes to disk (the caller does).
* The body is capped at the expected size (refused at once when announced larger).
* Redirects stay on https (or the original scheme) and on the hosts of the download
  locations; a loop is one line.
* Nothing partial stays: the bytes go to a ``.part`` file that becomes the file only whole and
  checksum-verified, and is removed otherwise.
NumPy-free and Qt-free (stdlib only).
"""
from __future__ import annotations

import hashlib
import http.client
import os
import queue
import socket
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .errors import QT_TRANSLATE_NOOP, DataError
from .limits import clean

SLICE = 0.1                  # seconds between two looks at stop()
MAX_UNKNOWN = 32 * 2 ** 20   # the cap when the expected size is not known
MAX_REDIRECTS = 5


class DownloadCancelled(DataError):
    """The user stopped a download; nothing partial was kept."""


def _connection(base, sockets: list):
    class Connection(base):
        def connect(self):
            super().connect()
            sockets.append(self.sock)
    return Connection


class _Http(urllib.request.HTTPHandler):
    def __init__(self, sockets):
        super().__init__()
        self.sockets = sockets

    def http_open(self, req):
        return self.do_open(_connection(http.client.HTTPConnection, self.sockets), req)


class _Https(urllib.request.HTTPSHandler):
    def __init__(self, sockets):
        super().__init__()
        self.sockets = sockets

    def https_open(self, req):
        return self.do_open(_connection(http.client.HTTPSConnection, self.sockets), req,
                            context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def __init__(self, name: str, scheme: str, hosts: frozenset):
        super().__init__()
        self.name, self.scheme, self.hosts = name, scheme, hosts

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parts = urllib.parse.urlsplit(newurl)
        if parts.scheme.lower() not in ("https", self.scheme) or \
                parts.netloc.lower() not in self.hosts:
            fp.close()
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "could not download {0}: the server redirects to {1}, which is not "
                "one of the download locations"), self.name, clean(newurl, 120))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Reader(threading.Thread):
    """Opens ``url`` and puts ("head", length or None), ("data", bytes)..., ("data", b"")
    or ("error", exception) on ``self.box``."""

    def __init__(self, url, name, hosts, timeout, chunk, cap):
        super().__init__(name="initviz-fetch", daemon=True)
        self.url, self.file, self.timeout, self.chunk, self.cap = url, name, timeout, chunk, cap
        self.sockets: list = []
        self.box: queue.Queue = queue.Queue(maxsize=8)
        self.abandoned = threading.Event()
        scheme = urllib.parse.urlsplit(url).scheme.lower()
        self.opener = urllib.request.build_opener(
            _Http(self.sockets), _Https(self.sockets), _Redirects(name, scheme, hosts))

    def put(self, item) -> bool:
        while not self.abandoned.is_set():
            try:
                self.box.put(item, timeout=SLICE)
                return True
            except queue.Full:
                continue
        return False

    def run(self):
        try:
            request = urllib.request.Request(self.url, headers={"User-Agent": "initviz"})
            with self.opener.open(request, timeout=self.timeout) as resp:
                length = resp.headers.get("Content-Length", "").strip()
                total = int(length) if length.isdigit() and len(length) < 19 else None
                if total is not None and total > self.cap:
                    raise DataError(BIGGER, self.file, total, self.cap)
                if not self.put(("head", total)):
                    return
                done = 0
                while True:
                    data = resp.read(self.chunk)
                    done += len(data)
                    if done > self.cap:
                        raise DataError(BIGGER, self.file, done, self.cap)
                    if not self.put(("data", data)) or not data:
                        return
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            if not self.abandoned.is_set():
                self.put(("error", exc))

    def abandon(self) -> None:
        self.abandoned.set()
        for sock in self.sockets:      # unblocks a read waiting on a silent server
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def next(self, stop, name):
        while True:
            if stop is not None and stop():
                raise DownloadCancelled(f"download of {name} was cancelled")
            try:
                return self.box.get(timeout=SLICE)
            except queue.Empty:
                continue


BIGGER = QT_TRANSLATE_NOOP("errors", "download of {0} refused: {1:,} bytes, more than the "
                                     "expected {2:,}")


def fetch(url: str, dest: Path, sha: str, size: int | None, progress, stop, timeout: float,
          chunk: int, hosts) -> None:
    """Download ``url`` to ``dest`` (see the module's notes); DataError on any failure,
    DownloadCancelled within about SLICE seconds of ``stop()`` turning true."""
    name = dest.name
    if not url.lower().startswith(("https://", "http://")):
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "cannot download {0}: unsupported URL {1}"), name, clean(url, 120))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "cannot write to the cache folder {0}: {1}"),
            dest.parent, exc.strerror or exc) from exc
    tmp = Path(tmp_name)
    reader = _Reader(url, name, frozenset(h.lower() for h in hosts), timeout, chunk,
                     size if size else MAX_UNKNOWN)
    try:
        digest, done, total = hashlib.sha256(), 0, None
        with os.fdopen(fd, "wb") as out:
            reader.start()
            while True:
                kind, value = reader.next(stop, name)
                if kind == "error":
                    raise value
                if kind == "head":
                    total = value
                    if progress:
                        progress(name, 0, total)
                    continue
                if not value:
                    break
                out.write(value)
                digest.update(value)
                done += len(value)
                if progress:
                    progress(name, done, total)
        if total is not None and done < total:
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "download of {0} was cut short: got {1:,} of {2:,} bytes"),
                name, done, total)
        if digest.hexdigest() != sha:
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "downloaded {0} is corrupt (checksum mismatch) from {1}"),
                name, url)
        os.replace(tmp, dest)
    except urllib.error.HTTPError as exc:
        exc.close()  # an HTTPError holds the open response
        if 300 <= exc.code < 400:      # urllib's loop message spans three lines
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "could not download {0} from {1}: too many redirects"),
                name, url) from None
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "could not download {0}: HTTP {1} {2} from {3}"),
            name, exc.code, clean(exc.reason, 80), url) from None
    except urllib.error.URLError as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "could not download {0} from {1}: {2}"),
            name, url, clean(exc.reason, 120)) from None
    except http.client.IncompleteRead:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "download of {0} was cut short (connection closed early)"),
            name) from None
    except (OSError, http.client.HTTPException) as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "could not download {0} from {1}: {2}"),
            name, url, clean(exc, 120)) from None
    finally:
        reader.abandon()
        tmp.unlink(missing_ok=True)  # no-op after a successful os.replace
