"""Tests for the MNIST data layer and resource lookup (no Qt, no real network)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from initviz import resources
from initviz.engine import mnist, mnist_download
from initviz.engine.mnist import DataError
from initviz.engine.mnist_download import DownloadCancelled
from mnist_files import fake_full_set, gz, idx_bytes, serve, sha


# ---------------------------------------------------------------- helpers

@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    # Never use the real user cache, a configured mirror or a proxy.
    monkeypatch.setenv("INITVIZ_CACHE_DIR", str(tmp_path / "default-cache"))
    monkeypatch.delenv("INITVIZ_MNIST_URL", raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture
def server():
    with serve() as state:
        yield state


# ---------------------------------------------------------------- IDX reader

@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize("shape", [(7,), (3, 28, 28), (2, 3, 4, 5)])
def test_read_idx_roundtrip(tmp_path, compress, shape):
    array = np.arange(np.prod(shape), dtype=np.uint64).reshape(shape).astype(np.uint8)
    data = idx_bytes(array)
    data = gz(data) if compress else data
    path = tmp_path / "f.idx"
    path.write_bytes(data)
    for source in (path, str(path), data):
        out = mnist.read_idx(source)
        assert out.dtype == np.uint8 and out.shape == shape
        np.testing.assert_array_equal(out, array)


def test_read_idx_wrong_magic():
    with pytest.raises(DataError, match="not an IDX file"):
        mnist.read_idx(b"\x01\x02\x08\x01\x00\x00\x00\x01\x05")


def test_read_idx_wrong_type_byte():
    with pytest.raises(DataError, match=r"0x0D \(float\).*only unsigned bytes"):
        mnist.read_idx(idx_bytes(np.zeros(4, np.uint8), type_byte=0x0D))


@pytest.mark.parametrize("ndim", [0, 5])
def test_read_idx_bad_dimension_count(ndim):
    with pytest.raises(DataError, match="dimensions"):
        mnist.read_idx(bytes([0, 0, 8, ndim]) + b"\x00" * 40)


def test_read_idx_truncated(tmp_path):
    path = tmp_path / "short.idx.gz"
    path.write_bytes(gz(idx_bytes(np.zeros((5, 10), np.uint8))[:-10]))
    expected = "short.idx.gz is truncated: expected 50 bytes of data, found 40"
    with pytest.raises(DataError, match=expected):
        mnist.read_idx(path)


def test_read_idx_truncated_header():
    with pytest.raises(DataError, match="truncated"):
        mnist.read_idx(bytes([0, 0, 8, 3, 0, 0, 0, 1]))


def test_read_idx_trailing_bytes():
    with pytest.raises(DataError, match="3 unexpected bytes"):
        mnist.read_idx(idx_bytes(np.zeros(4, np.uint8)) + b"xyz")


def test_read_idx_corrupt_gzip():
    good = gz(idx_bytes(np.arange(200, dtype=np.uint8)))
    flipped = good[:20] + bytes(b ^ 0xFF for b in good[20:40]) + good[40:]
    for bad in (flipped, good[: len(good) // 2]):
        with pytest.raises(DataError, match="gzip"):
            mnist.read_idx(bad)


def test_read_idx_missing_file(tmp_path):
    with pytest.raises(DataError, match="cannot read"):
        mnist.read_idx(tmp_path / "nope.gz")


def write_pair(tmp_path, images, labels):
    img, lab = tmp_path / "imgs.gz", tmp_path / "labs.gz"
    img.write_bytes(gz(idx_bytes(images)))
    lab.write_bytes(gz(idx_bytes(labels)))
    return img, lab


def test_load_pair_mismatched_counts(tmp_path):
    paths = write_pair(tmp_path, np.zeros((3, 28, 28), np.uint8), np.zeros(4, np.uint8))
    with pytest.raises(DataError, match="imgs.gz has 3 images but labs.gz has 4 labels"):
        mnist.load_mnist_pair(*paths)


def test_load_pair_label_out_of_range(tmp_path):
    paths = write_pair(tmp_path, np.zeros((2, 28, 28), np.uint8), np.array([3, 10], np.uint8))
    with pytest.raises(DataError, match="labs.gz contains label 10"):
        mnist.load_mnist_pair(*paths)


def test_load_pair_wrong_image_shape(tmp_path):
    paths = write_pair(tmp_path, np.zeros((2, 27, 28), np.uint8), np.zeros(2, np.uint8))
    with pytest.raises(DataError, match="imgs.gz does not hold 28x28 images"):
        mnist.load_mnist_pair(*paths)


# ---------------------------------------------------------------- bundled set

def test_bundled_checksums_match_files():
    for name, (digest, size) in mnist.BUNDLED_FILES.items():
        data = resources.resource_path("mnist", name).read_bytes()
        assert len(data) == size and sha(data) == digest
        assert mnist.FULL_FILES[name] == (digest, size)


def test_load_bundled():
    images, labels = mnist.load_bundled()
    assert images.shape == (10_000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10_000,) and set(np.unique(labels)) == set(range(10))


def test_load_bundled_detects_damage(monkeypatch):
    name = "t10k-labels-idx1-ubyte.gz"
    monkeypatch.setitem(mnist.BUNDLED_FILES, name, ("0" * 64, 4542))
    with pytest.raises(DataError, match=f"{name} is damaged"):
        mnist.load_bundled()


def test_split_is_deterministic_and_disjoint():
    idx = np.arange(10_000)
    first = mnist.split_bundled(idx, idx)
    second = mnist.split_bundled(idx, idx)
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a, b)
    x_train, y_train, x_val, y_val = first
    assert len(x_train) == 8_000 and len(x_val) == 2_000
    np.testing.assert_array_equal(x_train, y_train)  # images and labels stay paired
    assert np.intersect1d(x_train, x_val).size == 0
    assert np.union1d(x_train, x_val).size == 10_000


def test_load_mnist_bundled(tmp_path):
    data = mnist.load_mnist("auto", cache_dir=tmp_path)  # empty cache -> bundled
    assert data.source == "bundled"
    assert data.description == "bundled MNIST test set: 8,000 training / 2,000 validation images"
    assert data.x_train.shape == (8_000, 784) and data.x_train.dtype == np.float32
    assert data.x_val.shape == (2_000, 784) and data.y_val.dtype == np.int64
    assert data.x_train.min() == 0.0 and data.x_train.max() == 1.0
    assert not data.x_train.flags.writeable and not data.y_train.flags.writeable
    assert mnist.load_mnist("bundled") is data  # cached in memory


def test_load_mnist_full_not_downloaded(tmp_path):
    with pytest.raises(DataError, match="not downloaded"):
        mnist.load_mnist("full", cache_dir=tmp_path)
    assert not mnist.full_available(tmp_path)


def test_load_mnist_rejects_unknown_source():
    with pytest.raises(ValueError, match="unknown MNIST source"):
        mnist.load_mnist("imagenet")


# ---------------------------------------------------------------- downloader

def serve_fake(server, monkeypatch, **sizes) -> dict[str, bytes]:
    files = fake_full_set(**sizes)
    server.files.update(files)
    monkeypatch.setattr(mnist, "FULL_FILES", {n: (sha(b), len(b)) for n, b in files.items()})
    monkeypatch.setattr(mnist_download, "_CHUNK_SIZE", 1024)  # many chunks from small files
    return files


def test_download_success_then_cached(tmp_path, server, monkeypatch):
    files = serve_fake(server, monkeypatch)
    calls = []
    cache = mnist_download.download_full(tmp_path, base_urls=[server.url], timeout=5,
                                progress=lambda *a: calls.append(a))
    assert cache == tmp_path
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)
    for name, body in files.items():
        assert (tmp_path / name).read_bytes() == body
        done = [d for n, d, _ in calls if n == name]
        assert done == sorted(done) and done[0] == 0 and done[-1] == len(body)
        assert len(done) > 3 or "labels" in name  # image files span many 1 KiB chunks
        assert {t for n, _, t in calls if n == name} == {len(body)}
    assert len(server.requests) == 4

    mnist_download.download_full(tmp_path, base_urls=[server.url], timeout=5)
    assert len(server.requests) == 4  # everything valid in the cache: no new requests

    assert mnist.full_available(tmp_path)
    x_train, y_train, x_test, y_test = mnist.load_full(tmp_path)
    assert x_train.shape == (40, 28, 28) and y_test.shape == (20,)


def test_load_mnist_uses_full_when_available(tmp_path, server, monkeypatch):
    serve_fake(server, monkeypatch)
    monkeypatch.setattr(mnist, "FULL_VALIDATION", 10)
    monkeypatch.setattr(mnist, "_LOADED", {})
    mnist_download.download_full(tmp_path, base_urls=[server.url], timeout=5)
    data = mnist.load_mnist("auto", cache_dir=tmp_path)
    assert data.source == "full" and data.x_train.shape == (30, 784) and len(data.y_val) == 10
    assert data.description == ("MNIST: 30 training / 10 validation images "
                                "(from the 40-image training set)")
    assert mnist.load_mnist("full", cache_dir=tmp_path) is data


def test_download_replaces_damaged_cached_file(tmp_path, server, monkeypatch):
    files = serve_fake(server, monkeypatch)
    name = "train-labels-idx1-ubyte.gz"
    for n, body in files.items():
        (tmp_path / n).write_bytes(body if n != name else b"junk")
    mnist_download.download_full(tmp_path, base_urls=[server.url], timeout=5)
    assert server.requests == ["/" + name]
    assert (tmp_path / name).read_bytes() == files[name]


def test_download_uses_env_mirror_and_falls_back(tmp_path, server, monkeypatch):
    body = gz(idx_bytes(np.arange(5, dtype=np.uint8)))
    server.files["a.gz"] = body
    monkeypatch.setenv("INITVIZ_MNIST_URL", server.url)
    mnist_download.download_full(tmp_path, files={"a.gz": sha(body)}, timeout=5)
    assert server.requests == ["/a.gz"]
    mnist_download.download_full(tmp_path / "2", base_urls=[server.url + "gone/", server.url],
                        files={"a.gz": sha(body)}, timeout=5)
    assert server.requests[1:] == ["/gone/a.gz", "/a.gz"]


def assert_nothing_left(cache: Path):
    assert list(cache.iterdir()) == []  # no file and no temp file


def test_download_checksum_mismatch(tmp_path, server):
    server.files["a.gz"] = b"not what was promised"
    with pytest.raises(DataError, match="a.gz is corrupt"):
        mnist_download.download_full(tmp_path, base_urls=[server.url], files={"a.gz": "0" * 64}, timeout=5)
    assert_nothing_left(tmp_path)


def test_download_cut_short(tmp_path, server):
    body = bytes(range(256)) * 40
    server.files["a.gz"] = body
    server.short.add("a.gz")
    with pytest.raises(DataError, match="cut short"):
        mnist_download.download_full(tmp_path, base_urls=[server.url], files={"a.gz": sha(body)}, timeout=5)
    assert_nothing_left(tmp_path)


def test_download_http_404(tmp_path, server):
    with pytest.raises(DataError, match="HTTP 404"):
        mnist_download.download_full(tmp_path, base_urls=[server.url], files={"a.gz": "0" * 64}, timeout=5)
    assert_nothing_left(tmp_path)


def test_download_network_error(tmp_path):
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    with pytest.raises(DataError, match="could not download a.gz"):
        mnist_download.download_full(tmp_path, base_urls=["http://127.0.0.1:1/"],
                            files={"a.gz": "0" * 64}, timeout=5)
    assert_nothing_left(tmp_path)


def test_download_cancel(tmp_path, server, monkeypatch):
    body = bytes(range(256)) * 40
    server.files["a.gz"] = body
    monkeypatch.setattr(mnist_download, "_CHUNK_SIZE", 1024)
    calls = []
    with pytest.raises(DownloadCancelled, match="cancelled"):
        mnist_download.download_full(tmp_path, base_urls=[server.url], files={"a.gz": sha(body)},
                            progress=lambda *a: calls.append(a), stop=lambda: len(calls) > 3,
                            timeout=5)
    assert 0 < calls[-1][1] < len(body)  # stopped part-way through
    assert_nothing_left(tmp_path)


# ---------------------------------------------------------------- resources

def test_resource_path_finds_checkout_file():
    path = resources.resource_path("mnist", "README.md")
    assert path.is_file() and "Creative Commons" in path.read_text(encoding="utf-8")


def test_resource_path_missing_names_places():
    with pytest.raises(FileNotFoundError, match=r"mnist/nope\.txt.*looked in: .*resources"):
        resources.resource_path("mnist", "nope.txt")


def test_resource_path_prefers_wheel_then_frozen(tmp_path, monkeypatch):
    pkg = tmp_path / "site-packages" / "initviz"
    (pkg / "_resources").mkdir(parents=True)
    (pkg / "_resources" / "x.txt").write_text("wheel")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", pkg)
    assert resources.resource_path("x.txt").read_text() == "wheel"

    bundle = tmp_path / "bundle"
    (bundle / "resources").mkdir(parents=True)
    (bundle / "resources" / "x.txt").write_text("frozen")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.resource_path("x.txt").read_text() == "frozen"


def test_user_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    monkeypatch.setenv("INITVIZ_CACHE_DIR", str(tmp_path / "override"))
    assert resources.user_cache_dir() == tmp_path / "override"

    monkeypatch.delenv("INITVIZ_CACHE_DIR")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert resources.user_cache_dir() == tmp_path / "xdg" / "initviz"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert resources.user_cache_dir() == tmp_path / ".cache" / "initviz"

    monkeypatch.setattr(sys, "platform", "darwin")
    assert resources.user_cache_dir() == tmp_path / "Library" / "Caches" / "initviz"

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert resources.user_cache_dir() == tmp_path / "Local" / "initviz" / "Cache"
