#!/usr/bin/env python3
"""Set up the project's virtual environment and run the app or the tests.

    python3 dev.py app [ARGS]     set up .venv, then start initviz (ARGS go to initviz)
    python3 dev.py test [ARGS]    set up .venv with the test tools, then run pytest: the
                                  engine's tests in a process without Qt, beside the window's
                                  (ARGS that name tests: one pytest run of those)

The environment is built from constraints.txt (exact, known-good versions) and rebuilt only when
constraints.txt or pyproject.toml change. Works on Linux, macOS and Windows with Python 3.11+.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
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
    # Two processes: the engine's tests never load Qt (as its headless users), and a crash at
    # the exit of one run (seen once with both in one process: 1127 passed, then SIGSEGV) is
    # told apart from the other's result. They run side by side: each keeps about one core
    # busy (one BLAS thread, the window's tests mostly on the GUI thread), so on two cores the
    # engine's ~4 min hide under the window's. The window's report is shown as it comes, the
    # engine's when it ends.
    with tempfile.TemporaryFile() as log:
        engine = subprocess.Popen([str(PY), "-m", "pytest", "tests", "--ignore=tests/ui",
                                   *rest], cwd=ROOT, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            window = subprocess.call([str(PY), "-m", "pytest", "tests/ui", *rest], cwd=ROOT,
                                     env=env)
        finally:
            engine_rc = engine.wait()
        log.seek(0)
        print("\n--- the engine's tests (tests --ignore=tests/ui) ---", flush=True)
        sys.stdout.buffer.write(log.read())
        sys.stdout.flush()
    if engine_rc or window:
        print(f"dev.py test: engine's tests exit {engine_rc}, window's {window}", flush=True)
    return engine_rc or window


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
