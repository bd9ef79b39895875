"""MNIST loading: an IDX reader, the bundled test set and the full set once downloaded
(``mnist_download.py`` fetches it).

NumPy + stdlib only (never Qt), so the GUI can call it from a worker thread.

Two sources:
* "bundled": the 10,000-image MNIST test set shipped in ``resources/mnist``,
  split by a fixed permutation into 8,000 training / 2,000 validation images.
* "full": the 60,000 + 10,000 images, downloaded on request into the user cache;
  training uses the classic 55,000 / 5,000 split of the training file.
"""

from __future__ import annotations

import hashlib
import math
import os
import struct
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from initviz.engine.errors import QT_TRANSLATE_NOOP, DataError
from initviz.engine.limits import LimitError, read_capped
from initviz.engine.shared_arrays import shared_empty
from initviz.resources import resource_path, user_cache_dir

__all__ = [
    "BUNDLED_FILES", "FULL_FILES", "DataError", "MnistData", "full_available", "load_bundled",
    "load_full", "load_mnist", "load_mnist_pair", "read_idx", "split_bundled",
]

# name -> (sha256, size in bytes) of the gzip files exactly as published.
BUNDLED_FILES: dict[str, tuple[str, int]] = {
    "t10k-images-idx3-ubyte.gz": (
        "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1_648_877),
    "t10k-labels-idx1-ubyte.gz": (
        "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542),
}
FULL_FILES: dict[str, tuple[str, int]] = {
    "train-images-idx3-ubyte.gz": (
        "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9_912_422),
    "train-labels-idx1-ubyte.gz": (
        "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881),
    **BUNDLED_FILES,
}

# Seed of the fixed permutation that splits the bundled set; changing it changes
# which images are used for validation, so results would no longer be comparable.
SPLIT_SEED = 20101
FULL_VALIDATION = 5_000  # classic split: the last 5,000 training images validate

IDX_MAX_BYTES = 64 * 2 ** 20   # an IDX file, inflated (the largest MNIST file: 47 MB)
_IDX_UBYTE = 0x08
_IDX_TYPE_NAMES = {0x09: "signed byte", 0x0B: "short", 0x0C: "int", 0x0D: "float", 0x0E: "double"}


# ---------------------------------------------------------------- IDX files

def _gunzip(data: bytes, name: str, limit: int) -> bytes:
    """Inflate gzip ``data`` (every member), refusing more than ``limit`` bytes of output
    before making them (a small file can inflate a thousandfold)."""
    out = bytearray()
    rest = data
    try:
        while rest:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while True:
                out += d.decompress(rest, limit + 1 - len(out))
                if len(out) > limit:
                    raise DataError(QT_TRANSLATE_NOOP(
                        "errors", "{0} inflates to more than {1:,} bytes; not read"),
                        name, limit)
                if d.eof:
                    rest = d.unused_data
                    break
                rest = d.unconsumed_tail
                if not rest:
                    raise EOFError("compressed file ended before the end-of-stream marker")
            if not rest.strip(b"\0"):   # gzip's own reader allows zero padding at the end
                break
    except (EOFError, zlib.error) as exc:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} is a corrupt or incomplete gzip file ({1})"),
            name, exc) from exc
    return bytes(out)


def read_idx(path_or_bytes: str | os.PathLike | bytes | bytearray | memoryview,
             max_bytes: int = IDX_MAX_BYTES) -> np.ndarray:
    """Read an IDX file (gzip-compressed or raw) into a uint8 array of its header's shape;
    files (and their inflated contents) beyond ``max_bytes`` are refused before reading."""
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        name, data = "IDX data", bytes(path_or_bytes)
    else:
        path = Path(path_or_bytes)
        name = path.name
        try:
            data = read_capped(path, max_bytes)
        except LimitError as exc:
            raise DataError("{0}", exc) from None
        except OSError as exc:
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "cannot read {0}: {1}"),
                path, exc.strerror or exc) from exc

    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name, max_bytes)

    if len(data) < 4:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not an IDX file: only {1} bytes long"),
            name, len(data))
    if data[0] != 0 or data[1] != 0:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not an IDX file (bad magic number 0x{1})"),
            name, data[:4].hex())
    dtype, ndim = data[2], data[3]
    if dtype != _IDX_UBYTE:
        kind = _IDX_TYPE_NAMES.get(dtype, "unknown")
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} holds IDX type 0x{1:02X} ({2}); only unsigned bytes (0x08) are "
                      "supported"),
            name, dtype, kind)
    if not 1 <= ndim <= 4:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} declares {1} dimensions; expected 1 to 4"),
            name, ndim)
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} is truncated: its header needs {1} bytes, found {2}"),
            name, header, len(data))
    shape = struct.unpack(f">{ndim}I", data[4:header])
    expected = math.prod(shape)          # Python integers: 4 dimensions of 2**32-1 do not wrap
    found = len(data) - header
    if expected > max_bytes:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} declares {1} items of data ({2}); at most {3:,} are read"),
            name, f"{expected:,}", " x ".join(f"{n:,}" for n in shape), max_bytes)
    if found < expected:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} is truncated: expected {1:,} bytes of data, found {2:,}"),
            name, expected, found)
    if found > expected:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} has {1:,} unexpected bytes after its {2:,} bytes of data"),
            name, found - expected, expected)
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape).copy()


