#!/usr/bin/env python3
"""Build the initviz desktop application for the platform this runs on.

    python3 packaging/build.py                one-folder application: dist/initviz/
    python3 packaging/build.py --onefile      one executable: dist/initviz (initviz.exe)
    python3 packaging/build.py --clean        start from scratch (PyInstaller cache, build/, dist/)
    python3 packaging/build.py --selftest     then run the result with --selftest
    python3 packaging/build.py --console      Windows: keep a console (see tracebacks)
    python3 packaging/build.py --no-slim      keep every file the hooks collect (to measure)

The build runs in its own virtual environment, build/venv (INITVIZ_BUILD_VENV overrides),
with exactly initviz's runtime dependencies and PyInstaller, all at the versions pinned in
constraints.txt: nothing of the developer's .venv (pytest, ...) can end up in the bundle, the
bundle has exactly one Qt binding (PySide6), and .venv stays as dev.py made it. The build venv
is rebuilt only when constraints.txt or pyproject.toml change. initviz itself is not installed
there: the spec puts the checkout on the search path.

Prints the output path, its size and the build time. Works on Linux, macOS and Windows with
Python 3.11+ (the build venv's Python is the one the bundle carries).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "initviz.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
VENV = Path(os.environ.get("INITVIZ_BUILD_VENV", ROOT / "build" / "venv"))
WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if WINDOWS else "bin")
PY = BIN / ("python.exe" if WINDOWS else "python")
NAME = "initviz"
SIZE_LIMIT_MB = 200


def say(text: str) -> None:
    print(f"build: {text}", flush=True)


def requirements() -> list[str]:
    """initviz's runtime dependencies and its [build] extra, as pyproject.toml lists them."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"]) + list(project["optional-dependencies"]["build"])
    return reqs


