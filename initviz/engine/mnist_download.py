"""Downloading the full MNIST set (60,000 + 10,000 images) into the user cache: every file
checksum-verified, written atomically, mirrors tried in order, cancellable between chunks.
NumPy-free and Qt-free; the GUI runs it in a worker thread."""
from __future__ import annotations

import hashlib
import http.client
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Mapping

from initviz.engine import mnist
from initviz.engine.errors import QT_TRANSLATE_NOOP, DataError

DEFAULT_MIRRORS: tuple[str, ...] = ("https://storage.googleapis.com/cvdf-datasets/mnist/",)
MIRROR_ENV = "INITVIZ_MNIST_URL"
_CHUNK_SIZE = 64 * 1024


class DownloadCancelled(DataError):
    """The user stopped a download; nothing partial was kept."""


def _mirrors(base_urls) -> tuple[str, ...]:
    if base_urls is not None:
        return tuple(base_urls)
    env = os.environ.get(MIRROR_ENV, "").strip()
    return (env,) if env else DEFAULT_MIRRORS


def _fetch(url: str, dest: Path, sha: str, progress, stop, timeout: float) -> None:
    """Download ``url`` to ``dest`` atomically; on any failure nothing is left behind."""
    name = dest.name
    if not url.lower().startswith(("https://", "http://")):
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "cannot download {0}: unsupported URL {1}"),
            name, url)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "cannot write to the cache folder {0}: {1}"),
            dest.parent, exc.strerror or exc) from exc
    tmp = Path(tmp_name)
    try:
        digest, done = hashlib.sha256(), 0
        request = urllib.request.Request(url, headers={"User-Agent": "initviz"})
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length", "")
            total = int(length) if length.isdigit() else None
            if progress:
                progress(name, 0, total)
            while True:
                if stop is not None and stop():
                    raise DownloadCancelled(f"download of {name} was cancelled")
                chunk = resp.read(_CHUNK_SIZE)
                if not chunk:
                    break
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
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
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "could not download {0}: HTTP {1} {2} from {3}"),
            name, exc.code, exc.reason, url) from exc
    except urllib.error.URLError as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "could not download {0} from {1}: {2}"),
            name, url, exc.reason) from exc
    except http.client.IncompleteRead as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "download of {0} was cut short (connection closed early)"),
            name) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "could not download {0} from {1}: {2}"),
            name, url, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)  # no-op after a successful os.replace


def download_full(cache_dir=None, base_urls=None, progress: Callable | None = None,
                  stop: Callable[[], bool] | None = None, timeout: float = 30,
                  files: Mapping[str, str] | None = None) -> Path:
    """Download the full MNIST set into ``cache_dir`` (default: user cache) and return it.

    ``files`` maps file name -> sha256 (default: the four standard files). Valid
    cached files are kept; a cached file with a wrong checksum is fetched again.
    Mirrors are tried in order. ``progress(name, done, total_or_None)`` reports
    bytes; ``stop()`` returning True cancels with DownloadCancelled.
    """
    cache = mnist.cache_folder(cache_dir)
    wanted = files if files is not None else {n: s for n, (s, _) in mnist.FULL_FILES.items()}
    mirrors = _mirrors(base_urls)
    if not mirrors:
        raise DataError(QT_TRANSLATE_NOOP("errors", "no download location configured for MNIST"))
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "cannot create the cache folder {0}: {1}"),
            cache, exc.strerror or exc) from exc
    for name, sha in wanted.items():
        dest = cache / name
        if dest.is_file():
            if mnist.file_sha256(dest) == sha:
                continue
            dest.unlink()  # stale or damaged: fetch it again
        if stop is not None and stop():
            raise DownloadCancelled(f"download of {name} was cancelled")
        error = None
        for base in mirrors:
            try:
                _fetch(base.rstrip("/") + "/" + name, dest, sha, progress, stop, timeout)
                error = None
                break
            except DownloadCancelled:
                raise
            except DataError as exc:
                error = exc  # try the next mirror
        if error is not None:
            raise error
    return cache
