"""The headless commands stopped by a signal (the real command, as a subprocess): SIGTERM,
SIGHUP and SIGINT end `initviz sweep` like Ctrl+C (one line, exit status 128 + the signal,
every finished row kept and resumable) and no worker process outlives its parent, however
the parent ends (SIGKILL included). No timings: each wait is on a condition, with a generous
limit."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from initviz.engine.config import DataConfig, ExperimentConfig, merge
from initviz.engine.sweep import make_spec, parse_axis, run_cell
from initviz.engine.sweep_exec import task_json
from initviz.engine.sweep_file import read_rows
from processes import alive, workers
from test_cli import ROOT, no_qt  # noqa: F401  (the fixture)
from test_parallel import comparison

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
LIMIT = 300.0   # seconds: only a hang reaches it

# Two quick cells (5 batches) and two that would train for hours: the command writes two rows
# and then waits on its two workers.
BASE = merge(ExperimentConfig(data=DataConfig(name="normal", samples=256, features=8,
                                              classes=3, probe_samples=64)),
             {"network": {"depth": 2, "width": 8}, "train": {"batch_size": 16}})
AXES = ["train.steps=5,1000000", "network.depth=2,3"]


def _until(condition, what: str):
    end = time.monotonic() + LIMIT
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"still waiting for {what}")


def _start(no_qt, tmp_path, *args) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(no_qt), str(ROOT)]),
               LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG="C.UTF-8")
    return subprocess.Popen([sys.executable, "-m", "initviz", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _sweep(no_qt, tmp_path, out):
    base = tmp_path / "base.json"
    base.write_text(BASE.to_json(), encoding="utf-8")
    args = ["sweep", str(base), "--workers", "2", "--out", str(out)]
    for a in AXES:
        args += ["--axis", a]
    return _start(no_qt, tmp_path, *args)


def _rows_on_disk(out) -> int:
    try:
        return len(out.read_text(encoding="utf-8").splitlines()) - 2   # spec line, header
    except OSError:
        return 0


def _ended_with_workers_gone(p, up):
    p.wait(LIMIT)
    _until(lambda: not any(alive(w) for w in up), "the workers to end")
    return p.returncode


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signalled_sweep_keeps_its_rows_says_so_and_leaves_no_worker(tmp_path, no_qt, name):
    out = tmp_path / "s.csv"
    p = _sweep(no_qt, tmp_path, out)
    _until(lambda: _rows_on_disk(out) == 2 or p.poll() is not None, "the two quick rows")
    up = _until(lambda: workers(p.pid) if len(workers(p.pid)) == 2 else None, "2 workers")
    sig = getattr(signal, name)
    p.send_signal(sig)
    code = _ended_with_workers_gone(p, up)
    err = p.stderr.read().strip().splitlines()
    assert code == 128 + sig, err
    assert err[-1] == f"initviz: interrupted ({name}); 2/4 runs kept in {out}"
    assert not workers(p.pid)
    # The rows on disk are whole, read back as this sweep's, and equal to a fresh run's.
    spec = make_spec(BASE, [parse_axis(a) for a in AXES], 1)
    rows = read_rows(out, spec)
    assert sorted(rows) == [((5, 2), 0), ((5, 3), 0)]
    for key, row in rows.items():
        assert row == pytest.approx(run_cell(task_json(spec, key)), nan_ok=True)


def test_a_killed_sweep_leaves_no_worker_and_its_rerun_resumes(tmp_path, no_qt):
    out = tmp_path / "s.csv"
    p = _sweep(no_qt, tmp_path, out)
    _until(lambda: _rows_on_disk(out) == 2 or p.poll() is not None, "the two quick rows")
    p.send_signal(signal.SIGTERM)
    p.wait(LIMIT)
    again = _sweep(no_qt, tmp_path, out)            # the same file: it continues
    up = _until(lambda: workers(again.pid) if len(workers(again.pid)) == 2 else None,
                "2 workers")
    again.kill()                                     # SIGKILL: no cleanup code runs in it
    _ended_with_workers_gone(again, up)
    assert "resuming: 2/4 runs already in" in again.stderr.read()
    assert _rows_on_disk(out) == 2


def test_initviz_run_stopped_by_sigterm_ends_its_workers(tmp_path, no_qt):
    cfg = comparison(steps=1_000_000)    # two runs: one per worker
    path = tmp_path / "cfg.json"
    path.write_text(cfg.to_json(), encoding="utf-8")
    p = _start(no_qt, tmp_path, "run", str(path), "--workers", "2", "--quiet")
    up = _until(lambda: workers(p.pid) if len(workers(p.pid)) == 2 or p.poll() is not None
                else None, "2 workers")
    p.send_signal(signal.SIGTERM)
    assert _ended_with_workers_gone(p, up) == 128 + signal.SIGTERM
    assert p.stderr.read().strip().splitlines()[-1] == "initviz: interrupted (SIGTERM)"


def test_the_windows_kept_sweep_workers_end_with_a_killed_window(tmp_path):
    # The Sweep tab keeps a WorkerPool of started processes between sweeps; its process
    # killed without a word, they notice and end.
    code = textwrap.dedent("""
        from initviz.engine.sweep_exec import WorkerPool
        pool = WorkerPool(nice=True)
        pool.warm(2)
        while not pool.ready:
            pass
        print("ready", flush=True)
        import time
        time.sleep(1e6)
    """)
    p = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                         text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert p.stdout.readline().strip() == "ready"
    up = workers(p.pid)
    assert len(up) == 2
    p.kill()
    _ended_with_workers_gone(p, up)


def test_the_windows_one_process_job_ends_with_a_killed_window(tmp_path):
    # The Jacobian tab's spectra and the Sweep tab's overlay run in a OneProcess job; a job
    # process waits on its call queue, whose both ends it holds, so only its watcher ends it.
    began = tmp_path / "began"
    code = textwrap.dedent(f"""
        import threading, time
        from initviz.ui.run.background_job import OneProcess
        job = "import pathlib, time; pathlib.Path({str(began)!r}).touch(); time.sleep(1e6)"
        threading.Thread(target=OneProcess().run, args=(exec, job), daemon=True).start()
        time.sleep(1e6)
    """)
    p = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    _until(began.exists, "the job to begin")
    up = workers(p.pid)
    assert len(up) == 1
    p.kill()
    _ended_with_workers_gone(p, up)


def test_a_signal_lost_where_it_landed_is_raised_by_the_next_check(monkeypatch):
    # The handler raises in whatever the main thread runs; in a __del__ (the garbage
    # collector's) Python only reports it as unraisable. The commands' loops call check()
    # each turn.
    from initviz.interrupts import Interrupted, Interrupts
    lost = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: lost.append(u.exc_type))

    class Finalized:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGTERM)
            sum(range(1000))            # the handler runs here; its exception goes nowhere

    with Interrupts() as guard:
        guard.check()                   # nothing came yet
        Finalized()
        assert lost == [Interrupted]
        with pytest.raises(Interrupted) as caught:
            guard.check()
    assert caught.value.signum == signal.SIGTERM
