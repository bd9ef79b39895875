"""Downloading the full MNIST set (60,000 + 10,000 images) into the user cache: every file
checksum-verified, written atomically, mirrors tried in order, capped at the expected size,
cancellable within a fraction of a second (``download.fetch``).
NumPy-free and Qt-free; the GUI runs it in a worker thread."""
from __future__ import annotations

import os
import urllib.parse
from pathlib import Path
from typing import Callable, Mapping

from initviz.engine import mnist
from initviz.engine.download import DownloadCancelled, fetch
from initviz.engine.errors import QT_TRANSLATE_NOOP, DataError

__all__ = ["DEFAULT_MIRRORS", "DownloadCancelled", "MIRROR_ENV", "download_full"]

DEFAULT_MIRRORS: tuple[str, ...] = ("https://storage.googleapis.com/cvdf-datasets/mnist/",)
MIRROR_ENV = "INITVIZ_MNIST_URL"
_CHUNK_SIZE = 64 * 1024


def _mirrors(base_urls) -> tuple[str, ...]:
    if base_urls is not None:
        return tuple(base_urls)
    env = os.environ.get(MIRROR_ENV, "").strip()
    return (env,) if env else DEFAULT_MIRRORS


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
    sizes = {n: size for n, (_, size) in mnist.FULL_FILES.items()}   # bodies capped there
    mirrors = _mirrors(base_urls)
    hosts = {urllib.parse.urlsplit(m).netloc for m in mirrors}   # where redirects may go
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
                fetch(base.rstrip("/") + "/" + name, dest, sha, sizes.get(name), progress,
                      stop, timeout, _CHUNK_SIZE, hosts)
                error = None
                break
            except DownloadCancelled:
                raise
            except DataError as exc:
                error = exc  # try the next mirror
        if error is not None:
            raise error
    return cache
