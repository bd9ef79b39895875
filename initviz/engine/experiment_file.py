"""Experiment files: the config, the runs of a comparison and the seed, so that opening a file
on another machine reproduces the same curves. Versioned JSON; written atomically."""
from __future__ import annotations

import dataclasses
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from .config import ConfigError, ExperimentConfig
from .errors import QT_TRANSLATE_NOOP, Said
from .limits import LimitError, clean, loads, read_capped, shown
from ..safe_io import write_file

SCHEMA_NAME = "initviz.experiment"
VERSION = 1
SCHEMA = f"{SCHEMA_NAME}/{VERSION}"
SUFFIX = ".json"
CONFIG_KEYS = {f.name for f in dataclasses.fields(ExperimentConfig)}


class ExperimentFileError(Said):
    """A file that cannot be opened as an experiment; the message says why in one line."""


def save_experiment(path, config: ExperimentConfig, preset: str | None = None,
                    result: dict | None = None) -> Path:
    """Write the experiment to ``path`` atomically (a crash never leaves half a file); a
    failed write raises a WriteError naming the path and the reason."""
    from .. import __version__
    path = Path(path)
    doc = {"schema": SCHEMA, "app": f"initviz {__version__}",
           "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "preset": preset, "config": config.to_dict()}
    if result is not None:
        doc["result"] = result
    text = json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False)
    return write_file(path, text + "\n")


def parse_experiment(text: str, name: str = "the file"):
    """(config, preset key or None, result or None) from a file's text."""
    name = clean(name, 80)
    try:
        doc = loads(text)
    except json.JSONDecodeError as exc:
        raise ExperimentFileError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not valid JSON ({1} at line {2})"), name, exc.msg, exc.lineno
            ) from None
    except LimitError as exc:
        raise ExperimentFileError("{0}: {1}", name, exc) from None
    if isinstance(doc, dict) and "schema" not in doc and doc and \
            set(doc) <= CONFIG_KEYS:  # a hand-written config without the schema line
        doc = {"schema": "initviz.config/1", **doc}
    if not isinstance(doc, dict) or not isinstance(doc.get("schema"), str):
        raise ExperimentFileError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not an initviz experiment file (no schema)"), name)
    schema = doc["schema"]
    base, _, version = schema.partition("/")
    if base == "initviz.config":  # a bare config is fine too
        doc = {"schema": SCHEMA, "config": doc}
    elif base != SCHEMA_NAME:
        raise ExperimentFileError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not an initviz experiment file (its schema is {1})"), name,
            shown(schema))
    elif not re.fullmatch(r"[1-9][0-9]{0,5}", version):   # formats count from 1
        raise ExperimentFileError(QT_TRANSLATE_NOOP(
            "errors", "{0} has an unreadable schema version {1}"), name, shown(schema))
    elif int(version) > VERSION:
        raise ExperimentFileError(QT_TRANSLATE_NOOP(
            "errors", "{0} was saved by a newer initviz (format version {1}); this version "
            "reads format {2}. Please update initviz."), name, version, VERSION)
    try:
        config = ExperimentConfig.from_dict(doc.get("config"))
    except ConfigError as exc:
        raise ExperimentFileError("{0}: {1}", name, exc) from None
    preset = doc.get("preset")
    result = doc.get("result")
    preset = clean(preset, 64) if isinstance(preset, str) and preset else None
    return config, preset, \
        result if isinstance(result, dict) else None


def load_experiment(path):
    """Read an experiment or config file within the limits of ``limits``."""
    path = Path(path)
    try:
        text = read_capped(path).decode("utf-8")
    except UnicodeDecodeError:
        raise ExperimentFileError(QT_TRANSLATE_NOOP("errors", "{0} is not a text file"),
                                  clean(path.name, 80)) from None
    except LimitError as exc:
        raise ExperimentFileError("{0}", exc) from None
    except OSError as exc:
        raise ExperimentFileError(QT_TRANSLATE_NOOP("errors", "cannot read {0}: {1}"),
                                  clean(path.name, 80), exc.strerror or str(exc)) from None
    return parse_experiment(text, path.name)
