"""Hostile input to the engine, as tables: data files, downloads, configs from Python, the
pre-run budget and the text cleaner. Each case asserts the exception type and its one-line
message, and that nothing is left behind. No case allocates more than a few megabytes."""
import gzip
import json
import re
import struct
import threading

import numpy as np
import pytest

from initviz.engine import budget, limits, mnist, mnist_download
from initviz.engine.config import ConfigError, ExperimentConfig, RunSpec
from initviz.engine.errors import DataError
from initviz.engine.experiment_file import ExperimentFileError, parse_experiment
from initviz.engine.mnist_download import DownloadCancelled
from initviz.safe_io import WriteError, write_file
from mnist_files import gz, idx_bytes, isolated_env, serve, sha  # noqa: F401 (a fixture)


def one_line(exc_info, pattern):
    text = str(exc_info.value)
    assert "\n" not in text and re.search(pattern, text), text


# ---------------------------------------------------------------- IDX files

def header(*dims):
    return bytes([0, 0, 8, len(dims)]) + struct.pack(f">{len(dims)}I", *dims)


IDX_CASES = [
    ("dims-2**32-1", header(2 ** 32 - 1, 2 ** 32 - 1, 2 ** 32 - 1, 2 ** 32 - 1),
     r"declares 340,282,366,\S+ items of data \(4,294,967,295 x .*\); at most 1,000,000"),
    ("dims-just-over", header(1001, 1000), r"declares 1,001,000 items"),
    ("gzip-bomb", gzip.compress(b"\0" * 3_000_000, mtime=0),
     r"IDX data inflates to more than 1,000,000 bytes; not read"),
    ("gzip-truncated", gz(idx_bytes(np.arange(100, dtype=np.uint8)))[:40],
     r"corrupt or incomplete gzip file"),
    ("gzip-garbage-after", gz(idx_bytes(np.arange(5, dtype=np.uint8))) + b"junk" * 10,
     r"corrupt or incomplete gzip file"),
]


@pytest.mark.parametrize("case", IDX_CASES, ids=[c[0] for c in IDX_CASES])
def test_hostile_idx(case):
    _, data, pattern = case
    with pytest.raises(DataError) as info:
        mnist.read_idx(data, max_bytes=1_000_000)
    one_line(info, pattern)
    assert not re.search(r"-\d+,\d", str(info.value))       # no negative byte count


def test_idx_two_gzip_members_are_read_whole():
    data = idx_bytes(np.arange(50, dtype=np.uint8))
    assert mnist.read_idx(gz(data[:20]) + gz(data[20:])).tolist() == list(range(50))


@pytest.mark.parametrize("where", ["/dev/zero", "big"])
def test_idx_files_checked_before_reading(tmp_path, where):
    path = where
    if where == "big":
        path = tmp_path / "big.gz"
        with open(path, "wb") as fh:
            fh.truncate(2_000_001)       # sparse: nothing is written
    with pytest.raises(DataError) as info:
        mnist.read_idx(path, max_bytes=2_000_000)
    one_line(info, r"not a regular file|2,000,001 bytes; files of more than 2,000,000")


# ---------------------------------------------------------------- downloads

@pytest.fixture
def server():
    with serve() as state:
        yield state


def download(tmp_path, server, body=b"x" * 5000, name="a.gz", **kw):
    server.files.setdefault(name, body)
    kw.setdefault("timeout", 10)
    return mnist_download.download_full(tmp_path / "cache",
                                        base_urls=kw.pop("urls", [server.url]),
                                        files={name: sha(body)}, **kw)


def nothing_left(tmp_path):
    return not (tmp_path / "cache").exists() or list((tmp_path / "cache").iterdir()) == []


def test_download_follows_a_redirect_on_the_same_host(tmp_path, server):
    server.files["b.gz"] = b"x" * 5000
    server.redirects["a.gz"] = server.url + "b.gz"
    download(tmp_path, server, body=b"x" * 5000)
    assert server.requests == ["/a.gz", "/b.gz"]


REDIRECTS = [
    ("other-host", "http://localhost:{port}/b.gz", r"redirects to http://localhost"),
    ("other-port", "http://127.0.0.1:1/b.gz", r"redirects to http://127.0.0.1:1/b.gz, which is "
                                              r"not one of the download locations"),
    ("ftp", "ftp://127.0.0.1:{port}/b.gz", r"redirects to ftp://"),
    ("file", "file:///etc/passwd", r"could not download a.gz"),
    ("loop", "{url}a.gz", r"could not download a.gz from .*: too many redirects$"),
    ("ping-pong", "{url}b.gz", r"too many redirects$"),
]