def load_mnist_pair(images_path, labels_path) -> tuple[np.ndarray, np.ndarray]:
    """Read and cross-check an MNIST images file and its labels file."""
    images_name, labels_name = Path(images_path).name, Path(labels_path).name
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} does not hold 28x28 images (shape {1})"),
            images_name, "x".join(map(str, images.shape)))
    if labels.ndim != 1:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} does not hold a list of labels (shape {1})"),
            labels_name, "x".join(map(str, labels.shape)))
    if len(images) != len(labels):
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} has {1:,} images but {2} has {3:,} labels"),
            images_name, len(images), labels_name, len(labels))
    if labels.size and labels.max() > 9:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "{0} contains label {1}; MNIST labels must be 0 to 9"),
            labels_name, int(labels.max()))
    return images, labels


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ---------------------------------------------------------------- bundled set

def load_bundled() -> tuple[np.ndarray, np.ndarray]:
    """The bundled 10,000-image MNIST test set, checksum-verified."""
    paths = []
    for name, (sha, _size) in BUNDLED_FILES.items():
        try:
            path = resource_path("mnist", name)
        except FileNotFoundError as exc:
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "bundled MNIST file missing: {0}"),
                exc) from exc
        if file_sha256(path) != sha:
            raise DataError(QT_TRANSLATE_NOOP(
                "errors", "bundled file {0} is damaged (checksum mismatch); please reinstall "
                          "initviz"),
                name)
        paths.append(path)
    return load_mnist_pair(*paths)


def split_bundled(images: np.ndarray, labels: np.ndarray, n_validation: int = 2000):
    """Split into (x_train, y_train, x_val, y_val) by a fixed permutation.

    The permutation is ``np.random.default_rng(SPLIT_SEED).permutation(n)``
    (SPLIT_SEED = 20101): the first ``n_validation`` indices validate, the rest
    train, so every run and machine sees the same split.
    """
    n = len(images)
    if len(labels) != n:
        raise ValueError(f"{n} images but {len(labels)} labels")
    if not 0 < n_validation < n:
        raise ValueError(f"n_validation must be between 1 and {n - 1}, got {n_validation}")
    order = np.random.default_rng(SPLIT_SEED).permutation(n)
    val, train = order[:n_validation], order[n_validation:]
    return images[train], labels[train], images[val], labels[val]


# ---------------------------------------------------------------- full set

def cache_folder(cache_dir=None) -> Path:
    """Where the full set is kept (the user cache unless ``cache_dir`` says)."""
    return Path(cache_dir) if cache_dir is not None else user_cache_dir() / "mnist"


