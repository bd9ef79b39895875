#!/usr/bin/env python3
"""Bring the translation catalogues up to date with the code, and build the .qm files.

    python tools/update_translations.py              # update every resources/translations/*.ts
    python tools/update_translations.py --add fr     # start a new language (initviz_fr.ts)
    python tools/update_translations.py --release    # also build the .qm files (lrelease)
    python tools/update_translations.py --release --stale   # only build missing/stale .qm
    python tools/update_translations.py --check      # exit 1 if a .ts is behind the code

``pyside6-lupdate`` reads the UI (``self.tr``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP``). The strings that live in the engine's data (no Qt there) are written
into a temporary Python file as ``QCoreApplication.translate(context, source)`` calls so that
lupdate picks them up too, in the contexts:

    presets      preset titles, questions, what to look at, take-aways and section names
    data         the descriptions of the data sets (templates with {0} fields)
    gallery      the short scheme names of the Schemes tab
    labels       the presets' run labels (legends, tables)
    schemes      initialization scheme titles and formulas
    activations  activation names
    config       the descriptions of the settings (tool tips of the control panel)

Translators then open the .ts in Qt Linguist (``pyside6-linguist``) or any .ts editor. Strings
no longer in the code are dropped (``-no-obsolete``); source locations are not stored
(``-locations none``) so that moving code does not churn the files.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
UI_DIR = ROOT / "initviz" / "ui"
sys.path.insert(0, str(ROOT))


def tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", shutil.which(f"pyside6-{name}"),
                      ROOT / ".venv" / "bin" / f"pyside6-{name}"):
        if candidate and Path(candidate).exists():
            return str(candidate)
    sys.exit(f"pyside6-{name} not found: install PySide6 (pip install PySide6-Essentials)")


def engine_strings() -> list[tuple[str, str]]:
    """(context, source) of every user-visible string in the engine's data."""
    from initviz.engine import config, data, mnist, presets
    from initviz.engine.activations import ACTIVATION_TITLES
    from initviz.engine.initializers import SCHEMES
    out: list[tuple[str, str]] = []
    for title in presets.SECTIONS.values():
        out.append(("presets", title))
    for p in presets.PRESETS.values():
        out += [("presets", p.title), ("presets", p.question), ("presets", p.look),
                ("presets", p.takeaway)]
        out += [("labels", run.label) for run in p.config.runs if run.label]
    for text in (data.NORMAL_TEXT, data.FLOWER_TEXT, mnist.BUNDLED_TEXT, mnist.FULL_TEXT):
        out.append(("data", text))
    from initviz.engine.scheme_gallery import NUMBERED, SHORT
    out += [("gallery", text) for text in (*SHORT.values(),
                                                *(t for t, _ in NUMBERED.values()))]
    for s in SCHEMES.values():
        out += [("schemes", s.title), ("schemes", s.formula)]
    for title in ACTIVATION_TITLES.values():
        out.append(("activations", title))
    for cls in (config.InitConfig, config.NetworkConfig, config.DataConfig,
                config.TrainConfig, config.ExperimentConfig):
        for f in dataclasses.fields(cls):
            doc = f.metadata.get("doc")
            if doc:
                out.append(("config", doc))
    seen, unique = set(), []
    for item in out:
        if item not in seen:
            seen.add(item)
            unique.append(item)
    return unique


def write_engine_file(folder: Path) -> Path:
    path = folder / "engine_strings.py"
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for ctx, src in engine_strings():
        lines.append(f"QCoreApplication.translate({ctx!r}, {src!r})")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ui_sources() -> list[str]:
    """The window's code, the command line's and the engine's (QT_TRANSLATE_NOOP marks)."""
    cli = [ROOT / "initviz" / "cli.py", ROOT / "initviz" / "sweep_cli.py",
           ROOT / "initviz" / "translations.py", ROOT / "initviz" / "safe_io.py",
           *sorted((ROOT / "initviz" / "engine").glob("*.py"))]   # error message templates
    return sorted(str(p) for p in [*UI_DIR.rglob("*.py"), *cli])


def lupdate(ts_files: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = write_engine_file(Path(tmp))
        cmd = [tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
               *ui_sources(), str(engine), "-ts", *map(str, ts_files)]
        subprocess.run(cmd, check=True)


# pyside6-lrelease is a Python script of the environment that has PySide6: a wheel build's
# isolated environment must not hand it its own module path.
CLEAN_ENV = {k: v for k, v in os.environ.items()
             if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE")}


def release(ts_files: list[Path] | None = None, lrelease: str | None = None,
            only_stale: bool = False) -> list[Path]:
    """Build the .qm next to each .ts (all of resources/translations by default); with
    ``only_stale``, only those missing or older than their .ts. The one place .qm files are
    made: by this tool, dev.py, the wheel build (setup.py), the installer build
    (packaging/build.py) and the test session. Returns the .qm files built."""
    built = []
    for ts in sorted(TS_DIR.glob("initviz_*.ts")) if ts_files is None else ts_files:
        qm = ts.with_suffix(".qm")
        if only_stale and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([lrelease or tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True, env=CLEAN_ENV)
        built.append(qm)
    return built


def messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source") or "")
            for c in root.iter("context") for m in c.iter("message")}


def check(ts_files: list[Path]) -> list[str]:
    """Problems: a catalogue that lacks a string of the code or keeps one the code dropped."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for ts in ts_files:
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            copies.append(copy)
        lupdate(copies)
        for ts, copy in zip(ts_files, copies):
            have, want = messages(ts), messages(copy)
            for ctx, src in sorted(want - have):
                problems.append(f"{ts.name}: missing [{ctx}] {src[:70]!r}")
            for ctx, src in sorted(have - want):
                problems.append(f"{ts.name}: no longer in the code [{ctx}] {src[:70]!r}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--add", metavar="LANG", help="start a catalogue for LANG (e.g. fr, de)")
    ap.add_argument("--release", action="store_true", help="also build the .qm files")
    ap.add_argument("--stale", action="store_true",
                    help="with --release: only build the .qm files that are missing or stale, "
                         "and leave the .ts alone")
    ap.add_argument("--check", action="store_true",
                    help="only report whether the catalogues are up to date (exit 1 if not)")
    args = ap.parse_args(argv)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    ts_files = sorted(TS_DIR.glob("initviz_*.ts"))
    if args.add:
        new = TS_DIR / f"initviz_{args.add}.ts"
        if new not in ts_files:
            ts_files.append(new)
    if args.check:
        problems = check(ts_files)
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    if args.release and args.stale:
        for qm in release(ts_files, only_stale=True):
            print(f"{qm.relative_to(ROOT)}: built")
        return 0
    lupdate(ts_files)
    if args.release:
        release(ts_files)
    for ts in ts_files:
        root = ET.parse(ts).getroot()
        todo = sum(1 for m in root.iter("message")
                   if m.find("translation").get("type") == "unfinished"
                   or not (m.findtext("translation") or "").strip())
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} messages, {todo} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