@pytest.mark.parametrize("case", REDIRECTS, ids=[c[0] for c in REDIRECTS])
def test_hostile_redirects(tmp_path, server, case):
    _, location, pattern = case
    port = server.url.rsplit(":", 1)[1].strip("/")
    server.redirects["a.gz"] = location.format(port=port, url=server.url)
    server.redirects["b.gz"] = server.url + "a.gz"
    with pytest.raises(DataError) as info:
        download(tmp_path, server)
    one_line(info, pattern)
    assert nothing_left(tmp_path) and len(server.requests) <= 2 * mnist_redirects() + 2


def mnist_redirects():
    from initviz.engine import download as dl
    return dl.MAX_REDIRECTS


def test_body_longer_than_announced_size_is_refused_at_once(tmp_path, server, monkeypatch):
    body = bytes(range(256)) * 100
    server.files["a.gz"] = body
    monkeypatch.setitem(mnist.FULL_FILES, "a.gz", (sha(body), 1000))
    with pytest.raises(DataError) as info:
        download(tmp_path, server, body=body)
    one_line(info, r"download of a.gz refused: 25,600 bytes, more than the expected 1,000")
    assert nothing_left(tmp_path)


def test_body_without_length_is_cut_at_the_expected_size(tmp_path, server, monkeypatch):
    body = bytes(range(256)) * 100
    server.files["a.gz"] = body
    server.unsized.add("a.gz")
    monkeypatch.setattr(mnist_download, "_CHUNK_SIZE", 1024)
    monkeypatch.setitem(mnist.FULL_FILES, "a.gz", (sha(body), 3000))
    seen = []
    with pytest.raises(DataError) as info:
        download(tmp_path, server, body=body, progress=lambda n, d, t: seen.append(d))
    one_line(info, r"download of a.gz refused: \d,\d+ bytes, more than the expected 3,000")
    assert max(seen) <= 3000 and nothing_left(tmp_path)


def test_cancel_while_the_server_never_answers(tmp_path, server):
    """The server holds every request until the client has given up: the cancel cannot have
    come from the network (a 30 s timeout would end in a DataError, not a cancel)."""
    server.hold.clear()
    asked = threading.Event()
    with pytest.raises(DownloadCancelled):
        download(tmp_path, server, timeout=30,
                 stop=lambda: bool(server.requests) and (asked.set() or True))
    assert asked.is_set() and server.requests == ["/a.gz"]
    server.hold.set()
    assert nothing_left(tmp_path)


def test_cancel_between_slow_chunks_keeps_nothing(tmp_path, server, monkeypatch):
    body = bytes(range(256)) * 40
    server.delay = 0.05
    monkeypatch.setattr(mnist_download, "_CHUNK_SIZE", 1024)
    calls = []
    with pytest.raises(DownloadCancelled):
        download(tmp_path, server, body=body, progress=lambda *a: calls.append(a),
                 stop=lambda: len(calls) > 2)
    assert 0 < calls[-1][1] < len(body) and nothing_left(tmp_path)


# ---------------------------------------------------------------- configs, files, budget