def full_available(cache_dir=None) -> bool:
    """True if all four full-set files are in the cache with the right checksums (no network)."""
    cache = cache_folder(cache_dir)
    return all((cache / n).is_file() and file_sha256(cache / n) == s
               for n, (s, _) in FULL_FILES.items())


def load_full(cache_dir=None):
    """(x_train, y_train, x_test, y_test) as uint8 arrays from a valid download."""
    cache = cache_folder(cache_dir)
    if not full_available(cache):
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "the full MNIST set is not downloaded (looked in {0})"),
            cache)
    x_train, y_train = load_mnist_pair(cache / "train-images-idx3-ubyte.gz",
                                       cache / "train-labels-idx1-ubyte.gz")
    x_test, y_test = load_mnist_pair(cache / "t10k-images-idx3-ubyte.gz",
                                     cache / "t10k-labels-idx1-ubyte.gz")
    return x_train, y_train, x_test, y_test


# ---------------------------------------------------------------- training-ready data

@dataclass(frozen=True, eq=False)
class MnistData:
    """Training-ready MNIST: flattened float32 pixels in [0, 1], int64 labels, read-only."""

    x_train: np.ndarray  # (N, 784) float32
    y_train: np.ndarray  # (N,) int64
    x_val: np.ndarray
    y_val: np.ndarray
    source: str  # "full" or "bundled"
    description: str


_LOADED: dict[tuple, MnistData] = {}
_LOCK = threading.Lock()  # loads may come from several worker threads


# Descriptions as templates, which the window translates (context "data").
BUNDLED_TEXT = "bundled MNIST test set: {0:,} training / {1:,} validation images"
FULL_TEXT = "MNIST: {0:,} training / {1:,} validation images (from the {2:,}-image training set)"


def _prepare(x_train, y_train, x_val, y_val, source, description) -> MnistData:
    def pixels(x):
        # In shared memory: the worker processes of a comparison read these, not copies.
        a = shared_empty((len(x), x[0].size if len(x) else 0), np.float32)
        a[...] = x.reshape(len(x), -1)
        a /= 255.0
        a.flags.writeable = False
        return a

    def targets(y):
        a = y.astype(np.int64)
        a.flags.writeable = False
        return a

    return MnistData(pixels(x_train), targets(y_train), pixels(x_val), targets(y_val),
                     source, description)


def _load_bundled_data() -> MnistData:
    x_tr, y_tr, x_va, y_va = split_bundled(*load_bundled())
    return _prepare(x_tr, y_tr, x_va, y_va, "bundled",
                    BUNDLED_TEXT.format(len(x_tr), len(x_va)))


def _load_full_data(cache: Path) -> MnistData:
    x, y, _x_test, _y_test = load_full(cache)
    if len(x) <= FULL_VALIDATION:
        raise DataError(QT_TRANSLATE_NOOP(
            "errors", "the MNIST training file has only {0:,} images"),
            len(x))
    cut = len(x) - FULL_VALIDATION
    return _prepare(x[:cut], y[:cut], x[cut:], y[cut:], "full",
                    FULL_TEXT.format(cut, FULL_VALIDATION, len(x)))


def load_mnist(source: str = "auto", cache_dir=None) -> MnistData:
    """Load MNIST for training. Never touches the network.

    source: "auto" (full set if downloaded, else bundled), "full" (DataError if
    not downloaded) or "bundled". Results are cached in memory per source.
    """
    if source not in ("auto", "full", "bundled"):
        raise ValueError(f"unknown MNIST source {source!r}; use 'auto', 'full' or 'bundled'")
    cache = cache_folder(cache_dir).resolve()
    full_key = ("full", str(cache))
    with _LOCK:
        if source in ("auto", "full") and full_key in _LOADED:
            return _LOADED[full_key]
        if source == "full" or (source == "auto" and full_available(cache)):
            _LOADED[full_key] = _load_full_data(cache)
            return _LOADED[full_key]
        if ("bundled",) not in _LOADED:
            _LOADED[("bundled",)] = _load_bundled_data()
        return _LOADED[("bundled",)]