def _stamp(reqs: list[str]) -> str:
    h = hashlib.sha256("\n".join(reqs).encode())
    h.update(sys.version.encode())
    for name in ("constraints.txt", "pyproject.toml"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def _venv_python_version() -> str:
    """major.minor of the build venv's Python, from its pyvenv.cfg."""
    try:
        for line in (VENV / "pyvenv.cfg").read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() in ("version", "version_info"):
                return ".".join(value.strip().split(".")[:2])
    except OSError:
        pass
    return ""


def ensure_build_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit("build: needs Python 3.11 or newer")
    reqs = requirements()
    stamp_file = VENV / ".initviz-build"
    stamp = _stamp(reqs)
    if stamp_file.exists() and stamp_file.read_text() == stamp and PY.exists():
        return
    if PY.exists() and _venv_python_version() != "%d.%d" % sys.version_info[:2]:
        say(f"{VENV} was made with another Python version: making it again")
        shutil.rmtree(VENV)
    if not PY.exists():
        say(f"creating the build environment {VENV} with {sys.executable}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    say("installing the pinned runtime dependencies and PyInstaller")
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.check_call(pip + ["install", "-c", str(ROOT / "constraints.txt"), *reqs],
                          cwd=ROOT)
    # One Qt binding only: PyInstaller refuses to bundle two, and pyqtgraph would pick any.
    others = subprocess.run([str(PY), "-c", (
        "import importlib.util as u;"
        "print(' '.join(m for m in ('PyQt5','PyQt6','PySide2') if u.find_spec(m)))")],
        capture_output=True, text=True, check=True).stdout.split()
    if others:
        sys.exit(f"build: {VENV} has other Qt bindings ({', '.join(others)}); remove them")
    stamp_file.write_text(stamp)


def compile_translations() -> None:
    """resources/translations/*.ts -> .qm (build products, not in git) with the build venv's
    lrelease, when missing or older than their .ts."""
    sys.path.insert(0, str(ROOT / "tools"))
    from update_translations import release
    lrelease = BIN / ("pyside6-lrelease.exe" if WINDOWS else "pyside6-lrelease")
    for qm in release(lrelease=str(lrelease), only_stale=True):
        say(f"compiled {qm.relative_to(ROOT)}")


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under path, symlinks not followed (the macOS .app has many)."""
    if path.is_file():
        return path.stat().st_size, 1
    total = files = 0
    for folder, _dirs, names in os.walk(path):
        for name in names:
            p = Path(folder) / name
            if not p.is_symlink():
                total += p.stat().st_size
                files += 1
    return total, files


def missing_qt_libraries(folder: Path) -> list[str]:
    """Linux: Qt libraries that a bundled library or plugin needs but the bundle lacks (a
    plugin whose library was excluded would silently fail to load at run time)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    missing = set()
    for path in folder.rglob("*.so*"):
        if path.is_symlink() or "PySide6" not in path.parts:
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line and "libQt6" in line:
                missing.add(f"{path.relative_to(folder)} needs {line.split()[0]}")
    return sorted(missing)


def output_path(onefile: bool) -> Path:
    if onefile:
        return DIST / (f"{NAME}.exe" if WINDOWS else NAME)
    return DIST / NAME


def executable(onefile: bool) -> Path:
    if onefile:
        return output_path(True)
    return DIST / NAME / (f"{NAME}.exe" if WINDOWS else NAME)


def run_selftest(exe: Path) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    say(f"running {exe} --selftest")
    t0 = time.perf_counter()
    code = subprocess.call([str(exe), "--selftest"], env=env)
    say(f"selftest {'passed' if code == 0 else f'FAILED (exit status {code})'} in "
        f"{time.perf_counter() - t0:.1f} s (start-up included)")
    return code


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="packaging/build.py", description=(
        "Build the initviz application with PyInstaller for this platform."))
    p.add_argument("--onefile", action="store_true", help="one executable instead of a folder")
    p.add_argument("--clean", action="store_true",
                   help="remove PyInstaller's cache and the previous build/dist output first")
    p.add_argument("--console", action="store_true", help="Windows: keep a console window")
    p.add_argument("--no-slim", action="store_true",
                   help="do not exclude unused Qt modules, plugins and translations")
    p.add_argument("--selftest", action="store_true", help="run the result with --selftest")
    args = p.parse_args(argv)

    ensure_build_venv()
    compile_translations()
    out = output_path(args.onefile)
    if args.clean:
        for path in (WORK, DIST / NAME, DIST / f"{NAME}.exe", DIST / f"{NAME}.app"):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    elif out.exists() and out.is_dir() != (not args.onefile):
        # dist/initviz is a folder for one-folder builds and a file for one-file builds.
        shutil.rmtree(out) if out.is_dir() else out.unlink()

    command = [str(PY), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK)]
    if args.clean:
        command.append("--clean")
    command += [str(SPEC), "--"]
    command += [flag for flag, on in (("--onefile", args.onefile), ("--console", args.console),
                                      ("--no-slim", args.no_slim)) if on]
    say(f"{'one-file' if args.onefile else 'one-folder'} build for {sys.platform} "
        f"({'no exclusions' if args.no_slim else 'slim'})")
    t0 = time.perf_counter()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    code = subprocess.call(command, cwd=ROOT, env=env)
    seconds = time.perf_counter() - t0
    if code != 0:
        say(f"PyInstaller failed (exit status {code}) after {seconds:.1f} s")
        return code

    if not args.onefile:
        # PyInstaller copies files with fresh times: keep each .qm no older than its .ts, or
        # the app would take its catalogue for stale and try to compile it again.
        for qm in out.rglob("resources/translations/*.qm"):
            ts = qm.with_suffix(".ts")
            if ts.exists() and qm.stat().st_mtime < ts.stat().st_mtime:
                os.utime(qm)
    if not args.onefile and sys.platform.startswith("linux"):
        # Beside the executable: the menu entry and a per-user installer for it.
        for name in ("initviz.desktop", "install-linux.sh"):
            shutil.copy2(ROOT / "packaging" / name, out / name)
    size, files = tree_size(out)
    mb = size / 1e6
    say(f"output: {out}")
    say(f"size: {mb:.1f} MB ({size / 2**20:.1f} MiB) in {files:,} files")
    say(f"build time: {seconds:.1f} s")
    if sys.platform == "darwin" and (DIST / f"{NAME}.app").exists():
        say(f"macOS application: {DIST / f'{NAME}.app'}")
    if not args.onefile:
        missing = missing_qt_libraries(out)
        if missing:
            say("ERROR: the bundle lacks Qt libraries its own files need:")
            for line in missing:
                print(f"    {line}", flush=True)
            return 1
        if not args.no_slim and mb > SIZE_LIMIT_MB:
            say(f"WARNING: {mb:.1f} MB is over the {SIZE_LIMIT_MB} MB target")
    if args.selftest:
        return run_selftest(executable(args.onefile))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