ENGINE_CASES = [
    ("std-400-digit-int", lambda: RunSpec(init={"std": 10 ** 400}), ConfigError,
     r"init.std: must be a number from 0 to 100, not <401 digits>$"),
    ("seed-huge-int", lambda: ExperimentConfig(seed=10 ** 5000), ConfigError,
     r"seed: must be a whole number from 0 to 4.29497e\+09, not <5,001 digits>$"),
    ("label-too-long", lambda: RunSpec(label="x" * 201), ConfigError, r"201 characters"),
    ("from-json-deep", lambda: ExperimentConfig.from_json("[" * 50_000 + "]" * 50_000),
     ConfigError, r"nests deeper than 32 levels"),
    ("from-json-digits", lambda: ExperimentConfig.from_json('{"seed": ' + "9" * 5000 + "}"),
     ConfigError, r"5,000 digits"),
    ("experiment-v0", lambda: parse_experiment('{"schema": "initviz.experiment/0"}', "e.json"),
     ExperimentFileError, r"e.json has an unreadable schema version 'initviz.experiment/0'"),
    ("experiment-text-limit", lambda: parse_experiment(json.dumps(
        {"schema": "initviz.experiment/1", "config": {}, "app": "x" * 10_001}), "e.json"),
     ExperimentFileError, r"e.json: app: a text of 10,001 characters; at most 10,000"),
    ("budget-issue-example", lambda: budget.check(ExperimentConfig.from_dict(
        {"data": {"samples": 100_000, "features": 4096}, "network": {"depth": 100,
         "width": 2048}, "train": {"batch_size": 100_000, "steps": 10}})), budget.BudgetError,
     r"needs about \d+\.\d GB .*; lower network.width, network.depth, train.batch_size"),
    ("budget-small-machine", lambda: budget.check(ExperimentConfig(), memory=64 * 2 ** 20),
     budget.BudgetError, r"this machine has 64.0 MB; lower "),
    ("write-missing-folder", lambda: write_file("/nonexistent/x/r.json", "{}"), WriteError,
     r"^cannot write /nonexistent/x/r.json: No such file or directory$"),
    ("write-folder", lambda: write_file("/tmp", "{}"), WriteError, r"Is a directory$"),
]


@pytest.mark.parametrize("case", ENGINE_CASES, ids=[c[0] for c in ENGINE_CASES])
def test_hostile_engine_input(case):
    _, make, kind, pattern = case
    with pytest.raises(kind) as info:
        make()
    one_line(info, pattern)
    assert len(str(info.value)) < 300


def test_budget_warns_before_a_long_run_and_names_what_to_lower():
    config = ExperimentConfig.from_dict({"network": {"depth": 20, "width": 1024},
                                         "train": {"steps": 100_000, "batch_size": 512}})
    estimate = budget.check(config, memory=64 * 2 ** 30)
    assert estimate.seconds > budget.LONG_SECONDS and estimate.warning is not None
    assert re.match(r"this run will take about \d+ minutes .*lower train.steps or "
                    r"network.width", str(estimate.warning))
    small = budget.check(ExperimentConfig(), memory=64 * 2 ** 30)
    assert small.warning is None and small.bytes < 300 * 2 ** 20


def test_budget_grows_with_each_field_it_names():
    base = budget.estimate(ExperimentConfig())[0]
    for part, key, value in (("network", "width", 1000), ("network", "depth", 50),
                             ("train", "batch_size", 10_000), ("data", "samples", 50_000)):
        bigger = ExperimentConfig.from_dict({part: {key: value}, "train": {"steps": 10}})
        assert budget.estimate(bigger)[0] > base, key


def test_memory_limit_is_positive_and_at_most_physical_memory():
    import os
    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    assert 0 < budget.memory_limit() <= physical


CLEAN = [("\ud800", "\ufffd"), ("a\x1b[2Jb", "a\ufffd[2Jb"), ("tab\there", "tab here"),
         ("\u202eevil", "\ufffdevil"), ("ok µ √ 中文", "ok µ √ 中文"),
         ("x" * 10, "xxx…")]


@pytest.mark.parametrize("text,expected", CLEAN)
def test_clean_makes_text_safe_to_show(text, expected):
    assert limits.clean(text, 3 if len(text) == 10 else None) == expected
    assert limits.clean(text).encode("utf-8")          # never a lone surrogate


def test_a_lone_surrogate_label_is_kept_as_a_replacement_character():
    config = ExperimentConfig.from_json('{"runs": [{"label": "\\ud800x"}]}')
    assert config.runs[0].label == "\ufffdx"
    assert ExperimentConfig.from_json(config.to_json()) == config


def test_a_crash_report_on_a_full_disk_leaves_no_half_file(tmp_path, monkeypatch):
    import builtins
    import errno
    import tempfile
    from initviz import crash_report

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, text):
            self.fh.write(text[:10])
            self.fh.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(crash_report, "log_dir", lambda app: tmp_path / "logs")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    monkeypatch.setattr(crash_report, "open", lambda *a, **k: Full(builtins.open(*a, **k)),
                        raising=False)
    try:
        raise KeyError("x")
    except KeyError as exc:
        assert crash_report.write_report(type(exc), exc, exc.__traceback__, "initviz") is None
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
