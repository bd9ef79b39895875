"""Locate bundled resource files and the per-user cache folder.

Pure stdlib on purpose: the engine and the tests use this without Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_roots() -> list[Path]:
    """Folders that may hold the resources, in the order they are tried."""
    roots = []
    if getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None):
        roots.append(Path(sys._MEIPASS) / "resources")  # PyInstaller bundle
    roots.append(_PACKAGE_DIR / "_resources")  # installed wheel (package-data)
    roots.append(_PACKAGE_DIR.parent / "resources")  # source checkout
    return roots


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>``, wherever the app is run from.

    Raises FileNotFoundError naming every place looked in.
    """
    roots = _resource_roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    looked = ", ".join(str(root) for root in roots)
    raise FileNotFoundError(
        f"resource {'/'.join(parts)!r} not found; looked in: {looked}"
    )


def user_cache_dir() -> Path:
    """Per-user cache folder for initviz (not created here).

    ``INITVIZ_CACHE_DIR`` overrides the platform default.
    """
    override = os.environ.get("INITVIZ_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform.startswith("win"):
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else home / "AppData" / "Local"
        return base / "initviz" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "initviz"
    xdg = os.environ.get("XDG_CACHE_HOME")
    # The XDG spec says relative paths are invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache"
    return base / "initviz"
