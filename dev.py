#!/usr/bin/env python3
"""Set up the project's virtual environment and run the app or the tests.

    python3 dev.py app [ARGS]     set up .venv, then start initviz (ARGS go to initviz)
    python3 dev.py test [ARGS]    set up .venv with the test tools, then run pytest: each test
                                  file in a process of its own, one per core at a time (ARGS
                                  go to each; ARGS that name tests: one pytest run of those)

The environment is built from constraints.txt (exact, known-good versions) and rebuilt only when
constraints.txt or pyproject.toml change. Works on Linux, macOS and Windows with Python 3.11+.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("INITVIZ_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _find_python() -> str:
    if sys.version_info >= (3, 11):
        return sys.executable
    for name in ("python3.13", "python3.12", "python3.11"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("initviz needs Python 3.11 or newer; none was found on PATH.")


def _stamp(extras: str) -> str:
    h = hashlib.sha256(extras.encode())
    for name in ("constraints.txt", "pyproject.toml"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_venv(extras: str) -> None:
    stamp_file = VENV / f".initviz-{extras or 'app'}"
    stamp = _stamp(extras)
    if stamp_file.exists() and stamp_file.read_text() == stamp and PY.exists():
        return
    if not PY.exists():
        python = _find_python()
        print(f"Creating {VENV} with {python}", flush=True)
        if python == sys.executable:
            venv.EnvBuilder(with_pip=True).create(VENV)
        else:
            subprocess.check_call([python, "-m", "venv", str(VENV)])
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    target = f".[{extras}]" if extras else "."
    print(f"Installing initviz{f'[{extras}]' if extras else ''} and its pinned dependencies",
          flush=True)
    subprocess.check_call(pip + ["install", "-c", "constraints.txt", "-e", target], cwd=ROOT)
    stamp_file.write_text(stamp)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    # A source checkout gets its .qm catalogues here (the wheel and installer builds make
    # their own); the app never compiles them.
    release = [str(PY), str(ROOT / "tools" / "update_translations.py"), "--release", "--stale"]
    if command == "app":
        ensure_venv("")
        subprocess.check_call(release, cwd=ROOT)
        return subprocess.call([str(PY), "-m", "initviz", *rest], cwd=ROOT)
    ensure_venv("test")
    subprocess.check_call(release, cwd=ROOT)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if any(a.startswith("tests") for a in rest):
        return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)
    return run_files(test_files(), rest, env)


# The files that take longest go first, so that the lanes end close together (the seconds
# `dev.py test` printed for each on 2026-12-02); the others follow in name order.
HEAVY_FIRST = (
    "tests/test_presets_training.py",            # 216 s
    "tests/ui/test_presentation_fit.py",         # 109 s
    "tests/test_presets_propagation.py",         # 88 s
    "tests/ui/test_sweep_pane.py",               # 67 s
    "tests/ui/test_hostile_window.py",           # 53 s
    "tests/ui/test_presentation.py",             # 48 s
    "tests/ui/test_depth_pane.py",               # 48 s
    "tests/ui/test_magnitude_axes.py",           # 47 s
)
FILE_TIMEOUT = 20 * 60    # a file that hangs fails after this, and the other files still run


def test_files() -> list[str]:
    found = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py"))
    return [f for f in HEAVY_FIRST if f in found] + [f for f in found if f not in HEAVY_FIRST]


_RUNNING: set = set()


def _kill(proc: subprocess.Popen) -> None:
    """The file's process and its children (worker processes, a screenshot command)."""
    if os.name != "nt":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.kill()


def _run_file(name: str, args: list[str], env: dict) -> tuple[int, str, bool]:
    """One test file in a pytest process of its own (the engine's files never load Qt, and a
    crash is that file's alone), with its own temporary directory."""
    # Outside tests/ui without pytest-qt, which would import Qt: Qt-free, as headless users.
    no_qt = [] if name.startswith("tests/ui/") else [
        "-p", "no:pytest-qt", "-W", "ignore:Unknown config option"]   # its qt_api setting
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen([str(PY), "-m", "pytest", name, "--basetemp",
                                 str(Path(tmp) / "t"), "-p", "no:cacheprovider", *no_qt, *args],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=os.name != "nt")
        _RUNNING.add(proc)
        try:
            out, _ = proc.communicate(timeout=FILE_TIMEOUT)
        except subprocess.TimeoutExpired:
            _kill(proc)
            out, _ = proc.communicate()
            out += f"\ndev.py: stopped after {FILE_TIMEOUT} s\n".encode()
        finally:
            _RUNNING.discard(proc)
    return proc.returncode, out.decode(errors="replace"), _left_running(proc)


def _left_running(proc: subprocess.Popen) -> bool:
    """Whether the file left processes running (a hung command, its workers): they would
    take cores from the files after it. Given 5 s to end, then ended here (multiprocessing's
    resource tracker outlives pytest by a second or two, more on a busy machine: with 2 s,
    CI named three files for it)."""
    if os.name == "nt":
        return False
    for _ in range(50):
        try:
            os.killpg(proc.pid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        time.sleep(0.1)
    _kill(proc)
    return True


_COUNTS = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)\b")


def _summary(out: str) -> str:
    """pytest's last line of counts (something may print after it, at exit), else the last
    line."""
    lines = [ln.strip("= ") for ln in out.strip().splitlines() if ln.strip()]
    counted = [ln for ln in lines if _COUNTS.search(ln) and " in " in ln]
    return (counted or lines or ["no output"])[-1]


def run_files(files: list[str], args: list[str], env: dict) -> int:
    """Every test file in a process of its own, as many at a time as there are cores (each
    keeps about one busy: one BLAS thread, the window's tests on the GUI thread). The window's
    tests in one pytest process took 22-26 min on two cores; the lanes share the work out."""
    lanes = int(os.environ.get("INITVIZ_TEST_LANES") or os.cpu_count() or 1)
    queue, results, lock = list(files), {}, threading.Lock()
    t0 = time.monotonic()

    def lane():
        while True:
            with lock:
                if not queue:
                    return
                name = queue.pop(0)
            started = time.monotonic()
            rc, out, left = _run_file(name, args, env)
            summary = _summary(out)
            if rc < 0:
                summary = f"ended by signal {-rc}: {summary}"
            if left:
                summary += "; it left processes running, ended now"
            with lock:
                results[name] = (rc, out)
                mark = "ok  " if rc in (0, 5) else "FAIL"
                print(f"{mark} {name}: {summary} [{time.monotonic() - started:.0f} s]",
                      flush=True)

    threads = [threading.Thread(target=lane, daemon=True) for _ in range(max(1, lanes))]
    for t in threads:
        t.start()
    try:
        for t in threads:
            t.join()
    except KeyboardInterrupt:      # the files run in sessions of their own: end them here
        for proc in list(_RUNNING):
            _kill(proc)
        return 130
    failed = [f for f in files if results[f][0] not in (0, 5)]   # 5: no test collected
    for name in failed:
        print(f"\n--- {name} (exit {results[name][0]}) ---\n{results[name][1]}", flush=True)
    counts: dict[str, int] = {}
    for rc, out in results.values():
        for n, what in _COUNTS.findall(_summary(out)):
            what = "errors" if what == "error" else what
            counts[what] = counts.get(what, 0) + int(n)
    told = ", ".join(f"{n} {what}" for what, n in counts.items())
    print(f"\ndev.py test: {len(files)} files in {lanes} lanes, {told or 'no result'}, in "
          f"{time.monotonic() - t0:.0f} s" + (f"; files that failed: {', '.join(failed)}"
                                               if failed else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
